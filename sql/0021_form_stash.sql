-- 0021_form_stash.sql: a form sent after its session ended is kept, so
-- that nothing typed is lost (README "A form outlives its session").
--
-- A POST refused only because its session has ended or its CSRF token is
-- stale is held here until the same account logs in again in the same
-- browser and sends it again ("Skicka igen"), or for two hours at most.
-- The row holds only ciphertext: the path and the fields are sealed with
-- XChaCha20-Poly1305 under a key derived from a 256-bit secret that only
-- the browser has (an HttpOnly SameSite=Strict cookie), and the row is
-- found by another value derived from that secret. A reader of the
-- database alone can read nothing of what was typed.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE form_stash (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    handle      BINARY(32) NOT NULL
                COMMENT 'Derived from the browser''s secret (BLAKE2b KDF, subkey 1); the secret itself is never stored',
    staff_id    INT UNSIGNED NULL
                COMMENT 'The only account that may see or send it. NULL: nothing identified the account; bound at the next full login in the same browser',
    owner_known BOOL NOT NULL DEFAULT 0
                COMMENT '1: the account came from the ended session itself; 0: bound to whoever was or next got logged in in that browser',
    sealed      MEDIUMBLOB NOT NULL
                COMMENT 'nonce || XChaCha20-Poly1305(path and fields), key from the browser''s secret (subkey 2), AD = handle',
    created_at  DATETIME NOT NULL COMMENT 'UTC',
    expires_at  DATETIME NOT NULL COMMENT 'UTC; refused after, removed at the next sweep',
    claimed_at  DATETIME NULL
                COMMENT 'UTC; set while it is being sent again, so it is used once. Deleted once sent',
    PRIMARY KEY (id),
    UNIQUE KEY uq_form_stash_handle (handle),
    KEY ix_form_stash_expires (expires_at),
    KEY ix_form_stash_staff (staff_id),
    CONSTRAINT fk_form_stash_staff FOREIGN KEY (staff_id)
        REFERENCES staff (id) ON DELETE CASCADE ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Forms kept over an ended session, sealed with a key only the browser has. Short-lived.';

GRANT SELECT, INSERT, UPDATE, DELETE ON form_stash TO 'stegvis'@'localhost'
