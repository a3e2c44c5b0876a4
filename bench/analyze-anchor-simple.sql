-- The simple anchor, as the performance target describes it: one read_csv, a group-by to touches, a window for
-- position and gap, three aggregates. It is what one would write first in SQL, and the fastest
-- here: bench/analyze.sh times `cadence analyze` against it.
--
-- It matches the definitions of docs/analytics.md only on logs where each step is touched at most
-- once per lead and no response comes before its touch (true of the benchmark's log, and checked
-- there: its counts must equal analyze's). bench/analyze-anchor.sql is the anchor that implements
-- every rule (duplicates, loops, attribution, findings); it is much slower.
--
-- Placeholders: ${logs} is a DuckDB list of file paths, ${threads} a number.

SET TimeZone = 'UTC';
SET threads = ${threads};
SET preserve_insertion_order = false;

CREATE OR REPLACE TEMP TABLE cube AS
WITH touches AS (
  SELECT lead_id, cadence, step,
         min(CAST("timestamp" AS TIMESTAMPTZ)) FILTER (event IN ('sent', 'called', 'done', 'requested')) AS ts,
         any_value(channel) AS channel, any_value(template) AS template, any_value(region) AS region,
         bool_or(event = 'opened') AS opened, bool_or(event = 'bounced') AS bounced,
         bool_or(event IN ('replied', 'connected')) AS responded
  FROM read_csv(${logs}, header = true, all_varchar = true)
  GROUP BY lead_id, cadence, step)
SELECT channel, coalesce(template, '') AS template, coalesce(region, '') AS region, bounced,
       opened AND NOT bounced AS opened, responded,
       row_number() OVER w AS position,
       CAST(ts AS DATE) - CAST(lag(ts) OVER w AS DATE) AS gap_days
FROM touches WHERE ts IS NOT NULL
WINDOW w AS (PARTITION BY lead_id, cadence ORDER BY ts, step);

-- result: open_rate_by_region
SELECT region, count(*) AS sent, count(*) FILTER (bounced) AS bounced, count(*) FILTER (opened) AS opened
FROM cube WHERE channel = 'email' GROUP BY region ORDER BY region;

-- result: open_rate_by_region_template
SELECT region, template, count(*) AS sent, count(*) FILTER (bounced) AS bounced, count(*) FILTER (opened) AS opened
FROM cube WHERE channel = 'email' GROUP BY region, template ORDER BY region, template;

-- result: response_rate_by_gap
SELECT gap_days, count(*) AS touches, count(*) FILTER (responded) AS responses
FROM cube GROUP BY gap_days ORDER BY gap_days NULLS FIRST;

-- result: response_rate_by_position_channel
SELECT position, channel, count(*) AS touches, count(*) FILTER (responded) AS responses
FROM cube GROUP BY position, channel ORDER BY position, channel;
