CREATE TABLE `usage_hour_blocks` (
	`window_start` integer PRIMARY KEY NOT NULL,
	`sums` blob NOT NULL,
	`error_classes` text NOT NULL,
	`keys` text NOT NULL
);
