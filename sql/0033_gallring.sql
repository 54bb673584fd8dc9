-- 0033_gallring.sql: gallring (retention) by rule (README "Gallring").
--
-- One row per record type in gallring_rule: what starts its clock and how
-- many days it runs (keep_days; the backup job caps its own retention at
-- the shortest rule of case data, BACKUP_CAPPING_RULES in
-- include/backup.h). `stegvis gallring` (app/gallring_cli.c) applies the rules.
--
-- What the reports read survives as unidentified rows: a participation or
-- referral past its rule is anonymised in place (gallrad_at set; gender,
-- birth year, codes and dates kept; names, contact data, free text, the
-- change history, consents' signatures gone) and the person's personnummer
-- is replaced by a stand-in once no referral of that person is left
-- ungallrad: the birth year, a month and day giving the same age at each
-- start, a made-up serial and a check digit that is always wrong
-- (gallring_standin(), include/gallring.h), marked in person_gallrad.
-- Rows no report reads are deleted.
--
-- The app's account gets DELETE where gallring deletes, but not on the
-- three tables that are evidence: the change history, the consent events
-- and the access log. Those are shortened only through SQL SECURITY
-- DEFINER procedures that check, themselves, that what they delete is
-- due: gallring_history() (the record is gallrad),
-- gallring_consent_events() (the consent's referral is gallrad, or the
-- consent ended past the samtycke rule) and gallring_audit_log() (older
-- than its rule, never younger than a year). The triggers keep
-- consent_event and audit_log append-only for everyone but those
-- procedures (which set @stegvis_gallring / @stegvis_gallring_log).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE gallring_rule (
    code       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
               COMMENT 'Stable key, app/gallring.c: deltagande, ansokan, samtycke, enkatsvar, enkatkod, sus_dokument, inloggning, atkomstlogg',
    position   SMALLINT UNSIGNED NOT NULL COMMENT 'Order on /admin/gallring',
    clock      VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
               COMMENT 'What starts the clock (app/gallring.c names it in Swedish)',
    keep_days  INT NOT NULL COMMENT 'Days from the clock''s start until the record goes',
    version    INT UNSIGNED NOT NULL DEFAULT 1,
    updated_at DATETIME NULL COMMENT 'UTC, the last change on /admin/gallring',
    updated_by INT UNSIGNED NULL,
    PRIMARY KEY (code),
    CONSTRAINT fk_gallring_rule_staff FOREIGN KEY (updated_by) REFERENCES staff (id),
    CONSTRAINT ck_gallring_rule_days CHECK (keep_days BETWEEN 1 AND 36500)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Gallring rules: one per record type; README "Gallring" gives the defaults and why.';

INSERT INTO gallring_rule (code, position, clock, keep_days) VALUES
 ('deltagande', 1, 'avslut', 1095),
 ('ansokan', 2, 'beslut', 365),
 ('samtycke', 3, 'upphort', 1095),
 ('enkatsvar', 4, 'inskickad', 1095),
 ('enkatkod', 5, 'utgangen', 30),
 ('sus_dokument', 6, 'skapad', 90),
 ('inloggning', 7, 'senast', 30),
 ('atkomstlogg', 8, 'loggad', 1825);

ALTER TABLE referral
    ADD COLUMN gallrad_at DATETIME NULL
        COMMENT 'UTC: anonymised by gallring (names, contact data, free text and history gone; codes and dates kept)';
ALTER TABLE participation
    ADD COLUMN gallrad_at DATETIME NULL
        COMMENT 'UTC: anonymised by gallring (names, contact data, free text and history gone; codes and dates kept)';
-- Beside person, not in it: person stays only the link (sql/0022).
CREATE TABLE person_gallrad (
    person_id  BIGINT UNSIGNED NOT NULL,
    gallrad_at DATETIME NOT NULL COMMENT 'UTC: the personnummer was replaced by its stand-in',
    PRIMARY KEY (person_id),
    CONSTRAINT fk_person_gallrad_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Persons whose personnummer gallring replaced (no ungallrad referral was left).';

DROP TRIGGER consent_event_no_delete;
CREATE TRIGGER consent_event_no_delete BEFORE DELETE ON consent_event FOR EACH ROW
    IF COALESCE(@stegvis_gallring, 0) <> 1 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent_event is append-only';
    END IF;

DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    IF COALESCE(@stegvis_gallring_log, 0) <> 1 THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
    END IF;

-- Deletes at most max_rows access-log rows older than the atkomstlogg rule
-- (never younger than 365 days whatever the rule says); n: how many.
CREATE PROCEDURE gallring_audit_log(IN max_rows INT, OUT n INT)
    SQL SECURITY DEFINER
BEGIN
    DECLARE keep INT DEFAULT 1825;
    SELECT GREATEST(keep_days, 365) INTO keep FROM gallring_rule WHERE code = 'atkomstlogg';
    SET @stegvis_gallring_log = 1;
    DELETE FROM audit_log WHERE at < UTC_TIMESTAMP() - INTERVAL keep DAY
        ORDER BY id LIMIT max_rows;
    SET n = ROW_COUNT();
    SET @stegvis_gallring_log = NULL;
END;

-- Deletes the change history of one record once gallring has removed the
-- record (participation or referral gallrad_at set; a person marked in
-- person_gallrad); nothing otherwise. n: how many rows.
CREATE PROCEDURE gallring_history(IN rtype VARCHAR(32), IN rid BIGINT UNSIGNED, OUT n INT)
    SQL SECURITY DEFINER
BEGIN
    SET n = 0;
    IF (rtype = 'participation' AND EXISTS (SELECT 1 FROM participation
            WHERE id = rid AND gallrad_at IS NOT NULL))
       OR (rtype = 'referral' AND EXISTS (SELECT 1 FROM referral
            WHERE id = rid AND gallrad_at IS NOT NULL))
       OR (rtype = 'person' AND EXISTS (SELECT 1 FROM person_gallrad
            WHERE person_id = rid)) THEN
        DELETE FROM change_history WHERE record_type = rtype AND record_id = rid;
        SET n = ROW_COUNT();
    END IF;
END;

-- Deletes the events of one consent when it is due: its referral is
-- gallrad, or it is not the SUS consent and ended (aterkallad, utgangen,
-- felaktig) more than the samtycke rule's days ago. n: how many rows.
CREATE PROCEDURE gallring_consent_events(IN cid BIGINT UNSIGNED, OUT n INT)
    SQL SECURITY DEFINER
BEGIN
    DECLARE keep INT DEFAULT 1095;
    SELECT GREATEST(keep_days, 1) INTO keep FROM gallring_rule WHERE code = 'samtycke';
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

-- The events of every consent of one referral, once the referral is
-- gallrad. n: how many rows.
CREATE PROCEDURE gallring_referral_consent_events(IN rid BIGINT UNSIGNED, OUT n INT)
    SQL SECURITY DEFINER
BEGIN
    SET n = 0;
    IF EXISTS (SELECT 1 FROM referral WHERE id = rid AND gallrad_at IS NOT NULL) THEN
        SET @stegvis_gallring = 1;
        DELETE FROM consent_event WHERE consent_id IN
            (SELECT id FROM consent WHERE referral_id = rid);
        SET n = ROW_COUNT();
        SET @stegvis_gallring = NULL;
    END IF;
END;

GRANT SELECT, UPDATE ON gallring_rule TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON person_gallrad TO 'stegvis'@'localhost';
GRANT EXECUTE ON PROCEDURE gallring_audit_log TO 'stegvis'@'localhost';
GRANT EXECUTE ON PROCEDURE gallring_history TO 'stegvis'@'localhost';
GRANT EXECUTE ON PROCEDURE gallring_consent_events TO 'stegvis'@'localhost';
GRANT EXECUTE ON PROCEDURE gallring_referral_consent_events TO 'stegvis'@'localhost';
GRANT DELETE ON participation_extension TO 'stegvis'@'localhost';
GRANT DELETE ON consent TO 'stegvis'@'localhost';
GRANT DELETE ON consent_party TO 'stegvis'@'localhost';
GRANT DELETE ON consent_consent_category TO 'stegvis'@'localhost';
GRANT DELETE ON sus_answer TO 'stegvis'@'localhost';
GRANT UPDATE (reg_hash) ON sus_batch_item TO 'stegvis'@'localhost';
GRANT DELETE ON login_failure TO 'stegvis'@'localhost'
