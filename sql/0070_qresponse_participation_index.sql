-- 0070_qresponse_participation_index.sql: a participation's linked
-- responses from an index alone (issue 19).
--
-- The activity report's questionnaire pairs (SQL_REPORT_QUEST_VALUES)
-- read, per participation id range, the end measurements sent in the
-- period and, per participation counted, its sent start and end
-- measurements: with this index both come from the index (the response's
-- questionnaire, measurement, state and time), not the response's row.
-- One more entry to write per response made and per response sent.
-- Made in place, without a lock on writes: `stegvis migrate` runs while
-- the old version serves.
ALTER TABLE questionnaire_response ADD INDEX ix_qresponse_participation
    (participation_id, status, measurement, questionnaire_id, submitted_at),
    ALGORITHM=INPLACE, LOCK=NONE;
