CREATE TABLE `facilitator_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `facilitator_tokens_tokenHash_unique` ON `facilitator_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `facilitator_tokens_network_idx` ON `facilitator_tokens` (`network_id`);--> statement-breakpoint
CREATE TABLE `network_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`network_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `network_invitations_tokenHash_unique` ON `network_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `network_invitations_network_idx` ON `network_invitations` (`network_id`);--> statement-breakpoint
CREATE TABLE `network_memberships` (
	`network_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`network_id`, `workspace_id`),
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `network_memberships_workspace_idx` ON `network_memberships` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `networks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`min_group_size` integer DEFAULT 5 NOT NULL,
	`parent_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "networks_min_group_size_floor" CHECK("networks"."min_group_size" >= 3)
);
--> statement-breakpoint
CREATE INDEX `networks_parent_idx` ON `networks` (`parent_id`);