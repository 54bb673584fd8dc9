-- 0072_questionnaire_response_forbund.sql: every questionnaire response
-- belongs to a förbund (issue 20, several förbund in one installation),
-- so that each förbund's activity report counts its own responses, the
-- anonymous ones opened without an insats (a personal link: the managers',
-- board's, staff's and referrers' surveys) too, however many förbund are
-- active. Until now such a response had no owner and the report counted
-- it only while no other förbund was active.
--
-- The owner is written where the response is made, from its code
-- (SQL_QUEST_RESP_INSERT): the förbund of the code's insats, else the
-- code's own förbund. A code records the förbund it was opened in, the
-- request's (SQL_QUEST_CODE_INSERT: the staff member's who opened it for
-- a participation, the admin's who made a personal link). The tablet that
-- sends a response has no session and so no förbund of its own; the code
-- it holds knows. The questionnaires, their texts and the codes' look-up
-- stay the installation's: only the owner is recorded.
--
-- Backfill, responses and codes alike: the förbund of the row's insats;
-- else of the participation's insats; (a code: else of the staff member
-- who opened it;) else the installation's first förbund (MIN(id)). That
-- last is right for an installation upgraded from one förbund: every
-- response made before there were several (and every personal link, which
-- only the first förbund's admin makes: ROUTE_INSTALLATION) was that
-- förbund's, and 0066-0069 moved everything else of it to the first
-- förbund the same way. An installation without a förbund has no
-- response and no code: both need an account, and an account a förbund.
--
-- ix_qresponse_forbund serves the report's item results
-- (SQL_REPORT_QUEST_ANSWERS: the förbund's sent responses of a
-- questionnaire's versions in a period, per insats or all) and the
-- foreign key; it replaces ix_qresponse_period (0012), whose only reader
-- that statement was.
--
-- The old version inserts responses and codes without a förbund, which
-- NOT NULL refuses: stop the app for this migration, as for 0067.
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001);
-- the guards let a batch that stopped half way be run again.

ALTER TABLE questionnaire_response
    ADD COLUMN IF NOT EXISTS forbund_id INT UNSIGNED NULL AFTER insats_id;

UPDATE questionnaire_response r
  LEFT JOIN insats i ON i.id = r.insats_id
  LEFT JOIN participation p ON p.id = r.participation_id
  LEFT JOIN insats pi ON pi.id = p.insats_id
   SET r.forbund_id = COALESCE(i.forbund_id, pi.forbund_id,
                               (SELECT MIN(f.id) FROM forbund f))
 WHERE r.forbund_id IS NULL;

ALTER TABLE questionnaire_response
    MODIFY forbund_id INT UNSIGNED NOT NULL
        COMMENT 'The owner: its insats''s förbund, else its code''s (the förbund it was opened in)',
    DROP KEY IF EXISTS ix_qresponse_period,
    ADD KEY IF NOT EXISTS ix_qresponse_forbund
        (forbund_id, questionnaire_id, status, submitted_at, insats_id),
    ADD CONSTRAINT fk_qresponse_forbund FOREIGN KEY IF NOT EXISTS (forbund_id)
        REFERENCES forbund (id) ON DELETE RESTRICT ON UPDATE RESTRICT;

ALTER TABLE questionnaire_code
    ADD COLUMN IF NOT EXISTS forbund_id INT UNSIGNED NULL AFTER insats_id;

UPDATE questionnaire_code c
  LEFT JOIN insats i ON i.id = c.insats_id
  LEFT JOIN participation p ON p.id = c.participation_id
  LEFT JOIN insats pi ON pi.id = p.insats_id
  LEFT JOIN staff st ON st.id = c.created_by
   SET c.forbund_id = COALESCE(i.forbund_id, pi.forbund_id, st.forbund_id,
                               (SELECT MIN(f.id) FROM forbund f))
 WHERE c.forbund_id IS NULL;

ALTER TABLE questionnaire_code
    MODIFY forbund_id INT UNSIGNED NOT NULL
        COMMENT 'The förbund it was opened in (the request''s): its response''s owner when it has no insats',
    ADD CONSTRAINT fk_qcode_forbund FOREIGN KEY IF NOT EXISTS (forbund_id)
        REFERENCES forbund (id) ON DELETE RESTRICT ON UPDATE RESTRICT;
