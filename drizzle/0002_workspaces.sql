CREATE TABLE `plan_entries` (
	`round_id` text NOT NULL,
	`strategy_id` text NOT NULL,
	`position` integer NOT NULL,
	`status` text NOT NULL,
	`spec` text NOT NULL,
	`barriers` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`round_id`, `strategy_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`state` text NOT NULL,
	`closes_at` integer,
	`respondent_token_hash` text,
	`link_generation` integer DEFAULT 1 NOT NULL,
	`submission_count` integer DEFAULT 0 NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`settings` text NOT NULL,
	`plan_title` text DEFAULT '' NOT NULL,
	`plan_revision` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_respondentTokenHash_unique` ON `rounds` (`respondent_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_workspace_position_idx` ON `rounds` (`workspace_id`,`position`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`client_id` text NOT NULL,
	`seq` integer NOT NULL,
	`role` text NOT NULL,
	`group` text,
	`answers` text NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_round_client_idx` ON `submissions` (`round_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `submissions_round_seq_idx` ON `submissions` (`round_id`,`seq`);--> statement-breakpoint
CREATE TABLE `team_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`label` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_tokens_tokenHash_unique` ON `team_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `team_tokens_workspace_idx` ON `team_tokens` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `workspaces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`innovation` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`groups` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
