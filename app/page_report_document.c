/* page_report_document.c: the delårsrapport (every insats of the förbund
 * for a period in one printable document) and the pages where the insats
 * staff write its texts; see include/page_report_document.h. */
#include <stdio.h>
#include <string.h>

#include "app_limits.h"
#include "arena.h"
#include "audit.h"
#include "conf.h"
#include "date.h"
#include "form.h"
#include "form_registry.h"
#include "page_report.h"
#include "page_report_document.h"
#include "page_report_form.h"
#include "pages.h"
#include "report.h"
#include "report_document.h"
#include "report_suppress.h"
#include "req.h"
#include "session.h"
#include "view.h"

/* ---- the period: ?period=jan-aug&ar=2021 on every page ---- */

enum pf { PF_PERIOD, PF_YEAR, PF__MAX };

static const struct field_spec period_spec[PF__MAX] = {
	[PF_PERIOD] = { "period", FT_ENUM, 0, 0, 0, report_period_names },
	[PF_YEAR] = { "ar", FT_INT, 2000, 2100, 0, NULL },
};

#define MSG_PERIOD                                                             \
	"Välj ett helt år, januari–augusti eller ett kvartal. Dokumentet " \
	"och texterna görs för de perioder styrelsen får rapporter för."

struct doc_period {
	enum report_period p;
	long long year;
	char from[11], to[11];
	const char *error; /* Swedish; NULL when valid */
};

/* The period from kv (the query or the form): January-August of this
 * year when none is given (the förbund's delårsrapport). */
static enum app_err
period_read(struct req *r, const struct kv_list *kv, struct doc_period *dp)
{
	struct field_val fv[PF__MAX];
	struct report_span span;
	size_t nerr = 0;
	int y, m, d;
	enum app_err e;

	memset(dp, 0, sizeof(*dp));
	if ((e = form_validate(r->a, kv, period_spec, PF__MAX, fv, &nerr)) !=
	    APP_OK)
		return e;
	date_today(&y, &m, &d);
	dp->p = fv[PF_PERIOD].present && fv[PF_PERIOD].ok
	    ? (enum report_period)fv[PF_PERIOD].i
	    : REPORT_PERIOD_JANAUG;
	dp->year = fv[PF_YEAR].present && fv[PF_YEAR].ok ? fv[PF_YEAR].i : y;
	if (nerr > 0 || !report_document_period_ok(dp->p) ||
	    !report_period_span(dp->p, (int)dp->year, &span)) {
		dp->error = MSG_PERIOD;
		if (!report_document_period_ok(dp->p))
			dp->p = REPORT_PERIOD_JANAUG;
		return APP_OK;
	}
	report_span_dates(&span, dp->from, dp->to);
	return APP_OK;
}

/* The period into ctx: the chooser's options (fixed periods), the year,
 * the query string of links, the label ("Januari–augusti 2021"). */
static enum app_err
period_bind(struct req *r, struct view_ctx *ctx, const struct doc_period *dp)
{
	struct buf q, label;
	enum app_err e;

	for (int k = 0; k < REPORT_PERIOD__MAX; k++) {
		enum report_period p = (enum report_period)k;
		struct view_ctx *it;

		if (!report_document_period_ok(p))
			continue;
		if ((it = view_ctx_list_add(ctx, "periods")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(
		         it, "value", report_period_name(p))) != APP_OK ||
		    (e = view_ctx_set_cstr(
		         it, "label", report_period_label(p))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "selected", p == dp->p)) !=
		        APP_OK)
			return e;
	}
	buf_init(&q, r->a);
	buf_init(&label, r->a);
	if ((e = buf_printf(&q, "period=%s&ar=%lld", report_period_name(dp->p),
	         dp->year)) != APP_OK ||
	    (e = buf_printf(&label, "%s %lld", report_period_label(dp->p),
	         dp->year)) != APP_OK)
		return e;
	if ((e = view_ctx_set_int(ctx, "ar", dp->year)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "period", report_period_name(dp->p))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "period_query", buf_str(&q))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "period_label", buf_str(&label))) !=
	        APP_OK)
		return e;
	return page_form_error(ctx, "period_error", dp->error);
}

/* ---- the document ---- */

/* The texts of one insats into it: a list "sections" (heading, text) and
 * who saved them last. */
static enum app_err
bind_texts(struct view_ctx *it, const struct report_text *t)
{
	enum app_err e;

	if ((e = view_ctx_set_bool(it, "has_texts", !report_text_empty(t))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(it, "updated_at", t->updated_at)) != APP_OK ||
	    (e = view_ctx_set_str(it, "updated_by", t->updated_by)) != APP_OK ||
	    (e = view_ctx_set_list(it, "sections")) != APP_OK)
		return e;
	for (int i = 0; i < RTS__MAX; i++) {
		struct view_ctx *s;

		if (t->sec[i].len == 0)
			continue;
		if ((s = view_ctx_list_add(it, "sections")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(s, "heading",
		         report_text_section_label(
		             (enum report_text_section)i))) != APP_OK ||
		    (e = view_ctx_set_str(s, "text", t->sec[i])) != APP_OK)
			return e;
	}
	return APP_OK;
}

/*
 * One insats's report, built and bound by the report page's own code and
 * rendered (views/rapport_dokument_del.html) into r's arena as *html. The
 * building happens in scratch, reset afterwards: a whole förbund's reports
 * at once would not fit one request's memory, the rendered markup does.
 */
static enum app_err
doc_report_html(struct req *r, struct arena *scratch, struct report_form *f,
    const char *idp, const struct view_html **html)
{
	struct arena *mine = r->a;
	struct view_ctx *c;
	struct report rep;
	enum app_err e;

	arena_reset(scratch);
	r->a = scratch; /* everything the builders allocate */
	if ((c = view_ctx_new(scratch)) == NULL)
		e = APP_ENOMEM;
	else if ((e = report_form_build(r, f, &rep)) == APP_OK)
		e = page_report_bind(r, c, &rep, idp, 3);
	r->a = mine;
	if (e != APP_OK)
		return e;
	if (r->views == NULL)
		return APP_EIO;
	return view_render_html(
	    r->views, "rapport_dokument_del", c, mine, html);
}

/* One insats of the document: its report, then its texts. */
static enum app_err
doc_insats(struct req *r, struct arena *scratch, struct view_ctx *ctx,
    struct report_form *f, const struct report_doc_insats *ins,
    const struct doc_period *dp)
{
	struct view_ctx *it = view_ctx_list_add(ctx, "insatser");
	const struct view_html *body;
	struct report_text t;
	char idp[32];
	enum app_err e;

	if (it == NULL)
		return APP_ENOMEM;
	f->insats = ins->id;
	f->scope = ins->name;
	(void)snprintf(idp, sizeof(idp), "i%lld-", ins->id);
	if ((e = doc_report_html(r, scratch, f, idp, &body)) != APP_OK ||
	    (e = view_ctx_set_html(it, "body", body)) != APP_OK ||
	    (e = view_ctx_set_cstr(it, "idp", idp)) != APP_OK ||
	    (e = view_ctx_set_int(it, "id", ins->id)) != APP_OK ||
	    (e = view_ctx_set_str(it, "name", ins->name)) != APP_OK ||
	    (e = view_ctx_set_bool(it, "struktur",
	         str_eq_cstr(ins->direction, "struktur"))) != APP_OK ||
	    (e = report_text_load(r, ins->id, dp->year, dp->p, &t)) != APP_OK)
		return e;
	return bind_texts(it, &t);
}

/* The report form every insats's report is built from: the period, the
 * default questionnaire, today (report_form_build() reads these). */
static enum app_err
doc_form(struct req *r, const struct doc_period *dp, struct report_form *f)
{
	enum app_err e;

	memset(f, 0, sizeof(*f));
	if ((e = report_quests_load(r->db, r->a, &f->qs, &f->nqs)) != APP_OK)
		return e;
	f->quest = report_quest_pick(f->qs, f->nqs, NULL);
	f->forbund = 1;
	f->period = dp->p;
	f->year = dp->year;
	memcpy(f->from, dp->from, sizeof(f->from));
	memcpy(f->to, dp->to, sizeof(f->to));
	date_today_iso(f->today, sizeof(f->today));
	return APP_OK;
}

enum app_err
page_report_document(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct report_doc_forbund fb;
	struct report_doc_insats *ins = NULL;
	struct report_form f;
	struct doc_period dp;
	struct arena scratch; /* each insats's report, in turn */
	struct buf detail;
	size_t n = 0;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = period_read(r, &r->query, &dp)) != APP_OK ||
	    (e = period_bind(r, ctx, &dp)) != APP_OK ||
	    (e = report_doc_forbund_load(r, &fb)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "forbund", fb.name)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "insatser")) != APP_OK)
		return e;
	if (dp.error != NULL) {
		r->resp.status = 400;
		return page_render_layout(r, "rapport_dokument_layout",
		    "rapport_dokument", "Delårsrapport", ctx);
	}
	if ((e = report_doc_insatser(
	         r, str_cstr(dp.from), str_cstr(dp.to), &ins, &n)) != APP_OK ||
	    (e = doc_form(r, &dp, &f)) != APP_OK)
		return e;
	/* The path's decision is the same for every insats's report of the
	 * period: taken once, in this request's arena (not scratch). */
	if ((f.flow_memo = sup_memo_new(r->a)) == NULL)
		return APP_ENOMEM;
	if (!arena_init(&scratch, REQ_ARENA_SIZE))
		return APP_ENOMEM;
	for (size_t i = 0; i < n && e == APP_OK; i++)
		e = doc_insats(r, &scratch, ctx, &f, &ins[i], &dp);
	arena_free(&scratch);
	if (e != APP_OK)
		return e;
	/* Aggregates only, as the report page; the whole document is
	 * logged once, as a CSV export of the report is. */
	buf_init(&detail, r->a);
	if ((e = view_ctx_set_bool(ctx, "document", 1)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "min_cell",
	         r->conf ? r->conf->report_min_cell : 5)) != APP_OK ||
	    (e = buf_printf(&detail, "delårsrapport %s..%s", dp.from, dp.to)) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_PRINT, "report", -1, STR_LIT(""),
	         buf_str(&detail))) != APP_OK)
		return e;
	return page_render_layout(r, "rapport_dokument_layout",
	    "rapport_dokument", "Delårsrapport", ctx);
}

/* ---- the texts: the list of the caller's insatser ---- */

static int
is_admin(const struct req *r)
{
	return (r->user->roles & ROLE_BIT(ROLE_ADMIN)) != 0;
}

enum app_err
page_report_texts(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct report_doc_insats *ins = NULL;
	struct doc_period dp;
	const struct str *saved;
	size_t n = 0;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = period_read(r, &r->query, &dp)) != APP_OK ||
	    (e = period_bind(r, ctx, &dp)) != APP_OK ||
	    (e = report_doc_writable(
	         r, is_admin(r), dp.year, dp.p, &ins, &n)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "insatser")) != APP_OK)
		return e;
	if (dp.error != NULL)
		r->resp.status = 400;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "insatser");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "id", ins[i].id)) != APP_OK ||
		    (e = view_ctx_set_str(it, "name", ins[i].name)) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "updated_at", ins[i].updated_at)) != APP_OK)
			return e;
	}
	saved = req_query(r, "sparat");
	if ((e = view_ctx_set_bool(ctx, "saved", saved != NULL)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_insatser", n > 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "may_document",
	         (r->user->roles &
	             (ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_FORBUND))) != 0)) !=
	        APP_OK)
		return e;
	return page_render(
	    r, "rapport_texter", "Texter till delårsrapporten", ctx);
}

/* ---- one insats's text: the form and its save ---- */

enum tf { TF_PERIOD, TF_YEAR, TF_VERSION, TF_SEC, TF__MAX = TF_SEC + RTS__MAX };

static const struct field_spec text_spec[TF__MAX] = {
	[TF_PERIOD] = { "period", FT_ENUM, 0, 0, FF_REQUIRED,
	    report_period_names },
	[TF_YEAR] = { "ar", FT_INT, 2000, 2100, FF_REQUIRED, NULL },
	[TF_VERSION] = { "version", FT_INT, 0, 4294967295LL, FF_REQUIRED,
	    NULL },
	[TF_SEC + RTS_BAKGRUND] = { "bakgrund", FT_TEXT, 0, REPORT_TEXT_MAX,
	    FF_MULTILINE, NULL },
	[TF_SEC + RTS_SAMVERKAN] = { "samverkan", FT_TEXT, 0, REPORT_TEXT_MAX,
	    FF_MULTILINE, NULL },
	[TF_SEC + RTS_HORISONTELLA] = { "horisontella", FT_TEXT, 0,
	    REPORT_TEXT_MAX, FF_MULTILINE, NULL },
	[TF_SEC + RTS_RESULTAT] = { "resultat", FT_TEXT, 0, REPORT_TEXT_MAX,
	    FF_MULTILINE, NULL },
	[TF_SEC + RTS_INDIKATORER] = { "indikatorer", FT_TEXT, 0,
	    REPORT_TEXT_MAX, FF_MULTILINE, NULL },
};

/* The form as shown: typed or stored values, errors. */
struct text_form {
	struct str sec[RTS__MAX];
	const char *err[RTS__MAX];
	long long version;
	const char *form_error; /* Swedish, above the form */
	size_t nerr;
};

/* The insats of the path, and whether r's user may write its texts:
 * APP_ENOTFOUND for no insats of the user's förbund, APP_EFORBIDDEN for
 * another insats's staff. */
static enum app_err
text_access(struct req *r, struct report_doc_insats *ins)
{
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = report_doc_insats_load(r, id, ins)) != APP_OK)
		return e;
	if (report_text_may_write(r->user->roles, ins->works_in) !=
	    REPORT_TEXT_OK)
		return APP_EFORBIDDEN;
	return APP_OK;
}

static enum app_err
text_render(struct req *r, const struct report_doc_insats *ins,
    const struct doc_period *dp, const struct text_form *f,
    const struct report_text *now)
{
	/* View keys are kept, not copied: static names. */
	static const char *const err_keys[RTS__MAX] = {
		[RTS_BAKGRUND] = "bakgrund_fel",
		[RTS_SAMVERKAN] = "samverkan_fel",
		[RTS_HORISONTELLA] = "horisontella_fel",
		[RTS_RESULTAT] = "resultat_fel",
		[RTS_INDIKATORER] = "indikatorer_fel",
	};
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = period_bind(r, ctx, dp)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "id", ins->id)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", ins->name)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "version", f->version)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_errors",
	         f->nerr > 0 || f->form_error != NULL)) != APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK ||
	    (e = page_form_limits(r, ctx, text_spec, TF__MAX)) != APP_OK)
		return e;
	for (int i = 0; i < RTS__MAX; i++) {
		const char *name =
		    report_text_section_name((enum report_text_section)i);
		if ((e = view_ctx_set_str(ctx, name, f->sec[i])) != APP_OK ||
		    (e = page_form_error(ctx, err_keys[i], f->err[i])) !=
		        APP_OK)
			return e;
	}
	/* A stale form shows what is stored now beside what was typed. */
	if (now != NULL) {
		struct view_ctx *cur = view_ctx_list_add(ctx, "current");
		if (cur == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(cur, "idp", "nu-")) != APP_OK ||
		    (e = bind_texts(cur, now)) != APP_OK)
			return e;
	}
	return page_render(r, "rapport_text", "Text till delårsrapporten", ctx);
}

enum app_err
page_report_text_form(struct req *r)
{
	struct report_doc_insats ins;
	struct report_text t;
	struct text_form f = { 0 };
	struct doc_period dp;
	enum app_err e;

	if ((e = text_access(r, &ins)) != APP_OK ||
	    (e = period_read(r, &r->query, &dp)) != APP_OK)
		return e;
	if (dp.error != NULL)
		return APP_ENOTFOUND;
	if ((e = report_text_load(r, ins.id, dp.year, dp.p, &t)) != APP_OK)
		return e;
	for (int i = 0; i < RTS__MAX; i++)
		f.sec[i] = t.sec[i];
	f.version = t.version;
	return text_render(r, &ins, &dp, &f, NULL);
}

enum app_err
page_report_text_save(struct req *r)
{
	struct field_val fv[TF__MAX];
	struct report_doc_insats ins;
	struct report_text now;
	struct text_form f = { 0 };
	struct doc_period dp;
	enum edit_result res;
	struct buf loc;
	enum app_err e;

	if ((e = text_access(r, &ins)) != APP_OK ||
	    (e = form_validate(
	         r->a, &r->form, text_spec, TF__MAX, fv, &f.nerr)) != APP_OK ||
	    (e = period_read(r, &r->form, &dp)) != APP_OK)
		return e;
	for (int i = 0; i < RTS__MAX; i++) {
		f.sec[i] = fv[TF_SEC + i].s;
		f.err[i] = fv[TF_SEC + i].error;
	}
	f.version = fv[TF_VERSION].i;
	if (!fv[TF_VERSION].ok || dp.error != NULL) {
		f.form_error = "Formuläret saknar period eller version. Ladda "
		               "om sidan; det du skrev står kvar nedan.";
		if (dp.error != NULL)
			dp.p = REPORT_PERIOD_JANAUG;
	}
	if (f.nerr > 0 || f.form_error != NULL) {
		r->resp.status = 400;
		return text_render(r, &ins, &dp, &f, NULL);
	}
	if ((e = report_text_save(r, ins.id, dp.year, dp.p, f.version, f.sec,
	         &res, &now)) != APP_OK)
		return e;
	switch (res) {
	case EDIT_SAVED:
		buf_init(&loc, r->a);
		if ((e = buf_printf(&loc,
		         "/rapporter/texter?period=%s&ar=%lld"
		         "&sparat=%lld",
		         report_period_name(dp.p), dp.year, ins.id)) != APP_OK)
			return e;
		return page_redirect(r, loc.p);
	case EDIT_STALE:
		r->resp.status = 409;
		f.form_error = EDIT_MSG_STALE;
		f.version = now.version;
		return text_render(r, &ins, &dp, &f, &now);
	case EDIT_BUSY:
	case EDIT_REFUSED:
	default:
		r->resp.status = 409;
		f.form_error = EDIT_MSG_BUSY;
		return text_render(r, &ins, &dp, &f, NULL);
	}
}

/* The text form (the document's and the list's period choosers are GET
 * forms without typed text). */
static const struct form_def report_document_forms[] = {
	{ "POST /rapporter/texter/:id", "rapport_text", text_spec, TF__MAX },
};

const struct form_def *
page_report_document_forms(size_t *n)
{
	*n = sizeof(report_document_forms) / sizeof(report_document_forms[0]);
	return report_document_forms;
}
