-- 0031_report_text.sql: the texts of the delårsrapport (README "The whole
-- delårsrapport as one document").
--
-- Per insats and report period the insats staff write the short texts the
-- förbund's own report (seed 002) has beside the figures: background,
-- collaboration between the authorities, the horizontal principles,
-- results, indicators. One row per insats, year and fixed period (the
-- report's periods except free months), edited as a versioned record; every
-- saved version is kept whole in report_text_history.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE report_text (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    insats_id    INT UNSIGNED NOT NULL,
    year         SMALLINT UNSIGNED NOT NULL,
    period       VARCHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                 COMMENT 'report_period.h name: ar, jan-aug, q1..q4 (never free months)',
    bakgrund     TEXT NOT NULL DEFAULT '' COMMENT 'Bakgrund; at most 10 000 characters (the form)',
    samverkan    TEXT NOT NULL DEFAULT '' COMMENT 'Samverkan mellan myndigheter',
    horisontella TEXT NOT NULL DEFAULT '' COMMENT 'Horisontella principer',
    resultat     TEXT NOT NULL DEFAULT '' COMMENT 'Resultat, beside the figures',
    indikatorer  TEXT NOT NULL DEFAULT '' COMMENT 'Indikatorer',
    version      INT UNSIGNED NOT NULL DEFAULT 0
                 COMMENT '0: created empty, no text saved yet; +1 per saved change',
    updated_at   DATETIME NULL COMMENT 'UTC, the last saved change',
    updated_by   INT UNSIGNED NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_report_text (insats_id, year, period),
    CONSTRAINT fk_report_text_insats FOREIGN KEY (insats_id)
        REFERENCES insats (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_report_text_staff FOREIGN KEY (updated_by)
        REFERENCES staff (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT ck_report_text_period CHECK (period IN ('ar', 'jan-aug', 'q1', 'q2', 'q3', 'q4')),
    CONSTRAINT ck_report_text_year CHECK (year BETWEEN 2000 AND 2100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The insats staff''s texts of the delårsrapport, per insats and report period. No personal data of participants.';

CREATE TABLE report_text_history (
    id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    report_text_id BIGINT UNSIGNED NOT NULL,
    version        INT UNSIGNED NOT NULL COMMENT 'The version this save created',
    at             DATETIME(3) NOT NULL COMMENT 'UTC',
    staff_id       INT UNSIGNED NOT NULL,
    bakgrund       TEXT NOT NULL,
    samverkan      TEXT NOT NULL,
    horisontella   TEXT NOT NULL,
    resultat       TEXT NOT NULL,
    indikatorer    TEXT NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_report_text_history (report_text_id, version),
    CONSTRAINT fk_report_text_history_text FOREIGN KEY (report_text_id)
        REFERENCES report_text (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    CONSTRAINT fk_report_text_history_staff FOREIGN KEY (staff_id)
        REFERENCES staff (id) ON DELETE RESTRICT ON UPDATE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Every saved version of a report_text, whole: who and when. Append-only.';

GRANT SELECT, INSERT, UPDATE ON report_text TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON report_text_history TO 'stegvis'@'localhost'
