-- Backfill of the monthly rollups: the statements of MonthlySeal (src-main/usage/monthly-rollups.ts) over every
-- month window before the one of the newest hour, the windows the group commit would have sealed.
INSERT INTO usage_monthly_by_dimension (dimension, bucket_start, value, calls, errors, fallbacks, input_tokens, output_tokens, cached_input_tokens, cost_micros, unpriced_calls, estimated_calls, latency_sum_ms, lat_b0, lat_b1, lat_b2, lat_b3, lat_b4, lat_b5, lat_b6, lat_b7, lat_b8, lat_b9, lat_b10, lat_b11, lat_b12, lat_b13, lat_b14, lat_b15, lat_b16, lat_b17, lat_b18, error_classes)
  SELECT dimension, (CAST(strftime('%s', (bucket_start + 43200000) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 - 43200000), value, sum(calls), sum(errors), sum(fallbacks), sum(input_tokens), sum(output_tokens), sum(cached_input_tokens), sum(cost_micros), sum(unpriced_calls), sum(estimated_calls), sum(latency_sum_ms), sum(lat_b0), sum(lat_b1), sum(lat_b2), sum(lat_b3), sum(lat_b4), sum(lat_b5), sum(lat_b6), sum(lat_b7), sum(lat_b8), sum(lat_b9), sum(lat_b10), sum(lat_b11), sum(lat_b12), sum(lat_b13), sum(lat_b14), sum(lat_b15), sum(lat_b16), sum(lat_b17), sum(lat_b18), '{}' FROM usage_daily_by_dimension
  WHERE bucket_start >= -9007199254740991 AND bucket_start < (SELECT (CAST(strftime('%s', (max(bucket_start) + 43200000) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 - 43200000) FROM usage_hour_totals) GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO usage_monthly_by_dimension (dimension, bucket_start, value, calls, errors, fallbacks, input_tokens, output_tokens, cached_input_tokens, cost_micros, unpriced_calls, estimated_calls, latency_sum_ms, lat_b0, lat_b1, lat_b2, lat_b3, lat_b4, lat_b5, lat_b6, lat_b7, lat_b8, lat_b9, lat_b10, lat_b11, lat_b12, lat_b13, lat_b14, lat_b15, lat_b16, lat_b17, lat_b18, error_classes)
  SELECT 'utc_hour', (CAST(strftime('%s', (bucket_start + 43200000) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 - 43200000), printf('%02d', bucket_start / 3600000 % 24), sum(calls), sum(errors), sum(fallbacks), sum(input_tokens), sum(output_tokens), sum(cached_input_tokens), sum(cost_micros), sum(unpriced_calls), sum(estimated_calls), sum(latency_sum_ms), sum(lat_b0), sum(lat_b1), sum(lat_b2), sum(lat_b3), sum(lat_b4), sum(lat_b5), sum(lat_b6), sum(lat_b7), sum(lat_b8), sum(lat_b9), sum(lat_b10), sum(lat_b11), sum(lat_b12), sum(lat_b13), sum(lat_b14), sum(lat_b15), sum(lat_b16), sum(lat_b17), sum(lat_b18), '{}'
  FROM usage_hour_totals WHERE bucket_start >= -9007199254740991 AND bucket_start < (SELECT (CAST(strftime('%s', (max(bucket_start) + 43200000) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 - 43200000) FROM usage_hour_totals) GROUP BY 2, 3;--> statement-breakpoint
UPDATE usage_monthly_by_dimension SET error_classes = (
  SELECT coalesce(json_group_object(key, n), '{}') FROM (
  SELECT e.key AS key, sum(e.value) AS n FROM usage_daily_by_dimension f, json_each(f.error_classes) e
  WHERE f.bucket_start >= usage_monthly_by_dimension.bucket_start AND f.bucket_start < (CAST(strftime('%s', (usage_monthly_by_dimension.bucket_start + 43200000) / 1000, 'unixepoch', '+1 month') AS INTEGER) * 1000 - 43200000)
  AND f.dimension = usage_monthly_by_dimension.dimension AND f.value = usage_monthly_by_dimension.value
  GROUP BY e.key))
  WHERE dimension <> 'utc_hour' AND bucket_start >= -9007199254740991 AND bucket_start < (SELECT (CAST(strftime('%s', (max(bucket_start) + 43200000) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 - 43200000) FROM usage_hour_totals);--> statement-breakpoint
UPDATE usage_monthly_by_dimension SET error_classes = (
  SELECT coalesce(json_group_object(key, n), '{}') FROM (
  SELECT e.key AS key, sum(e.value) AS n FROM usage_hour_totals f, json_each(f.error_classes) e
  WHERE f.bucket_start >= usage_monthly_by_dimension.bucket_start AND f.bucket_start < (CAST(strftime('%s', (usage_monthly_by_dimension.bucket_start + 43200000) / 1000, 'unixepoch', '+1 month') AS INTEGER) * 1000 - 43200000)
  AND printf('%02d', f.bucket_start / 3600000 % 24) = usage_monthly_by_dimension.value
  GROUP BY e.key))
  WHERE dimension = 'utc_hour' AND bucket_start >= -9007199254740991 AND bucket_start < (SELECT (CAST(strftime('%s', (max(bucket_start) + 43200000) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 - 43200000) FROM usage_hour_totals);--> statement-breakpoint
INSERT INTO usage_monthly_sealed (id, window_end)
  SELECT 1, (CAST(strftime('%s', (max(bucket_start) + 43200000) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 - 43200000) FROM usage_hour_totals HAVING count(*) > 0;
