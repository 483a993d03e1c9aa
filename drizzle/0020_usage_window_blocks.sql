CREATE TABLE `usage_window_blocks` (
	`grouping` text NOT NULL,
	`window_start` integer NOT NULL,
	`sums` blob NOT NULL,
	`error_classes` text NOT NULL,
	`keys` text NOT NULL,
	`series` text,
	PRIMARY KEY(`grouping`, `window_start`)
);
