/* page_participation_list.c: the insats staff's list of participants and
 * the search by personnummer; see include/page_participation.h. */
#include "audit.h"
#include "date.h"
#include "db.h"
#include "form_registry.h"
#include "page_participation.h"
#include "pages.h"
#include "pnr.h"
#include "req.h"
#include "session.h"
#include "sql_participation.h"
#include "view.h"

#define MSG_PICK "Välj ett av alternativen i listan."

static const char *const list_status_choices[] = { "inskriven", "avslutad",
	"felregistrerad", "alla", NULL };
static const char *const list_gender_choices[] = { "kvinna", "man", "annat",
	NULL };

enum { LF_INSATS, LF_STATUS, LF_CONTACT, LF_GENDER, LF_OVERDUE, LF__MAX };
/* The search by personnummer (partials/deltag_search.html), on the list
 * and on its own page. */
static const struct field_spec search_spec[1] = {
	{ "personnummer", FT_TEXT, 1, 20, FF_REQUIRED, NULL },
};

static const struct field_spec list_spec[LF__MAX] = {
	[LF_INSATS] = { "insats", FT_INT, 1, 4294967295LL, 0, NULL },
	[LF_STATUS] = { "status", FT_ENUM, 0, 0, 0, list_status_choices },
	[LF_CONTACT] = { "kontakt", FT_INT, 1, 4294967295LL, 0, NULL },
	[LF_GENDER] = { "kon", FT_ENUM, 0, 0, 0, list_gender_choices },
	[LF_OVERDUE] = { "forsenad", FT_BOOL, 0, 0, 0, NULL },
};

/* The filter's options: insatser and contact persons, selected marked. */
static enum app_err
list_options(struct view_ctx *ctx, const struct db_rows *ins,
    const struct db_rows *staff, long long insats, long long contact)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "insatser")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "contacts")) != APP_OK)
		return e;
	for (size_t i = 0; i < ins->nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "insatser");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "id", db_cell(ins, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "name", db_cell(ins, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         str_to_ll(db_cell(ins, i, 0)) == insats)) != APP_OK)
			return e;
	}
	for (size_t i = 0; i < staff->nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "contacts");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "id", db_cell(staff, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "name", db_cell(staff, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         str_to_ll(db_cell(staff, i, 0)) == contact)) != APP_OK)
			return e;
	}
	return APP_OK;
}

static int
list_has_id(const struct db_rows *rows, long long id)
{
	for (size_t i = 0; i < rows->nrows; i++)
		if (str_to_ll(db_cell(rows, i, 0)) == id)
			return 1;
	return 0;
}

/* The participant rows as list "participants". */
static enum app_err
list_bind_rows(struct view_ctx *ctx, const struct db_rows *rows)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "participants")) != APP_OK)
		return e;
	for (size_t i = 0; i < rows->nrows; i++) {
		static const struct {
			const char *key;
			size_t col;
		} cols[] = {
			{ "id", 0 },
			{ "first_name", 1 },
			{ "last_name", 2 },
			{ "insats", 4 },
			{ "start_date", 6 },
			{ "planned_end", 7 },
			{ "end_date", 8 },
			{ "contact", 9 },
			{ "summary_due", 10 },
		};
		struct view_ctx *it = view_ctx_list_add(ctx, "participants");
		if (it == NULL)
			return APP_ENOMEM;
		for (size_t c = 0; c < sizeof(cols) / sizeof(cols[0]); c++)
			if ((e = view_ctx_set_str(it, cols[c].key,
			         db_cell(rows, i, cols[c].col))) != APP_OK)
				return e;
		if ((e = view_ctx_set_cstr(it, "gender",
		         part_gender_label(db_cell(rows, i, 3)))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "status",
		         part_status_label(db_cell(rows, i, 5)))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "overdue",
		         str_to_ll(db_cell(rows, i, 11)) != 0)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "summary_sent",
		         str_to_ll(db_cell(rows, i, 12)) != 0)) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
page_participants(struct req *r)
{
	struct field_val fv[LF__MAX];
	struct db_param p[13];
	struct db_rows ins, staff, rows;
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct str today = part_today_str(r), status = STR_LIT("inskriven");
	long long insats, contact;
	size_t nerr = 0;
	struct buf detail;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = page_form_limits(r, ctx, search_spec, 1)) != APP_OK)
		return e;
	p[0] = DB_INT(r->user->id);
	if ((e = part_exec(r, SQL_PARTICIPATION_MY_INSATSER, p, 1, &ins)) !=
	        APP_OK ||
	    (e = part_exec(r, SQL_PARTICIPATION_COLLEAGUES, p, 1, &staff)) !=
	        APP_OK ||
	    (e = form_validate(
	         r->a, &r->query, list_spec, LF__MAX, fv, &nerr)) != APP_OK)
		return e;
	insats = fv[LF_INSATS].ok ? fv[LF_INSATS].i : 0;
	contact = fv[LF_CONTACT].ok ? fv[LF_CONTACT].i : 0;
	/* Only the caller's own insatser and colleagues can be chosen. */
	if (insats && !list_has_id(&ins, insats)) {
		fv[LF_INSATS].ok = 0;
		fv[LF_INSATS].error = MSG_PICK;
		nerr++;
	}
	if (contact && !list_has_id(&staff, contact)) {
		fv[LF_CONTACT].ok = 0;
		fv[LF_CONTACT].error = MSG_PICK;
		nerr++;
	}
	if (fv[LF_STATUS].ok && fv[LF_STATUS].present)
		status = fv[LF_STATUS].i == 3
		    ? STR_LIT("")
		    : str_cstr(list_status_choices[fv[LF_STATUS].i]);
	if ((e = list_options(ctx, &ins, &staff, insats, contact)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "st_inskriven",
	         str_eq_cstr(status, "inskriven"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "st_avslutad",
	         str_eq_cstr(status, "avslutad"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "st_felregistrerad",
	         str_eq_cstr(status, "felregistrerad"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "st_alla", status.len == 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "g_kvinna",
	         fv[LF_GENDER].ok && fv[LF_GENDER].present &&
	             fv[LF_GENDER].i == 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "g_man",
	         fv[LF_GENDER].ok && fv[LF_GENDER].present &&
	             fv[LF_GENDER].i == 1)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "g_annat",
	         fv[LF_GENDER].ok && fv[LF_GENDER].present &&
	             fv[LF_GENDER].i == 2)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "overdue_only",
	         fv[LF_OVERDUE].ok && fv[LF_OVERDUE].i)) != APP_OK)
		return e;
	if (nerr > 0) {
		static const char *const keys[LF__MAX] = { "insats_error",
			"status_error", "contact_error", "gender_error",
			"overdue_error" };
		for (size_t i = 0; i < LF__MAX; i++)
			if (!fv[i].ok &&
			    (e = page_form_error(ctx, keys[i], fv[i].error)) !=
			        APP_OK)
				return e;
		r->resp.status = 400;
		return page_render(r, "deltagare", "Deltagare", ctx);
	}
	p[0] = DB_STR(today);
	p[1] = DB_INT(r->user->id);
	p[2] = DB_INT(insats);
	p[3] = DB_INT(insats);
	p[4] = DB_STR(status);
	p[5] = DB_STR(status);
	p[6] = DB_INT(contact);
	p[7] = DB_INT(contact);
	p[8] = DB_STR(fv[LF_GENDER].present
	        ? str_cstr(list_gender_choices[fv[LF_GENDER].i])
	        : STR_LIT(""));
	p[9] = p[8];
	p[10] = DB_INT(fv[LF_OVERDUE].i != 0);
	p[11] = DB_STR(today);
	if ((e = part_exec(r, SQL_PARTICIPATION_LIST, p, 12, &rows)) != APP_OK)
		return e;
	/* Names are shown: one row for the list as such (no personnummer). */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "participant list: %zu", rows.nrows)) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_READ, "participation_list", -1,
	         STR_LIT(""), buf_str(&detail))) != APP_OK)
		return e;
	if ((e = view_ctx_set_int(ctx, "count", (long long)rows.nrows)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "listed", 1)) != APP_OK ||
	    (e = list_bind_rows(ctx, &rows)) != APP_OK)
		return e;
	return page_render(r, "deltagare", "Deltagare", ctx);
}

enum app_err
page_participants_search(struct req *r)
{
	struct field_val fv[1];
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct db_param p[2];
	struct db_rows rows;
	struct pnr pnr;
	struct buf detail;
	const char *msg = NULL;
	size_t nerr = 0;
	int y, m, d;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = form_validate(r->a, &r->form, search_spec, 1, fv, &nerr)) !=
	        APP_OK ||
	    (e = page_form_limits(r, ctx, search_spec, 1)) != APP_OK)
		return e;
	date_today(&y, &m, &d);
	if (!fv[0].ok)
		msg = fv[0].error;
	else
		msg = pnr_parse(fv[0].s, y, m, d, &pnr);
	if ((e = view_ctx_set_str(ctx, "personnummer", fv[0].s)) != APP_OK)
		return e;
	if (msg != NULL) {
		if ((e = page_form_error(ctx, "pnr_error", msg)) != APP_OK)
			return e;
		r->resp.status = 400;
		return page_render(r, "deltagare_sok", "Sök deltagare", ctx);
	}
	p[0] = DB_INT(r->user->id);
	p[1] = DB_STR(((struct str){ pnr.digits, 12 }));
	if ((e = part_exec(r, SQL_PARTICIPATION_SEARCH, p, 2, &rows)) != APP_OK)
		return e;
	/* The search itself is logged with the number searched for, hit or
	 * not, before any result is shown. */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "search by personnummer: %zu hits",
	         rows.nrows)) != APP_OK ||
	    (e = audit_write(r, AUDIT_SEARCH, "person", -1,
	         (struct str){ pnr.digits, 12 }, buf_str(&detail))) != APP_OK)
		return e;
	if ((e = view_ctx_set_bool(ctx, "searched", 1)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "pnr_shown",
	         part_pnr_show(r, (struct str){ pnr.digits, 12 }))) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "count", (long long)rows.nrows)) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "hits")) != APP_OK)
		return e;
	for (size_t i = 0; i < rows.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "hits");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(
		         it, "referral_id", db_cell(&rows, i, 0))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "referral_status",
		         part_referral_status_label(db_cell(&rows, i, 1)))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "participation_id",
		         db_cell(&rows, i, 2))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "status",
		         part_status_label(db_cell(&rows, i, 3)))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "insats", db_cell(&rows, i, 4))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "submitted", db_cell(&rows, i, 5))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "start_date", db_cell(&rows, i, 6))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "end_date", db_cell(&rows, i, 7))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "first_name", db_cell(&rows, i, 8))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "last_name", db_cell(&rows, i, 9))) != APP_OK)
			return e;
	}
	return page_render(r, "deltagare_sok", "Sök deltagare", ctx);
}

static const struct form_def participation_list_forms[] = {
	{ "POST /deltagare/sok", "partials/deltag_search", search_spec, 1 },
};

const struct form_def *
page_participation_list_forms(size_t *n)
{
	*n = sizeof(participation_list_forms) /
	    sizeof(participation_list_forms[0]);
	return participation_list_forms;
}
