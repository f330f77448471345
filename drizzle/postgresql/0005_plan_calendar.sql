ALTER TABLE "rounds" ADD COLUMN "plan_region" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "plan_school_year" text;