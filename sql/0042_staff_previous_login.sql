-- 0042_staff_previous_login.sql: the login before the current one (issue
-- 15, item 13: news since the last visit).
--
-- A password login moves last_login_at into previous_login_at and sets
-- last_login_at to now, in the one UPDATE that resets the failure counter
-- (SQL_STAFF_LOGIN_OK, app/sql_auth.c). The start page lists what
-- happened since previous_login_at (app/news.c); NULL: a first login,
-- with nothing earlier to compare with.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE staff
    ADD COLUMN previous_login_at DATETIME NULL
        COMMENT 'UTC; the login before last_login_at: what "since your last visit" compares with'
        AFTER last_login_at
