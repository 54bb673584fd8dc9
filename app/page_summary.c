/* page_summary.c: the summary to the remittent on the insats staff's
 * pages; see include/page_summary.h. The rules are summary.c's. */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "consent.h"
#include "date.h"
#include "edit.h"
#include "page_participation.h"
#include "page_summary.h"
#include "pages.h"
#include "participation.h"
#include "req.h"
#include "session.h"
#include "sql_summary.h"
#include "summary.h"
#include "view.h"

/* The form: the parts in enum summary_part order, then the rest. */
enum {
	SF_ACTION = SP__MAX, /* atgard: spara | skicka */
	SF_VERSION,          /* version: the draft's row version, 0 new */
	SF_NO,               /* versionsnr: the version the form shows */
	SF_KEY,              /* nyckel: a new version's one-time key */
	SF__MAX
};

static const char *const action_names[] = { "spara", "skicka", NULL };

static const struct field_spec summary_spec[SF__MAX] = {
	[SP_DONE] = { "gjort", FT_TEXT, 0, 4000, FF_MULTILINE, NULL },
	[SP_RESULT] = { "resultat", FT_TEXT, 0, 4000, FF_MULTILINE, NULL },
	[SP_OWN_VIEW] = { "egen_syn", FT_TEXT, 0, 4000, FF_MULTILINE, NULL },
	[SP_NEXT_STEP] = { "nasta_steg", FT_TEXT, 0, 4000, FF_MULTILINE, NULL },
	[SP_NEXT_WHO] = { "vem", FT_TEXT, 0, 200, 0, NULL },
	[SP_NEXT_BY] = { "senast", FT_DATE, 20000101, 0, 0, NULL },
	[SP_FREE] = { "fritext", FT_TEXT, 0, 8000, FF_MULTILINE, NULL },
	[SF_ACTION] = { "atgard", FT_ENUM, 0, 0, FF_REQUIRED, action_names },
	[SF_VERSION] = { "version", FT_INT, 0, 4294967295LL, FF_REQUIRED,
	    NULL },
	[SF_NO] = { "versionsnr", FT_INT, 0, 4294967295LL, FF_REQUIRED, NULL },
	[SF_KEY] = { "nyckel", FT_TEXT, 0, 64, 0, NULL },
};

#define SUM_MSG_FORM                                                                 \
	"Formuläret är ofullständigt eller ändrat. Ladda om sidan och försök " \
	"igen. Det du skrev finns kvar."
#define SUM_MSG_STALE                                                             \
	"Någon annan har ändrat sammanfattningen sedan du öppnade sidan. Det " \
	"du skrev är inte sparat men finns kvar nedan; jämför med den "        \
	"sparade versionen och spara igen."

/* The view keys of the document's parts and of the form's errors, in
 * enum summary_part order (the view keeps the key pointers: static). */
static const char *const doc_keys[SP__MAX] = {
	[SP_DONE] = "doc_gjort",
	[SP_RESULT] = "doc_resultat",
	[SP_OWN_VIEW] = "doc_egen_syn",
	[SP_NEXT_STEP] = "doc_nasta_steg",
	[SP_NEXT_WHO] = "doc_vem",
	[SP_NEXT_BY] = "doc_senast",
	[SP_FREE] = "doc_fritext",
};
static const char *const error_keys[SP__MAX] = {
	[SP_DONE] = "gjort_error",
	[SP_RESULT] = "resultat_error",
	[SP_OWN_VIEW] = "egen_syn_error",
	[SP_NEXT_STEP] = "nasta_steg_error",
	[SP_NEXT_WHO] = "vem_error",
	[SP_NEXT_BY] = "senast_error",
	[SP_FREE] = "fritext_error",
};

/* What the page shows besides what is stored. */
struct sum_view {
	const struct field_val *typed; /* the submitted form, NULL: none */
	const char *notice, *conflict, *consent, *form_error;
};

/* ---- the document ---- */

enum app_err
summary_bind_doc(struct req *r, struct view_ctx *ctx,
    const struct summary_record *rows, size_t n, long long want,
    const char *base, long long *shown)
{
	const struct summary_record *d = n > 0 ? &rows[0] : NULL;
	struct view_ctx *it;
	enum app_err e;

	for (size_t i = 0; i < n; i++)
		if (rows[i].version_no == want)
			d = &rows[i];
	*shown = d != NULL ? d->version_no : 0;
	if ((e = view_ctx_set_cstr(ctx, "svensk_tid", DATE_ZONE_LABEL)) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "doc")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "versions")) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_versions", n > 1)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct buf href;

		if ((it = view_ctx_list_add(ctx, "versions")) == NULL)
			return APP_ENOMEM;
		buf_init(&href, r->a);
		if ((e = buf_printf(&href, "%s?version=%lld", base,
		         rows[i].version_no)) != APP_OK ||
		    (e = view_ctx_set_int(
		         it, "version_no", rows[i].version_no)) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "label",
		         summary_version_label(
		             summary_state_from_name(rows[i].state),
		             rows[i].superseded))) != APP_OK ||
		    (e = view_ctx_set_str(it, "sent_at", rows[i].sent_at)) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "shown", &rows[i] == d)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "href", buf_str(&href))) !=
		        APP_OK)
			return e;
	}
	if (d == NULL)
		return APP_OK;
	if ((it = view_ctx_list_add(ctx, "doc")) == NULL)
		return APP_ENOMEM;
	for (int k = 0; k < SP__MAX; k++)
		if ((e = view_ctx_set_str(it, doc_keys[k], d->parts[k])) !=
		    APP_OK)
			return e;
	return (e = view_ctx_set_int(it, "doc_no", d->version_no)) != APP_OK ||
	        (e = view_ctx_set_cstr(it, "doc_state",
	             summary_version_label(summary_state_from_name(d->state),
	                 d->superseded))) != APP_OK ||
	        (e = view_ctx_set_bool(it, "doc_draft",
	             summary_state_from_name(d->state) == SUMMARY_UTKAST)) !=
	            APP_OK ||
	        (e = view_ctx_set_str(it, "doc_sent_at", d->sent_at)) !=
	            APP_OK ||
	        (e = view_ctx_set_str(it, "doc_sent_by", d->sent_by)) !=
	            APP_OK ||
	        (e = view_ctx_set_str(it, "doc_written_by", d->written_by)) !=
	            APP_OK
	    ? e
	    : APP_OK;
}

/* ---- the participation page's section ---- */

enum app_err
summary_bind_participation(struct req *r, struct view_ctx *ctx,
    const struct participation *p, long long version_no, struct str state_name)
{
	struct buf state;
	enum app_err e;

	if ((e = view_ctx_set_bool(ctx, "sum_link",
	         p->status == PARTICIPATION_AVSLUTAD)) != APP_OK)
		return e;
	buf_init(&state, r->a);
	/* The newest version is never superseded: none came after it. */
	if (version_no <= 0)
		e = buf_puts(&state, "Inte påbörjad");
	else
		e = buf_printf(&state, "Version %lld: %s", version_no,
		    summary_version_label(
		        summary_state_from_name(state_name), 0));
	if (e != APP_OK)
		return e;
	return view_ctx_set_str(ctx, "sum_state", buf_str(&state));
}

/* ---- the staff page ---- */

/* The form's fields: what was typed (v), else the draft or the latest
 * sent version to correct (base, may be NULL: all empty). */
static enum app_err
bind_form_fields(struct view_ctx *ctx, const struct field_val *v,
    const struct summary_record *base)
{
	enum app_err e;

	for (int k = 0; k < SP__MAX; k++) {
		const char *key = error_keys[k];
		struct str val = v != NULL ? v[k].s
		    : base != NULL         ? base->parts[k]
		                           : STR_LIT("");
		const char *err = v != NULL && !v[k].ok ? v[k].error : NULL;

		if ((e = view_ctx_set_str(ctx, summary_part_keys[k], val)) !=
		    APP_OK)
			return e;
		if ((e = page_form_error(ctx, key, err)) != APP_OK)
			return e;
		if (err == NULL &&
		    (e = view_ctx_set_cstr(ctx, key, NULL)) != APP_OK)
			return e;
	}
	return APP_OK;
}

static enum app_err
sum_render(
    struct req *r, const struct participation *p, const struct sum_view *sv)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct summary_record *rows = NULL, *latest, *sent = NULL,
	                      *first = NULL;
	struct summary_of_ref of;
	const char *closed;
	long long want = 0, shown = 0;
	const struct str *qv = req_query(r, "version");
	struct buf base;
	int covered = 0, draft;
	size_t n = 0, nsent = 0;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	/* Logged before anything of the person is read for the page. */
	if ((e = audit_write(r, AUDIT_READ, "participation", p->id,
	         p->personnummer, STR_LIT("summary"))) != APP_OK ||
	    (e = summary_list(r, p->id, &rows, &n)) != APP_OK ||
	    (e = summary_of_referral(r, p->referral_id, &of)) != APP_OK ||
	    (e = summary_may_send(r, p, &covered)) != APP_OK)
		return e;
	latest = n > 0 ? &rows[0] : NULL;
	draft = latest != NULL &&
	    summary_state_from_name(latest->state) == SUMMARY_UTKAST;
	/* The document shown: a sent version (?version=N, else the latest
	 * sent); the draft is in the form. */
	for (size_t i = 0; i < n; i++)
		if (summary_state_from_name(rows[i].state) == SUMMARY_SKICKAD) {
			if (sent == NULL)
				sent = &rows[i];
			first =
			    &rows[i]; /* newest first: the last is the first */
			nsent++;
		}
	if (qv != NULL)
		want = str_to_ll(*qv);
	closed = summary_write_refusal(p->status);
	buf_init(&base, r->a);
	if ((e = buf_printf(&base, "/deltagande/%lld/sammanfattning", p->id)) !=
	        APP_OK ||
	    (e = summary_bind_doc(r, ctx, sent, nsent, want, base.p, &shown)) !=
	        APP_OK)
		return e;
	if ((e = view_ctx_set_int(ctx, "id", p->id)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "referral_id", p->referral_id)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "forbund", of.forbund)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", p->insats)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "first_name", p->person.first_name)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "last_name", p->person.last_name)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "pnr", part_pnr_show(r, p->personnummer))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "end_date", p->end_date)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "summary_due", p->summary_due)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "overdue", p->overdue)) != APP_OK ||
	    /* From the versions, not participation.summary_sent_at: a
	     * reopening clears that (a new summary is due after the new
	     * end), but what was sent stays sent. */
	    (e = view_ctx_set_str(ctx, "first_sent",
	         first != NULL ? first->sent_at : STR_LIT(""))) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "closed", closed)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "no_consent", closed == NULL && !covered)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", sv->notice)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "conflict", sv->conflict)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "consent_error", sv->consent)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "form_error", sv->form_error)) != APP_OK)
		return e;
	/* The form: the draft, or a new version (the first, or a correction
	 * pre-filled from the latest sent one). */
	if ((e = view_ctx_set_bool(ctx, "show_form", closed == NULL)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "form_draft", draft)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "form_correction", !draft && latest != NULL)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "form_no",
	         latest != NULL ? latest->version_no : 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "form_next_no",
	         draft ? latest->version_no
	               : (latest != NULL ? latest->version_no : 0) + 1)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(
	         ctx, "form_version", draft ? latest->version : 0)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "form_key",
	         draft ? STR_LIT("") : edit_key_new(r))) != APP_OK ||
	    (e = bind_form_fields(ctx, sv->typed, latest)) != APP_OK ||
	    (e = page_form_limits(r, ctx, summary_spec, SF__MAX)) != APP_OK)
		return e;
	/* A refused form keeps what was typed; its hidden fields are those
	 * of what is stored now (latest), so it is sent again against that. */
	return page_render(
	    r, "sammanfattning", "Sammanfattande dokumentation", ctx);
}

enum app_err
page_summary_form(struct req *r)
{
	struct sum_view sv = { 0 };
	struct participation p;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = pv_load(r, id, &p)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		sv.notice = "Utkastet är sparat. Det är inte skickat till "
		            "remittenten ännu.";
	else if (req_query(r, "skickat") != NULL)
		sv.notice = "Sammanfattningen är skickad till remittenten.";
	else if (req_query(r, "oforandrat") != NULL)
		sv.notice = "Inget var ändrat, så inget sparades.";
	return sum_render(r, &p, &sv);
}

/* The form's hidden fields are well-formed: versions, and a one-time key
 * (a new version's) or none (a draft's). */
static int
hidden_ok(const struct field_val *v)
{
	return v[SF_ACTION].ok && v[SF_VERSION].ok && v[SF_NO].ok &&
	    v[SF_KEY].ok && (v[SF_KEY].s.len == 0 || edit_key_ok(v[SF_KEY].s));
}

enum app_err
page_summary_save(struct req *r)
{
	struct field_val v[SF__MAX];
	struct sum_view sv = { .typed = v };
	struct summary_input in;
	struct summary_outcome o;
	struct participation p;
	struct buf loc;
	size_t nerr = 0;
	unsigned missing;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = pv_load(r, id, &p)) != APP_OK)
		return e;
	if ((e = form_validate(
	         r->a, &r->form, summary_spec, SF__MAX, v, &nerr)) != APP_OK)
		return e;
	if (!hidden_ok(v)) {
		sv.form_error = SUM_MSG_FORM;
		r->resp.status = 400;
		return sum_render(r, &p, &sv);
	}
	memset(&in, 0, sizeof(in));
	for (int k = 0; k < SP__MAX; k++)
		in.parts[k] = v[k].ok ? v[k].s : STR_LIT("");
	in.action = v[SF_ACTION].i == 1 ? SUMMARY_SEND : SUMMARY_SAVE;
	in.form_version = v[SF_VERSION].i;
	in.form_no = v[SF_NO].i;
	in.key = v[SF_KEY].s;
	/* Sending needs the required parts: each one missing says so next
	 * to its field; nothing is saved. */
	missing = in.action == SUMMARY_SEND ? summary_missing(in.parts) : 0;
	for (int k = 0; k < SP__MAX; k++)
		if ((missing & (1u << k)) && v[k].ok) {
			v[k].ok = 0;
			v[k].error = SUMMARY_MSG_REQUIRED;
			nerr++;
		}
	if (nerr > 0) {
		r->resp.status = 400;
		return sum_render(r, &p, &sv);
	}
	if ((e = summary_save(r, &p, &in, &o)) != APP_OK)
		return e;
	switch (o.result) {
	case EDIT_SAVED:
		buf_init(&loc, r->a);
		if ((e = buf_printf(&loc, "/deltagande/%lld/sammanfattning?%s",
		         p.id,
		         in.action == SUMMARY_SEND ? "skickat=1"
		             : o.changed || o.verdict == SV_RETRY
		             ? "sparat=1"
		             : "oforandrat=1")) != APP_OK)
			return e;
		return page_redirect(r, loc.p);
	case EDIT_STALE: sv.conflict = SUM_MSG_STALE; break;
	case EDIT_BUSY: sv.conflict = EDIT_MSG_BUSY; break;
	case EDIT_REFUSED:
		if (o.no_consent)
			sv.consent = o.refused;
		else
			sv.conflict = o.refused;
		break;
	}
	r->resp.status = 409;
	return sum_render(r, &p, &sv);
}

static const struct form_def summary_forms[] = {
	{ "POST /deltagande/:id/sammanfattning", "sammanfattning", summary_spec,
	    SF__MAX },
};

const struct form_def *
page_summary_forms(size_t *n)
{
	*n = sizeof(summary_forms) / sizeof(summary_forms[0]);
	return summary_forms;
}
