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
-- its person's values as its own side last wrote them, reconstructed from
-- the shared row's history (see the UPDATEs below); the person history rows
-- are copied to the records of those who wrote them (a remittent's change
-- to their referrals of that person, an insats staff member's change to
-- that person's participations in their insatser), each with the old value
-- only when its own side wrote that too. The old rows stay in
-- change_history as they were, with record_type 'person', and are shown
-- nowhere.
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

-- Each record then gets its own values back where the shared row's history
-- tells them, undoing what other organisations wrote over them:
-- - a referral: what its remittent (or a medremittent) last wrote through
--   it; else, for the person's first referral, the value when it was made;
--   for a later referral made onto a known person, names, gender and the
--   flags as they stood when it was made (the form required or kept them)
--   and the contact fields empty, since its remittent left them empty or
--   typed what another organisation had recorded;
-- - a participation: what the insats's staff last wrote; else the value at
--   admission.
UPDATE referral_person rp JOIN referral r ON r.id = rp.referral_id SET
    rp.address = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'address' AND h.at >= r.created_at - INTERVAL 1 SECOND AND (h.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = h.staff_id)) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        IF(NOT EXISTS (SELECT 1 FROM referral r0 WHERE r0.person_id = r.person_id AND (r0.created_at < r.created_at OR (r0.created_at = r.created_at AND r0.id < r.id))),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'address' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.address),
           '')),
    rp.postal_code = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'postal_code' AND h.at >= r.created_at - INTERVAL 1 SECOND AND (h.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = h.staff_id)) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        IF(NOT EXISTS (SELECT 1 FROM referral r0 WHERE r0.person_id = r.person_id AND (r0.created_at < r.created_at OR (r0.created_at = r.created_at AND r0.id < r.id))),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'postal_code' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.postal_code),
           '')),
    rp.city = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'city' AND h.at >= r.created_at - INTERVAL 1 SECOND AND (h.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = h.staff_id)) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        IF(NOT EXISTS (SELECT 1 FROM referral r0 WHERE r0.person_id = r.person_id AND (r0.created_at < r.created_at OR (r0.created_at = r.created_at AND r0.id < r.id))),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'city' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.city),
           '')),
    rp.phone = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'phone' AND h.at >= r.created_at - INTERVAL 1 SECOND AND (h.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = h.staff_id)) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        IF(NOT EXISTS (SELECT 1 FROM referral r0 WHERE r0.person_id = r.person_id AND (r0.created_at < r.created_at OR (r0.created_at = r.created_at AND r0.id < r.id))),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'phone' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.phone),
           '')),
    rp.home_municipality = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'home_municipality' AND h.at >= r.created_at - INTERVAL 1 SECOND AND (h.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = h.staff_id)) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        IF(NOT EXISTS (SELECT 1 FROM referral r0 WHERE r0.person_id = r.person_id AND (r0.created_at < r.created_at OR (r0.created_at = r.created_at AND r0.id < r.id))),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'home_municipality' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.home_municipality),
           '')),
    rp.interpreter_language = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'interpreter_language' AND h.at >= r.created_at - INTERVAL 1 SECOND AND (h.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = h.staff_id)) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        IF(NOT EXISTS (SELECT 1 FROM referral r0 WHERE r0.person_id = r.person_id AND (r0.created_at < r.created_at OR (r0.created_at = r.created_at AND r0.id < r.id))),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'interpreter_language' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.interpreter_language),
           '')),
    rp.first_name = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'first_name' AND h.at >= r.created_at - INTERVAL 1 SECOND AND (h.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = h.staff_id)) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        IF(NOT EXISTS (SELECT 1 FROM referral r0 WHERE r0.person_id = r.person_id AND (r0.created_at < r.created_at OR (r0.created_at = r.created_at AND r0.id < r.id))),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'first_name' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.first_name),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'first_name' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.first_name))),
    rp.last_name = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'last_name' AND h.at >= r.created_at - INTERVAL 1 SECOND AND (h.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = h.staff_id)) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        IF(NOT EXISTS (SELECT 1 FROM referral r0 WHERE r0.person_id = r.person_id AND (r0.created_at < r.created_at OR (r0.created_at = r.created_at AND r0.id < r.id))),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'last_name' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.last_name),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'last_name' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.last_name))),
    rp.gender = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'gender' AND h.at >= r.created_at - INTERVAL 1 SECOND AND (h.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = h.staff_id)) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        IF(NOT EXISTS (SELECT 1 FROM referral r0 WHERE r0.person_id = r.person_id AND (r0.created_at < r.created_at OR (r0.created_at = r.created_at AND r0.id < r.id))),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'gender' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.gender),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'gender' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.gender))),
    rp.interpreter_needed = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'interpreter_needed' AND h.at >= r.created_at - INTERVAL 1 SECOND AND (h.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = h.staff_id)) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        IF(NOT EXISTS (SELECT 1 FROM referral r0 WHERE r0.person_id = r.person_id AND (r0.created_at < r.created_at OR (r0.created_at = r.created_at AND r0.id < r.id))),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'interpreter_needed' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.interpreter_needed),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'interpreter_needed' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.interpreter_needed))),
    rp.protected_identity = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'protected_identity' AND h.at >= r.created_at - INTERVAL 1 SECOND AND (h.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = h.staff_id)) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        IF(NOT EXISTS (SELECT 1 FROM referral r0 WHERE r0.person_id = r.person_id AND (r0.created_at < r.created_at OR (r0.created_at = r.created_at AND r0.id < r.id))),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'protected_identity' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.protected_identity),
           COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = r.person_id AND h.field = 'protected_identity' AND h.at >= r.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), rp.protected_identity)));

UPDATE participation_person pp JOIN participation pa ON pa.id = pp.participation_id SET
    pp.address = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'address' AND h.at >= pa.created_at - INTERVAL 1 SECOND AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = pa.insats_id AND si.staff_id = h.staff_id) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'address' AND h.at >= pa.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), pp.address)),
    pp.postal_code = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'postal_code' AND h.at >= pa.created_at - INTERVAL 1 SECOND AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = pa.insats_id AND si.staff_id = h.staff_id) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'postal_code' AND h.at >= pa.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), pp.postal_code)),
    pp.city = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'city' AND h.at >= pa.created_at - INTERVAL 1 SECOND AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = pa.insats_id AND si.staff_id = h.staff_id) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'city' AND h.at >= pa.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), pp.city)),
    pp.phone = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'phone' AND h.at >= pa.created_at - INTERVAL 1 SECOND AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = pa.insats_id AND si.staff_id = h.staff_id) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'phone' AND h.at >= pa.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), pp.phone)),
    pp.home_municipality = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'home_municipality' AND h.at >= pa.created_at - INTERVAL 1 SECOND AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = pa.insats_id AND si.staff_id = h.staff_id) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'home_municipality' AND h.at >= pa.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), pp.home_municipality)),
    pp.interpreter_language = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'interpreter_language' AND h.at >= pa.created_at - INTERVAL 1 SECOND AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = pa.insats_id AND si.staff_id = h.staff_id) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'interpreter_language' AND h.at >= pa.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), pp.interpreter_language)),
    pp.first_name = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'first_name' AND h.at >= pa.created_at - INTERVAL 1 SECOND AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = pa.insats_id AND si.staff_id = h.staff_id) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'first_name' AND h.at >= pa.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), pp.first_name)),
    pp.last_name = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'last_name' AND h.at >= pa.created_at - INTERVAL 1 SECOND AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = pa.insats_id AND si.staff_id = h.staff_id) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'last_name' AND h.at >= pa.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), pp.last_name)),
    pp.gender = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'gender' AND h.at >= pa.created_at - INTERVAL 1 SECOND AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = pa.insats_id AND si.staff_id = h.staff_id) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'gender' AND h.at >= pa.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), pp.gender)),
    pp.interpreter_needed = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'interpreter_needed' AND h.at >= pa.created_at - INTERVAL 1 SECOND AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = pa.insats_id AND si.staff_id = h.staff_id) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'interpreter_needed' AND h.at >= pa.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), pp.interpreter_needed)),
    pp.protected_identity = COALESCE((SELECT h.new_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'protected_identity' AND h.at >= pa.created_at - INTERVAL 1 SECOND AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = pa.insats_id AND si.staff_id = h.staff_id) ORDER BY h.at DESC, h.id DESC LIMIT 1),
        COALESCE((SELECT h.old_value FROM change_history h WHERE h.record_type = 'person' AND h.record_id = pa.person_id AND h.field = 'protected_identity' AND h.at >= pa.created_at + INTERVAL 1 SECOND ORDER BY h.at, h.id LIMIT 1), pp.protected_identity));

-- A remittent's (or medremittent's) change of the shared row, to each of
-- their referrals of that person made before the change.
INSERT INTO change_history (at, staff_id, record_type, record_id, field, old_value, new_value)
SELECT h.at, h.staff_id, 'referral', r.id, h.field,
       (SELECT h2.new_value FROM change_history h2 WHERE h2.record_type = 'person'
        AND h2.record_id = h.record_id AND h2.field = h.field
        AND (h2.at < h.at OR (h2.at = h.at AND h2.id < h.id))
        AND h2.at >= r.created_at - INTERVAL 1 SECOND
        AND (h2.staff_id = r.remittent_id OR EXISTS (SELECT 1 FROM referral_coremittent c2
             WHERE c2.referral_id = r.id AND c2.staff_id = h2.staff_id))
        ORDER BY h2.at DESC, h2.id DESC LIMIT 1),
       h.new_value
FROM change_history h
JOIN referral r ON r.person_id = h.record_id AND r.created_at <= h.at + INTERVAL 1 SECOND
WHERE h.record_type = 'person'
  AND (r.remittent_id = h.staff_id OR EXISTS (SELECT 1 FROM referral_coremittent c
       WHERE c.referral_id = r.id AND c.staff_id = h.staff_id))
ORDER BY h.id, r.id;

-- An insats staff member's change (the SUS folkbokföringskommun), to that
-- person's participations in their insatser.
INSERT INTO change_history (at, staff_id, record_type, record_id, field, old_value, new_value)
SELECT h.at, h.staff_id, 'participation', pa.id, h.field,
       (SELECT h2.new_value FROM change_history h2 WHERE h2.record_type = 'person'
        AND h2.record_id = h.record_id AND h2.field = h.field
        AND (h2.at < h.at OR (h2.at = h.at AND h2.id < h.id))
        AND h2.at >= pa.created_at - INTERVAL 1 SECOND
        AND EXISTS (SELECT 1 FROM staff_insats s2 WHERE s2.insats_id = pa.insats_id
             AND s2.staff_id = h2.staff_id)
        ORDER BY h2.at DESC, h2.id DESC LIMIT 1),
       h.new_value
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
