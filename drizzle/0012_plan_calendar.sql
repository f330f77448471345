ALTER TABLE `rounds` ADD `plan_region` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `rounds` ADD `plan_school_year` text;