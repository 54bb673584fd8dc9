/* participant_list.c: the participant list a page at a time; see
 * include/participant_list.h. */
#include "participant_list.h"

#include "db.h"
#include "participation.h"
#include "req.h"
#include "sql_referral.h"

static const struct db_field option_fields[] = {
	DB_FIELD(participant_list_option, kind, "kind", DB_F_INT),
	DB_FIELD(participant_list_option, id, "id", DB_F_INT),
	DB_FIELD(participant_list_option, name, "name", DB_F_STR),
};
const struct db_record participant_list_option_record =
    DB_RECORD(participant_list_option, option_fields);

enum app_err
participant_list_options(struct req *r, long long staff_id,
    struct participant_list_option **ins, size_t *nins,
    struct participant_list_option **staff, size_t *nstaff)
{
	struct db_param p[2] = { DB_INT(staff_id), DB_INT(staff_id) };
	struct participant_list_option *rows;
	size_t n, k = 0;
	enum app_err e;

	if ((e = db_load(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_PLIST_OPTIONS,
	         p, 2, (void **)&rows, &n)) != APP_OK)
		return e;
	while (k < n && rows[k].kind == 0)
		k++;
	*ins = rows;
	*nins = k;
	*staff = rows + k;
	*nstaff = n - k;
	return APP_OK;
}

long long
participant_list_bound(long long offset)
{
	return offset + PAGING_ROWS + PARTICIPANT_LIST_AHEAD;
}

/* The 14 parameters of the filter (PL_WHERE) from p[0]. */
static void
plist_filter_params(
    struct db_param *p, const struct participation_filter *f, struct str today)
{
	p[0] = DB_INT(f->staff_id);
	p[1] = p[2] = DB_INT(f->insats_id);
	p[3] = p[4] = DB_STR(f->status);
	p[5] = p[6] = DB_INT(f->contact_id);
	p[7] = p[8] = DB_STR(f->gender);
	p[9] = DB_INT(f->overdue_kinds);
	p[10] = p[11] = p[12] = DB_STR(today);
	p[13] = DB_INT(f->overdue_kinds);
}

enum app_err
participant_list_page(struct req *r, const struct participation_filter *f,
    const struct paging *pg, struct participation_row **rows, size_t *n,
    long long *total, int *more)
{
	struct str today = participation_ymd_str(r->a, participation_today());
	long long bound = participant_list_bound(paging_offset(pg));
	struct db_param p[53];
	size_t i = 0;
	enum app_err e;

	p[i++] = DB_STR(today);
	p[i++] = DB_STR(today);
	p[i++] = DB_STR(today);
	plist_filter_params(p + i, f, today);
	i += 14;
	for (int k = 0; k < 10; k++)
		p[i++] = DB_INT(paging_order(pg));
	p[i++] = DB_INT(paging_offset(pg));
	plist_filter_params(p + i, f, today);
	i += 14;
	p[i++] = DB_INT(bound + 1);
	for (int k = 0; k < 10; k++)
		p[i++] = DB_INT(paging_order(pg));
	*total = 0;
	*more = 0;
	if ((e = db_load(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_PLIST_PAGE, p,
	         i, (void **)rows, n)) != APP_OK)
		return e;
	if (*n > 0) {
		*total = (*rows)[0].total;
		if (*total > bound) {
			*total = bound;
			*more = 1;
		}
	}
	return APP_OK;
}
