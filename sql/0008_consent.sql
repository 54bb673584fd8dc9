-- 0008_consent.sql: consent as a record with a lifecycle (DOMAIN.md "Consent").
--
-- Two kinds, each its own row, tied to the referral (ansökan). A referral
-- that is admitted becomes exactly one participation (participation.referral_id
-- is unique), so "per participation" and "per referral" are the same thing,
-- and consent can be taken at the VISA visit before the application goes in.
--   sekretess: the secrecy waiver (sekretesslättnad): named parties, named
--              information categories, direction, purpose, valid from/until.
--   sus:       the separate SUS consent (FK form 9443): yes or no.
--
-- The exact text the participant saw is pinned: consent.text_id refers to one
-- consent_text row, and a text row is never changed once a consent uses it
-- (an admin edit of a used text inserts the next version instead, and a
-- trigger refuses an UPDATE of a used text's wording).
--
-- States: utkast (prepared by staff, not yet signed), aktiv, aterkallad
-- (revoked), utgangen (valid_until passed or the participation ended),
-- felaktig (entered in error). Revoking one party of a waiver leaves the
-- consent aktiv with that party's row revoked. Nothing is deleted: every
-- event is a consent_event row, append-only like the audit log.
--
-- The rule every reader applies (app/consent.c, the SUS export):
--   a waiver covers organisation X today when consent.kind = 'sekretess',
--   state = 'aktiv', valid_from <= today <= valid_until, and a party row for
--   X (or X's parent) is aktiv. Expiry is also written back as state
--   'utgangen' with an event, but no reader depends on that sweep.
--   SUS identity may be reported only when a consent of kind 'sus' with
--   answer 'ja' is aktiv and the person has no protected identity.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE consent_text (
    id           INT UNSIGNED NOT NULL AUTO_INCREMENT,
    kind         ENUM('sekretess','sus') NOT NULL,
    language     VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'BCP 47 tag: sv, en, ar',
    version      INT UNSIGNED NOT NULL COMMENT '1, 2, ... per kind and language',
    title        VARCHAR(200) NOT NULL,
    body         TEXT NOT NULL COMMENT 'Plain text, paragraphs separated by blank lines',
    is_current   BOOL NOT NULL DEFAULT 1 COMMENT 'The version offered for new consents',
    used         BOOL NOT NULL DEFAULT 0 COMMENT 'Set when a consent first pins this version: from then on the wording is frozen',
    created_by   INT UNSIGNED NULL,
    created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- is_current as a key that is NULL for old versions, so at most one
    -- current version exists per kind and language.
    current_key  TINYINT AS (IF(is_current, 1, NULL)) PERSISTENT,
    PRIMARY KEY (id),
    UNIQUE KEY uq_consent_text_version (kind, language, version),
    UNIQUE KEY uq_consent_text_current (kind, language, current_key),
    CONSTRAINT fk_consent_text_staff FOREIGN KEY (created_by) REFERENCES staff (id),
    CONSTRAINT ck_consent_text_language CHECK (language REGEXP '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    CONSTRAINT ck_consent_text_nonempty CHECK (title <> '' AND body <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Versioned consent wording per kind and language. A used version is never changed.';

CREATE TRIGGER consent_text_frozen BEFORE UPDATE ON consent_text FOR EACH ROW
    IF OLD.used = 1 AND (NEW.title <> OLD.title OR NEW.body <> OLD.body
                         OR NEW.kind <> OLD.kind OR NEW.language <> OLD.language
                         OR NEW.version <> OLD.version) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent_text: a used text version is never changed';
    END IF;

-- The first text versions. The SUS wording is our own example: replace it
-- (admin, Samtyckestexter) with FK form 9443's fixed text in each language.
-- Arabic wording is a best-effort translation, to be checked by a translator.
INSERT INTO consent_text (kind, language, version, title, body) VALUES
 ('sekretess', 'sv', 1, 'Samtycke till sekretesslättnad',
  'Jag samtycker till att de parter som räknas upp nedan får lämna och hämta in de slags uppgifter om mig som räknas upp nedan. Syftet är att planera och genomföra min insats och min rehabilitering mot arbete eller studier.\n\nSamtycket gäller bara de parter och uppgifter som står här, och bara under den tid som står här. Det gäller längst till dess att min insats avslutas.\n\nJag kan när som helst återkalla samtycket, helt eller för en enskild part, muntligt eller skriftligt, hos personalen i insatsen eller hos min handläggare. Återkallelsen gäller direkt. Uppgifter som redan har lämnats kan inte tas tillbaka.\n\nSamtycket är frivilligt. Om jag inte samtycker påverkar det inte min rätt till stöd, men det kan bli svårare att samordna stödet.'),
 ('sekretess', 'en', 1, 'Consent to waive secrecy',
  'I consent to the parties listed below giving and obtaining the kinds of information about me listed below. The purpose is to plan and carry out my programme and my rehabilitation towards work or studies.\n\nThis consent covers only the parties and information listed here, and only for the period stated here. It lasts at most until my programme ends.\n\nI can withdraw this consent at any time, fully or for one party, orally or in writing, with the programme staff or my case officer. The withdrawal takes effect at once. Information already shared cannot be taken back.\n\nThis consent is voluntary. If I do not consent, it does not affect my right to support, but it may be harder to coordinate that support.'),
 ('sekretess', 'ar', 1, 'الموافقة على رفع السرية',
  'أوافق على أن تتبادل الجهات المذكورة أدناه أنواع المعلومات عني المذكورة أدناه. الغرض هو التخطيط لبرنامجي وإعادة تأهيلي نحو العمل أو الدراسة وتنفيذهما.\n\nتشمل هذه الموافقة الجهات والمعلومات المذكورة هنا فقط، وللفترة المذكورة هنا فقط. وهي سارية كحد أقصى حتى انتهاء برنامجي.\n\nيمكنني سحب هذه الموافقة في أي وقت، كليًا أو لجهة واحدة، شفهيًا أو كتابيًا، لدى موظفي البرنامج أو لدى مسؤول ملفي. يسري السحب فورًا. لا يمكن استرجاع المعلومات التي سبق تبادلها.\n\nهذه الموافقة طوعية. إذا لم أوافق فلن يؤثر ذلك على حقي في الدعم، لكن قد يصبح تنسيق الدعم أصعب.'),
 ('sus', 'sv', 1, 'Samtycke till registrering i SUS',
  'Exempeltext: ersätts med Försäkringskassans blankett 9443.\n\nFörsäkringskassan följer upp insatser inom finansiell samordning i uppföljningssystemet SUS. Jag samtycker till att uppgifter om mig i denna insats registreras i SUS: personnummer, kön, ålder, folkbokföringskommun, utbildning, försörjning och sysselsättning före och efter insatsen.\n\nOm jag inte samtycker registreras jag anonymt, bara med kön och år.\n\nSamtycket gäller bara denna insats. Jag kan återkalla det när som helst, och då registreras jag anonymt från och med nästa rapportering.'),
 ('sus', 'en', 1, 'Consent to registration in SUS',
  'Example text: to be replaced by Försäkringskassan form 9443.\n\nThe Swedish Social Insurance Agency follows up coordinated rehabilitation programmes in the SUS system. I consent to information about me in this programme being registered in SUS: personal identity number, gender, age, municipality of residence, education, income sources and occupation before and after the programme.\n\nIf I do not consent, I am registered anonymously, with gender and year only.\n\nThis consent covers this programme only. I can withdraw it at any time, and I will then be registered anonymously from the next report on.'),
 ('sus', 'ar', 1, 'الموافقة على التسجيل في نظام SUS',
  'نص مثال: سيُستبدل بنموذج مصلحة التأمينات الاجتماعية رقم 9443.\n\nتتابع مصلحة التأمينات الاجتماعية برامج التنسيق المالي في نظام المتابعة SUS. أوافق على تسجيل معلومات عني في هذا البرنامج في نظام SUS: الرقم الشخصي والجنس والعمر والبلدية المسجل فيها والتعليم ومصادر الدخل والنشاط قبل البرنامج وبعده.\n\nإذا لم أوافق فسأُسجل بشكل مجهول، بالجنس والسنة فقط.\n\nتشمل هذه الموافقة هذا البرنامج فقط. يمكنني سحبها في أي وقت، وعندها أُسجل بشكل مجهول ابتداءً من التقرير التالي.');

CREATE TABLE consent_category (
    code       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label      VARCHAR(200) NOT NULL COMMENT 'Swedish label',
    label_en   VARCHAR(200) NOT NULL,
    label_ar   VARCHAR(200) NOT NULL,
    position   SMALLINT UNSIGNED NOT NULL,
    PRIMARY KEY (code),
    CONSTRAINT ck_consent_category_code CHECK (code REGEXP '^[a-z0-9_]{1,32}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Information categories a secrecy waiver may name.';

INSERT INTO consent_category (code, label, label_en, label_ar, position) VALUES
 ('inkomst', 'Inkomst och ersättningar', 'Income and benefits', 'الدخل والتعويضات', 1),
 ('halsa', 'Sjukskrivning och hälsa', 'Sick leave and health', 'الإجازة المرضية والصحة', 2),
 ('social', 'Social situation', 'Social situation', 'الوضع الاجتماعي', 3),
 ('arbete', 'Arbete och studier', 'Work and studies', 'العمل والدراسة', 4),
 ('planering', 'Planering och insatser', 'Planning and measures', 'التخطيط والتدابير', 5);

CREATE TABLE consent (
    id                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    referral_id          BIGINT UNSIGNED NOT NULL,
    kind                 ENUM('sekretess','sus') NOT NULL,
    state                ENUM('utkast','aktiv','aterkallad','utgangen','felaktig') NOT NULL DEFAULT 'utkast',
    answer               ENUM('ja','nej') NOT NULL DEFAULT 'ja' COMMENT 'sus: the participant''s yes or no. sekretess: always ja',
    text_id              INT UNSIGNED NOT NULL COMMENT 'The exact text version the participant saw',
    language             VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    interpreter_used     BOOL NOT NULL DEFAULT 0,
    interpreter_language VARCHAR(100) NOT NULL DEFAULT '',
    direction_obtain     BOOL NOT NULL DEFAULT 0 COMMENT 'sekretess: the insats may obtain information from the parties',
    direction_disclose   BOOL NOT NULL DEFAULT 0 COMMENT 'sekretess: the insats may disclose information to the parties',
    purpose              VARCHAR(1000) NOT NULL DEFAULT '',
    valid_from           DATE NOT NULL,
    valid_until          DATE NULL COMMENT 'sekretess: required, at most the participation''s end. sus: NULL',
    signed_how           ENUM('surfplatta','papper') NULL COMMENT 'NULL while utkast',
    signer_name          VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'The name the participant typed',
    signature_svg        MEDIUMTEXT NULL COMMENT 'Drawn signature as SVG path data (M/L commands only), tablet signing',
    paper_date           DATE NULL COMMENT 'papper: the date on the signed paper form',
    taken_by             INT UNSIGNED NOT NULL COMMENT 'The staff member who took the consent',
    signed_at            DATETIME NULL COMMENT 'UTC',
    ended_at             DATETIME NULL COMMENT 'UTC: revoked, expired or marked in error',
    version              INT UNSIGNED NOT NULL DEFAULT 1,
    created_at           DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
                         COMMENT 'Moves on every state change: the SUS export finds changed consents by it',
    PRIMARY KEY (id),
    KEY ix_consent_referral (referral_id, kind, state),
    KEY ix_consent_updated (updated_at),
    CONSTRAINT fk_consent_referral FOREIGN KEY (referral_id) REFERENCES referral (id),
    CONSTRAINT fk_consent_text FOREIGN KEY (text_id) REFERENCES consent_text (id),
    CONSTRAINT fk_consent_taken_by FOREIGN KEY (taken_by) REFERENCES staff (id),
    CONSTRAINT ck_consent_valid CHECK (valid_until IS NULL OR valid_until >= valid_from),
    CONSTRAINT ck_consent_sekretess CHECK (kind <> 'sekretess'
        OR (valid_until IS NOT NULL AND answer = 'ja' AND (direction_obtain OR direction_disclose))),
    CONSTRAINT ck_consent_signed CHECK (state = 'utkast' OR signed_how IS NOT NULL
                                        OR state = 'felaktig'),
    CONSTRAINT ck_consent_paper CHECK (signed_how IS NULL OR signed_how <> 'papper' OR paper_date IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='A consent of one kind for one referral/participation. State changes only, never deleted.';

CREATE TABLE consent_party (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    consent_id      BIGINT UNSIGNED NOT NULL,
    organisation_id INT UNSIGNED NULL COMMENT 'A member organisation or unit',
    insats_id       INT UNSIGNED NULL COMMENT 'The insats itself as a party',
    state           ENUM('aktiv','aterkallad') NOT NULL DEFAULT 'aktiv',
    revoked_at      DATETIME NULL COMMENT 'UTC',
    PRIMARY KEY (id),
    UNIQUE KEY uq_consent_party (consent_id, organisation_id, insats_id),
    KEY ix_consent_party_org (organisation_id, state),
    CONSTRAINT fk_consent_party_consent FOREIGN KEY (consent_id) REFERENCES consent (id),
    CONSTRAINT fk_consent_party_org FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_consent_party_insats FOREIGN KEY (insats_id) REFERENCES insats (id),
    CONSTRAINT ck_consent_party_one CHECK ((organisation_id IS NULL) <> (insats_id IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The parties a secrecy waiver names, each revocable on its own.';

CREATE TABLE consent_consent_category (
    consent_id    BIGINT UNSIGNED NOT NULL,
    category_code VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (consent_id, category_code),
    CONSTRAINT fk_ccc_consent FOREIGN KEY (consent_id) REFERENCES consent (id),
    CONSTRAINT fk_ccc_category FOREIGN KEY (category_code) REFERENCES consent_category (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The information categories a secrecy waiver names.';

CREATE TABLE consent_event (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    consent_id      BIGINT UNSIGNED NOT NULL,
    at              DATETIME(3) NOT NULL COMMENT 'UTC',
    event           ENUM('forberett','givet','andrat','aterkallat','utganget','felaktigt') NOT NULL,
    party_id        BIGINT UNSIGNED NULL COMMENT 'andrat: the party revoked alone',
    staff_id        INT UNSIGNED NULL COMMENT 'Who recorded it; NULL for the expiry sweep',
    how             ENUM('surfplatta','papper','muntligt','skriftligt','personal','system') NOT NULL
                    COMMENT 'personal: recorded by staff on their own finding, e.g. entered in error',
    reason          VARCHAR(1000) NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    KEY ix_consent_event_consent (consent_id, at),
    KEY ix_consent_event_at (at),
    CONSTRAINT fk_consent_event_consent FOREIGN KEY (consent_id) REFERENCES consent (id),
    CONSTRAINT fk_consent_event_party FOREIGN KEY (party_id) REFERENCES consent_party (id),
    CONSTRAINT fk_consent_event_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Every consent event: who, when, how and why. Append-only.';

CREATE TRIGGER consent_event_no_update BEFORE UPDATE ON consent_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent_event is append-only';

CREATE TRIGGER consent_event_no_delete BEFORE DELETE ON consent_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'consent_event is append-only';

ALTER TABLE referral
    ADD COLUMN consent_at_visa BOOL NOT NULL DEFAULT 0
        COMMENT '1: submitted without a waiver, consent to be taken at the VISA visit; blocks the decision until a waiver covers the referring organisation';

GRANT SELECT, INSERT, UPDATE ON consent_text TO 'stegvis'@'localhost';
GRANT SELECT ON consent_category TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON consent TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON consent_party TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON consent_consent_category TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON consent_event TO 'stegvis'@'localhost'
