-- 0026_questionnaire_screen.sql: a screen of the questionnaire kiosk
-- stores its answer once, and never over a newer one (issue 16, part 3).
--
-- Saving a screen already replaces the item's answers in one transaction,
-- so a form sent twice never makes two answers. But a form sent again
-- later (a reload of a POST whose answer was lost in the network, a retry,
-- back/forward) could put an older answer back over one given since.
-- Now every screen is rendered with the number of times its item has been
-- saved with this code (its key, app/quest_response.c), and a save whose
-- key is not that number any more writes nothing: the item was saved
-- since the screen was shown (this very form, or a later one).
--
-- Keyed by the code, as the anonymous draft is, and deleted with it: it
-- holds no answer and no time.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE questionnaire_screen (
    code_id BIGINT UNSIGNED NOT NULL,
    item_id INT UNSIGNED NOT NULL,
    saves   INT UNSIGNED NOT NULL COMMENT 'Times the item was saved with this code: the key of its screen',
    PRIMARY KEY (code_id, item_id),
    CONSTRAINT fk_qscreen_code FOREIGN KEY (code_id) REFERENCES questionnaire_code (id) ON DELETE CASCADE,
    CONSTRAINT fk_qscreen_item FOREIGN KEY (item_id) REFERENCES questionnaire_item (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_swedish_ai_ci
  COMMENT='The key of each kiosk screen: a resent or older form stores nothing. No answer, no time.';

GRANT SELECT, INSERT, UPDATE ON questionnaire_screen TO 'stegvis'@'localhost';
