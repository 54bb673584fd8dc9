/* report_document.c: the delårsrapport's texts and insatser; see
 * include/report_document.h. */
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "report_document.h"
#include "req.h"
#include "session.h"
#include "sql_report_document.h"
#include "str.h"

/* ---- the rules ---- */

static const char *const section_names[RTS__MAX] = {
	[RTS_BAKGRUND] = "bakgrund",
	[RTS_SAMVERKAN] = "samverkan",
	[RTS_HORISONTELLA] = "horisontella",
	[RTS_RESULTAT] = "resultat",
	[RTS_INDIKATORER] = "indikatorer",
};
_Static_assert(sizeof(section_names) / sizeof(section_names[0]) == RTS__MAX,
    "section_names[] out of sync with enum report_text_section");

/* The seed's headings. */
static const char *const section_labels[RTS__MAX] = {
	[RTS_BAKGRUND] = "Bakgrund",
	[RTS_SAMVERKAN] = "Samverkan mellan myndigheter",
	[RTS_HORISONTELLA] = "Horisontella principer (jämställdhet, "
	                     "icke-diskriminering och tillgänglighet)",
	[RTS_RESULTAT] = "Resultat",
	[RTS_INDIKATORER] = "Indikatorer",
};
_Static_assert(sizeof(section_labels) / sizeof(section_labels[0]) == RTS__MAX,
    "section_labels[] out of sync with enum report_text_section");

static const char *const refusal_messages[REPORT_TEXT__MAX] = {
	[REPORT_TEXT_OK] = "",
	[REPORT_TEXT_NOT_YOURS] = "Du arbetar inte i den här insatsen. "
	                          "Texterna skrivs av insatsens egen personal "
	                          "och av administratören.",
	[REPORT_TEXT_NO_ROLE] = "Texterna skrivs av insatsens personal och av "
	                        "administratören.",
};
_Static_assert(
    sizeof(refusal_messages) / sizeof(refusal_messages[0]) == REPORT_TEXT__MAX,
    "refusal_messages[] out of sync with enum report_text_refusal");

const char *
report_text_section_name(enum report_text_section s)
{
	return (unsigned)s < RTS__MAX ? section_names[s] : "";
}

const char *
report_text_section_label(enum report_text_section s)
{
	return (unsigned)s < RTS__MAX ? section_labels[s] : "";
}

int
report_document_period_ok(enum report_period p)
{
	return (unsigned)p < REPORT_PERIOD__MAX && p != REPORT_PERIOD_FRITT;
}

enum report_text_refusal
report_text_may_write(unsigned roles, int works_in)
{
	if (roles & ROLE_BIT(ROLE_ADMIN))
		return REPORT_TEXT_OK;
	if (!(roles & ROLE_BIT(ROLE_INSATSPERSONAL)))
		return REPORT_TEXT_NO_ROLE;
	return works_in ? REPORT_TEXT_OK : REPORT_TEXT_NOT_YOURS;
}

const char *
report_text_refusal_message(enum report_text_refusal why)
{
	return (unsigned)why < REPORT_TEXT__MAX ? refusal_messages[why] : "";
}

int
report_text_empty(const struct report_text *t)
{
	for (int i = 0; i < RTS__MAX; i++)
		if (t->sec[i].len > 0)
			return 0;
	return 1;
}

/* ---- the records ---- */

static const struct db_field text_fields[] = {
	DB_FIELD(report_text, id, "id", DB_F_INT),
	DB_FIELD(report_text, version, "version", DB_F_INT),
	DB_FIELD(report_text, sec[RTS_BAKGRUND], "bakgrund", DB_F_STR),
	DB_FIELD(report_text, sec[RTS_SAMVERKAN], "samverkan", DB_F_STR),
	DB_FIELD(report_text, sec[RTS_HORISONTELLA], "horisontella", DB_F_STR),
	DB_FIELD(report_text, sec[RTS_RESULTAT], "resultat", DB_F_STR),
	DB_FIELD(report_text, sec[RTS_INDIKATORER], "indikatorer", DB_F_STR),
	DB_FIELD(report_text, updated_at, "updated_at", DB_F_UTC_DAY),
	DB_FIELD(report_text, updated_by, "updated_by", DB_F_STR),
};
const struct db_record report_text_record = DB_RECORD(report_text, text_fields);

static const struct db_field insats_fields[] = {
	DB_FIELD(report_doc_insats, id, "id", DB_F_INT),
	DB_FIELD(report_doc_insats, name, "name", DB_F_STR),
	DB_FIELD(report_doc_insats, direction, "direction", DB_F_STR),
	DB_FIELD(report_doc_insats, works_in, "works_in", DB_F_BOOL),
	DB_FIELD(report_doc_insats, updated_at, "updated_at", DB_F_UTC_DAY),
};
const struct db_record report_doc_insats_record =
    DB_RECORD(report_doc_insats, insats_fields);

static const struct db_field forbund_fields[] = {
	DB_FIELD(report_doc_forbund, id, "id", DB_F_INT),
	DB_FIELD(report_doc_forbund, name, "name", DB_F_STR),
};
const struct db_record report_doc_forbund_record =
    DB_RECORD(report_doc_forbund, forbund_fields);

/* ---- loading ---- */

enum app_err
report_doc_forbund_load(struct req *r, struct report_doc_forbund *out)
{
	int found = 0;
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_REPORT_DOCUMENT, SQL_RD_FORBUND,
	         NULL, 0, out, &found)) != APP_OK)
		return e;
	return found ? APP_OK : APP_ENOTFOUND;
}

enum app_err
report_doc_insatser(struct req *r, struct str from, struct str to,
    struct report_doc_insats **out, size_t *n)
{
	struct db_param p[2] = { DB_STR(to), DB_STR(from) };

	return db_load(r->db, r->a, DB_REPORT_DOCUMENT, SQL_RD_INSATSER, p, 2,
	    (void **)out, n);
}

enum app_err
report_doc_writable(struct req *r, int admin, long long year,
    enum report_period per, struct report_doc_insats **out, size_t *n)
{
	struct db_param p[5] = {
		DB_INT(r->user->id),
		DB_INT(year),
		DB_STR(str_cstr(report_period_name(per))),
		DB_INT(admin ? 1 : 0),
		DB_INT(r->user->id),
	};

	return db_load(r->db, r->a, DB_REPORT_DOCUMENT, SQL_RD_WRITABLE, p, 5,
	    (void **)out, n);
}

enum app_err
report_doc_insats_load(
    struct req *r, long long id, struct report_doc_insats *out)
{
	struct db_param p[2] = { DB_INT(r->user->id), DB_INT(id) };
	int found = 0;
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_REPORT_DOCUMENT, SQL_RD_INSATS, p,
	         2, out, &found)) != APP_OK)
		return e;
	return found ? APP_OK : APP_ENOTFOUND;
}

/* A text's key as statement parameters. */
static void
text_key(struct db_param *p, long long insats_id, long long year,
    enum report_period per)
{
	p[0] = DB_INT(insats_id);
	p[1] = DB_INT(year);
	p[2] = DB_STR(str_cstr(report_period_name(per)));
}

static void
text_blank(struct report_text *t)
{
	memset(t, 0, sizeof(*t));
	for (int i = 0; i < RTS__MAX; i++)
		t->sec[i] = STR_LIT("");
	t->updated_at = t->updated_by = STR_LIT("");
}

enum app_err
report_text_load(struct req *r, long long insats_id, long long year,
    enum report_period per, struct report_text *out)
{
	struct db_param p[3];
	int found = 0;
	enum app_err e;

	text_key(p, insats_id, year, per);
	if ((e = db_load_one(r->db, r->a, DB_REPORT_DOCUMENT, SQL_RD_TEXT_GET,
	         p, 3, out, &found)) != APP_OK)
		return e;
	if (!found)
		text_blank(out);
	return APP_OK;
}

/* ---- saving: a versioned edit ---- */

struct text_edit {
	long long insats_id, year;
	enum report_period per;
	const struct str *sec;   /* typed */
	struct report_text held; /* as locked */
	char detail[160];        /* the audit row's: changed sections */
};

static enum app_err
text_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct text_edit *st = state;
	struct db_param p[3];
	int found = 0;
	enum app_err e;

	/* The row exists from the first save on; creating it empty is no
	 * change (version 0, as a form of a text never saved has). */
	text_key(p, st->insats_id, st->year, st->per);
	if ((e = db_exec(r->db, r->a, DB_REPORT_DOCUMENT, SQL_RD_TEXT_ENSURE, p,
	         3, NULL)) != APP_OK ||
	    (e = db_load_one(r->db, r->a, DB_REPORT_DOCUMENT, SQL_RD_TEXT_LOCK,
	         p, 3, &st->held, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	lock->version = st->held.version;
	return APP_OK;
}

/* The changed sections' names into st->detail: "2021 jan-aug: bakgrund,
 * resultat". Returns how many changed. */
static int
text_changes(struct text_edit *st)
{
	size_t len;
	int n = 0;

	len = (size_t)snprintf(st->detail, sizeof(st->detail),
	    "%lld %s:", st->year, report_period_name(st->per));
	for (int i = 0; i < RTS__MAX; i++) {
		if (str_eq(st->sec[i], st->held.sec[i]))
			continue;
		if (len < sizeof(st->detail))
			len += (size_t)snprintf(st->detail + len,
			    sizeof(st->detail) - len, "%s %s", n ? "," : "",
			    section_names[i]);
		n++;
	}
	return n;
}

static enum app_err
text_save(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct text_edit *st = state;
	struct db_param p[8];
	enum app_err e;

	if (text_changes(st) == 0)
		return APP_OK;
	for (int i = 0; i < RTS__MAX; i++)
		p[i] = DB_STR(st->sec[i]);
	p[5] = DB_INT(r->user->id);
	p[6] = DB_INT(st->held.id);
	p[7] = DB_INT(lock->version);
	if ((e = db_exec(r->db, r->a, DB_REPORT_DOCUMENT, SQL_RD_TEXT_UPDATE, p,
	         8, NULL)) != APP_OK)
		return e;
	/* Under our lock the row cannot have moved. */
	if (db_affected_rows(r->db) != 1)
		return APP_EDB;
	p[0] = DB_INT(lock->version + 1);
	p[1] = DB_INT(r->user->id);
	for (int i = 0; i < RTS__MAX; i++)
		p[2 + i] = DB_STR(st->sec[i]);
	p[7] = DB_INT(st->held.id);
	if ((e = db_exec(r->db, r->a, DB_REPORT_DOCUMENT, SQL_RD_TEXT_HISTORY,
	         p, 8, NULL)) != APP_OK)
		return e;
	/* The text is the förbund's (locked above): a version kept. */
	if (db_affected_rows(r->db) != 1)
		return APP_EDB;
	*changed = 1;
	return APP_OK;
}

static const struct edit_ops text_ops = { text_lock, text_save };

enum app_err
report_text_save(struct req *r, long long insats_id, long long year,
    enum report_period per, long long form_version, const struct str *sec,
    enum edit_result *result, struct report_text *now)
{
	struct text_edit st = {
		.insats_id = insats_id, .year = year, .per = per, .sec = sec
	};
	struct edit ed = { .ops = &text_ops,
		.state = &st,
		.form_version = form_version,
		.audit_type = "report_text",
		.audit_id = insats_id,
		.audit_detail = st.detail };
	struct edit_lock lock;
	enum app_err e;

	if ((e = edit_run(r, &ed, result, &lock)) != APP_OK)
		return e;
	return report_text_load(r, insats_id, year, per, now);
}
