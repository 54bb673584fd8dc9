-- 0046_participation_page_lists.sql: the participation page's lists are
-- picked by an index, latest first, so the page reads a bounded number of
-- rows however long a participant's file gets (issue 19, task 19D).
--
-- The page shows the latest rows of each list (the extensions, the change
-- history, the SUS history) with a link to the whole list
-- (/deltagande/:id?visa=historik):
-- - participation_extension by (participation_id, at), read backwards;
-- - change_history's SUS fields (the rows of the page's "Ändringar i
--   ansökan och personuppgifter", page_participation_sus.c) by
--   (record_type, record_id, sus_field, at): a participation with many
--   other changes no longer has its whole history read to find them.
-- The mid-term follow-ups have (participation_id, held_date) already
-- (0039).
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE participation_extension
    ADD KEY ix_extension_participation_at (participation_id, at);

ALTER TABLE change_history
    ADD COLUMN sus_field TINYINT(1) AS (
        (record_type = 'referral' AND field IN ('education_code', 'income',
            'income_extent', 'support_time_code'))
        OR (record_type = 'participation' AND field IN ('home_municipality',
            'occupation_before_percent', 'occupation_after_percent',
            'income_after_extent'))) VIRTUAL
        COMMENT 'A field of the SUS history (page_participation_sus.c): 1, else 0',
    ADD KEY ix_history_sus (record_type, record_id, sus_field, at);
