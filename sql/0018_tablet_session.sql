-- 0018_tablet_session.sql: the consent tablet's own session.
--
-- Before, the participant read and signed a consent in the staff member's
-- session, so the address bar on the tablet reached the staff's pages.
-- Now the staff member hands the tablet over: their session on it ends and
-- a tablet session starts, bound to one consent (include/tablet.h says
-- which pages it may reach). It is keyed like a staff session by the
-- BLAKE2b-256 hash of a 256-bit cookie token (cookie stegvis_surfplatta),
-- has its own CSRF token, ends after 5 minutes idle or an hour in all
-- (include/app_limits.h), at the lock screen, at any page outside its
-- scope, and when staff log in on the device. The access log records its
-- actions as the tablet's (user name "surfplatta:<who handed it over>").
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE tablet_session (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    token_hash   BINARY(32) NOT NULL COMMENT 'BLAKE2b-256 of the 256-bit cookie token; the token itself is never stored',
    consent_id   BIGINT UNSIGNED NOT NULL COMMENT 'The one consent this tablet may show, sign, copy and revoke',
    staff_id     INT UNSIGNED NOT NULL COMMENT 'Who handed the tablet over',
    csrf_token   CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                 COMMENT 'Per-session CSRF token, hex, sent in every form',
    created_at   DATETIME NOT NULL COMMENT 'UTC; the absolute timeout counts from here',
    last_seen_at DATETIME NOT NULL COMMENT 'UTC; the idle lock counts from here',
    remote_addr  VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    UNIQUE KEY uq_tablet_session_token (token_hash),
    KEY ix_tablet_session_seen (last_seen_at),
    CONSTRAINT fk_tablet_session_consent FOREIGN KEY (consent_id)
        REFERENCES consent (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_tablet_session_staff FOREIGN KEY (staff_id)
        REFERENCES staff (id) ON DELETE CASCADE ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Consent tablet sessions: one consent each. Deleted when locked; expired ones are refused and swept.';

GRANT SELECT, INSERT, UPDATE, DELETE ON tablet_session TO 'stegvis'@'localhost'
