/* overdue.c: what is overdue in a participation; see include/overdue.h. */
#include <string.h>

#include "audit.h"
#include "bind.h"
#include "date.h"
#include "db.h"
#include "overdue.h"
#include "participation.h"
#include "req.h"
#include "session.h"
#include "sql_overdue.h"
#include "view.h"

/* ---- the kinds ---- */

static const char *const kind_names[OVERDUE__MAX] = {
	[OVERDUE_END] = "slut",
	[OVERDUE_MIDTERM] = "mitt",
	[OVERDUE_SUMMARY] = "sammanfattning",
};

static const char *const kind_labels[OVERDUE__MAX] = {
	[OVERDUE_END] = "Planerat slut har passerat",
	[OVERDUE_MIDTERM] = "Mittuppföljning saknas",
	[OVERDUE_SUMMARY] = "Sammanfattning försenad",
};

static const char *const kind_headings[OVERDUE__MAX] = {
	[OVERDUE_END] = "Planerat slut har passerat",
	[OVERDUE_MIDTERM] = "Ingen mittuppföljning vid halva tiden",
	[OVERDUE_SUMMARY] = "Sammanfattningar som inte skickats i tid",
};

/* What to do about each kind, under its heading. */
static const char *const kind_hints[OVERDUE__MAX] = {
	[OVERDUE_END] = "Deltagaren är fortfarande inskriven fast det "
	                "planerade slutet har passerat. Registrera avslutet "
	                "eller förläng deltagandet.",
	[OVERDUE_MIDTERM] = "Halva tiden mellan start och planerat slut har "
	                    "gått utan att en mittuppföljning har hållits.",
	[OVERDUE_SUMMARY] = "Den sammanfattande dokumentationen till "
	                    "remittenten skulle ha skickats senast det datum "
	                    "som står.",
};

/* The date column's heading per kind. */
static const char *const kind_due_labels[OVERDUE__MAX] = {
	[OVERDUE_END] = "Planerat slut",
	[OVERDUE_MIDTERM] = "Halva tiden",
	[OVERDUE_SUMMARY] = "Senast",
};

const char *
overdue_kind_name(enum overdue_kind k)
{
	return (unsigned)k < OVERDUE__MAX ? kind_names[k] : NULL;
}

enum overdue_kind
overdue_kind_from_name(struct str name)
{
	for (int k = 0; k < OVERDUE__MAX; k++)
		if (str_eq_cstr(name, kind_names[k]))
			return (enum overdue_kind)k;
	return OVERDUE__MAX;
}

const char *
overdue_kind_label(enum overdue_kind k)
{
	return (unsigned)k < OVERDUE__MAX ? kind_labels[k] : "";
}

const char *
overdue_kind_heading(enum overdue_kind k)
{
	return (unsigned)k < OVERDUE__MAX ? kind_headings[k] : "";
}

/* ---- the rule ---- */

/* 1 when status is the quoted name q ("'inskriven'"). */
static int
overdue_state_is(struct str status, const char *q)
{
	size_t n = strlen(q);

	return n >= 2 && status.len == n - 2 &&
	    memcmp(status.p, q + 1, n - 2) == 0;
}

static long
overdue_days(long long ymd)
{
	return date_days(
	    (int)(ymd / 10000), (int)(ymd / 100 % 100), (int)(ymd % 100));
}

long long
overdue_halfway(long long start, long long planned_end)
{
	long span;

	if (start <= 0 || planned_end <= 0 || planned_end < start)
		return 0;
	span = overdue_days(planned_end) - overdue_days(start);
	return participation_add_days(start, span / OVERDUE_HALFWAY_DIVISOR);
}

void
overdue_tally_window(long long today, struct overdue_tally_window *w)
{
	long long y = today / 10000, m = today / 100 % 100;
	long long first = today / 100 * 100 + 1;
	long long next = m == 12 ? (y + 1) * 10000 + 101 : first + 100;

	if (today % 100 <= 15) {
		w->month_from = first;
		w->day_from = first;
		w->day_to = today;
		w->day_sign = 1;
	} else {
		w->month_from = next;
		w->day_from = today;
		w->day_to = next;
		w->day_sign = -1;
	}
}

long long
overdue_due(enum overdue_kind k, const struct overdue_facts *f)
{
	switch (k) {
	case OVERDUE_END: return f->planned_end;
	case OVERDUE_MIDTERM: return overdue_halfway(f->start, f->planned_end);
	case OVERDUE_SUMMARY: return f->summary_due;
	case OVERDUE__MAX: break;
	}
	return 0;
}

int
overdue_is(enum overdue_kind k, const struct overdue_facts *f, long long today)
{
	long long due = overdue_due(k, f);

	if (due <= 0 || !(due < today))
		return 0;
	switch (k) {
	case OVERDUE_END:
		return overdue_state_is(f->status, OVERDUE_ENROLLED_STATE);
	case OVERDUE_MIDTERM:
		return overdue_state_is(f->status, OVERDUE_ENROLLED_STATE) &&
		    f->midterms == 0;
	case OVERDUE_SUMMARY:
		return overdue_state_is(f->status, OVERDUE_ENDED_STATE) &&
		    !f->summary_sent;
	case OVERDUE__MAX: break;
	}
	return 0;
}

unsigned
overdue_mask(const struct overdue_facts *f, long long today)
{
	unsigned m = 0;

	for (int k = 0; k < OVERDUE__MAX; k++)
		if (overdue_is((enum overdue_kind)k, f, today))
			m |= OVERDUE_BIT(k);
	return m;
}

/* ---- the lists ---- */

enum app_err
overdue_short_lists(struct req *r, long long staff_id,
    struct overdue_row **rows, size_t *n, long long counts[OVERDUE__MAX])
{
	struct str today = participation_ymd_str(r->a, participation_today());
	struct db_param p[OVERDUE__MAX * 2];
	void *out;
	enum app_err e;

	for (int k = 0; k < OVERDUE__MAX; k++) {
		p[2 * k] = DB_INT(staff_id);
		p[2 * k + 1] = DB_STR(today);
		counts[k] = 0;
	}
	*rows = NULL;
	if ((e = db_load(r->db, r->a, DB_OVERDUE, SQL_OVERDUE_SHORT, p,
	         OVERDUE__MAX * 2, &out, n)) != APP_OK)
		return e;
	*rows = out;
	for (size_t i = 0; i < *n; i++) {
		long long k = (*rows)[i].kind;

		if (k < 0 || k >= OVERDUE__MAX)
			return APP_EDB;
		counts[k] = (*rows)[i].total;
	}
	return APP_OK;
}

static const struct bind_key row_map[] = {
	{ "id", "id" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "insats", "insats" },
	{ "due_date", "due_date" },
};

/* Kind k's entry of list "overdue_kinds". */
static enum app_err
overdue_bind_kind(struct view_ctx *ctx, enum overdue_kind k,
    const struct overdue_row *rows, size_t n, long long count, int counts_only)
{
	struct view_ctx *it = view_ctx_list_add(ctx, "overdue_kinds");
	size_t shown = 0;
	enum app_err e;

	if (it == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_cstr(it, "name", kind_names[k])) != APP_OK ||
	    (e = view_ctx_set_cstr(it, "heading", kind_headings[k])) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(it, "hint", kind_hints[k])) != APP_OK ||
	    (e = view_ctx_set_cstr(it, "due_label", kind_due_labels[k])) !=
	        APP_OK ||
	    (e = view_ctx_set_int(it, "count", count)) != APP_OK ||
	    (e = view_ctx_set_bool(it, "with_rows", !counts_only)) != APP_OK ||
	    (e = view_ctx_set_list(it, "rows")) != APP_OK)
		return e;
	for (size_t i = 0; !counts_only && i < n; i++) {
		struct view_ctx *row;

		if (rows[i].kind != k)
			continue;
		if ((row = view_ctx_list_add(it, "rows")) == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(row, &overdue_row_record, row_map,
		         BIND_N(row_map), &rows[i])) != APP_OK)
			return e;
		shown++;
	}
	return view_ctx_set_bool(it, "more", (long long)shown < count);
}

enum app_err
overdue_bind(struct req *r, struct view_ctx *ctx, int counts_only)
{
	struct overdue_row *rows;
	long long counts[OVERDUE__MAX], total = 0;
	struct buf detail;
	size_t n;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "overdue_kinds")) != APP_OK)
		return e;
	if (r->user == NULL ||
	    !(r->user->roles & ROLE_BIT(ROLE_INSATSPERSONAL)))
		return view_ctx_set_int(ctx, "overdue_total", 0);
	if ((e = overdue_short_lists(r, r->user->id, &rows, &n, counts)) !=
	    APP_OK)
		return e;
	for (int k = 0; k < OVERDUE__MAX; k++) {
		total += counts[k];
		if (counts[k] > 0 &&
		    (e = overdue_bind_kind(ctx, (enum overdue_kind)k, rows, n,
		         counts[k], counts_only)) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_int(ctx, "overdue_total", total)) != APP_OK)
		return e;
	if (counts_only || n == 0)
		return APP_OK;
	/* Names of participants are shown: one row for the lists. */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "overdue: %zu", n)) != APP_OK)
		return e;
	return audit_write(r, AUDIT_READ, "participation_list", -1, STR_LIT(""),
	    buf_str(&detail));
}
