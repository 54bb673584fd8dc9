-- 0045_public_page_generation.sql: a number that changes whenever anything
-- the public start page (GET /) shows changes (issue 19).
--
-- Each worker keeps the rendered anonymous start page and checks this one
-- row before serving it again (app/public_cache.c, app/page_public.c):
-- when the number differs from the one the page was rendered under, it
-- renders afresh. The page shows insatser, their goals and the name of
-- their host organisation, so any INSERT, UPDATE or DELETE on insats,
-- insats_goal or organisation sets a new number, by trigger: whatever
-- changes them (an admin form, a migration, the demo loader, direct SQL)
-- is seen, in the same transaction as the change itself.
--
-- The number is UUID_SHORT(), not a counter: a value is never set twice,
-- so a database restored from a backup (the number as it was then, with
-- the rows as they were then) can never match a page a worker rendered
-- from other rows under the same number.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

CREATE TABLE public_page_generation (
    id  TINYINT UNSIGNED NOT NULL COMMENT 'Always 1: one row',
    gen BIGINT UNSIGNED NOT NULL COMMENT 'Set anew on every change to what GET / shows',
    PRIMARY KEY (id),
    CONSTRAINT ck_public_page_generation_one CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
  COMMENT='One row: the generation of the public start page, for the workers'' page cache';

INSERT INTO public_page_generation (id, gen) VALUES (1, UUID_SHORT());

GRANT SELECT ON public_page_generation TO 'stegvis'@'localhost';

CREATE TRIGGER insats_public_ins AFTER INSERT ON insats FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER insats_public_upd AFTER UPDATE ON insats FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER insats_public_del AFTER DELETE ON insats FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER insats_goal_public_ins AFTER INSERT ON insats_goal FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER insats_goal_public_upd AFTER UPDATE ON insats_goal FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER insats_goal_public_del AFTER DELETE ON insats_goal FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER organisation_public_ins AFTER INSERT ON organisation FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER organisation_public_upd AFTER UPDATE ON organisation FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER organisation_public_del AFTER DELETE ON organisation FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;
