-- 0041_participation_midterm_drop.sql: the participation's single
-- mid-term follow-up columns go (issue 15, item 4).
--
-- Since 0039 the follow-ups (avstämningar) are rows of
-- participation_midterm, any number per participation, and 0039 copied
-- every old one there. Nothing reads midterm_date, midterm_note nor
-- midterm_attendees any more: app/midterm.c reads and writes the rows,
-- gallring deletes them (SQL_GR_PART_MIDTERM_DEL), and the demo makes
-- them (app/demo_midterm.c). Their old change_history rows
-- (midterm_date, midterm_note, midterm_attendees) stay, with their
-- labels.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE participation
    DROP COLUMN midterm_date,
    DROP COLUMN midterm_note,
    DROP COLUMN midterm_attendees
