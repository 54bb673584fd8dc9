/* access.c: who may see which referral; see include/access.h. */
#include "access.h"
#include "db.h"
#include "req.h"
#include "session.h"
#include "sql_access.h"

enum app_err
access_referral(struct req *r, long long referral_id, unsigned *via)
{
	const struct staff_user *u = r->user;
	int is_rem, is_ins;
	struct db_param p[7];
	struct db_rows rows;
	unsigned ways = 0;
	enum app_err e;

	if (via != NULL)
		*via = 0;
	if (u == NULL || referral_id <= 0)
		return APP_ENOTFOUND;
	is_rem = (u->roles & ROLE_BIT(ROLE_REMITTENT)) != 0;
	is_ins = (u->roles & ROLE_BIT(ROLE_INSATSPERSONAL)) != 0;
	if (!is_rem && !is_ins)
		return APP_ENOTFOUND;
	p[0] = DB_INT(u->id);
	p[1] = DB_INT(u->id);
	p[2] = DB_INT(u->id);
	p[3] = DB_INT(u->id);
	p[4] = DB_INT(is_rem);
	p[5] = DB_INT(is_ins);
	p[6] = DB_INT(referral_id);
	if ((e = db_exec(r->db, r->a, DB_ACCESS, SQL_ACCESS_REFERRAL, p, 7,
	         &rows)) != APP_OK)
		return e;
	if (rows.nrows != 1)
		return APP_ENOTFOUND;
	if (is_rem && str_to_ll(db_cell(&rows, 0, 0)))
		ways |= ACCESS_OWN;
	if (is_rem && str_to_ll(db_cell(&rows, 0, 1)))
		ways |= ACCESS_COREMITTENT;
	if (is_rem && str_to_ll(db_cell(&rows, 0, 2)))
		ways |= ACCESS_UNIT;
	if (is_ins && str_to_ll(db_cell(&rows, 0, 3)))
		ways |= ACCESS_INSATS;
	if (ways == 0)
		return APP_ENOTFOUND;
	if (via != NULL)
		*via = ways;
	return APP_OK;
}

enum app_err
access_participation(struct req *r, long long participation_id, unsigned *via)
{
	struct db_param p[1] = { DB_INT(participation_id) };
	struct db_rows rows;
	enum app_err e;

	if (via != NULL)
		*via = 0;
	if (participation_id <= 0)
		return APP_ENOTFOUND;
	if ((e = db_exec(r->db, r->a, DB_ACCESS,
	         SQL_ACCESS_PARTICIPATION_REFERRAL, p, 1, &rows)) != APP_OK)
		return e;
	if (rows.nrows != 1)
		return APP_ENOTFOUND;
	return access_referral(r, str_to_ll(db_cell(&rows, 0, 0)), via);
}

enum app_err
access_may_refer(struct req *r, long long insats_id)
{
	struct db_param p[1] = { DB_INT(insats_id) };
	struct db_rows rows;
	enum app_err e;

	if (r->user == NULL || !(r->user->roles & ROLE_BIT(ROLE_REMITTENT)))
		return APP_ENOTFOUND;
	if ((e = db_exec(r->db, r->a, DB_ACCESS, SQL_ACCESS_INSATS_ACTIVE, p, 1,
	         &rows)) != APP_OK)
		return e;
	return rows.nrows == 1 ? APP_OK : APP_ENOTFOUND;
}
