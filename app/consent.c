/* consent.c: the consent rules; see include/consent.h. */
#include <string.h>

#include "access.h"
#include "arena.h"
#include "audit.h"
#include "consent.h"
#include "date.h"
#include "db.h"
#include "req.h"
#include "session.h"
#include "sql_consent.h"
#include "view.h"

struct str
consent_today(struct req *r)
{
	char *d = arena_alloc(r->a, 11);

	if (d == NULL)
		return STR_LIT("1970-01-01");
	date_today_iso(d, 11);
	return str_cstr(d);
}

static enum app_err
consent_exec(struct req *r, unsigned q, const struct db_param *p, size_t n,
    struct db_rows *rows)
{
	return db_exec(r->db, r->a, DB_CONSENT, q, p, n, rows);
}

enum app_err
consent_expire(struct req *r, long long referral_id)
{
	struct db_param p[6];
	struct db_rows ids, ref;
	int own_tx = !db_in_tx(r->db);
	enum app_err e;

	p[0] = DB_STR(consent_today(r));
	p[1] = DB_INT(referral_id);
	if ((e = consent_exec(r, SQL_CONSENT_EXPIRABLE, p, 2, &ids)) != APP_OK)
		return e;
	if (ids.nrows == 0)
		return APP_OK;
	p[0] = DB_INT(referral_id);
	if ((e = consent_exec(r, SQL_CONSENT_REFERRAL, p, 1, &ref)) != APP_OK)
		return e;
	if (own_tx && (e = db_begin(r->db)) != APP_OK)
		return e;
	for (size_t i = 0; i < ids.nrows; i++) {
		long long id = str_to_ll(db_cell(&ids, i, 0));
		p[0] = DB_STR(STR_LIT("utgangen"));
		p[1] = DB_INT(id);
		p[2] = DB_STR(STR_LIT("aktiv"));
		if ((e = consent_exec(r, SQL_CONSENT_END, p, 3, NULL)) !=
		    APP_OK)
			goto fail;
		/* Ended meanwhile (a revocation, another reader's sweep): the
		 * one who changed it wrote its event. */
		if (db_affected_rows(r->db) != 1)
			continue;
		p[0] = DB_INT(id);
		p[1] = DB_STR(STR_LIT("utganget"));
		p[2] = DB_NULL;
		p[3] = DB_NULL;
		p[4] = DB_STR(STR_LIT("system"));
		p[5] = DB_STR(STR_LIT("Giltighetstiden har gått ut eller "
		                      "deltagandet är avslutat."));
		if ((e = consent_exec(
		         r, SQL_CONSENT_EVENT_INSERT, p, 6, NULL)) != APP_OK ||
		    (e = audit_write(r, AUDIT_UPDATE, "consent", id,
		         ref.nrows ? db_cell(&ref, 0, 8) : STR_LIT(""),
		         STR_LIT("expired"))) != APP_OK)
			goto fail;
	}
	if (own_tx && (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	if (own_tx)
		db_rollback(r->db);
	return e;
}

enum app_err
consent_covers(struct req *r, long long referral_id, long long org_id,
    int need_disclose, int *covered)
{
	struct str today = consent_today(r);
	struct db_param p[6] = { DB_STR(today), DB_STR(today),
		DB_INT(referral_id), DB_INT(org_id), DB_INT(org_id),
		DB_INT(need_disclose) };
	struct db_rows rows;
	enum app_err e;

	*covered = 0;
	if ((e = consent_exec(r, SQL_CONSENT_COVERS, p, 6, &rows)) != APP_OK)
		return e;
	*covered = rows.nrows > 0;
	return APP_OK;
}

enum app_err
consent_details_visible(
    struct req *r, long long referral_id, long long org_id, int *visible)
{
	struct db_param p[3] = { DB_INT(referral_id) };
	struct db_rows latest, party;
	enum app_err e;

	*visible = 0;
	if ((e = consent_exec(r, SQL_CONSENT_LATEST_GIVEN, p, 1, &latest)) !=
	    APP_OK)
		return e;
	if (latest.nrows == 0) {
		/* No waiver given yet: what the remittent wrote is theirs. */
		*visible = 1;
		return APP_OK;
	}
	/* Revoked, or signed and then marked in error: a waiver was given and
	 * is not valid, so nothing is shown until a new one names them. */
	if (!str_eq_cstr(db_cell(&latest, 0, 1), "aktiv") &&
	    !str_eq_cstr(db_cell(&latest, 0, 1), "utgangen"))
		return APP_OK;
	/* aktiv (perhaps past its dates) or utgangen: visible while their
	 * organisation is still a party, i.e. not revoked for them. */
	p[0] = DB_INT(str_to_ll(db_cell(&latest, 0, 0)));
	p[1] = DB_INT(org_id);
	p[2] = DB_INT(org_id);
	if ((e = consent_exec(r, SQL_CONSENT_PARTY_COVERS, p, 3, &party)) !=
	    APP_OK)
		return e;
	*visible = party.nrows > 0;
	return APP_OK;
}

enum app_err
consent_revocable(
    struct req *r, long long referral_id, long long *waiver, long long *sus)
{
	struct db_param p[1] = { DB_INT(referral_id) };
	struct db_rows rows;
	enum app_err e;

	*waiver = *sus = 0;
	if ((e = consent_exec(r, SQL_CONSENT_LATEST_GIVEN, p, 1, &rows)) !=
	    APP_OK)
		return e;
	if (rows.nrows == 1 &&
	    (str_eq_cstr(db_cell(&rows, 0, 1), "aktiv") ||
	        str_eq_cstr(db_cell(&rows, 0, 1), "utgangen")))
		*waiver = str_to_ll(db_cell(&rows, 0, 0));
	if ((e = consent_exec(r, SQL_CONSENT_SUS_YES, p, 1, &rows)) != APP_OK)
		return e;
	if (rows.nrows == 1)
		*sus = str_to_ll(db_cell(&rows, 0, 0));
	return APP_OK;
}

const char *
consent_state_label(struct str state)
{
	if (str_eq_cstr(state, "utkast"))
		return "Förberett, inte signerat";
	if (str_eq_cstr(state, "aktiv"))
		return "Gäller";
	if (str_eq_cstr(state, "aterkallad"))
		return "Återkallat";
	if (str_eq_cstr(state, "utgangen"))
		return "Utgånget";
	if (str_eq_cstr(state, "felaktig"))
		return "Felregistrerat";
	return "";
}

/* The consent of kind to show: the one in force, else the newest given
 * one (drafts and those marked in error say nothing of the state), or -1. */
static long
consent_pick(const struct db_rows *list, const char *kind)
{
	long newest = -1;

	for (size_t i = 0; i < list->nrows; i++) {
		struct str st = db_cell(list, i, 2);
		if (!str_eq_cstr(db_cell(list, i, 1), kind) ||
		    str_eq_cstr(st, "utkast") || str_eq_cstr(st, "felaktig"))
			continue;
		if (str_eq_cstr(st, "aktiv"))
			return (long)i;
		if (newest < 0)
			newest = (long)i;
	}
	return newest;
}

enum app_err
consent_bind_status(
    struct req *r, struct view_ctx *ctx, long long referral_id, unsigned via)
{
	struct db_param p[1] = { DB_INT(referral_id) };
	struct db_rows ref, list, parties;
	long w, s;
	int covered = 0;
	enum app_err e;

	if ((e = consent_expire(r, referral_id)) != APP_OK ||
	    (e = consent_exec(r, SQL_CONSENT_REFERRAL, p, 1, &ref)) != APP_OK ||
	    (e = consent_exec(r, SQL_CONSENT_LIST, p, 1, &list)) != APP_OK)
		return e;
	if (ref.nrows != 1)
		return APP_ENOTFOUND;
	if ((e = consent_covers(r, referral_id, str_to_ll(db_cell(&ref, 0, 3)),
	         0, &covered)) != APP_OK)
		return e;
	w = consent_pick(&list, "sekretess");
	s = consent_pick(&list, "sus");
	if ((e = view_ctx_set_int(ctx, "consent_referral_id", referral_id)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "consent_covered", covered)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "consent_referral_org", db_cell(&ref, 0, 4))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "consent_at_visa",
	         str_to_ll(db_cell(&ref, 0, 2)) != 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "consent_has_waiver", w >= 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "consent_has_sus", s >= 0)) != APP_OK)
		return e;
	if (w >= 0) {
		struct str st = db_cell(&list, (size_t)w, 2);
		p[0] = DB_INT(str_to_ll(db_cell(&list, (size_t)w, 0)));
		if ((e = consent_exec(
		         r, SQL_CONSENT_PARTIES, p, 1, &parties)) != APP_OK ||
		    (e = view_ctx_set_str(ctx, "waiver_id",
		         db_cell(&list, (size_t)w, 0))) != APP_OK ||
		    (e = view_ctx_set_str(ctx, "waiver_state", st)) != APP_OK ||
		    (e = view_ctx_set_cstr(ctx, "waiver_state_label",
		         consent_state_label(st))) != APP_OK ||
		    (e = view_ctx_set_str(ctx, "waiver_until",
		         db_cell(&list, (size_t)w, 6))) != APP_OK ||
		    (e = view_ctx_set_list(ctx, "waiver_parties")) != APP_OK)
			return e;
		for (size_t i = 0; i < parties.nrows; i++) {
			struct view_ctx *it =
			    view_ctx_list_add(ctx, "waiver_parties");
			if (it == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_str(it, "name",
			         db_cell(&parties, i, 1))) != APP_OK ||
			    (e = view_ctx_set_bool(it, "revoked",
			         str_eq_cstr(db_cell(&parties, i, 2),
			             "aterkallad"))) != APP_OK)
				return e;
		}
	}
	if (s >= 0) {
		struct str st = db_cell(&list, (size_t)s, 2);
		int yes = str_eq_cstr(st, "aktiv") &&
		    str_eq_cstr(db_cell(&list, (size_t)s, 3), "ja");
		/* Whether a "yes" is reported with the personnummer also
		 * depends on the insats's own record of the person (protected
		 * identity): only its staff are told which; the remittent side
		 * sees the consent, not what the insats recorded. */
		if ((e = view_ctx_set_bool(ctx, "sus_detail_hidden",
		         yes && !(via & ACCESS_INSATS))) != APP_OK)
			return e;
		if ((e = view_ctx_set_str(ctx, "sus_state", st)) != APP_OK ||
		    (e = view_ctx_set_bool(ctx, "sus_yes",
		         yes &&
		             /* as the SUS export decides it */
		             str_to_ll(db_cell(&ref, 0, 11)) == 0 &&
		             str_eq_cstr(db_cell(&ref, 0, 17),
		                 "personuppgifter"))) != APP_OK ||
		    (e = view_ctx_set_cstr(ctx, "sus_state_label",
		         str_eq_cstr(st, "aktiv") &&
		                 str_eq_cstr(
		                     db_cell(&list, (size_t)s, 3), "nej")
		             ? "Nej: rapporteras anonymt"
		             : consent_state_label(st))) != APP_OK)
			return e;
	}
	return APP_OK;
}
