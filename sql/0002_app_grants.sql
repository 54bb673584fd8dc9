-- 0002_app_grants.sql: the rights of the application's own account.
--
-- The app connects as 'stegvis'@'localhost' with data rights only, table by
-- table (never on the whole database), so that later migrations can give a
-- table fewer rights: the audit log will get INSERT and SELECT, no UPDATE or
-- DELETE. The account must exist before migrating (conf/devstack.sh creates
-- it for the private stack; see README for a real install). Every new table
-- gets its GRANT in the migration that creates it.

GRANT SELECT ON schema_version TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON forbund TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON organisation TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON insats TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON insats_goal TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON insats_budget_year TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON staff TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON staff_role TO 'stegvis'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON staff_insats TO 'stegvis'@'localhost'
