-- 0078_installation_admin.sql: who manages the installation's own
-- settings (issue 20, several förbund in one installation).
--
-- The code lists are national (SUS's codes from Försäkringskassan, SCB's
-- kommunkoder) and one set serves every förbund, so a change to them is a
-- change for all. Until now the admins of the installation's first active
-- förbund managed them, by that förbund's id: a förbund's admin reaching
-- into every other förbund's forms by position alone. Now the operator
-- names the accounts (`stegvis installation-admin`), and a session carries
-- the mark with its account, read in the same statement (no query of its
-- own on the installation's pages).
--
-- Today's managers keep their pages: the active admins of the first active
-- förbund are marked.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE staff ADD COLUMN installation_admin BOOL NOT NULL DEFAULT 0
    COMMENT 'Manages the installation''s settings (the code lists) with the admin role; set by the operator only'
    AFTER forbund_id;

UPDATE staff st
  JOIN staff_role r ON r.staff_id = st.id AND r.role = 'admin'
   SET st.installation_admin = 1
 WHERE st.active = 1
   AND st.forbund_id = (SELECT MIN(f.id) FROM forbund f WHERE f.active = 1);
