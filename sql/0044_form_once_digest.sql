-- 0044_form_once_digest.sql: what a create form's one-time key was used
-- for (issue 18, item 2; review finding).
--
-- A key answers a retry as the first POST only when the retry is the same
-- submission: the same path and the same fields (the CSRF token and the
-- key left out). The Back button can bring a form back with its old key
-- and new content for the next client; that is a new submission, not a
-- retry. digest is a BLAKE2b digest of path and fields (once_digest_of(),
-- app/once.c). A different submission under a used key is claimed under a
-- key derived from the key and its digest, so it is created once, and its
-- own retries are answered as it was.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE form_once
    ADD COLUMN digest CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT ''
        COMMENT 'BLAKE2b-128 (hex) of the POST''s path and fields, the CSRF token and the key left out'
        AFTER once_key
