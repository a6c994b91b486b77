ALTER TABLE "versions" ALTER COLUMN "sketch" SET DATA TYPE json USING "sketch"::json;
