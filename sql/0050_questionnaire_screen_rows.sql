-- 0050_questionnaire_screen_rows.sql: every item of a code being answered
-- has its screen row from the start (issue 19: the kiosk answer save in
-- at most 6 statements).
--
-- A screen's key is the number of times its item was saved with the code
-- (sql/0026). The save now locks the code row, marks the device seen and
-- counts the screen in one UPDATE of the code joined to that screen row,
-- which changes nothing unless the device holds the code and the form's
-- key is still the count (app/quest_response.c). That needs the row to
-- be there before the first save: a device that takes a code now gets a
-- row with saves 0 for every item (the same key as no row, which every
-- reader takes as 0). The codes taken before this get theirs here; rows
-- there already keep their count, so no form's key changes meaning. A
-- code without its rows is still saved right, by the slower locked path.
--
-- The answers need no new key: questionnaire_answer's primary key is
-- (response_id, item_id, seq) and questionnaire_draft_answer's (code_id,
-- item_id, seq) since sql/0014, so a save stores its rows over the old
-- ones with INSERT ... ON DUPLICATE KEY UPDATE. The application's account
-- could delete and insert answers already; it may now update them in
-- place too (the draft table had UPDATE since sql/0014).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

INSERT INTO questionnaire_screen (code_id, item_id, saves)
    SELECT c.id, i.id, 0
    FROM questionnaire_code c
    JOIN questionnaire_item i ON i.questionnaire_id = c.questionnaire_id
    WHERE c.device_hash IS NOT NULL
    ON DUPLICATE KEY UPDATE saves = saves;

GRANT UPDATE ON questionnaire_answer TO 'stegvis'@'localhost';
