/* page_admin_log.c: searching and exporting the access log; see
 * include/page_admin.h. Every search and export is itself logged. */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "form_registry.h"
#include "page_admin.h"
#include "pages.h"
#include "pnr.h"
#include "req.h"
#include "session.h"
#include "view.h"

#define LOG_PAGE_ROWS 500 /* rows shown on the page */
/* Rows in one export: the rows and the CSV built from them must fit in the
 * request arena (REQ_ARENA_SIZE) even with 255-character details. */
#define LOG_CSV_ROWS  1000

enum { LF_PNR, LF_USER, LF_FROM, LF_TO, LF__MAX };

static const struct field_spec log_spec[LF__MAX] = {
	[LF_PNR] = { "personnummer", FT_TEXT, 0, 13, 0, NULL },
	[LF_USER] = { "anvandare", FT_TEXT, 0, 64, 0, NULL },
	[LF_FROM] = { "fran", FT_DATE, 19000101, 21001231, 0, NULL },
	[LF_TO] = { "till", FT_DATE, 19000101, 21001231, 0, NULL },
};

static const char *const log_keys[LF__MAX] = { "personnummer", "anvandare",
	"fran", "till" };
static const char *const log_err_keys[LF__MAX] = { "personnummer_fel",
	"anvandare_fel", "fran_fel", "till_fel" };

/* The columns of an export, in struct audit_row's order. */
enum {
	AL_AT,
	AL_USER,
	AL_ACTION,
	AL_TYPE,
	AL_OBJID,
	AL_PNR,
	AL_ADDR,
	AL_REQ,
	AL_DETAIL,
	AL__MAX
};

/* The personnummer as typed into its 12 digits in out; NULL when fine,
 * else pnr_parse()'s Swedish message. Today is Swedish local time. */
static const char *
log_pnr_normalise(struct str s, char out[13])
{
	time_t now = time(NULL);
	struct tm tm;
	struct pnr p;
	const char *err;

	localtime_r(&now, &tm);
	err = pnr_parse(s, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &p);
	if (err == NULL)
		memcpy(out, p.digits, 13);
	return err;
}

/* A validated search. */
struct log_search {
	struct field_val fv[LF__MAX];
	const char *err[LF__MAX];
	char pnr[13];       /* "" when not by person */
	long long staff_id; /* 0 when not by staff */
	int asked;          /* any search field was sent */
	size_t nerr;
};

static enum app_err
log_search_read(struct req *r, struct log_search *s)
{
	enum app_err e;
	size_t n;

	*s = (struct log_search){ 0 };
	for (size_t k = 0; k < LF__MAX; k++)
		s->asked |= kv_get(&r->query, log_keys[k]) != NULL;
	if ((e = form_validate(
	         r->a, &r->query, log_spec, LF__MAX, s->fv, &n)) != APP_OK)
		return e;
	for (size_t k = 0; k < LF__MAX; k++)
		s->err[k] = s->fv[k].error;
	if (!s->asked)
		return APP_OK;
	if (s->err[LF_PNR] == NULL && s->err[LF_USER] == NULL &&
	    !s->fv[LF_PNR].present && !s->fv[LF_USER].present)
		s->err[LF_PNR] = "Ange ett personnummer, ett användarnamn "
		                 "eller båda.";
	if (s->err[LF_PNR] == NULL && s->fv[LF_PNR].present)
		s->err[LF_PNR] = log_pnr_normalise(s->fv[LF_PNR].s, s->pnr);
	if (s->err[LF_USER] == NULL && s->fv[LF_USER].present) {
		struct str name;

		/* Account names are stored lower-case, as the login form
		 * and account creation write them. */
		(void)auth_username(r, s->fv[LF_USER].s, &name);
		if ((e = audit_staff_id(r, name, &s->staff_id)) != APP_OK)
			return e;
		if (s->staff_id == 0)
			s->err[LF_USER] =
			    "Det finns inget konto med det användarnamnet.";
	}
	if (s->err[LF_FROM] == NULL && s->err[LF_TO] == NULL &&
	    s->fv[LF_FROM].present && s->fv[LF_TO].present &&
	    s->fv[LF_TO].i < s->fv[LF_FROM].i)
		s->err[LF_TO] =
		    "Periodens slut kan inte vara före dess början.";
	for (size_t k = 0; k < LF__MAX; k++)
		s->nerr += s->err[k] != NULL;
	return APP_OK;
}

/* Write the search's own audit row, then run it with limit rows. */
static enum app_err
log_search_run(struct req *r, const struct log_search *s,
    enum audit_action action, long long limit, struct audit_row **rows,
    size_t *n)
{
	struct audit_query q = {
		.personnummer = { s->pnr, s->pnr[0] ? 12 : 0 },
		.staff_id = s->staff_id,
		.from = s->fv[LF_FROM].present ? s->fv[LF_FROM].s
		                               : STR_LIT("1900-01-01"),
		.to = s->fv[LF_TO].present ? s->fv[LF_TO].s
		                           : STR_LIT("2100-12-31"),
		.limit = limit,
	};
	struct buf detail;
	enum app_err e;

	buf_init(&detail, r->a);
	if ((e = buf_puts(&detail,
	         s->pnr[0] ? "by personnummer" : "by staff")) != APP_OK ||
	    (s->staff_id &&
	        ((e = buf_puts(&detail, s->pnr[0] ? " and staff " : " ")) !=
	                APP_OK ||
	            (e = buf_append(&detail, s->fv[LF_USER].s.p,
	                 s->fv[LF_USER].s.len)) != APP_OK)) ||
	    (e = buf_puts(&detail, "; ")) != APP_OK ||
	    (e = buf_append(&detail, q.from.p, q.from.len)) != APP_OK ||
	    (e = buf_puts(&detail, "..")) != APP_OK ||
	    (e = buf_append(&detail, q.to.p, q.to.len)) != APP_OK)
		return e;
	if ((e = audit_write(r, action, "audit_log",
	         s->staff_id ? s->staff_id : -1, q.personnummer,
	         buf_str(&detail))) != APP_OK)
		return e;
	return audit_search(r, &q, rows, n);
}

/* A stored personnummer as ÅÅÅÅMMDD-NNNN. Arena. */
static struct str
log_pnr_show(struct req *r, struct str p)
{
	char *o;

	if (p.len != 12 || (o = arena_alloc(r->a, 14)) == NULL)
		return p;
	for (int i = 0; i < 8; i++)
		o[i] = p.p[i];
	o[8] = '-';
	for (int i = 8; i < 12; i++)
		o[i + 1] = p.p[i];
	o[13] = '\0';
	return (struct str){ o, 13 };
}

/* The object in words: its type's label and what it is ("Ansökan till
 * Friska Vindar 2.0"), with no participant's personal data. Arena. */
static struct str
log_object_shown(struct req *r, const struct audit_row *row)
{
	struct str type = audit_object_label_of(row->object_type);
	struct buf b;

	if (row->what.len == 0)
		return type;
	buf_init(&b, r->a);
	if (buf_append(&b, type.p, type.len) != APP_OK ||
	    buf_append(&b, " ", 1) != APP_OK ||
	    buf_append(&b, row->what.p, row->what.len) != APP_OK)
		return type;
	return buf_str(&b);
}

/* A row as the page and the export show it: actions and object types in
 * Swedish, the personnummer with its dash. Arena. */
static void
log_row_shown(
    struct req *r, const struct audit_row *row, struct str out[AL__MAX])
{
	out[AL_AT] = row->at;
	out[AL_USER] = row->username;
	out[AL_ACTION] = audit_action_label_of(row->action);
	out[AL_TYPE] = log_object_shown(r, row);
	out[AL_OBJID] = row->object_id;
	out[AL_PNR] = log_pnr_show(r, row->personnummer);
	out[AL_ADDR] = row->remote_addr;
	out[AL_REQ] = row->request_id;
	out[AL_DETAIL] = audit_detail_label(r->a, row->detail);
}

/* The search form, with the rows when searched. */
static enum app_err
log_render(struct req *r, const struct log_search *s,
    const struct audit_row *rows, size_t nrows, int searched)
{
	static const char *const keys[AL__MAX] = { "at", "who", "action",
		"type", "object_id", "pnr", "addr", "request_id", "detail" };
	struct view_ctx *ctx = view_ctx_new(r->a);
	size_t shown = nrows > LOG_PAGE_ROWS ? LOG_PAGE_ROWS : nrows;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = page_form_limits(r, ctx, log_spec, LF__MAX)) != APP_OK)
		return e;
	for (size_t k = 0; k < LF__MAX; k++) {
		if ((e = view_ctx_set_str(ctx, log_keys[k], s->fv[k].s)) !=
		    APP_OK)
			return e;
		if (s->err[k] != NULL &&
		    ((e = view_ctx_set_cstr(ctx, log_err_keys[k], s->err[k])) !=
		            APP_OK ||
		        (e = view_ctx_set_bool(ctx, "has_errors", 1)) !=
		            APP_OK))
			return e;
	}
	if (!searched)
		return page_render(r, "admin_logg", "Åtkomstlogg", ctx);
	if ((e = view_ctx_set_bool(ctx, "searched", 1)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "count", (long long)shown)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "cut", nrows > LOG_PAGE_ROWS)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(ctx, "limit", LOG_PAGE_ROWS)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "rows")) != APP_OK)
		return e;
	for (size_t i = 0; i < shown; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "rows");
		struct str v[AL__MAX];

		if (it == NULL)
			return APP_ENOMEM;
		log_row_shown(r, &rows[i], v);
		for (size_t c = 0; c < AL__MAX; c++)
			if ((e = view_ctx_set_str(it, keys[c], v[c])) != APP_OK)
				return e;
	}
	return page_render(r, "admin_logg", "Åtkomstlogg", ctx);
}

enum app_err
page_admin_log(struct req *r)
{
	struct log_search s;
	struct audit_row *rows;
	size_t n;
	enum app_err e;

	if ((e = log_search_read(r, &s)) != APP_OK)
		return e;
	if (!s.asked)
		return log_render(r, &s, NULL, 0, 0);
	if (s.nerr > 0) {
		r->resp.status = 400;
		return log_render(r, &s, NULL, 0, 0);
	}
	if ((e = log_search_run(
	         r, &s, AUDIT_SEARCH, LOG_PAGE_ROWS + 1, &rows, &n)) != APP_OK)
		return e;
	return log_render(r, &s, rows, n, 1);
}

enum app_err
page_admin_log_csv(struct req *r)
{
	static const char *const head[AL__MAX] = { "Tid (svensk tid)",
		"Användare", "Åtgärd", "Objekttyp", "Objekt-id", "Personnummer",
		"Adress", "Begäran-id", "Detalj" };
	struct log_search s;
	struct audit_row *rows;
	struct buf *b = &r->resp.body;
	size_t n, shown;
	enum app_err e;

	if ((e = log_search_read(r, &s)) != APP_OK)
		return e;
	if (!s.asked && s.err[LF_PNR] == NULL) {
		s.err[LF_PNR] = "Ange ett personnummer, ett användarnamn "
		                "eller båda.";
		s.nerr++;
	}
	if (s.nerr > 0) {
		r->resp.status = 400;
		return log_render(r, &s, NULL, 0, 0);
	}
	if ((e = log_search_run(
	         r, &s, AUDIT_EXPORT, LOG_CSV_ROWS + 1, &rows, &n)) != APP_OK)
		return e;
	r->resp.body.len = 0;
	r->resp.content_type = "text/csv; charset=utf-8";
	if ((e = resp_header(&r->resp, "Content-Disposition",
	         STR_LIT("attachment; filename=\"atkomstlogg.csv\""))) !=
	        APP_OK ||
	    (e = buf_puts(b, "\xEF\xBB\xBF")) != APP_OK) /* BOM: Excel */
		return e;
	for (size_t c = 0; c < AL__MAX; c++)
		if ((e = buf_csv_cell(
		         b, str_cstr(head[c]), c + 1 == AL__MAX)) != APP_OK)
			return e;
	shown = n > LOG_CSV_ROWS ? LOG_CSV_ROWS : n;
	for (size_t i = 0; i < shown; i++) {
		struct str v[AL__MAX];

		log_row_shown(r, &rows[i], v);
		for (size_t c = 0; c < AL__MAX; c++)
			if ((e = buf_csv_cell(b, v[c], c + 1 == AL__MAX)) !=
			    APP_OK)
				return e;
	}
	if (n > LOG_CSV_ROWS &&
	    (e = buf_csv_cell(b,
	         STR_LIT("Utdraget är avkortat efter 1000 rader: "
	                 "välj en kortare period."),
	         1)) != APP_OK)
		return e;
	return APP_OK;
}

static const struct form_def admin_log_forms[] = {
	{ "GET /admin/logg", "admin_logg", log_spec, LF__MAX },
};

const struct form_def *
page_admin_log_forms(size_t *n)
{
	*n = sizeof(admin_log_forms) / sizeof(admin_log_forms[0]);
	return admin_log_forms;
}
