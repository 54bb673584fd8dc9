/* page_participation.c: the helpers of page_participation*.c and the
 * page's forms' field tables; see include/page_participation.h. (The inbox is in
 * page_participation_list.c.) */

#include "gender.h"
#include "arena.h"
#include "audit.h"
#include "bind.h"
#include "contact.h"
#include "db.h"
#include "page_participation.h"
#include "pages.h"
#include "participation.h"
#include "gallring.h"
#include "once.h"
#include "overdue.h"
#include "referral_decision.h"
#include "req.h"
#include "session.h"
#include "view.h"

/* ---- the forms' field tables (page_participation.h) ---- */

#define PLAN_ROW(n)                                                            \
	{ "aktivitet_" #n, FT_TEXT, 0, 200, 0, NULL },                         \
	{                                                                      \
		"timmar_" #n, FT_INT, 1, 40, 0, NULL                           \
	}
const struct field_spec part_plan_spec[2 * PLAN_ROWS] = { PLAN_ROW(1),
	PLAN_ROW(2), PLAN_ROW(3), PLAN_ROW(4), PLAN_ROW(5), PLAN_ROW(6),
	PLAN_ROW(7), PLAN_ROW(8), PLAN_ROW(9), PLAN_ROW(10), PLAN_ROW(11),
	PLAN_ROW(12), PLAN_ROW(13), PLAN_ROW(14), PLAN_ROW(15), PLAN_ROW(16),
	PLAN_ROW(17), PLAN_ROW(18), PLAN_ROW(19), PLAN_ROW(20), PLAN_ROW(21),
	PLAN_ROW(22), PLAN_ROW(23), PLAN_ROW(24), PLAN_ROW(25), PLAN_ROW(26),
	PLAN_ROW(27), PLAN_ROW(28), PLAN_ROW(29), PLAN_ROW(30), PLAN_ROW(31),
	PLAN_ROW(32), PLAN_ROW(33), PLAN_ROW(34), PLAN_ROW(35), PLAN_ROW(36),
	PLAN_ROW(37), PLAN_ROW(38), PLAN_ROW(39), PLAN_ROW(40) };
_Static_assert(
    PLAN_ROWS == 40 && PLAN_ROWS == PARTICIPATION_PLAN_MAX_ACTIVITIES,
    "part_plan_spec[] lists 40 rows, the most a plan holds");

const struct field_spec part_plan_rows_spec[PR__MAX] = {
	[PR_ROWS] = { "rader", FT_INT, 1, PLAN_ROWS, 0, NULL },
	[PR_ADD] = { "lagg_till", FT_BOOL, 0, 0, 0, NULL },
};

const struct field_spec part_version_spec[1] = {
	{ "version", FT_INT, 1, 4294967295LL, FF_REQUIRED, NULL },
};

const struct field_spec part_fl_spec[FL__MAX] = {
	[FL_END] = { "nytt_slut", FT_DATE, 20000101, 0, FF_REQUIRED, NULL },
	[FL_REASON] = { "orsak", FT_TEXT, 1, 500, FF_REQUIRED, NULL },
	[FL_KEY] = { ONCE_FIELD, FT_TEXT, 0, ONCE_KEY_LEN, 0, NULL },
};

const struct field_spec part_en_spec[EN__MAX] = {
	[EN_DATE] = { "slutdatum", FT_DATE, 20000101, 0, FF_REQUIRED, NULL },
	[EN_REASON] = { "avslutsorsak", FT_TEXT, 1, 32, FF_REQUIRED, NULL },
	[EN_OCC] = { "sysselsattning_efter", FT_TEXT, 0, 32, 0, NULL },
	[EN_INCOME] = { "forsorjning_efter", FT_TEXT, 0, 32, FF_MULTI, NULL },
};

/* ---- shared helpers (page_participation.h) ---- */

struct str
part_pnr_show(struct req *r, struct str d)
{
	char *p;

	if (gallring_pnr_is_standin(d))
		return STR_LIT(GALLRING_PNR_SHOWN);
	if (d.len != 12 || (p = arena_alloc(r->a, 14)) == NULL)
		return d;
	for (size_t i = 0, k = 0; i < 12; i++) {
		if (i == 8)
			p[k++] = '-';
		p[k++] = d.p[i];
	}
	p[13] = '\0';
	return (struct str){ p, 13 };
}

enum app_err
part_ctx_field(struct view_ctx *ctx, const char *val_key, const char *err_key,
    const struct field_val *fv)
{
	enum app_err e;

	if ((e = view_ctx_set_str(ctx, val_key, fv->s)) != APP_OK)
		return e;
	return fv->ok ? APP_OK : page_form_error(ctx, err_key, fv->error);
}

void
part_refuse(struct field_val *v, const char *msg)
{
	if (msg != NULL) {
		v->ok = 0;
		v->error = msg;
	}
}

size_t
part_count_errors(const struct field_val *v, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += !v[i].ok;
	return k;
}

/* 1 when code is one of set (n). */
static int
part_in(const struct str *set, size_t n, struct str code)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(set[i], code))
			return 1;
	return 0;
}

/* The entries of l that may be chosen: active, or one of keep. Arena. */
static enum app_err
part_offered(struct req *r, const struct code_choices *l,
    const struct str *keep, size_t nkeep, struct code_choice **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (l->n > 0 &&
	    (*out = arena_calloc(r->a, l->n, sizeof(**out))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].active || part_in(keep, nkeep, l->v[i].code))
			(*out)[(*n)++] = l->v[i];
	return APP_OK;
}

static const struct bind_key code_map[] = {
	{ "code", "code" },
	{ "label", "label" },
};

static const struct bind_key code_check_map[] = {
	{ "code", "code" },
	{ "label", "label" },
	{ "checked", "checked" },
};

enum app_err
part_code_options(struct req *r, struct view_ctx *ctx, const char *key,
    const struct code_choices *l, struct str keep, struct str selected)
{
	struct code_choice *opts;
	size_t n;
	enum app_err e;

	if ((e = part_offered(r, l, &keep, keep.len > 0, &opts, &n)) != APP_OK)
		return e;
	return bind_options(ctx, key, &code_row_record, code_map,
	    BIND_N(code_map), opts, n, "code", selected);
}

enum app_err
part_code_checks(struct req *r, struct view_ctx *ctx, const char *key,
    const struct code_choices *l, const struct str *keep, size_t nkeep,
    const struct str *set, size_t nset)
{
	struct code_choice *opts;
	size_t n;
	enum app_err e;

	if ((e = part_offered(r, l, keep, nkeep, &opts, &n)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++)
		opts[i].checked = part_in(set, nset, opts[i].code);
	return bind_list(ctx, key, &code_choice_record, code_check_map,
	    BIND_N(code_check_map), opts, n);
}

enum app_err
part_code_multi(struct req *r, const char *key, const struct code_choices *l,
    const struct str *keep, size_t nkeep, struct str **out, size_t *n, int *bad)
{
	struct str *codes;

	*n = 0;
	*bad = 0;
	if ((codes = arena_calloc(r->a, r->form.n + 1, sizeof(*codes))) == NULL)
		return APP_ENOMEM;
	for (size_t k = 0; k < r->form.n; k++) {
		struct str v = r->form.v[k].val;

		if (!str_eq_cstr(r->form.v[k].key, key) || v.len == 0)
			continue;
		if (code_choices_find(l, v, 1) == NULL &&
		    !part_in(keep, nkeep, v))
			*bad = 1;
		else if (!part_in(codes, *n, v))
			codes[(*n)++] = v;
	}
	*out = codes;
	return APP_OK;
}
