-- 0067_audit_forbund.sql: every access-log row belongs to a förbund (issue
-- 20, several förbund in one installation), so that a förbund's admin
-- searches only its own förbund's log.
--
-- forbund_id is the förbund of the request that wrote the row (audit.c:
-- the account's, for a tablet the handing-over account's), of the object
-- for gallring's rows (sql_gallring.c), or of the account a failed login
-- named. NULL: an installation event that no förbund owns (a failed login
-- by an unknown name, a backup or restore run). No foreign key, as for
-- staff_id: the log outlives everything.
--
-- ix_audit_staff becomes (forbund_id, staff_id, at): the admin's search
-- by account within its förbund (SQL_ADMIN_AUDIT_BY_STAFF) reads only its
-- own rows, an account of another förbund none. ix_audit_person stays
-- (personnummer, at): the participation's access-log page reads it by
-- personnummer in time order (FORCE INDEX, sql_participation.c), and the
-- admin's search by personnummer reads the person's rows in the period
-- through it and keeps its förbund's, a person's few rows in any other
-- förbund being all it reads in vain. One index more to write per row
-- would cost every read page more than that.
--
-- The backfill is one set-based UPDATE. audit_log is append-only: the
-- BEFORE UPDATE trigger (sql/0003) is dropped for it and made again
-- exactly as it was (the app's account has no UPDATE on the table
-- anyway). The förbund of an old row:
--   * staff_id set: the account's (an account never changes förbund,
--     sql/0066).
--   * a consent tablet's row ("surfplatta:<who handed it over>", staff_id
--     NULL): the handing-over account's, as the tablet's session takes it
--     (session.c). User names are unique and never change.
--   * a failed login ("wrong password", "account locked"): the account of
--     that name's. Not "no such account" (a name made an account later
--     was no account then) and not "address back-off" (no account looked
--     up).
--   * gallring's rows (cli:gallring) of a participation or a referral:
--     its insats's. Not of a consent: gallring deleted the consent, and
--     its referral is named nowhere in the row.
--   * a questionnaire answered on the kiosk ("deltagare", the
--     participation in the detail): the participation's insats's.
-- Rows the old version writes between this migration and its restart get
-- no förbund (it does not know the column): NULL, visible to nobody in
-- the app.
--
-- Applied by `stegvis migrate` as one multi-statement batch (see 0001).

ALTER TABLE audit_log
    ADD COLUMN forbund_id INT UNSIGNED NULL
        COMMENT 'The förbund whose row this is. NULL: an installation event (a failed login by an unknown name, a backup)'
        AFTER id;

DROP TRIGGER audit_log_no_update;

UPDATE audit_log a LEFT JOIN staff st ON st.id = a.staff_id
   SET a.forbund_id = CASE
       WHEN a.staff_id IS NOT NULL THEN st.forbund_id
       WHEN a.username LIKE 'surfplatta:%' THEN
           (SELECT ts.forbund_id FROM staff ts
             WHERE ts.username = SUBSTRING(a.username, 12))
       WHEN a.action = 'login_failed'
            AND a.detail IN ('wrong password', 'account locked') THEN
           (SELECT fs.forbund_id FROM staff fs WHERE fs.username = a.username)
       WHEN a.username = 'cli:gallring' AND a.object_type = 'participation' THEN
           (SELECT gi.forbund_id FROM participation gp
              JOIN referral gr ON gr.id = gp.referral_id
              JOIN insats gi ON gi.id = gr.insats_id
             WHERE gp.id = a.object_id)
       WHEN a.username = 'cli:gallring' AND a.object_type = 'referral' THEN
           (SELECT gi.forbund_id FROM referral gr
              JOIN insats gi ON gi.id = gr.insats_id
             WHERE gr.id = a.object_id)
       WHEN a.username = 'deltagare'
            AND a.detail LIKE 'questionnaire response % sent for participation %' THEN
           (SELECT qi.forbund_id FROM participation qp
              JOIN referral qr ON qr.id = qp.referral_id
              JOIN insats qi ON qi.id = qr.insats_id
             WHERE qp.id = CAST(SUBSTRING_INDEX(a.detail, ' ', -1) AS UNSIGNED))
   END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';

ALTER TABLE audit_log
    DROP KEY ix_audit_staff,
    ADD KEY ix_audit_staff (forbund_id, staff_id, at);
