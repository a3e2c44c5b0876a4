-- The anchor of `cadence analyze`: the metrics of docs/analytics.md, the step funnel and the
-- response-attribution findings, computed by DuckDB from the same logs with the definitions of
-- docs/analytics.md. The tests (AnalyzeAnchorTest) and bench/analyze.sh run this very file and
-- require analyze's counts to agree exactly.
--
-- Placeholders: ${logs} is a DuckDB list of file paths (['a.csv', 'b.csv']), ${threads} a number.
-- Statements end with a semicolon at the end of a line; a statement after a "-- result: NAME" line
-- is a result set to compare, the others set things up.

SET TimeZone = 'UTC';
SET threads = ${threads};

-- The writer defuses values that a spreadsheet would run as formulas with a leading quote.
CREATE OR REPLACE MACRO undefuse(v) AS
  CASE WHEN v LIKE '''%' AND substr(v, 2, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN substr(v, 2) ELSE v END;

-- Every line as text, with its input order (files in the order given, lines in file order).
CREATE OR REPLACE TEMP TABLE raw AS
SELECT row_number() OVER () AS rid, *
FROM read_csv(${logs}, header = true, all_varchar = true, union_by_name = true, delim = ',', quote = '"',
              escape = '"', ignore_errors = true);

-- Usable events: required values present, a timestamp with an offset, a known event.
CREATE OR REPLACE TEMP TABLE events AS
SELECT rid,
       CASE WHEN regexp_full_match("timestamp",
                 '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})')
            THEN TRY_CAST("timestamp" AS TIMESTAMPTZ) END AS ts,
       undefuse(lead_id) AS lead_id, undefuse(cadence) AS cadence, undefuse(step) AS step,
       undefuse(channel) AS channel, coalesce(undefuse(template), '') AS template,
       coalesce(undefuse(region), '') AS region, undefuse(event) AS event
FROM raw
WHERE coalesce(lead_id, '') <> '' AND coalesce(cadence, '') <> '' AND coalesce(step, '') <> ''
  AND coalesce(channel, '') <> '' AND coalesce(event, '') <> '' AND coalesce("timestamp", '') <> '';

CREATE OR REPLACE TEMP TABLE known AS
SELECT * FROM events
WHERE ts IS NOT NULL
  AND event IN ('sent', 'called', 'done', 'requested', 'opened', 'clicked', 'replied', 'bounced', 'unsubscribed',
                'connected', 'no_answer', 'voicemail', 'wrong_number', 'accepted', 'approved', 'rejected',
                'interested', 'not_interested', 'meeting_booked', 'qualified', 'paid', 'returned');

-- One touch per (lead, cadence, step, instant): the first in input order.
CREATE OR REPLACE TEMP TABLE touches AS
SELECT lead_id, cadence, step, ts, arg_min(channel, rid) AS channel, arg_min(template, rid) AS template,
       arg_min(region, rid) AS region, count(*) AS copies
FROM known
WHERE event IN ('sent', 'called', 'done', 'requested')
GROUP BY lead_id, cadence, step, ts;

-- A response belongs to the latest touch of its (lead, cadence, step) at or before it, else to the
-- earliest after it.
CREATE OR REPLACE TEMP TABLE attributed AS
SELECT r.event, r.lead_id, r.cadence, r.step, before.ts AS before_ts, after.ts AS after_ts,
       coalesce(before.ts, after.ts) AS touch_ts
FROM (SELECT * FROM known WHERE event NOT IN ('sent', 'called', 'done', 'requested')) r
ASOF LEFT JOIN touches before
  ON r.lead_id = before.lead_id AND r.cadence = before.cadence AND r.step = before.step AND r.ts >= before.ts
ASOF LEFT JOIN touches after
  ON r.lead_id = after.lead_id AND r.cadence = after.cadence AND r.step = after.step AND r.ts < after.ts;

CREATE OR REPLACE TEMP TABLE outcomes AS
SELECT lead_id, cadence, step, touch_ts AS ts,
       bool_or(event = 'opened') AS opened, bool_or(event = 'bounced') AS bounced,
       bool_or(event IN ('replied', 'connected')) AS responded
FROM attributed
WHERE touch_ts IS NOT NULL
GROUP BY ALL;

-- Position: rank among the lead's touches in the cadence by instant, then step id. Gap: UTC dates.
CREATE OR REPLACE TEMP TABLE cube AS
SELECT t.cadence, t.step, t.channel, t.template, t.region,
       row_number() OVER w AS position,
       CAST(t.ts AS DATE) - CAST(lag(t.ts) OVER w AS DATE) AS gap_days,
       coalesce(o.bounced, false) AS bounced,
       coalesce(o.opened, false) AND NOT coalesce(o.bounced, false) AS opened,
       coalesce(o.responded, false) AS responded,
       row_number() OVER w = count(*) OVER (PARTITION BY t.lead_id, t.cadence) AS exit
FROM touches t
LEFT JOIN outcomes o USING (lead_id, cadence, step, ts)
WINDOW w AS (PARTITION BY t.lead_id, t.cadence ORDER BY t.ts, t.step);

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

-- result: funnel
SELECT cadence, step, channel, count(*) AS touches, count(*) FILTER (responded) AS responses,
       count(*) FILTER (exit) AS exits
FROM cube GROUP BY cadence, step, channel ORDER BY cadence, step, channel;

-- result: data_quality
SELECT 'bad-timestamp' AS code, (SELECT count(*) FROM events WHERE ts IS NULL) AS count
UNION ALL SELECT 'unknown-event', (SELECT count(*) FROM events WHERE ts IS NOT NULL AND rid NOT IN (SELECT rid FROM known))
UNION ALL SELECT 'duplicate-touch', (SELECT coalesce(sum(copies - 1), 0) FROM touches)
UNION ALL SELECT 'response-before-touch', (SELECT count(*) FROM attributed WHERE before_ts IS NULL AND after_ts IS NOT NULL)
UNION ALL SELECT 'response-without-touch', (SELECT count(*) FROM attributed WHERE touch_ts IS NULL)
ORDER BY code;
