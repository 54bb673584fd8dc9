-- 0003_sessions_audit.sql: login sessions, failed-login tracking, the
-- integration token, and the append-only access log (audit).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE staff
    ADD COLUMN api_token_hash BINARY(32) NULL
        COMMENT 'BLAKE2b-256 of the integration account''s bearer token. NULL: no token',
    ADD UNIQUE KEY uq_staff_api_token (api_token_hash);

CREATE TABLE session (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    token_hash   BINARY(32) NOT NULL COMMENT 'BLAKE2b-256 of the 256-bit cookie token; the token itself is never stored',
    staff_id     INT UNSIGNED NOT NULL,
    csrf_token   CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                 COMMENT 'Per-session CSRF token, hex, sent in every form',
    created_at   DATETIME NOT NULL COMMENT 'UTC; the absolute timeout counts from here',
    last_seen_at DATETIME NOT NULL COMMENT 'UTC; the idle timeout counts from here',
    remote_addr  VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    UNIQUE KEY uq_session_token (token_hash),
    KEY ix_session_staff (staff_id),
    CONSTRAINT fk_session_staff FOREIGN KEY (staff_id)
        REFERENCES staff (id) ON DELETE CASCADE ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Login sessions. Deleted at logout; expired ones are refused and swept.';

CREATE TABLE login_failure (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    username    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                COMMENT 'What was typed (lower-cased, cut to 64), whether or not such an account exists',
    remote_addr VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    at          DATETIME NOT NULL COMMENT 'UTC',
    PRIMARY KEY (id),
    KEY ix_login_failure_addr (remote_addr, at),
    KEY ix_login_failure_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Failed logins, for the per-address back-off. Per-account lockout is staff.failed_logins.';

CREATE TABLE audit_log (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    at           DATETIME(3) NOT NULL COMMENT 'UTC',
    staff_id     INT UNSIGNED NULL COMMENT 'Who; NULL when nobody was logged in (a failed login). No foreign key: the log outlives everything',
    username     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'Who, as the name was then',
    action       ENUM('read','create','update','export','print','search','login',
                      'login_failed','logout','admin') NOT NULL,
    object_type  VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                 COMMENT 'participant, referral, participation, consent, staff, audit_log, ...',
    object_id    BIGINT UNSIGNED NULL,
    personnummer CHAR(12) CHARACTER SET ascii COLLATE ascii_bin NULL
                 COMMENT 'The participant concerned (12 digits), so the log can be searched per person',
    remote_addr  VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    request_id   VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    detail       VARCHAR(255) NULL COMMENT 'Short free text: what was changed, the search term, ...',
    PRIMARY KEY (id),
    KEY ix_audit_person (personnummer, at),
    KEY ix_audit_staff (staff_id, at),
    KEY ix_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Access log: every read, change, export and print of personal data. Append-only.';

-- Append-only even for an administrator's mistake: the app's account has
-- no UPDATE or DELETE (below), and these triggers refuse them for anyone.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';

GRANT SELECT, INSERT, UPDATE, DELETE ON session TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, DELETE ON login_failure TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON audit_log TO 'stegvis'@'localhost'
