-- 0022_person_per_referral.sql: what is recorded about a person belongs to
-- the record it was recorded on, not to one row shared by every
-- organisation.
--
-- Before, `person` held one name, address, phone, kommun, interpreter and
-- protected-identity flag per personnummer. A second organisation that
-- applied for the same person read the first one's data in its draft and
-- overwrote it for everyone: the first remittent's application and the
-- insats staff's live participation showed the new values.
--
-- Now:
-- - `person` is only the link between one person's referrals and
--   participations: the personnummer, its kind and the birth year that
--   follows from it. Nothing in it was typed by anybody.
-- - `referral_person` is the person as the remittent recorded them on their
--   referral. Only the referral's own form writes it; its changes are in
--   change_history under the referral.
-- - `participation_person` is the participant's current data as the insats
--   staff keep it, copied from the admitted referral at admission and then
--   changed only by the insats staff (history under the participation).
--
-- The data moves without loss: every referral and every participation gets
-- a copy of its person's current values (there was only one set of values
-- to copy); the person history rows are copied to the records of those who
-- wrote them (a remittent's change to each of their referrals of that
-- person, an insats staff member's change to that person's participations in
-- their insatser). The old rows stay in change_history as they were, with
-- record_type 'person', and are shown nowhere.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE referral_person (
    referral_id          BIGINT UNSIGNED NOT NULL,
    first_name           VARCHAR(100) NOT NULL,
    last_name            VARCHAR(100) NOT NULL,
    gender               ENUM('kvinna','man','annat') NOT NULL
                         COMMENT 'As the remittent records it; the form suggests one from the personnummer',
    address              VARCHAR(200) NOT NULL DEFAULT '',
    postal_code          VARCHAR(10) NOT NULL DEFAULT '',
    city                 VARCHAR(100) NOT NULL DEFAULT '',
    phone                VARCHAR(40) NOT NULL DEFAULT '',
    home_municipality    VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'Folkbokföringskommun',
    interpreter_needed   BOOL NOT NULL DEFAULT 0,
    interpreter_language VARCHAR(100) NOT NULL DEFAULT '',
    protected_identity   BOOL NOT NULL DEFAULT 0 COMMENT 'Skyddade personuppgifter, as the remittent knows it',
    PRIMARY KEY (referral_id),
    CONSTRAINT fk_referral_person_referral FOREIGN KEY (referral_id) REFERENCES referral (id) ON DELETE CASCADE,
    CONSTRAINT ck_referral_person_names CHECK (first_name <> '' AND last_name <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The person as the remittent recorded them on one referral; versioned with the referral.';

CREATE TABLE participation_person (
    participation_id     BIGINT UNSIGNED NOT NULL,
    first_name           VARCHAR(100) NOT NULL,
    last_name            VARCHAR(100) NOT NULL,
    gender               ENUM('kvinna','man','annat') NOT NULL,
    address              VARCHAR(200) NOT NULL DEFAULT '',
    postal_code          VARCHAR(10) NOT NULL DEFAULT '',
    city                 VARCHAR(100) NOT NULL DEFAULT '',
    phone                VARCHAR(40) NOT NULL DEFAULT '',
    home_municipality    VARCHAR(100) NOT NULL DEFAULT '' COMMENT 'Folkbokföringskommun (SUS)',
    interpreter_needed   BOOL NOT NULL DEFAULT 0,
    interpreter_language VARCHAR(100) NOT NULL DEFAULT '',
    protected_identity   BOOL NOT NULL DEFAULT 0 COMMENT 'Skyddade personuppgifter: never reported by identity, address not shown',
    version              INT UNSIGNED NOT NULL DEFAULT 1,
    PRIMARY KEY (participation_id),
    CONSTRAINT fk_participation_person_participation FOREIGN KEY (participation_id) REFERENCES participation (id) ON DELETE CASCADE,
    CONSTRAINT ck_participation_person_names CHECK (first_name <> '' AND last_name <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The participant''s current data as the insats staff keep it; the source of reports and SUS.';

INSERT INTO referral_person (referral_id, first_name, last_name, gender, address,
    postal_code, city, phone, home_municipality, interpreter_needed,
    interpreter_language, protected_identity)
SELECT r.id, p.first_name, p.last_name, p.gender, p.address, p.postal_code,
       p.city, p.phone, p.home_municipality, p.interpreter_needed,
       p.interpreter_language, p.protected_identity
FROM referral r JOIN person p ON p.id = r.person_id;

INSERT INTO participation_person (participation_id, first_name, last_name, gender,
    address, postal_code, city, phone, home_municipality, interpreter_needed,
    interpreter_language, protected_identity)
SELECT pa.id, p.first_name, p.last_name, p.gender, p.address, p.postal_code,
       p.city, p.phone, p.home_municipality, p.interpreter_needed,
       p.interpreter_language, p.protected_identity
FROM participation pa JOIN person p ON p.id = pa.person_id;

-- A remittent's (or medremittent's) change of the shared row, to each of
-- their referrals of that person made before the change.
INSERT INTO change_history (at, staff_id, record_type, record_id, field, old_value, new_value)
SELECT h.at, h.staff_id, 'referral', r.id, h.field, h.old_value, h.new_value
FROM change_history h
JOIN referral r ON r.person_id = h.record_id AND r.created_at <= h.at + INTERVAL 1 SECOND
WHERE h.record_type = 'person'
  AND (r.remittent_id = h.staff_id OR EXISTS (SELECT 1 FROM referral_coremittent c
       WHERE c.referral_id = r.id AND c.staff_id = h.staff_id))
ORDER BY h.id, r.id;

-- An insats staff member's change (the SUS folkbokföringskommun), to that
-- person's participations in their insatser.
INSERT INTO change_history (at, staff_id, record_type, record_id, field, old_value, new_value)
SELECT h.at, h.staff_id, 'participation', pa.id, h.field, h.old_value, h.new_value
FROM change_history h
JOIN participation pa ON pa.person_id = h.record_id
JOIN staff_insats si ON si.insats_id = pa.insats_id AND si.staff_id = h.staff_id
WHERE h.record_type = 'person'
ORDER BY h.id, pa.id;

ALTER TABLE person
    DROP CONSTRAINT ck_person_names,
    DROP COLUMN first_name,
    DROP COLUMN last_name,
    DROP COLUMN gender,
    DROP COLUMN address,
    DROP COLUMN postal_code,
    DROP COLUMN city,
    DROP COLUMN phone,
    DROP COLUMN home_municipality,
    DROP COLUMN interpreter_needed,
    DROP COLUMN interpreter_language,
    DROP COLUMN protected_identity,
    DROP COLUMN version,
    COMMENT = 'The link between one person''s referrals and participations: the personnummer and what follows from it, nothing anybody typed.';

GRANT SELECT, INSERT, UPDATE ON referral_person TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON participation_person TO 'stegvis'@'localhost';
