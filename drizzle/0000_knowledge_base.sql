CREATE TABLE `answer_scales` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`label_nl` text NOT NULL,
	`label_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `clusters` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`origin` text NOT NULL,
	`eric_name` text,
	`name_nl` text NOT NULL,
	`name_en` text NOT NULL,
	`description_nl` text NOT NULL,
	`description_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `determinant_strategies` (
	`determinant_number` integer NOT NULL,
	`strategy_id` text NOT NULL,
	`source_id` text NOT NULL,
	`method_id` text NOT NULL,
	`strength` real NOT NULL,
	`via` text,
	`rationale_nl` text NOT NULL,
	`rationale_en` text NOT NULL,
	PRIMARY KEY(`determinant_number`, `strategy_id`, `source_id`),
	FOREIGN KEY (`determinant_number`) REFERENCES `determinants`(`number`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`strategy_id`) REFERENCES `strategies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`method_id`) REFERENCES `methods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `determinant_strategies_strategy_idx` ON `determinant_strategies` (`strategy_id`);--> statement-breakpoint
CREATE TABLE `determinants` (
	`number` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`group` text NOT NULL,
	`name_nl` text NOT NULL,
	`name_en` text NOT NULL,
	`name_verified` integer NOT NULL,
	`definition_nl` text NOT NULL,
	`definition_en` text NOT NULL,
	`respondent` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `determinants_code_unique` ON `determinants` (`code`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` text PRIMARY KEY NOT NULL,
	`determinant_number` integer NOT NULL,
	`position` integer NOT NULL,
	`text_nl` text NOT NULL,
	`text_en` text NOT NULL,
	`scale_id` text NOT NULL,
	`reverse` integer NOT NULL,
	`verified` integer NOT NULL,
	FOREIGN KEY (`determinant_number`) REFERENCES `determinants`(`number`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scale_id`) REFERENCES `answer_scales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `kb_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `methods` (
	`id` text PRIMARY KEY NOT NULL,
	`name_nl` text NOT NULL,
	`name_en` text NOT NULL,
	`description_nl` text NOT NULL,
	`description_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `scale_options` (
	`scale_id` text NOT NULL,
	`value` integer NOT NULL,
	`position` integer NOT NULL,
	`label_nl` text NOT NULL,
	`label_en` text NOT NULL,
	`valence` text NOT NULL,
	`score` real,
	PRIMARY KEY(`scale_id`, `value`),
	FOREIGN KEY (`scale_id`) REFERENCES `answer_scales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`citation` text NOT NULL,
	`url` text,
	`kind` text NOT NULL,
	`evidence` text NOT NULL,
	`description_nl` text NOT NULL,
	`description_en` text NOT NULL,
	`origin` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `strategies` (
	`id` text PRIMARY KEY NOT NULL,
	`position` integer NOT NULL,
	`eric_number` integer,
	`eric_name` text,
	`sister_number` integer,
	`origin` text NOT NULL,
	`name_nl` text NOT NULL,
	`name_en` text NOT NULL,
	`description_nl` text NOT NULL,
	`description_en` text NOT NULL,
	`example_nl` text NOT NULL,
	`example_en` text NOT NULL,
	`cluster_id` text NOT NULL,
	`effort` text NOT NULL,
	`waltz_importance` real,
	`waltz_feasibility` real,
	`waltz_quadrant` text,
	FOREIGN KEY (`cluster_id`) REFERENCES `clusters`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `strategies_ericNumber_unique` ON `strategies` (`eric_number`);--> statement-breakpoint
CREATE TABLE `strategy_actors` (
	`strategy_id` text NOT NULL,
	`actor` text NOT NULL,
	PRIMARY KEY(`strategy_id`, `actor`),
	FOREIGN KEY (`strategy_id`) REFERENCES `strategies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `strategy_phases` (
	`strategy_id` text NOT NULL,
	`phase` text NOT NULL,
	PRIMARY KEY(`strategy_id`, `phase`),
	FOREIGN KEY (`strategy_id`) REFERENCES `strategies`(`id`) ON UPDATE no action ON DELETE no action
);
