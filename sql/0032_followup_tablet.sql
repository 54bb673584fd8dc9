-- 0032_followup_tablet.sql: the follow-up six months after the end,
-- answered by the participant on the questionnaire tablet (review of issue
-- 17, finding 5; README "Uppföljning 6 månader efter avslut").
--
-- A linked questionnaire gets a third measurement, 'uppfoljning', beside
-- start and slut (app/quest_state.c decides which questionnaire has which).
-- A code remembers the staff member who opened it (created_by), so that
-- the follow-up a participant sends on the tablet is recorded by them, as
-- the staff's own save would be. participation_followup says whether its
-- situation came from the tablet (answered_on_tablet; a staff correction
-- sets it back to 0).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE questionnaire_response
    MODIFY measurement ENUM('start','slut','uppfoljning') NULL COMMENT 'Only for kopplad questionnaires';

ALTER TABLE questionnaire_code
    MODIFY measurement ENUM('start','slut','uppfoljning') NULL,
    ADD COLUMN created_by INT UNSIGNED NULL COMMENT 'The staff member who opened a participation''s code; NULL for a personal link',
    ADD CONSTRAINT fk_qcode_created_by FOREIGN KEY (created_by) REFERENCES staff (id) ON DELETE SET NULL;

ALTER TABLE participation_followup
    ADD COLUMN answered_on_tablet TINYINT(1) NOT NULL DEFAULT 0
        COMMENT '1: the participant answered on the questionnaire tablet (the code''s staff member is recorded_by)'
