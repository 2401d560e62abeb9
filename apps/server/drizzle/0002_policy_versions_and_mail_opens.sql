CREATE TABLE "mail_open" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"message_id" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_version" (
	"hash" text PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"document" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "mail_open_user_idx" ON "mail_open" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "policy_version_published_idx" ON "policy_version" USING btree ("published_at");