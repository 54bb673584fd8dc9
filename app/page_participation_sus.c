/* page_participation_sus.c: the SUS registration data on the
 * participation page (section "SUS-uppgifter"); see
 * include/page_participation.h. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "form_registry.h"
#include "history.h"
#include "page_participation.h"
#include "pages.h"
#include "req.h"
#include "sql_participation_sus.h"
#include "view.h"

#define MSG_CODE "Välj ett av alternativen i listan."
#define MSG_KEEP                                                               \
	"Uppgiften är sparad och kan inte tömmas här. Välj ett av "        \
	"alternativen."
#define MSG_KEEP_INCOME                                                         \
	"Försörjningen före är sparad och kan inte tömmas här. Kryssa i " \
	"minst en."
#define MSG_KEEP_KOMMUN                                                        \
	"Folkbokföringskommunen är sparad och kan inte tömmas här. Ange "  \
	"kommunen."

/* Columns of SQL_PSUS_GET. */
enum sg_col {
	SG_REF_ID,
	SG_REF_VERSION,
	SG_PERSON_ID,
	SG_PERSON_VERSION,
	SG_EDU,
	SG_SUPPORT,
	SG_OCC,
	SG_KOMMUN,
	SG_EDU_LABEL,
	SG_SUPPORT_LABEL,
	SG_OCC_LABEL,
	SG_MEASUREMENT,
	SG_STATUS,
	SG_M_EDU, /* the first of the missing flags */
	SG_M_INC_BEFORE,
	SG_M_OCC_BEFORE,
	SG_M_SUPPORT,
	SG_M_KOMMUN,
	SG_M_END_REASON,
	SG_M_OCC_AFTER,
	SG_M_INC_AFTER,
	SG__COUNT
};

static const struct field_spec sus_spec[PSUS__MAX] = {
	[PSUS_EDU] = { "utbildning", FT_TEXT, 0, 32, 0, NULL },
	[PSUS_SUPPORT] = { "tid_forsorjning", FT_TEXT, 0, 32, 0, NULL },
	[PSUS_OCC] = { "sysselsattning_fore", FT_TEXT, 0, 32, 0, NULL },
	[PSUS_KOMMUN] = { "folkbokforingskommun", FT_TEXT, 1, 100, 0, NULL },
	[PSUS_INCOME] = { "forsorjning_fore", FT_TEXT, 0, 32, FF_MULTI, NULL },
	[PSUS_REF_VERSION] = { "version_ansokan", FT_INT, 1, 4294967295LL,
	    FF_REQUIRED, NULL },
	[PSUS_PERSON_VERSION] = { "version_person", FT_INT, 1, 4294967295LL,
	    FF_REQUIRED, NULL },
};

/* The stored SUS data of one participation and the code lists. */
struct sus_stored {
	struct db_rows g;                         /* SQL_PSUS_GET, one row */
	struct db_rows inc;                       /* SQL_PSUS_INCOME */
	struct db_rows edu, support, occ, income; /* SUS_CODES */
};

static struct str
sg(const struct sus_stored *s, enum sg_col c)
{
	return db_cell(&s->g, 0, (size_t)c);
}

static int
sg_flag(const struct sus_stored *s, enum sg_col c)
{
	return str_to_ll(sg(s, c)) != 0;
}

static enum app_err
psus_exec(struct req *r, unsigned q, const struct db_param *p, size_t n,
    struct db_rows *out)
{
	return db_exec(r->db, r->a, DB_PARTICIPATION_SUS, q, p, n, out);
}

/* Everything stored, or APP_ENOTFOUND. */
static enum app_err
sus_load(struct req *r, long long id, struct sus_stored *s)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = psus_exec(r, SQL_PSUS_GET, p, 1, &s->g)) != APP_OK)
		return e;
	if (s->g.nrows != 1)
		return APP_ENOTFOUND;
	p[0] = DB_INT(str_to_ll(sg(s, SG_REF_ID)));
	if ((e = psus_exec(r, SQL_PSUS_INCOME, p, 1, &s->inc)) != APP_OK ||
	    (e = psus_exec(r, SQL_PSUS_CODES_EDUCATION, NULL, 0, &s->edu)) !=
	        APP_OK ||
	    (e = psus_exec(r, SQL_PSUS_CODES_SUPPORT, NULL, 0, &s->support)) !=
	        APP_OK ||
	    (e = psus_exec(r, SQL_PSUS_CODES_OCCUPATION, NULL, 0, &s->occ)) !=
	        APP_OK ||
	    (e = psus_exec(r, SQL_PSUS_CODES_INCOME, NULL, 0, &s->income)) !=
	        APP_OK)
		return e;
	return APP_OK;
}

/* 1 when the stored income codes include code. */
static int
sus_income_stored(const struct sus_stored *s, struct str code)
{
	return part_code_known(&s->inc, code);
}

/* 1 when code may be chosen from list: active, or the stored value. */
static int
sus_offered(const struct db_rows *list, struct str code, struct str stored)
{
	for (size_t i = 0; i < list->nrows; i++)
		if (str_eq(code, db_cell(list, i, 0)))
			return str_to_ll(db_cell(list, i, 2)) != 0 ||
			    str_eq(code, stored);
	return 0;
}

/* One select: the offered codes as list key of {code, label, selected}. */
static enum app_err
sus_options(struct view_ctx *ctx, const char *key, const struct db_rows *list,
    struct str stored, struct str selected)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, key)) != APP_OK)
		return e;
	for (size_t i = 0; i < list->nrows; i++) {
		struct str code = db_cell(list, i, 0);
		struct view_ctx *it;

		if (!str_to_ll(db_cell(list, i, 2)) && !str_eq(code, stored))
			continue;
		if ((it = view_ctx_list_add(ctx, key)) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "code", code)) != APP_OK ||
		    (e = view_ctx_set_str(it, "label", db_cell(list, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         selected.len > 0 && str_eq(selected, code))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* A code field: offered, and not emptied when stored. */
static void
sus_check_code(
    struct field_val *v, const struct db_rows *list, struct str stored)
{
	if (!v->ok)
		return;
	if (v->present && !sus_offered(list, v->s, stored)) {
		v->ok = 0;
		v->error = MSG_CODE;
	} else if (!v->present && stored.len > 0) {
		v->ok = 0;
		v->error = MSG_KEEP;
	}
}

enum app_err
part_sus_read(
    struct req *r, long long id, struct part_sus_form *f, size_t *nerr)
{
	struct sus_stored s;
	size_t n = 0;
	enum app_err e;

	memset(f, 0, sizeof(*f));
	*nerr = 0;
	if ((e = sus_load(r, id, &s)) != APP_OK ||
	    (e = form_validate(
	         r->a, &r->form, sus_spec, PSUS__MAX, f->v, &n)) != APP_OK)
		return e;
	sus_check_code(&f->v[PSUS_EDU], &s.edu, sg(&s, SG_EDU));
	sus_check_code(&f->v[PSUS_SUPPORT], &s.support, sg(&s, SG_SUPPORT));
	sus_check_code(&f->v[PSUS_OCC], &s.occ, sg(&s, SG_OCC));
	if (f->v[PSUS_KOMMUN].ok && !f->v[PSUS_KOMMUN].present &&
	    str_trim_blanks(sg(&s, SG_KOMMUN)).len > 0) {
		f->v[PSUS_KOMMUN].ok = 0;
		f->v[PSUS_KOMMUN].error = MSG_KEEP_KOMMUN;
	}
	f->form_bad =
	    !f->v[PSUS_REF_VERSION].ok || !f->v[PSUS_PERSON_VERSION].ok;
	/* Every ticked income code stays ticked; each must be offered. */
	if ((f->income = arena_calloc(
	         r->a, r->form.n + 1, sizeof(*f->income))) == NULL)
		return APP_ENOMEM;
	for (size_t k = 0; k < r->form.n; k++) {
		struct str v = r->form.v[k].val;
		int dup = 0, offered = 0;

		if (!str_eq_cstr(r->form.v[k].key, "forsorjning_fore") ||
		    v.len == 0)
			continue;
		for (size_t i = 0; i < s.income.nrows; i++)
			if (str_eq(v, db_cell(&s.income, i, 0)))
				offered = str_to_ll(db_cell(&s.income, i, 2)) ||
				    sus_income_stored(&s, v);
		if (!offered)
			f->income_error = MSG_CODE;
		for (size_t i = 0; i < f->nincome; i++)
			dup |= str_eq(f->income[i], v);
		if (!dup)
			f->income[f->nincome++] = v;
	}
	if (f->income_error == NULL && !f->v[PSUS_INCOME].ok)
		f->income_error = MSG_CODE;
	if (f->income_error == NULL && f->nincome == 0 && s.inc.nrows > 0)
		f->income_error = MSG_KEEP_INCOME;
	for (size_t i = 0; i < PSUS_INCOME; i++)
		*nerr += !f->v[i].ok;
	*nerr += (f->income_error != NULL) + (f->form_bad != 0);
	return APP_OK;
}

/* The income codes of list that are in set, comma-separated in code-list
 * order (the form of the "income" history field). Arena. */
static enum app_err
sus_income_text(struct req *r, const struct db_rows *list,
    const struct str *set, size_t nset, const struct db_rows *stored,
    struct str *out)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_puts(&b, "")) != APP_OK)
		return e;
	for (size_t i = 0; i < list->nrows; i++) {
		struct str code = db_cell(list, i, 0);
		int in = stored ? part_code_known(stored, code) : 0;

		for (size_t k = 0; set && k < nset; k++)
			in |= str_eq(set[k], code);
		if (!in)
			continue;
		if ((b.len > 0 && (e = buf_puts(&b, ",")) != APP_OK) ||
		    (e = buf_append(&b, code.p, code.len)) != APP_OK)
			return e;
	}
	*out = buf_str(&b);
	return APP_OK;
}

/* The stored values shown: label, value, missing, and a note when the
 * value is there but SUS cannot use it (a code without a SUS code). */
static enum app_err
sus_fact(struct view_ctx *ctx, const char *label, struct str value, int missing)
{
	struct view_ctx *it = view_ctx_list_add(ctx, "sus_facts");
	enum app_err e;

	if (it == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_cstr(it, "label", label)) != APP_OK ||
	    (e = view_ctx_set_str(it, "value", value)) != APP_OK ||
	    (e = view_ctx_set_bool(it, "missing", missing)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         it, "no_sus_code", missing && value.len > 0)) != APP_OK)
		return e;
	return APP_OK;
}

/* 1 when time a (ÅÅÅÅ-MM-DD HH:MM:SS) is not before b. */
static int
sus_later_or_same(struct str a, struct str b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	int c = memcmp(a.p, b.p, n);

	return c != 0 ? c > 0 : a.len >= b.len;
}

/* The SUS-relevant history of the referral and of the insats's record of
 * the person (under the participation), newest first. */
static enum app_err
sus_bind_history(
    struct req *r, struct view_ctx *ctx, const struct sus_stored *s)
{
	static const struct {
		enum history_record type;
		const char *field, *label;
	} fields[] = {
		{ HISTORY_REFERRAL, "education_code", "Utbildning" },
		{ HISTORY_REFERRAL, "income", "Försörjning före" },
		{ HISTORY_REFERRAL, "support_time_code",
		    "Tid i offentlig försörjning" },
		{ HISTORY_PARTICIPATION, "home_municipality",
		    "Folkbokföringskommun" },
	};
	struct db_rows h[2];
	enum app_err e;

	if ((e = history_list(r, HISTORY_REFERRAL, str_to_ll(sg(s, SG_REF_ID)),
	         &h[0])) != APP_OK ||
	    (e = history_list(r, HISTORY_PARTICIPATION,
	         str_to_ll(sg(s, SG_PERSON_ID)), &h[1])) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "sus_history")) != APP_OK)
		return e;
	/* Merge the two lists (each newest first) by time. */
	for (size_t i = 0, j = 0; i < h[0].nrows || j < h[1].nrows;) {
		int take0 = j >= h[1].nrows ||
		    (i < h[0].nrows &&
		        sus_later_or_same(
		            db_cell(&h[0], i, 0), db_cell(&h[1], j, 0)));
		const struct db_rows *src = take0 ? &h[0] : &h[1];
		size_t row = take0 ? i++ : j++;
		enum history_record type =
		    take0 ? HISTORY_REFERRAL : HISTORY_PARTICIPATION;
		const char *label = NULL;
		struct view_ctx *it;

		for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
			if (fields[k].type == type &&
			    str_eq_cstr(db_cell(src, row, 2), fields[k].field))
				label = fields[k].label;
		if (label == NULL)
			continue;
		if ((it = view_ctx_list_add(ctx, "sus_history")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "at", db_cell(src, row, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "who", db_cell(src, row, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "field", label)) != APP_OK ||
		    (e = view_ctx_set_str(it, "old", db_cell(src, row, 3))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "new", db_cell(src, row, 4))) !=
		        APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
part_sus_bind(struct req *r, struct view_ctx *ctx, long long id,
    const struct part_sus_form *f)
{
	static const char *const names[] = { "utbildning", "försörjning före",
		"sysselsättning före", "tid i offentlig försörjning",
		"folkbokföringskommun", "avslutsorsak", "sysselsättning efter",
		"försörjning efter" };
	struct sus_stored s;
	struct buf miss, inc_labels;
	int ended, editable;
	enum app_err e;

	if ((e = sus_load(r, id, &s)) != APP_OK ||
	    (e = page_form_limits(r, ctx, sus_spec, PSUS__MAX)) != APP_OK)
		return e;
	ended = str_eq_cstr(sg(&s, SG_STATUS), "avslutad");
	editable = !str_eq_cstr(sg(&s, SG_STATUS), "felregistrerad");
	buf_init(&miss, r->a);
	buf_init(&inc_labels, r->a);
	if ((e = buf_puts(&miss, "")) != APP_OK ||
	    (e = buf_puts(&inc_labels, "")) != APP_OK)
		return e;
	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (!sg_flag(&s, (enum sg_col)(SG_M_EDU + k)))
			continue;
		if ((miss.len > 0 && (e = buf_puts(&miss, ", ")) != APP_OK) ||
		    (e = buf_puts(&miss, names[k])) != APP_OK)
			return e;
	}
	for (size_t i = 0; i < s.inc.nrows; i++) {
		struct str l = db_cell(&s.inc, i, 1);
		if ((i > 0 && (e = buf_puts(&inc_labels, ", ")) != APP_OK) ||
		    (e = buf_append(&inc_labels, l.p, l.len)) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_list(ctx, "sus_facts")) != APP_OK ||
	    (e = sus_fact(ctx, "Utbildning", sg(&s, SG_EDU_LABEL),
	         sg_flag(&s, SG_M_EDU))) != APP_OK ||
	    (e = sus_fact(ctx, "Försörjning före", buf_str(&inc_labels),
	         sg_flag(&s, SG_M_INC_BEFORE))) != APP_OK ||
	    (e = sus_fact(ctx, "Sysselsättning före", sg(&s, SG_OCC_LABEL),
	         sg_flag(&s, SG_M_OCC_BEFORE))) != APP_OK ||
	    (e = sus_fact(ctx, "Tid i offentlig försörjning",
	         sg(&s, SG_SUPPORT_LABEL), sg_flag(&s, SG_M_SUPPORT))) !=
	        APP_OK ||
	    (e = sus_fact(ctx, "Folkbokföringskommun",
	         str_trim_blanks(sg(&s, SG_KOMMUN)),
	         sg_flag(&s, SG_M_KOMMUN))) != APP_OK)
		return e;
	if ((e = view_ctx_set_bool(ctx, "sus_complete", miss.len == 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "sus_missing", buf_str(&miss))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_end_missing",
	         ended &&
	             (sg_flag(&s, SG_M_END_REASON) ||
	                 sg_flag(&s, SG_M_OCC_AFTER) ||
	                 sg_flag(&s, SG_M_INC_AFTER)))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_anonymous",
	         !str_eq_cstr(sg(&s, SG_MEASUREMENT), "personuppgifter"))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_editable", editable)) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "sus_ref_version", sg(&s, SG_REF_VERSION))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "sus_person_version",
	         sg(&s, SG_PERSON_VERSION))) != APP_OK ||
	    (e = sus_bind_history(r, ctx, &s)) != APP_OK)
		return e;
	if (!editable)
		return APP_OK;
	/* The form: typed values after a refused save, else stored. */
	if ((e = sus_options(ctx, "sus_edus", &s.edu, sg(&s, SG_EDU),
	         f ? f->v[PSUS_EDU].s : sg(&s, SG_EDU))) != APP_OK ||
	    (e = sus_options(ctx, "sus_supports", &s.support,
	         sg(&s, SG_SUPPORT),
	         f ? f->v[PSUS_SUPPORT].s : sg(&s, SG_SUPPORT))) != APP_OK ||
	    (e = sus_options(ctx, "sus_occs", &s.occ, sg(&s, SG_OCC),
	         f ? f->v[PSUS_OCC].s : sg(&s, SG_OCC))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "sus_kommun",
	         f ? f->v[PSUS_KOMMUN].s
	           : str_trim_blanks(sg(&s, SG_KOMMUN)))) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "sus_incomes")) != APP_OK)
		return e;
	for (size_t i = 0; i < s.income.nrows; i++) {
		struct str code = db_cell(&s.income, i, 0);
		int stored = sus_income_stored(&s, code), checked = 0;
		struct view_ctx *it;

		if (!str_to_ll(db_cell(&s.income, i, 2)) && !stored)
			continue;
		if (f != NULL)
			for (size_t k = 0; k < f->nincome; k++)
				checked |= str_eq(f->income[k], code);
		else
			checked = stored;
		if ((it = view_ctx_list_add(ctx, "sus_incomes")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "code", code)) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "label", db_cell(&s.income, i, 1))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "checked", checked)) != APP_OK)
			return e;
	}
	if (f == NULL)
		return APP_OK;
	if ((!f->v[PSUS_EDU].ok &&
	        (e = page_form_error(
	             ctx, "sus_edu_error", f->v[PSUS_EDU].error)) != APP_OK) ||
	    (!f->v[PSUS_SUPPORT].ok &&
	        (e = page_form_error(ctx, "sus_support_error",
	             f->v[PSUS_SUPPORT].error)) != APP_OK) ||
	    (!f->v[PSUS_OCC].ok &&
	        (e = page_form_error(
	             ctx, "sus_occ_error", f->v[PSUS_OCC].error)) != APP_OK) ||
	    (!f->v[PSUS_KOMMUN].ok &&
	        (e = page_form_error(ctx, "sus_kommun_error",
	             f->v[PSUS_KOMMUN].error)) != APP_OK) ||
	    (e = page_form_error(ctx, "sus_income_error", f->income_error)) !=
	        APP_OK)
		return e;
	return APP_OK;
}

/* After an UPDATE: exactly one row, else *stale. */
static enum app_err
sus_one_row(struct req *r, int *stale)
{
	long long n = 0;
	enum app_err e;

	if ((e = part_row_count(r, &n)) != APP_OK)
		return e;
	if (n != 1)
		*stale = 1;
	return APP_OK;
}

/* The typed value, or the stored one when the field was left empty
 * (only possible when nothing is stored: part_sus_read refuses to empty a
 * stored value). */
static struct str
sus_new(const struct field_val *v, struct str stored)
{
	return v->present ? v->s : stored;
}

static struct db_param
sus_code_param(struct str code)
{
	return code.len ? DB_STR(code) : DB_NULL;
}

enum app_err
part_sus_save(struct req *r, long long id, long long version,
    const struct part_sus_form *f, int *stale, int *changed)
{
	struct db_param p[4] = { DB_INT(id) };
	struct db_rows lock, plock;
	struct sus_stored s;
	struct str edu, sup, occ, kommun, old_inc, new_inc;
	long long ref_id, ref_version, person_id, person_version;
	enum app_err e;

	*stale = 0;
	*changed = 0;
	/* Locks first: the reads below then see the latest rows. */
	if ((e = psus_exec(r, SQL_PSUS_REFERRAL_LOCK, p, 1, &lock)) != APP_OK)
		return e;
	if (lock.nrows != 1)
		return APP_ENOTFOUND;
	ref_id = str_to_ll(db_cell(&lock, 0, 0));
	ref_version = str_to_ll(db_cell(&lock, 0, 1));
	person_id = str_to_ll(db_cell(&lock, 0, 2));
	p[0] = DB_INT(person_id);
	if ((e = psus_exec(r, SQL_PSUS_PERSON_LOCK, p, 1, &plock)) != APP_OK)
		return e;
	if (plock.nrows != 1)
		return APP_ENOTFOUND;
	person_version = str_to_ll(db_cell(&plock, 0, 0));
	if (ref_version != f->v[PSUS_REF_VERSION].i ||
	    person_version != f->v[PSUS_PERSON_VERSION].i) {
		*stale = 1;
		return APP_OK;
	}
	if ((e = sus_load(r, id, &s)) != APP_OK)
		return e;
	edu = sus_new(&f->v[PSUS_EDU], sg(&s, SG_EDU));
	sup = sus_new(&f->v[PSUS_SUPPORT], sg(&s, SG_SUPPORT));
	occ = sus_new(&f->v[PSUS_OCC], sg(&s, SG_OCC));
	kommun = sus_new(&f->v[PSUS_KOMMUN], sg(&s, SG_KOMMUN));
	if ((e = sus_income_text(r, &s.income, NULL, 0, &s.inc, &old_inc)) !=
	        APP_OK ||
	    (e = sus_income_text(r, &s.income, f->income, f->nincome,
	         f->nincome ? NULL : &s.inc, &new_inc)) != APP_OK)
		return e;

	/* The referral: education, support time, income before. */
	if (!str_eq(edu, sg(&s, SG_EDU)) || !str_eq(sup, sg(&s, SG_SUPPORT)) ||
	    !str_eq(old_inc, new_inc)) {
		p[0] = sus_code_param(edu);
		p[1] = sus_code_param(sup);
		p[2] = DB_INT(ref_id);
		p[3] = DB_INT(ref_version);
		if ((e = psus_exec(r, SQL_PSUS_SET_REFERRAL, p, 4, NULL)) !=
		        APP_OK ||
		    (e = sus_one_row(r, stale)) != APP_OK || *stale)
			return e;
		if ((e = history_field(r, HISTORY_REFERRAL, ref_id,
		         "education_code", sg(&s, SG_EDU), edu)) != APP_OK ||
		    (e = history_field(r, HISTORY_REFERRAL, ref_id,
		         "support_time_code", sg(&s, SG_SUPPORT), sup)) !=
		        APP_OK)
			return e;
		*changed = 1;
	}
	if (!str_eq(old_inc, new_inc)) {
		p[0] = DB_INT(ref_id);
		if ((e = psus_exec(r, SQL_PSUS_INCOME_DELETE, p, 1, NULL)) !=
		    APP_OK)
			return e;
		for (size_t i = 0; i < s.income.nrows; i++) {
			struct str code = db_cell(&s.income, i, 0);
			int in = 0;
			for (size_t k = 0; k < f->nincome; k++)
				in |= str_eq(f->income[k], code);
			if (!in)
				continue;
			p[1] = DB_STR(code);
			if ((e = psus_exec(r, SQL_PSUS_INCOME_INSERT, p, 2,
			         NULL)) != APP_OK)
				return e;
		}
		if ((e = history_field(r, HISTORY_REFERRAL, ref_id, "income",
		         old_inc, new_inc)) != APP_OK)
			return e;
	}
	/* The insats's record of the person: folkbokföringskommun. */
	if (!str_eq(kommun, sg(&s, SG_KOMMUN))) {
		p[0] = DB_STR(kommun);
		p[1] = DB_INT(person_id);
		p[2] = DB_INT(person_version);
		if ((e = psus_exec(r, SQL_PSUS_SET_PERSON, p, 3, NULL)) !=
		        APP_OK ||
		    (e = sus_one_row(r, stale)) != APP_OK || *stale ||
		    (e = history_field(r, HISTORY_PARTICIPATION, person_id,
		         "home_municipality", sg(&s, SG_KOMMUN), kommun)) !=
		        APP_OK)
			return e;
		*changed = 1;
	}
	/* The participation: occupation before. */
	if (!str_eq(occ, sg(&s, SG_OCC))) {
		p[0] = sus_code_param(occ);
		p[1] = DB_INT(id);
		p[2] = DB_INT(version);
		if ((e = psus_exec(r, SQL_PSUS_SET_OCCUPATION, p, 3, NULL)) !=
		        APP_OK ||
		    (e = sus_one_row(r, stale)) != APP_OK || *stale ||
		    (e = history_field(r, HISTORY_PARTICIPATION, id,
		         "occupation_before_code", sg(&s, SG_OCC), occ)) !=
		        APP_OK)
			return e;
		*changed = 1;
	}
	return APP_OK;
}

static const struct form_def participation_sus_forms[] = {
	{ "POST /deltagande/:id/sus-uppgifter", "deltagande", sus_spec,
	    PSUS__MAX },
};

const struct form_def *
page_participation_sus_forms(size_t *n)
{
	*n = sizeof(participation_sus_forms) /
	    sizeof(participation_sus_forms[0]);
	return participation_sus_forms;
}
