/* news.c: what happened since the last visit; see include/news.h. */
#include <string.h>

#include "access.h"
#include "arena.h"
#include "audit.h"
#include "bind.h"
#include "consent.h"
#include "date.h"
#include "db.h"
#include "news.h"
#include "participation.h"
#include "referral.h"
#include "req.h"
#include "session.h"
#include "sql_news.h"
#include "view.h"
#include "visibility.h"

static const char *const kind_labels[NEWS__MAX] = {
	[NEWS_DECISION] = "Beslut",
	[NEWS_START] = "Start",
	[NEWS_END] = "Avslut",
	[NEWS_SUMMARY] = "Sammanfattning skickad",
};

const char *
news_kind_label(enum news_kind k)
{
	return (unsigned)k < NEWS__MAX ? kind_labels[k] : "";
}

/* A UTC time as Swedish time ("ÅÅÅÅ-MM-DD HH:MM"). Arena; "" when it is
 * not a time. */
static struct str
news_local(struct req *r, struct str utc, size_t keep)
{
	char buf[24], *p;
	size_t n;

	if (!date_utc_to_local(utc, buf, sizeof(buf)))
		return STR_LIT("");
	n = strlen(buf);
	if (n > keep)
		n = keep;
	if ((p = arena_alloc(r->a, n + 1)) == NULL)
		return STR_LIT("");
	memcpy(p, buf, n);
	p[n] = '\0';
	return (struct str){ p, n };
}

/* The remittent side's items as list "news_items". */
/* Does the caller see row's participation course (VIS_FOLLOW) through
 * the ways the row says they reach its referral? */
static int
news_follow_visible(struct req *r, const struct news_row *row)
{
	struct vis_in in = {
		r->user->roles,
		(row->own ? ACCESS_OWN : 0u) |
		    (row->co ? ACCESS_COREMITTENT : 0u) |
		    (row->unit ? ACCESS_UNIT : 0u),
		vis_waiver_from_code(row->waiver),
		0, /* the course shows no address either way */
		(unsigned)row->scope,
	};

	return vis_may(&in, VIS_FOLLOW);
}

static enum app_err
news_bind_remittent(
    struct req *r, struct view_ctx *ctx, struct str since, size_t *listed)
{
	static const unsigned ways[3] = { ACCESS_OWN, ACCESS_COREMITTENT,
		ACCESS_UNIT };
	struct str today = participation_ymd_str(r->a, participation_today());
	struct str since_day = news_local(r, since, 10);
	struct str sweden_today = consent_today(r);
	struct db_param p[20];
	struct news_row *rows;
	void *out;
	size_t n, shown = 0;
	int more = 0;
	enum app_err e;

	for (int i = 0; i < 3; i++) {
		p[i] = DB_INT(r->user->id);
		p[3 + i] = DB_INT(r->user->organisation_id);
		p[8 + i] = DB_INT(r->user->id);
		/* Only the rows whose details one of the row's ways shows:
		 * the news tells the decision; the course is checked per row
		 * below. */
		p[11 + i] = DB_INT(
		    vis_waiver_mask(r->user->roles, ways[i], VIS_DETAILS));
	}
	p[6] = p[7] = DB_STR(sweden_today); /* the waiver's scope */
	p[14] = DB_STR(since);
	p[15] = DB_STR(today);
	p[16] = DB_STR(since_day);
	p[17] = p[18] = p[19] = DB_STR(since);
	if ((e = db_load(r->db, r->a, DB_NEWS, SQL_NEWS_REMITTENT, p, 20, &out,
	         &n)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "news_items")) != APP_OK)
		return e;
	rows = out;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it;
		enum news_kind k = (enum news_kind)rows[i].kind;
		struct str at;

		/* A start, an end or a summary is the participation's
		 * course: shown only as the application page shows it. */
		if (k != NEWS_DECISION && !news_follow_visible(r, &rows[i]))
			continue;
		if (shown == NEWS_MAX_ROWS) {
			more = 1; /* said on the page, never cut silently */
			break;
		}
		it = view_ctx_list_add(ctx, "news_items");
		at = rows[i].is_time ? news_local(r, rows[i].at, 16)
		                     : rows[i].at;
		if (it == NULL)
			return APP_ENOMEM;
		if ((unsigned)rows[i].kind >= NEWS__MAX)
			return APP_EDB;
		shown++;
		if ((e = view_ctx_set_int(
		         it, "referral_id", rows[i].referral_id)) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "first_name", rows[i].first_name)) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "last_name", rows[i].last_name)) != APP_OK ||
		    (e = view_ctx_set_str(it, "insats", rows[i].insats)) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "kind", news_kind_label(k))) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "decision",
		         k == NEWS_DECISION
		             ? referral_status_label_of(rows[i].status)
		             : "")) != APP_OK ||
		    (e = view_ctx_set_str(it, "at", at)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "is_time", rows[i].is_time)) !=
		        APP_OK)
			return e;
	}
	*listed += shown;
	/* The statement's own limit reached: older items may exist too. */
	if (n == NEWS_SQL_ROWS)
		more = 1;
	if ((e = view_ctx_set_bool(ctx, "news_more", more)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "news_max", NEWS_MAX_ROWS)) != APP_OK)
		return e;
	return view_ctx_set_bool(ctx, "news_none", shown == 0);
}

static const struct bind_key referral_map[] = {
	{ "id", "id" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "insats", "insats" },
};

/* The insats staff's new applications as list "news_referrals". */
static enum app_err
news_bind_staff(
    struct req *r, struct view_ctx *ctx, struct str since, size_t *listed)
{
	struct db_param p[2] = { DB_INT(r->user->id), DB_STR(since) };
	struct news_referral *rows;
	void *out;
	size_t n;
	enum app_err e;

	if ((e = db_load(r->db, r->a, DB_NEWS, SQL_NEWS_REFERRALS, p, 2, &out,
	         &n)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "news_referrals")) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "news_referral_count",
	         n > 0 ? ((struct news_referral *)out)[0].total : 0)) != APP_OK)
		return e;
	rows = out;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "news_referrals");

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &news_referral_record, referral_map,
		         BIND_N(referral_map), &rows[i])) != APP_OK ||
		    (e = view_ctx_set_str(it, "submitted",
		         news_local(r, rows[i].submitted, 16))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "status",
		         referral_status_inbox_label_of(rows[i].status))) !=
		        APP_OK)
			return e;
	}
	*listed += n;
	return APP_OK;
}

enum app_err
news_bind(struct req *r, struct view_ctx *ctx)
{
	struct db_param p[1] = { DB_INT(r->user->id) };
	struct news_since since;
	unsigned roles = r->user->roles;
	int rem = (roles & ROLE_BIT(ROLE_REMITTENT)) != 0;
	int ins = (roles & ROLE_BIT(ROLE_INSATSPERSONAL)) != 0;
	struct buf detail;
	size_t listed = 0;
	int found;
	enum app_err e;

	if ((e = view_ctx_set_bool(ctx, "news", rem || ins)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "news_items")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "news_referrals")) != APP_OK)
		return e;
	if (!rem && !ins)
		return APP_OK;
	if ((e = db_load_one(r->db, r->a, DB_NEWS, SQL_NEWS_SINCE, p, 1, &since,
	         &found)) != APP_OK)
		return e;
	if (!found || since.at.len == 0)
		return view_ctx_set_bool(ctx, "news_first", 1);
	if ((e = view_ctx_set_str(
	         ctx, "news_since", news_local(r, since.at, 16))) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "news_zone", DATE_ZONE_LABEL)) !=
	        APP_OK)
		return e;
	if (rem &&
	    (e = news_bind_remittent(r, ctx, since.at, &listed)) != APP_OK)
		return e;
	if (ins && (e = news_bind_staff(r, ctx, since.at, &listed)) != APP_OK)
		return e;
	if (listed == 0)
		return APP_OK;
	/* Names are shown: one row for the lists as such. */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "news: %zu", listed)) != APP_OK)
		return e;
	return audit_write(
	    r, AUDIT_READ, "referral_list", -1, STR_LIT(""), buf_str(&detail));
}
