-- 0009_questionnaires.sql: questionnaires as data (versioned definitions
-- loaded from XML), their responses and answers, and the one-time codes
-- that open a questionnaire on a tablet or through a personal link.
--
-- A definition is never changed once loaded: a new version is a new row,
-- so answers given to an old version keep their meaning. The reports read
-- questionnaire_response (background copied onto it at submit, so they can
-- group without reading answers) and questionnaire_answer.
--
-- Anonymity: an anonymous response has no participation and no code. The
-- code row links to the response only while it is being answered and is
-- deleted when it is sent, so nothing links response, code and person.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE questionnaire (
    id               INT UNSIGNED NOT NULL AUTO_INCREMENT,
    code             VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                     COMMENT 'Stable name over versions, e.g. livskvalitet',
    version          INT UNSIGNED NOT NULL,
    title            VARCHAR(300) NOT NULL COMMENT 'In the default language',
    respondent_group ENUM('deltagare_pagaende','deltagare_avslut','deltagare','insatspersonal',
                          'remittent','chefer','styrelse') NOT NULL,
    anonymity        ENUM('anonym','kopplad') NOT NULL
                     COMMENT 'kopplad: tied to a participation (start and end measurement)',
    default_lang     VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    is_example       BOOL NOT NULL DEFAULT 0 COMMENT 'Our own example wording, not licensed NNS material',
    is_active        BOOL NOT NULL DEFAULT 0 COMMENT 'The version new codes open, one per code',
    source_xml       MEDIUMTEXT NOT NULL COMMENT 'The definition as loaded',
    source_hash      BINARY(32) NOT NULL COMMENT 'BLAKE2b-256 of source_xml: a re-import of the same file is a no-op',
    imported_at      DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    imported_by      VARCHAR(64) NOT NULL DEFAULT '' COMMENT 'Account name, or cli',
    PRIMARY KEY (id),
    UNIQUE KEY uq_questionnaire_version (code, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Questionnaire definitions, one row per version, never updated but for is_active.';

CREATE TABLE questionnaire_language (
    questionnaire_id INT UNSIGNED NOT NULL,
    lang             VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'BCP 47, as xml:lang',
    position         SMALLINT UNSIGNED NOT NULL,
    name             VARCHAR(64) NOT NULL COMMENT 'The language''s name in its own script',
    dir              ENUM('ltr','rtl') NOT NULL,
    PRIMARY KEY (questionnaire_id, lang),
    CONSTRAINT fk_qlang_questionnaire FOREIGN KEY (questionnaire_id) REFERENCES questionnaire (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci;

CREATE TABLE questionnaire_item (
    id                INT UNSIGNED NOT NULL AUTO_INCREMENT,
    questionnaire_id  INT UNSIGNED NOT NULL,
    item_code         VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    section_code      VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    position          SMALLINT UNSIGNED NOT NULL COMMENT '1.. in the order shown',
    kind              ENUM('skala','enval','flerval','vas','fritext') NOT NULL,
    scale_min         SMALLINT NULL COMMENT 'skala: 1, vas: 0',
    scale_max         SMALLINT NULL COMMENT 'skala: N, vas: 100',
    allow_vet_ej      BOOL NOT NULL DEFAULT 0,
    allow_ej_aktuellt BOOL NOT NULL DEFAULT 0,
    max_length        SMALLINT UNSIGNED NULL COMMENT 'fritext',
    is_background     BOOL NOT NULL DEFAULT 0,
    background        ENUM('kon','aldersgrupp') NULL COMMENT 'Copied onto the response at submit',
    text              VARCHAR(2000) NOT NULL COMMENT 'In the default language',
    PRIMARY KEY (id),
    UNIQUE KEY uq_qitem_code (questionnaire_id, item_code),
    UNIQUE KEY uq_qitem_position (questionnaire_id, position),
    CONSTRAINT fk_qitem_questionnaire FOREIGN KEY (questionnaire_id) REFERENCES questionnaire (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci;

CREATE TABLE questionnaire_option (
    item_id   INT UNSIGNED NOT NULL,
    position  SMALLINT UNSIGNED NOT NULL COMMENT '1.., stored as value_int of an answer',
    value     VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'Stored as value_text of an answer',
    text      VARCHAR(500) NOT NULL COMMENT 'In the default language',
    PRIMARY KEY (item_id, position),
    UNIQUE KEY uq_qoption_value (item_id, value),
    CONSTRAINT fk_qoption_item FOREIGN KEY (item_id) REFERENCES questionnaire_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci;

CREATE TABLE questionnaire_text (
    questionnaire_id INT UNSIGNED NOT NULL,
    ref              VARCHAR(160) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                     COMMENT 'title, intro, section.ID, item.ID, item.ID.min, item.ID.max, item.ID.opt.VALUE',
    lang             VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    text             VARCHAR(2000) NOT NULL,
    PRIMARY KEY (questionnaire_id, ref, lang),
    CONSTRAINT fk_qtext_questionnaire FOREIGN KEY (questionnaire_id) REFERENCES questionnaire (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Every text of a definition in every language, the default language included.';

CREATE TABLE questionnaire_response (
    id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    questionnaire_id INT UNSIGNED NOT NULL,
    participation_id BIGINT UNSIGNED NULL COMMENT 'Only for kopplad questionnaires',
    measurement      ENUM('start','slut') NULL COMMENT 'Only for kopplad questionnaires',
    insats_id        INT UNSIGNED NULL COMMENT 'From the code (where it was opened), or the participation',
    gender           ENUM('kvinna','man','annat') NULL COMMENT 'Background, copied at submit',
    age_band         VARCHAR(16) NULL COMMENT 'Background, copied at submit',
    language         VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
    status           ENUM('pagaende','inskickad') NOT NULL DEFAULT 'pagaende',
    submitted_at     DATETIME NULL COMMENT 'UTC, for anonymous responses the date only (time 00:00)',
    PRIMARY KEY (id),
    UNIQUE KEY uq_qresponse_measurement (participation_id, measurement, questionnaire_id),
    KEY ix_qresponse_report (questionnaire_id, status, insats_id),
    CONSTRAINT fk_qresponse_questionnaire FOREIGN KEY (questionnaire_id) REFERENCES questionnaire (id),
    CONSTRAINT fk_qresponse_participation FOREIGN KEY (participation_id) REFERENCES participation (id),
    CONSTRAINT fk_qresponse_insats FOREIGN KEY (insats_id) REFERENCES insats (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci;

CREATE TABLE questionnaire_answer (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    response_id BIGINT UNSIGNED NOT NULL,
    item_id     INT UNSIGNED NOT NULL,
    value_int   INT NULL COMMENT 'skala and vas: the value. enval and flerval: the option position',
    value_text  VARCHAR(2000) NULL COMMENT 'enval and flerval: the option value. fritext: the text',
    special     ENUM('vet_ej','ej_aktuellt') NULL COMMENT 'Instead of a value',
    PRIMARY KEY (id),
    KEY ix_qanswer_item (response_id, item_id),
    CONSTRAINT fk_qanswer_response FOREIGN KEY (response_id) REFERENCES questionnaire_response (id) ON DELETE CASCADE,
    CONSTRAINT fk_qanswer_item FOREIGN KEY (item_id) REFERENCES questionnaire_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='One row per answered item, flerval: one row per chosen option. A skipped item has no row.';

CREATE TABLE questionnaire_code (
    id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    code_hash        BINARY(32) NOT NULL COMMENT 'BLAKE2b-256 of the code or link token, the code itself is shown once',
    kind             ENUM('surfplatta','lank') NOT NULL COMMENT 'A short code typed on a tablet, or a personal link',
    questionnaire_id INT UNSIGNED NOT NULL,
    response_id      BIGINT UNSIGNED NULL COMMENT 'While it is being answered, the row is deleted at submit',
    participation_id BIGINT UNSIGNED NULL COMMENT 'Only for kopplad questionnaires',
    measurement      ENUM('start','slut') NULL,
    insats_id        INT UNSIGNED NULL,
    created_at       DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at       DATETIME NOT NULL COMMENT 'UTC',
    device_hash      BINARY(32) NULL COMMENT 'The tablet (cookie) answering now',
    device_seen_at   DATETIME NULL COMMENT 'UTC, idle longer than the limit frees the code for any tablet',
    PRIMARY KEY (id),
    UNIQUE KEY uq_qcode_hash (code_hash),
    UNIQUE KEY uq_qcode_device (device_hash),
    KEY ix_qcode_participation (participation_id),
    CONSTRAINT fk_qcode_questionnaire FOREIGN KEY (questionnaire_id) REFERENCES questionnaire (id),
    CONSTRAINT fk_qcode_response FOREIGN KEY (response_id) REFERENCES questionnaire_response (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='One-time codes. No staff id on purpose: the audit log says who made a linked one.';

CREATE TABLE questionnaire_code_failure (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    remote_addr VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    at          DATETIME NOT NULL COMMENT 'UTC',
    PRIMARY KEY (id),
    KEY ix_qcode_failure_addr (remote_addr, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Wrong codes typed, for the per-address back-off.';

GRANT SELECT, INSERT, UPDATE ON questionnaire TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON questionnaire_language TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON questionnaire_item TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON questionnaire_option TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON questionnaire_text TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON questionnaire_response TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, DELETE ON questionnaire_answer TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON questionnaire_code TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, DELETE ON questionnaire_code_failure TO 'stegvis'@'localhost';
