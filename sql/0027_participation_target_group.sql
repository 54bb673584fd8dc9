-- 0027_participation_target_group.sql: the participant's målgrupp (issue
-- 17, "Tid i insats per målgrupp").
--
-- An insats lists its target groups as plain text, one per line
-- (insats.target_groups), but nothing said which of them a participant
-- belongs to: Trampolinen reports its young adults and its women up to 45
-- separately. The insats staff now choose one of the insats's lines on the
-- participation page; the line's text is kept as chosen (a later edit of
-- the insats's text does not move anyone to another group). Empty: not
-- set. The activity report groups the time in the insats by it.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE participation
    ADD COLUMN target_group VARCHAR(500) NOT NULL DEFAULT ''
    COMMENT 'Målgrupp: one line of the insats''s target_groups as chosen by its staff, empty: not set'
    AFTER hours_per_week;
