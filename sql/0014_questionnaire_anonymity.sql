-- 0014_questionnaire_anonymity.sql: anonymous responses that cannot be
-- put in the order their codes were typed or made.
--
-- Before: the response row was made when the code was typed, with an
-- AUTO_INCREMENT id, and so were the answers, so the id order followed the
-- order of code entries (which the access and audit logs also show).
--
-- After: an ANONYMOUS questionnaire being answered lives only in
-- questionnaire_draft_answer, keyed by the code (and deleted with it). At
-- sending, the response is inserted with a random id (below 10^18, 18 digits) and its answers
-- keyed (response_id, item_id, seq), in one transaction, and the draft rows
-- and the code go. Linked (kopplad) responses keep being made when the code
-- is typed, now also with a random id. questionnaire_response and
-- questionnaire_answer keep their columns and meaning for the reports
-- (questionnaire_answer loses only its id, gains seq).
--
-- sitting: every time a code is typed (or a link started) it is a new
-- sitting. A draft answer is shown again only within the sitting it was
-- given in, so whoever types a known code later cannot read earlier
-- answers (they are kept and counted, the respondent resumes after them).

CREATE TABLE questionnaire_draft_answer (
    code_id     BIGINT UNSIGNED NOT NULL,
    item_id     INT UNSIGNED NOT NULL,
    seq         SMALLINT UNSIGNED NOT NULL COMMENT 'flerval: 1.. per chosen option, else 1',
    sitting     INT UNSIGNED NOT NULL COMMENT 'questionnaire_code.sitting when given',
    value_int   INT NULL,
    value_text  VARCHAR(2000) NULL,
    special     ENUM('vet_ej','ej_aktuellt') NULL,
    PRIMARY KEY (code_id, item_id, seq),
    CONSTRAINT fk_qdraft_code FOREIGN KEY (code_id) REFERENCES questionnaire_code (id) ON DELETE CASCADE,
    CONSTRAINT fk_qdraft_item FOREIGN KEY (item_id) REFERENCES questionnaire_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='Answers of an anonymous questionnaire being answered, moved to questionnaire_answer at sending.';

ALTER TABLE questionnaire_code
    ADD COLUMN language VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT ''
        COMMENT 'Anonymous: the language chosen (linked: on the response)',
    ADD COLUMN sitting INT UNSIGNED NOT NULL DEFAULT 0
        COMMENT 'Counts the times the code was typed: draft answers show only in their own sitting';

-- Anonymous questionnaires being answered move to the draft table.
INSERT INTO questionnaire_draft_answer (code_id, item_id, seq, sitting, value_int, value_text, special)
    SELECT c.id, a.item_id,
           ROW_NUMBER() OVER (PARTITION BY a.response_id, a.item_id ORDER BY a.id),
           0, a.value_int, a.value_text, a.special
    FROM questionnaire_code c
    JOIN questionnaire_response r ON r.id = c.response_id
    JOIN questionnaire_answer a ON a.response_id = r.id
    WHERE r.participation_id IS NULL AND r.status = 'pagaende';
UPDATE questionnaire_code c JOIN questionnaire_response r ON r.id = c.response_id
    SET c.language = r.language, c.sitting = 1, c.response_id = NULL
    WHERE r.participation_id IS NULL AND r.status = 'pagaende';
DELETE FROM questionnaire_response WHERE participation_id IS NULL AND status = 'pagaende';

-- Answers: keyed (response, item, seq), no AUTO_INCREMENT.
ALTER TABLE questionnaire_answer
    ADD COLUMN seq SMALLINT UNSIGNED NOT NULL DEFAULT 1 AFTER item_id;
UPDATE questionnaire_answer a
    JOIN (SELECT id, ROW_NUMBER() OVER (PARTITION BY response_id, item_id ORDER BY id) AS rn
          FROM questionnaire_answer) x ON x.id = a.id
    SET a.seq = x.rn;
ALTER TABLE questionnaire_answer
    DROP FOREIGN KEY fk_qanswer_response;
ALTER TABLE questionnaire_answer
    DROP PRIMARY KEY,
    DROP COLUMN id,
    ADD PRIMARY KEY (response_id, item_id, seq),
    COMMENT = 'One row per answered item, flerval: one row per chosen option (seq 1..). A skipped item has no row.';
ALTER TABLE questionnaire_answer
    ADD CONSTRAINT fk_qanswer_response FOREIGN KEY (response_id)
        REFERENCES questionnaire_response (id) ON DELETE CASCADE ON UPDATE CASCADE;

-- Responses: random ids. Anonymous responses sent already get new random
-- ids (their answers follow by ON UPDATE CASCADE), so the old order is gone.
ALTER TABLE questionnaire_response
    MODIFY id BIGINT UNSIGNED NOT NULL COMMENT 'Random (libsodium) below 10^18, never in the order made';
UPDATE questionnaire_response
    SET id = CAST(CONV(HEX(RANDOM_BYTES(8)), 16, 10) AS UNSIGNED) % 999999999999999999 + 1
    WHERE participation_id IS NULL;

GRANT SELECT, INSERT, UPDATE, DELETE ON questionnaire_draft_answer TO 'stegvis'@'localhost';
