-- Backfill of the window blocks: WindowBlocks.build (src-main/usage/window-blocks.ts) over every sealed month
-- window, as the group commit writes them when it seals a window.
INSERT OR REPLACE INTO usage_window_blocks (grouping, window_start, sums, error_classes, keys, series)
  SELECT 'hour', w.start, (SELECT CAST(group_concat(sums, ',') AS BLOB) FROM (
    SELECT json_array(calls, errors, fallbacks, input_tokens, output_tokens, cached_input_tokens, cost_micros, unpriced_calls, estimated_calls, lat_b0, lat_b1, lat_b2, lat_b3, lat_b4, lat_b5, lat_b6, lat_b7, lat_b8, lat_b9, lat_b10, lat_b11, lat_b12, lat_b13, lat_b14, lat_b15, lat_b16, lat_b17, lat_b18) AS sums,
  CASE WHEN errors > 0 THEN error_classes ELSE 'null' END AS error_classes, bucket_start AS key FROM usage_hour_totals
    WHERE  bucket_start >= w.start AND bucket_start < (CAST(strftime('%s', (w.start + 43200000) / 1000, 'unixepoch', '+1 month') AS INTEGER) * 1000 - 43200000)
    ORDER BY bucket_start)), (SELECT group_concat(error_classes, ',') FROM (
    SELECT json_array(calls, errors, fallbacks, input_tokens, output_tokens, cached_input_tokens, cost_micros, unpriced_calls, estimated_calls, lat_b0, lat_b1, lat_b2, lat_b3, lat_b4, lat_b5, lat_b6, lat_b7, lat_b8, lat_b9, lat_b10, lat_b11, lat_b12, lat_b13, lat_b14, lat_b15, lat_b16, lat_b17, lat_b18) AS sums,
  CASE WHEN errors > 0 THEN error_classes ELSE 'null' END AS error_classes, bucket_start AS key FROM usage_hour_totals
    WHERE  bucket_start >= w.start AND bucket_start < (CAST(strftime('%s', (w.start + 43200000) / 1000, 'unixepoch', '+1 month') AS INTEGER) * 1000 - 43200000)
    ORDER BY bucket_start)), (SELECT group_concat(key, ',') FROM (
    SELECT json_array(calls, errors, fallbacks, input_tokens, output_tokens, cached_input_tokens, cost_micros, unpriced_calls, estimated_calls, lat_b0, lat_b1, lat_b2, lat_b3, lat_b4, lat_b5, lat_b6, lat_b7, lat_b8, lat_b9, lat_b10, lat_b11, lat_b12, lat_b13, lat_b14, lat_b15, lat_b16, lat_b17, lat_b18) AS sums,
  CASE WHEN errors > 0 THEN error_classes ELSE 'null' END AS error_classes, bucket_start AS key FROM usage_hour_totals
    WHERE  bucket_start >= w.start AND bucket_start < (CAST(strftime('%s', (w.start + 43200000) / 1000, 'unixepoch', '+1 month') AS INTEGER) * 1000 - 43200000)
    ORDER BY bucket_start)), NULL
  FROM (SELECT DISTINCT (CAST(strftime('%s', (bucket_start + 43200000) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 - 43200000) AS start FROM usage_hour_totals
    WHERE  bucket_start >= -9007199254740991 AND bucket_start < (SELECT window_end FROM usage_monthly_sealed WHERE id = 1)) w;
--> statement-breakpoint
INSERT OR REPLACE INTO usage_window_blocks (grouping, window_start, sums, error_classes, keys, series)
  SELECT 'provider_day', w.start, (SELECT CAST(group_concat(sums, ',') AS BLOB) FROM (
    SELECT json_array(calls, errors, fallbacks, input_tokens, output_tokens, cached_input_tokens, cost_micros, unpriced_calls, estimated_calls, lat_b0, lat_b1, lat_b2, lat_b3, lat_b4, lat_b5, lat_b6, lat_b7, lat_b8, lat_b9, lat_b10, lat_b11, lat_b12, lat_b13, lat_b14, lat_b15, lat_b16, lat_b17, lat_b18) AS sums,
  CASE WHEN errors > 0 THEN error_classes ELSE 'null' END AS error_classes, bucket_start AS key, json_quote(value) AS series FROM usage_daily_by_dimension
    WHERE dimension = 'provider' AND bucket_start >= w.start AND bucket_start < (CAST(strftime('%s', (w.start + 43200000) / 1000, 'unixepoch', '+1 month') AS INTEGER) * 1000 - 43200000)
    ORDER BY bucket_start, value)), (SELECT group_concat(error_classes, ',') FROM (
    SELECT json_array(calls, errors, fallbacks, input_tokens, output_tokens, cached_input_tokens, cost_micros, unpriced_calls, estimated_calls, lat_b0, lat_b1, lat_b2, lat_b3, lat_b4, lat_b5, lat_b6, lat_b7, lat_b8, lat_b9, lat_b10, lat_b11, lat_b12, lat_b13, lat_b14, lat_b15, lat_b16, lat_b17, lat_b18) AS sums,
  CASE WHEN errors > 0 THEN error_classes ELSE 'null' END AS error_classes, bucket_start AS key, json_quote(value) AS series FROM usage_daily_by_dimension
    WHERE dimension = 'provider' AND bucket_start >= w.start AND bucket_start < (CAST(strftime('%s', (w.start + 43200000) / 1000, 'unixepoch', '+1 month') AS INTEGER) * 1000 - 43200000)
    ORDER BY bucket_start, value)), (SELECT group_concat(key, ',') FROM (
    SELECT json_array(calls, errors, fallbacks, input_tokens, output_tokens, cached_input_tokens, cost_micros, unpriced_calls, estimated_calls, lat_b0, lat_b1, lat_b2, lat_b3, lat_b4, lat_b5, lat_b6, lat_b7, lat_b8, lat_b9, lat_b10, lat_b11, lat_b12, lat_b13, lat_b14, lat_b15, lat_b16, lat_b17, lat_b18) AS sums,
  CASE WHEN errors > 0 THEN error_classes ELSE 'null' END AS error_classes, bucket_start AS key, json_quote(value) AS series FROM usage_daily_by_dimension
    WHERE dimension = 'provider' AND bucket_start >= w.start AND bucket_start < (CAST(strftime('%s', (w.start + 43200000) / 1000, 'unixepoch', '+1 month') AS INTEGER) * 1000 - 43200000)
    ORDER BY bucket_start, value)), (SELECT group_concat(series, ',') FROM (
    SELECT json_array(calls, errors, fallbacks, input_tokens, output_tokens, cached_input_tokens, cost_micros, unpriced_calls, estimated_calls, lat_b0, lat_b1, lat_b2, lat_b3, lat_b4, lat_b5, lat_b6, lat_b7, lat_b8, lat_b9, lat_b10, lat_b11, lat_b12, lat_b13, lat_b14, lat_b15, lat_b16, lat_b17, lat_b18) AS sums,
  CASE WHEN errors > 0 THEN error_classes ELSE 'null' END AS error_classes, bucket_start AS key, json_quote(value) AS series FROM usage_daily_by_dimension
    WHERE dimension = 'provider' AND bucket_start >= w.start AND bucket_start < (CAST(strftime('%s', (w.start + 43200000) / 1000, 'unixepoch', '+1 month') AS INTEGER) * 1000 - 43200000)
    ORDER BY bucket_start, value))
  FROM (SELECT DISTINCT (CAST(strftime('%s', (bucket_start + 43200000) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 - 43200000) AS start FROM usage_daily_by_dimension
    WHERE dimension = 'provider' AND bucket_start >= -9007199254740991 AND bucket_start < (SELECT window_end FROM usage_monthly_sealed WHERE id = 1)) w;
