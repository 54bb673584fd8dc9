-- 0079_sus_rate.sql: the SUS API's rate limit holds for requests that
-- arrive at the same moment on one server (issue 20).
--
-- A request was counted in three steps of their own: sweep the förbund's
-- old requests, count those in the window, add itself. Requests arriving
-- together at the limit each counted the others' rows before any was
-- added, so all of them went through. Now the three run in one
-- transaction that first locks the förbund's row here: the second waits
-- for the first's commit and then counts its row.
--
-- On a Galera cluster each node's locks are its own. Requests one after
-- another through different nodes count together (a node reads after it
-- has applied the others' commits); requests at the same instant at the
-- limit through different nodes may each pass. Writing this row instead
-- of locking it would order them by certification too, but the losers
-- would run again after the winner's export and make batches of their
-- own, and under make check-ha's aligned commits lose again and again:
-- a limit that a runaway job can pass by one request per node is the
-- lesser cost.
--
-- A table of its own, not sus_state: every export holds the förbund's
-- sus_state row for as long as it runs, and a request must learn at once
-- that another export is under way (409), not wait for it.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE sus_rate (
    forbund_id INT UNSIGNED NOT NULL PRIMARY KEY,
    CONSTRAINT fk_sus_rate_forbund FOREIGN KEY (forbund_id) REFERENCES forbund (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='A row per förbund, locked by every rate check of its SUS API, so checks at once are ordered';

-- Every förbund has its row from the start, so the check locks a row,
-- never a gap (two förbund's first checks at once would otherwise take
-- gap locks that can deadlock).
INSERT INTO sus_rate (forbund_id) SELECT id FROM forbund;

-- A new förbund's row, in the statement that inserts the förbund (so
-- `stegvis forbund-add`, the demo's SQL and a test's INSERT alike). No
-- comment inside the body: a restore drops it, and test_backup compares
-- the triggers' text.
CREATE TRIGGER forbund_sus_rate AFTER INSERT ON forbund FOR EACH ROW
    INSERT INTO sus_rate (forbund_id) VALUES (NEW.id);

GRANT SELECT, UPDATE ON sus_rate TO 'stegvis'@'localhost';
