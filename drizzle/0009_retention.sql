CREATE TABLE `audit_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`through_id` integer NOT NULL,
	`hash` text NOT NULL,
	`pruned_rows` integer NOT NULL,
	`before` integer NOT NULL,
	`at` integer NOT NULL,
	`mac` text NOT NULL
);
