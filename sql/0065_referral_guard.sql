-- 0065_referral_guard.sql: the consent guards hold across Galera nodes
-- (issue 20).
--
-- A guarded action (a decision, a submission, a change of a referral, a
-- summary sent) reads the referral's waivers with a locking read inside
-- its transaction, and every change to the referral's consents (a
-- revocation among them) takes the referral's row FOR UPDATE first
-- (include/consent.h). On one server the locks order the two. On a
-- Galera cluster locks are each node's own: a revocation on node 1 and a
-- decision on node 2 would both commit, the decision on a waiver already
-- revoked. Galera refuses the second of two transactions that WROTE the
-- same row without one having seen the other (certification, error 1213
-- at commit). So both sides write the referral's row here: the guard and
-- every consent change add 1 to seq (consent_guard_touch()). The loser's
-- request runs again from the start (route.c) and then sees the other's
-- commit: a decision is refused with the consent message, a revocation
-- after a decision is simply later.
--
-- A table of its own, not a column of referral: a write to referral moves
-- its updated_at (gallring's clock, the lists' order) and fires its tally
-- triggers.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE referral_guard (
    referral_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
    seq         BIGINT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Guards and consent changes so far',
    CONSTRAINT fk_referral_guard_referral FOREIGN KEY (referral_id)
        REFERENCES referral (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='A row each guarded referral: written by every consent guard and change, so Galera orders them';

GRANT SELECT, INSERT, UPDATE ON referral_guard TO 'stegvis'@'localhost';
