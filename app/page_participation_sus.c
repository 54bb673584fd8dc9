/* page_participation_sus.c: the SUS registration data on the
 * participation page (section "SUS-uppgifter"): its form and its binding;
 * see include/page_participation.h. The save is participation_save_sus()
 * (participation_edit.c). */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "form_registry.h"
#include "history.h"
#include "page_participation.h"
#include "pages.h"
#include "participation.h"
#include "req.h"
#include "view.h"

#define MSG_KEEP                                                               \
	"Uppgiften är sparad och kan inte tömmas här. Välj ett av "        \
	"alternativen."
#define MSG_KEEP_INCOME                                                         \
	"Försörjningen före är sparad och kan inte tömmas här. Kryssa i " \
	"minst en."
#define MSG_KEEP_KOMMUN                                                        \
	"Folkbokföringskommunen är sparad och kan inte tömmas här. Ange "  \
	"kommunen."

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

/* The codes of incomes (n) as an arena array. */
static enum app_err
sus_codes(struct req *r, const struct participation_income *incomes, size_t n,
    struct str **out)
{
	*out = NULL;
	if (n > 0 && (*out = arena_calloc(r->a, n, sizeof(**out))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < n; i++)
		(*out)[i] = incomes[i].code;
	return APP_OK;
}

/* A code field: offered (active, or the stored one), and not emptied
 * when stored. */
static void
sus_check_code(
    struct field_val *v, const struct code_choices *l, struct str stored)
{
	const struct code_choice *c;

	if (!v->ok)
		return;
	if (v->present &&
	    ((c = code_choices_find(l, v->s, 0)) == NULL ||
	        !(c->active || str_eq(v->s, stored)))) {
		v->ok = 0;
		v->error = PART_CODE_MSG;
	} else if (!v->present && stored.len > 0) {
		v->ok = 0;
		v->error = MSG_KEEP;
	}
}

enum app_err
part_sus_read(struct req *r, const struct participation *p,
    struct part_sus_form *f, size_t *nerr)
{
	struct code_choices codes[PCODES__MAX];
	struct participation_income *before, *after;
	struct str *stored;
	size_t n = 0, nbefore, nafter;
	int bad = 0;
	enum app_err e;

	memset(f, 0, sizeof(*f));
	*nerr = 0;
	if ((e = participation_codes_load(r, codes)) != APP_OK ||
	    (e = participation_incomes_load(
	         r, p, &before, &nbefore, &after, &nafter)) != APP_OK ||
	    (e = sus_codes(r, before, nbefore, &stored)) != APP_OK ||
	    (e = form_validate(
	         r->a, &r->form, sus_spec, PSUS__MAX, f->v, &n)) != APP_OK)
		return e;
	sus_check_code(&f->v[PSUS_EDU], &codes[PCODES_EDUCATION], p->edu_code);
	sus_check_code(
	    &f->v[PSUS_SUPPORT], &codes[PCODES_SUPPORT], p->support_code);
	sus_check_code(
	    &f->v[PSUS_OCC], &codes[PCODES_OCCUPATION], p->occ_before_code);
	if (f->v[PSUS_KOMMUN].ok && !f->v[PSUS_KOMMUN].present &&
	    str_trim_blanks(p->person.municipality).len > 0) {
		f->v[PSUS_KOMMUN].ok = 0;
		f->v[PSUS_KOMMUN].error = MSG_KEEP_KOMMUN;
	}
	f->form_bad =
	    !f->v[PSUS_REF_VERSION].ok || !f->v[PSUS_PERSON_VERSION].ok;
	/* Every ticked income code stays ticked; each must be offered. */
	if ((e = part_code_multi(r, "forsorjning_fore", &codes[PCODES_INCOME],
	         stored, nbefore, &f->income, &f->nincome, &bad)) != APP_OK)
		return e;
	if (bad || !f->v[PSUS_INCOME].ok)
		f->income_error = PART_CODE_MSG;
	else if (f->nincome == 0 && nbefore > 0)
		f->income_error = MSG_KEEP_INCOME;
	for (size_t i = 0; i < PSUS_INCOME; i++)
		*nerr += !f->v[i].ok;
	*nerr += (f->income_error != NULL) + (f->form_bad != 0);
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
sus_bind_history(struct view_ctx *ctx, const struct participation_page *pg)
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
	const struct participation_history *h0 = pg->referral_history,
	                                   *h1 = pg->history;
	size_t n0 = pg->nreferral_history, n1 = pg->nhistory;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "sus_history")) != APP_OK)
		return e;
	/* Merge the two lists (each newest first) by time. */
	for (size_t i = 0, j = 0; i < n0 || j < n1;) {
		int take0 = j >= n1 ||
		    (i < n0 && sus_later_or_same(h0[i].at, h1[j].at));
		const struct participation_history *h =
		    take0 ? &h0[i++] : &h1[j++];
		enum history_record type =
		    take0 ? HISTORY_REFERRAL : HISTORY_PARTICIPATION;
		const char *label = NULL;
		struct view_ctx *it;

		for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
			if (fields[k].type == type &&
			    str_eq_cstr(h->field, fields[k].field))
				label = fields[k].label;
		if (label == NULL)
			continue;
		if ((it = view_ctx_list_add(ctx, "sus_history")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "at", h->at)) != APP_OK ||
		    (e = view_ctx_set_str(it, "who", h->who)) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "field", label)) != APP_OK ||
		    (e = view_ctx_set_str(it, "old", h->old_value)) != APP_OK ||
		    (e = view_ctx_set_str(it, "new", h->new_value)) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* What SUS finds missing, as a list of names ("utbildning, ..."). */
static enum app_err
sus_missing(struct req *r, const struct participation *p, struct str *out)
{
	const struct {
		int missing;
		const char *name;
	} m[] = {
		{ p->miss_edu, "utbildning" },
		{ p->miss_income_before, "försörjning före" },
		{ p->miss_occ_before, "sysselsättning före" },
		{ p->miss_support, "tid i offentlig försörjning" },
		{ p->miss_kommun, "folkbokföringskommun" },
		{ p->miss_end_reason, "avslutsorsak" },
		{ p->miss_occ_after, "sysselsättning efter" },
		{ p->miss_income_after, "försörjning efter" },
	};
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_puts(&b, "")) != APP_OK)
		return e;
	for (size_t k = 0; k < sizeof(m) / sizeof(m[0]); k++)
		if (m[k].missing &&
		    ((b.len > 0 && (e = buf_puts(&b, ", ")) != APP_OK) ||
		        (e = buf_puts(&b, m[k].name)) != APP_OK))
			return e;
	*out = buf_str(&b);
	return APP_OK;
}

/* The stored facts: values, what is missing, the section's flags. */
static enum app_err
sus_bind_facts(struct req *r, struct view_ctx *ctx,
    const struct participation *p, const struct participation_page *pg)
{
	struct str miss;
	struct buf inc;
	enum app_err e;

	buf_init(&inc, r->a);
	if ((e = sus_missing(r, p, &miss)) != APP_OK ||
	    (e = buf_puts(&inc, "")) != APP_OK)
		return e;
	for (size_t i = 0; i < pg->nincome_before; i++) {
		struct str l = pg->income_before[i].label;
		if ((i > 0 && (e = buf_puts(&inc, ", ")) != APP_OK) ||
		    (e = buf_append(&inc, l.p, l.len)) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_list(ctx, "sus_facts")) != APP_OK ||
	    (e = sus_fact(ctx, "Utbildning", p->edu_label, p->miss_edu)) !=
	        APP_OK ||
	    (e = sus_fact(ctx, "Försörjning före", buf_str(&inc),
	         p->miss_income_before)) != APP_OK ||
	    (e = sus_fact(ctx, "Sysselsättning före", p->occ_before_label,
	         p->miss_occ_before)) != APP_OK ||
	    (e = sus_fact(ctx, "Tid i offentlig försörjning", p->support_label,
	         p->miss_support)) != APP_OK ||
	    (e = sus_fact(ctx, "Folkbokföringskommun",
	         str_trim_blanks(p->person.municipality), p->miss_kommun)) !=
	        APP_OK)
		return e;
	if ((e = view_ctx_set_str(ctx, "sus_missing", miss)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_complete", miss.len == 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_end_missing",
	         p->status == PARTICIPATION_AVSLUTAD &&
	             (p->miss_end_reason || p->miss_occ_after ||
	                 p->miss_income_after))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_anonymous",
	         participation_sus_anonymous(p))) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "sus_ref_version", p->ref_version)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(
	         ctx, "sus_person_version", p->person_version)) != APP_OK)
		return e;
	return APP_OK;
}

/* The field errors of a refused form. */
static enum app_err
sus_bind_errors(struct view_ctx *ctx, const struct part_sus_form *f)
{
	static const struct {
		enum part_sus_field field;
		const char *key;
	} keys[] = {
		{ PSUS_EDU, "sus_edu_error" },
		{ PSUS_SUPPORT, "sus_support_error" },
		{ PSUS_OCC, "sus_occ_error" },
		{ PSUS_KOMMUN, "sus_kommun_error" },
	};
	enum app_err e;

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!f->v[keys[i].field].ok &&
		    (e = page_form_error(ctx, keys[i].key,
		         f->v[keys[i].field].error)) != APP_OK)
			return e;
	return page_form_error(ctx, "sus_income_error", f->income_error);
}

enum app_err
part_sus_bind(struct req *r, struct view_ctx *ctx,
    const struct participation *p, const struct participation_page *pg,
    const struct part_sus_form *f)
{
	int editable = participation_refusal(p->status, 0, PCHANGE_SUS) == NULL;
	struct str *stored;
	enum app_err e;

	if ((e = page_form_limits(r, ctx, sus_spec, PSUS__MAX)) != APP_OK ||
	    (e = sus_bind_facts(r, ctx, p, pg)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_editable", editable)) != APP_OK ||
	    (e = sus_bind_history(ctx, pg)) != APP_OK)
		return e;
	if (!editable)
		return APP_OK;
	/* The form: typed values after a refused save, else stored. */
	if ((e = sus_codes(r, pg->income_before, pg->nincome_before,
	         &stored)) != APP_OK ||
	    (e = part_code_options(r, ctx, "sus_edus",
	         &pg->codes[PCODES_EDUCATION], p->edu_code,
	         f ? f->v[PSUS_EDU].s : p->edu_code)) != APP_OK ||
	    (e = part_code_options(r, ctx, "sus_supports",
	         &pg->codes[PCODES_SUPPORT], p->support_code,
	         f ? f->v[PSUS_SUPPORT].s : p->support_code)) != APP_OK ||
	    (e = part_code_options(r, ctx, "sus_occs",
	         &pg->codes[PCODES_OCCUPATION], p->occ_before_code,
	         f ? f->v[PSUS_OCC].s : p->occ_before_code)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "sus_kommun",
	         f ? f->v[PSUS_KOMMUN].s
	           : str_trim_blanks(p->person.municipality))) != APP_OK ||
	    (e = part_code_checks(r, ctx, "sus_incomes",
	         &pg->codes[PCODES_INCOME], stored, pg->nincome_before,
	         f ? f->income : stored,
	         f ? f->nincome : pg->nincome_before)) != APP_OK)
		return e;
	return f ? sus_bind_errors(ctx, f) : APP_OK;
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
