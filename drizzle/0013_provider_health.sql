CREATE TABLE `provider_health` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`config_id` text NOT NULL,
	`provider_name` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`ok` integer,
	`latency_ms` integer,
	`failure` text,
	`state` text NOT NULL,
	`previous_state` text,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `provider_health_config_at` ON `provider_health` (`config_id`,`at`);--> statement-breakpoint
CREATE INDEX `provider_health_at` ON `provider_health` (`at`);--> statement-breakpoint
CREATE TABLE `provider_probe_schedules` (
	`config_id` text PRIMARY KEY NOT NULL,
	`every_ms` integer NOT NULL,
	`updated_at` integer NOT NULL
);
