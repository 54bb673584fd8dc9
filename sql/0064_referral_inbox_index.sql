-- 0064_referral_inbox_index.sql: the inbox's page from an index (issue 19,
-- step 4).
--
-- The inbox lists the submitted and waiting referrals of the caller's
-- insatser not gallrade, in order of submission (include/referral_decision.h).
-- With this index it picks the page's referrals (their order and the key a
-- page follows) from the index alone, and reads the referral, its person,
-- sender and organisation only for the page's rows. Made in place, without
-- a lock on writes: `stegvis migrate` runs while the old version serves.
ALTER TABLE referral ADD INDEX ix_referral_inbox (insats_id, status, gallrad_at, submitted_at, id),
    ALGORITHM=INPLACE, LOCK=NONE;
