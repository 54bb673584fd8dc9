-- 0007_totp.sql: a second factor for staff logins (TOTP, RFC 6238: any
-- authenticator app), and the half-finished login waiting for its code.
--
-- The secret must be readable to check a code, so it cannot be hashed like
-- a password; it is stored as is, readable only by the app's account.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE staff
    ADD COLUMN totp_secret VARBINARY(32) NULL
        COMMENT 'Active TOTP secret (20 random bytes). NULL: no second factor',
    ADD COLUMN totp_pending VARBINARY(32) NULL
        COMMENT 'Secret shown for enrolment, active once a code from it is confirmed',
    ADD COLUMN totp_last_counter BIGINT UNSIGNED NULL
        COMMENT 'Time step of the last accepted code: a code is accepted once (no replay)';

ALTER TABLE session
    ADD COLUMN code_pending BOOL NOT NULL DEFAULT 0
        COMMENT '1: password given, TOTP code still due; the session opens nothing else'
