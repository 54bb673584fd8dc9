-- 0024_questionnaire_texts.sql: every text a questionnaire file may hold
-- fits its column (issue 12, part 4: no text is cut, no 500).
--
-- The importer (app/quest_xml.c) takes any text of up to QUEST_MAX_TEXT
-- (2 000 bytes) in every element, but three columns were narrower: a
-- questionnaire title of 1 000 characters passed the parser and then failed
-- the INSERT ("Data too long", a 500 that lost the pasted XML). Each is now
-- as wide as the importer's limit, counted in characters, so every text the
-- parser accepts is stored whole.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE questionnaire
    MODIFY title VARCHAR(2000) NOT NULL COMMENT 'In the default language';
ALTER TABLE questionnaire_language
    MODIFY name VARCHAR(2000) NOT NULL COMMENT 'The language''s name in its own script';
ALTER TABLE questionnaire_option
    MODIFY text VARCHAR(2000) NOT NULL COMMENT 'In the default language';
