/* sql_news.c: statements of the news since the last visit; see
 * include/sql_news.h. */
#include "news.h"
#include "sql_access.h"
#include "sql_news.h"

/* A number macro as SQL text. */
#define NUM_(n) #n
#define NUM(n)  NUM_(n)

static const struct db_field since_fields[] = {
	DB_FIELD(news_since, at, "at", DB_F_STR),
};
const struct db_record news_since_record = DB_RECORD(news_since, since_fields);

static const struct db_field row_fields[] = {
	DB_FIELD(news_row, kind, "kind", DB_F_INT),
	DB_FIELD(news_row, referral_id, "referral_id", DB_F_INT),
	DB_FIELD(news_row, first_name, "first_name", DB_F_STR),
	DB_FIELD(news_row, last_name, "last_name", DB_F_STR),
	DB_FIELD(news_row, insats, "insats", DB_F_STR),
	DB_FIELD(news_row, status, "status", DB_F_STR),
	DB_FIELD(news_row, at, "at", DB_F_STR),
	DB_FIELD(news_row, is_time, "is_time", DB_F_BOOL),
	DB_FIELD(news_row, own, "own", DB_F_BOOL),
	DB_FIELD(news_row, co, "co", DB_F_BOOL),
	DB_FIELD(news_row, unit, "unit", DB_F_BOOL),
	DB_FIELD(news_row, waiver, "waiver", DB_F_INT),
	DB_FIELD(news_row, scope, "scope", DB_F_INT),
};
const struct db_record news_row_record = DB_RECORD(news_row, row_fields);

static const struct db_field referral_fields[] = {
	DB_FIELD(news_referral, id, "id", DB_F_INT),
	DB_FIELD(news_referral, first_name, "first_name", DB_F_STR),
	DB_FIELD(news_referral, last_name, "last_name", DB_F_STR),
	DB_FIELD(news_referral, insats, "insats", DB_F_STR),
	DB_FIELD(news_referral, status, "status", DB_F_STR),
	DB_FIELD(news_referral, submitted, "submitted", DB_F_STR),
	DB_FIELD(news_referral, total, "total", DB_F_INT),
};
const struct db_record news_referral_record =
    DB_RECORD(news_referral, referral_fields);

/* The referrals the caller reaches on the remittent side whose details
 * they may see: the ways and the waiver as the remittent's referral list
 * computes them (app/sql_referral.c, SQL_REFERRAL_LIST), the masks of the
 * ways from include/visibility.h (news.c passes them). */
#define VISIBLE                                                                  \
	"WITH v AS (SELECT r.id AS id, rp.first_name AS first_name, "            \
	"rp.last_name AS last_name, i.name AS insats, r.status AS status, "      \
	"r.decided_at AS decided_at, "                                           \
	"r.remittent_id = ? AS own, "                                            \
	"EXISTS (SELECT 1 FROM referral_coremittent c WHERE c.referral_id = "    \
	"r.id AND c.staff_id = ?) AS co, "                                       \
	"(o.share_within_unit = 1 AND r.organisation_id = (SELECT "              \
	"organisation_id FROM staff WHERE id = ?)) AS unit, " ACCESS_SQL_WAIVER  \
	" AS waiver, " ACCESS_SQL_WAIVER_SCOPE " AS scope "                      \
	"FROM referral r JOIN referral_person rp ON rp.referral_id = r.id "      \
	"JOIN insats i ON i.id = r.insats_id "                                   \
	"JOIN organisation o ON o.id = r.organisation_id "                       \
	"WHERE (r.remittent_id = ? OR EXISTS (SELECT 1 FROM "                    \
	"referral_coremittent c WHERE c.referral_id = r.id AND c.staff_id = ?) " \
	"OR (o.share_within_unit = 1 AND r.organisation_id = "                   \
	"(SELECT organisation_id FROM staff WHERE id = ?))) "                    \
	"AND r.gallrad_at IS NULL "                                              \
	"HAVING (((IF(own, ?, 0) | IF(co, ?, 0) | IF(unit, ?, 0)) "              \
	">> waiver) & 1) = 1) "

/* One kind's columns from v (and participation p). */
#define ITEM(kind, at, is_time)                                                \
	"SELECT " kind " AS kind, v.id AS referral_id, "                       \
	"v.first_name AS first_name, v.last_name AS last_name, "               \
	"v.insats AS insats, v.status AS status, " at " AS at, " is_time       \
	" AS is_time, v.own AS own, v.co AS co, v.unit AS unit, "              \
	"v.waiver AS waiver, v.scope AS scope "
#define JOIN_P                                                                 \
	"FROM v JOIN participation p ON p.referral_id = v.id "                 \
	"WHERE p.gallrad_at IS NULL "

_Static_assert(NEWS_DECISION == 0 && NEWS_START == 1 && NEWS_END == 2 &&
        NEWS_SUMMARY == 3 && NEWS__MAX == 4,
    "SQL_NEWS_REMITTENT's kinds out of sync with enum news_kind");

const struct db_query sql_news[SQL_NEWS__MAX] = {
	[SQL_NEWS_SINCE] = { "SELECT IFNULL(DATE_FORMAT(previous_login_at, "
	                     "'%Y-%m-%d %H:%i:%s'), '') AS at "
	                     "FROM staff WHERE id = ?",
	    1, .ncols = 1, .nparams = 1, .rec = &news_since_record },
	[SQL_NEWS_REMITTENT] = { VISIBLE ITEM("0",
	                             "DATE_FORMAT(v.decided_at, '%Y-%m-%d %H:%i')",
	                             "1") "FROM v WHERE v.status IN ('antagen', 'avradd', 'aterford', "
	                                  "'vantelista') AND v.decided_at > ? "
	                                  "UNION ALL " ITEM("1",
	                                      "DATE_FORMAT(p.start_date, '%Y-%m-%d')",
	                                      "0") JOIN_P
	    "AND p.status <> 'felregistrerad' AND p.start_date <= ? "
	    "AND (p.start_date > ? OR p.created_at > ?) "
	    "UNION ALL " ITEM("2", "DATE_FORMAT(p.end_date, '%Y-%m-%d')", "0")
	        JOIN_P
	    "AND p.status = 'avslutad' AND EXISTS (SELECT 1 FROM "
	    "change_history h WHERE h.record_type = 'participation' "
	    "AND h.record_id = p.id AND h.field = 'status' "
	    "AND h.new_value = 'avslutad' AND h.at > ?) "
	    "UNION ALL " ITEM("3", "DATE_FORMAT(ps.sent_at, '%Y-%m-%d %H:%i')",
	        "1") "FROM v JOIN participation p ON p.referral_id = v.id "
	             "JOIN participation_summary ps ON ps.participation_id = p.id "
	             "WHERE p.gallrad_at IS NULL AND ps.state = 'skickad' "
	             "AND ps.sent_at > ? "
	             "ORDER BY at DESC, kind DESC, referral_id DESC "
	             "LIMIT " NUM(NEWS_SQL_ROWS),
	    1, .ncols = 13, .nparams = 20, .rec = &news_row_record },
	[SQL_NEWS_REFERRALS] = { "SELECT r.id AS id, rp.first_name AS first_name, "
	                         "rp.last_name AS last_name, i.name AS insats, "
	                         "r.status AS status, "
	                         "DATE_FORMAT(r.submitted_at, '%Y-%m-%d %H:%i') AS submitted, "
	                         "COUNT(*) OVER () AS total "
	                         "FROM referral r "
	                         "JOIN referral_person rp ON rp.referral_id = r.id "
	                         "JOIN insats i ON i.id = r.insats_id "
	                         "WHERE " ACCESS_SQL_INSATS_WAY " "
	                         "AND r.status <> 'aterkallad' AND r.gallrad_at IS NULL "
	                         "AND r.submitted_at > ? "
	                         "ORDER BY r.submitted_at DESC, r.id DESC "
	                         "LIMIT " NUM(NEWS_MAX_ROWS),
	    1, .ncols = 7, .nparams = 2, .rec = &news_referral_record },
};
