-- 0073_consent_text_forbund.sql: each förbund its own consent texts (issue
-- 20, several förbund in one installation: README "Flera förbund i en
-- installation").
--
-- A consent's text names who waives secrecy towards whom, and each förbund
-- is a legal party of its own: its wording is its own. consent_text gets
-- forbund_id, and a text's versions and its one current version are counted
-- per förbund, kind and language. A consent pins a text of its own insats's
-- förbund (the app checks it when it inserts the consent, app/sql_consent.c).
--
-- The texts there are:
--   * Every existing text becomes the first förbund's (the lowest id): an
--     installation upgraded to here had one förbund (0066), whose texts
--     they were.
--   * A förbund added before this migration (by `stegvis forbund-add`, or
--     the demo's second one) gets copies: first the texts its own consents
--     pin (the exact wording the participant saw, with its version number,
--     used), then, for each kind and language it has no current text of,
--     the first förbund's current text as its next version (version 1 when
--     it has none), unused. Its consents are then pinned to its own copies,
--     their updated_at kept (a consent's wording did not change, so the SUS
--     export has nothing new to send).
--   * A new installation has no förbund yet: the shipped texts (0008, 0025)
--     move to consent_text_default, and the first förbund created takes
--     them (trigger below). The counter starts again at 1, so that förbund's
--     texts have the ids they had before (the demo's first förbund).
--   * Every förbund created from now on (`stegvis forbund-add`, the demo's
--     SQL, a test's INSERT) gets, in the statement that creates it, a copy
--     of the first förbund's current texts, each its version 1, unused,
--     created by nobody (or the shipped texts when it is the first), so
--     that its staff can take consents at once and its admin then edits its
--     own. A trigger rather than the command: a förbund made any way has
--     texts, and a consent can never lack one.
-- A text never changes förbund, and a used text's wording stays frozen
-- (0013's trigger, now also for forbund_id). Its creator is an account of
-- its förbund (composite key, as 0069's).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

SET @first = (SELECT MIN(id) FROM forbund);

ALTER TABLE consent_text ADD COLUMN forbund_id INT UNSIGNED NULL AFTER id;
UPDATE consent_text SET forbund_id = @first;

-- A new installation: the shipped texts wait for its first förbund.
CREATE TABLE consent_text_default (
    id        INT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'The order the texts are copied in',
    kind      ENUM('sekretess','sus') NOT NULL,
    language  VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    title     VARCHAR(200) NOT NULL,
    body      MEDIUMTEXT NOT NULL,
    to_check  BOOL NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uq_consent_text_default (kind, language)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The shipped consent texts the first förbund of a new installation starts with (the trigger forbund_consent_texts). Empty after an upgrade, where the first förbund''s texts are copied instead.';

INSERT INTO consent_text_default (kind, language, title, body, to_check)
    SELECT kind, language, title, body, to_check FROM consent_text
     WHERE forbund_id IS NULL AND is_current = 1 ORDER BY id;
DELETE FROM consent_text WHERE forbund_id IS NULL;
ALTER TABLE consent_text AUTO_INCREMENT = 1;

-- Only on a test installation where another förbund's admin wrote a text
-- before this migration: the access log keeps who did.
UPDATE consent_text t JOIN staff s ON s.id = t.created_by
   SET t.created_by = NULL WHERE s.forbund_id <> t.forbund_id;

ALTER TABLE consent_text DROP FOREIGN KEY fk_consent_text_staff;
ALTER TABLE consent_text
    MODIFY forbund_id INT UNSIGNED NOT NULL COMMENT 'The förbund whose wording it is',
    DROP KEY uq_consent_text_version,
    DROP KEY uq_consent_text_current,
    DROP KEY fk_consent_text_staff,
    ADD UNIQUE KEY uq_consent_text_version (forbund_id, kind, language, version),
    ADD UNIQUE KEY uq_consent_text_current (forbund_id, kind, language, current_key),
    ADD KEY ix_consent_text_created_by (created_by, forbund_id),
    ADD CONSTRAINT fk_consent_text_forbund FOREIGN KEY (forbund_id)
        REFERENCES forbund (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    ADD CONSTRAINT fk_consent_text_staff FOREIGN KEY (created_by, forbund_id)
        REFERENCES staff (id, forbund_id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    COMMENT = 'Versioned consent wording per förbund, kind and language. A used version is never changed.';

-- A förbund added before this migration: the texts its consents pin, as
-- they were, then a current text of each kind and language.
INSERT INTO consent_text (forbund_id, kind, language, version, title, body,
                          to_check, is_current, used, created_by)
    SELECT DISTINCT i.forbund_id, t.kind, t.language, t.version, t.title, t.body,
           t.to_check, t.is_current, 1, NULL
      FROM consent c JOIN referral r ON r.id = c.referral_id
      JOIN insats i ON i.id = r.insats_id
      JOIN consent_text t ON t.id = c.text_id
     WHERE i.forbund_id <> t.forbund_id;

INSERT INTO consent_text (forbund_id, kind, language, version, title, body,
                          to_check, is_current, used, created_by)
    SELECT f.id, t.kind, t.language,
           (SELECT COALESCE(MAX(x.version), 0) + 1 FROM consent_text x
             WHERE x.forbund_id = f.id AND x.kind = t.kind AND x.language = t.language),
           t.title, t.body, t.to_check, 1, 0, NULL
      FROM forbund f JOIN consent_text t ON t.forbund_id = @first AND t.is_current = 1
     WHERE f.id <> @first
       AND NOT EXISTS (SELECT 1 FROM consent_text x WHERE x.forbund_id = f.id
                        AND x.kind = t.kind AND x.language = t.language AND x.is_current = 1)
     ORDER BY f.id, t.id;

UPDATE consent c JOIN referral r ON r.id = c.referral_id
  JOIN insats i ON i.id = r.insats_id
  JOIN consent_text t ON t.id = c.text_id AND t.forbund_id <> i.forbund_id
  JOIN consent_text own ON own.forbund_id = i.forbund_id AND own.kind = t.kind
   AND own.language = t.language AND own.version = t.version
   SET c.text_id = own.id, c.updated_at = c.updated_at;

DROP TRIGGER consent_text_frozen;

-- The wording is compared by the byte, not under the column's collation:
-- under it 'Text' = 'TEXT ' = 'Têxt', and the signed wording must not
-- change by a letter's case or accent. (No comment inside the trigger's
-- body: the mariadb client drops it when a backup is restored, and
-- test_backup compares the triggers' text.)
CREATE TRIGGER consent_text_frozen BEFORE UPDATE ON consent_text FOR EACH ROW
    IF NEW.forbund_id <> OLD.forbund_id THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent_text: a text never changes förbund';
    ELSEIF OLD.used = 1 AND (NEW.used = 0
                             OR CAST(NEW.title AS BINARY) <> CAST(OLD.title AS BINARY)
                             OR CAST(NEW.body AS BINARY) <> CAST(OLD.body AS BINARY)
                             OR NEW.kind <> OLD.kind OR NEW.language <> OLD.language
                             OR NEW.version <> OLD.version) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent_text: a used text version is never changed';
    END IF;

-- A new förbund's texts: the first active förbund's current ones (the
-- one that manages the installation's settings; the first of all when
-- none is active), or, for the first förbund itself, the shipped ones.
-- In the statement that inserts the förbund, so in its transaction.
CREATE TRIGGER forbund_consent_texts AFTER INSERT ON forbund FOR EACH ROW
    IF EXISTS (SELECT 1 FROM forbund WHERE id <> NEW.id) THEN
        INSERT INTO consent_text (forbund_id, kind, language, version, title, body,
                                  to_check, is_current, used, created_by)
            SELECT NEW.id, kind, language, 1, title, body, to_check, 1, 0, NULL
              FROM consent_text
             WHERE forbund_id = COALESCE(
                       (SELECT MIN(id) FROM forbund WHERE id <> NEW.id AND active = 1),
                       (SELECT MIN(id) FROM forbund WHERE id <> NEW.id))
               AND is_current = 1
             ORDER BY id;
    ELSE
        INSERT INTO consent_text (forbund_id, kind, language, version, title, body,
                                  to_check, is_current, used, created_by)
            SELECT NEW.id, kind, language, 1, title, body, to_check, 1, 0, NULL
              FROM consent_text_default ORDER BY id;
    END IF
