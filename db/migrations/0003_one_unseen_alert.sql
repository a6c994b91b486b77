-- Journals made before this migration may hold several unseen alerts for one song (a retried
-- crisis turn raised another): keep the newest open and mark the older ones seen, so the index fits.
UPDATE "safety_alerts" SET "seen_at" = now() WHERE "seen_at" IS NULL AND "id" NOT IN (SELECT DISTINCT ON ("song_id") "id" FROM "safety_alerts" WHERE "seen_at" IS NULL ORDER BY "song_id", "created_at" DESC);--> statement-breakpoint
CREATE UNIQUE INDEX "safety_alerts_unseen_song_idx" ON "safety_alerts" USING btree ("song_id") WHERE "safety_alerts"."seen_at" is null;
