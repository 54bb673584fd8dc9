-- 0075_questionnaire_forbund.sql: the questionnaires belong to a förbund
-- (issue 20, several förbund in one installation). Each förbund's admin
-- imports and manages its own definitions at /admin/enkater: a version one
-- förbund imports or activates never changes another's. Its codes open
-- only its own definitions (the composite foreign key below), and its
-- activity report reads its own.
--
-- questionnaire.forbund_id: the owner; (code, version) is unique per
-- förbund now, and "the active version of a code" is per förbund too.
-- The items, options, texts and languages hang from their definition.
--
-- Backfill: every definition so far becomes the first förbund's (MIN(id)),
-- whose admin alone managed them (ROUTE_INSTALLATION). Every other förbund
-- (one added since 0066) gets its own copies, made here as the trigger
-- below makes them: of each active definition (it opened those until
-- now), and of each other version its responses or codes point at; then
-- those responses, codes, answers, draft answers and screens are
-- repointed to its copies (the same code, version and item codes), so
-- that everything it had stays answerable and counted in its report.
-- Copies keep the source file (source_xml) and its hash, so the same file
-- imported again is "already loaded" there too.
--
-- A new förbund starts with copies of the first active förbund's active
-- definitions (the trigger forbund_questionnaires), in the statement that
-- inserts it: `stegvis forbund-add`, the demo's SQL and a test's INSERT
-- alike, as forbund_consent_texts (0073) copies the consent texts.
--
-- An installation with definitions but no förbund cannot be upgraded:
-- add its förbund first (`stegvis forbund-add`). The old version imports
-- definitions without a förbund, which NOT NULL refuses: stop the app for
-- this migration. Applied by `stegvis migrate` as one multi-statement
-- batch (see 0001); the guards let a batch that stopped half way be run
-- again.

SET @qf_first = (SELECT MIN(id) FROM forbund);

ALTER TABLE questionnaire
    ADD COLUMN IF NOT EXISTS forbund_id INT UNSIGNED NULL AFTER id;

UPDATE questionnaire SET forbund_id = @qf_first WHERE forbund_id IS NULL;

ALTER TABLE questionnaire
    MODIFY forbund_id INT UNSIGNED NOT NULL COMMENT 'The owner: its admin imports and manages it',
    DROP KEY IF EXISTS uq_questionnaire_version,
    ADD UNIQUE KEY IF NOT EXISTS uq_questionnaire_forbund_version (forbund_id, code, version),
    ADD UNIQUE KEY IF NOT EXISTS uq_questionnaire_id_forbund (id, forbund_id),
    ADD CONSTRAINT fk_questionnaire_forbund FOREIGN KEY IF NOT EXISTS (forbund_id)
        REFERENCES forbund (id) ON DELETE RESTRICT ON UPDATE RESTRICT;

-- The copies for the förbund other than the first.
INSERT INTO questionnaire (forbund_id, code, version, title, respondent_group, anonymity,
                           default_lang, is_example, is_active, source_xml, source_hash,
                           imported_at, imported_by)
    SELECT f.id, q.code, q.version, q.title, q.respondent_group, q.anonymity,
           q.default_lang, q.is_example, q.is_active, q.source_xml, q.source_hash,
           q.imported_at, q.imported_by
      FROM forbund f JOIN questionnaire q ON q.forbund_id = @qf_first
     WHERE f.id <> @qf_first
       AND (q.is_active = 1
            OR EXISTS (SELECT 1 FROM questionnaire_response r
                        WHERE r.questionnaire_id = q.id AND r.forbund_id = f.id)
            OR EXISTS (SELECT 1 FROM questionnaire_code c
                        WHERE c.questionnaire_id = q.id AND c.forbund_id = f.id))
       AND NOT EXISTS (SELECT 1 FROM questionnaire x
                        WHERE x.forbund_id = f.id AND x.code = q.code AND x.version = q.version)
     ORDER BY f.id, q.id;

INSERT INTO questionnaire_item (questionnaire_id, item_code, section_code, position, kind,
                                scale_min, scale_max, allow_vet_ej, allow_ej_aktuellt,
                                max_length, is_background, background, text)
    SELECT n.id, i.item_code, i.section_code, i.position, i.kind, i.scale_min, i.scale_max,
           i.allow_vet_ej, i.allow_ej_aktuellt, i.max_length, i.is_background, i.background, i.text
      FROM questionnaire n
      JOIN questionnaire o ON o.forbund_id = @qf_first AND o.code = n.code AND o.version = n.version
      JOIN questionnaire_item i ON i.questionnaire_id = o.id
     WHERE n.forbund_id <> @qf_first
       AND NOT EXISTS (SELECT 1 FROM questionnaire_item x
                        WHERE x.questionnaire_id = n.id AND x.item_code = i.item_code)
     ORDER BY n.id, i.position;

INSERT INTO questionnaire_option (item_id, position, value, text)
    SELECT ni.id, op.position, op.value, op.text
      FROM questionnaire n
      JOIN questionnaire o ON o.forbund_id = @qf_first AND o.code = n.code AND o.version = n.version
      JOIN questionnaire_item oi ON oi.questionnaire_id = o.id
      JOIN questionnaire_item ni ON ni.questionnaire_id = n.id AND ni.item_code = oi.item_code
      JOIN questionnaire_option op ON op.item_id = oi.id
     WHERE n.forbund_id <> @qf_first
       AND NOT EXISTS (SELECT 1 FROM questionnaire_option x
                        WHERE x.item_id = ni.id AND x.position = op.position)
     ORDER BY ni.id, op.position;

INSERT INTO questionnaire_text (questionnaire_id, ref, lang, text)
    SELECT n.id, t.ref, t.lang, t.text
      FROM questionnaire n
      JOIN questionnaire o ON o.forbund_id = @qf_first AND o.code = n.code AND o.version = n.version
      JOIN questionnaire_text t ON t.questionnaire_id = o.id
     WHERE n.forbund_id <> @qf_first
       AND NOT EXISTS (SELECT 1 FROM questionnaire_text x
                        WHERE x.questionnaire_id = n.id AND x.ref = t.ref AND x.lang = t.lang);

INSERT INTO questionnaire_language (questionnaire_id, lang, position, name, dir)
    SELECT n.id, l.lang, l.position, l.name, l.dir
      FROM questionnaire n
      JOIN questionnaire o ON o.forbund_id = @qf_first AND o.code = n.code AND o.version = n.version
      JOIN questionnaire_language l ON l.questionnaire_id = o.id
     WHERE n.forbund_id <> @qf_first
       AND NOT EXISTS (SELECT 1 FROM questionnaire_language x
                        WHERE x.questionnaire_id = n.id AND x.lang = l.lang);

-- Every response and code to its own förbund's copy; then their answers,
-- draft answers and screens to the copy's items (by item code).
UPDATE questionnaire_response r
  JOIN questionnaire o ON o.id = r.questionnaire_id
  JOIN questionnaire n ON n.forbund_id = r.forbund_id AND n.code = o.code AND n.version = o.version
   SET r.questionnaire_id = n.id
 WHERE o.forbund_id <> r.forbund_id;

UPDATE questionnaire_code c
  JOIN questionnaire o ON o.id = c.questionnaire_id
  JOIN questionnaire n ON n.forbund_id = c.forbund_id AND n.code = o.code AND n.version = o.version
   SET c.questionnaire_id = n.id
 WHERE o.forbund_id <> c.forbund_id;

UPDATE questionnaire_answer a
  JOIN questionnaire_response r ON r.id = a.response_id
  JOIN questionnaire_item oi ON oi.id = a.item_id
  JOIN questionnaire_item ni ON ni.questionnaire_id = r.questionnaire_id AND ni.item_code = oi.item_code
   SET a.item_id = ni.id
 WHERE oi.questionnaire_id <> r.questionnaire_id;

UPDATE questionnaire_draft_answer d
  JOIN questionnaire_code c ON c.id = d.code_id
  JOIN questionnaire_item oi ON oi.id = d.item_id
  JOIN questionnaire_item ni ON ni.questionnaire_id = c.questionnaire_id AND ni.item_code = oi.item_code
   SET d.item_id = ni.id
 WHERE oi.questionnaire_id <> c.questionnaire_id;

UPDATE questionnaire_screen s
  JOIN questionnaire_code c ON c.id = s.code_id
  JOIN questionnaire_item oi ON oi.id = s.item_id
  JOIN questionnaire_item ni ON ni.questionnaire_id = c.questionnaire_id AND ni.item_code = oi.item_code
   SET s.item_id = ni.id
 WHERE oi.questionnaire_id <> c.questionnaire_id;

-- A code opens only a definition of the förbund it was opened in.
ALTER TABLE questionnaire_code
    ADD CONSTRAINT fk_qcode_questionnaire_forbund FOREIGN KEY IF NOT EXISTS
        (questionnaire_id, forbund_id) REFERENCES questionnaire (id, forbund_id)
        ON DELETE RESTRICT ON UPDATE RESTRICT;

-- A new förbund's questionnaires: copies of the active definitions of the
-- first active förbund (the first of all when none is active), each as
-- its source (the same file, version and activity), unused. In the
-- statement that inserts the förbund, so in its transaction; after its
-- consent texts (forbund_consent_texts). (No comment inside the body: the
-- mariadb client drops it when a backup is restored, and test_backup
-- compares the triggers' text.)
DROP TRIGGER IF EXISTS forbund_questionnaires;
CREATE TRIGGER forbund_questionnaires AFTER INSERT ON forbund FOR EACH ROW
FOLLOWS forbund_consent_texts
BEGIN
    DECLARE src INT UNSIGNED DEFAULT COALESCE(
        (SELECT MIN(id) FROM forbund WHERE id <> NEW.id AND active = 1),
        (SELECT MIN(id) FROM forbund WHERE id <> NEW.id));
    INSERT INTO questionnaire (forbund_id, code, version, title, respondent_group, anonymity,
                               default_lang, is_example, is_active, source_xml, source_hash,
                               imported_at, imported_by)
        SELECT NEW.id, q.code, q.version, q.title, q.respondent_group, q.anonymity,
               q.default_lang, q.is_example, 1, q.source_xml, q.source_hash,
               q.imported_at, q.imported_by
          FROM questionnaire q
         WHERE q.forbund_id = src AND q.is_active = 1
         ORDER BY q.id;
    INSERT INTO questionnaire_item (questionnaire_id, item_code, section_code, position, kind,
                                    scale_min, scale_max, allow_vet_ej, allow_ej_aktuellt,
                                    max_length, is_background, background, text)
        SELECT n.id, i.item_code, i.section_code, i.position, i.kind, i.scale_min, i.scale_max,
               i.allow_vet_ej, i.allow_ej_aktuellt, i.max_length, i.is_background, i.background,
               i.text
          FROM questionnaire n
          JOIN questionnaire o ON o.forbund_id = src AND o.code = n.code AND o.version = n.version
          JOIN questionnaire_item i ON i.questionnaire_id = o.id
         WHERE n.forbund_id = NEW.id
         ORDER BY n.id, i.position;
    INSERT INTO questionnaire_option (item_id, position, value, text)
        SELECT ni.id, op.position, op.value, op.text
          FROM questionnaire n
          JOIN questionnaire o ON o.forbund_id = src AND o.code = n.code AND o.version = n.version
          JOIN questionnaire_item oi ON oi.questionnaire_id = o.id
          JOIN questionnaire_item ni ON ni.questionnaire_id = n.id AND ni.item_code = oi.item_code
          JOIN questionnaire_option op ON op.item_id = oi.id
         WHERE n.forbund_id = NEW.id
         ORDER BY ni.id, op.position;
    INSERT INTO questionnaire_text (questionnaire_id, ref, lang, text)
        SELECT n.id, t.ref, t.lang, t.text
          FROM questionnaire n
          JOIN questionnaire o ON o.forbund_id = src AND o.code = n.code AND o.version = n.version
          JOIN questionnaire_text t ON t.questionnaire_id = o.id
         WHERE n.forbund_id = NEW.id;
    INSERT INTO questionnaire_language (questionnaire_id, lang, position, name, dir)
        SELECT n.id, l.lang, l.position, l.name, l.dir
          FROM questionnaire n
          JOIN questionnaire o ON o.forbund_id = src AND o.code = n.code AND o.version = n.version
          JOIN questionnaire_language l ON l.questionnaire_id = o.id
         WHERE n.forbund_id = NEW.id;
END;
