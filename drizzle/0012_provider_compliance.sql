CREATE TABLE `data_policies` (
	`scope` text NOT NULL,
	`target` text NOT NULL,
	`allow` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `target`)
);
--> statement-breakpoint
ALTER TABLE `provider_configs` ADD `region` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `provider_configs` ADD `data_retention` text;--> statement-breakpoint
ALTER TABLE `provider_configs` ADD `personal_data` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `provider_configs` ADD `pii_masking` integer DEFAULT true NOT NULL;