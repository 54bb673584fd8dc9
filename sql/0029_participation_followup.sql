-- 0029_participation_followup.sql: the follow-up six months after the end
-- (issue 17 item 7; the seed's "långsiktig mätning upp till 6 månader").
--
-- One row per participation, at most: the participant's situation six
-- months after the end (arbete, studier, arbetssökande, rehabilitering,
-- annat), recorded by the insats staff on the participation page. When it
-- is due (end + 6 months, a window of 14 days before to 90 days after,
-- overdue after 30 days) is a rule in app/followup.c, not stored. The row
-- is versioned like its neighbours: a change says `WHERE participation_id
-- = ? AND version = ?` and bumps it; every change also writes
-- change_history (record_type participation) in the same transaction. The
-- primary key is the participation, so a retried first save can never
-- make a second row.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE participation_followup (
    participation_id BIGINT UNSIGNED NOT NULL,
    situation        ENUM('arbete','studier','arbetssokande','rehabilitering','annat') NOT NULL
                     COMMENT 'The participant''s situation six months after the end',
    followup_date    DATE NOT NULL COMMENT 'The day it was recorded (Swedish date)',
    recorded_by      INT UNSIGNED NOT NULL COMMENT 'The insats staff member who recorded it last',
    version          INT UNSIGNED NOT NULL DEFAULT 1,
    created_at       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (participation_id),
    CONSTRAINT fk_followup_participation FOREIGN KEY (participation_id) REFERENCES participation (id),
    CONSTRAINT fk_followup_staff FOREIGN KEY (recorded_by) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The follow-up six months after the end of a participation (uppföljning 6 månader).';

GRANT SELECT, INSERT, UPDATE ON participation_followup TO 'stegvis'@'localhost'
