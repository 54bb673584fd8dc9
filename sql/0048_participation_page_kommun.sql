-- 0048_participation_page_kommun.sql: the folkbokföringskommun's SCB code
-- by an index (issue 19, step 2: the participation page's statements).
--
-- SUS_KOMMUN_CODE (include/sql_sus_facts.h) names the kommun of a typed
-- text by its name or by its code. The name is compared with
-- uq_code_municipality_name; the code is ascii_bin and the text utf8mb4,
-- so the comparison converted every code to the text's collation and read
-- the whole list (SUS export: once per participation). code_text is the
-- same code in that collation (utf8mb4_uca1400_swedish_ai_ci, as
-- participation_person.home_municipality), so the same comparison is a
-- look-up in ix_code_municipality_text. A generated column: it cannot
-- differ from the code (RTRIM: an indexed generated column may not read
-- a CHAR as the sql_mode pads it; a code is 4 digits, ck_code_municipality_code).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE code_municipality
    ADD COLUMN code_text VARCHAR(4) CHARACTER SET utf8mb4
        COLLATE utf8mb4_uca1400_swedish_ai_ci
        AS (CONVERT(RTRIM(code) USING utf8mb4)) VIRTUAL
        COMMENT 'code in the collation of the typed kommun texts',
    ADD KEY ix_code_municipality_text (code_text);
