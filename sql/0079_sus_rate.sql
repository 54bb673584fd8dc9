-- 0079_sus_rate.sql: the SUS API's rate limit holds for requests that
-- arrive at the same moment, on one server and across Galera nodes
-- (issue 20).
--
-- A request was counted in three steps of their own: sweep the förbund's
-- old requests, count those in the window, add itself. Requests arriving
-- together at the limit each counted the others' rows before any was
-- added, so all of them went through. Now the three run in one
-- transaction that first writes the förbund's row here (seq + 1), as
-- referral_guard (sql/0065) does for the consent guards: on one server the
-- row lock makes the second wait for the first's commit and then count
-- its row; on a Galera cluster two nodes writing the row at once cannot
-- both commit (certification, 1213), and the loser's request runs again
-- from the start (route.c) and counts the winner's row.
--
-- A table of its own, not sus_state: every export holds the förbund's
-- sus_state row for as long as it runs, and a request must learn at once
-- that another export is under way (409), not wait for it.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE sus_rate (
    forbund_id INT UNSIGNED NOT NULL PRIMARY KEY,
    seq        BIGINT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'SUS API requests counted so far',
    CONSTRAINT fk_sus_rate_forbund FOREIGN KEY (forbund_id) REFERENCES forbund (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='A row per förbund: written by every rate check of its SUS API, so checks at once are ordered';

-- Every förbund has its row from the start: the check's INSERT … ON
-- DUPLICATE KEY UPDATE then only updates it. The first insert of two
-- förbund's rows at the same moment took gap locks and could deadlock,
-- and under make check-ha's aligned commits the retries met again.
INSERT INTO sus_rate (forbund_id) SELECT id FROM forbund;

-- A new förbund's row, in the statement that inserts the förbund (so
-- `stegvis forbund-add`, the demo's SQL and a test's INSERT alike). No
-- comment inside the body: a restore drops it, and test_backup compares
-- the triggers' text.
CREATE TRIGGER forbund_sus_rate AFTER INSERT ON forbund FOR EACH ROW
    INSERT INTO sus_rate (forbund_id) VALUES (NEW.id);

GRANT SELECT, INSERT, UPDATE ON sus_rate TO 'stegvis'@'localhost';
