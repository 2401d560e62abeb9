CREATE TABLE "device" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"platform" text NOT NULL,
	"machine_hash" text NOT NULL,
	"product_version" text,
	"protection_status" text DEFAULT 'unknown' NOT NULL,
	"token_hash" text NOT NULL,
	"token_scopes" jsonb NOT NULL,
	"token_revoked_at" timestamp with time zone,
	"enrolled_at" timestamp with time zone NOT NULL,
	"last_checkin_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "device_command" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"result" text,
	"requested_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "device_enrollment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"device_id" uuid
);
--> statement-breakpoint
CREATE TABLE "device_problem" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"code" text NOT NULL,
	"detail" text,
	"fixable" boolean DEFAULT false NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "device_telemetry" (
	"id" bigserial NOT NULL,
	"device_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"protection_status" text NOT NULL,
	"product_version" text,
	"problems" jsonb NOT NULL,
	CONSTRAINT "device_telemetry_id_recorded_at_pk" PRIMARY KEY("id","recorded_at")
) PARTITION BY RANGE ("recorded_at");
--> statement-breakpoint
CREATE TABLE "license" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type_id" text NOT NULL,
	"user_id" text,
	"code_hash" text NOT NULL,
	"code_last_group" text NOT NULL,
	"status" text NOT NULL,
	"auto_renew" boolean DEFAULT false NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"redeemed_at" timestamp with time zone,
	"starts_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"order_id" uuid
);
--> statement-breakpoint
CREATE TABLE "license_activation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"license_id" uuid NOT NULL,
	"user_id" text,
	"device_id" uuid,
	"machine_hash" text NOT NULL,
	"activated_at" timestamp with time zone NOT NULL,
	"last_validated_at" timestamp with time zone,
	"deactivated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "license_reminder" (
	"license_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"term_expires_at" timestamp with time zone NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "license_reminder_license_id_term_expires_at_days_before_pk" PRIMARY KEY("license_id","term_expires_at","days_before")
);
--> statement-breakpoint
CREATE TABLE "license_type" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"seats" integer NOT NULL,
	"term_days" integer,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_card" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"provider" text NOT NULL,
	"provider_ref" text NOT NULL,
	"last4" text NOT NULL,
	"exp_month" integer NOT NULL,
	"exp_year" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"entitlements" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_order" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text,
	"provider" text NOT NULL,
	"provider_order_id" text NOT NULL,
	"status" text NOT NULL,
	"items" jsonb NOT NULL,
	"total_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_webhook_event" (
	"provider" text NOT NULL,
	"event_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "store_webhook_event_provider_event_id_pk" PRIMARY KEY("provider","event_id")
);
--> statement-breakpoint
ALTER TABLE "device_command" ADD CONSTRAINT "device_command_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_problem" ADD CONSTRAINT "device_problem_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license" ADD CONSTRAINT "license_type_id_license_type_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."license_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_activation" ADD CONSTRAINT "license_activation_license_id_license_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."license"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_reminder" ADD CONSTRAINT "license_reminder_license_id_license_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."license"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_type" ADD CONSTRAINT "license_type_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_user_idx" ON "device" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "device_command_pending_idx" ON "device_command" USING btree ("device_id") WHERE status in ('pending', 'delivered');--> statement-breakpoint
CREATE INDEX "device_command_user_idx" ON "device_command" USING btree ("user_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "device_enrollment_code_idx" ON "device_enrollment" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "device_enrollment_user_idx" ON "device_enrollment" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "device_problem_open_idx" ON "device_problem" USING btree ("device_id","code") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "device_problem_user_idx" ON "device_problem" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "device_telemetry_device_idx" ON "device_telemetry" USING btree ("device_id","recorded_at");--> statement-breakpoint
CREATE INDEX "device_telemetry_user_idx" ON "device_telemetry" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "license_code_hash_idx" ON "license" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "license_user_idx" ON "license" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "license_expires_idx" ON "license" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "license_activation_seat_idx" ON "license_activation" USING btree ("license_id","machine_hash") WHERE deactivated_at is null;--> statement-breakpoint
CREATE INDEX "license_activation_user_idx" ON "license_activation" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "license_reminder_user_idx" ON "license_reminder" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_card_provider_ref_idx" ON "payment_card" USING btree ("provider","provider_ref");--> statement-breakpoint
CREATE INDEX "payment_card_user_idx" ON "payment_card" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "store_order_provider_idx" ON "store_order" USING btree ("provider","provider_order_id");--> statement-breakpoint
CREATE INDEX "store_order_user_idx" ON "store_order" USING btree ("user_id","placed_at");--> statement-breakpoint
CREATE INDEX "store_webhook_event_received_idx" ON "store_webhook_event" USING btree ("received_at");