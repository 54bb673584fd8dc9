/* forbund.c: a new förbund, its office and first admin; see
 * include/forbund.h. */
#include <string.h>

#include "audit.h"
#include "db.h"
#include "forbund.h"
#include "organisation.h"
#include "public_host.h"
#include "req.h"
#include "sql_admin.h"
#include "staff.h"

/* SQL_ADMIN_FORBUND_FIRST's row. */
struct forbund_first {
	long long id;
};
static const struct db_field forbund_first_fields[] = {
	DB_FIELD(forbund_first, id, "id", DB_F_INT),
};
const struct db_record forbund_first_record =
    DB_RECORD(forbund_first, forbund_first_fields);

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

const char *
forbund_new_problem(const struct forbund_new *f)
{
	char host[PUBLIC_HOST_MAX + 1];

	if (!forbund_text_ok(f->name, 200))
		return "the name must be 1 to 200 characters, on one line";
	if (!forbund_text_ok(f->short_name, 60))
		return "the short name must be 1 to 60 characters, on one line";
	if (f->public_host.len > 0 &&
	    (f->public_host.len > PUBLIC_HOST_MAX ||
	        memchr(f->public_host.p, '\0', f->public_host.len) != NULL ||
	        !public_host_of(f->public_host.p, host) ||
	        strlen(host) != f->public_host.len ||
	        memcmp(host, f->public_host.p, f->public_host.len) != 0))
		return "the host name must be a lower-case name such as "
		       "stegvis.exempel.se, without a port";
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
	enum app_err e;

	*forbund_id = *staff_id = 0;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
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
	if ((e = staff_insert(r, &admin, password_hash, staff_id)) != APP_OK ||
	    (e = buf_printf(&detail, "förbund %lld created, admin %.*s: %.*s",
	         *forbund_id, (int)f->admin_username.len, f->admin_username.p,
	         (int)f->name.len, f->name.p)) != APP_OK ||
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

enum app_err
forbund_may_manage_installation(struct req *r, int *may)
{
	struct forbund_first first;
	int found;
	enum app_err e;

	*may = 0;
	if ((e = db_load_one(r->db, r->a, DB_ADMIN, SQL_ADMIN_FORBUND_FIRST,
	         NULL, 0, &first, &found)) != APP_OK)
		return e;
	*may = found && first.id > 0 && first.id == db_forbund(r->db);
	return APP_OK;
}
