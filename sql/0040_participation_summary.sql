-- 0040_participation_summary.sql: the sammanfattande dokumentation as a
-- document with versions (issue 15, items 2 and 11).
--
-- The insats staff write it after the end (status avslutad): what was done,
-- the result, the participant's own view, the recommended next step (what,
-- who does it and by when) and free text. A version is a draft (utkast),
-- saved any number of times, until it is sent (skickad); then it is frozen.
-- A correction is a new version (version_no + 1), a draft pre-filled from
-- the sent one; sending it supersedes the earlier one, which stays
-- readable. Superseded is not stored: a sent version with a later sent one
-- is superseded. The rules are app/summary.c's.
--
-- participation.summary_sent_at stays the time of the FIRST send (the
-- overdue lists and SUS read it); the due date stays
-- participation.summary_due_date (end + insats.summary_due_days, 21 by
-- default: participation_summary_due()).
--
-- version is the optimistic lock of a draft (`WHERE id = ? AND version =
-- ?`, bumped on every change). request_key is the form's one-time key: a
-- retried create finds its row instead of adding a second version (unique
-- per participation). Every change writes change_history (record_type
-- participation, fields summary_*) in the same transaction. Gallring
-- deletes the rows with the participation (SQL_GR_PART_SUMMARY_DEL).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE participation_summary (
    id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    participation_id BIGINT UNSIGNED NOT NULL,
    version_no       INT UNSIGNED NOT NULL COMMENT '1, 2, ...: a correction is the next',
    state            ENUM('utkast','skickad') NOT NULL DEFAULT 'utkast',
    done_text        TEXT NOT NULL DEFAULT '' COMMENT 'What was done',
    result_text      TEXT NOT NULL DEFAULT '' COMMENT 'The result',
    own_view         TEXT NOT NULL DEFAULT '' COMMENT 'The participant''s own view',
    next_step        TEXT NOT NULL DEFAULT '' COMMENT 'The recommended next step',
    next_who         VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'Who does it',
    next_by          DATE NULL COMMENT 'By when (Swedish date)',
    free_text        TEXT NOT NULL DEFAULT '',
    written_by       INT UNSIGNED NOT NULL COMMENT 'The staff member who saved it last',
    sent_by          INT UNSIGNED NULL,
    sent_at          DATETIME NULL COMMENT 'UTC',
    request_key      CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL
                     COMMENT 'The form''s one-time key: a retried create finds its row',
    version          INT UNSIGNED NOT NULL DEFAULT 1,
    created_at       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'UTC',
    updated_at       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'UTC',
    PRIMARY KEY (id),
    UNIQUE KEY uq_summary_version (participation_id, version_no),
    UNIQUE KEY uq_summary_request (participation_id, request_key),
    CONSTRAINT fk_summary_participation FOREIGN KEY (participation_id) REFERENCES participation (id),
    CONSTRAINT fk_summary_writer FOREIGN KEY (written_by) REFERENCES staff (id),
    CONSTRAINT fk_summary_sender FOREIGN KEY (sent_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The summary to the remittent (sammanfattande dokumentation), in versions.';

GRANT SELECT, INSERT, UPDATE, DELETE ON participation_summary TO 'stegvis'@'localhost'
