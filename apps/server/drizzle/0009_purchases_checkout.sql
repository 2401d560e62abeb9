CREATE TABLE "store_checkout" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"provider" text NOT NULL,
	"items" jsonb NOT NULL,
	"total_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"save_card" boolean NOT NULL,
	"status" text NOT NULL,
	"renewal_key" text,
	"order_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "store_order" ADD COLUMN "licenses" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "store_checkout_user_idx" ON "store_checkout" USING btree ("user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "store_checkout_renewal_idx" ON "store_checkout" USING btree ("renewal_key");--> statement-breakpoint
CREATE INDEX "store_checkout_expires_idx" ON "store_checkout" USING btree ("expires_at");