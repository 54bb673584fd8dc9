-- 0071_forbund_public_host.sql: each förbund's public start page on a host
-- name of its own (issue 20, several förbund in one installation).
--
-- An anonymous request has no account to take its förbund from. The
-- public start page (GET /) lists one förbund's insatser: the förbund
-- whose public_host is the request's host name (a 404 while it is
-- inactive), or, when no förbund has that name, the one active förbund
-- without a host name, the installation's default (a single förbund needs
-- no host name set: every installation until now). With no such förbund,
-- or several, the page is a 404 (app/page_public.c).
--
-- A change to a förbund (its host name, whether it is active) changes what
-- GET / shows, so it sets a new public page generation like a change to
-- an insats does (sql/0045): each worker's kept copy is then rendered
-- afresh.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE forbund
    ADD COLUMN public_host VARCHAR(253) CHARACTER SET ascii COLLATE ascii_bin NULL
        COMMENT 'Host name of its public start page, lower case (e.g. stegvis.softleg.se); NULL: none'
        AFTER sus_code,
    ADD UNIQUE KEY uq_forbund_public_host (public_host),
    ADD CONSTRAINT ck_forbund_public_host
        CHECK (public_host IS NULL OR public_host REGEXP '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$');

CREATE TRIGGER forbund_public_ins AFTER INSERT ON forbund FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER forbund_public_upd AFTER UPDATE ON forbund FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER forbund_public_del AFTER DELETE ON forbund FOR EACH ROW
    UPDATE public_page_generation SET gen = UUID_SHORT() WHERE id = 1;
