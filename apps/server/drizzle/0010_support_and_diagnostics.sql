CREATE TABLE "diag_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"request_id" uuid,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"file_blob_id" uuid NOT NULL,
	"parsed_blob_id" uuid,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"findings" jsonb NOT NULL,
	"problem" text,
	"confirmation" text NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "diag_upload_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"request_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_agent" (
	"user_id" text NOT NULL,
	"department_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "support_agent_user_id_department_id_pk" PRIMARY KEY("user_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "support_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"blob_id" uuid NOT NULL,
	"terms_version" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_canned_reply" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"updated_by_id" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_department" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "support_department_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "support_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"author_id" text NOT NULL,
	"author_kind" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigserial NOT NULL,
	"user_id" text NOT NULL,
	"company_id" text,
	"department_id" uuid NOT NULL,
	"assignee_id" text,
	"status" text NOT NULL,
	"subject" text NOT NULL,
	"contact_email" text NOT NULL,
	"product_id" text NOT NULL,
	"license_id" uuid,
	"license_number" text,
	"hardware" text NOT NULL,
	"software" text NOT NULL,
	"description" text NOT NULL,
	"country" text,
	"language" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "support_request_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "support_routing_rule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" integer NOT NULL,
	"department_id" uuid NOT NULL,
	"license_kind" text,
	"product_id" text,
	"country" text,
	"language" text,
	"updated_by_id" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"user_id" text NOT NULL,
	"request_id" uuid,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"rating" smallint,
	"comment" text,
	"year" integer,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "support_terms_acceptance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"version" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_terms_version" (
	"version" text PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_agent" ADD CONSTRAINT "support_agent_department_id_support_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."support_department"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_attachment" ADD CONSTRAINT "support_attachment_request_id_support_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_attachment" ADD CONSTRAINT "support_attachment_terms_version_support_terms_version_version_fk" FOREIGN KEY ("terms_version") REFERENCES "public"."support_terms_version"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_canned_reply" ADD CONSTRAINT "support_canned_reply_department_id_support_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."support_department"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_message" ADD CONSTRAINT "support_message_request_id_support_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request" ADD CONSTRAINT "support_request_department_id_support_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."support_department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_routing_rule" ADD CONSTRAINT "support_routing_rule_department_id_support_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."support_department"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_survey" ADD CONSTRAINT "support_survey_request_id_support_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_terms_acceptance" ADD CONSTRAINT "support_terms_acceptance_version_support_terms_version_version_fk" FOREIGN KEY ("version") REFERENCES "public"."support_terms_version"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "diag_report_user_idx" ON "diag_report" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "diag_report_request_idx" ON "diag_report" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "diag_report_expires_idx" ON "diag_report" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "diag_upload_token_hash_idx" ON "diag_upload_token" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "diag_upload_token_user_idx" ON "diag_upload_token" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "support_attachment_request_idx" ON "support_attachment" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "support_message_request_idx" ON "support_message" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "support_message_user_idx" ON "support_message" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "support_request_user_idx" ON "support_request" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "support_request_queue_idx" ON "support_request" USING btree ("department_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "support_request_company_idx" ON "support_request" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "support_survey_token_idx" ON "support_survey" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "support_survey_request_idx" ON "support_survey" USING btree ("request_id") WHERE kind = 'request';--> statement-breakpoint
CREATE UNIQUE INDEX "support_survey_yearly_idx" ON "support_survey" USING btree ("user_id","year") WHERE kind = 'yearly';--> statement-breakpoint
CREATE INDEX "support_terms_acceptance_user_idx" ON "support_terms_acceptance" USING btree ("user_id","version");