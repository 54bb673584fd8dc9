-- 0063_referral_tally.sql: the inbox counts its referrals without reading
-- them (issue 19, step 4).
--
-- The inbox (GET /inkorg) showed its count ("N i inkorgen") as a window
-- count (COUNT(*) OVER ()) of every submitted and waiting referral of the
-- caller's insatser, joined with their persons, senders and organisations
-- before the page's 50 were taken: the more referrals waited, the more
-- each page read. referral_tally counts referrals per insats, status and
-- listed (gallrad_at NULL), as sql/0049's insats_tally counts
-- participations; the inbox's count is the sum of a few of its rows
-- (tests/http/lib.sh order_ok checks it against a plain count).
--
-- The triggers are made first and the table filled last, as sql/0049 and
-- for its reasons: `stegvis migrate` runs while the old version serves. A
-- trigger that fires before the fill adds to a row (n + 1, n - 1) that the
-- fill then overwrites with the count from a locking read (REPEATABLE
-- READ); a row a trigger made for a key that has no referral when the
-- fill reads is set to 0 by the second fill statement. Foreign-key
-- cascades fire no triggers; nothing cascades into referral.
--
-- status repeats referral.status's ENUM: a migration that gives referral
-- a new status must give it to referral_tally.status too, or every write
-- of a referral with it fails in the trigger (strict mode).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001): no
-- stored programs, each trigger one statement.

CREATE TABLE referral_tally (
    insats_id INT UNSIGNED NOT NULL,
    status    ENUM('utkast','inskickad','antagen','avradd','aterford','vantelista','aterkallad') NOT NULL,
    listed    TINYINT(1) NOT NULL COMMENT '1: referral.gallrad_at IS NULL',
    n         INT NOT NULL COMMENT 'How many referrals',
    PRIMARY KEY (insats_id, status, listed)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Referrals per insats, status and listed. Kept by triggers on referral.';

GRANT SELECT ON referral_tally TO 'stegvis'@'localhost';

CREATE TRIGGER referral_tally_ins AFTER INSERT ON referral FOR EACH ROW
    INSERT INTO referral_tally (insats_id, status, listed, n)
    VALUES (NEW.insats_id, NEW.status, NEW.gallrad_at IS NULL, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
-- The old row's key less one, the new row's plus one; nothing when the key
-- stays.
CREATE TRIGGER referral_tally_upd AFTER UPDATE ON referral FOR EACH ROW
    INSERT INTO referral_tally (insats_id, status, listed, n)
    SELECT x.insats_id, x.status, x.listed, x.s
    FROM (SELECT OLD.insats_id AS insats_id, OLD.status AS status,
            OLD.gallrad_at IS NULL AS listed, -1 AS s
        UNION ALL SELECT NEW.insats_id, NEW.status, NEW.gallrad_at IS NULL, 1) x
    WHERE NOT (OLD.insats_id = NEW.insats_id AND OLD.status = NEW.status
        AND (OLD.gallrad_at IS NULL) = (NEW.gallrad_at IS NULL))
    ON DUPLICATE KEY UPDATE n = n + VALUES(n);
CREATE TRIGGER referral_tally_del AFTER DELETE ON referral FOR EACH ROW
    INSERT INTO referral_tally (insats_id, status, listed, n)
    VALUES (OLD.insats_id, OLD.status, OLD.gallrad_at IS NULL, -1)
    ON DUPLICATE KEY UPDATE n = n - 1;

-- The fills, after the triggers (see the head of this file): the counts,
-- then 0 in the rows a trigger made that have none.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
INSERT INTO referral_tally (insats_id, status, listed, n)
SELECT insats_id, status, gallrad_at IS NULL, COUNT(*)
FROM referral
GROUP BY insats_id, status, gallrad_at IS NULL
ON DUPLICATE KEY UPDATE n = VALUES(n);

SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
UPDATE referral_tally t
LEFT JOIN (SELECT insats_id, status, gallrad_at IS NULL AS listed, COUNT(*) AS n
    FROM referral GROUP BY insats_id, status, gallrad_at IS NULL) c
    ON c.insats_id = t.insats_id AND c.status = t.status AND c.listed = t.listed
SET t.n = IFNULL(c.n, 0);
