CREATE TABLE `rating_answers` (
	`study_id` text NOT NULL,
	`expert_id` text NOT NULL,
	`round` integer NOT NULL,
	`determinant` integer NOT NULL,
	`strategy` text NOT NULL,
	`relevance` integer,
	`feasibility` integer,
	`comment` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`expert_id`, `round`, `determinant`, `strategy`),
	FOREIGN KEY (`study_id`) REFERENCES `rating_studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`expert_id`) REFERENCES `rating_experts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rating_answers_study_idx` ON `rating_answers` (`study_id`,`round`);--> statement-breakpoint
CREATE TABLE `rating_experts` (
	`id` text PRIMARY KEY NOT NULL,
	`study_id` text NOT NULL,
	`pseudonym` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer,
	FOREIGN KEY (`study_id`) REFERENCES `rating_studies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_experts_tokenHash_unique` ON `rating_experts` (`token_hash`);--> statement-breakpoint
CREATE INDEX `rating_experts_study_idx` ON `rating_experts` (`study_id`);--> statement-breakpoint
CREATE TABLE `rating_links` (
	`study_id` text NOT NULL,
	`determinant` integer NOT NULL,
	`strategy` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`study_id`, `determinant`, `strategy`),
	FOREIGN KEY (`study_id`) REFERENCES `rating_studies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rating_studies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`questions` text NOT NULL,
	`rounds` integer NOT NULL,
	`rule` text NOT NULL,
	`current_round` integer DEFAULT 1 NOT NULL,
	`closed_at` integer,
	`closed_reason` text,
	`owner_token_hash` text NOT NULL,
	`source_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_studies_ownerTokenHash_unique` ON `rating_studies` (`owner_token_hash`);