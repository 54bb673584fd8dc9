/* page_report_form.c: the activity report's filter form; see
 * include/page_report_form.h. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "bind.h"
#include "conf.h"
#include "date.h"
#include "db.h"
#include "form_registry.h"
#include "page_report_form.h"
#include "pages.h"
#include "report.h"
#include "report_flow.h"
#include "report_people.h"
#include "report_followup.h"
#include "report_quest.h"
#include "req.h"
#include "session.h"
#include "view.h"

static const struct field_spec report_spec[RF__MAX] = {
	[RF_INSATS] = { "insats", FT_INT, 0, 4294967295LL, 0, NULL },
	[RF_PERIOD] = { "period", FT_ENUM, 0, 0, 0, report_period_names },
	[RF_YEAR] = { "ar", FT_INT, 2000, 2100, 0, NULL },
	/* Months, ÅÅÅÅ-MM (report.h: whole months only); read_month(). */
	[RF_FROM] = { "fran", FT_TEXT, 1, 16, 0, NULL },
	[RF_TO] = { "till", FT_TEXT, 1, 16, 0, NULL },
	[RF_QUEST] = { "enkat", FT_TEXT, 1, 64, 0, NULL },
};
static const char *const error_keys[RF__MAX] = {
	[RF_INSATS] = "insats_error",
	[RF_PERIOD] = "period_error",
	[RF_YEAR] = "year_error",
	[RF_FROM] = "from_error",
	[RF_TO] = "to_error",
	[RF_QUEST] = "quest_error",
};

/* The option lists' view keys. */
static const struct bind_key insats_keys[] = {
	{ "id", "id" },
	{ "name", "name" },
};
static const struct bind_key quest_keys[] = {
	{ "code", "code" },
	{ "title", "title" },
};

/* A period as an option of the form (report_period.h's tables). */
struct period_option {
	struct str value, label;
};
static const struct db_field period_option_fields[] = {
	DB_FIELD(period_option, value, "value", DB_F_STR),
	DB_FIELD(period_option, label, "label", DB_F_STR),
};
static const struct db_record period_option_record =
    DB_RECORD(period_option, period_option_fields);
static const struct bind_key period_keys[] = {
	{ "value", "value" },
	{ "label", "label" },
};

static int
field_ok(const struct report_form *f, int k)
{
	return f->fv[k].present && f->fv[k].ok;
}

static void
form_fail(struct report_form *f, int k, const char *msg)
{
	if (f->fv[k].ok) {
		f->fv[k].ok = 0;
		f->fv[k].error = msg;
		f->nerr++;
	}
}

/* Field k as a month "ÅÅÅÅ-MM" into *y, *m: 1, or 0 with the field's
 * error (`missing` when it is empty). */
static int
read_month(struct report_form *f, int k, const char *missing, int *y, int *m)
{
	struct field_val *v = &f->fv[k];

	if (!v->present) {
		form_fail(f, k, missing);
		return 0;
	}
	if (!v->ok)
		return 0;
	if (report_month_parse(v->s, y, m))
		return 1;
	form_fail(f, k,
	    "Ange en hel månad som ÅÅÅÅ-MM, till exempel 2021-03. "
	    "Rapporter gäller hela månader.");
	return 0;
}

/* The period's days into f->from and f->to. */
static void
read_period(struct report_form *f)
{
	struct report_span span = { 0, 0, 0, 0 };
	enum report_span_err why;
	int fok, tok;

	if (f->period != REPORT_PERIOD_FRITT) {
		if (report_period_span(f->period, (int)f->year, &span))
			report_span_dates(&span, f->from, f->to);
		return;
	}
	/* Both fields are read, so both get their errors at once. */
	fok =
	    read_month(f, RF_FROM, "Ange första månaden.", &span.fy, &span.fm);
	tok = read_month(f, RF_TO, "Ange sista månaden.", &span.ty, &span.tm);
	if (!fok || !tok)
		return;
	if ((why = report_span_check(&span)) != REPORT_SPAN_OK)
		form_fail(f, RF_TO, report_span_message(why));
	report_span_dates(&span, f->from, f->to);
}

enum app_err
report_form_read(struct req *r, struct report_form *f)
{
	const struct report_insats *picked;
	enum report_scope_refusal why;
	int ty, tm, td;
	enum app_err e;

	memset(f, 0, sizeof(*f));
	f->forbund = (r->user->roles & ROLE_BIT(ROLE_FORBUND)) != 0;
	if ((e = report_insatser_load(r->db, r->a, f->forbund, r->user->id,
	         &f->ins, &f->nins)) != APP_OK ||
	    (e = report_quests_load(r->db, r->a, &f->qs, &f->nqs)) != APP_OK ||
	    (e = form_validate(r->a, &r->query, report_spec, RF__MAX, f->fv,
	         &f->nerr)) != APP_OK)
		return e;
	f->quest = report_quest_pick(
	    f->qs, f->nqs, field_ok(f, RF_QUEST) ? &f->fv[RF_QUEST].s : NULL);
	if (f->fv[RF_QUEST].present && f->quest < 0)
		form_fail(f, RF_QUEST,
		    report_scope_message(REPORT_SCOPE_NOT_OFFERED));
	date_today(&ty, &tm, &td);
	(void)snprintf(f->today, sizeof(f->today), "%04u-%02u-%02u",
	    (unsigned)ty % 10000u, (unsigned)tm % 100u, (unsigned)td % 100u);
	why = report_scope_pick(f->forbund, f->ins, f->nins,
	    field_ok(f, RF_INSATS) ? &f->fv[RF_INSATS].i : NULL, &f->insats,
	    &picked);
	if (why != REPORT_SCOPE_OK)
		form_fail(f, RF_INSATS, report_scope_message(why));
	f->scope = picked ? picked->name : STR_LIT("Hela förbundet");
	f->period = f->fv[RF_PERIOD].present
	    ? (enum report_period)f->fv[RF_PERIOD].i
	    : REPORT_PERIOD_AR;
	/* An insats that has ended opens on its last year. */
	f->year = field_ok(f, RF_YEAR)
	    ? f->fv[RF_YEAR].i
	    : report_default_year(
	          picked ? picked->period_end : STR_LIT(""), ty);
	read_period(f);
	return APP_OK;
}

/* A month field as typed, else the month of date (its first 7 bytes). */
static struct str
month_shown(const struct field_val *v, const char *date)
{
	return v->present ? v->s : (struct str){ date, strnlen(date, 7) };
}

enum app_err
report_form_bind(struct view_ctx *ctx, const struct report_form *f)
{
	struct period_option periods[REPORT_PERIOD__MAX];
	char num[24];
	enum app_err e;

	for (int k = 0; k < REPORT_PERIOD__MAX; k++)
		periods[k] = (struct period_option){
			str_cstr(report_period_name((enum report_period)k)),
			str_cstr(report_period_label((enum report_period)k)),
		};
	(void)snprintf(num, sizeof(num), "%lld", f->insats);
	if ((e = view_ctx_set_bool(ctx, "may_forbund", f->forbund)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "all_selected", f->insats == 0)) !=
	        APP_OK ||
	    (e = bind_options(ctx, "insatser", &report_insats_record,
	         insats_keys, BIND_N(insats_keys), f->ins, f->nins, "id",
	         str_cstr(num))) != APP_OK ||
	    (e = bind_options(ctx, "enkater", &report_quest_record, quest_keys,
	         BIND_N(quest_keys), f->qs, f->nqs, "code",
	         f->quest >= 0 ? f->qs[f->quest].code : STR_LIT(""))) !=
	        APP_OK ||
	    (e = bind_options(ctx, "periods", &period_option_record,
	         period_keys, BIND_N(period_keys), periods, REPORT_PERIOD__MAX,
	         "value", str_cstr(report_period_name(f->period)))) != APP_OK)
		return e;
	(void)snprintf(num, sizeof(num), "%lld", f->year);
	if ((e = view_ctx_set_str(ctx, "year",
	         f->fv[RF_YEAR].present ? f->fv[RF_YEAR].s : str_cstr(num))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "fran",
	         month_shown(&f->fv[RF_FROM], f->from))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "till", month_shown(&f->fv[RF_TO], f->to))) != APP_OK)
		return e;
	for (int k = 0; k < RF__MAX; k++)
		if (!f->fv[k].ok &&
		    (e = page_form_error(ctx, error_keys[k], f->fv[k].error)) !=
		        APP_OK)
			return e;
	return APP_OK;
}

/* Questionnaire codes are [a-z0-9_-] (the XSD's id): no escaping needed,
 * but check rather than trust. */
static int
code_plain(struct str c)
{
	for (size_t i = 0; i < c.len; i++)
		if (!((c.p[i] >= 'a' && c.p[i] <= 'z') ||
		        (c.p[i] >= '0' && c.p[i] <= '9') || c.p[i] == '_' ||
		        c.p[i] == '-'))
			return 0;
	return 1;
}

struct str
report_form_query(struct req *r, const struct report_form *f)
{
	struct buf b;

	buf_init(&b, r->a);
	if (buf_printf(&b, "insats=%lld&period=%s&ar=%lld", f->insats,
	        report_period_name(f->period), f->year) != APP_OK ||
	    (f->period == REPORT_PERIOD_FRITT &&
	        buf_printf(&b, "&fran=%.7s&till=%.7s", f->from, f->to) !=
	            APP_OK))
		return STR_LIT("");
	if (f->quest >= 0) {
		struct str c = f->qs[f->quest].code;

		if (!code_plain(c))
			return buf_str(&b);
		if (buf_puts(&b, "&enkat=") != APP_OK ||
		    buf_append(&b, c.p, c.len) != APP_OK)
			return STR_LIT("");
	}
	return buf_str(&b);
}

enum app_err
report_form_build(
    struct req *r, const struct report_form *f, struct report *rep)
{
	const struct report_quest *q = f->quest >= 0 ? &f->qs[f->quest] : NULL;
	enum app_err e;

	if ((e = report_build(r, f->insats, f->scope, str_cstr(f->from),
	         str_cstr(f->to), str_cstr(f->today),
	         r->conf ? r->conf->report_min_cell : 5, rep)) != APP_OK)
		return e;
	rep->flow_memo = f->flow_memo;
	if ((e = report_people_build(r, rep)) != APP_OK ||
	    (e = report_flow_build(r, rep)) != APP_OK)
		return e;
	if ((e = report_quest_build(r, rep, q ? q->code : STR_LIT(""),
	         q ? q->title : STR_LIT("ingen enkät laddad"),
	         r->conf ? r->conf->report_top_steps : 2,
	         r->conf ? r->conf->report_vas_top : 70)) != APP_OK)
		return e;
	return report_followup_build(r, rep);
}

/* The filter: the year is typed, the rest are chosen. */
static const struct form_def report_forms[] = {
	{ "GET /rapporter", "rapport", report_spec, RF__MAX },
};

const struct form_def *
page_report_forms(size_t *n)
{
	*n = sizeof(report_forms) / sizeof(report_forms[0]);
	return report_forms;
}
