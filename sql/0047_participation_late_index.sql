-- 0047_participation_late_index.sql: what is late in an insats staff
-- member's insatser, counted from an index (issue 19: the inbox and the
-- participant list at the speed of the page, not of the data).
--
-- The inbox counts, per overdue kind (include/overdue.h), the
-- participations of the caller's insatser that are late:
--   end:     inskriven, planned_end_date before today;
--   midterm: inskriven, halfway between start_date and planned_end_date
--            before today, no mid-term follow-up;
--   summary: avslutad, summary_sent_at NULL, summary_due_date before today;
-- all with gallrad_at NULL. ix_participation_insats (insats_id, status,
-- start_date) finds the insats's rows of a status but not the dates, so
-- every such row was read from the table. These two indexes hold every
-- column the conditions read: the end count is a range of the first, the
-- mid-term count a scan of its enrolled entries, the summary count a
-- range of the second; the table is not read.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE participation
    ADD KEY ix_participation_late_end (insats_id, status, planned_end_date, start_date, gallrad_at),
    ADD KEY ix_participation_late_summary (insats_id, status, summary_sent_at, summary_due_date, gallrad_at);
