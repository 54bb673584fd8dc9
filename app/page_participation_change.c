/* page_participation_change.c: the changes of a participation from its
 * page (plan, extension, end, SUS data, målgrupp; the mid-term
 * follow-ups are page_participation_midterm.c's); see
 * include/page_participation.h. Each handler reads its form through its
 * field table, calls one change of participation_edit.h and renders what
 * came of it; the rules are participation.c's. */
#include "db.h"
#include "edit.h"
#include "form_registry.h"
#include "once.h"
#include "page_create.h"
#include "page_participation.h"
#include "pages.h"
#include "participation.h"
#include "participation_edit.h"
#include "req.h"
#include "view.h"

/* Load the participation, refuse a change its state does not allow (409,
 * rendered, *done set) and read the form's version field. */
static enum app_err
pc_start(struct req *r, struct participation *p, struct pv_form *f,
    enum participation_change ch, long long *version, int *done)
{
	struct field_val v[1];
	const char *refused;
	long long id;
	size_t n = 0;
	enum app_err e;

	*done = 0;
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = pv_load(r, id, p)) != APP_OK)
		return e;
	if ((refused = participation_refusal(p->status, ch)) != NULL) {
		f->conflict = refused;
		r->resp.status = 409;
		*done = 1;
		return pv_render(r, p, f);
	}
	if ((e = form_validate(r->a, &r->form, part_version_spec, 1, v, &n)) !=
	    APP_OK)
		return e;
	*version = v[0].ok ? v[0].i : 0;
	if (!v[0].ok)
		f->form_error = PART_FORM_STALE_MSG;
	return APP_OK;
}

/* 400: the page with what was typed and the messages. */
static enum app_err
pc_bad(struct req *r, const struct participation *p, const struct pv_form *f)
{
	r->resp.status = 400;
	return pv_render(r, p, f);
}

/* What came of a change: saved, back to the page (?query); else 409 with
 * what is stored now and what was typed. */
static enum app_err
pc_outcome(struct req *r, struct participation *p, struct pv_form *f,
    const struct participation_outcome *o, const char *query)
{
	struct buf loc;
	enum app_err e;

	switch (o->result) {
	case EDIT_SAVED:
		buf_init(&loc, r->a);
		if ((e = buf_printf(
		         &loc, "/deltagande/%lld?%s", p->id, query)) != APP_OK)
			return e;
		return page_redirect(r, loc.p);
	case EDIT_STALE: f->conflict = PART_CONFLICT_MSG; break;
	case EDIT_BUSY: f->conflict = EDIT_MSG_BUSY; break;
	case EDIT_REFUSED: f->conflict = o->refused; break;
	}
	if ((e = pv_load(r, p->id, p)) != APP_OK)
		return e;
	r->resp.status = 409;
	return pv_render(r, p, f);
}

/* A date field that must be on or after start and not after today. */
static void
pc_check_date(struct req *r, struct field_val *v, long long start)
{
	if (v->ok)
		part_refuse(v,
		    participation_check_date(
		        r->a, v->i, start, participation_today()));
}

/* The activity field of the row after the last the plan form has. */
#define PLAN_STR_(n) #n
#define PLAN_STR(n)  PLAN_STR_(n)
static const char plan_past_last[] = "aktivitet_" PLAN_STR(41);
_Static_assert(PLAN_ROWS == 40, "plan_past_last names row 41");

enum app_err
page_participation_plan(struct req *r)
{
	struct pv_form f = { .kind = PV_PLAN };
	struct participation p;
	struct participation_plan_row rows[PLAN_ROWS];
	struct field_val extra[PR__MAX];
	struct participation_outcome o;
	long long version, total = 0;
	size_t n = 0, nact = 0;
	int done;
	enum app_err e;

	if ((e = pc_start(r, &p, &f, PCHANGE_PLAN, &version, &done)) !=
	        APP_OK ||
	    done)
		return e;
	if ((e = form_validate(r->a, &r->form, part_plan_spec, 2 * PLAN_ROWS,
	         f.plan, &n)) != APP_OK ||
	    (e = form_validate(r->a, &r->form, part_plan_rows_spec, PR__MAX,
	         extra, &n)) != APP_OK)
		return e;
	if (extra[PR_ADD].i) {
		/* "Lägg till rad": the form again with one more row, what was
		 * typed kept and nothing saved or refused yet. */
		size_t shown = extra[PR_ROWS].ok && extra[PR_ROWS].i > 0
		    ? (size_t)extra[PR_ROWS].i
		    : 0;
		for (size_t i = 0; i < 2 * PLAN_ROWS; i++)
			f.plan[i].ok = 1;
		if (shown >= PLAN_ROWS) {
			f.plan_rows = PLAN_ROWS;
			f.plan_error = PARTICIPATION_MSG_PLAN_MAX;
			return pc_bad(r, &p, &f);
		}
		f.plan_rows = shown + 1;
		return pv_render(r, &p, &f);
	}
	/* A row past the last the form can have: refused, not dropped. */
	if (req_form(r, plan_past_last) != NULL) {
		f.plan_rows = PLAN_ROWS;
		f.plan_error = PARTICIPATION_MSG_PLAN_MAX;
		return pc_bad(r, &p, &f);
	}
	for (size_t i = 0; i < PLAN_ROWS; i++) {
		struct field_val *a = &f.plan[2 * i], *h = &f.plan[2 * i + 1];
		if (a->ok && h->ok && a->present && !h->present) {
			h->ok = 0;
			h->error = "Ange timmar i veckan för aktiviteten.";
		} else if (a->ok && h->ok && !a->present && h->present) {
			a->ok = 0;
			a->error = "Beskriv aktiviteten, eller töm timmarna.";
		}
		if (a->ok && h->ok && a->present) {
			rows[nact++] =
			    (struct participation_plan_row){ a->s, h->i };
			total += h->i;
		}
	}
	if (part_count_errors(f.plan, 2 * PLAN_ROWS) > 0 ||
	    f.form_error != NULL)
		return pc_bad(r, &p, &f);
	if ((f.plan_error = participation_check_plan(nact, total)) != NULL)
		return pc_bad(r, &p, &f);
	if ((e = participation_save_plan(r, &p, version, rows, nact, &o)) !=
	    APP_OK)
		return e;
	return pc_outcome(r, &p, &f, &o, "sparat=1");
}

enum app_err
page_participation_extend(struct req *r)
{
	struct pv_form f = { .kind = PV_EXTEND };
	struct participation p;
	struct participation_outcome o;
	struct field_val *end = &f.fl[FL_END];
	struct buf loc;
	long long version;
	size_t n = 0;
	int done, answered;
	enum app_err e;

	if ((e = pc_start(r, &p, &f, PCHANGE_EXTEND, &version, &done)) !=
	        APP_OK ||
	    done)
		return e;
	if ((e = form_validate(
	         r->a, &r->form, part_fl_spec, FL__MAX, f.fl, &n)) != APP_OK)
		return e;
	/* The one-time key: a malformed one is refused with a new one. */
	if (page_create_bad(f.fl[FL_KEY].s)) {
		if ((f.fl[FL_KEY].s = once_key_new(r)).p == NULL)
			return APP_ENOMEM;
		f.form_error = PAGE_CREATE_MSG_BAD;
	}
	f.fl[FL_KEY].ok = 1;
	f.fl[FL_KEY].error = NULL;
	/* A resend answers as the first POST did, before the checks that
	 * its own first save changed. */
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/deltagande/%lld?sparat=1", p.id)) != APP_OK)
		return e;
	if (f.form_error == NULL) {
		e = page_create_seen(r, f.fl[FL_KEY].s, loc.p, &answered);
		if (page_create_busy(r, e))
			f.form_error = PAGE_CREATE_MSG_BUSY;
		else if (e != APP_OK || answered)
			return e;
	}
	if (end->ok)
		part_refuse(end,
		    participation_check_extension(r->a, end->i,
		        participation_date_ymd(p.start_date), p.planned_end));
	if (part_count_errors(f.fl, FL__MAX) > 0 || f.form_error != NULL)
		return pc_bad(r, &p, &f);
	if ((e = participation_extend(r, &p, version, end->i, f.fl[FL_REASON].s,
	         f.fl[FL_KEY].s, loc.p, &o)) != APP_OK)
		return e;
	return pc_outcome(r, &p, &f, &o, "sparat=1");
}

/* The avslut form's codes: end reason, occupation and income after. A
 * mistaken registration needs neither occupation nor income after. */
static enum app_err
pc_end_codes(struct req *r, struct pv_form *f)
{
	struct code_choices codes[PCODES__MAX];
	struct field_val *reason = &f->en[EN_REASON], *occ = &f->en[EN_OCC];
	struct str *income;
	int felreg, bad;
	enum app_err e;

	if ((e = participation_codes_load(r, codes)) != APP_OK)
		return e;
	if (reason->ok && !code_choices_find(&codes[PCODES_END], reason->s, 1))
		part_refuse(reason, PART_CODE_MSG);
	felreg = reason->ok &&
	    participation_end_status(reason->s) == PARTICIPATION_FELREGISTRERAD;
	if (occ->ok && occ->present &&
	    !code_choices_find(&codes[PCODES_OCCUPATION], occ->s, 1))
		part_refuse(occ, PART_CODE_MSG);
	else if (occ->ok && !occ->present && !felreg)
		part_refuse(occ, "Välj sysselsättning efter insatsen.");
	/* Every ticked income code, each once and known. */
	if ((e = part_code_multi(r, "forsorjning_efter", &codes[PCODES_INCOME],
	         NULL, 0, &income, &f->nincome, &bad)) != APP_OK)
		return e;
	f->income = income;
	if (bad || !f->en[EN_INCOME].ok)
		f->income_error = PART_CODE_MSG;
	else if (f->nincome == 0 && !felreg)
		f->income_error = "Välj minst en försörjning efter insatsen.";
	return APP_OK;
}

enum app_err
page_participation_end(struct req *r)
{
	struct pv_form f = { .kind = PV_END };
	struct participation p;
	struct participation_outcome o;
	struct participation_end_input in;
	long long version;
	size_t n = 0;
	int done;
	enum app_err e;

	if ((e = pc_start(r, &p, &f, PCHANGE_END, &version, &done)) != APP_OK ||
	    done)
		return e;
	if ((e = form_validate(
	         r->a, &r->form, part_en_spec, EN__MAX, f.en, &n)) != APP_OK)
		return e;
	pc_check_date(r, &f.en[EN_DATE], participation_date_ymd(p.start_date));
	if ((e = pc_end_codes(r, &f)) != APP_OK)
		return e;
	if (part_count_errors(f.en, EN__MAX - 1) > 0 ||
	    f.income_error != NULL || f.form_error != NULL)
		return pc_bad(r, &p, &f);
	in = (struct participation_end_input){ f.en[EN_DATE].i,
		f.en[EN_REASON].s,
		f.en[EN_OCC].present ? f.en[EN_OCC].s : STR_LIT(""), f.income,
		f.nincome };
	if ((e = participation_end(r, &p, version, &in, &o)) != APP_OK)
		return e;
	return pc_outcome(r, &p, &f, &o, "sparat=1");
}

enum app_err
page_participation_sus(struct req *r)
{
	struct pv_form f = { .kind = PV_SUS };
	struct part_sus_form sf;
	struct participation p;
	struct participation_outcome o;
	struct participation_sus_input in;
	long long version;
	size_t nerr = 0;
	int done;
	enum app_err e;

	if ((e = pc_start(r, &p, &f, PCHANGE_SUS, &version, &done)) != APP_OK ||
	    done)
		return e;
	if ((e = part_sus_read(r, &p, &sf, &nerr)) != APP_OK)
		return e;
	f.sus = &sf;
	if (sf.form_bad)
		f.form_error = PART_FORM_STALE_MSG;
	if (nerr > 0 || f.form_error != NULL)
		return pc_bad(r, &p, &f);
	/* A field left empty keeps what is stored (part_sus_read() refuses
	 * to empty a stored one). */
	in = (struct participation_sus_input){
		.edu = sf.v[PSUS_EDU].present ? sf.v[PSUS_EDU].s : STR_LIT(""),
		.support = sf.v[PSUS_SUPPORT].present ? sf.v[PSUS_SUPPORT].s
		                                      : STR_LIT(""),
		.occupation =
		    sf.v[PSUS_OCC].present ? sf.v[PSUS_OCC].s : STR_LIT(""),
		.kommun = sf.kommun,
		.income = sf.income,
		.nincome = sf.nincome,
		.ref_version = sf.v[PSUS_REF_VERSION].i,
		.person_version = sf.v[PSUS_PERSON_VERSION].i,
	};
	if ((e = part_sus_extents(r, &p, &sf, &in)) != APP_OK ||
	    (e = participation_save_sus(r, &p, version, &in, &o)) != APP_OK)
		return e;
	/* A retry of a save already made answers as that save did. */
	return pc_outcome(r, &p, &f, &o,
	    o.changed || o.retried ? "sparat=1#sus-uppgifter"
	                           : "oforandrat=1#sus-uppgifter");
}

enum app_err
page_participation_target_group(struct req *r)
{
	struct pv_form f = { .kind = PV_TARGET_GROUP };
	struct participation p;
	struct participation_outcome o;
	long long version;
	size_t n = 0;
	int done;
	enum app_err e;

	if ((e = pc_start(r, &p, &f, PCHANGE_TARGET_GROUP, &version, &done)) !=
	        APP_OK ||
	    done)
		return e;
	if ((e = form_validate(r->a, &r->form, part_tg_spec, 1, &f.tg, &n)) !=
	    APP_OK)
		return e;
	part_tg_check(&p, &f.tg);
	if (!f.tg.ok || f.form_error != NULL)
		return pc_bad(r, &p, &f);
	if ((e = participation_save_target_group(r, &p, version, f.tg.s, &o)) !=
	    APP_OK)
		return e;
	return pc_outcome(r, &p, &f, &o,
	    o.changed ? "sparat=1#malgrupp" : "oforandrat=1#malgrupp");
}
