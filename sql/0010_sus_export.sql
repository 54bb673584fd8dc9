-- 0010_sus_export.sql: the SUS export (DOMAIN.md "SUS and its data") as
-- numbered batches that the integration job acknowledges.
--
-- How the export knows what changed: every batch records, per
-- participation it carried, what it sent (sus_batch_item: a registration
-- with the hash of its exact content, or a removal), and per anonymous
-- group the counts it sent (sus_batch_count). What the receiving side holds
-- is therefore the latest item of each participation among the ACKNOWLEDGED
-- batches. The next export compares every participation's current content
-- with that and sends only the differences: new registrations, corrections
-- (content changed, including an ended participation's utregistrering), a
-- participation going anonymous (SUS consent revoked or protected identity)
-- and felregistrering. No timestamps are compared, so nothing is missed at
-- a second boundary and a revocation is found however it was recorded.
--
-- The document of every batch is kept (sus_batch_part, in chunks) so that
-- fetching a batch again returns exactly the same bytes, from any app host.
-- It holds personal data: documents of acknowledged batches are deleted
-- after a retention period (the batch log row and its items stay).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE sus_state (
    id            TINYINT UNSIGNED NOT NULL,
    last_batch_no INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'The highest batch number given out',
    last_acked_no INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'The highest acknowledged batch number',
    PRIMARY KEY (id),
    CONSTRAINT ck_sus_state_one CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='One row. Locked (SELECT ... FOR UPDATE) by every export and acknowledgement, so batches are numbered without gaps and built one at a time.';

INSERT INTO sus_state (id) VALUES (1);

CREATE TABLE sus_batch (
    batch_no      INT UNSIGNED NOT NULL COMMENT '1, 2, ... without gaps',
    base_no       INT UNSIGNED NOT NULL COMMENT 'The acknowledged batch this one builds on (its differences are against it). 0: everything',
    created_at    DATETIME(3) NOT NULL COMMENT 'UTC',
    created_by    INT UNSIGNED NULL COMMENT 'The integration account over HTTP, NULL: the command line',
    created_via   ENUM('cli','http') NOT NULL,
    state         ENUM('ny','kvitterad') NOT NULL DEFAULT 'ny',
    acked_at      DATETIME(3) NULL COMMENT 'UTC',
    acked_by      INT UNSIGNED NULL,
    n_new         INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Registrations sent for the first time',
    n_changed     INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Corrections of registrations sent before',
    n_anonymised  INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Registrations withdrawn: now anonymous',
    n_felreg      INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Registrations withdrawn: felregistrering',
    n_groups      INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Anonymous count groups sent',
    n_held_back   INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Participations not sent: registration incomplete',
    doc_bytes     BIGINT UNSIGNED NOT NULL DEFAULT 0,
    doc_sha256    CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
    doc_purged_at DATETIME NULL COMMENT 'UTC: the document was deleted after the retention period',
    fetches       INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'Times the document was handed out',
    PRIMARY KEY (batch_no),
    KEY ix_sus_batch_state (state, batch_no),
    CONSTRAINT fk_sus_batch_created_by FOREIGN KEY (created_by) REFERENCES staff (id),
    CONSTRAINT fk_sus_batch_acked_by FOREIGN KEY (acked_by) REFERENCES staff (id),
    CONSTRAINT ck_sus_batch_base CHECK (base_no < batch_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The SUS export batches: the batch log.';

CREATE TABLE sus_batch_part (
    batch_no INT UNSIGNED NOT NULL,
    seq      INT UNSIGNED NOT NULL COMMENT '0, 1, ... in document order',
    data     MEDIUMBLOB NOT NULL,
    PRIMARY KEY (batch_no, seq),
    CONSTRAINT fk_sus_batch_part_batch FOREIGN KEY (batch_no) REFERENCES sus_batch (batch_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The document of a batch, in chunks of at most 512 KiB.';

CREATE TABLE sus_batch_item (
    participation_id BIGINT UNSIGNED NOT NULL,
    batch_no         INT UNSIGNED NOT NULL,
    action           ENUM('ny','andrad','anonymiserad','felregistrering') NOT NULL
                     COMMENT 'ny/andrad: the registration was sent whole. anonymiserad/felregistrering: the receiver is told to delete it',
    reg_hash         BINARY(16) NULL COMMENT 'BLAKE2b-128 of the registration as sent; NULL for a removal',
    has_end          BOOL NOT NULL DEFAULT 0 COMMENT '1: the registration sent carried the utregistrering',
    PRIMARY KEY (participation_id, batch_no),
    KEY ix_sus_batch_item_batch (batch_no, action),
    CONSTRAINT fk_sus_batch_item_batch FOREIGN KEY (batch_no) REFERENCES sus_batch (batch_no),
    CONSTRAINT fk_sus_batch_item_participation FOREIGN KEY (participation_id) REFERENCES participation (id),
    CONSTRAINT ck_sus_batch_item_hash CHECK ((action IN ('ny','andrad')) = (reg_hash IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='What each batch carried per participation with personal identity.';

CREATE TABLE sus_batch_count (
    batch_no  INT UNSIGNED NOT NULL,
    insats_id INT UNSIGNED NOT NULL,
    year      SMALLINT UNSIGNED NOT NULL,
    gender    ENUM('kvinna','man','annat') NOT NULL,
    started   INT UNSIGNED NOT NULL COMMENT 'Anonymous participations started in the year',
    ended     INT UNSIGNED NOT NULL COMMENT 'Anonymous participations ended in the year',
    PRIMARY KEY (batch_no, insats_id, year, gender),
    KEY ix_sus_batch_count_group (insats_id, year, gender, batch_no),
    CONSTRAINT fk_sus_batch_count_batch FOREIGN KEY (batch_no) REFERENCES sus_batch (batch_no),
    CONSTRAINT fk_sus_batch_count_insats FOREIGN KEY (insats_id) REFERENCES insats (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The anonymous counts each batch carried (totals per group, replacing earlier ones).';

CREATE TABLE sus_request (
    id       BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    staff_id INT UNSIGNED NOT NULL,
    at       DATETIME(3) NOT NULL COMMENT 'UTC',
    PRIMARY KEY (id),
    KEY ix_sus_request_staff (staff_id, at),
    CONSTRAINT fk_sus_request_staff FOREIGN KEY (staff_id) REFERENCES staff (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Requests of integration accounts to the SUS endpoints, for the rate limit; swept after the window.';

CREATE TABLE sus_question (
    id         INT UNSIGNED NOT NULL AUTO_INCREMENT,
    code       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'Identifier in the export',
    label      VARCHAR(500) NOT NULL COMMENT 'The question in Swedish',
    sort_order SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    active     BOOL NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    UNIQUE KEY uq_sus_question_code (code),
    CONSTRAINT ck_sus_question_code CHECK (code REGEXP '^[a-z0-9_]{1,32}$'),
    CONSTRAINT ck_sus_question_label CHECK (label <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The förbund''s own supplementary questions to the SUS registration (tilläggsfrågor).';

CREATE TABLE sus_answer (
    participation_id BIGINT UNSIGNED NOT NULL,
    question_id      INT UNSIGNED NOT NULL,
    answer           VARCHAR(200) NOT NULL,
    PRIMARY KEY (participation_id, question_id),
    CONSTRAINT fk_sus_answer_participation FOREIGN KEY (participation_id) REFERENCES participation (id),
    CONSTRAINT fk_sus_answer_question FOREIGN KEY (question_id) REFERENCES sus_question (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Answers to the supplementary questions, per participation.';

GRANT SELECT, UPDATE ON sus_state TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON sus_batch TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, DELETE ON sus_batch_part TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON sus_batch_item TO 'stegvis'@'localhost';
GRANT SELECT, INSERT ON sus_batch_count TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, DELETE ON sus_request TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE ON sus_question TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON sus_answer TO 'stegvis'@'localhost'
