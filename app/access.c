/* access.c: who may see which referral; see include/access.h. */
#include "access.h"
#include "db.h"
#include "req.h"
#include "session.h"
#include "sql_access.h"

/* The ways r's user reaches the record of statement q (SQL_ACCESS_REFERRAL
 * or SQL_ACCESS_PARTICIPATION) with id: the caller's roles gate each way. */
static enum app_err
access_ways(struct req *r, unsigned q, long long id, unsigned *via)
{
	const struct staff_user *u = r->user;
	int is_rem, is_ins, found;
	struct db_param p[7];
	struct access_row row;
	unsigned ways = 0;
	enum app_err e;

	if (via != NULL)
		*via = 0;
	if (u == NULL || id <= 0)
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
	p[6] = DB_INT(id);
	if ((e = db_load_one(r->db, r->a, DB_ACCESS, q, p, 7, &row, &found)) !=
	    APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if (is_rem && row.own)
		ways |= ACCESS_OWN;
	if (is_rem && row.co)
		ways |= ACCESS_COREMITTENT;
	if (is_rem && row.unit)
		ways |= ACCESS_UNIT;
	if (is_ins && row.ins)
		ways |= ACCESS_INSATS;
	if (ways == 0)
		return APP_ENOTFOUND;
	if (via != NULL)
		*via = ways;
	return APP_OK;
}

enum app_err
access_referral(struct req *r, long long referral_id, unsigned *via)
{
	return access_ways(r, SQL_ACCESS_REFERRAL, referral_id, via);
}

enum app_err
access_participation(struct req *r, long long participation_id, unsigned *via)
{
	return access_ways(r, SQL_ACCESS_PARTICIPATION, participation_id, via);
}

int
access_insats_reaches(const struct req *r, int reaches)
{
	return reaches && r->user != NULL &&
	    (r->user->roles & ROLE_BIT(ROLE_INSATSPERSONAL)) != 0;
}

int
access_via_insats(const struct req *r, unsigned via)
{
	return access_insats_reaches(r, (via & ACCESS_INSATS) != 0);
}

enum app_err
access_may_refer(struct req *r, long long insats_id)
{
	struct db_param p[1] = { DB_INT(insats_id) };
	struct access_num active;
	int found;
	enum app_err e;

	if (r->user == NULL || !(r->user->roles & ROLE_BIT(ROLE_REMITTENT)))
		return APP_ENOTFOUND;
	if ((e = db_load_one(r->db, r->a, DB_ACCESS, SQL_ACCESS_INSATS_ACTIVE,
	         p, 1, &active, &found)) != APP_OK)
		return e;
	return found ? APP_OK : APP_ENOTFOUND;
}

struct vis_in
access_vis_in(
    const struct req *r, unsigned via, enum vis_waiver w, int protected_)
{
	struct vis_in in = { 0, via, w, protected_ != 0, 0 };

	if (r->user != NULL)
		in.roles = r->user->roles;
	return in;
}

enum app_err
access_waiver(
    struct req *r, long long referral_id, long long org_id, enum vis_waiver *w)
{
	struct db_param p[4] = { DB_INT(org_id), DB_INT(org_id), DB_INT(org_id),
		DB_INT(referral_id) };
	struct access_num row;
	int found;
	enum app_err e;

	*w = VIS_WAIVER_IN_ERROR;
	if ((e = db_load_one(r->db, r->a, DB_ACCESS, SQL_ACCESS_WAIVER, p, 4,
	         &row, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	*w = vis_waiver_from_code(row.n);
	return APP_OK;
}

enum app_err
access_details_visible(struct req *r, long long referral_id, long long org_id,
    unsigned via, int *visible)
{
	enum vis_waiver w;
	enum app_err e;

	*visible = 0;
	if ((e = access_waiver(r, referral_id, org_id, &w)) != APP_OK)
		return e == APP_ENOTFOUND ? APP_OK : e;
	*visible = vis_remittent_details(vis_remittent_waiver(w, via));
	return APP_OK;
}
