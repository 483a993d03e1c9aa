-- Backfill from the all-dimensions daily rollups: the sums per day, provider type and task, then the error classes' counts merged.
INSERT INTO `usage_daily_by_kind_task` (`bucket_start`, `provider_kind`, `task`, `calls`, `errors`, `fallbacks`, `input_tokens`, `output_tokens`, `cached_input_tokens`, `cost_micros`, `unpriced_calls`, `estimated_calls`, `latency_sum_ms`, `lat_b0`, `lat_b1`, `lat_b2`, `lat_b3`, `lat_b4`, `lat_b5`, `lat_b6`, `lat_b7`, `lat_b8`, `lat_b9`, `lat_b10`, `lat_b11`, `lat_b12`, `lat_b13`, `lat_b14`, `lat_b15`, `lat_b16`, `lat_b17`, `lat_b18`)
SELECT `bucket_start`, `provider_kind`, `task`, sum(`calls`), sum(`errors`), sum(`fallbacks`), sum(`input_tokens`), sum(`output_tokens`), sum(`cached_input_tokens`), sum(`cost_micros`), sum(`unpriced_calls`), sum(`estimated_calls`), sum(`latency_sum_ms`), sum(`lat_b0`), sum(`lat_b1`), sum(`lat_b2`), sum(`lat_b3`), sum(`lat_b4`), sum(`lat_b5`), sum(`lat_b6`), sum(`lat_b7`), sum(`lat_b8`), sum(`lat_b9`), sum(`lat_b10`), sum(`lat_b11`), sum(`lat_b12`), sum(`lat_b13`), sum(`lat_b14`), sum(`lat_b15`), sum(`lat_b16`), sum(`lat_b17`), sum(`lat_b18`) FROM `usage_daily` GROUP BY `bucket_start`, `provider_kind`, `task`;--> statement-breakpoint
UPDATE `usage_daily_by_kind_task` SET `error_classes` = (
  SELECT coalesce(json_group_object(`key`, `n`), '{}') FROM (
    SELECT e.`key` AS `key`, sum(e.`value`) AS `n`
    FROM `usage_daily` d, json_each(d.`error_classes`) e
    WHERE d.`bucket_start` = `usage_daily_by_kind_task`.`bucket_start`
      AND d.`provider_kind` = `usage_daily_by_kind_task`.`provider_kind`
      AND d.`task` = `usage_daily_by_kind_task`.`task`
    GROUP BY e.`key`
  )
);
