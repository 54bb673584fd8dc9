-- 0017_report_covering_indexes.sql: two covering indexes for the activity
-- report (app/sql_report.c), found with ANALYZE on 100 000 participations
-- (make bench).
--
-- ix_participation_ended_cover: the participations that ended (avslutad) in
-- a period, förbund-wide or per insats, with what the outcome, time in the
-- insats and quality of life pairing read of them (person, start date, end
-- reason). Before it the pairing read the whole participation table.
--
-- ix_qresponse_linked: the linked end measurements of one questionnaire sent
-- in a period, and whether a participation has one at all, read from the
-- index alone. Before it every response of the questionnaire was read.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE participation
    ADD KEY ix_participation_ended_cover (status, end_date, insats_id, person_id,
        start_date, end_reason_code);

ALTER TABLE questionnaire_response
    ADD KEY ix_qresponse_linked (questionnaire_id, status, measurement, submitted_at,
        participation_id)
