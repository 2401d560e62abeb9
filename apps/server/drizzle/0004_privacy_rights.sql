CREATE TABLE "disclosure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"recipient" text NOT NULL,
	"legal_basis" text NOT NULL,
	"categories" jsonb NOT NULL,
	"disclosed_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"secret_until" timestamp with time zone,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erasure_report" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_export" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"step" text NOT NULL,
	"parts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"blob_id" uuid,
	"ready_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"downloaded_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "privacy_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"due_at" timestamp with time zone NOT NULL,
	"extended_until" timestamp with time zone,
	"extension_reason" text,
	"closed_at" timestamp with time zone,
	"refusal_ground" text,
	"refusal_reason" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "processing_restriction" (
	"user_id" text PRIMARY KEY NOT NULL,
	"restricted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "disclosure_user_idx" ON "disclosure" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "privacy_request_user_idx" ON "privacy_request" USING btree ("user_id","opened_at");--> statement-breakpoint
CREATE INDEX "privacy_request_due_idx" ON "privacy_request" USING btree ("status","due_at");