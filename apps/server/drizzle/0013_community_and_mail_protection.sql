CREATE TABLE "community_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "community_member" (
	"user_id" text PRIMARY KEY NOT NULL,
	"user_name" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"show_full_name" boolean DEFAULT false NOT NULL,
	"notify_replies" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "community_post" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"author_notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mail_authorization" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state_hash" text NOT NULL,
	"verifier_sealed" text NOT NULL,
	"user_id" text NOT NULL,
	"license_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mail_authorization_state_hash_unique" UNIQUE("state_hash")
);
--> statement-breakpoint
CREATE TABLE "mail_connection" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"license_id" uuid NOT NULL,
	"user_id" text,
	"company_id" text,
	"connected_by" text,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"address" text NOT NULL,
	"refresh_token_sealed" text NOT NULL,
	"scope" text NOT NULL,
	"status" text NOT NULL,
	"scan_attachments" boolean DEFAULT true NOT NULL,
	"scan_links" boolean DEFAULT true NOT NULL,
	"action" text DEFAULT 'quarantine' NOT NULL,
	"cursor" text,
	"connected_at" timestamp with time zone NOT NULL,
	"last_scan_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"staff_user_id" text NOT NULL,
	"recipients" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_notice_delivery" (
	"notice_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mail_notice_delivery_notice_id_user_id_pk" PRIMARY KEY("notice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "mail_scan_day" (
	"connection_id" uuid NOT NULL,
	"user_id" text,
	"day" date NOT NULL,
	"scanned" integer NOT NULL,
	"threats" integer NOT NULL,
	CONSTRAINT "mail_scan_day_connection_id_day_pk" PRIMARY KEY("connection_id","day")
);
--> statement-breakpoint
CREATE TABLE "mail_threat" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"user_id" text,
	"item_ref" text NOT NULL,
	"verdict" text NOT NULL,
	"action_taken" text NOT NULL,
	"detected_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_trial_notice" (
	"license_id" uuid NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mail_trial_notice_license_id_ends_at_pk" PRIMARY KEY("license_id","ends_at")
);
--> statement-breakpoint
ALTER TABLE "community_comment" ADD CONSTRAINT "community_comment_post_id_community_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."community_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_comment" ADD CONSTRAINT "community_comment_user_id_community_member_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."community_member"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_member" ADD CONSTRAINT "community_member_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_post" ADD CONSTRAINT "community_post_user_id_community_member_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."community_member"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_authorization" ADD CONSTRAINT "mail_authorization_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_authorization" ADD CONSTRAINT "mail_authorization_license_id_license_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."license"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_connection" ADD CONSTRAINT "mail_connection_license_id_license_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."license"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_connection" ADD CONSTRAINT "mail_connection_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_connection" ADD CONSTRAINT "mail_connection_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_connection" ADD CONSTRAINT "mail_connection_connected_by_users_id_fk" FOREIGN KEY ("connected_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_notice_delivery" ADD CONSTRAINT "mail_notice_delivery_notice_id_mail_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."mail_notice"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_notice_delivery" ADD CONSTRAINT "mail_notice_delivery_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_scan_day" ADD CONSTRAINT "mail_scan_day_connection_id_mail_connection_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."mail_connection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_scan_day" ADD CONSTRAINT "mail_scan_day_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_threat" ADD CONSTRAINT "mail_threat_connection_id_mail_connection_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."mail_connection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_threat" ADD CONSTRAINT "mail_threat_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_trial_notice" ADD CONSTRAINT "mail_trial_notice_license_id_license_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."license"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_comment_post_idx" ON "community_comment" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "community_comment_user_idx" ON "community_comment" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "community_member_user_name_idx" ON "community_member" USING btree (lower("user_name"));--> statement-breakpoint
CREATE INDEX "community_member_deleted_at_idx" ON "community_member" USING btree ("deleted_at");--> statement-breakpoint
CREATE INDEX "community_post_created_idx" ON "community_post" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "community_post_user_idx" ON "community_post" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "mail_authorization_expires_idx" ON "mail_authorization" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_connection_address_idx" ON "mail_connection" USING btree ("license_id","provider",lower("address"));--> statement-breakpoint
CREATE INDEX "mail_connection_user_idx" ON "mail_connection" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "mail_connection_company_idx" ON "mail_connection" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "mail_notice_delivery_user_idx" ON "mail_notice_delivery" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "mail_scan_day_day_idx" ON "mail_scan_day" USING btree ("day");--> statement-breakpoint
CREATE INDEX "mail_threat_connection_idx" ON "mail_threat" USING btree ("connection_id","detected_at");--> statement-breakpoint
CREATE INDEX "mail_threat_detected_idx" ON "mail_threat" USING btree ("detected_at");