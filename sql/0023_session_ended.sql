-- 0023_session_ended.sql: a form sent after its session ended is kept only
-- for the account whose session it was (issue 12, part 5).
--
-- Before, when the session row was already gone ("Logga ut överallt",
-- logout elsewhere, the sweep), nothing told whose the form was: it was
-- kept for whoever logged in next in that browser, or for the account
-- logged in there now, which could be someone of another organisation.
-- Now every deleted session leaves its token hash, CSRF token and account
-- here (a trigger, so no deletion path can forget it), long enough for a
-- kept form's lifetime; a form whose owner is still unknown is not kept.
-- Rows older than a day are swept with the kept forms.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE session_ended (
    token_hash BINARY(32) NOT NULL,
    csrf_token CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    staff_id   INT UNSIGNED NOT NULL,
    ended_at   DATETIME NOT NULL COMMENT 'UTC',
    PRIMARY KEY (token_hash),
    KEY ix_session_ended_csrf (csrf_token),
    KEY ix_session_ended_at (ended_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Whose an ended session was: the owner of a form sent after it ended. No personal data.';

CREATE TRIGGER session_ended_keep BEFORE DELETE ON session FOR EACH ROW
    INSERT INTO session_ended (token_hash, csrf_token, staff_id, ended_at)
    VALUES (OLD.token_hash, OLD.csrf_token, OLD.staff_id, UTC_TIMESTAMP())
    ON DUPLICATE KEY UPDATE ended_at = VALUES(ended_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON session_ended TO 'stegvis'@'localhost';
