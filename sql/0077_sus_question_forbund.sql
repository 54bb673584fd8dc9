-- 0077_sus_question_forbund.sql: each förbund its own supplementary SUS
-- questions (issue 20, several förbund in one installation: README "Flera
-- förbund i en installation").
--
-- sus_question (0010) is "the förbund's own supplementary questions" to
-- the SUS registration: with several förbund in one installation each
-- has its own, a code unique within its förbund. The SUS export reads a
-- participation's answers only with questions of the participation's own
-- förbund (SQL_SUS_ANSWERS, app/sql_sus.c).
--
-- The questions there are:
--   * Every existing question becomes the first förbund's (the lowest id):
--     an installation upgraded to here had one förbund (0066), whose
--     questions they were.
--   * A förbund added before this migration had them too (every förbund
--     read the one set): it gets a copy of each, same code, label, order
--     and whether active, and its participations' answers are moved to its
--     own copies (same code), so its export sends what it sent before.
--   * With no förbund at all (a new installation) there is nobody whose
--     questions they are, and nothing answers them (an answer needs a
--     participation, so an insats, so a förbund): they are removed.
-- A förbund created from now on starts with none. Nothing in the app
-- writes questions or answers today (only gallring removes answers); the
-- operator adds a förbund's questions in SQL, naming its forbund_id.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

SET @first = (SELECT MIN(id) FROM forbund);

ALTER TABLE sus_question
    ADD COLUMN forbund_id INT UNSIGNED NULL AFTER id,
    DROP KEY uq_sus_question_code,
    ADD UNIQUE KEY uq_sus_question_code (forbund_id, code);
UPDATE sus_question SET forbund_id = @first;
DELETE FROM sus_question WHERE forbund_id IS NULL;

INSERT INTO sus_question (forbund_id, code, label, sort_order, active)
    SELECT f.id, q.code, q.label, q.sort_order, q.active
      FROM forbund f JOIN sus_question q ON q.forbund_id = @first
     WHERE f.id <> @first
     ORDER BY f.id, q.id;

UPDATE sus_answer a JOIN participation p ON p.id = a.participation_id
  JOIN insats i ON i.id = p.insats_id
  JOIN sus_question q ON q.id = a.question_id AND q.forbund_id <> i.forbund_id
  JOIN sus_question own ON own.forbund_id = i.forbund_id AND own.code = q.code
   SET a.question_id = own.id;

ALTER TABLE sus_question
    MODIFY forbund_id INT UNSIGNED NOT NULL COMMENT 'The förbund whose question it is',
    ADD CONSTRAINT fk_sus_question_forbund FOREIGN KEY (forbund_id)
        REFERENCES forbund (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    COMMENT = 'Each förbund''s own supplementary questions to the SUS registration (tilläggsfrågor); code unique per förbund.';
