-- 0016_questionnaire_linked_sitting.sql: answers of a LINKED questionnaire
-- are shown again only in the sitting they were given in, as the drafts of
-- anonymous ones are since 0014.
--
-- A linked response (a quality of life start or end measurement, or a
-- personal link to a kopplad questionnaire) exists while it is answered.
-- Before, whoever resumed its code after the idle lock (on any tablet)
-- saw every earlier answer pre-filled, for instance the participant's
-- health self-ratings. Now the response counts its sittings (one more each
-- time one of its codes is typed or its link started, on the response and
-- not the code, because a new code for the same measurement resumes the
-- same response) and each answer records the sitting it was given in. A
-- screen shows an answer only when the two are equal. The answers are
-- kept and counted all the same (the respondent resumes at the first
-- unanswered item, sending stores them all), answering again replaces.
--
-- Responses being answered now start their current sitting as 1 with
-- their answers in it, so a respondent on a tablet right now sees no
-- change until the code is typed again.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE questionnaire_response
    ADD COLUMN sitting INT UNSIGNED NOT NULL DEFAULT 0
        COMMENT 'Linked, while answered: the current sitting, one more each time a code or link of it is started';
ALTER TABLE questionnaire_answer
    ADD COLUMN sitting INT UNSIGNED NOT NULL DEFAULT 0
        COMMENT 'Linked: questionnaire_response.sitting when given, shown again only in that sitting'
        AFTER seq;

UPDATE questionnaire_response SET sitting = 1 WHERE status = 'pagaende';
UPDATE questionnaire_answer a JOIN questionnaire_response r ON r.id = a.response_id
    SET a.sitting = 1 WHERE r.status = 'pagaende';
