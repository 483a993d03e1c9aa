CREATE TABLE `routing_strategies` (
	`task` text PRIMARY KEY NOT NULL,
	`strategy` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `usage_events` ADD `route_reason` text;