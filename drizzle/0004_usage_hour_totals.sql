CREATE TABLE `usage_hour_totals` (
	`bucket_start` integer PRIMARY KEY NOT NULL,
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
	`lat_b18` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `usage_hourly_dashboard`;--> statement-breakpoint
-- Backfill from the per-provider hourly rollups: the sums per hour, and the error classes' counts merged.
INSERT INTO `usage_hour_totals` (`bucket_start`, `calls`, `errors`, `fallbacks`, `input_tokens`, `output_tokens`, `cached_input_tokens`, `cost_micros`, `unpriced_calls`, `estimated_calls`, `latency_sum_ms`, `lat_b0`, `lat_b1`, `lat_b2`, `lat_b3`, `lat_b4`, `lat_b5`, `lat_b6`, `lat_b7`, `lat_b8`, `lat_b9`, `lat_b10`, `lat_b11`, `lat_b12`, `lat_b13`, `lat_b14`, `lat_b15`, `lat_b16`, `lat_b17`, `lat_b18`, `error_classes`)
SELECT `bucket_start`, sum(`calls`), sum(`errors`), sum(`fallbacks`), sum(`input_tokens`), sum(`output_tokens`), sum(`cached_input_tokens`), sum(`cost_micros`), sum(`unpriced_calls`), sum(`estimated_calls`), sum(`latency_sum_ms`), sum(`lat_b0`), sum(`lat_b1`), sum(`lat_b2`), sum(`lat_b3`), sum(`lat_b4`), sum(`lat_b5`), sum(`lat_b6`), sum(`lat_b7`), sum(`lat_b8`), sum(`lat_b9`), sum(`lat_b10`), sum(`lat_b11`), sum(`lat_b12`), sum(`lat_b13`), sum(`lat_b14`), sum(`lat_b15`), sum(`lat_b16`), sum(`lat_b17`), sum(`lat_b18`), '{}' FROM `usage_hourly` GROUP BY `bucket_start`;--> statement-breakpoint
UPDATE `usage_hour_totals` SET `error_classes` = (
  SELECT coalesce(json_group_object(`key`, `n`), '{}') FROM (
    SELECT e.`key` AS `key`, sum(e.`value`) AS `n`
    FROM `usage_hourly` h, json_each(h.`error_classes`) e
    WHERE h.`bucket_start` = `usage_hour_totals`.`bucket_start`
    GROUP BY e.`key`
  )
);
