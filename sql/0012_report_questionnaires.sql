-- 0012_report_questionnaires.sql: an index for the questionnaire results of
-- the activity report (app/report_quest.c).
--
-- ix_qresponse_period: the responses of one questionnaire sent in a period
-- (the item results), and the end measurements sent in a period (quality of
-- life start vs end), förbund-wide or per insats.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE questionnaire_response
    ADD KEY ix_qresponse_period (questionnaire_id, status, submitted_at, insats_id)
