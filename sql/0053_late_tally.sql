-- 0053_late_tally.sql: the inbox counts what is late without reading the
-- late participations (issue 19, step 3).
--
-- sql/0049 keeps per participation the day from which it is late in each
-- overdue kind (participation_order.end_late, mid_late, sum_late), and the
-- inbox counted the days before today as a range of an index: a count that
-- read every late participation, so the more history an insats had, the
-- more the inbox read. late_tally counts those days instead, per insats,
-- listed and kind, at three grains:
--   grain 0: every day that is set (bucket 1000-01-01),
--   grain 1: per month (bucket: the month's first day),
--   grain 2: per day (bucket: the day).
-- Late today in a kind = grain 0 less what is not late yet (a day today
-- or later): the days of grain 2 from today to the end of today's month
-- and the months of grain 1 after it. What is read is one row per kind,
-- the days left of this month and the months ahead that have a due day:
-- bounded by the calendar, not by how many participations there are or
-- were.
--
-- late_tally_src is the one definition of what a participation_order row
-- adds; triggers on participation_order (which sql/0049's triggers write
-- on every change that matters) keep late_tally equal to it grouped, rows
-- of 0 allowed (tests/http/lib.sh order_ok checks it). Foreign-key
-- cascades fire no triggers, but participation_order has none: its rows go
-- by sql/0049's trigger on participation, which fires ours.
--
-- The triggers are made first and the table filled last, as sql/0049 and
-- for its reasons: `stegvis migrate` runs while the old version serves. A
-- trigger that fires before the fill adds to a row (n + 1, n - 1) that the
-- fill then overwrites with the count from a locking read (REPEATABLE
-- READ); a row a trigger made for a bucket that has none when the fill
-- reads is set to 0 by the second fill statement.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001): no
-- stored programs, each trigger one statement.

CREATE TABLE late_tally (
    insats_id INT UNSIGNED NOT NULL,
    listed    TINYINT(1) NOT NULL COMMENT 'participation_order.listed',
    grain     TINYINT UNSIGNED NOT NULL COMMENT '0 every day set, 1 a month, 2 a day',
    bucket    DATE NOT NULL COMMENT 'grain 0: 1000-01-01; 1: the month''s first day; 2: the day',
    kind      TINYINT UNSIGNED NOT NULL COMMENT 'enum overdue_kind: 0 end_late, 1 mid_late, 2 sum_late',
    n         INT NOT NULL COMMENT 'How many participation_order rows have that day',
    PRIMARY KEY (insats_id, listed, grain, bucket, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The late days of participation_order counted per insats, kind and grain. Kept by triggers.';

CREATE VIEW late_tally_src AS
SELECT k.participation_id AS participation_id, k.insats_id AS insats_id,
       k.listed AS listed, g.grain AS grain,
       CASE g.grain WHEN 0 THEN DATE '1000-01-01'
            WHEN 1 THEN k.d - INTERVAL (DAYOFMONTH(k.d) - 1) DAY
            ELSE k.d END AS bucket,
       k.kind AS kind
FROM (SELECT po.participation_id, po.insats_id, po.listed, 0 AS kind, po.end_late AS d
      FROM participation_order po
      UNION ALL SELECT po.participation_id, po.insats_id, po.listed, 1, po.mid_late
      FROM participation_order po
      UNION ALL SELECT po.participation_id, po.insats_id, po.listed, 2, po.sum_late
      FROM participation_order po) k
CROSS JOIN (SELECT 0 AS grain UNION ALL SELECT 1 UNION ALL SELECT 2) g
WHERE k.d IS NOT NULL;

GRANT SELECT ON late_tally TO 'stegvis'@'localhost';

-- A row's part (sign s: 1 added, -1 taken away) as rows of late_tally:
-- per kind with a day, the three grains.
CREATE TRIGGER participation_order_late_ins AFTER INSERT ON participation_order FOR EACH ROW
    INSERT INTO late_tally (insats_id, listed, grain, bucket, kind, n)
    SELECT NEW.insats_id, NEW.listed, g.grain,
        CASE g.grain WHEN 0 THEN DATE '1000-01-01'
            WHEN 1 THEN k.d - INTERVAL (DAYOFMONTH(k.d) - 1) DAY ELSE k.d END,
        k.kind, 1
    FROM (SELECT 0 AS kind, NEW.end_late AS d UNION ALL SELECT 1, NEW.mid_late
        UNION ALL SELECT 2, NEW.sum_late) k
    CROSS JOIN (SELECT 0 AS grain UNION ALL SELECT 1 UNION ALL SELECT 2) g
    WHERE k.d IS NOT NULL
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
CREATE TRIGGER participation_order_late_upd AFTER UPDATE ON participation_order FOR EACH ROW
    INSERT INTO late_tally (insats_id, listed, grain, bucket, kind, n)
    SELECT x.insats_id, x.listed, g.grain,
        CASE g.grain WHEN 0 THEN DATE '1000-01-01'
            WHEN 1 THEN x.d - INTERVAL (DAYOFMONTH(x.d) - 1) DAY ELSE x.d END,
        x.kind, x.s
    FROM (SELECT OLD.insats_id AS insats_id, OLD.listed AS listed, 0 AS kind,
            OLD.end_late AS d, -1 AS s
        UNION ALL SELECT OLD.insats_id, OLD.listed, 1, OLD.mid_late, -1
        UNION ALL SELECT OLD.insats_id, OLD.listed, 2, OLD.sum_late, -1
        UNION ALL SELECT NEW.insats_id, NEW.listed, 0, NEW.end_late, 1
        UNION ALL SELECT NEW.insats_id, NEW.listed, 1, NEW.mid_late, 1
        UNION ALL SELECT NEW.insats_id, NEW.listed, 2, NEW.sum_late, 1) x
    CROSS JOIN (SELECT 0 AS grain UNION ALL SELECT 1 UNION ALL SELECT 2) g
    WHERE x.d IS NOT NULL
        AND NOT (OLD.insats_id = NEW.insats_id AND OLD.listed = NEW.listed
            AND OLD.end_late <=> NEW.end_late AND OLD.mid_late <=> NEW.mid_late
            AND OLD.sum_late <=> NEW.sum_late)
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
CREATE TRIGGER participation_order_late_del AFTER DELETE ON participation_order FOR EACH ROW
    INSERT INTO late_tally (insats_id, listed, grain, bucket, kind, n)
    SELECT OLD.insats_id, OLD.listed, g.grain,
        CASE g.grain WHEN 0 THEN DATE '1000-01-01'
            WHEN 1 THEN k.d - INTERVAL (DAYOFMONTH(k.d) - 1) DAY ELSE k.d END,
        k.kind, -1
    FROM (SELECT 0 AS kind, OLD.end_late AS d UNION ALL SELECT 1, OLD.mid_late
        UNION ALL SELECT 2, OLD.sum_late) k
    CROSS JOIN (SELECT 0 AS grain UNION ALL SELECT 1 UNION ALL SELECT 2) g
    WHERE k.d IS NOT NULL
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);

-- The fills, after the triggers (see the head of this file): the counts,
-- then 0 in the rows a trigger made that have none.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
INSERT INTO late_tally (insats_id, listed, grain, bucket, kind, n)
SELECT insats_id, listed, grain, bucket, kind, COUNT(*)
FROM late_tally_src
GROUP BY insats_id, listed, grain, bucket, kind
ON DUPLICATE KEY UPDATE n = VALUES(n);

SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
UPDATE late_tally t
LEFT JOIN (SELECT insats_id, listed, grain, bucket, kind, COUNT(*) AS n
    FROM late_tally_src GROUP BY insats_id, listed, grain, bucket, kind) c
    ON c.insats_id = t.insats_id AND c.listed = t.listed AND c.grain = t.grain
    AND c.bucket = t.bucket AND c.kind = t.kind
SET t.n = IFNULL(c.n, 0);
