-- 0069_sus_forbund.sql: the SUS export belongs to a förbund (issue 20,
-- several förbund in one installation: README "The SUS export" and
-- "Flera förbund i en installation").
--
-- Each förbund reports to SUS under its own sus_code (forbund table), with
-- its own integration account and token, so each has its own numbering,
-- its own batches and its own one-at-a-time lock:
--   * sus_state: one row per förbund (was one row, id 1), locked by that
--     förbund's exports and acknowledgements only. The app adds a
--     förbund's row at its first export (INSERT, granted below).
--   * sus_batch and the tables that hang from it carry forbund_id, and a
--     batch is (forbund_id, batch_no): each förbund's batches are numbered
--     1, 2, ... without gaps, as its receiver expects. Composite keys keep
--     a batch's parts, items and counts in the batch's förbund, a count
--     group's insats in it too (uq_insats_id_forbund), and the accounts
--     that made and acknowledged it (uq_staff_id_forbund).
--   * sus_request (the rate limit) carries the account's förbund: the
--     limit is counted per förbund.
-- The rows there are backfilled to the förbund the export served until
-- now (the first active one, as SQL_SUS_FORBUND chose it, else the first
-- one), so the batches keep their numbers and the next export its base.
-- The requests take their account's förbund. With no förbund at all (a
-- new installation) there is nothing to keep and the state row goes.
-- sus_question stays the installation's (no forbund_id yet): the answers
-- are the participations', and the export reads only its förbund's.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

SET @sus_f = COALESCE((SELECT id FROM forbund WHERE active = 1 ORDER BY id LIMIT 1),
                      (SELECT MIN(id) FROM forbund));

ALTER TABLE staff ADD UNIQUE KEY IF NOT EXISTS uq_staff_id_forbund (id, forbund_id);

-- sus_state: one row per förbund
ALTER TABLE sus_state DROP CONSTRAINT ck_sus_state_one,
    ADD COLUMN forbund_id INT UNSIGNED NULL FIRST;
UPDATE sus_state SET forbund_id = @sus_f;
DELETE FROM sus_state WHERE forbund_id IS NULL;
ALTER TABLE sus_state DROP PRIMARY KEY, DROP COLUMN id,
    MODIFY forbund_id INT UNSIGNED NOT NULL,
    ADD PRIMARY KEY (forbund_id),
    ADD CONSTRAINT fk_sus_state_forbund FOREIGN KEY (forbund_id)
        REFERENCES forbund (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    COMMENT = 'One row per förbund (made at its first export). Locked (SELECT ... FOR UPDATE) by every export and acknowledgement of the förbund, so its batches are numbered without gaps and built one at a time.';

-- The batch's children let go of sus_batch (batch_no) before its key
-- becomes (forbund_id, batch_no).
ALTER TABLE sus_batch_part DROP FOREIGN KEY fk_sus_batch_part_batch;
ALTER TABLE sus_batch_item DROP FOREIGN KEY fk_sus_batch_item_batch;
ALTER TABLE sus_batch_count DROP FOREIGN KEY fk_sus_batch_count_batch,
    DROP FOREIGN KEY fk_sus_batch_count_insats;

ALTER TABLE sus_batch ADD COLUMN forbund_id INT UNSIGNED NULL FIRST;
UPDATE sus_batch SET forbund_id = @sus_f;
ALTER TABLE sus_batch DROP FOREIGN KEY fk_sus_batch_created_by,
    DROP FOREIGN KEY fk_sus_batch_acked_by;
ALTER TABLE sus_batch
    MODIFY forbund_id INT UNSIGNED NOT NULL COMMENT 'The förbund whose batch it is: its numbering, its receiver',
    MODIFY batch_no INT UNSIGNED NOT NULL COMMENT '1, 2, ... without gaps, per förbund',
    DROP PRIMARY KEY, ADD PRIMARY KEY (forbund_id, batch_no),
    DROP KEY ix_sus_batch_state,
    ADD KEY ix_sus_batch_state (forbund_id, state, batch_no),
    ADD KEY ix_sus_batch_created_by (created_by, forbund_id),
    ADD KEY ix_sus_batch_acked_by (acked_by, forbund_id),
    ADD CONSTRAINT fk_sus_batch_forbund FOREIGN KEY (forbund_id)
        REFERENCES forbund (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    ADD CONSTRAINT fk_sus_batch_created_by FOREIGN KEY (created_by, forbund_id)
        REFERENCES staff (id, forbund_id) ON DELETE RESTRICT ON UPDATE RESTRICT,
    ADD CONSTRAINT fk_sus_batch_acked_by FOREIGN KEY (acked_by, forbund_id)
        REFERENCES staff (id, forbund_id) ON DELETE RESTRICT ON UPDATE RESTRICT;

ALTER TABLE sus_batch_part ADD COLUMN forbund_id INT UNSIGNED NULL FIRST;
UPDATE sus_batch_part SET forbund_id = @sus_f;
ALTER TABLE sus_batch_part MODIFY forbund_id INT UNSIGNED NOT NULL,
    DROP PRIMARY KEY, ADD PRIMARY KEY (forbund_id, batch_no, seq),
    ADD CONSTRAINT fk_sus_batch_part_batch FOREIGN KEY (forbund_id, batch_no)
        REFERENCES sus_batch (forbund_id, batch_no) ON DELETE RESTRICT ON UPDATE RESTRICT;

ALTER TABLE sus_batch_item ADD COLUMN forbund_id INT UNSIGNED NULL AFTER participation_id;
UPDATE sus_batch_item SET forbund_id = @sus_f;
ALTER TABLE sus_batch_item MODIFY forbund_id INT UNSIGNED NOT NULL,
    DROP KEY ix_sus_batch_item_batch,
    ADD KEY ix_sus_batch_item_batch (forbund_id, batch_no, action),
    ADD CONSTRAINT fk_sus_batch_item_batch FOREIGN KEY (forbund_id, batch_no)
        REFERENCES sus_batch (forbund_id, batch_no) ON DELETE RESTRICT ON UPDATE RESTRICT;

ALTER TABLE sus_batch_count ADD COLUMN forbund_id INT UNSIGNED NULL FIRST;
UPDATE sus_batch_count SET forbund_id = @sus_f;
ALTER TABLE sus_batch_count MODIFY forbund_id INT UNSIGNED NOT NULL,
    DROP PRIMARY KEY, ADD PRIMARY KEY (forbund_id, batch_no, insats_id, year, gender),
    DROP KEY ix_sus_batch_count_group,
    ADD KEY ix_sus_batch_count_group (insats_id, forbund_id, year, gender, batch_no),
    ADD CONSTRAINT fk_sus_batch_count_batch FOREIGN KEY (forbund_id, batch_no)
        REFERENCES sus_batch (forbund_id, batch_no) ON DELETE RESTRICT ON UPDATE RESTRICT,
    ADD CONSTRAINT fk_sus_batch_count_insats FOREIGN KEY (insats_id, forbund_id)
        REFERENCES insats (id, forbund_id) ON DELETE RESTRICT ON UPDATE RESTRICT;

-- The rate limit per förbund: each request carries its account's förbund.
ALTER TABLE sus_request ADD COLUMN forbund_id INT UNSIGNED NULL AFTER id;
UPDATE sus_request q JOIN staff st ON st.id = q.staff_id SET q.forbund_id = st.forbund_id;
ALTER TABLE sus_request DROP FOREIGN KEY fk_sus_request_staff;
ALTER TABLE sus_request MODIFY forbund_id INT UNSIGNED NOT NULL COMMENT 'The account''s förbund: the limit is counted per förbund',
    DROP KEY ix_sus_request_staff,
    ADD KEY ix_sus_request_forbund (forbund_id, at),
    ADD KEY ix_sus_request_staff (staff_id, forbund_id),
    ADD CONSTRAINT fk_sus_request_staff FOREIGN KEY (staff_id, forbund_id)
        REFERENCES staff (id, forbund_id) ON DELETE RESTRICT ON UPDATE RESTRICT;

GRANT INSERT ON sus_state TO 'stegvis'@'localhost'
