-- Counters for one-statement appends (see db/schema.ts): start them at what each journal already holds.
ALTER TABLE "conversations" ADD COLUMN "last_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "songs" ADD COLUMN "last_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "conversations" SET "last_seq" = (SELECT coalesce(max("seq"), 0) FROM "messages" WHERE "messages"."conversation_id" = "conversations"."id");--> statement-breakpoint
UPDATE "songs" SET "last_version" = (SELECT coalesce(max("number"), 0) FROM "versions" WHERE "versions"."song_id" = "songs"."id");
