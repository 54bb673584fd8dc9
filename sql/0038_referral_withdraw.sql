-- 0038_referral_withdraw.sql: the remittent withdraws an application
-- (issue 15, item 6; README "Referrals and participations").
--
-- A draft, or a submitted application not yet admitted, advised against
-- or sent back (inskickad, väntelista; also one sent back, which is the
-- remittent's again), can be withdrawn by the remittent who made it, with
-- a reason. The status 'aterkallad' takes it out of every inbox at once
-- (the inbox lists inskickad and vantelista only); the rule is
-- referral_withdraw() in app/referral.c. The time and the reason are kept
-- on the referral; the change history and the access log say who.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE referral
    MODIFY status ENUM('utkast','inskickad','antagen','avradd','aterford','vantelista','aterkallad')
        NOT NULL DEFAULT 'utkast',
    ADD COLUMN withdrawn_at DATETIME NULL COMMENT 'UTC; set when the remittent withdrew it',
    ADD COLUMN withdrawn_reason TEXT NOT NULL DEFAULT '' COMMENT 'The remittent''s reason, in words';
