CREATE TABLE `usage_daily_by_dimension` (
	`dimension` text NOT NULL,
	`bucket_start` integer NOT NULL,
	`value` text NOT NULL,
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
	PRIMARY KEY(`dimension`, `bucket_start`, `value`)
);
--> statement-breakpoint
-- Backfill from the all-dimensions daily rollups: the sums per day and value, then the error classes merged.
INSERT INTO `usage_daily_by_dimension` (`dimension`, `bucket_start`, `value`, `calls`, `errors`, `fallbacks`, `input_tokens`, `output_tokens`, `cached_input_tokens`, `cost_micros`, `unpriced_calls`, `estimated_calls`, `latency_sum_ms`, `lat_b0`, `lat_b1`, `lat_b2`, `lat_b3`, `lat_b4`, `lat_b5`, `lat_b6`, `lat_b7`, `lat_b8`, `lat_b9`, `lat_b10`, `lat_b11`, `lat_b12`, `lat_b13`, `lat_b14`, `lat_b15`, `lat_b16`, `lat_b17`, `lat_b18`, `error_classes`)
SELECT 'provider', `bucket_start`, `provider_name`, sum(`calls`), sum(`errors`), sum(`fallbacks`), sum(`input_tokens`), sum(`output_tokens`), sum(`cached_input_tokens`), sum(`cost_micros`), sum(`unpriced_calls`), sum(`estimated_calls`), sum(`latency_sum_ms`), sum(`lat_b0`), sum(`lat_b1`), sum(`lat_b2`), sum(`lat_b3`), sum(`lat_b4`), sum(`lat_b5`), sum(`lat_b6`), sum(`lat_b7`), sum(`lat_b8`), sum(`lat_b9`), sum(`lat_b10`), sum(`lat_b11`), sum(`lat_b12`), sum(`lat_b13`), sum(`lat_b14`), sum(`lat_b15`), sum(`lat_b16`), sum(`lat_b17`), sum(`lat_b18`), '{}' FROM `usage_daily` GROUP BY `bucket_start`, `provider_name`;--> statement-breakpoint
UPDATE `usage_daily_by_dimension` SET `error_classes` = (
  SELECT coalesce(json_group_object(`key`, `n`), '{}') FROM (
    SELECT e.`key` AS `key`, sum(e.`value`) AS `n`
    FROM `usage_daily` d, json_each(d.`error_classes`) e
    WHERE d.`bucket_start` = `usage_daily_by_dimension`.`bucket_start`
      AND d.`provider_name` = `usage_daily_by_dimension`.`value`
    GROUP BY e.`key`
  )
) WHERE `dimension` = 'provider';--> statement-breakpoint
INSERT INTO `usage_daily_by_dimension` (`dimension`, `bucket_start`, `value`, `calls`, `errors`, `fallbacks`, `input_tokens`, `output_tokens`, `cached_input_tokens`, `cost_micros`, `unpriced_calls`, `estimated_calls`, `latency_sum_ms`, `lat_b0`, `lat_b1`, `lat_b2`, `lat_b3`, `lat_b4`, `lat_b5`, `lat_b6`, `lat_b7`, `lat_b8`, `lat_b9`, `lat_b10`, `lat_b11`, `lat_b12`, `lat_b13`, `lat_b14`, `lat_b15`, `lat_b16`, `lat_b17`, `lat_b18`, `error_classes`)
SELECT 'task', `bucket_start`, `task`, sum(`calls`), sum(`errors`), sum(`fallbacks`), sum(`input_tokens`), sum(`output_tokens`), sum(`cached_input_tokens`), sum(`cost_micros`), sum(`unpriced_calls`), sum(`estimated_calls`), sum(`latency_sum_ms`), sum(`lat_b0`), sum(`lat_b1`), sum(`lat_b2`), sum(`lat_b3`), sum(`lat_b4`), sum(`lat_b5`), sum(`lat_b6`), sum(`lat_b7`), sum(`lat_b8`), sum(`lat_b9`), sum(`lat_b10`), sum(`lat_b11`), sum(`lat_b12`), sum(`lat_b13`), sum(`lat_b14`), sum(`lat_b15`), sum(`lat_b16`), sum(`lat_b17`), sum(`lat_b18`), '{}' FROM `usage_daily` GROUP BY `bucket_start`, `task`;--> statement-breakpoint
UPDATE `usage_daily_by_dimension` SET `error_classes` = (
  SELECT coalesce(json_group_object(`key`, `n`), '{}') FROM (
    SELECT e.`key` AS `key`, sum(e.`value`) AS `n`
    FROM `usage_daily` d, json_each(d.`error_classes`) e
    WHERE d.`bucket_start` = `usage_daily_by_dimension`.`bucket_start`
      AND d.`task` = `usage_daily_by_dimension`.`value`
    GROUP BY e.`key`
  )
) WHERE `dimension` = 'task';--> statement-breakpoint
INSERT INTO `usage_daily_by_dimension` (`dimension`, `bucket_start`, `value`, `calls`, `errors`, `fallbacks`, `input_tokens`, `output_tokens`, `cached_input_tokens`, `cost_micros`, `unpriced_calls`, `estimated_calls`, `latency_sum_ms`, `lat_b0`, `lat_b1`, `lat_b2`, `lat_b3`, `lat_b4`, `lat_b5`, `lat_b6`, `lat_b7`, `lat_b8`, `lat_b9`, `lat_b10`, `lat_b11`, `lat_b12`, `lat_b13`, `lat_b14`, `lat_b15`, `lat_b16`, `lat_b17`, `lat_b18`, `error_classes`)
SELECT 'model', `bucket_start`, `model`, sum(`calls`), sum(`errors`), sum(`fallbacks`), sum(`input_tokens`), sum(`output_tokens`), sum(`cached_input_tokens`), sum(`cost_micros`), sum(`unpriced_calls`), sum(`estimated_calls`), sum(`latency_sum_ms`), sum(`lat_b0`), sum(`lat_b1`), sum(`lat_b2`), sum(`lat_b3`), sum(`lat_b4`), sum(`lat_b5`), sum(`lat_b6`), sum(`lat_b7`), sum(`lat_b8`), sum(`lat_b9`), sum(`lat_b10`), sum(`lat_b11`), sum(`lat_b12`), sum(`lat_b13`), sum(`lat_b14`), sum(`lat_b15`), sum(`lat_b16`), sum(`lat_b17`), sum(`lat_b18`), '{}' FROM `usage_daily` GROUP BY `bucket_start`, `model`;--> statement-breakpoint
UPDATE `usage_daily_by_dimension` SET `error_classes` = (
  SELECT coalesce(json_group_object(`key`, `n`), '{}') FROM (
    SELECT e.`key` AS `key`, sum(e.`value`) AS `n`
    FROM `usage_daily` d, json_each(d.`error_classes`) e
    WHERE d.`bucket_start` = `usage_daily_by_dimension`.`bucket_start`
      AND d.`model` = `usage_daily_by_dimension`.`value`
    GROUP BY e.`key`
  )
) WHERE `dimension` = 'model';--> statement-breakpoint
INSERT INTO `usage_daily_by_dimension` (`dimension`, `bucket_start`, `value`, `calls`, `errors`, `fallbacks`, `input_tokens`, `output_tokens`, `cached_input_tokens`, `cost_micros`, `unpriced_calls`, `estimated_calls`, `latency_sum_ms`, `lat_b0`, `lat_b1`, `lat_b2`, `lat_b3`, `lat_b4`, `lat_b5`, `lat_b6`, `lat_b7`, `lat_b8`, `lat_b9`, `lat_b10`, `lat_b11`, `lat_b12`, `lat_b13`, `lat_b14`, `lat_b15`, `lat_b16`, `lat_b17`, `lat_b18`, `error_classes`)
SELECT 'user', `bucket_start`, `user_id`, sum(`calls`), sum(`errors`), sum(`fallbacks`), sum(`input_tokens`), sum(`output_tokens`), sum(`cached_input_tokens`), sum(`cost_micros`), sum(`unpriced_calls`), sum(`estimated_calls`), sum(`latency_sum_ms`), sum(`lat_b0`), sum(`lat_b1`), sum(`lat_b2`), sum(`lat_b3`), sum(`lat_b4`), sum(`lat_b5`), sum(`lat_b6`), sum(`lat_b7`), sum(`lat_b8`), sum(`lat_b9`), sum(`lat_b10`), sum(`lat_b11`), sum(`lat_b12`), sum(`lat_b13`), sum(`lat_b14`), sum(`lat_b15`), sum(`lat_b16`), sum(`lat_b17`), sum(`lat_b18`), '{}' FROM `usage_daily` GROUP BY `bucket_start`, `user_id`;--> statement-breakpoint
UPDATE `usage_daily_by_dimension` SET `error_classes` = (
  SELECT coalesce(json_group_object(`key`, `n`), '{}') FROM (
    SELECT e.`key` AS `key`, sum(e.`value`) AS `n`
    FROM `usage_daily` d, json_each(d.`error_classes`) e
    WHERE d.`bucket_start` = `usage_daily_by_dimension`.`bucket_start`
      AND d.`user_id` = `usage_daily_by_dimension`.`value`
    GROUP BY e.`key`
  )
) WHERE `dimension` = 'user';
