/* participant_list.c: the participant list a page at a time; see
 * include/participant_list.h. */
#include "participant_list.h"

#include "arena.h"
#include "db.h"
#include "log.h"
#include "participation.h"
#include "req.h"
#include "sql_referral.h"

/* The most parameters of a page statement: the name order's, 3 + 17 a
 * slot + the count's 22 (127). More is a BUG (logged, no statement run). */
#define PLIST_PARAMS_MAX 127

_Static_assert(PARTICIPANT_LIST_FETCH == PAGING_ROWS + 1,
    "a page fetches one row more than it shows");

static const struct db_field option_fields[] = {
	DB_FIELD(participant_list_option, kind, "kind", DB_F_INT),
	DB_FIELD(participant_list_option, id, "id", DB_F_INT),
	DB_FIELD(participant_list_option, name, "name", DB_F_STR),
	DB_FIELD(participant_list_option, sv, "sv", DB_F_STR),
};
const struct db_record participant_list_option_record =
    DB_RECORD(participant_list_option, option_fields);

enum app_err
participant_list_options(struct req *r, long long staff_id, long long after_id,
    long long order, struct participant_list_option **ins, size_t *nins,
    struct participant_list_option **staff, size_t *nstaff, long long **mine,
    size_t *nmine, struct participant_list_key *key)
{
	struct db_param p[9] = { DB_INT(staff_id), DB_INT(staff_id),
		DB_INT(staff_id), DB_INT(order), DB_INT(order), DB_INT(order),
		DB_INT(order), DB_INT(after_id), DB_INT(staff_id) };
	struct participant_list_option *rows;
	size_t n, k = 0, m = 0;
	enum app_err e;

	*key = (struct participant_list_key){ 0 };
	if ((e = db_load(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_PLIST_OPTIONS,
	         p, 9, (void **)&rows, &n)) != APP_OK)
		return e;
	if ((*mine = arena_alloc(r->a, (n + 1) * sizeof(**mine))) == NULL)
		return APP_ENOMEM;
	/* In kind order: 0, 1, 2, 3. */
	while (k < n && rows[k].kind == 0)
		(*mine)[m++] = rows[k++].id;
	*ins = rows;
	*nins = k;
	*staff = rows + k;
	while (k < n && rows[k].kind == 1)
		k++;
	*nstaff = (size_t)(rows + k - *staff);
	for (; k < n; k++) {
		if (rows[k].kind == 2 && after_id > 0) {
			key->id = rows[k].id;
			key->name_key = rows[k].name;
			key->sv = rows[k].sv;
		} else if (rows[k].kind == 3)
			(*mine)[m++] = rows[k].id;
	}
	*nmine = m;
	return APP_OK;
}

/* The parameters of a statement as they are added, in the order of its
 * text; over: how many did not fit (a BUG, reported before the statement
 * runs). */
struct plist_params {
	struct db_param p[PLIST_PARAMS_MAX];
	size_t n, over;
};

static void
pp_add(struct plist_params *pp, struct db_param v)
{
	if (pp->n < PLIST_PARAMS_MAX)
		pp->p[pp->n++] = v;
	else
		pp->over++;
}

static void
pp_int(struct plist_params *pp, long long v)
{
	pp_add(pp, DB_INT(v));
}

static void
pp_str(struct plist_params *pp, struct str v)
{
	pp_add(pp, DB_STR(v));
}

/* The filter on participation_order (PL_FILTER): 11 parameters. */
static void
pp_filter(struct plist_params *pp, const struct participation_filter *f,
    struct str today)
{
	pp_str(pp, f->status);
	pp_str(pp, f->status);
	pp_int(pp, f->contact_id);
	pp_int(pp, f->contact_id);
	pp_str(pp, f->gender);
	pp_str(pp, f->gender);
	pp_int(pp, f->overdue_kinds);
	for (int k = 0; k < 3; k++)
		pp_str(pp, today);
	pp_int(pp, f->overdue_kinds);
}

/* 1 when the count is a sum of insats_tally's rows: no filter but the
 * insats and the status. */
static int
plist_plain(const struct participation_filter *f)
{
	return f->contact_id == 0 && f->gender.len == 0 &&
	    f->overdue_kinds == 0;
}

/* The count (PL_COUNT): 22 parameters. */
static void
pp_count(struct plist_params *pp, const struct participation_filter *f,
    struct str today)
{
	int plain = plist_plain(f);

	pp_int(pp, plain);
	pp_int(pp, f->staff_id);
	pp_int(pp, f->insats_id);
	pp_int(pp, f->insats_id);
	pp_str(pp, f->status);
	pp_str(pp, f->status);
	pp_int(pp, plain);
	pp_int(pp, f->staff_id);
	pp_int(pp, f->insats_id);
	pp_int(pp, f->insats_id);
	pp_filter(pp, f, today);
	pp_int(pp, PARTICIPANT_LIST_AHEAD + 1);
}

/* One slot of the name order (PL_SLOT): 17 parameters. */
static void
pp_slot(struct plist_params *pp, const struct participation_filter *f,
    long long insats_id, const struct participant_list_key *key,
    struct str today)
{
	pp_int(pp, f->staff_id);
	pp_int(pp, insats_id);
	pp_filter(pp, f, today);
	pp_int(pp, key->id);
	pp_str(pp, key->name_key);
	pp_str(pp, key->name_key);
	pp_int(pp, key->id);
}

/* The order index four times (PL_SV, PL_ORDER). */
static void
pp_order(struct plist_params *pp, long long order)
{
	for (int k = 0; k < 4; k++)
		pp_int(pp, order);
}

enum app_err
participant_list_page(struct req *r, const struct participation_filter *f,
    long long order, const struct participant_list_key *key,
    const long long *mine, size_t nmine, struct participation_row **rows,
    size_t *n, long long *total, int *more, int *next)
{
	struct str today = participation_ymd_str(r->a, participation_today());
	struct plist_params *pp = arena_alloc(r->a, sizeof(*pp));
	int by_name = order <= 1 &&
	    (f->insats_id != 0 || nmine <= PARTICIPANT_LIST_SLOTS);
	enum sql_referral q;
	enum app_err e;

	if (pp == NULL)
		return APP_ENOMEM;
	pp->n = pp->over = 0;
	for (int k = 0; k < 3; k++)
		pp_str(pp, today);
	if (by_name) {
		/* One slot per insats of the caller (or the one chosen),
		 * none (0) in the rest. */
		for (size_t s = 0; s < PARTICIPANT_LIST_SLOTS; s++)
			pp_slot(pp, f,
			    f->insats_id    ? (s == 0 ? f->insats_id : 0)
			        : s < nmine ? mine[s]
			                    : 0,
			    key, today);
		pp_count(pp, f, today);
		if (f->status.len > 0)
			q = order == 0 ? SQL_REFERRAL_PLIST_STATUS_ASC
			               : SQL_REFERRAL_PLIST_STATUS_DESC;
		else
			q = order == 0 ? SQL_REFERRAL_PLIST_NAME_ASC
			               : SQL_REFERRAL_PLIST_NAME_DESC;
	} else {
		pp_order(pp, order);
		pp_int(pp, f->staff_id);
		pp_int(pp, f->insats_id);
		pp_int(pp, f->insats_id);
		pp_filter(pp, f, today);
		/* PL_AFTER */
		pp_int(pp, key->id);
		pp_int(pp, order);
		pp_str(pp, key->sv);
		pp_int(pp, order);
		pp_str(pp, key->sv);
		pp_str(pp, key->sv);
		pp_int(pp, order);
		pp_str(pp, key->name_key);
		pp_str(pp, key->name_key);
		pp_int(pp, key->id);
		pp_int(pp, order);
		pp_str(pp, key->name_key);
		pp_str(pp, key->name_key);
		pp_int(pp, key->id);
		pp_order(pp, order);
		pp_count(pp, f, today);
		pp_order(pp, order);
		q = SQL_REFERRAL_PLIST_ANY;
	}
	*total = 0;
	*more = 0;
	*next = 0;
	if (pp->over > 0) {
		log_error(
		    "BUG: participant list statement %d has %zu parameters, "
		    "PLIST_PARAMS_MAX is %d",
		    (int)q, pp->n + pp->over, PLIST_PARAMS_MAX);
		return APP_EDB;
	}
	if ((e = db_load(r->db, r->a, DB_REFERRAL, q, pp->p, pp->n,
	         (void **)rows, n)) != APP_OK)
		return e;
	if (*n > 0) {
		*total = (*rows)[0].total;
		/* Only a count of rows is bounded, not a sum of counts. */
		if (!plist_plain(f) && *total > PARTICIPANT_LIST_AHEAD) {
			*total = PARTICIPANT_LIST_AHEAD;
			*more = 1;
		}
	}
	if (*n > PAGING_ROWS) {
		*n = PAGING_ROWS;
		*next = 1;
	}
	return APP_OK;
}
