CREATE TABLE `provider_configs` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`model` text NOT NULL,
	`base_url` text,
	`key_ref` text,
	`key_hint` text,
	`key_set_at` integer,
	`key_invalid` integer DEFAULT false NOT NULL,
	`tasks` text DEFAULT '[]' NOT NULL,
	`priority` integer DEFAULT 100 NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`daily_token_limit` integer,
	`monthly_token_limit` integer,
	`monthly_cost_limit_micros` integer,
	`on_limit` text DEFAULT 'fallback' NOT NULL,
	`timeout_ms` integer DEFAULT 60000 NOT NULL,
	`max_output_tokens` integer DEFAULT 4096 NOT NULL,
	`temperature` real,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provider_configs_name_unique` ON `provider_configs` (`name`);--> statement-breakpoint
CREATE TABLE `budget_counters` (
	`config_id` text NOT NULL,
	`period_key` text NOT NULL,
	`tokens` integer DEFAULT 0 NOT NULL,
	`cost_micros` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`config_id`, `period_key`)
);
--> statement-breakpoint
CREATE TABLE `budget_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`config_id` text NOT NULL,
	`request_id` text NOT NULL,
	`day_key` text NOT NULL,
	`month_key` text NOT NULL,
	`state` text NOT NULL,
	`reserved_tokens` integer NOT NULL,
	`used_tokens` integer DEFAULT 0 NOT NULL,
	`reserved_cost_micros` integer DEFAULT 0 NOT NULL,
	`used_cost_micros` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`settled_at` integer
);
--> statement-breakpoint
CREATE INDEX `budget_ledger_config_day` ON `budget_ledger` (`config_id`,`day_key`);--> statement-breakpoint
CREATE INDEX `budget_ledger_config_month` ON `budget_ledger` (`config_id`,`month_key`);--> statement-breakpoint
CREATE INDEX `budget_ledger_state` ON `budget_ledger` (`state`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`task` text NOT NULL,
	`payload` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`result` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key_unique` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_status_next` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `prices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer NOT NULL,
	`model` text NOT NULL,
	`input_micros_per_mtok` integer NOT NULL,
	`output_micros_per_mtok` integer NOT NULL,
	`cached_input_micros_per_mtok` integer,
	`source` text NOT NULL,
	`effective_date` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `prices_model_version` ON `prices` (`model`,`version`);--> statement-breakpoint
CREATE TABLE `usage_daily` (
	`bucket_start` integer NOT NULL,
	`config_id` text NOT NULL,
	`provider_name` text NOT NULL,
	`provider_kind` text NOT NULL,
	`model` text NOT NULL,
	`task` text NOT NULL,
	`user_id` text NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`errors` integer DEFAULT 0 NOT NULL,
	`fallbacks` integer DEFAULT 0 NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cached_input_tokens` integer DEFAULT 0 NOT NULL,
	`cost_micros` integer DEFAULT 0 NOT NULL,
	`unpriced_calls` integer DEFAULT 0 NOT NULL,
	`estimated_calls` integer DEFAULT 0 NOT NULL,
	`latency_sum_ms` integer DEFAULT 0 NOT NULL,
	`error_classes` text DEFAULT '{}' NOT NULL,
	`lat_b0` integer DEFAULT 0 NOT NULL,
	`lat_b1` integer DEFAULT 0 NOT NULL,
	`lat_b2` integer DEFAULT 0 NOT NULL,
	`lat_b3` integer DEFAULT 0 NOT NULL,
	`lat_b4` integer DEFAULT 0 NOT NULL,
	`lat_b5` integer DEFAULT 0 NOT NULL,
	`lat_b6` integer DEFAULT 0 NOT NULL,
	`lat_b7` integer DEFAULT 0 NOT NULL,
	`lat_b8` integer DEFAULT 0 NOT NULL,
	`lat_b9` integer DEFAULT 0 NOT NULL,
	`lat_b10` integer DEFAULT 0 NOT NULL,
	`lat_b11` integer DEFAULT 0 NOT NULL,
	`lat_b12` integer DEFAULT 0 NOT NULL,
	`lat_b13` integer DEFAULT 0 NOT NULL,
	`lat_b14` integer DEFAULT 0 NOT NULL,
	`lat_b15` integer DEFAULT 0 NOT NULL,
	`lat_b16` integer DEFAULT 0 NOT NULL,
	`lat_b17` integer DEFAULT 0 NOT NULL,
	`lat_b18` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`bucket_start`, `config_id`, `provider_name`, `model`, `task`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `usage_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`config_id` text,
	`provider_name` text NOT NULL,
	`provider_kind` text NOT NULL,
	`model` text NOT NULL,
	`task` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`error_class` text,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cached_input_tokens` integer DEFAULT 0 NOT NULL,
	`estimated` integer DEFAULT false NOT NULL,
	`cost_micros` integer,
	`price_version` integer,
	`latency_ms` integer NOT NULL,
	`ttft_ms` integer,
	`fallback` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `usage_events_created_at` ON `usage_events` (`created_at`);--> statement-breakpoint
CREATE INDEX `usage_events_request_id` ON `usage_events` (`request_id`);--> statement-breakpoint
CREATE TABLE `usage_hourly` (
	`bucket_start` integer NOT NULL,
	`config_id` text NOT NULL,
	`provider_name` text NOT NULL,
	`provider_kind` text NOT NULL,
	`task` text NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`errors` integer DEFAULT 0 NOT NULL,
	`fallbacks` integer DEFAULT 0 NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cached_input_tokens` integer DEFAULT 0 NOT NULL,
	`cost_micros` integer DEFAULT 0 NOT NULL,
	`unpriced_calls` integer DEFAULT 0 NOT NULL,
	`estimated_calls` integer DEFAULT 0 NOT NULL,
	`latency_sum_ms` integer DEFAULT 0 NOT NULL,
	`error_classes` text DEFAULT '{}' NOT NULL,
	`lat_b0` integer DEFAULT 0 NOT NULL,
	`lat_b1` integer DEFAULT 0 NOT NULL,
	`lat_b2` integer DEFAULT 0 NOT NULL,
	`lat_b3` integer DEFAULT 0 NOT NULL,
	`lat_b4` integer DEFAULT 0 NOT NULL,
	`lat_b5` integer DEFAULT 0 NOT NULL,
	`lat_b6` integer DEFAULT 0 NOT NULL,
	`lat_b7` integer DEFAULT 0 NOT NULL,
	`lat_b8` integer DEFAULT 0 NOT NULL,
	`lat_b9` integer DEFAULT 0 NOT NULL,
	`lat_b10` integer DEFAULT 0 NOT NULL,
	`lat_b11` integer DEFAULT 0 NOT NULL,
	`lat_b12` integer DEFAULT 0 NOT NULL,
	`lat_b13` integer DEFAULT 0 NOT NULL,
	`lat_b14` integer DEFAULT 0 NOT NULL,
	`lat_b15` integer DEFAULT 0 NOT NULL,
	`lat_b16` integer DEFAULT 0 NOT NULL,
	`lat_b17` integer DEFAULT 0 NOT NULL,
	`lat_b18` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`bucket_start`, `config_id`, `provider_name`, `task`)
);
--> statement-breakpoint
CREATE TABLE `admin_account` (
	`id` integer PRIMARY KEY NOT NULL,
	`password_hash` text NOT NULL,
	`totp_secret_ref` text NOT NULL,
	`last_totp_step` integer DEFAULT 0 NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `admin_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`host` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action` ON `audit_log` (`action`);--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code_hash` text NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`source_kind` text NOT NULL,
	`source_file_name` text,
	`source_text` text NOT NULL,
	`profile` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `document_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`version` integer NOT NULL,
	`text` text NOT NULL,
	`origin` text NOT NULL,
	`provider_name` text,
	`model` text,
	`request_id` text,
	`offline` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_versions_document` ON `document_versions` (`document_id`,`version`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`candidate_id` text NOT NULL,
	`job_posting_id` text,
	`title` text NOT NULL,
	`draft_text` text DEFAULT '' NOT NULL,
	`autosaved_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`job_posting_id`) REFERENCES `job_postings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `documents_candidate` ON `documents` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `job_postings` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text,
	`company` text,
	`source_kind` text NOT NULL,
	`source_file_name` text,
	`raw_text` text NOT NULL,
	`image_data` text,
	`image_media_type` text,
	`fields` text,
	`extracted_by` text,
	`extracted_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
