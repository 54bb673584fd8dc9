/* page_participation_list.c: the insats staff's inbox, list of
 * participants and the search by personnummer; see
 * include/page_participation.h. */
#include "gender.h"
#include "audit.h"
#include "bind.h"
#include "contact.h"
#include "date.h"
#include "db.h"
#include "form_registry.h"
#include "overdue.h"
#include "page_participation.h"
#include "pages.h"
#include "paging.h"
#include "participant_list.h"
#include "participation.h"
#include "pnr.h"
#include "referral_decision.h"
#include "req.h"
#include "session.h"
#include "view.h"

#define MSG_PICK "Välj ett av alternativen i listan."

/* The status filter: a status, or every one. */
#define LIST_ALL PARTICIPATION_STATUS__MAX
static const char *const list_status_choices[LIST_ALL + 2] = {
	[PARTICIPATION_INSKRIVEN] = "inskriven",
	[PARTICIPATION_AVSLUTAD] = "avslutad",
	[PARTICIPATION_FELREGISTRERAD] = "felregistrerad",
	[LIST_ALL] = "alla",
	[LIST_ALL + 1] = NULL,
};

/* The overdue filter: a kind (overdue.h's names), or late in any way. */
#define LATE_ANY OVERDUE__MAX
static const char *const list_late_choices[LATE_ANY + 2] = {
	[OVERDUE_END] = "slut",
	[OVERDUE_MIDTERM] = "mitt",
	[OVERDUE_SUMMARY] = "sammanfattning",
	[LATE_ANY] = "alla",
	[LATE_ANY + 1] = NULL,
};

enum { LF_INSATS, LF_STATUS, LF_CONTACT, LF_GENDER, LF_OVERDUE, LF__MAX };
/* The search by personnummer or by name (partials/deltag_search.html),
 * on the list and on its own page: one of the two. */
enum { SF_PNR, SF_NAME, SF__MAX };
static const struct field_spec search_spec[SF__MAX] = {
	[SF_PNR] = { "personnummer", FT_TEXT, 1, 20, 0, NULL },
	[SF_NAME] = { "namn", FT_TEXT, 2, PARTICIPATION_NAME_SEARCH_MAX, 0,
	    NULL },
};
#define MSG_SEARCH_EMPTY "Ange ett personnummer eller ett namn."

static const struct field_spec list_spec[LF__MAX] = {
	[LF_INSATS] = { "insats", FT_INT, 1, 4294967295LL, 0, NULL },
	[LF_STATUS] = { "status", FT_ENUM, 0, 0, 0, list_status_choices },
	[LF_CONTACT] = { "kontakt", FT_INT, 1, 4294967295LL, 0, NULL },
	[LF_GENDER] = { "kon", FT_ENUM, 0, 0, 0, gender_names },
	[LF_OVERDUE] = { "forsenad", FT_ENUM, 0, 0, 0, list_late_choices },
};

static const struct bind_key option_map[] = {
	{ "id", "id" },
	{ "name", "name" },
};

static const struct bind_key row_map[] = {
	{ "id", "id" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "insats", "insats" },
	{ "start_date", "start_date" },
	{ "planned_end", "planned_end" },
	{ "end_date", "end_date" },
	{ "contact", "contact" },
	{ "summary_due", "summary_due" },
	{ "summary_sent", "summary_sent" },
};

static const struct bind_key hit_map[] = {
	{ "referral_id", "referral_id" },
	{ "participation_id", "participation_id" },
	{ "insats", "insats" },
	{ "submitted", "submitted" },
	{ "start_date", "start_date" },
	{ "end_date", "end_date" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
};

/* ---- the inbox ---- */

static const struct bind_key insats_map[] = {
	{ "id", "id" },
	{ "insats", "name" },
};

static const struct bind_key inbox_map[] = {
	{ "id", "id" },
	{ "submitted", "submitted" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "birth_year", "birth_year" },
	{ "insats", "insats" },
	{ "remittent", "remittent" },
	{ "org", "org" },
	{ "waiting_since", "waiting_since" },
};

/* The inbox's one order (paging.h): oldest first. */
static const struct paging_sort inbox_sorts[] = { { "inkom", 0 } };

/* A kind of late as counted by the inbox statement: an entry of list
 * "overdue_kinds" as overdue_bind() makes it with counts only (the
 * partial forsenat.html). */
static enum app_err
inbox_bind_late(struct view_ctx *ctx, enum overdue_kind k, long long count)
{
	struct view_ctx *it = view_ctx_list_add(ctx, "overdue_kinds");
	enum app_err e;

	if (it == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_cstr(it, "name", overdue_kind_name(k))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(it, "heading", overdue_kind_heading(k))) !=
	        APP_OK ||
	    (e = view_ctx_set_int(it, "count", count)) != APP_OK ||
	    (e = view_ctx_set_bool(it, "with_rows", 0)) != APP_OK ||
	    (e = view_ctx_set_list(it, "rows")) != APP_OK)
		return e;
	return view_ctx_set_bool(it, "more", 1);
}

/* Row of the inbox statement into list "insatser" or "referrals", or a
 * count of late ones into late[]. */
static enum app_err
inbox_bind_row(struct view_ctx *ctx, const struct inbox_page_row *row,
    long long late[OVERDUE__MAX])
{
	struct view_ctx *it;
	enum referral_status st = referral_status_of(row->ref.status);
	enum app_err e;

	if (row->kind == 3) /* the row after the page */
		return APP_OK;
	if (row->kind == 2) {
		if (row->ref.id < 0 || row->ref.id >= OVERDUE__MAX)
			return APP_EDB;
		late[row->ref.id] += row->total;
		return APP_OK;
	}
	if (row->kind == 0) {
		if ((it = view_ctx_list_add(ctx, "insatser")) == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &inbox_row_record, insats_map,
		         BIND_N(insats_map), &row->ref)) != APP_OK ||
		    (e = view_ctx_set_str(it, "places", row->places)) !=
		        APP_OK ||
		    (e = view_ctx_set_int(it, "inskrivna", row->inskrivna)) !=
		        APP_OK)
			return e;
		return view_ctx_set_bool(it, "full",
		    participation_insats_full(row->places, row->inskrivna));
	}
	if ((it = view_ctx_list_add(ctx, "referrals")) == NULL)
		return APP_ENOMEM;
	if ((e = bind_record(it, &inbox_row_record, inbox_map,
	         BIND_N(inbox_map), &row->ref)) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         it, "status", referral_status_inbox_label(st))) != APP_OK ||
	    (e = view_ctx_set_bool(it, "waiting", st == REFERRAL_VANTELISTA)) !=
	        APP_OK)
		return e;
	return view_ctx_set_cstr(
	    it, "gender", gender_label_of(row->ref.gender));
}

enum app_err
page_inbox(struct req *r)
{
	long long today = participation_today();
	struct inbox_page_row *rows;
	struct view_ctx *ctx;
	struct buf detail;
	struct paging pg;
	long long total = 0, late[OVERDUE__MAX] = { 0 }, nlate = 0;
	long long after = paging_after_from_query(r), last = 0;
	size_t n, nref = 0;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	/* A bad page is the first. */
	paging_from_query(r, inbox_sorts, 1, 0, &pg);
	pg.rows = INBOX_ROWS;
	for (;;) {
		if ((e = referral_inbox_page(
		         r, r->user->id, after, today, &rows, &n)) != APP_OK)
			return e;
		nref = 0;
		for (size_t i = 0; i < n; i++)
			if (rows[i].kind == 1) {
				nref++;
				total = rows[i].total;
			}
		if (nref > 0 || after == 0)
			break;
		/* Nothing after the key (or not a key of the caller's): the
		 * first page. */
		after = 0;
	}
	if (after == 0)
		pg.page = 1;
	/* The one row more than a page says a next page follows: not
	 * shown. */
	if (nref > INBOX_ROWS) {
		for (size_t i = 0, k = 0; i < n; i++)
			if (rows[i].kind == 1 && ++k == INBOX_ROWS)
				last = rows[i].ref.id;
		for (size_t i = 0, k = 0; i < n; i++)
			if (rows[i].kind == 1 && ++k > INBOX_ROWS)
				rows[i].kind = 3;
		nref = INBOX_ROWS;
	}
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail,
	         "inbox: %zu referrals (page %lld, %lld in all)", nref, pg.page,
	         total)) != APP_OK ||
	    (e = audit_write(r, AUDIT_READ, "referral_list", -1, STR_LIT(""),
	         buf_str(&detail))) != APP_OK)
		return e;
	if ((e = view_ctx_set_int(ctx, "count", total)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "insatser")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "referrals")) != APP_OK ||
	    (e = paging_bind_keyset(r, ctx, &pg, total, 0, nref, last,
	         "/inkorg", STR_LIT(""), inbox_sorts, 1)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++)
		if ((e = inbox_bind_row(ctx, &rows[i], late)) != APP_OK)
			return e;
	/* What is late, as counts with a link to the participant list (no
	 * names: no access log row, as overdue_bind() with counts only). */
	if ((e = view_ctx_set_list(ctx, "overdue_kinds")) != APP_OK)
		return e;
	for (int k = 0; k < OVERDUE__MAX; k++) {
		nlate += late[k];
		if (late[k] > 0 &&
		    (e = inbox_bind_late(ctx, (enum overdue_kind)k, late[k])) !=
		        APP_OK)
			return e;
	}
	if ((e = view_ctx_set_int(ctx, "overdue_total", nlate)) != APP_OK)
		return e;
	return page_render(r, "inkorg", "Inkorg", ctx);
}

/* ---- the list ---- */

/* id as text for an option list's selection; "" for none (0). Arena. */
static struct str
list_id_str(struct req *r, long long id)
{
	struct buf b;

	if (id == 0)
		return STR_LIT("");
	buf_init(&b, r->a);
	return buf_printf(&b, "%lld", id) == APP_OK ? buf_str(&b) : STR_LIT("");
}

/* The participant rows as list "participants". */
static enum app_err
list_bind_rows(
    struct view_ctx *ctx, const struct participation_row *rows, size_t n)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "participants")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "participants");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &participation_row_record, row_map,
		         BIND_N(row_map), &rows[i])) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "gender",
		         gender_label_of(rows[i].gender))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "status",
		         participation_status_label_of(rows[i].status))) !=
		        APP_OK ||
		    (e = view_ctx_set_list(it, "late")) != APP_OK)
			return e;
		/* A marker per kind the row is late in. */
		for (int k = 0; k < OVERDUE__MAX; k++) {
			struct view_ctx *m;

			if (!(rows[i].overdue & OVERDUE_BIT(k)))
				continue;
			if ((m = view_ctx_list_add(it, "late")) == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_cstr(m, "label",
			         overdue_kind_label((enum overdue_kind)k))) !=
			    APP_OK)
				return e;
		}
	}
	return APP_OK;
}

/* The overdue filter's kinds (OVERDUE_BIT()s; 0: none chosen). */
static unsigned
list_late_kinds(const struct field_val *v)
{
	if (!v->ok || !v->present)
		return 0;
	return v->i == LATE_ANY ? OVERDUE_ANY : OVERDUE_BIT(v->i);
}

/* The filter as typed: the chosen status and gender as flags. */
static enum app_err
list_bind_filter(struct view_ctx *ctx, const struct field_val *fv)
{
	static const char *const st_keys[LIST_ALL + 1] = {
		[PARTICIPATION_INSKRIVEN] = "st_inskriven",
		[PARTICIPATION_AVSLUTAD] = "st_avslutad",
		[PARTICIPATION_FELREGISTRERAD] = "st_felregistrerad",
		[LIST_ALL] = "st_alla",
	};
	static const char *const g_keys[GENDER__MAX] = {
		[GENDER_KVINNA] = "g_kvinna",
		[GENDER_MAN] = "g_man",
		[GENDER_ANNAT] = "g_annat",
	};
	static const char *const od_keys[LATE_ANY + 1] = {
		[OVERDUE_END] = "od_slut",
		[OVERDUE_MIDTERM] = "od_mitt",
		[OVERDUE_SUMMARY] = "od_sammanfattning",
		[LATE_ANY] = "od_alla",
	};
	int od_set = fv[LF_OVERDUE].ok && fv[LF_OVERDUE].present;
	/* With the overdue filter the status is every one unless chosen. */
	long long st = fv[LF_STATUS].ok && fv[LF_STATUS].present
	    ? fv[LF_STATUS].i
	    : od_set ? LIST_ALL
	             : PARTICIPATION_INSKRIVEN;
	int g_set = fv[LF_GENDER].ok && fv[LF_GENDER].present;
	enum app_err e;

	for (int i = 0; i <= LIST_ALL; i++)
		if ((e = view_ctx_set_bool(ctx, st_keys[i], st == i)) != APP_OK)
			return e;
	for (int g = 0; g < GENDER__MAX; g++)
		if ((e = view_ctx_set_bool(ctx, g_keys[g],
		         g_set && fv[LF_GENDER].i == g)) != APP_OK)
			return e;
	for (int k = 0; k <= LATE_ANY; k++)
		if ((e = view_ctx_set_bool(ctx, od_keys[k],
		         od_set && fv[LF_OVERDUE].i == k)) != APP_OK)
			return e;
	return APP_OK;
}

/* The list's filter as a query string for the page and sort links, from
 * the validated values only (numbers and fixed names). Arena. */
static enum app_err
list_filter_query(struct req *r, const struct participation_filter *flt,
    const struct field_val *fv, struct str *out)
{
	struct buf b;
	enum app_err e = APP_OK;

	buf_init(&b, r->a);
	if (flt->insats_id)
		e = buf_printf(&b, "insats=%lld&", flt->insats_id);
	if (e == APP_OK && fv[LF_STATUS].ok && fv[LF_STATUS].present)
		e = buf_printf(
		    &b, "status=%s&", list_status_choices[fv[LF_STATUS].i]);
	if (e == APP_OK && flt->contact_id)
		e = buf_printf(&b, "kontakt=%lld&", flt->contact_id);
	if (e == APP_OK && flt->gender.len)
		e = buf_printf(
		    &b, "kon=%.*s&", (int)flt->gender.len, flt->gender.p);
	if (e == APP_OK && fv[LF_OVERDUE].ok && fv[LF_OVERDUE].present)
		e = buf_printf(
		    &b, "forsenad=%s&", list_late_choices[fv[LF_OVERDUE].i]);
	if (e != APP_OK)
		return e;
	/* Without the last '&'. */
	*out = b.len ? (struct str){ b.p, b.len - 1 } : STR_LIT("");
	return APP_OK;
}

enum app_err
page_participants(struct req *r)
{
	struct field_val fv[LF__MAX];
	struct participation_filter flt = { .staff_id = r->user->id };
	struct participant_list_option *ins, *staff;
	struct participant_list_key key;
	struct participation_row *rows;
	struct view_ctx *ctx = view_ctx_new(r->a);
	size_t nins, nstaff, nmine, n, nerr = 0;
	long long *mine, after = paging_after_from_query(r);
	int known;
	struct buf detail;
	struct paging pg;
	struct str fq;
	long long total;
	int more, next;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	/* A bad page or sort is the first page in the default order. */
	paging_from_query(r, participation_sorts, PARTICIPATION_SORT__MAX,
	    PARTICIPATION_SORT_NAME, &pg);
	if ((e = page_form_limits(r, ctx, search_spec, SF__MAX)) != APP_OK ||
	    (e = participant_list_options(r, r->user->id, after,
	         paging_order(&pg), &ins, &nins, &staff, &nstaff, &mine, &nmine,
	         &key)) != APP_OK ||
	    (e = form_validate(
	         r->a, &r->query, list_spec, LF__MAX, fv, &nerr)) != APP_OK)
		return e;
	flt.insats_id = fv[LF_INSATS].ok ? fv[LF_INSATS].i : 0;
	flt.contact_id = fv[LF_CONTACT].ok ? fv[LF_CONTACT].i : 0;
	/* Only the caller's own insatser and colleagues can be chosen. */
	known = 0;
	for (size_t i = 0; i < nins; i++)
		known |= ins[i].id == flt.insats_id;
	if (flt.insats_id && !known) {
		fv[LF_INSATS].ok = 0;
		fv[LF_INSATS].error = MSG_PICK;
		nerr++;
	}
	known = 0;
	for (size_t i = 0; i < nstaff; i++)
		known |= staff[i].id == flt.contact_id;
	if (flt.contact_id && !known) {
		fv[LF_CONTACT].ok = 0;
		fv[LF_CONTACT].error = MSG_PICK;
		nerr++;
	}
	flt.overdue_kinds = list_late_kinds(&fv[LF_OVERDUE]);
	/* With the overdue filter the status is every one unless chosen. */
	flt.status = str_cstr(
	    participation_status_name(fv[LF_STATUS].ok && fv[LF_STATUS].present
	            ? (enum participation_status)fv[LF_STATUS].i
	            : flt.overdue_kinds ? PARTICIPATION_STATUS__MAX
	                                : PARTICIPATION_INSKRIVEN));
	flt.gender = fv[LF_GENDER].present
	    ? str_cstr(gender_name((enum gender)fv[LF_GENDER].i))
	    : STR_LIT("");
	if ((e = bind_options(ctx, "insatser", &participant_list_option_record,
	         option_map, BIND_N(option_map), ins, nins, "id",
	         list_id_str(r, flt.insats_id))) != APP_OK ||
	    (e = bind_options(ctx, "contacts", &participant_list_option_record,
	         option_map, BIND_N(option_map), staff, nstaff, "id",
	         list_id_str(r, flt.contact_id))) != APP_OK ||
	    (e = list_bind_filter(ctx, fv)) != APP_OK ||
	    /* The search form on the list starts empty. */
	    (e = view_ctx_set_str(ctx, "personnummer", STR_LIT(""))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "namn", STR_LIT(""))) != APP_OK)
		return e;
	if (nerr > 0) {
		static const char *const keys[LF__MAX] = { "insats_error",
			"status_error", "contact_error", "gender_error",
			"overdue_error" };
		for (size_t i = 0; i < LF__MAX; i++)
			if (!fv[i].ok &&
			    (e = page_form_error(ctx, keys[i], fv[i].error)) !=
			        APP_OK)
				return e;
		r->resp.status = 400;
		return page_render(r, "deltagare", "Deltagare", ctx);
	}
	/* A page after a row that is no longer one of the caller's (or
	 * no page after it) is the first. */
	if (key.id == 0)
		pg.page = 1;
	if ((e = participant_list_page(r, &flt, paging_order(&pg), &key, mine,
	         nmine, &rows, &n, &total, &more, &next)) != APP_OK)
		return e;
	/* Names are shown: one row for the list as such (no personnummer). */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail,
	         "participant list: %zu (page %lld, %s%lld in all)", n, pg.page,
	         more ? "over " : "", total)) != APP_OK ||
	    (e = audit_write(r, AUDIT_READ, "participation_list", -1,
	         STR_LIT(""), buf_str(&detail))) != APP_OK)
		return e;
	if ((e = list_filter_query(r, &flt, fv, &fq)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "count", total)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "listed", 1)) != APP_OK ||
	    (e = paging_bind_keyset(r, ctx, &pg, total, more, n,
	         next ? rows[n - 1].id : 0, "/deltagare", fq,
	         participation_sorts, PARTICIPATION_SORT__MAX)) != APP_OK ||
	    (e = list_bind_rows(ctx, rows, n)) != APP_OK)
		return e;
	return page_render(r, "deltagare", "Deltagare", ctx);
}

/* The hits as list "hits". */
static enum app_err
search_bind_hits(
    struct view_ctx *ctx, const struct participation_hit *hits, size_t n)
{
	enum app_err e;

	if ((e = view_ctx_set_int(ctx, "count", (long long)n)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "hits")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "hits");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &participation_hit_record, hit_map,
		         BIND_N(hit_map), &hits[i])) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "referral_status",
		         referral_status_inbox_label_of(
		             hits[i].referral_status))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "status",
		         participation_status_label_of(hits[i].status))) !=
		        APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
page_participants_search(struct req *r)
{
	struct field_val fv[SF__MAX];
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct participation_hit *hits;
	struct str digits;
	struct pnr pnr;
	struct buf detail;
	const char *msg = NULL, *name_msg = NULL;
	size_t n, nerr = 0;
	int y, m, d, by_name;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = form_validate(
	         r->a, &r->form, search_spec, SF__MAX, fv, &nerr)) != APP_OK ||
	    (e = page_form_limits(r, ctx, search_spec, SF__MAX)) != APP_OK)
		return e;
	/* A personnummer wins when both are given. */
	by_name = !fv[SF_PNR].present && fv[SF_NAME].present;
	date_today(&y, &m, &d);
	if (!fv[SF_PNR].present && !fv[SF_NAME].present)
		msg = MSG_SEARCH_EMPTY;
	else if (by_name && !fv[SF_NAME].ok)
		name_msg = fv[SF_NAME].error;
	else if (!by_name && !fv[SF_PNR].ok)
		msg = fv[SF_PNR].error;
	else if (!by_name)
		msg = pnr_parse(fv[SF_PNR].s, y, m, d, &pnr);
	if ((e = view_ctx_set_str(ctx, "personnummer", fv[SF_PNR].s)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "namn", fv[SF_NAME].s)) != APP_OK)
		return e;
	if (msg != NULL || name_msg != NULL) {
		if ((e = page_form_error(ctx, "pnr_error", msg)) != APP_OK ||
		    (e = page_form_error(ctx, "name_error", name_msg)) !=
		        APP_OK)
			return e;
		r->resp.status = 400;
		return page_render(r, "deltagare_sok", "Sök deltagare", ctx);
	}
	buf_init(&detail, r->a);
	if (by_name) {
		if ((e = participation_search_name(
		         r, r->user->id, fv[SF_NAME].s, &hits, &n)) != APP_OK)
			return e;
		/* Logged like the search by personnummer, hit or not, before
		 * any result is shown: what was searched for is the detail. */
		if ((e = buf_printf(&detail, "search by name '%.*s': %zu hits",
		         (int)fv[SF_NAME].s.len, fv[SF_NAME].s.p, n)) !=
		        APP_OK ||
		    (e = audit_write(r, AUDIT_SEARCH, "person", -1, STR_LIT(""),
		         buf_str(&detail))) != APP_OK)
			return e;
		if ((e = view_ctx_set_bool(ctx, "searched", 1)) != APP_OK ||
		    (e = view_ctx_set_bool(ctx, "by_name", 1)) != APP_OK ||
		    (e = view_ctx_set_bool(ctx, "more",
		         n > PARTICIPATION_NAME_HITS_MAX)) != APP_OK ||
		    (e = search_bind_hits(ctx, hits,
		         n > PARTICIPATION_NAME_HITS_MAX
		             ? PARTICIPATION_NAME_HITS_MAX
		             : n)) != APP_OK)
			return e;
		return page_render(r, "deltagare_sok", "Sök deltagare", ctx);
	}
	digits = (struct str){ pnr.digits, 12 };
	if ((e = participation_search(r, r->user->id, digits, &hits, &n)) !=
	    APP_OK)
		return e;
	/* The search itself is logged with the number searched for, hit or
	 * not, before any result is shown. */
	if ((e = buf_printf(&detail, "search by personnummer: %zu hits", n)) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_SEARCH, "person", -1, digits,
	         buf_str(&detail))) != APP_OK)
		return e;
	if ((e = view_ctx_set_bool(ctx, "searched", 1)) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "pnr_shown", part_pnr_show(r, digits))) != APP_OK ||
	    (e = search_bind_hits(ctx, hits, n)) != APP_OK)
		return e;
	return page_render(r, "deltagare_sok", "Sök deltagare", ctx);
}

static const struct form_def participation_list_forms[] = {
	{ "POST /deltagare/sok", "partials/deltag_search", search_spec,
	    SF__MAX },
};

const struct form_def *
page_participation_list_forms(size_t *n)
{
	*n = sizeof(participation_list_forms) /
	    sizeof(participation_list_forms[0]);
	return participation_list_forms;
}
