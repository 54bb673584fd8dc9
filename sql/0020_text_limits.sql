-- 0020_text_limits.sql: every text column holds what its form allows.
--
-- The limits are counted in characters (app/form.c, form_text_chars()),
-- and a character of utf8mb4 takes up to four bytes. A TEXT column holds
-- 65 535 bytes, so at most 16 383 characters of any script, but a consent
-- text may have 20 000 (app/page_admin_consent.c): a Tigrinya or emoji-rich
-- text at the limit would not fit. MEDIUMTEXT holds 16 MiB. Every other
-- column is at least as wide as its field's limit
-- (tests/http/test_text_limits.sh stores every field at its limit, in
-- four-byte characters where the field takes any text, and reads it back).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE consent_text
    MODIFY body MEDIUMTEXT NOT NULL COMMENT 'Plain text, paragraphs separated by blank lines';
