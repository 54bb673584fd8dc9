-- 0080_audit_forbund_at.sql: gallring of the access log reads only the
-- förbund's own old rows (issue 20).
--
-- Since sql/0074 each förbund's access-log rows go by its own rule:
-- `DELETE FROM audit_log WHERE forbund_id <=> ? AND at < ? ORDER BY id
-- LIMIT n`, a batch at a time. With an index on `at` alone (or on
-- forbund_id before staff_id) each batch of a förbund with a short rule
-- reads every row older than its cutoff, the other förbund's that they
-- keep longer among them, or the förbund's whole log. This index reads
-- the förbund's rows older than its cutoff and nothing else.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE audit_log ADD KEY ix_audit_forbund_at (forbund_id, at);
