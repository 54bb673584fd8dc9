-- 0054_code_label_generation.sql: a number that changes whenever a label or
-- a SUS code of the code lists the participation page names changes
-- (issue 19).
--
-- Each worker keeps those lists' codes, labels, SUS codes and order
-- (app/code_labels.c) and names the page's codes from them in C instead of
-- a join or a subquery per code in every statement. The participation
-- statement (SQL_PARTICIPATION_GET) reads this row as a column: when the
-- number differs from the one the worker's copy was read under, the
-- worker reads the lists again (SQL_PARTICIPATION_CODE_LABELS, one
-- statement) before the page is made. Any INSERT, UPDATE or DELETE on
-- one of the lists sets a new number, by trigger, in the same transaction
-- as the change: the admin's form, a migration, the demo loader or
-- direct SQL are all seen on the next request, on every worker.
--
-- UUID_SHORT(), not a counter, as sql/0045: a value is never set twice,
-- so a database restored from a backup cannot match a copy read from
-- other rows under the same number.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE code_label_generation (
    id  TINYINT UNSIGNED NOT NULL COMMENT 'Always 1: one row',
    gen BIGINT UNSIGNED NOT NULL COMMENT 'Set anew on every change to the code lists the workers keep',
    PRIMARY KEY (id),
    CONSTRAINT ck_code_label_generation_one CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
  COMMENT='One row: the generation of the code lists, for the workers'' copies of their labels';

INSERT INTO code_label_generation (id, gen) VALUES (1, UUID_SHORT());

GRANT SELECT ON code_label_generation TO 'stegvis'@'localhost';


CREATE TRIGGER code_advise_against_labels_ins AFTER INSERT ON code_advise_against FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_advise_against_labels_upd AFTER UPDATE ON code_advise_against FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_advise_against_labels_del AFTER DELETE ON code_advise_against FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER code_end_reason_labels_ins AFTER INSERT ON code_end_reason FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_end_reason_labels_upd AFTER UPDATE ON code_end_reason FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_end_reason_labels_del AFTER DELETE ON code_end_reason FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER code_occupation_labels_ins AFTER INSERT ON code_occupation FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_occupation_labels_upd AFTER UPDATE ON code_occupation FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_occupation_labels_del AFTER DELETE ON code_occupation FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER code_income_labels_ins AFTER INSERT ON code_income FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_income_labels_upd AFTER UPDATE ON code_income FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_income_labels_del AFTER DELETE ON code_income FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER code_education_labels_ins AFTER INSERT ON code_education FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_education_labels_upd AFTER UPDATE ON code_education FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_education_labels_del AFTER DELETE ON code_education FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER code_support_time_labels_ins AFTER INSERT ON code_support_time FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_support_time_labels_upd AFTER UPDATE ON code_support_time FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER code_support_time_labels_del AFTER DELETE ON code_support_time FOR EACH ROW
    UPDATE code_label_generation SET gen = UUID_SHORT() WHERE id = 1;
