CREATE TABLE `network_round_views` (
	`network_id` text NOT NULL,
	`round_id` text NOT NULL,
	`shown` text NOT NULL,
	`shown_at` integer NOT NULL,
	PRIMARY KEY(`network_id`, `round_id`),
	FOREIGN KEY (`network_id`) REFERENCES `networks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `network_round_views_round_idx` ON `network_round_views` (`round_id`);