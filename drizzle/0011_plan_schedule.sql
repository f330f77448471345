ALTER TABLE `plan_entries` ADD `feasibility` integer;--> statement-breakpoint
ALTER TABLE `plan_entries` ADD `importance` integer;--> statement-breakpoint
ALTER TABLE `plan_entries` ADD `phase` text;--> statement-breakpoint
ALTER TABLE `plan_entries` ADD `start_month` integer;--> statement-breakpoint
ALTER TABLE `plan_entries` ADD `months` integer;