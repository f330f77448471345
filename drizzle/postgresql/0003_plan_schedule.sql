ALTER TABLE "plan_entries" ADD COLUMN "feasibility" integer;--> statement-breakpoint
ALTER TABLE "plan_entries" ADD COLUMN "importance" integer;--> statement-breakpoint
ALTER TABLE "plan_entries" ADD COLUMN "phase" text;--> statement-breakpoint
ALTER TABLE "plan_entries" ADD COLUMN "start_month" integer;--> statement-breakpoint
ALTER TABLE "plan_entries" ADD COLUMN "months" integer;