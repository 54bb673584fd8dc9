-- 0005_code_lists.sql: the code lists of referrals, participations and the
-- SUS export (DOMAIN.md "SUS and its data"). FK's exact SUS code lists were
-- not available, so these are ours, as data: an admin can relabel, add and
-- deactivate entries; codes are never deleted or reused, because
-- registrations refer to them. sus_code is the value the SUS export writes
-- (NULL: not reported); the values below are OUR placeholders until FK's
-- list (form 9449 and the SUS manual) is at hand: an admin maps them then.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE code_education (
    code       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label      VARCHAR(200) NOT NULL COMMENT 'Swedish label shown in forms and reports',
    sort_order SMALLINT UNSIGNED NOT NULL,
    active     BOOL NOT NULL DEFAULT 1 COMMENT '0: not offered in new forms; old rows keep it',
    sus_code   VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    PRIMARY KEY (code),
    CONSTRAINT ck_code_education_code CHECK (code REGEXP '^[a-z0-9_]{1,32}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Highest completed education (SUS inregistrering).';

CREATE TABLE code_income (
    code           VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label          VARCHAR(200) NOT NULL,
    sort_order     SMALLINT UNSIGNED NOT NULL,
    active         BOOL NOT NULL DEFAULT 1,
    sus_code       VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    public_support BOOL NOT NULL COMMENT '1: offentlig försörjning (a-kassa, FK benefits, försörjningsstöd); parental benefit and pensions count as none',
    PRIMARY KEY (code),
    CONSTRAINT ck_code_income_code CHECK (code REGEXP '^[a-z0-9_]{1,32}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Income sources (försörjning) before and after an insats; several may apply at once.';

CREATE TABLE code_support_time (
    code       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label      VARCHAR(200) NOT NULL,
    sort_order SMALLINT UNSIGNED NOT NULL,
    active     BOOL NOT NULL DEFAULT 1,
    sus_code   VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    PRIMARY KEY (code),
    CONSTRAINT ck_code_support_time_code CHECK (code REGEXP '^[a-z0-9_]{1,32}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Time in public support before the insats.';

CREATE TABLE code_occupation (
    code       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label      VARCHAR(200) NOT NULL,
    sort_order SMALLINT UNSIGNED NOT NULL,
    active     BOOL NOT NULL DEFAULT 1,
    sus_code   VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    PRIMARY KEY (code),
    CONSTRAINT ck_code_occupation_code CHECK (code REGEXP '^[a-z0-9_]{1,32}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Occupation (sysselsättning) before and after an insats.';

CREATE TABLE code_end_reason (
    code       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label      VARCHAR(200) NOT NULL,
    sort_order SMALLINT UNSIGNED NOT NULL,
    active     BOOL NOT NULL DEFAULT 1,
    sus_code   VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
    outcome    ENUM('arbete','studier','arbetssokande','rehabilitering','sjukdom',
                    'annat','felregistrering') NOT NULL
               COMMENT 'How the activity report counts this reason (DOMAIN.md: outcomes of those who ended)',
    PRIMARY KEY (code),
    CONSTRAINT ck_code_end_reason_code CHECK (code REGEXP '^[a-z0-9_]{1,32}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='End reasons (avslutsorsak), incl. felregistrering for a mistaken registration.';

CREATE TABLE code_advise_against (
    code       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    label      VARCHAR(200) NOT NULL,
    sort_order SMALLINT UNSIGNED NOT NULL,
    active     BOOL NOT NULL DEFAULT 1,
    PRIMARY KEY (code),
    CONSTRAINT ck_code_advise_against_code CHECK (code REGEXP '^[a-z0-9_]{1,32}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Reasons to advise against starting (avråda); not reported to SUS.';

INSERT INTO code_education (code, label, sort_order, sus_code) VALUES
    ('ej_grundskola', 'Ej fullständig grundskola', 10, 'U1'),
    ('grundskola', 'Grundskola', 20, 'U2'),
    ('gymnasium', 'Gymnasium', 30, 'U3'),
    ('eftergymn_kort', 'Eftergymnasial utbildning kortare än 3 år', 40, 'U4'),
    ('eftergymn_lang', 'Eftergymnasial utbildning 3 år eller längre', 50, 'U5'),
    ('okand', 'Uppgift saknas', 90, 'U9');

INSERT INTO code_income (code, label, sort_order, sus_code, public_support) VALUES
    ('sjukpenning', 'Sjukpenning eller rehabiliteringspenning', 10, 'F01', 1),
    ('aktivitetsersattning', 'Aktivitetsersättning', 20, 'F02', 1),
    ('sjukersattning', 'Sjukersättning', 30, 'F03', 1),
    ('aktivitetsstod', 'Aktivitetsstöd eller utvecklingsersättning', 40, 'F04', 1),
    ('a_kassa', 'Arbetslöshetsersättning (a-kassa)', 50, 'F05', 1),
    ('etableringsersattning', 'Etableringsersättning', 60, 'F06', 1),
    ('forsorjningsstod', 'Försörjningsstöd (ekonomiskt bistånd)', 70, 'F07', 1),
    ('lonegaranti', 'Lönegaranti', 80, 'F08', 1),
    ('lon', 'Lön', 90, 'F09', 0),
    ('studiemedel', 'Studiemedel', 100, 'F10', 0),
    ('ingen', 'Ingen försörjning', 110, 'F11', 0),
    ('annan', 'Annan försörjning (t.ex. föräldrapenning, pension)', 120, 'F12', 0);

INSERT INTO code_support_time (code, label, sort_order, sus_code) VALUES
    ('ingen', 'Ingen tid i offentlig försörjning', 10, 'T0'),
    ('under_1', 'Mindre än 1 år', 20, 'T1'),
    ('1_4', '1–4 år', 30, 'T2'),
    ('5_9', '5–9 år', 40, 'T3'),
    ('over_9', 'Mer än 9 år', 50, 'T4');

INSERT INTO code_occupation (code, label, sort_order, sus_code) VALUES
    ('arbete', 'Arbete', 10, 'S1'),
    ('studier', 'Studier', 20, 'S2'),
    ('arbetssokande', 'Aktivt arbetssökande', 30, 'S3'),
    ('annan', 'Annan sysselsättning eller ingen', 40, 'S4');

INSERT INTO code_end_reason (code, label, sort_order, sus_code, outcome) VALUES
    ('arbete', 'Arbete', 10, 'A01', 'arbete'),
    ('studier', 'Studier', 20, 'A02', 'studier'),
    ('arbetssokande', 'Aktivt arbetssökande hos Arbetsförmedlingen', 30, 'A03', 'arbetssokande'),
    ('annan_insats', 'Annan arbetsmarknads- eller rehabiliteringsinsats', 40, 'A04', 'rehabilitering'),
    ('sjukdom', 'Sjukdom', 50, 'A05', 'sjukdom'),
    ('flyttat', 'Flyttat', 60, 'A06', 'annat'),
    ('avbrott', 'Avböjt eller personliga skäl', 70, 'A07', 'annat'),
    ('felregistrering', 'Felregistrering', 80, 'A08', 'felregistrering'),
    ('annat', 'Annat', 90, 'A09', 'annat');

INSERT INTO code_advise_against (code, label, sort_order) VALUES
    ('annan_insats', 'Behoven möts bättre i en annan insats', 10),
    ('halsa', 'Hälsan hindrar deltagande just nu', 20),
    ('malgrupp', 'Hör inte till insatsens målgrupp', 30),
    ('vill_inte', 'Deltagaren vill inte delta', 40),
    ('annat', 'Annat skäl (se motivering)', 90);

GRANT SELECT, INSERT, UPDATE ON code_education TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON code_income TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON code_support_time TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON code_occupation TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON code_end_reason TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON code_advise_against TO 'stegvis'@'localhost'
