/* forbund.c: a new förbund, its office and first admin, its details and
 * the operator's changes; see include/forbund.h. */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "forbund.h"
#include "form.h"
#include "organisation.h"
#include "public_host.h"
#include "req.h"
#include "session.h"
#include "sql_admin.h"
#include "sql_auth.h"
#include "staff.h"
#include "structural.h"

/* SQL_ADMIN_FORBUND_FIRST's row. */
struct forbund_first {
	long long id;
};
static const struct db_field forbund_first_fields[] = {
	DB_FIELD(forbund_first, id, "id", DB_F_INT),
};
const struct db_record forbund_first_record =
    DB_RECORD(forbund_first, forbund_first_fields);

static const struct db_field forbund_fields[] = {
	DB_FIELD(forbund, id, "id", DB_F_INT),
	DB_FIELD(forbund, name, "name", DB_F_STR),
	DB_FIELD(forbund, short_name, "short_name", DB_F_STR),
	DB_FIELD(forbund, public_host, "public_host", DB_F_STR),
	DB_FIELD(forbund, active, "active", DB_F_BOOL),
	DB_FIELD(forbund, org_number, "org_number", DB_F_STR),
	DB_FIELD(forbund, sus_code, "sus_code", DB_F_STR),
	DB_FIELD(forbund, municipalities, "municipalities", DB_F_STR),
	DB_FIELD(forbund, description, "description", DB_F_STR),
	DB_FIELD(forbund, version, "version", DB_F_INT),
};
const struct db_record forbund_record = DB_RECORD(forbund, forbund_fields);

static const struct db_field forbund_brief_fields[] = {
	DB_FIELD(forbund_brief, id, "id", DB_F_INT),
	DB_FIELD(forbund_brief, name, "name", DB_F_STR),
	DB_FIELD(forbund_brief, short_name, "short_name", DB_F_STR),
	DB_FIELD(forbund_brief, public_host, "public_host", DB_F_STR),
	DB_FIELD(forbund_brief, active, "active", DB_F_BOOL),
};
const struct db_record forbund_brief_record =
    DB_RECORD(forbund_brief, forbund_brief_fields);

/* Characters (UTF-8 code points) in s. */
static size_t
forbund_chars(struct str s)
{
	size_t n = 0;

	for (size_t i = 0; i < s.len; i++)
		n += ((unsigned char)s.p[i] & 0xC0) != 0x80;
	return n;
}

/* 1 when s has 1..max characters and no control character. */
static int
forbund_text_ok(struct str s, size_t max)
{
	size_t n = forbund_chars(s);

	for (size_t i = 0; i < s.len; i++)
		if ((unsigned char)s.p[i] < 0x20 || s.p[i] == 0x7f)
			return 0;
	return n >= 1 && n <= max;
}

static int
forbund_all_digits(struct str s)
{
	for (size_t i = 0; i < s.len; i++)
		if (s.p[i] < '0' || s.p[i] > '9')
			return 0;
	return 1;
}

/* The name, short name and host name the operator gives (forbund-add,
 * forbund-set): each checked only when given (.p not NULL). */
static const char *
forbund_names_problem(struct str name, struct str short_name, struct str host)
{
	char in[PUBLIC_HOST_MAX + 1], got[PUBLIC_HOST_MAX + 1];

	if (name.p != NULL && !forbund_text_ok(name, 200))
		return "the name must be 1 to 200 characters, on one line";
	if (short_name.p != NULL && !forbund_text_ok(short_name, 60))
		return "the short name must be 1 to 60 characters, on one line";
	/* --forbund reads digits as an id: a short name of digits would
	 * name another förbund there. */
	if (short_name.p != NULL && forbund_all_digits(short_name))
		return "the short name must not be only digits (--forbund reads "
		       "digits as an id)";
	if (host.p == NULL || host.len == 0)
		return NULL;
	/* As stored: what public_host_of() reads back unchanged (lower
	 * case, no port); one with a NUL inside or longer than any host name
	 * is refused before it reads its C string. */
	if (host.len <= PUBLIC_HOST_MAX &&
	    memchr(host.p, '\0', host.len) == NULL) {
		memcpy(in, host.p, host.len);
		in[host.len] = '\0';
		if (public_host_of(in, got) && strcmp(got, in) == 0)
			return NULL;
	}
	return "the host name must be a lower-case name such as "
	       "stegvis.exempel.se, without a port";
}

const char *
forbund_new_problem(const struct forbund_new *f)
{
	const char *problem;

	if ((problem = forbund_names_problem(f->name.p ? f->name : STR_LIT(""),
	         f->short_name.p ? f->short_name : STR_LIT(""),
	         f->public_host)) != NULL)
		return problem;
	if (!staff_username_ok(f->admin_username))
		return "the admin's account name must be 2 to 64 of a-z, 0-9, "
		       "'.', '_' and '-', starting with a letter or digit";
	if (!forbund_text_ok(f->admin_name, 200))
		return "the admin's name must be 1 to 200 characters, on one "
		       "line";
	return NULL;
}

enum app_err
forbund_create(struct req *r, const struct forbund_new *f,
    struct str password_hash, long long *forbund_id, long long *staff_id)
{
	struct db_param p[3] = { DB_STR(f->name), DB_STR(f->short_name),
		f->public_host.len ? DB_STR(f->public_host) : DB_NULL };
	struct org_change office = { .kind = ORG_OTHER,
		.name = STR_LIT(FORBUND_OFFICE_NAME),
		.short_name = STR_LIT("Kansliet"),
		.active = 1 };
	struct staff_change admin = { .username = f->admin_username,
		.display_name = f->admin_name,
		.email = STR_LIT(""),
		.active = 1,
		.roles = ROLE_BIT(ROLE_ADMIN) };
	long long office_id;
	struct buf detail;
	struct forbund_first first;
	int found_first;
	enum app_err e;

	*forbund_id = *staff_id = 0;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	/* The installation's first förbund: its admin is the one who can
	 * manage the installation's settings until the operator names
	 * others (`stegvis installation-admin`). */
	if ((e = db_load_one(r->db, r->a, DB_ADMIN, SQL_ADMIN_FORBUND_FIRST,
	         NULL, 0, &first, &found_first)) != APP_OK)
		goto fail;
	found_first = found_first && first.id > 0;
	/* Two active förbund without a host name: the plain address would
	 * name neither, and the one there now would lose its public page. */
	if (f->public_host.len == 0) {
		struct forbund_first other;
		int found;

		if ((e = db_load_one(r->db, r->a, DB_ADMIN,
		         SQL_ADMIN_FORBUND_HOSTLESS, NULL, 0, &other,
		         &found)) != APP_OK)
			goto fail;
		if (found && other.id > 0) {
			e = APP_EINPUT;
			goto fail;
		}
	}
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_FORBUND_INSERT, p, 3,
	         NULL)) != APP_OK ||
	    (*forbund_id = (long long)db_insert_id(r->db)) <= 0)
		goto fail;
	/* From here on every statement is the new förbund's. */
	db_forbund_set(r->db, *forbund_id);
	if ((e = org_insert(r, &office, &office_id)) != APP_OK)
		goto fail;
	admin.organisation_id = office_id;
	buf_init(&detail, r->a);
	if ((e = staff_insert(r, &admin, password_hash, staff_id)) != APP_OK)
		goto fail;
	if (!found_first) {
		struct db_param m[2] = { DB_INT(1), DB_INT(*staff_id) };

		if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_MARK_SET, m, 2,
		         NULL)) != APP_OK)
			goto fail;
	}
	if ((e = buf_printf(&detail, "förbund %lld created, admin %.*s%s: %.*s",
	         *forbund_id, (int)f->admin_username.len, f->admin_username.p,
	         found_first ? "" : " (installation admin)", (int)f->name.len,
	         f->name.p)) != APP_OK ||
	    (e = audit_write_anonymous(r, *forbund_id,
	         STR_LIT("cli:forbund-add"), AUDIT_ADMIN, buf_str(&detail))) !=
	        APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	if (e == APP_OK)
		e = APP_EDB;
	db_rollback(r->db);
	*forbund_id = *staff_id = 0;
	return e;
}

int
forbund_may_manage_installation(const struct req *r)
{
	return r->user != NULL && r->user->installation_admin;
}

enum forbund_ia_result
forbund_ia_decide(int found, int is_active, int is_admin, int is_marked,
    int can, long long able, int on)
{
	if (!found || (on && !is_active))
		return FORBUND_IA_UNKNOWN;
	if (!is_marked == !on)
		return FORBUND_IA_UNCHANGED;
	if (on && !is_admin)
		return FORBUND_IA_NOT_ADMIN;
	if (!on && can && able <= 1)
		return FORBUND_IA_LAST;
	return FORBUND_IA_DONE;
}

enum app_err
forbund_installation_admin_set(
    struct req *r, struct str username, int on, enum forbund_ia_result *res)
{
	struct db_param p[2] = { DB_STR(username) };
	struct staff_mark m = { 0 };
	struct staff_id *marked;
	size_t nmarked;
	int found, can = 0;
	char detail[128];
	enum app_err e;

	*res = FORBUND_IA_UNKNOWN;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = db_load(r->db, r->a, DB_AUTH, SQL_STAFF_MARKED_LOCK, NULL, 0,
	         (void **)&marked, &nmarked)) != APP_OK ||
	    (e = db_load_one(r->db, r->a, DB_AUTH, SQL_STAFF_MARK_LOCK, p, 1,
	         &m, &found)) != APP_OK)
		goto fail;
	for (size_t i = 0; found && i < nmarked; i++)
		can |= marked[i].id == m.id;
	*res = forbund_ia_decide(found, m.is_active, m.is_admin, m.is_marked,
	    can, (long long)nmarked, on);
	if (*res != FORBUND_IA_DONE) {
		db_rollback(r->db);
		return APP_OK;
	}
	p[0] = DB_INT(on ? 1 : 0);
	p[1] = DB_INT(m.id);
	snprintf(detail, sizeof(detail), "installation_admin of %.*s: %d -> %d",
	    (int)username.len, username.p, !on, on ? 1 : 0);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_MARK_SET, p, 2,
	         NULL)) != APP_OK ||
	    (e = audit_write_anonymous(r, m.forbund_id,
	         STR_LIT("cli:installation-admin"), AUDIT_ADMIN,
	         str_cstr(detail))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(r->db);
	*res = FORBUND_IA_UNKNOWN;
	return e;
}

/* ---- The förbund's own details ---- */

/* 1 when s has a control character: any but TAB and, with lines, LF. */
static int
forbund_has_control(struct str s, int lines)
{
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.p[i];

		if ((c < 0x20 || c == 0x7f) && c != '\t' &&
		    !(lines && c == '\n'))
			return 1;
	}
	return 0;
}

size_t
forbund_details_check(struct forbund_details *d,
    char orgnr[FORBUND_ORG_NUMBER_MAX + 1],
    const char *err[FORBUND_DETAIL__MAX])
{
	size_t n = 0;

	for (size_t k = 0; k < FORBUND_DETAIL__MAX; k++)
		err[k] = NULL;
	if (d->org_number.len > 0) {
		if (!structural_orgnr(d->org_number, orgnr))
			err[FORBUND_ORG_NUMBER] =
			    "Ange organisationsnumret som NNNNNN-NNNN, med "
			    "rätt kontrollsiffra, eller lämna fältet tomt.";
		else
			d->org_number = (struct str){ orgnr, 11 };
	}
	/* susKod is the XSD's SusId, [!-~]{1,32}: a code with a blank or
	 * a letter outside ASCII would make every export invalid. */
	if (d->sus_code.len > FORBUND_SUS_CODE_MAX)
		err[FORBUND_SUS_CODE] = "Högst 32 tecken.";
	for (size_t i = 0; i < d->sus_code.len && !err[FORBUND_SUS_CODE]; i++)
		if (d->sus_code.p[i] < '!' || d->sus_code.p[i] > '~')
			err[FORBUND_SUS_CODE] =
			    "SUS-koden skrivs som i SUS: bokstäverna a–z och "
			    "A–Z (inte å, ä, ö), siffror och tecken som - och "
			    "_, utan mellanslag.";
	if (form_text_chars(d->municipalities) > FORBUND_MUNICIPALITIES_MAX)
		err[FORBUND_MUNICIPALITIES] = "Högst 500 tecken.";
	else if (forbund_has_control(d->municipalities, 0))
		err[FORBUND_MUNICIPALITIES] = "Skriv kommunerna på en rad.";
	if (form_text_chars(d->description) > FORBUND_DESCRIPTION_MAX)
		err[FORBUND_DESCRIPTION] = "Högst 10000 tecken.";
	else if (forbund_has_control(d->description, 1))
		err[FORBUND_DESCRIPTION] =
		    "Beskrivningen har ett tecken som inte går att spara.";
	for (size_t k = 0; k < FORBUND_DETAIL__MAX; k++)
		n += err[k] != NULL;
	return n;
}

enum app_err
forbund_get(struct req *r, int lock, struct forbund *out, int *found)
{
	return db_load_one(r->db, r->a, DB_ADMIN,
	    lock ? SQL_ADMIN_FORBUND_LOCK : SQL_ADMIN_FORBUND_GET, NULL, 0, out,
	    found);
}

enum app_err
forbund_details_save(struct req *r, const struct forbund_details *d)
{
	struct db_param p[4] = {
		d->org_number.len ? DB_STR(d->org_number) : DB_NULL,
		d->sus_code.len ? DB_STR(d->sus_code) : DB_NULL,
		DB_STR(d->municipalities),
		DB_STR(d->description),
	};

	return db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_FORBUND_DETAILS_UPDATE,
	    p, 4, NULL);
}

/* ---- The operator's changes ---- */

const char *
forbund_set_problem(const struct forbund_set *s)
{
	if (s->active != -1 && s->active != 0 && s->active != 1)
		return "--active must be 0 or 1";
	return forbund_names_problem(s->name, s->short_name, s->public_host);
}

enum forbund_pick
forbund_pick(
    const struct forbund_brief *rows, size_t n, const char *which, size_t *k)
{
	size_t digits = strspn(which, "0123456789"), found = 0;

	*k = 0;
	if (which[0] != '\0' && which[digits] == '\0' && digits <= 18) {
		long long id = str_to_ll(str_cstr(which));

		for (size_t i = 0; i < n; i++)
			if (rows[i].id == id) {
				*k = i;
				return FORBUND_PICK_OK;
			}
		return FORBUND_PICK_NONE;
	}
	/* The short name is not unique (the name is): two förbund may
	 * share one, and then the id must say which. */
	for (size_t i = 0; i < n; i++)
		if (str_eq_cstr(rows[i].short_name, which) && found++ == 0)
			*k = i;
	return found == 0 ? FORBUND_PICK_NONE
	    : found == 1  ? FORBUND_PICK_OK
	                  : FORBUND_PICK_SEVERAL;
}

void
forbund_set_apply(const struct forbund_brief *before,
    const struct forbund_set *s, struct forbund_brief *after)
{
	*after = *before;
	if (s->name.p != NULL)
		after->name = s->name;
	if (s->short_name.p != NULL)
		after->short_name = s->short_name;
	if (s->public_host.p != NULL)
		after->public_host = s->public_host;
	if (s->active == 0 || s->active == 1)
		after->active = s->active;
}

/* Active and without a host name: a claim on the installation's plain
 * address (sql/0071). */
static int
forbund_default(const struct forbund_brief *f)
{
	return f->active && f->public_host.len == 0;
}

enum forbund_set_refusal
forbund_set_refusal(const struct forbund_brief *rows, size_t n, size_t k,
    const struct forbund_brief *after)
{
	size_t others_default = 0, others_active = 0;

	for (size_t i = 0; i < n; i++)
		if (i != k) {
			others_default += forbund_default(&rows[i]);
			others_active += rows[i].active != 0;
		}
	/* Only what this change brings about is refused: a name given to
	 * the one default while another (by SQL) is one too goes through. */
	if (forbund_default(after) && !forbund_default(&rows[k]) &&
	    others_default > 0)
		return FORBUND_SET_HOSTLESS;
	if (!after->active && rows[k].active && others_active == 0)
		return FORBUND_SET_LAST_ACTIVE;
	return FORBUND_SET_OK;
}

/* The access-log detail: what changed, and the new host name and state
 * (the name is the row's own). */
static enum app_err
forbund_set_detail(struct buf *b, const struct forbund_brief *before,
    const struct forbund_brief *after)
{
	const char *sep = ":";
	enum app_err e = buf_printf(b, "förbund %lld set", after->id);

	if (e == APP_OK && !str_eq(before->name, after->name)) {
		e = buf_printf(b, "%s name", sep);
		sep = ",";
	}
	if (e == APP_OK && !str_eq(before->short_name, after->short_name)) {
		e = buf_printf(b, "%s short name %.*s", sep,
		    (int)after->short_name.len, after->short_name.p);
		sep = ",";
	}
	if (e == APP_OK && !str_eq(before->public_host, after->public_host)) {
		e = after->public_host.len
		    ? buf_printf(b, "%s host name %.*s", sep,
		          (int)after->public_host.len, after->public_host.p)
		    : buf_printf(b, "%s no host name", sep);
		sep = ",";
	}
	if (e == APP_OK && before->active != after->active)
		e = buf_printf(b, "%s active %d", sep, after->active);
	return e;
}

enum app_err
forbund_set_run(struct req *r, const char *which, const struct forbund_set *s,
    enum forbund_set_result *res, enum forbund_set_refusal *refusal,
    struct forbund_brief *before, struct forbund_brief *after)
{
	struct forbund_brief *rows;
	struct db_param p[5];
	struct buf detail;
	size_t n, k;
	enum app_err e;

	*res = FORBUND_SET_UNKNOWN;
	*refusal = FORBUND_SET_OK;
	memset(before, 0, sizeof(*before));
	memset(after, 0, sizeof(*after));
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	/* Every förbund locked: whether another is the default or still
	 * active must hold until this one is changed. */
	if ((e = db_load(r->db, r->a, DB_ADMIN, SQL_ADMIN_FORBUND_ALL_LOCK,
	         NULL, 0, (void **)&rows, &n)) != APP_OK)
		goto fail;
	switch (forbund_pick(rows, n, which, &k)) {
	case FORBUND_PICK_OK: break;
	case FORBUND_PICK_SEVERAL: *res = FORBUND_SET_AMBIGUOUS; /* FALLTHRU */
	case FORBUND_PICK_NONE: db_rollback(r->db); return APP_OK;
	}
	*before = rows[k];
	forbund_set_apply(&rows[k], s, after);
	if ((*refusal = forbund_set_refusal(rows, n, k, after)) !=
	    FORBUND_SET_OK) {
		*res = FORBUND_SET_REFUSED;
		db_rollback(r->db);
		return APP_OK;
	}
	if (str_eq(before->name, after->name) &&
	    str_eq(before->short_name, after->short_name) &&
	    str_eq(before->public_host, after->public_host) &&
	    before->active == after->active) {
		*res = FORBUND_SET_UNCHANGED;
		db_rollback(r->db);
		return APP_OK;
	}
	p[0] = DB_STR(after->name);
	p[1] = DB_STR(after->short_name);
	p[2] = after->public_host.len ? DB_STR(after->public_host) : DB_NULL;
	p[3] = DB_INT(after->active);
	p[4] = DB_INT(after->id);
	buf_init(&detail, r->a);
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_FORBUND_SET, p, 5,
	         NULL)) != APP_OK ||
	    (e = forbund_set_detail(&detail, before, after)) != APP_OK ||
	    (e = audit_write_anonymous(r, after->id, STR_LIT("cli:forbund-set"),
	         AUDIT_ADMIN, buf_str(&detail))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	*res = FORBUND_SET_DONE;
	return APP_OK;
fail:
	db_rollback(r->db);
	*res = FORBUND_SET_UNKNOWN;
	return e;
}
