-- 0030_structural.sql: the register of a structural insats (issue 17,
-- item 8; README "Structural insatser").
--
-- A structural insats (insats.direction = 'struktur', the SUS direction
-- the admin sets) has no participants: it reports what it built. Its
-- staff keep a register of the companies in its bank of work-practice
-- places (with the places each offers) and of the supervisor trainings it
-- held (with how many attended). No personal data: a company is an
-- employer, a training is a date, a count and a note.
-- The admin sets its goals per calendar year.
--
-- `version` for optimistic locking, as referral and participation have
-- (0006): an edit locks the row, compares and bumps it.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE structural_company (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT,
    insats_id   INT UNSIGNED NOT NULL,
    name        VARCHAR(200) NOT NULL COMMENT 'The company as it is known, e.g. Bygg och Måleri i Trollhättan AB',
    org_number  CHAR(11) CHARACTER SET ascii COLLATE ascii_bin NULL
                COMMENT 'Organisationsnummer NNNNNN-NNNN, if known',
    places      SMALLINT UNSIGNED NOT NULL COMMENT 'Work-practice places the company offers',
    joined_on   DATE NOT NULL COMMENT 'The day it joined the bank',
    left_on     DATE NULL COMMENT 'The day it left the bank; NULL: active',
    version     INT UNSIGNED NOT NULL DEFAULT 1,
    created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uq_structural_company_name (insats_id, name),
    KEY ix_structural_company_period (insats_id, joined_on),
    CONSTRAINT fk_structural_company_insats FOREIGN KEY (insats_id)
        REFERENCES insats (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_structural_company_name CHECK (name <> ''),
    CONSTRAINT ck_structural_company_org CHECK (org_number IS NULL OR org_number REGEXP '^[0-9]{6}-[0-9]{4}$'),
    CONSTRAINT ck_structural_company_places CHECK (places BETWEEN 0 AND 9999),
    CONSTRAINT ck_structural_company_left CHECK (left_on IS NULL OR left_on >= joined_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='A structural insats''s bank of work-practice places: the companies and their places. No personal data.';

CREATE TABLE structural_training (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT,
    insats_id   INT UNSIGNED NOT NULL,
    held_on     DATE NOT NULL COMMENT 'The day the training was held (its first day)',
    attendees   SMALLINT UNSIGNED NOT NULL COMMENT 'How many supervisors attended: a count, never names',
    note        VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'e.g. three half days, for private employers',
    version     INT UNSIGNED NOT NULL DEFAULT 1,
    created_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    KEY ix_structural_training_period (insats_id, held_on),
    CONSTRAINT fk_structural_training_insats FOREIGN KEY (insats_id)
        REFERENCES insats (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_structural_training_attendees CHECK (attendees BETWEEN 0 AND 9999)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Supervisor trainings (handledarutbildningar) a structural insats held, with the number who attended.';

CREATE TABLE structural_goal (
    insats_id   INT UNSIGNED NOT NULL,
    year        SMALLINT UNSIGNED NOT NULL,
    companies   SMALLINT UNSIGNED NULL COMMENT 'Companies in the bank by the end of the year; NULL: no goal',
    places      SMALLINT UNSIGNED NULL COMMENT 'Places in the bank by the end of the year; NULL: no goal',
    trainings   SMALLINT UNSIGNED NULL COMMENT 'Supervisor trainings held in the year; NULL: no goal',
    attendees   SMALLINT UNSIGNED NULL COMMENT 'People trained in them in the year; NULL: no goal',
    version     INT UNSIGNED NOT NULL DEFAULT 1,
    PRIMARY KEY (insats_id, year),
    CONSTRAINT fk_structural_goal_insats FOREIGN KEY (insats_id)
        REFERENCES insats (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT ck_structural_goal_year CHECK (year BETWEEN 2000 AND 2100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Goals of a structural insats per calendar year, set by the admin.';

GRANT SELECT, INSERT, UPDATE ON structural_company TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON structural_training TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON structural_goal TO 'stegvis'@'localhost'
