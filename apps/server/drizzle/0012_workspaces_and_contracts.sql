CREATE TABLE "support_contract" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" text NOT NULL,
	"product" text NOT NULL,
	"level" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"bought_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_contract_person" (
	"contract_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"authorised_at" timestamp with time zone NOT NULL,
	CONSTRAINT "support_contract_person_contract_id_user_id_pk" PRIMARY KEY("contract_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "support_contract_reminder" (
	"contract_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "support_contract_reminder_contract_id_user_id_ends_at_days_before_pk" PRIMARY KEY("contract_id","user_id","ends_at","days_before")
);
--> statement-breakpoint
CREATE TABLE "workspace" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" text NOT NULL,
	"name" text NOT NULL,
	"license_id" uuid NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_deletion_warning" (
	"workspace_id" uuid NOT NULL,
	"license_expires_at" timestamp with time zone NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workspace_deletion_warning_workspace_id_license_expires_at_days_before_pk" PRIMARY KEY("workspace_id","license_expires_at","days_before")
);
--> statement-breakpoint
CREATE TABLE "workspace_enrollment_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_member" (
	"workspace_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workspace_member_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "device" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
ALTER TABLE "support_contract" ADD CONSTRAINT "support_contract_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contract" ADD CONSTRAINT "support_contract_bought_by_users_id_fk" FOREIGN KEY ("bought_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contract_person" ADD CONSTRAINT "support_contract_person_contract_id_support_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."support_contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contract_person" ADD CONSTRAINT "support_contract_person_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contract_reminder" ADD CONSTRAINT "support_contract_reminder_contract_id_support_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."support_contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_contract_reminder" ADD CONSTRAINT "support_contract_reminder_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace" ADD CONSTRAINT "workspace_company_id_company_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."company"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace" ADD CONSTRAINT "workspace_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_deletion_warning" ADD CONSTRAINT "workspace_deletion_warning_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_enrollment_token" ADD CONSTRAINT "workspace_enrollment_token_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_enrollment_token" ADD CONSTRAINT "workspace_enrollment_token_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_member" ADD CONSTRAINT "workspace_member_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_member" ADD CONSTRAINT "workspace_member_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_contract_company_idx" ON "support_contract" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "support_contract_ends_idx" ON "support_contract" USING btree ("ends_at");--> statement-breakpoint
CREATE INDEX "support_contract_person_user_idx" ON "support_contract_person" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "workspace_company_idx" ON "workspace" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "workspace_license_idx" ON "workspace" USING btree ("license_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_enrollment_token_hash_idx" ON "workspace_enrollment_token" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "workspace_enrollment_token_workspace_idx" ON "workspace_enrollment_token" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "workspace_member_user_idx" ON "workspace_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "device_workspace_idx" ON "device" USING btree ("workspace_id") WHERE workspace_id is not null;