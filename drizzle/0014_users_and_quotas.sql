CREATE TABLE `users` (
	`name` text PRIMARY KEY NOT NULL,
	`daily_token_limit` integer,
	`monthly_token_limit` integer,
	`daily_cost_limit_micros` integer,
	`monthly_cost_limit_micros` integer,
	`on_limit` text DEFAULT 'block' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `budget_ledger` ADD `subject` text DEFAULT 'config' NOT NULL;