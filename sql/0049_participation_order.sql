-- 0049_participation_order.sql: the participant list and the inbox read
-- their page, not the data (issue 19, step 2).
--
-- participation_order holds, per participation, what the participant list
-- (GET /deltagare) filters and sorts by and what the inbox (GET /inkorg)
-- counts as late: its insats, whether it is listed at all (gallrad_at
-- NULL), status, contact person, gender, the name key the list sorts by
-- (last name, a space, first name: the list's order as it always was, in
-- the Swedish collation, so å ä ö after z), and per overdue kind
-- (include/overdue.h) the day from which it is late in that kind, NULL
-- when it cannot be:
--   end_late: planned_end_date while inskriven,
--   mid_late: halfway between start_date and planned_end_date while
--             inskriven and no mid-term follow-up is recorded (the same
--             expression as OVERDUE_SQL_HALFWAY),
--   sum_late: summary_due_date while avslutad and no summary is sent.
-- A participation is late in a kind when its day is before today, so the
-- inbox counts late ones as a range of an index, reading only those. This
-- is include/overdue.h's rule written a second time:
-- tests/http/test_overdue_order.sh holds the two equal.
-- The list reads the page's rows in index order (insats, listed, status,
-- name key, id) and pages by the last row's key, not by OFFSET.
--
-- participation_order_src is the one definition of a row. Triggers keep the
-- table equal to it on every write that changes what it reads:
-- participation (insert, update, delete), participation_person (insert,
-- update, delete) and participation_midterm (insert, update, delete).
-- Whatever writes (a form, gallring, the demo loader, a migration, direct
-- SQL), the row is set again in the same transaction. Foreign-key cascades
-- fire no triggers: a participation deleted takes its row by its own
-- trigger, and its participation_person goes with it by cascade.
--
-- insats_tally counts participations per insats, status and listed, kept
-- by triggers on participation: the inbox's occupancy (inskrivna, as
-- SQL_INSATS_INSKRIVNA counts them, gallrad or not) and the list's count
-- without filters beyond insats and status are sums of a few rows.
--
-- The triggers are made first, the tables filled last. DDL is not
-- transactional and `stegvis migrate` runs while the old version still
-- serves (README "A real server"), so a write can come at any point of
-- this file. Filled first, a write between the fill and its trigger would
-- be missed for good (a participant never listed, a stale late day or
-- count, a name gallring removed kept in name_key). Made first, each
-- trigger sees every write after it; a write before it is read by the
-- fill. Each fill is one INSERT ... SELECT ... ON DUPLICATE KEY UPDATE that
-- overwrites (not adds to) the row a trigger may have written. Its SELECT
-- is a locking read under REPEATABLE READ (set for it: under READ
-- COMMITTED it would read a snapshot without locks): it waits for a write
-- in progress on a row it reads and then reads what was committed, and a
-- write that comes after it waits for its locks (next-key: new rows too)
-- and then its trigger changes the filled row. insats_tally's triggers
-- add to a row that is missing (n = n + 1, or -1 from an update), so its
-- fill sets every insats, status and listed, 0 where there is none.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001): no
-- stored programs, each trigger one statement.

CREATE TABLE participation_order (
    participation_id BIGINT UNSIGNED NOT NULL,
    insats_id        INT UNSIGNED NOT NULL,
    listed           TINYINT(1) NOT NULL COMMENT '1 while participation.gallrad_at IS NULL',
    status           ENUM('inskriven','avslutad','felregistrerad') NOT NULL,
    contact_id       INT UNSIGNED NULL,
    gender           ENUM('kvinna','man','annat') NULL,
    name_key         VARCHAR(201) NOT NULL DEFAULT '' COMMENT 'CONCAT(last_name, '' '', first_name) of participation_person',
    end_late         DATE NULL COMMENT 'Late in OVERDUE_END before today from this day',
    mid_late         DATE NULL COMMENT 'Late in OVERDUE_MIDTERM before today from this day',
    sum_late         DATE NULL COMMENT 'Late in OVERDUE_SUMMARY before today from this day',
    PRIMARY KEY (participation_id),
    KEY ix_po_status_name (insats_id, listed, status, name_key, participation_id),
    KEY ix_po_name (insats_id, listed, name_key, participation_id),
    KEY ix_po_end (insats_id, listed, end_late),
    KEY ix_po_mid (insats_id, listed, mid_late),
    KEY ix_po_sum (insats_id, listed, sum_late)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Per participation: what the participant list sorts and filters by and the inbox counts as late. Kept by triggers.';

CREATE VIEW participation_order_src AS
SELECT p.id AS participation_id, p.insats_id AS insats_id,
       p.gallrad_at IS NULL AS listed, p.status AS status,
       p.contact_id AS contact_id, pe.gender AS gender,
       IFNULL(CONCAT(pe.last_name, ' ', pe.first_name), '') AS name_key,
       IF(p.status = 'inskriven', p.planned_end_date, NULL) AS end_late,
       IF(p.status = 'inskriven' AND NOT EXISTS (SELECT 1 FROM participation_midterm m
              WHERE m.participation_id = p.id),
          DATE_ADD(p.start_date, INTERVAL DATEDIFF(p.planned_end_date, p.start_date) DIV 2 DAY),
          NULL) AS mid_late,
       IF(p.status = 'avslutad' AND p.summary_sent_at IS NULL, p.summary_due_date, NULL) AS sum_late
FROM participation p
LEFT JOIN participation_person pe ON pe.participation_id = p.id;

CREATE TABLE insats_tally (
    insats_id INT UNSIGNED NOT NULL,
    status    ENUM('inskriven','avslutad','felregistrerad') NOT NULL,
    listed    TINYINT(1) NOT NULL COMMENT '1: participation.gallrad_at IS NULL',
    n         INT NOT NULL COMMENT 'How many participations',
    PRIMARY KEY (insats_id, status, listed)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Participations per insats, status and listed. Kept by triggers on participation.';

GRANT SELECT ON participation_order TO 'stegvis'@'localhost';
GRANT SELECT ON insats_tally TO 'stegvis'@'localhost';

CREATE TRIGGER participation_order_ins AFTER INSERT ON participation FOR EACH ROW
    INSERT INTO participation_order (participation_id, insats_id, listed, status, contact_id,
        gender, name_key, end_late, mid_late, sum_late)
    SELECT participation_id, insats_id, listed, status, contact_id, gender, name_key,
        end_late, mid_late, sum_late
    FROM participation_order_src WHERE participation_id = NEW.id
    ON DUPLICATE KEY UPDATE insats_id = VALUES(insats_id), listed = VALUES(listed),
        status = VALUES(status), contact_id = VALUES(contact_id), gender = VALUES(gender),
        name_key = VALUES(name_key), end_late = VALUES(end_late),
        mid_late = VALUES(mid_late), sum_late = VALUES(sum_late);
CREATE TRIGGER participation_order_upd AFTER UPDATE ON participation FOR EACH ROW
    INSERT INTO participation_order (participation_id, insats_id, listed, status, contact_id,
        gender, name_key, end_late, mid_late, sum_late)
    SELECT participation_id, insats_id, listed, status, contact_id, gender, name_key,
        end_late, mid_late, sum_late
    FROM participation_order_src WHERE participation_id = NEW.id
    ON DUPLICATE KEY UPDATE insats_id = VALUES(insats_id), listed = VALUES(listed),
        status = VALUES(status), contact_id = VALUES(contact_id), gender = VALUES(gender),
        name_key = VALUES(name_key), end_late = VALUES(end_late),
        mid_late = VALUES(mid_late), sum_late = VALUES(sum_late);
CREATE TRIGGER participation_order_del AFTER DELETE ON participation FOR EACH ROW
    DELETE FROM participation_order WHERE participation_id = OLD.id;

CREATE TRIGGER participation_person_order_ins AFTER INSERT ON participation_person FOR EACH ROW
    INSERT INTO participation_order (participation_id, insats_id, listed, status, contact_id,
        gender, name_key, end_late, mid_late, sum_late)
    SELECT participation_id, insats_id, listed, status, contact_id, gender, name_key,
        end_late, mid_late, sum_late
    FROM participation_order_src WHERE participation_id = NEW.participation_id
    ON DUPLICATE KEY UPDATE insats_id = VALUES(insats_id), listed = VALUES(listed),
        status = VALUES(status), contact_id = VALUES(contact_id), gender = VALUES(gender),
        name_key = VALUES(name_key), end_late = VALUES(end_late),
        mid_late = VALUES(mid_late), sum_late = VALUES(sum_late);
CREATE TRIGGER participation_person_order_upd AFTER UPDATE ON participation_person FOR EACH ROW
    INSERT INTO participation_order (participation_id, insats_id, listed, status, contact_id,
        gender, name_key, end_late, mid_late, sum_late)
    SELECT participation_id, insats_id, listed, status, contact_id, gender, name_key,
        end_late, mid_late, sum_late
    FROM participation_order_src WHERE participation_id = NEW.participation_id
    ON DUPLICATE KEY UPDATE insats_id = VALUES(insats_id), listed = VALUES(listed),
        status = VALUES(status), contact_id = VALUES(contact_id), gender = VALUES(gender),
        name_key = VALUES(name_key), end_late = VALUES(end_late),
        mid_late = VALUES(mid_late), sum_late = VALUES(sum_late);
CREATE TRIGGER participation_person_order_del AFTER DELETE ON participation_person FOR EACH ROW
    INSERT INTO participation_order (participation_id, insats_id, listed, status, contact_id,
        gender, name_key, end_late, mid_late, sum_late)
    SELECT participation_id, insats_id, listed, status, contact_id, gender, name_key,
        end_late, mid_late, sum_late
    FROM participation_order_src WHERE participation_id = OLD.participation_id
    ON DUPLICATE KEY UPDATE insats_id = VALUES(insats_id), listed = VALUES(listed),
        status = VALUES(status), contact_id = VALUES(contact_id), gender = VALUES(gender),
        name_key = VALUES(name_key), end_late = VALUES(end_late),
        mid_late = VALUES(mid_late), sum_late = VALUES(sum_late);

CREATE TRIGGER participation_midterm_order_ins AFTER INSERT ON participation_midterm FOR EACH ROW
    INSERT INTO participation_order (participation_id, insats_id, listed, status, contact_id,
        gender, name_key, end_late, mid_late, sum_late)
    SELECT participation_id, insats_id, listed, status, contact_id, gender, name_key,
        end_late, mid_late, sum_late
    FROM participation_order_src WHERE participation_id = NEW.participation_id
    ON DUPLICATE KEY UPDATE mid_late = VALUES(mid_late);
CREATE TRIGGER participation_midterm_order_upd AFTER UPDATE ON participation_midterm FOR EACH ROW
    INSERT INTO participation_order (participation_id, insats_id, listed, status, contact_id,
        gender, name_key, end_late, mid_late, sum_late)
    SELECT participation_id, insats_id, listed, status, contact_id, gender, name_key,
        end_late, mid_late, sum_late
    FROM participation_order_src
    WHERE participation_id IN (OLD.participation_id, NEW.participation_id)
    ON DUPLICATE KEY UPDATE mid_late = VALUES(mid_late);
CREATE TRIGGER participation_midterm_order_del AFTER DELETE ON participation_midterm FOR EACH ROW
    INSERT INTO participation_order (participation_id, insats_id, listed, status, contact_id,
        gender, name_key, end_late, mid_late, sum_late)
    SELECT participation_id, insats_id, listed, status, contact_id, gender, name_key,
        end_late, mid_late, sum_late
    FROM participation_order_src WHERE participation_id = OLD.participation_id
    ON DUPLICATE KEY UPDATE mid_late = VALUES(mid_late);

CREATE TRIGGER participation_tally_ins AFTER INSERT ON participation FOR EACH ROW
    INSERT INTO insats_tally (insats_id, status, listed, n)
    VALUES (NEW.insats_id, NEW.status, NEW.gallrad_at IS NULL, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
CREATE TRIGGER participation_tally_upd AFTER UPDATE ON participation FOR EACH ROW
    INSERT INTO insats_tally (insats_id, status, listed, n)
    SELECT OLD.insats_id, OLD.status, OLD.gallrad_at IS NULL, -1 FROM DUAL
    WHERE NOT (OLD.insats_id = NEW.insats_id AND OLD.status = NEW.status
        AND (OLD.gallrad_at IS NULL) = (NEW.gallrad_at IS NULL))
    UNION ALL
    SELECT NEW.insats_id, NEW.status, NEW.gallrad_at IS NULL, 1 FROM DUAL
    WHERE NOT (OLD.insats_id = NEW.insats_id AND OLD.status = NEW.status
        AND (OLD.gallrad_at IS NULL) = (NEW.gallrad_at IS NULL))
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
CREATE TRIGGER participation_tally_del AFTER DELETE ON participation FOR EACH ROW
    UPDATE insats_tally SET n = n - 1
    WHERE insats_id = OLD.insats_id AND status = OLD.status
        AND listed = (OLD.gallrad_at IS NULL);

-- The fills, after the triggers (see the head of this file).
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
INSERT INTO participation_order (participation_id, insats_id, listed, status, contact_id,
    gender, name_key, end_late, mid_late, sum_late)
SELECT participation_id, insats_id, listed, status, contact_id, gender, name_key,
    end_late, mid_late, sum_late
FROM participation_order_src
ON DUPLICATE KEY UPDATE insats_id = VALUES(insats_id), listed = VALUES(listed),
    status = VALUES(status), contact_id = VALUES(contact_id), gender = VALUES(gender),
    name_key = VALUES(name_key), end_late = VALUES(end_late),
    mid_late = VALUES(mid_late), sum_late = VALUES(sum_late);

-- Every insats, status and listed, 0 where there is none: a trigger may
-- have added a row (-1) that no participation has any longer.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
INSERT INTO insats_tally (insats_id, status, listed, n)
SELECT i.id, s.status, l.listed, COUNT(p.id)
FROM insats i
CROSS JOIN (SELECT 'inskriven' AS status UNION ALL SELECT 'avslutad'
    UNION ALL SELECT 'felregistrerad') s
CROSS JOIN (SELECT 0 AS listed UNION ALL SELECT 1) l
LEFT JOIN participation p ON p.insats_id = i.id AND p.status = s.status
    AND (p.gallrad_at IS NULL) = l.listed
GROUP BY i.id, s.status, l.listed
ON DUPLICATE KEY UPDATE n = VALUES(n);
