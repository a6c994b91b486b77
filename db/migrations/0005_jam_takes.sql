CREATE TABLE "jam_takes" (
	"id" text PRIMARY KEY NOT NULL,
	"song_id" text NOT NULL,
	"version_id" text NOT NULL,
	"name" text NOT NULL,
	"take" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jam_takes" ADD CONSTRAINT "jam_takes_song_id_songs_id_fk" FOREIGN KEY ("song_id") REFERENCES "public"."songs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jam_takes" ADD CONSTRAINT "jam_takes_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jam_takes_version_created_idx" ON "jam_takes" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE INDEX "jam_takes_song_idx" ON "jam_takes" USING btree ("song_id");