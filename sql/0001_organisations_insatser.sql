-- 0001_organisations_insatser.sql: the förbund, its member organisations and
-- units, the insatser it finances (with goals and yearly budgets) and the
-- staff accounts with their roles and insats assignments.
--
-- Applied by `stegvis migrate` as ONE multi-statement batch, so: no DELIMITER,
-- no stored programs, and no semicolon anywhere except between statements
-- (not even in comments or strings). Never edit this file once applied: add
-- a new numbered migration instead.
--
-- Conventions for this and later migrations:
--   * InnoDB, DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
--     on every table. The UCA 14.0 Swedish collation exists from MariaDB
--     10.10 on (checked on 10.11): å ä ö sort after z and are distinct
--     letters (a <> å), comparison is case- and accent-insensitive (e = é),
--     and, unlike utf8mb4_swedish_ci, characters outside the BMP get weights
--     of their own. State the charset on every table: the database default
--     is not ours to set.
--   * Machine identifiers (slugs, usernames, password hashes) are
--     CHARACTER SET ascii COLLATE ascii_bin: byte-exact, and REGEXP checks on
--     them are case-sensitive.
--   * Ids are INT UNSIGNED AUTO_INCREMENT. BOOL columns are TINYINT(1) 0/1.
--   * DATETIME columns hold UTC: the application sets time_zone = '+00:00'
--     on every connection (DATETIME, not TIMESTAMP: no 2038 limit).
--   * Every row that belongs to a förbund carries forbund_id, although one
--     installation serves one förbund: the same schema serves any of the ~75,
--     and a row can never be attached to the wrong one (composite foreign
--     keys on (id, forbund_id) below).
--   * Rows that other records refer to are deactivated (active = 0), not
--     deleted: foreign keys to them are ON DELETE RESTRICT. Pure link and
--     detail tables cascade from their owner.

CREATE TABLE forbund (
    id            INT UNSIGNED NOT NULL AUTO_INCREMENT,
    name          VARCHAR(200) NOT NULL COMMENT 'Full name, e.g. Samordningsförbundet Trollhättan Lilla Edet Grästorp',
    short_name    VARCHAR(60)  NOT NULL COMMENT 'Short name for headers and reports',
    org_number    CHAR(11) CHARACTER SET ascii COLLATE ascii_bin NULL
                  COMMENT 'Organisationsnummer NNNNNN-NNNN, if known',
    sus_code      VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL
                  COMMENT 'The förbund''s identity in SUS, for the registration export',
    municipalities VARCHAR(500) NOT NULL DEFAULT ''
                  COMMENT 'Member municipalities as display text, e.g. Trollhättan, Lilla Edet, Grästorp',
    description   TEXT NOT NULL DEFAULT '',
    active        BOOL NOT NULL DEFAULT 1,
    created_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uq_forbund_name (name),
    UNIQUE KEY uq_forbund_org_number (org_number),
    CONSTRAINT ck_forbund_name CHECK (name <> '' AND short_name <> ''),
    CONSTRAINT ck_forbund_org_number CHECK (org_number IS NULL OR org_number REGEXP '^[0-9]{6}-[0-9]{4}$'),
    CONSTRAINT ck_forbund_active CHECK (active IN (0, 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Samordningsförbund (Finsam coordination association). One installation serves one, the schema any.';

CREATE TABLE organisation (
    id                INT UNSIGNED NOT NULL AUTO_INCREMENT,
    forbund_id        INT UNSIGNED NOT NULL,
    parent_id         INT UNSIGNED NULL COMMENT 'The organisation this unit belongs to, NULL for a member (or other top-level body)',
    kind              ENUM('fk','af','kommun','region','unit','other') NOT NULL
                      COMMENT 'fk/af/kommun/region: a member (part) of the förbund, top level. unit: a part of its parent. other: e.g. the förbund''s own office',
    name              VARCHAR(200) NOT NULL,
    short_name        VARCHAR(60)  NOT NULL DEFAULT '' COMMENT 'e.g. FK, AF, VGR. Empty when the name is short enough',
    share_within_unit BOOL NOT NULL DEFAULT 0
                      COMMENT '1: colleagues in this same organisation/unit may see each other''s referrals. 0: each remittent sees only their own',
    active            BOOL NOT NULL DEFAULT 1,
    created_at        DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    -- NULL is never equal in a UNIQUE key: map "no parent" to 0 so that two
    -- top-level organisations of one förbund cannot share a name either.
    parent_key        INT UNSIGNED AS (IFNULL(parent_id, 0)) PERSISTENT
                      COMMENT 'Derived: parent_id or 0, only for uq_organisation_name',
    PRIMARY KEY (id),
    UNIQUE KEY uq_organisation_id_forbund (id, forbund_id),
    UNIQUE KEY uq_organisation_name (forbund_id, parent_key, name),
    KEY ix_organisation_parent (parent_id, forbund_id),
    CONSTRAINT fk_organisation_forbund FOREIGN KEY (forbund_id)
        REFERENCES forbund (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    -- The parent must belong to the same förbund.
    CONSTRAINT fk_organisation_parent FOREIGN KEY (parent_id, forbund_id)
        REFERENCES organisation (id, forbund_id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_organisation_name CHECK (name <> ''),
    CONSTRAINT ck_organisation_unit_has_parent CHECK (kind <> 'unit' OR parent_id IS NOT NULL),
    CONSTRAINT ck_organisation_member_top CHECK (kind NOT IN ('fk','af','kommun','region') OR parent_id IS NULL),
    CONSTRAINT ck_organisation_bools CHECK (share_within_unit IN (0, 1) AND active IN (0, 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Member organisations (FK, AF, kommun, region) and their units as one tree via parent_id. Staff and referrals belong to a node.';

CREATE TABLE insats (
    id                   INT UNSIGNED NOT NULL AUTO_INCREMENT,
    forbund_id           INT UNSIGNED NOT NULL,
    host_organisation_id INT UNSIGNED NOT NULL
                         COMMENT 'The member (or unit) that hosts and staffs the insats: personuppgiftsansvarig for its participant data',
    name                 VARCHAR(200) NOT NULL COMMENT 'e.g. Trampolinen Lilla Edet',
    short_name           VARCHAR(60)  NOT NULL COMMENT 'For lists and tablet headers',
    slug                 VARCHAR(60) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                         COMMENT 'URL name: lower-case a-z, 0-9 and single hyphens, e.g. trampolinen-lilla-edet',
    sus_code             VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL
                         COMMENT 'The insats identity in SUS, NULL until registered there',
    description          TEXT NOT NULL DEFAULT '' COMMENT 'Purpose and content, plain text (paragraphs separated by blank lines)',
    location             VARCHAR(200) NOT NULL DEFAULT '' COMMENT 'Where it is held, as shown, e.g. Friska Vindar, Österlånggatan 47',
    street_address       VARCHAR(200) NULL,
    postal_code          CHAR(6) CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'NNN NN',
    city                 VARCHAR(100) NOT NULL DEFAULT '',
    target_groups        TEXT NOT NULL DEFAULT '' COMMENT 'Målgrupp, plain text, one group per line',
    direction            ENUM('individ','struktur') NOT NULL DEFAULT 'individ'
                         COMMENT 'SUS: individual-oriented or structural insats',
    measurement          ENUM('personuppgifter','antal') NOT NULL DEFAULT 'personuppgifter'
                         COMMENT 'SUS measurement method: with personal data, or counts only',
    period_start         DATE NOT NULL COMMENT 'Start of the decided period (uppdragsperiod)',
    period_end           DATE NULL COMMENT 'Last day of the decided period, NULL while open-ended. An extension moves it',
    places               SMALLINT UNSIGNED NULL
                         COMMENT 'Current number of places (participants at the same time). NULL: no place limit, e.g. a structural insats',
    typical_weeks_min    SMALLINT UNSIGNED NULL COMMENT 'Usual length of one participation, weeks',
    typical_weeks_max    SMALLINT UNSIGNED NULL,
    hours_per_week_min   TINYINT UNSIGNED NULL COMMENT 'Activity level, hours a week (100 % = 40 h)',
    hours_per_week_max   TINYINT UNSIGNED NULL,
    summary_due_days     SMALLINT UNSIGNED NULL
                         COMMENT 'Days after the end within which the sammanfattande dokumentation is due to the remittent (Trampolinen 21). NULL: no fixed deadline',
    active               BOOL NOT NULL DEFAULT 1 COMMENT '1: listed publicly and open for referrals',
    created_at           DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uq_insats_slug (slug),
    UNIQUE KEY uq_insats_name (forbund_id, name),
    UNIQUE KEY uq_insats_id_forbund (id, forbund_id),
    UNIQUE KEY uq_insats_sus_code (forbund_id, sus_code),
    KEY ix_insats_host (host_organisation_id, forbund_id),
    KEY ix_insats_active (forbund_id, active, period_start),
    CONSTRAINT fk_insats_forbund FOREIGN KEY (forbund_id)
        REFERENCES forbund (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    -- The host must be an organisation of the same förbund.
    CONSTRAINT fk_insats_host FOREIGN KEY (host_organisation_id, forbund_id)
        REFERENCES organisation (id, forbund_id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_insats_name CHECK (name <> '' AND short_name <> ''),
    CONSTRAINT ck_insats_slug CHECK (slug REGEXP '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT ck_insats_postal_code CHECK (postal_code IS NULL OR postal_code REGEXP '^[0-9]{3} [0-9]{2}$'),
    CONSTRAINT ck_insats_period CHECK (period_end IS NULL OR period_end >= period_start),
    CONSTRAINT ck_insats_weeks CHECK (typical_weeks_min IS NULL OR typical_weeks_max IS NULL
                                      OR typical_weeks_min <= typical_weeks_max),
    CONSTRAINT ck_insats_weeks_max CHECK (typical_weeks_max IS NULL OR typical_weeks_max BETWEEN 1 AND 260),
    CONSTRAINT ck_insats_hours CHECK ((hours_per_week_min IS NULL OR hours_per_week_min <= 40)
                                      AND (hours_per_week_max IS NULL OR hours_per_week_max BETWEEN 1 AND 40)
                                      AND (hours_per_week_min IS NULL OR hours_per_week_max IS NULL
                                           OR hours_per_week_min <= hours_per_week_max)),
    CONSTRAINT ck_insats_summary_due CHECK (summary_due_days IS NULL OR summary_due_days BETWEEN 1 AND 365),
    CONSTRAINT ck_insats_active CHECK (active IN (0, 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Insatser financed by the förbund and staffed by its members. Also the SUS insats items (direction, measurement, dates, target groups).';

-- Goal representation: a fraction target_numerator / target_denominator,
-- meaning "at least numerator of every denominator participants who ENDED in
-- the period reach this outcome". 8/10 is "minst 8 av 10", 25/100 is "25 %".
-- Chosen over a percentage because it keeps the documents' own wording (a
-- view shows "minst N av D", or "N %" when D = 100), it is exact, and the
-- report compares in integers: achieved * D >= N * ended.
CREATE TABLE insats_goal (
    id                 INT UNSIGNED NOT NULL AUTO_INCREMENT,
    insats_id          INT UNSIGNED NOT NULL,
    kind               ENUM('arbetsformaga','egenforsorjning','livskvalitet',
                            'arbete','rehabilitering','halsa','other') NOT NULL
                       COMMENT 'What the report counts. arbetsformaga: increased ability to work (ended towards work, studies, job-seeking or further rehabilitation). egenforsorjning: ended in work or studies. livskvalitet: VAS end rating above start. arbete: ended in work (ESF). rehabilitering: went on to rehabilitation towards work or studies (ESF). halsa: self-rated total health improved (ESF). other: shown, not computed',
    label              VARCHAR(200) NOT NULL COMMENT 'Swedish text as shown, e.g. Ökad förmåga till förvärvsarbete',
    target_numerator   SMALLINT UNSIGNED NOT NULL,
    target_denominator SMALLINT UNSIGNED NOT NULL DEFAULT 10 COMMENT '10 for "N av 10", 100 for a percentage',
    sort_order         SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uq_insats_goal_order (insats_id, sort_order),
    CONSTRAINT fk_insats_goal_insats FOREIGN KEY (insats_id)
        REFERENCES insats (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT ck_insats_goal_label CHECK (label <> ''),
    CONSTRAINT ck_insats_goal_fraction CHECK (target_denominator > 0 AND target_numerator <= target_denominator)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Result goals of an insats, each a fraction of the participants who ended (see the comment above the table).';

CREATE TABLE insats_budget_year (
    insats_id            INT UNSIGNED NOT NULL,
    year                 SMALLINT UNSIGNED NOT NULL,
    planned_participants SMALLINT UNSIGNED NOT NULL COMMENT 'SUS: planned number of participants this year',
    budget_sek           INT UNSIGNED NULL COMMENT 'The förbund''s allocation for the year, whole kronor, NULL if not known',
    places               SMALLINT UNSIGNED NULL COMMENT 'Places budgeted for this year, NULL: as insats.places',
    PRIMARY KEY (insats_id, year),
    CONSTRAINT fk_insats_budget_year_insats FOREIGN KEY (insats_id)
        REFERENCES insats (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT ck_insats_budget_year_year CHECK (year BETWEEN 2000 AND 2100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Per insats and calendar year: planned participants, budget and places (SUS yearly insats items, places used vs budgeted).';

CREATE TABLE staff (
    id                   INT UNSIGNED NOT NULL AUTO_INCREMENT,
    organisation_id      INT UNSIGNED NOT NULL COMMENT 'Home organisation or unit: decides which referrals a remittent may see',
    username             VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                         COMMENT 'Login name, lower-case a-z 0-9 . _ - (the app lower-cases what is typed)',
    display_name         VARCHAR(200) NOT NULL,
    email                VARCHAR(254) NULL,
    password_hash        VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL
                         COMMENT 'libsodium crypto_pwhash_str string ($argon2id$...). NULL: cannot log in with a password (e.g. an integration account)',
    must_change_password BOOL NOT NULL DEFAULT 1 COMMENT '1: the next login must set a new password first',
    active               BOOL NOT NULL DEFAULT 1 COMMENT '0: cannot log in. Accounts are deactivated, never deleted (the audit log refers to them)',
    failed_logins        SMALLINT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Consecutive failed logins, reset on success',
    locked_until         DATETIME NULL COMMENT 'UTC. Login refused until then after too many failures',
    last_login_at        DATETIME NULL COMMENT 'UTC',
    password_changed_at  DATETIME NULL COMMENT 'UTC',
    created_at           DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at           DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uq_staff_username (username),
    KEY ix_staff_organisation (organisation_id),
    CONSTRAINT fk_staff_organisation FOREIGN KEY (organisation_id)
        REFERENCES organisation (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_staff_username CHECK (username REGEXP '^[a-z0-9][a-z0-9._-]{1,63}$'),
    CONSTRAINT ck_staff_display_name CHECK (display_name <> ''),
    CONSTRAINT ck_staff_password_hash CHECK (password_hash IS NULL OR password_hash LIKE '$argon2%'),
    CONSTRAINT ck_staff_bools CHECK (must_change_password IN (0, 1) AND active IN (0, 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Staff accounts (remittenter, insats staff, förbund, admins, integrations). The förbund follows from the organisation.';

CREATE TABLE staff_role (
    staff_id   INT UNSIGNED NOT NULL,
    role       ENUM('remittent','insatspersonal','forbund','admin','integration') NOT NULL
               COMMENT 'remittent: refers and follows own cases. insatspersonal: works the assigned insatser. forbund: aggregates only, no personal data. admin: accounts and configuration. integration: machine access (SUS job)',
    granted_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'UTC',
    PRIMARY KEY (staff_id, role),
    KEY ix_staff_role_role (role),
    CONSTRAINT fk_staff_role_staff FOREIGN KEY (staff_id)
        REFERENCES staff (id) ON DELETE CASCADE ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Roles of a staff account, one row per role held.';

CREATE TABLE staff_insats (
    staff_id    INT UNSIGNED NOT NULL,
    insats_id   INT UNSIGNED NOT NULL,
    assigned_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'UTC',
    PRIMARY KEY (staff_id, insats_id),
    KEY ix_staff_insats_insats (insats_id),
    CONSTRAINT fk_staff_insats_staff FOREIGN KEY (staff_id)
        REFERENCES staff (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT fk_staff_insats_insats FOREIGN KEY (insats_id)
        REFERENCES insats (id) ON DELETE CASCADE ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Which insatser an insatspersonal account works in: its access to their participants follows from this.';
