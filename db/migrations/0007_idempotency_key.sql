ALTER TABLE "messages" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "answering_since" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_song_idempotency_idx" ON "messages" USING btree ("song_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_reply_to_idx" ON "messages" USING btree ("reply_to");