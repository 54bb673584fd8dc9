-- 0066_staff_forbund.sql: every staff account carries its förbund (issue
-- 20, several förbund in one installation).
--
-- An account's förbund is its organisation's: the composite key below
-- keeps the two together, so an account can never be moved to an
-- organisation of another förbund. The column is the account's own, not
-- read through organisation, so that a session knows its förbund from its
-- own row and every staff statement can be scoped by it (":forbund",
-- include/db_scope.h) without a join. User names stay unique across the
-- installation: a login names one account, whichever förbund it is in.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE staff ADD COLUMN forbund_id INT UNSIGNED NULL AFTER id;

UPDATE staff st JOIN organisation o ON o.id = st.organisation_id
   SET st.forbund_id = o.forbund_id;

ALTER TABLE staff
    MODIFY forbund_id INT UNSIGNED NOT NULL
        COMMENT 'The förbund of its organisation (fk_staff_organisation_forbund)',
    ADD KEY ix_staff_forbund (forbund_id, username),
    ADD CONSTRAINT fk_staff_organisation_forbund
        FOREIGN KEY (organisation_id, forbund_id)
        REFERENCES organisation (id, forbund_id) ON DELETE RESTRICT ON UPDATE RESTRICT;
