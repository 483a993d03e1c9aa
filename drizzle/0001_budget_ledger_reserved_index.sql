DROP INDEX `budget_ledger_config_day`;--> statement-breakpoint
DROP INDEX `budget_ledger_config_month`;--> statement-breakpoint
DROP INDEX `budget_ledger_state`;--> statement-breakpoint
CREATE INDEX `budget_ledger_reserved` ON `budget_ledger` (`created_at`) WHERE state = 'reserved';