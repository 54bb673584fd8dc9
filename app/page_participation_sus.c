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
#include "participation_edit.h"
#include "req.h"
#include "sql_participation_sus.h"
#include "sus_complete.h"
#include "sus_xml.h"
#include "view.h"

#define MSG_KEEP                                                               \
	"Uppgiften är sparad och kan inte tömmas här. Välj ett av "        \
	"alternativen."
#define MSG_KEEP_INCOME                                                         \
	"Försörjningen före är sparad och kan inte tömmas här. Kryssa i " \
	"minst en."
#define MSG_KOMMUN     "Välj en kommun i listan."
#define MSG_AFTER_OPEN "Omfattningen efter anges när deltagandet är avslutat."
#define MSG_EXTENTS_BEFORE                                                      \
	"Omfattningen av försörjningen före kunde inte läsas: formuläret " \
	"hade inte ett tal per försörjning. Kontrollera talen och spara "     \
	"igen."
#define MSG_EXTENTS_AFTER                                                       \
	"Omfattningen av försörjningen efter kunde inte läsas: formuläret " \
	"hade inte ett tal per försörjning. Kontrollera talen och spara "     \
	"igen."
#define MSG_EXTENT_NO_INCOME                                                   \
	"Omfattningen hör till en försörjning som inte är sparad. Spara "  \
	"försörjningen först."

static const struct field_spec sus_spec[PSUS__MAX] = {
	[PSUS_EDU] = { "utbildning", FT_TEXT, 0, 32, 0, NULL },
	[PSUS_SUPPORT] = { "tid_forsorjning", FT_TEXT, 0, 32, 0, NULL },
	[PSUS_OCC] = { "sysselsattning_fore", FT_TEXT, 0, 32, 0, NULL },
	[PSUS_KOMMUN] = { "folkbokforingskommun", FT_TEXT, 0, 32, 0, NULL },
	[PSUS_OCC_PCT] = { "sysselsattning_fore_omfattning", FT_INT, 0, 100, 0,
	    NULL },
	[PSUS_OCC_AFTER_PCT] = { "sysselsattning_efter_omfattning", FT_INT, 0,
	    100, 0, NULL },
	[PSUS_INCOME] = { "forsorjning_fore", FT_TEXT, 0, 32, FF_MULTI, NULL },
	[PSUS_REF_VERSION] = { "version_ansokan", FT_INT, 1, 4294967295LL,
	    FF_REQUIRED, NULL },
	[PSUS_PERSON_VERSION] = { "version_person", FT_INT, 1, 4294967295LL,
	    FF_REQUIRED, NULL },
	[PSUS_INC_PCT] = { "forsorjning_fore_omfattning", FT_INT, 0, 100,
	    FF_MULTI, NULL },
	[PSUS_INC_PCT_CODE] = { "forsorjning_fore_omfattning_kod", FT_TEXT, 0,
	    32, FF_MULTI, NULL },
	[PSUS_INC_A_PCT] = { "forsorjning_efter_omfattning", FT_INT, 0, 100,
	    FF_MULTI, NULL },
	[PSUS_INC_A_PCT_CODE] = { "forsorjning_efter_omfattning_kod", FT_TEXT,
	    0, 32, FF_MULTI, NULL },
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

/* The extents typed for phase (0 before, 1 after): the number fields
 * pct_key paired in order with the hidden code fields code_key. A code
 * must be one of incomes (n), the stored ones: an extent belongs to a
 * saved income. Each kept as typed, with its own error. */
static enum app_err
sus_read_extents(struct req *r, struct part_sus_form *f, int phase,
    const char *pct_key, const char *code_key,
    const struct participation_income *incomes, size_t n, size_t *nerr)
{
	struct part_sus_extent *x;
	size_t nc = 0, np = 0;

	if ((x = arena_calloc(r->a, r->form.n + 1, sizeof(*x))) == NULL)
		return APP_ENOMEM;
	for (size_t k = 0; k < r->form.n; k++) {
		const struct kv *kv = &r->form.v[k];

		if (str_eq_cstr(kv->key, code_key))
			x[nc++].code = kv->val;
		else if (str_eq_cstr(kv->key, pct_key))
			x[np++].typed = kv->val;
	}
	/* Not one number per code: a tampered or broken form. Say so, and
	 * keep the numbers paired in order (as a browser sends them). */
	if (nc != np) {
		f->ext_error[phase] =
		    phase ? MSG_EXTENTS_AFTER : MSG_EXTENTS_BEFORE;
		*nerr += 1;
		nc = nc < np ? nc : np;
	}
	for (size_t i = 0; i < nc; i++) {
		int stored = 0;

		for (size_t k = 0; k < n; k++)
			stored |= str_eq(incomes[k].code, x[i].code);
		if (!sus_extent_parse(x[i].typed, &x[i].pct))
			x[i].error = SUS_EXTENT_MSG;
		else if (!stored && x[i].pct >= 0)
			x[i].error = MSG_EXTENT_NO_INCOME;
		*nerr += x[i].error != NULL;
	}
	f->ext[phase] = x;
	f->next[phase] = nc;
	return APP_OK;
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
	/* The kommun: one of the list ("" keeps what is stored). */
	if (f->v[PSUS_KOMMUN].ok && f->v[PSUS_KOMMUN].present) {
		const struct code_choice *k = code_choices_find(
		    &codes[PCODES_MUNICIPALITY], f->v[PSUS_KOMMUN].s, 1);

		if (k == NULL) {
			f->v[PSUS_KOMMUN].ok = 0;
			f->v[PSUS_KOMMUN].error = MSG_KOMMUN;
		} else
			f->kommun = k->label;
	}
	for (int i = PSUS_OCC_PCT; i <= PSUS_OCC_AFTER_PCT; i++)
		if (!f->v[i].ok)
			f->v[i].error = SUS_EXTENT_MSG;
	if (p->status != PARTICIPATION_AVSLUTAD &&
	    f->v[PSUS_OCC_AFTER_PCT].present) {
		f->v[PSUS_OCC_AFTER_PCT].ok = 0;
		f->v[PSUS_OCC_AFTER_PCT].error = MSG_AFTER_OPEN;
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
	if ((e = sus_read_extents(r, f, 0, "forsorjning_fore_omfattning",
	         "forsorjning_fore_omfattning_kod", before, nbefore, nerr)) !=
	        APP_OK ||
	    (e = sus_read_extents(r, f, 1, "forsorjning_efter_omfattning",
	         "forsorjning_efter_omfattning_kod", after,
	         p->status == PARTICIPATION_AVSLUTAD ? nafter : 0, nerr)) !=
	        APP_OK)
		return e;
	for (size_t i = 0; i < PSUS_INCOME; i++)
		*nerr += !f->v[i].ok;
	*nerr += (f->income_error != NULL) + (f->form_bad != 0);
	return APP_OK;
}

/* The typed extents of phase as the save takes them (arena). */
static enum app_err
sus_extents_in(struct req *r, const struct part_sus_form *f, int phase,
    const struct participation_extent **out, size_t *n)
{
	struct participation_extent *x = NULL;

	if (f->next[phase] > 0 &&
	    (x = arena_calloc(r->a, f->next[phase], sizeof(*x))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < f->next[phase]; i++)
		x[i] = (struct participation_extent){ f->ext[phase][i].code,
			f->ext[phase][i].pct };
	*out = x;
	*n = f->next[phase];
	return APP_OK;
}

enum app_err
part_sus_extents(struct req *r, const struct participation *p,
    const struct part_sus_form *f, struct participation_sus_input *in)
{
	enum app_err e;

	in->occ_pct = f->v[PSUS_OCC_PCT].present ? f->v[PSUS_OCC_PCT].i : -1;
	in->set_after = p->status == PARTICIPATION_AVSLUTAD;
	in->occ_after_pct =
	    f->v[PSUS_OCC_AFTER_PCT].present ? f->v[PSUS_OCC_AFTER_PCT].i : -1;
	if ((e = sus_extents_in(r, f, 0, &in->ext_before, &in->next_before)) !=
	        APP_OK ||
	    (e = sus_extents_in(r, f, 1, &in->ext_after, &in->next_after)) !=
	        APP_OK)
		return e;
	return APP_OK;
}

/* The stored values shown: label, value, extent ("" none) and, when SUS
 * lacks it, why in words (sus_complete_check()'s gap). */
static enum app_err
sus_fact(struct view_ctx *ctx, const char *label, struct str value,
    struct str extent, enum sus_missing m, const struct sus_gaps *g)
{
	struct view_ctx *it = view_ctx_list_add(ctx, "sus_facts");
	enum sus_gap gap = (enum sus_gap)g->gap[m];
	enum app_err e;

	if (it == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_cstr(it, "label", label)) != APP_OK ||
	    (e = view_ctx_set_str(it, "value", value)) != APP_OK ||
	    (e = view_ctx_set_str(it, "extent", extent)) != APP_OK ||
	    (e = view_ctx_set_bool(it, "missing", gap != SUS_GAP_NONE)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(it, "why", sus_gap_reason(m, gap))) !=
	        APP_OK)
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

enum app_err
part_sus_history_bind(
    struct view_ctx *ctx, const struct participation_page *pg, size_t max)
{
	static const struct {
		enum history_record type;
		const char *field, *label;
	} fields[] = {
		{ HISTORY_REFERRAL, "education_code", "Utbildning" },
		{ HISTORY_REFERRAL, "income", "Försörjning före" },
		{ HISTORY_REFERRAL, "income_extent",
		    "Försörjning före, omfattning (%)" },
		{ HISTORY_REFERRAL, "support_time_code",
		    "Tid i offentlig försörjning" },
		{ HISTORY_PARTICIPATION, "home_municipality",
		    "Folkbokföringskommun" },
		{ HISTORY_PARTICIPATION, "occupation_before_percent",
		    "Sysselsättning före, omfattning (%)" },
		{ HISTORY_PARTICIPATION, "occupation_after_percent",
		    "Sysselsättning efter, omfattning (%)" },
		{ HISTORY_PARTICIPATION, "income_after_extent",
		    "Försörjning efter, omfattning (%)" },
	};
	const struct participation_history *h0 = pg->referral_history,
	                                   *h1 = pg->sus_history;
	size_t n0 = pg->nreferral_history, n1 = pg->nsus_history, shown = 0;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "sus_history")) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_history_more", 0)) != APP_OK)
		return e;
	/* Merge the two lists (each newest first) by time; the first max of
	 * them, and a flag when there are more. */
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
		if (max > 0 && shown++ == max)
			return view_ctx_set_bool(ctx, "sus_history_more", 1);
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

/* incomes (n) as "label (50 %), label" (arena). */
static enum app_err
sus_income_line(struct req *r, const struct participation_income *incomes,
    size_t n, struct str *out)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_puts(&b, "")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct str l = incomes[i].label, x = incomes[i].extent;
		if ((i > 0 && (e = buf_puts(&b, ", ")) != APP_OK) ||
		    (e = buf_append(&b, l.p, l.len)) != APP_OK ||
		    (x.len > 0 &&
		        ((e = buf_puts(&b, " (")) != APP_OK ||
		            (e = buf_append(&b, x.p, x.len)) != APP_OK ||
		            (e = buf_puts(&b, " %)")) != APP_OK)))
			return e;
	}
	*out = buf_str(&b);
	return APP_OK;
}

/* "50 %" for a stored extent, "" for none (arena). */
static struct str
sus_pct(struct req *r, struct str pct)
{
	struct buf b;

	if (pct.len == 0)
		return STR_LIT("");
	buf_init(&b, r->a);
	return buf_append(&b, pct.p, pct.len) == APP_OK &&
	        buf_puts(&b, " %") == APP_OK
	    ? buf_str(&b)
	    : STR_LIT("");
}

/* The stored facts: values, what is missing (sus_complete_check(), the
 * export's rule in the default version), the section's flags. */
static enum app_err
sus_bind_facts(struct req *r, struct view_ctx *ctx,
    const struct participation *p, const struct participation_page *pg)
{
	struct sus_facts facts = p->sus;
	struct sus_gaps g;
	struct str miss, inc, inc_after;
	int ended = p->status == PARTICIPATION_AVSLUTAD;
	enum app_err e;

	/* The income facts from the page's lists (participation.h). */
	facts.income_before = pg->sus_income_before;
	facts.income_after = pg->sus_income_after;
	sus_complete_check(&facts, SUS_SCHEMA_DEFAULT, &g);
	miss = sus_gaps_text(r->a, &g);
	if ((e = sus_income_line(
	         r, pg->income_before, pg->nincome_before, &inc)) != APP_OK ||
	    (e = sus_income_line(
	         r, pg->income_after, pg->nincome_after, &inc_after)) != APP_OK)
		return e;
	if ((e = view_ctx_set_list(ctx, "sus_facts")) != APP_OK ||
	    (e = sus_fact(ctx, "Utbildning", p->edu_label, STR_LIT(""),
	         SUS_MISSING_EDUCATION, &g)) != APP_OK ||
	    (e = sus_fact(ctx, "Försörjning före", inc, STR_LIT(""),
	         SUS_MISSING_INCOME_BEFORE, &g)) != APP_OK ||
	    (e = sus_fact(ctx, "Sysselsättning före", p->occ_before_label,
	         sus_pct(r, p->occ_before_pct), SUS_MISSING_OCCUPATION_BEFORE,
	         &g)) != APP_OK ||
	    (e = sus_fact(ctx, "Tid i offentlig försörjning", p->support_label,
	         STR_LIT(""), SUS_MISSING_SUPPORT_TIME, &g)) != APP_OK ||
	    (e = sus_fact(ctx, "Folkbokföringskommun",
	         str_trim_blanks(p->person.municipality), STR_LIT(""),
	         SUS_MISSING_MUNICIPALITY, &g)) != APP_OK)
		return e;
	if (ended &&
	    ((e = sus_fact(ctx, "Försörjning efter", inc_after, STR_LIT(""),
	          SUS_MISSING_INCOME_AFTER, &g)) != APP_OK ||
	        (e = sus_fact(ctx, "Sysselsättning efter", p->occ_after_label,
	             sus_pct(r, p->occ_after_pct), SUS_MISSING_OCCUPATION_AFTER,
	             &g)) != APP_OK))
		return e;
	if ((e = view_ctx_set_str(ctx, "sus_missing", miss)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_complete", miss.len == 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_end_missing", g.end)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_ended", ended)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_anonymous",
	         participation_sus_anonymous(p))) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "sus_ref_version", p->ref_version)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(
	         ctx, "sus_person_version", p->person_version)) != APP_OK)
		return e;
	return APP_OK;
}

/* The extent rows of phase (list key; has: whether there are any) for
 * incomes (n): code, label, the value (typed in f after a refused save,
 * else stored) and its error. Keys are static (the view keeps them). */
static enum app_err
sus_bind_extents(struct view_ctx *ctx, const char *key, const char *has,
    const struct participation_income *incomes, size_t n,
    const struct part_sus_form *f, int phase)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, key)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, has, n > 0)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, key);
		struct str value = incomes[i].extent;
		const char *error = NULL;

		if (it == NULL)
			return APP_ENOMEM;
		for (size_t k = 0; f != NULL && k < f->next[phase]; k++)
			if (str_eq(f->ext[phase][k].code, incomes[i].code)) {
				value = f->ext[phase][k].typed;
				error = f->ext[phase][k].error;
			}
		if ((e = view_ctx_set_str(it, "code", incomes[i].code)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "label", incomes[i].label)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "value", value)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "has_error", error != NULL)) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "error", error ? error : "")) !=
		        APP_OK)
			return e;
	}
	return APP_OK;
}

/* The kommun options: every active kommun, the stored one (by its code)
 * selected; a stored text that names none comes first, as it is, with
 * the value "" (kept). typed: the code picked in a refused form. */
static enum app_err
sus_bind_kommuner(struct view_ctx *ctx, const struct participation *p,
    const struct participation_page *pg, const struct part_sus_form *f)
{
	const struct code_choices *l = &pg->codes[PCODES_MUNICIPALITY];
	struct str stored = str_trim_blanks(p->person.municipality);
	struct str sel = f ? f->v[PSUS_KOMMUN].s : p->sus.municipality.sus;
	enum app_err e;

	if ((e = view_ctx_set_str(ctx, "sus_kommun_unmapped",
	         p->sus.municipality.sus.len == 0 ? stored : STR_LIT(""))) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "sus_kommuner")) != APP_OK)
		return e;
	for (size_t i = 0; i < l->n; i++) {
		struct view_ctx *it;

		if (!l->v[i].active && !str_eq(l->v[i].code, sel))
			continue;
		if ((it = view_ctx_list_add(ctx, "sus_kommuner")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "code", l->v[i].code)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "name", l->v[i].label)) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(
		         it, "selected", str_eq(l->v[i].code, sel))) != APP_OK)
			return e;
	}
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
		{ PSUS_OCC_PCT, "sus_occ_pct_error" },
		{ PSUS_OCC_AFTER_PCT, "sus_occ_after_pct_error" },
	};
	enum app_err e;

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!f->v[keys[i].field].ok &&
		    (e = page_form_error(ctx, keys[i].key,
		         f->v[keys[i].field].error)) != APP_OK)
			return e;
	if ((e = page_form_error(
	         ctx, "sus_ext_before_error", f->ext_error[0])) != APP_OK ||
	    (e = page_form_error(
	         ctx, "sus_ext_after_error", f->ext_error[1])) != APP_OK)
		return e;
	return page_form_error(ctx, "sus_income_error", f->income_error);
}

enum app_err
part_sus_bind(struct req *r, struct view_ctx *ctx,
    const struct participation *p, const struct participation_page *pg,
    const struct part_sus_form *f)
{
	int editable = participation_refusal(p->status, PCHANGE_SUS) == NULL;
	struct str *stored;
	enum app_err e;

	if ((e = page_form_limits(r, ctx, sus_spec, PSUS__MAX)) != APP_OK ||
	    (e = sus_bind_facts(r, ctx, p, pg)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "sus_editable", editable)) != APP_OK ||
	    (e = part_sus_history_bind(ctx, pg, PARTICIPATION_PAGE_LIST)) !=
	        APP_OK)
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
	    (e = sus_bind_kommuner(ctx, p, pg, f)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "sus_occ_pct",
	         f ? f->v[PSUS_OCC_PCT].s : p->occ_before_pct)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "sus_occ_after_pct",
	         f ? f->v[PSUS_OCC_AFTER_PCT].s : p->occ_after_pct)) !=
	        APP_OK ||
	    (e = sus_bind_extents(ctx, "sus_income_extents",
	         "sus_has_income_extents", pg->income_before,
	         pg->nincome_before, f, 0)) != APP_OK ||
	    (e = sus_bind_extents(ctx, "sus_income_after_extents",
	         "sus_has_income_after_extents", pg->income_after,
	         p->status == PARTICIPATION_AVSLUTAD ? pg->nincome_after : 0, f,
	         1)) != APP_OK ||
	    (e = part_code_checks(r, ctx, "sus_incomes",
	         &pg->codes[PCODES_INCOME], stored, pg->nincome_before,
	         f ? f->income : stored,
	         f ? f->nincome : pg->nincome_before)) != APP_OK)
		return e;
	return f ? sus_bind_errors(ctx, f) : APP_OK;
}

static const struct form_def participation_sus_forms[] = {
	{ "POST /deltagande/:id/sus-uppgifter", "partials/deltag_form_sus",
	    sus_spec, PSUS__MAX },
};

const struct form_def *
page_participation_sus_forms(size_t *n)
{
	*n = sizeof(participation_sus_forms) /
	    sizeof(participation_sus_forms[0]);
	return participation_sus_forms;
}
