/*
 * page_participation.h: the insats staff's pages: the inbox of submitted
 * referrals and its decisions, and the participation from inskrivning to
 * avslut and the summary to the remittent.
 *
 * Every record route asks access_referral()/access_participation() and
 * acts only through ACCESS_INSATS; anything else is 404, never 403, so an
 * id never tells whether a record exists. Lists are limited to the
 * caller's insatser in SQL. Before a person's data is shown, an audit row
 * (read) with the personnummer is written; changes write update/create
 * rows and change_history in the same transaction; if the audit row cannot
 * be written the page fails. Lists show names only (no personnummer) and
 * write one read row for the list. Personnummer never appear in URLs: the
 * search is a POST.
 *
 * Forms validate every field at once (400 with the Swedish messages next
 * to the fields and every typed value kept) and never write part of a
 * change. Changes carry the record's version; a stale one is 409.
 *
 * The handlers translate: they read a form through its field table, call
 * one function of the domain (participation.h: states, rules, records;
 * participation_edit.h: the changes; referral_decision.h: the decision)
 * and bind the records to the view (bind.h). They never read a result
 * grid nor compare a status name.
 */
#ifndef PAGE_PARTICIPATION_H
#define PAGE_PARTICIPATION_H

#include "app.h"
#include "db.h"
#include "form.h"
#include "participation.h"
#include "str.h"

struct req;
struct view_ctx;
struct followup_form;

/* page_participation.c: the inbox. */
enum app_err page_inbox(struct req *); /* GET /inkorg */

/* page_participation_decide.c: one referral and its decision. */
enum app_err page_inbox_referral(struct req *); /* GET /inkorg/:id */
/* POST /inkorg/:id/beslut: beslut=anta|avrada|aterfor|vantelista */
enum app_err page_inbox_decide(struct req *);

/* page_participation_list.c: the participant list and the search. */
enum app_err page_participants(struct req *);        /* GET /deltagare */
enum app_err page_participants_search(struct req *); /* POST /deltagare/sok */

/* page_participation_view.c: one participation and its access log. */
enum app_err page_participation(struct req *); /* GET /deltagande/:id */
/* GET /deltagande/:id/atkomstlogg: every access-log row of the file */
enum app_err page_participation_access(struct req *);

/* page_participation_change.c: the lifecycle's changes. */
/* POST /deltagande/:id/plan: activities and hours per week */
enum app_err page_participation_plan(struct req *);
/* POST /deltagande/:id/forlangning: a new planned end */
enum app_err page_participation_extend(struct req *);
/* POST /deltagande/:id/avslut */
enum app_err page_participation_end(struct req *);
/* POST /deltagande/:id/sus-uppgifter: the SUS registration data */
enum app_err page_participation_sus(struct req *);
/* POST /deltagande/:id/malgrupp: the participant's målgrupp */
enum app_err page_participation_target_group(struct req *);

/* page_participation_midterm.c: the mid-term follow-ups (midterm.h),
 * any number: listed on the participation page with a form adding one
 * (its one-time key "nyckel": a retry adds nothing more), and a page
 * changing one (versioned: a stale form is 409 with the input kept). */
/* POST /deltagande/:id/mittuppfoljning: add one */
enum app_err page_participation_midterm(struct req *);
/* GET /deltagande/:id/mittuppfoljning/:mid */
enum app_err page_participation_midterm_form(struct req *);
/* POST /deltagande/:id/mittuppfoljning/:mid */
enum app_err page_participation_midterm_save(struct req *);

/* page_participation_correct.c: the corrections (participation_correct.h)
 * on a page of their own: the admission data, reopening an ended
 * participation, marking one felregistrerad. */
/* GET /deltagande/:id/rattelse */
enum app_err page_participation_correct_form(struct req *);
/* POST /deltagande/:id/rattelse: start date, contact person, hours */
enum app_err page_participation_correct(struct req *);
/* POST /deltagande/:id/oppna-igen: reopen, with a reason */
enum app_err page_participation_reopen(struct req *);
/* POST /deltagande/:id/felregistrera: mark in error, with a reason */
enum app_err page_participation_mark_error(struct req *);

/* page_participation_contact.c: the insats's own record of the person
 * (participation_person, sql/0022), with history; never the referral's. */
/* GET /deltagande/:id/kontaktuppgifter */
enum app_err page_participation_contact_form(struct req *);
/* POST /deltagande/:id/kontaktuppgifter */
enum app_err page_participation_contact(struct req *);

/* ---- helpers shared by page_participation*.c only ---- */

#define PART_CONFLICT_MSG                                                      \
	"Någon annan har ändrat uppgifterna medan du arbetade. Det du "      \
	"skrev är inte sparat; se de aktuella uppgifterna och spara igen."
#define PART_FORM_STALE_MSG                                                          \
	"Formuläret är ofullständigt eller ändrat. Ladda om sidan och försök " \
	"igen."
#define PART_CODE_MSG "Välj ett av alternativen i listan."

struct code_choices;
struct participation;

/* Twelve personnummer digits as "ÅÅÅÅMMDD-NNNN". Arena. */
struct str part_pnr_show(struct req *, struct str digits);

/* Bind fv's typed value to val_key and its error (if any) to err_key,
 * setting "has_errors" on ctx's root-level key when there is one. */
enum app_err part_ctx_field(struct view_ctx *, const char *val_key,
    const char *err_key, const struct field_val *fv);

/* A field found wrong after its table's checks: v is no longer ok and
 * says msg (static or arena). Nothing when msg is NULL. */
void part_refuse(struct field_val *v, const char *msg);

/* The number of fields of v (n) in error. */
size_t part_count_errors(const struct field_val *v, size_t n);

/* The active codes of l as an option list "key" of {code, label,
 * selected}; selected may be empty. Also the stored code keep (may be ""),
 * offered though it was deactivated. */
enum app_err part_code_options(struct req *, struct view_ctx *, const char *key,
    const struct code_choices *l, struct str keep, struct str selected);

/* The active codes of l (and those in keep, nkeep) as a checkbox list
 * "key" of {code, label, checked}, checked those in set (nset). Arena. */
enum app_err part_code_checks(struct req *, struct view_ctx *, const char *key,
    const struct code_choices *l, const struct str *keep, size_t nkeep,
    const struct str *set, size_t nset);

/* Every value of the multi-valued form field key, each once; *bad when a
 * value is not an active code of l (nor in keep, nkeep). Arena. */
enum app_err part_code_multi(struct req *, const char *key,
    const struct code_choices *l, const struct str *keep, size_t nkeep,
    struct str **out, size_t *n, int *bad);

/* What the participation page shows besides the stored participation:
 * which form was submitted, what was typed in it, and its messages. */
enum pv_kind {
	PV_NONE,
	PV_PLAN,
	PV_MIDTERM,
	PV_EXTEND,
	PV_END,
	PV_SUS,
	PV_TARGET_GROUP,
	PV_FOLLOWUP, /* only as pv_form.open: its POST sets .followup */
	PV__MAX
};

/* The plan form: up to PLAN_ROWS activities, each with its hours; the
 * form shows the plan and empty rows, "Lägg till rad" (lagg_till, with
 * the rows shown in "rader") shows it again with one more, keeping what
 * was typed and saving nothing. */
#define PLAN_ROWS PARTICIPATION_PLAN_MAX_ACTIVITIES
enum { MT_DATE, MT_NOTE, MT_ATTENDEES, MT_KEY, MT__MAX };
enum { FL_END, FL_REASON, FL_KEY, FL__MAX }; /* FL_KEY: once.h */
enum { EN_DATE, EN_REASON, EN_OCC, EN_INCOME, EN__MAX };
extern const struct field_spec part_plan_spec[2 * PLAN_ROWS];
/* The plan form's rows shown (rader) and its "Lägg till rad" button. */
enum { PR_ROWS, PR_ADD, PR__MAX };
extern const struct field_spec part_plan_rows_spec[PR__MAX];
extern const struct field_spec part_version_spec[1];
extern const struct field_spec part_mt_spec[MT__MAX];
extern const struct field_spec part_fl_spec[FL__MAX];
extern const struct field_spec part_en_spec[EN__MAX];

struct part_sus_form;

struct pv_form {
	enum pv_kind kind; /* the submitted form */
	/* GET /deltagande/:id?form=x: the form shown on its own page
	 * (views/deltagande_formular.html), PV_NONE: the participation's
	 * page. A submitted form (kind, or followup) is shown on its own
	 * page too, with what was typed. */
	enum pv_kind open;
	struct field_val plan[2 * PLAN_ROWS];
	size_t plan_rows; /* PV_PLAN: the rows to show; 0: as typed */
	struct field_val mt[MT__MAX], fl[FL__MAX], en[EN__MAX];
	const struct str *income; /* en: the ticked income codes */
	size_t nincome;
	const char *plan_error, *income_error;
	const char *form_error; /* a missing or tampered hidden field */
	const char *conflict;   /* 409 */
	const char *consent; /* 409: the consent does not allow the summary */
	const char *notice;
	const struct part_sus_form *sus; /* PV_SUS: what was typed */
	struct field_val tg;             /* PV_TARGET_GROUP: as chosen */
	/* The follow-up form as submitted (page_followup.h), NULL: none */
	const struct followup_form *followup;
};

/* page_participation_midterm.c: bind the follow-ups of the page (pg, list
 * "midterms") and the form adding one: what was typed when f is of it,
 * else blank with a fresh key. */
struct participation_page;
enum app_err part_midterm_bind(struct req *, struct view_ctx *,
    const struct participation_page *pg, const struct pv_form *f);
/* The follow-ups of pg alone, as list "midterms". */
enum app_err part_midterm_list_bind(
    struct view_ctx *ctx, const struct participation_page *pg);

/* page_participation_view.c: participation id into *p, or APP_ENOTFOUND
 * unless the caller is its insats staff. */
enum app_err pv_load(struct req *, long long id, struct participation *p);

/* Render the participation page of p with f (the audit row of the read is
 * written first). */
enum app_err pv_render(
    struct req *, const struct participation *p, const struct pv_form *f);

/*
 * page_participation_sus.c: the SUS registration data on the
 * participation page (section "SUS-uppgifter"). Education, time in public
 * support and income before live on the referral, folkbokföringskommun on
 * the insats's record of the person, occupation before on the
 * participation; the insats staff set them here, because the remittent
 * may edit the referral only while it is a draft. The extents (omfattning,
 * 0..100 % of full time) of the occupation and of each income source,
 * before and, once ended, after, are set here too (an empty extent: not
 * recorded; a typed one replaces it). The kommun is picked from
 * code_municipality; a stored text that names no kommun stays until
 * another is picked. What is missing is sus_complete_check()'s decision,
 * as for the export and /sus/kvalitet. Only active codes may be chosen; a
 * stored code that has been deactivated stays valid. A stored value
 * cannot be emptied here (the registration would only become less
 * complete).
 */
enum part_sus_field {
	PSUS_EDU,            /* utbildning: code_education */
	PSUS_SUPPORT,        /* tid_forsorjning: code_support_time */
	PSUS_OCC,            /* sysselsattning_fore: code_occupation */
	PSUS_KOMMUN,         /* folkbokforingskommun: a kommunkod, "" keep */
	PSUS_OCC_PCT,        /* sysselsattning_fore_omfattning: 0..100 */
	PSUS_OCC_AFTER_PCT,  /* sysselsattning_efter_omfattning: 0..100 */
	PSUS_INCOME,         /* forsorjning_fore: code_income, several */
	PSUS_REF_VERSION,    /* version_ansokan: the referral's version */
	PSUS_PERSON_VERSION, /* version_person: the person's version */
	/* The extents of the incomes: a number per code, paired in order
	 * with the hidden code fields. */
	PSUS_INC_PCT,        /* forsorjning_fore_omfattning */
	PSUS_INC_PCT_CODE,   /* forsorjning_fore_omfattning_kod */
	PSUS_INC_A_PCT,      /* forsorjning_efter_omfattning */
	PSUS_INC_A_PCT_CODE, /* forsorjning_efter_omfattning_kod */
	PSUS__MAX
};

/* One income's extent as typed: its code, the text, the value (-1: none)
 * and a Swedish error. */
struct part_sus_extent {
	struct str code, typed;
	long long pct;
	const char *error;
};

/* The submitted SUS form. */
struct part_sus_form {
	struct field_val v[PSUS__MAX];
	struct str *income; /* the ticked income codes, as typed */
	size_t nincome;
	const char *income_error;
	struct str kommun; /* the picked kommun's name; "" keep */
	/* The extents typed for the incomes before [0] and after [1]. */
	struct part_sus_extent *ext[2];
	size_t next[2];
	/* The extents of a phase sent malformed (not one number per code):
	 * a message for its fieldset; the numbers kept in order. */
	const char *ext_error[2];
	int form_bad; /* a hidden version field missing or tampered */
};

struct participation_page;

/* Validate the submitted SUS form of p into f (every field checked,
 * messages in Swedish); *nerr counts the fields in error, form_bad
 * included. */
enum app_err part_sus_read(struct req *, const struct participation *p,
    struct part_sus_form *f, size_t *nerr);

/* The extents of the valid form f into in (arena). */
struct participation_sus_input;
enum app_err part_sus_extents(struct req *, const struct participation *p,
    const struct part_sus_form *f, struct participation_sus_input *in);

/* Bind the section of p (its lists in pg): the stored values and what is
 * missing, and the form with f's typed values (f NULL: the stored ones).
 * Sets "has_errors" when f has an error. */
enum app_err part_sus_bind(struct req *, struct view_ctx *,
    const struct participation *p, const struct participation_page *pg,
    const struct part_sus_form *f);

/* The SUS-relevant history of the referral and of the insats's record of
 * the person (pg's referral_history and sus_history merged), newest
 * first, as list "sus_history": the first max (0: all), and
 * "sus_history_more" when there are more. */
enum app_err part_sus_history_bind(
    struct view_ctx *ctx, const struct participation_page *pg, size_t max);

/*
 * page_participation_target.c: the participant's målgrupp on the
 * participation page (section "Målgrupp", partials/deltag_malgrupp.html):
 * a choice among the insats's target-group lines and "Ej angiven"; the
 * value the participation has stays offered (as "tidigare målgrupp") when
 * the insats no longer lists it.
 */
/* malgrupp: "" (Ej angiven) or a line of the insats */
extern const struct field_spec part_tg_spec[1];

/* The rule on a validated v (target_group_refusal() against p's insats
 * and p's målgrupp): v is no longer ok when it may not be chosen. */
void part_tg_check(const struct participation *p, struct field_val *v);

/* Bind the section of p: the stored målgrupp, whether the form is shown,
 * and the options with f's choice selected (f of another kind: the stored
 * one). Sets "has_errors" when f's choice was refused. */
enum app_err part_tg_bind(struct req *, struct view_ctx *,
    const struct participation *p, const struct pv_form *f);

#endif /* !PAGE_PARTICIPATION_H */
