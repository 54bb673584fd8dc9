-- 0074_gallring_forbund.sql: each förbund its own gallring rules (issue 20,
-- several förbund in one installation: README "Flera förbund i en
-- installation" and "Gallring").
--
-- Each förbund is its own personuppgiftsansvarig, so how long its records
-- are kept is its own decision: gallring_rule gets forbund_id, keyed
-- (forbund_id, code), and `stegvis gallring` removes each förbund's records
-- by that förbund's rules (app/gallring_run.c). Rows that belong to no
-- förbund (access-log rows of installation events, failed logins by names
-- no account has, wrong questionnaire codes, unbound form stashes) go by
-- the rules of the installation's first active förbund (the first of
-- all when none is active).
--
-- The rules there are:
--   * An installation upgraded to here: today's rules (value, version, who
--     changed them last and when) become the first förbund's (the lowest
--     id), and every other förbund gets a copy of them, the same values and
--     versions; who changed them is kept only where that account is of the
--     förbund (the key to staff is (updated_by, forbund_id), as 0069's).
--   * A new installation has no förbund yet: the shipped rules (0033) move
--     to gallring_rule_default, and the first förbund created takes them
--     (trigger below).
--   * Every förbund created from now on (`stegvis forbund-add`, the demo's
--     SQL, a test's INSERT) gets, in the statement that creates it, a copy
--     of the current rules of the installation's first active förbund
--     (its version 1, changed by nobody), or the shipped ones when it is
--     the first: a förbund is never without rules, so gallring never
--     stops for want of one. Its admin then sets its own on
--     /admin/gallring.
-- The procedures that shorten the evidence read the rule of the förbund
-- the rows are of: gallring_audit_log() takes the förbund (NULL: the rows
-- of none), gallring_consent_events() the consent's insats's förbund.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

SET @first = (SELECT MIN(id) FROM forbund);

ALTER TABLE gallring_rule ADD COLUMN forbund_id INT UNSIGNED NULL FIRST;
UPDATE gallring_rule SET forbund_id = @first;

-- A new installation: the shipped rules wait for its first förbund.
CREATE TABLE gallring_rule_default (
    code       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    position   SMALLINT UNSIGNED NOT NULL,
    clock      VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    keep_days  INT NOT NULL,
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The shipped gallring rules the first förbund of a new installation starts with (the trigger forbund_gallring_rules). Empty after an upgrade, where the first förbund''s rules are copied instead.';

INSERT INTO gallring_rule_default (code, position, clock, keep_days)
    SELECT code, position, clock, keep_days FROM gallring_rule
     WHERE forbund_id IS NULL ORDER BY position;
DELETE FROM gallring_rule WHERE forbund_id IS NULL;

-- Only where an account of another förbund changed a rule (a test
-- installation): the access log keeps who did.
UPDATE gallring_rule g JOIN staff s ON s.id = g.updated_by
   SET g.updated_by = NULL WHERE s.forbund_id <> g.forbund_id;

ALTER TABLE gallring_rule DROP FOREIGN KEY fk_gallring_rule_staff;
ALTER TABLE gallring_rule
    MODIFY forbund_id INT UNSIGNED NOT NULL COMMENT 'The förbund whose rule it is',
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (forbund_id, code),
    DROP KEY fk_gallring_rule_staff,
    ADD KEY ix_gallring_rule_updated_by (updated_by, forbund_id),
    ADD CONSTRAINT fk_gallring_rule_forbund FOREIGN KEY (forbund_id)
        REFERENCES forbund (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    ADD CONSTRAINT fk_gallring_rule_staff FOREIGN KEY (updated_by, forbund_id)
        REFERENCES staff (id, forbund_id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    COMMENT = 'Gallring rules: one per förbund and record type; README "Gallring" gives the defaults and why.';

-- A förbund added before this migration: a copy of today's rules.
INSERT INTO gallring_rule (forbund_id, code, position, clock, keep_days,
                           version, updated_at, updated_by)
    SELECT f.id, g.code, g.position, g.clock, g.keep_days, g.version,
           g.updated_at, IF(s.forbund_id = f.id, g.updated_by, NULL)
      FROM forbund f JOIN gallring_rule g ON g.forbund_id = @first
      LEFT JOIN staff s ON s.id = g.updated_by
     WHERE f.id <> @first
     ORDER BY f.id, g.position;

-- A new förbund's rules: those of the installation's first active förbund
-- (the first of all when none is active),
-- or, for the first förbund itself, the shipped ones. In the statement
-- that inserts the förbund, so in its transaction. (No comment inside the
-- body: a restore drops it, and test_backup compares the triggers' text.)
CREATE TRIGGER forbund_gallring_rules AFTER INSERT ON forbund FOR EACH ROW
    IF EXISTS (SELECT 1 FROM forbund WHERE id <> NEW.id) THEN
        INSERT INTO gallring_rule (forbund_id, code, position, clock, keep_days)
            SELECT NEW.id, code, position, clock, keep_days
              FROM gallring_rule
             WHERE forbund_id = COALESCE(
                       (SELECT MIN(id) FROM forbund WHERE id <> NEW.id AND active = 1),
                       (SELECT MIN(id) FROM forbund WHERE id <> NEW.id))
             ORDER BY position;
    ELSE
        INSERT INTO gallring_rule (forbund_id, code, position, clock, keep_days)
            SELECT NEW.id, code, position, clock, keep_days
              FROM gallring_rule_default ORDER BY position;
    END IF;

-- Deletes at most max_rows access-log rows of förbund fid (NULL: the rows
-- of no förbund) older than that förbund's atkomstlogg rule (for NULL,
-- the rule of the installation's first active förbund), never younger
-- than 365 days whatever the rule says; n: how many.
DROP PROCEDURE gallring_audit_log;
CREATE PROCEDURE gallring_audit_log(IN fid INT UNSIGNED, IN max_rows INT, OUT n INT)
    SQL SECURITY DEFINER
BEGIN
    DECLARE keep INT DEFAULT 1825;
    SELECT GREATEST(keep_days, 365) INTO keep FROM gallring_rule
     WHERE code = 'atkomstlogg' AND forbund_id = COALESCE(fid,
           (SELECT MIN(id) FROM forbund WHERE active = 1),
           (SELECT MIN(id) FROM forbund));
    SET @stegvis_gallring_log = 1;
    DELETE FROM audit_log WHERE forbund_id <=> fid
        AND at < UTC_TIMESTAMP() - INTERVAL keep DAY
        ORDER BY id LIMIT max_rows;
    SET n = ROW_COUNT();
    SET @stegvis_gallring_log = NULL;
END;

-- As 0033's, with the samtycke rule of the consent's own förbund.
DROP PROCEDURE gallring_consent_events;
CREATE PROCEDURE gallring_consent_events(IN cid BIGINT UNSIGNED, OUT n INT)
    SQL SECURITY DEFINER
BEGIN
    DECLARE keep INT DEFAULT 1095;
    SELECT GREATEST(g.keep_days, 1) INTO keep
      FROM consent c JOIN referral r ON r.id = c.referral_id
      JOIN insats i ON i.id = r.insats_id
      JOIN gallring_rule g ON g.forbund_id = i.forbund_id AND g.code = 'samtycke'
     WHERE c.id = cid;
    SET n = 0;
    IF EXISTS (SELECT 1 FROM consent c JOIN referral r ON r.id = c.referral_id
            WHERE c.id = cid AND (r.gallrad_at IS NOT NULL
                OR (c.kind <> 'sus' AND c.state IN ('aterkallad', 'utgangen', 'felaktig')
                    AND DATE(COALESCE(c.ended_at, c.updated_at)) + INTERVAL keep DAY < UTC_DATE()))) THEN
        SET @stegvis_gallring = 1;
        DELETE FROM consent_event WHERE consent_id = cid;
        SET n = ROW_COUNT();
        SET @stegvis_gallring = NULL;
    END IF;
END;

GRANT EXECUTE ON PROCEDURE gallring_audit_log TO 'stegvis'@'localhost';
GRANT EXECUTE ON PROCEDURE gallring_consent_events TO 'stegvis'@'localhost'
