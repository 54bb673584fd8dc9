-- 0013_consent_text_used.sql: a used consent text stays used.
--
-- 0008's trigger froze the wording of a used text, but the app account
-- could still set used back to 0 and then change the words. A used text is
-- now used for good. (0012 is left to the reports.)
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

DROP TRIGGER consent_text_frozen;

CREATE TRIGGER consent_text_frozen BEFORE UPDATE ON consent_text FOR EACH ROW
    IF OLD.used = 1 AND (NEW.used = 0 OR NEW.title <> OLD.title OR NEW.body <> OLD.body
                         OR NEW.kind <> OLD.kind OR NEW.language <> OLD.language
                         OR NEW.version <> OLD.version) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent_text: a used text version is never changed';
    END IF
