ALTER TABLE `determinant_strategies` ADD `basis` text DEFAULT 'imported' NOT NULL;--> statement-breakpoint
ALTER TABLE `determinant_strategies` ADD `cell` text;--> statement-breakpoint
ALTER TABLE `determinant_strategies` ADD `construct` text;--> statement-breakpoint
ALTER TABLE `determinant_strategies` ADD `via_nl` text;--> statement-breakpoint
ALTER TABLE `determinant_strategies` ADD `via_en` text;--> statement-breakpoint
ALTER TABLE `methods` ADD `bases` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `methods` ADD `fixed_strength` real;--> statement-breakpoint
ALTER TABLE `sources` ADD `tier` text DEFAULT 'imported' NOT NULL;--> statement-breakpoint
ALTER TABLE `strategies` ADD `mechanism_changed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `strategies` ADD `adaptation_note_nl` text;--> statement-breakpoint
ALTER TABLE `strategies` ADD `adaptation_note_en` text;