CREATE TABLE "retention_run" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"rows" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "stats_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"path" text NOT NULL,
	"referrer_host" text,
	"pseudonym" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_hourly" (
	"hour" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"path" text NOT NULL,
	"views" integer NOT NULL,
	"visitors" integer NOT NULL,
	CONSTRAINT "stats_hourly_hour_kind_path_pk" PRIMARY KEY("hour","kind","path")
);
--> statement-breakpoint
CREATE INDEX "retention_run_rule_idx" ON "retention_run" USING btree ("rule","id");--> statement-breakpoint
CREATE INDEX "stats_event_occurred_at_idx" ON "stats_event" USING btree ("occurred_at");