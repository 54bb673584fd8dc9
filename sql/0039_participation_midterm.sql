-- 0039_participation_midterm.sql: any number of mid-term follow-ups
-- (avstämningar) per participation (issue 15, item 4; the seeds describe
-- recurring follow-ups during the insats).
--
-- One row per follow-up held: the day it was held, who attended (in
-- words: the participant, the remittent, the contact person...), and a
-- note. The participation's old single midterm_date/_attendees/_note
-- columns are copied in here, one row each where a date was set; they
-- are no longer read (a later migration drops them once nothing reads
-- them). A follow-up is versioned like its neighbours: a change says
-- `WHERE id = ? AND version = ?` and bumps it, and writes change_history
-- (record_type participation, field midterm) in the same transaction.
-- request_key makes a retried create answer with the first row instead
-- of adding a second (unique per participation).
--
-- Whether one is overdue (none held by halfway between start and planned
-- end) is a rule in app/, not stored.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE participation_midterm (
    id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    participation_id BIGINT UNSIGNED NOT NULL,
    held_date        DATE NOT NULL COMMENT 'The day it was held (Swedish date)',
    attendees        VARCHAR(500) NOT NULL DEFAULT '' COMMENT 'Who attended, in words',
    note             TEXT NOT NULL DEFAULT '',
    recorded_by      INT UNSIGNED NULL COMMENT 'The staff member who recorded it last; NULL when copied from 0006',
    request_key      CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL
                     COMMENT 'The form''s one-time key: a retried create finds its row',
    version          INT UNSIGNED NOT NULL DEFAULT 1,
    created_at       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'UTC',
    updated_at       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP COMMENT 'UTC',
    PRIMARY KEY (id),
    KEY ix_midterm_participation (participation_id, held_date),
    UNIQUE KEY uq_midterm_request (participation_id, request_key),
    CONSTRAINT fk_midterm_participation FOREIGN KEY (participation_id) REFERENCES participation (id),
    CONSTRAINT fk_midterm_staff FOREIGN KEY (recorded_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Mid-term follow-ups (avstämningar) of a participation, any number.';

INSERT INTO participation_midterm (participation_id, held_date, attendees, note)
SELECT id, midterm_date, midterm_attendees, midterm_note
  FROM participation WHERE midterm_date IS NOT NULL;

GRANT SELECT, INSERT, UPDATE, DELETE ON participation_midterm TO 'stegvis'@'localhost'
