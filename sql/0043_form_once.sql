-- 0043_form_once.sql: idempotency keys of forms that create something
-- (issue 18, item 2: a retry never makes a duplicate).
--
-- Every form that creates a record carries a one-time key, issued with the
-- form (hidden field "skapanyckel"). The POST that creates claims the key
-- inside the creating transaction by inserting this row first, and stores
-- where the created record lives before it commits. A second POST with the
-- same key by the same account finds the row (the primary key makes the
-- insert a duplicate; while the first is still running, the insert waits
-- for it) and answers with the first result's location; it creates
-- nothing. A first POST that rolls back leaves no row, so the retry runs
-- as new. app/once.c, app/sql_once.c.
--
-- The rows hold no personal data (an account id, a random key, a path).
-- Gallring removes rows older than 30 days (SQL_ONCE_PURGE).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE form_once (
    staff_id    INT UNSIGNED NOT NULL
        COMMENT 'the account that posted the form',
    once_key    CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
        COMMENT 'the form''s one-time key: 32 lower-case hex digits',
    location    VARCHAR(255) CHARACTER SET ascii NOT NULL DEFAULT ''
        COMMENT 'where the first POST sent the browser (a path), set before commit',
    created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
        COMMENT 'UTC',
    PRIMARY KEY (staff_id, once_key),
    KEY form_once_created (created_at),
    CONSTRAINT fk_form_once_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='idempotency keys of create forms: a retry answers as the first';

GRANT SELECT, INSERT, UPDATE, DELETE ON form_once TO 'stegvis'@'localhost'
