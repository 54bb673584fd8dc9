/* referral_follow.c: what the remittent's page loads of the participation;
 * see include/referral_follow.h. */
#include <string.h>

#include "consent.h"
#include "db.h"
#include "log.h"
#include "referral_follow.h"
#include "req.h"
#include "sql_referral_follow.h"

static const struct db_field referral_follow_fields[] = {
	DB_FIELD(referral_follow, scope, "scope", DB_F_INT),
	DB_FIELD(
	    referral_follow, participation_id, "participation_id", DB_F_INT),
	DB_FIELD(referral_follow, status_name, "status", DB_F_STR),
	DB_FIELD(referral_follow, start_date, "start_date", DB_F_STR),
	DB_FIELD(referral_follow, planned_end, "planned_end", DB_F_STR),
	DB_FIELD(referral_follow, end_date, "end_date", DB_F_STR),
	DB_FIELD(referral_follow, contact, "contact", DB_F_STR),
	DB_FIELD(referral_follow, contact_email, "contact_email", DB_F_STR),
	DB_FIELD(referral_follow, hours, "hours", DB_F_INT),
	DB_FIELD(referral_follow, end_reason, "end_reason", DB_F_STR),
	DB_FIELD(referral_follow, summary_sent, "summary_sent", DB_F_UTC_TIME),
	DB_FIELD(
	    referral_follow, summary_versions, "summary_versions", DB_F_INT),
};
const struct db_record referral_follow_record =
    DB_RECORD(referral_follow, referral_follow_fields);

static const struct db_field referral_follow_item_fields[] = {
	DB_FIELD(referral_follow_item, kind, "kind", DB_F_INT),
	DB_FIELD(referral_follow_item, d1, "d1", DB_F_STR),
	DB_FIELD(referral_follow_item, d2, "d2", DB_F_STR),
	DB_FIELD(referral_follow_item, text, "text", DB_F_STR),
	DB_FIELD(referral_follow_item, n, "n", DB_F_INT),
};
const struct db_record referral_follow_item_record =
    DB_RECORD(referral_follow_item, referral_follow_item_fields);

enum app_err
referral_follow_head(struct req *r, long long referral_id,
    struct referral_follow *out, int *found)
{
	struct str today = consent_today(r);
	struct db_param p[3] = { DB_STR(today), DB_STR(today),
		DB_INT(referral_id) };
	enum app_err e;

	memset(out, 0, sizeof(*out));
	if ((e = db_load_one(r->db, r->a, DB_REFERRAL_FOLLOW, SQL_RF_HEAD, p, 3,
	         out, found)) != APP_OK ||
	    !*found)
		return e;
	out->status = participation_status_from_name(out->status_name);
	if (out->status == PARTICIPATION_STATUS__MAX) {
		log_error("BUG: participation status '%.*s' unknown",
		    (int)out->status_name.len, out->status_name.p);
		return APP_EDB;
	}
	return APP_OK;
}

enum app_err
referral_follow_items(struct req *r, long long participation_id,
    struct referral_follow_item **items, size_t *n)
{
	struct db_param p[3] = { DB_INT(participation_id),
		DB_INT(participation_id), DB_INT(participation_id) };
	void *out = NULL;
	enum app_err e;

	e = db_load(
	    r->db, r->a, DB_REFERRAL_FOLLOW, SQL_RF_ITEMS, p, 3, &out, n);
	*items = out;
	return e;
}
