-- 0006_referrals_participations.sql: participants, referral applications
-- (ansökan), participations (deltagande) and the change history.
--
-- A person is one row keyed by the 12-digit personnummer; each referral is
-- one application to one insats; an admitted referral becomes one
-- participation. The same person may have any number of each (Hälsa för
-- Alla, then Trampolinen; or back a year later). Every editable row has a
-- `version` for optimistic locking: an UPDATE says `WHERE id = ? AND
-- version = ?` and bumps it, so a second editor's save changes 0 rows and
-- is refused instead of overwriting.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE person (
    id                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    personnummer         CHAR(12) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                         COMMENT 'YYYYMMDDNNNC, century included; samordningsnummer has day + 60',
    id_kind              ENUM('personnummer','samordningsnummer') NOT NULL,
    first_name           VARCHAR(100) NOT NULL,
    last_name            VARCHAR(100) NOT NULL,
    gender               ENUM('kvinna','man','annat') NOT NULL
                         COMMENT 'As the person states it; the form suggests one from the personnummer',
    birth_year           SMALLINT UNSIGNED NOT NULL COMMENT 'For anonymous SUS reporting and age bands',
    address              VARCHAR(200) NOT NULL DEFAULT '',
    postal_code          VARCHAR(10) NOT NULL DEFAULT '',
    city                 VARCHAR(100) NOT NULL DEFAULT '',
    phone                VARCHAR(40) NOT NULL DEFAULT '',
    home_municipality    VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'Folkbokföringskommun',
    interpreter_needed   BOOL NOT NULL DEFAULT 0,
    interpreter_language VARCHAR(100) NOT NULL DEFAULT '',
    protected_identity   BOOL NOT NULL DEFAULT 0 COMMENT 'Skyddade personuppgifter: never reported by identity, address not shown',
    version              INT UNSIGNED NOT NULL DEFAULT 1,
    created_at           DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uq_person_pnr (personnummer),
    CONSTRAINT ck_person_pnr CHECK (personnummer REGEXP '^[0-9]{12}$'),
    CONSTRAINT ck_person_names CHECK (first_name <> '' AND last_name <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Participants: one row per person, whatever the number of referrals.';

CREATE TABLE referral (
    id                      BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    person_id               BIGINT UNSIGNED NOT NULL,
    insats_id               INT UNSIGNED NOT NULL,
    remittent_id            INT UNSIGNED NOT NULL COMMENT 'The handläggare who applies (staff)',
    organisation_id         INT UNSIGNED NOT NULL COMMENT 'The remittent''s organisation or unit when applying: decides unit sharing and consent parties',
    status                  ENUM('utkast','inskickad','antagen','avradd','aterford','vantelista')
                            NOT NULL DEFAULT 'utkast',
    visa_date               DATE NULL COMMENT 'The VISA visit before applying',
    sick_leave_percent      TINYINT UNSIGNED NULL COMMENT '0, 25, 50, 75 or 100; NULL: not on sick leave',
    employed                BOOL NOT NULL DEFAULT 0,
    employer                VARCHAR(200) NOT NULL DEFAULT '',
    employer_rehab_responsibility BOOL NOT NULL DEFAULT 0 COMMENT 'The employer''s own rehabilitation responsibility applies',
    support_time_code       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
    education_code          VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
    background              TEXT NOT NULL DEFAULT '',
    own_goals               TEXT NOT NULL DEFAULT '' COMMENT 'The participant''s own goals',
    needs                   TEXT NOT NULL DEFAULT '',
    tried_before            TEXT NOT NULL DEFAULT '',
    submitted_at            DATETIME NULL COMMENT 'UTC',
    decided_at              DATETIME NULL COMMENT 'UTC',
    decided_by              INT UNSIGNED NULL,
    decision_reason         TEXT NOT NULL DEFAULT '' COMMENT 'Why advised against or sent back, in words',
    advise_against_code     VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
    version                 INT UNSIGNED NOT NULL DEFAULT 1,
    created_at              DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at              DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    KEY ix_referral_person (person_id),
    KEY ix_referral_insats_status (insats_id, status),
    KEY ix_referral_remittent (remittent_id, status),
    KEY ix_referral_organisation (organisation_id),
    CONSTRAINT fk_referral_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_referral_insats FOREIGN KEY (insats_id) REFERENCES insats (id),
    CONSTRAINT fk_referral_remittent FOREIGN KEY (remittent_id) REFERENCES staff (id),
    CONSTRAINT fk_referral_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_referral_decided_by FOREIGN KEY (decided_by) REFERENCES staff (id),
    CONSTRAINT fk_referral_support_time FOREIGN KEY (support_time_code) REFERENCES code_support_time (code),
    CONSTRAINT fk_referral_education FOREIGN KEY (education_code) REFERENCES code_education (code),
    CONSTRAINT fk_referral_advise FOREIGN KEY (advise_against_code) REFERENCES code_advise_against (code),
    CONSTRAINT ck_referral_sick_leave CHECK (sick_leave_percent IS NULL OR sick_leave_percent IN (0, 25, 50, 75, 100))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Referral applications (ansökan) from a remittent to an insats.';

CREATE TABLE referral_income (
    referral_id BIGINT UNSIGNED NOT NULL,
    income_code VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (referral_id, income_code),
    CONSTRAINT fk_referral_income_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE,
    CONSTRAINT fk_referral_income_code FOREIGN KEY (income_code) REFERENCES code_income (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Current income sources at the time of the referral (several may apply).';

CREATE TABLE referral_coremittent (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    referral_id     BIGINT UNSIGNED NOT NULL,
    staff_id        INT UNSIGNED NULL COMMENT 'Set when the medremittent has an account: they then see the referral',
    organisation_id INT UNSIGNED NOT NULL,
    name            VARCHAR(200) NOT NULL,
    contact         VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'Phone or e-mail',
    PRIMARY KEY (id),
    KEY ix_coremittent_referral (referral_id),
    KEY ix_coremittent_staff (staff_id),
    CONSTRAINT fk_coremittent_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE,
    CONSTRAINT fk_coremittent_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
    CONSTRAINT fk_coremittent_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Medremittenter: co-referrers from other organisations (e.g. FK with the employer''s HR).';

CREATE TABLE participation (
    id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    referral_id         BIGINT UNSIGNED NOT NULL,
    person_id           BIGINT UNSIGNED NOT NULL,
    insats_id           INT UNSIGNED NOT NULL,
    status              ENUM('inskriven','avslutad','felregistrerad') NOT NULL DEFAULT 'inskriven',
    start_date          DATE NOT NULL,
    planned_end_date    DATE NULL,
    contact_id          INT UNSIGNED NULL COMMENT 'Kontaktperson among the insats staff',
    hours_per_week      TINYINT UNSIGNED NULL COMMENT 'Planned, 1..40 (usually 4..10)',
    midterm_date        DATE NULL,
    midterm_note        TEXT NOT NULL DEFAULT '',
    midterm_attendees   VARCHAR(500) NOT NULL DEFAULT '',
    end_date            DATE NULL,
    end_reason_code     VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
    occupation_after_code VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
    occupation_before_code VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL,
    summary_due_date    DATE NULL COMMENT 'end_date + the insats''s summary_due_days',
    summary_sent_at     DATETIME NULL COMMENT 'UTC; the summary documentation handed to the remittent',
    version             INT UNSIGNED NOT NULL DEFAULT 1,
    created_at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uq_participation_referral (referral_id),
    KEY ix_participation_insats (insats_id, status, start_date),
    KEY ix_participation_person (person_id),
    KEY ix_participation_period (start_date, end_date),
    KEY ix_participation_summary_due (status, summary_sent_at, summary_due_date),
    CONSTRAINT fk_participation_referral FOREIGN KEY (referral_id) REFERENCES referral (id),
    CONSTRAINT fk_participation_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_participation_insats FOREIGN KEY (insats_id) REFERENCES insats (id),
    CONSTRAINT fk_participation_contact FOREIGN KEY (contact_id) REFERENCES staff (id),
    CONSTRAINT fk_participation_end_reason FOREIGN KEY (end_reason_code) REFERENCES code_end_reason (code),
    CONSTRAINT fk_participation_occ_after FOREIGN KEY (occupation_after_code) REFERENCES code_occupation (code),
    CONSTRAINT fk_participation_occ_before FOREIGN KEY (occupation_before_code) REFERENCES code_occupation (code),
    CONSTRAINT ck_participation_hours CHECK (hours_per_week IS NULL OR hours_per_week BETWEEN 1 AND 40),
    CONSTRAINT ck_participation_end CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT ck_participation_planned CHECK (planned_end_date IS NULL OR planned_end_date >= start_date),
    CONSTRAINT ck_participation_ended CHECK (status = 'inskriven' OR end_date IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='A participation (deltagande): an admitted referral from inskrivning to avslut.';

CREATE TABLE participation_income_after (
    participation_id BIGINT UNSIGNED NOT NULL,
    income_code      VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (participation_id, income_code),
    CONSTRAINT fk_pia_participation FOREIGN KEY (participation_id) REFERENCES participation (id) ON DELETE CASCADE,
    CONSTRAINT fk_pia_code FOREIGN KEY (income_code) REFERENCES code_income (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Income sources at the end (SUS utregistrering).';

CREATE TABLE participation_activity (
    id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    participation_id BIGINT UNSIGNED NOT NULL,
    activity         VARCHAR(200) NOT NULL,
    hours_per_week   TINYINT UNSIGNED NOT NULL,
    sort_order       SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_activity_participation (participation_id),
    CONSTRAINT fk_activity_participation FOREIGN KEY (participation_id) REFERENCES participation (id) ON DELETE CASCADE,
    CONSTRAINT ck_activity_hours CHECK (hours_per_week BETWEEN 1 AND 40)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The individual plan: planned activities and their hours per week.';

CREATE TABLE participation_extension (
    id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    participation_id BIGINT UNSIGNED NOT NULL,
    old_planned_end  DATE NULL,
    new_planned_end  DATE NOT NULL,
    reason           VARCHAR(500) NOT NULL DEFAULT '',
    staff_id         INT UNSIGNED NOT NULL,
    at               DATETIME NOT NULL COMMENT 'UTC',
    PRIMARY KEY (id),
    KEY ix_extension_participation (participation_id),
    CONSTRAINT fk_extension_participation FOREIGN KEY (participation_id) REFERENCES participation (id) ON DELETE CASCADE,
    CONSTRAINT fk_extension_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Extensions of a participation (new planned end), in order.';

CREATE TABLE change_history (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    at          DATETIME(3) NOT NULL COMMENT 'UTC',
    staff_id    INT UNSIGNED NOT NULL,
    record_type ENUM('person','referral','participation') NOT NULL,
    record_id   BIGINT UNSIGNED NOT NULL,
    field       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    old_value   TEXT NULL,
    new_value   TEXT NULL,
    PRIMARY KEY (id),
    KEY ix_history_record (record_type, record_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Every change to a person, referral or participation: who, when, which field, from what to what. Append-only.';

GRANT SELECT, INSERT, UPDATE ON person TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON referral TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, DELETE ON referral_income TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON referral_coremittent TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON participation TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, DELETE ON participation_income_after TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON participation_activity TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON participation_extension TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON change_history TO 'stegvis'@'localhost'
