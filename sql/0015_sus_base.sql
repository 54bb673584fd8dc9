-- 0015_sus_base.sql: a batch is acknowledged only if nothing was
-- acknowledged after it was built.
--
-- Two batches built on the same acknowledged batch (say 6 and 7 on 5)
-- could both be acknowledged: 6 sends a registration, the consent is
-- revoked, 7 (still on 5) knows nothing of it and withdraws nothing, and
-- acknowledging 6 then 7 left the receiver with the personnummer until the
-- batch after. The app now refuses (409) a batch whose acked_when_built
-- is older than the last acknowledged batch. For a batch based on the
-- last acknowledged one it equals base_no. A full replacement (base 0,
-- asked for with since=0) records the acknowledged batch it withdrew
-- against, which base_no cannot say.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE sus_batch
    ADD COLUMN acked_when_built INT UNSIGNED NOT NULL DEFAULT 0
        COMMENT 'sus_state.last_acked_no when the batch was built: what its withdrawals were computed against'
        AFTER base_no;

UPDATE sus_batch SET acked_when_built = base_no
