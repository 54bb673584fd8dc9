/* page_sus.c: the SUS export over HTTP and its pages; see include/page_sus.h. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "app_limits.h"
#include "arena.h"
#include "audit.h"
#include "bind.h"
#include "conf.h"
#include "date.h"
#include "db.h"
#include "form.h"
#include "log.h"
#include "page_sus.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "sus_batch.h"
#include "sus_finsam.h"
#include "sus_quality.h"
#include "sus_xml.h"
#include "view.h"

#define SUS_XSD_BYTES (256u * 1024u) /* bytes of the XSD we hand out */

/* ------------------------------------------------------------------ API */

/* A one-line plain-text answer (the API never answers with a page). */
static enum app_err
sus_api_text(struct req *r, int status, const char *msg)
{
	resp_clear(&r->resp);
	r->resp.status = status;
	r->resp.content_type = "text/plain; charset=utf-8";
	if (buf_puts(&r->resp.body, msg) != APP_OK ||
	    buf_puts(&r->resp.body, "\n") != APP_OK)
		return APP_ENOMEM;
	return APP_OK;
}

/* Another export or acknowledgement holds the lock: 409, try again. */
#define SUS_BUSY_RETRY "5"
static enum app_err
sus_api_busy(struct req *r)
{
	enum app_err e;

	if ((e = sus_api_text(r, 409,
	         "En annan export eller kvittens pågår: försök igen om en "
	         "stund (Retry-After). / Another export or acknowledgement "
	         "is in progress: retry later (Retry-After).")) != APP_OK)
		return e;
	return resp_header(&r->resp, "Retry-After", STR_LIT(SUS_BUSY_RETRY));
}

/* The rate limit; 0 to go on, 1 when the 429 has been set. */
static enum app_err
sus_api_limit(struct req *r, int *limited)
{
	long long retry;
	int allowed;
	char num[24];
	enum app_err e;

	*limited = 0;
	if ((e = sus_rate_check(r->db, r->a, r->user->id, &allowed, &retry)) !=
	    APP_OK)
		return e;
	if (allowed)
		return APP_OK;
	*limited = 1;
	snprintf(num, sizeof(num), "%lld", retry);
	if ((e = sus_api_text(r, 429,
	         "För många anrop: försök igen senare (Retry-After).")) !=
	    APP_OK)
		return e;
	return resp_header(&r->resp, "Retry-After", str_cstr(num));
}

/* The schema version the job asks for: the form or query field schema
 * ("1" or "2"), else the header X-SUS-Schema; the default when neither.
 * 0 for anything else. */
static int
sus_api_schema_version(struct req *r)
{
	const struct str *v = req_form(r, "schema");

	if (v == NULL)
		v = req_query(r, "schema");
	if (v == NULL) {
		const char *h = r->src.param(r->src.ctx, "HTTP_X_SUS_SCHEMA");

		if (h == NULL)
			return SUS_SCHEMA_DEFAULT;
		return strcmp(h, "1") == 0 ? 1 : strcmp(h, "2") == 0 ? 2 : 0;
	}
	return str_eq_cstr(*v, "1") ? 1 : str_eq_cstr(*v, "2") ? 2 : 0;
}

/* The XSD of version v into path (the conf names the default's). */
static enum app_err
sus_api_xsd(struct req *r, int v, char *path, size_t n)
{
	if (!sus_schema_path(r->conf->sus_schema, v, path, n))
		return APP_EIO;
	return APP_OK;
}

static struct sus_env
sus_api_env(struct req *r, int v, const char *xsd)
{
	return (struct sus_env){
		.db = r->db,
		.a = r->a,
		.staff_id = r->user->id,
		.username = r->user->username,
		.remote_addr = r->remote_addr,
		.request_id = r->request_id,
		.xsd_path = r->conf->sus_validate ? xsd : NULL,
		.schema = v,
	};
}

#define SUS_BAD_SCHEMA                                                         \
	"schema ska vara 1 eller 2 (standard 2). / schema must be 1 or 2 "     \
	"(default 2)."

/* The body of a HEAD answer: nothing (the headers say how long). */
static enum app_err
sus_stream_nothing(void *ctx, struct arena *a, resp_put_fn put, void *out)
{
	(void)ctx;
	(void)a;
	(void)put;
	(void)out;
	return APP_OK;
}

/* Answer with the stored document of batch info (status 200 or 201); to
 * a HEAD, the headers only (the document is not read). */
static enum app_err
sus_api_document(struct req *r, int status, const struct sus_batch_info *in)
{
	struct sus_stream *s;
	char num[24], loc[64];
	enum app_err e;

	if ((s = arena_alloc(r->a, sizeof(*s))) == NULL)
		return APP_ENOMEM;
	s->db = r->db;
	s->batch_no = in->batch_no;
	r->resp.status = status;
	r->resp.content_type = "application/xml; charset=utf-8";
	snprintf(num, sizeof(num), "%lld", in->batch_no);
	snprintf(loc, sizeof(loc), "/api/sus/batcher/%lld", in->batch_no);
	if ((e = resp_header(&r->resp, "X-SUS-Batch", str_cstr(num))) !=
	        APP_OK ||
	    (e = resp_header(&r->resp, "X-SUS-SHA256", str_cstr(in->sha256))) !=
	        APP_OK ||
	    (status == 201 &&
	        (e = resp_header(&r->resp, "Location", str_cstr(loc))) !=
	            APP_OK))
		return e;
	snprintf(num, sizeof(num), "%lld", in->base_no);
	if ((e = resp_header(&r->resp, "X-SUS-Based-On", str_cstr(num))) !=
	    APP_OK)
		return e;
	resp_stream(&r->resp,
	    r->method == METHOD_HEAD ? sus_stream_nothing : sus_batch_stream, s,
	    in->bytes);
	return APP_OK;
}

enum app_err
page_sus_api_create(struct req *r)
{
	const struct str *since_s = req_form(r, "since");
	int v = sus_api_schema_version(r);
	struct sus_env env;
	struct sus_batch_info info;
	struct sus_result res;
	struct sus_file f;
	long long since = -1;
	int limited;
	char err[600], xsd[PATH_MAX];
	enum app_err e;

	if ((e = sus_api_limit(r, &limited)) != APP_OK || limited)
		return e;
	if (v == 0)
		return sus_api_text(r, 400, SUS_BAD_SCHEMA);
	if ((e = sus_api_xsd(r, v, xsd, sizeof(xsd))) != APP_OK)
		return e;
	env = sus_api_env(r, v, xsd);
	if (since_s != NULL) {
		since = str_to_ll(*since_s);
		if (!(since > 0 || str_eq_cstr(*since_s, "0")))
			return sus_api_text(r, 400,
			    "since ska vara numret på den senast kvitterade "
			    "batchen, eller 0.");
	}
	if (sus_file_open(&f, r->conf->sus_export_dir) != APP_OK) {
		log_error("SUS export: cannot create a file in %s",
		    r->conf->sus_export_dir);
		return APP_EIO;
	}
	e = sus_batch_create(&env, since, f.fd, &res, err, sizeof(err));
	sus_file_close(&f);
	if (e == APP_EINPUT)
		return sus_api_text(r, 409, err);
	if (e != APP_OK) {
		log_error("SUS export: %s", err);
		return e;
	}
	if (res.busy)
		return sus_api_busy(r);
	if (res.empty) {
		resp_clear(&r->resp);
		r->resp.status = 204;
		return APP_OK;
	}
	info = (struct sus_batch_info){ .batch_no = res.batch_no,
		.base_no = res.base_no,
		.bytes = res.bytes };
	memcpy(info.sha256, res.sha256, sizeof(info.sha256));
	return sus_api_document(r, 201, &info);
}

enum app_err
page_sus_api_batch(struct req *r)
{
	struct sus_env env = sus_api_env(r, 0, NULL);
	struct sus_batch_info info;
	long long id;
	int limited;
	enum app_err e;

	if ((e = sus_api_limit(r, &limited)) != APP_OK || limited)
		return e;
	if (req_param_id(r, &id) != APP_OK || id > 2147483647LL)
		return sus_api_text(r, 404, "Ingen sådan batch.");
	e = sus_batch_get(r->db, r->a, id, &info);
	if (e == APP_ENOTFOUND)
		return sus_api_text(r, 404, "Ingen sådan batch.");
	if (e != APP_OK)
		return e;
	if (info.purged)
		return sus_api_text(r, 410,
		    "Batchens dokument är gallrat (kvitterad för länge sedan).");
	/* HEAD hands nothing out: not a fetch, nobody is disclosed. */
	if (r->method != METHOD_HEAD &&
	    (e = sus_batch_fetched(&env, id)) != APP_OK)
		return e;
	return sus_api_document(r, 200, &info);
}

enum app_err
page_sus_api_ack(struct req *r)
{
	struct sus_env env = sus_api_env(r, 0, NULL);
	enum sus_ack result;
	long long id;
	int limited;
	enum app_err e;

	if ((e = sus_api_limit(r, &limited)) != APP_OK || limited)
		return e;
	if (req_param_id(r, &id) != APP_OK || id > 2147483647LL)
		return sus_api_text(r, 404, "Ingen sådan batch.");
	e = sus_batch_ack(&env, id, &result);
	if (e == APP_ENOTFOUND)
		return sus_api_text(r, 404, "Ingen sådan batch.");
	if (e != APP_OK)
		return e;
	switch (result) {
	case SUS_ACK_DONE: return sus_api_text(r, 200, "Kvitterad.");
	case SUS_ACK_ALREADY: return sus_api_text(r, 200, "Redan kvitterad.");
	case SUS_ACK_BUSY: return sus_api_busy(r);
	default:
		return sus_api_text(r, 409,
		    "En annan batch har kvitterats sedan denna skapades: "
		    "skapa en ny batch (POST /api/sus/batcher).");
	}
}

enum app_err
page_sus_api_schema(struct req *r)
{
	FILE *fp;
	char *buf, xsd[PATH_MAX];
	size_t n;
	int limited, v = sus_api_schema_version(r);
	enum app_err e;

	if ((e = sus_api_limit(r, &limited)) != APP_OK || limited)
		return e;
	if (v == 0)
		return sus_api_text(r, 400, SUS_BAD_SCHEMA);
	if ((e = sus_api_xsd(r, v, xsd, sizeof(xsd))) != APP_OK)
		return e;
	if ((buf = arena_alloc(r->a, SUS_XSD_BYTES)) == NULL)
		return APP_ENOMEM;
	if ((fp = fopen(xsd, "r")) == NULL) {
		log_error("SUS schema %s cannot be read", xsd);
		return APP_EIO;
	}
	n = fread(buf, 1, SUS_XSD_BYTES, fp);
	fclose(fp);
	if (n == 0 || n == SUS_XSD_BYTES)
		return APP_EIO;
	r->resp.content_type = "application/xml; charset=utf-8";
	return buf_append(&r->resp.body, buf, n);
}

/* ------------------------------------------------------ register quality */

static const struct bind_key quality_keys[] = {
	{ "id", "id" },
	{ "short_name", "insats" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "start_date", "start" },
	{ "ended", "ended" },
	{ "identity_ok", "held" },
};

static const struct bind_key nostaff_keys[] = {
	{ "insats_id", "insats_id" },
	{ "insats_name", "insats" },
	{ "organisation", "organisation" },
	{ "n_held", "n_held" },
	{ "n_ended", "n_ended" },
};

/* The admin's part: insatser nobody staffs, with their held-back
 * registrations as counts (no personal data, so no access-log row). */
static enum app_err
sus_quality_admin(struct req *r, struct view_ctx *ctx, int admin)
{
	struct sus_nostaff_row *rows = NULL;
	size_t n = 0;
	enum app_err e;

	if (admin &&
	    (e = sus_quality_nostaff(r->db, r->a, &rows, &n)) != APP_OK)
		return e;
	if ((e = view_ctx_set_bool(ctx, "is_admin", admin)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "any_nostaff", n > 0)) != APP_OK)
		return e;
	return bind_list(ctx, "nostaff", &sus_nostaff_record, nostaff_keys,
	    BIND_N(nostaff_keys), rows, n);
}

enum app_err
page_sus_quality(struct req *r)
{
	struct sus_quality_row *rows = NULL;
	struct view_ctx *ctx;
	size_t n = 0;
	long long held = 0;
	int staff = (r->user->roles & ROLE_BIT(ROLE_INSATSPERSONAL)) != 0;
	int admin = (r->user->roles & ROLE_BIT(ROLE_ADMIN)) != 0;
	enum app_err e;

	if (staff &&
	    ((e = audit_write(r, AUDIT_READ, "participation_list", -1,
	          STR_LIT(""), STR_LIT("SUS-registerkvalitet"))) != APP_OK ||
	        (e = sus_quality_load(r->db, r->a, r->user->id, &rows, &n)) !=
	            APP_OK))
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_list(ctx, "rows")) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_staff", staff)) != APP_OK ||
	    (e = sus_quality_admin(r, ctx, admin)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "rows");

		if (it == NULL)
			return APP_ENOMEM;
		held += rows[i].identity_ok;
		if ((e = bind_record(it, &sus_quality_record, quality_keys,
		         BIND_N(quality_keys), &rows[i])) != APP_OK ||
		    (e = view_ctx_set_str(it, "missing",
		         sus_quality_missing_text(r->a, &rows[i]))) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_int(ctx, "count", (long long)n)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "held_count", held)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "cut", n >= SUS_QUALITY_MAX)) != APP_OK)
		return e;
	return page_render(r, "sus_kvalitet", "SUS – registerkvalitet", ctx);
}

/* ---------------------------------------------------- Uppföljning Finsam */

enum { FS_FROM, FS_TO, FS__MAX };

static const struct field_spec finsam_spec[FS__MAX] = {
	[FS_FROM] = { "fran", FT_DATE, 20000101, 21001231, 0, NULL },
	[FS_TO] = { "till", FT_DATE, 20000101, 21001231, 0, NULL },
};

struct finsam {
	char from[11], to[11]; /* the period, ÅÅÅÅ-MM-DD */
	const char *err_from, *err_to;
	struct str typed_from, typed_to;
	struct sus_finsam_row *rows;
	size_t nrows;
};

/* Read the period (default: this calendar year) and run the count. */
static enum app_err
finsam_read(struct req *r, struct finsam *f)
{
	struct field_val fv[FS__MAX];
	size_t nerr;
	int y, m, d;
	enum app_err e;

	memset(f, 0, sizeof(*f));
	date_today(&y, &m, &d);
	snprintf(f->from, sizeof(f->from), "%04d-01-01", y);
	snprintf(f->to, sizeof(f->to), "%04d-12-31", y);
	if ((e = form_validate(
	         r->a, &r->query, finsam_spec, FS__MAX, fv, &nerr)) != APP_OK)
		return e;
	f->typed_from = fv[FS_FROM].s;
	f->typed_to = fv[FS_TO].s;
	f->err_from = fv[FS_FROM].error;
	f->err_to = fv[FS_TO].error;
	if (f->err_from == NULL && fv[FS_FROM].present)
		snprintf(f->from, sizeof(f->from), "%.10s", fv[FS_FROM].s.p);
	if (f->err_to == NULL && fv[FS_TO].present)
		snprintf(f->to, sizeof(f->to), "%.10s", fv[FS_TO].s.p);
	if (f->err_from == NULL && f->err_to == NULL &&
	    strcmp(f->to, f->from) < 0)
		f->err_to = "Periodens slut kan inte vara före dess början.";
	if (f->err_from != NULL || f->err_to != NULL)
		return APP_OK;
	return sus_finsam_load(r->db, r->a, str_cstr(f->from), str_cstr(f->to),
	    &f->rows, &f->nrows);
}

static const struct bind_key finsam_keys[] = {
	{ "active", "active" },
	{ "started", "started" },
	{ "ended", "ended" },
};

enum app_err
page_sus_finsam(struct req *r)
{
	struct view_ctx *ctx, *ins = NULL;
	struct finsam f;
	long long tot[3] = { 0, 0, 0 };
	enum app_err e;

	if ((e = finsam_read(r, &f)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_str(ctx, "fran",
	         f.err_from ? f.typed_from : str_cstr(f.from))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "till",
	         f.err_to ? f.typed_to : str_cstr(f.to))) != APP_OK ||
	    (e = page_form_error(ctx, "fran_fel", f.err_from)) != APP_OK ||
	    (e = page_form_error(ctx, "till_fel", f.err_to)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "insatser")) != APP_OK)
		return e;
	/* Rows come by insats: one item per insats, one per gender in it. */
	for (size_t i = 0; i < f.nrows; i++) {
		const struct sus_finsam_row *row = &f.rows[i];
		struct view_ctx *g;

		if (ins == NULL || row->insats_id != f.rows[i - 1].insats_id) {
			if ((ins = view_ctx_list_add(ctx, "insatser")) == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_str(
			         ins, "name", row->insats_name)) != APP_OK)
				return e;
		}
		if ((g = view_ctx_list_add(ins, "genders")) == NULL)
			return APP_ENOMEM;
		tot[0] += row->active;
		tot[1] += row->started;
		tot[2] += row->ended;
		if ((e = view_ctx_set_cstr(g, "gender",
		         sus_finsam_gender_label(row->gender))) != APP_OK ||
		    (e = bind_record(g, &sus_finsam_record, finsam_keys,
		         BIND_N(finsam_keys), row)) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_bool(ctx, "any", f.nrows > 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "tot_active", tot[0])) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "tot_started", tot[1])) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "tot_ended", tot[2])) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "period_from", str_cstr(f.from))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "period_to", str_cstr(f.to))) != APP_OK)
		return e;
	return page_render(r, "sus_finsam", "Uppföljning Finsam", ctx);
}

/* A count as a CSV cell. */
static enum app_err
csv_count(struct buf *b, long long n, int last)
{
	char num[24];

	snprintf(num, sizeof(num), "%lld", n);
	return buf_csv_cell(b, str_cstr(num), last);
}

enum app_err
page_sus_finsam_csv(struct req *r)
{
	static const char *const head[] = { "insats", "period_fran",
		"period_till", "kon", "deltagare", "nya", "avslutade" };
	struct buf *b = &r->resp.body;
	struct finsam f;
	enum app_err e;

	if ((e = finsam_read(r, &f)) != APP_OK)
		return e;
	if (f.err_from != NULL || f.err_to != NULL)
		return APP_EINPUT;
	r->resp.content_type = "text/csv; charset=utf-8";
	if ((e = resp_header(&r->resp, "Content-Disposition",
	         STR_LIT("attachment; filename=\"uppfoljning-finsam.csv\""))) !=
	    APP_OK)
		return e;
	for (size_t k = 0; k < 7; k++)
		if ((e = buf_csv_cell(b, str_cstr(head[k]), k == 6)) != APP_OK)
			return e;
	for (size_t i = 0; i < f.nrows; i++) {
		const struct sus_finsam_row *row = &f.rows[i];

		if ((e = buf_csv_cell(b, row->insats_name, 0)) != APP_OK ||
		    (e = buf_csv_cell(b, str_cstr(f.from), 0)) != APP_OK ||
		    (e = buf_csv_cell(b, str_cstr(f.to), 0)) != APP_OK ||
		    (e = buf_csv_cell(b, row->gender, 0)) != APP_OK ||
		    (e = csv_count(b, row->active, 0)) != APP_OK ||
		    (e = csv_count(b, row->started, 0)) != APP_OK ||
		    (e = csv_count(b, row->ended, 1)) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* ------------------------------------------------------------ batch log */

static const struct bind_key batch_keys[] = {
	{ "batch_no", "no" },
	{ "base_no", "base" },
	{ "created", "created" },
	{ "created_via", "via" },
	{ "by_user", "by" },
	{ "acked", "acked" },
	{ "n_new", "n_new" },
	{ "n_changed", "n_changed" },
	{ "n_anonymised", "n_anon" },
	{ "n_felreg", "n_felreg" },
	{ "n_groups", "n_groups" },
	{ "n_held_back", "n_held" },
	{ "doc_bytes", "bytes" },
	{ "doc_sha256", "sha256" },
	{ "purged", "is_purged" },
	{ "fetches", "fetches" },
};

enum app_err
page_sus_batches(struct req *r)
{
	struct sus_batch_row *rows;
	struct sus_state st;
	struct view_ctx *ctx;
	size_t n;
	enum app_err e;

	if ((e = sus_batch_list(r->db, r->a, &rows, &n)) != APP_OK ||
	    (e = sus_state_get(r->db, r->a, &st)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_list(ctx, "batches")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "batches");
		struct str sha = rows[i].doc_sha256;

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &sus_batch_row_record, batch_keys,
		         BIND_N(batch_keys), &rows[i])) != APP_OK ||
		    (e = view_ctx_set_str(it, "sha_short",
		         (struct str){ sha.p, sha.len > 12 ? 12 : sha.len })) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "is_acked",
		         rows[i].state == SUS_BATCH_KVITTERAD)) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_bool(ctx, "any", n > 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "last_no", st.last_batch_no)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(ctx, "last_acked", st.last_acked_no)) !=
	        APP_OK)
		return e;
	return page_render(r, "admin_sus", "SUS-batcher", ctx);
}
