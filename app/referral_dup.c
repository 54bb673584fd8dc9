/* referral_dup.c: another ongoing participation or open application of
 * the same person in the same insats; see include/referral_dup.h. */
#include "access.h"
#include "arena.h"
#include "db.h"
#include "referral.h"
#include "referral_dup.h"
#include "req.h"
#include "session.h"
#include "sql_referral.h"
#include "view.h"
#include "visibility.h"

static const struct db_field dup_fields[] = {
	DB_FIELD(referral_dup_row, id, "id", DB_F_INT),
	DB_FIELD(referral_dup_row, status_name, "status", DB_F_STR),
	DB_FIELD(referral_dup_row, insats, "insats", DB_F_STR),
	DB_FIELD(referral_dup_row, created, "created", DB_F_UTC_DAY),
	DB_FIELD(referral_dup_row, submitted, "submitted", DB_F_UTC_DAY),
	DB_FIELD(
	    referral_dup_row, participation_id, "participation_id", DB_F_STR),
	DB_FIELD(referral_dup_row, participation_status, "participation_status",
	    DB_F_STR),
	DB_FIELD(referral_dup_row, start_date, "start_date", DB_F_STR),
	DB_FIELD(referral_dup_row, own, "own", DB_F_BOOL),
	DB_FIELD(referral_dup_row, co, "co", DB_F_BOOL),
	DB_FIELD(referral_dup_row, unit, "unit", DB_F_BOOL),
	DB_FIELD(referral_dup_row, waiver_code, "waiver", DB_F_INT),
};
const struct db_record referral_dup_record =
    DB_RECORD(referral_dup_row, dup_fields);

enum app_err
referral_duplicates(struct req *r, enum referral_dup_scope scope,
    struct str pnr12, long long insats_id, long long exclude_id,
    struct referral_dup_row **rows, size_t *n)
{
	struct db_param p[14];
	struct referral_dup_row *all;
	size_t np = 0, k = 0, got;
	unsigned q;
	void *out;
	enum app_err e;

	*rows = NULL;
	*n = 0;
	if (r->user == NULL)
		return APP_OK;
	if (scope == REFERRAL_DUP_REMITTENT) {
		/* The reach of the remittent's list (sql_referral.h). */
		for (int i = 0; i < 3; i++)
			p[np++] = DB_INT(r->user->id);
		for (int i = 0; i < 3; i++)
			p[np++] = DB_INT(r->user->organisation_id);
		for (int i = 0; i < 3; i++)
			p[np++] = DB_INT(r->user->id);
		q = SQL_REFERRAL_DUP_REMITTENT;
	} else {
		p[np++] = DB_INT(r->user->id);
		q = SQL_REFERRAL_DUP_INSATS;
	}
	p[np++] = DB_STR(pnr12);
	p[np++] = DB_INT(insats_id);
	p[np++] = DB_INT(exclude_id);
	if ((e = db_load(r->db, r->a, DB_REFERRAL, q, p, np, &out, &got)) !=
	    APP_OK)
		return e;
	all = out;
	for (size_t i = 0; i < got; i++) {
		struct referral_dup_row *d = &all[i];

		d->status = referral_status_of(d->status_name);
		d->kind = referral_dup_kind(d->status, d->participation_status);
		if (d->kind == REFERRAL_DUP_NONE)
			continue;
		if (scope == REFERRAL_DUP_REMITTENT) {
			unsigned via = (d->own ? ACCESS_OWN : 0) |
			    (d->co ? ACCESS_COREMITTENT : 0) |
			    (d->unit ? ACCESS_UNIT : 0);
			struct vis_in in = access_vis_in(
			    r, via, vis_waiver_from_code(d->waiver_code), 0);
			if (!vis_may(&in, VIS_DETAILS))
				continue;
		}
		all[k++] = *d;
	}
	*rows = all;
	*n = k;
	return APP_OK;
}

struct str
referral_dup_label(struct req *r, const struct referral_dup_row *d)
{
	struct buf b;

	buf_init(&b, r->a);
	if (d->kind == REFERRAL_DUP_PARTICIPATION) {
		if (buf_printf(&b, "Pågående deltagande i %.*s (från %.*s)",
		        (int)d->insats.len, d->insats.p, (int)d->start_date.len,
		        d->start_date.p) != APP_OK)
			return STR_LIT("");
	} else if (buf_printf(&b, "Öppen ansökan till %.*s: %s (skapad %.*s)",
	               (int)d->insats.len, d->insats.p,
	               referral_status_label(d->status), (int)d->created.len,
	               d->created.p) != APP_OK)
		return STR_LIT("");
	return buf_str(&b);
}

enum app_err
referral_dup_bind(struct req *r, struct view_ctx *ctx,
    const struct referral_dup_row *rows, size_t n, const char *prefix,
    int participations)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "dubbletter")) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_dubbletter", n > 0)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		const struct referral_dup_row *d = &rows[i];
		struct view_ctx *it = view_ctx_list_add(ctx, "dubbletter");
		struct buf href;

		if (it == NULL)
			return APP_ENOMEM;
		buf_init(&href, r->a);
		if (participations && d->kind == REFERRAL_DUP_PARTICIPATION)
			e = buf_printf(&href, "/deltagande/%.*s",
			    (int)d->participation_id.len,
			    d->participation_id.p);
		else
			e = buf_printf(&href, "%s%lld", prefix, d->id);
		if (e != APP_OK ||
		    (e = view_ctx_set_str(it, "href", buf_str(&href))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "label", referral_dup_label(r, d))) != APP_OK)
			return e;
	}
	return APP_OK;
}
