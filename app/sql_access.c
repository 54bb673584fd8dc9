/* sql_access.c: statements of the access rules; see include/sql_access.h. */
#include <stddef.h>

#include "sql_access.h"
#include "visibility.h"

/* ACCESS_SQL_WAIVER computes these values. */
_Static_assert(VIS_WAIVER_NONE == 0 && VIS_WAIVER_NAMES_ORG == 1 &&
        VIS_WAIVER_OTHER_ORGS == 2 && VIS_WAIVER_EXPIRED_NAMES_ORG == 3 &&
        VIS_WAIVER_EXPIRED_OTHER_ORGS == 4 && VIS_WAIVER_REVOKED == 5 &&
        VIS_WAIVER_IN_ERROR == 6 && VIS_WAIVER_NONE_OTHER_ORG == 7 &&
        VIS_WAIVER__MAX == 8,
    "ACCESS_SQL_WAIVER out of sync with enum vis_waiver");

/* ACCESS_SQL_WAIVER_SCOPE computes these bits. */
_Static_assert(VIS_SCOPE_DISCLOSE == 1 && VIS_SCOPE_PLANERING == 2 &&
        VIS_SCOPE_ARBETE == 4 && VIS_SCOPE_CURRENT == 8 &&
        VIS_SCOPE_DELIVERED == 16,
    "ACCESS_SQL_WAIVER_SCOPE out of sync with enum vis_scope");

static const struct db_field access_row_fields[] = {
	DB_FIELD(access_row, own, "own", DB_F_BOOL),
	DB_FIELD(access_row, co, "co", DB_F_BOOL),
	DB_FIELD(access_row, unit, "unit", DB_F_BOOL),
	DB_FIELD(access_row, ins, "ins", DB_F_BOOL),
};
static const struct db_record access_row_record =
    DB_RECORD(access_row, access_row_fields);

static const struct db_field access_active_fields[] = {
	DB_FIELD(access_num, n, "active", DB_F_INT),
};
static const struct db_record access_active_record =
    DB_RECORD(access_num, access_active_fields);

static const struct db_field access_waiver_fields[] = {
	DB_FIELD(access_num, n, "waiver", DB_F_INT),
};
static const struct db_record access_waiver_record =
    DB_RECORD(access_num, access_waiver_fields);

/*
 * The four ways to a referral r (with its organisation o) from FROM_WHERE,
 * computed together; the outer WHERE keeps only rows reachable one way or
 * another. The role flags gate each way, so a remittent role does not open
 * the insats way or the reverse. Parameters: the caller's staff id four
 * times, is remittent, is insats staff, then FROM_WHERE's.
 */
#define ACCESS_WAYS(FROM_WHERE)                                                \
	"SELECT own, co, unit, ins FROM ("                                     \
	" SELECT r.remittent_id = ? AS own,"                                   \
	" EXISTS (SELECT 1 FROM referral_coremittent c"                        \
	"  WHERE c.referral_id = r.id AND c.staff_id = ?) AS co,"              \
	" (o.share_within_unit = 1 AND r.organisation_id ="                    \
	"  (SELECT organisation_id FROM staff WHERE id = ?)) AS unit,"         \
	" " ACCESS_SQL_INSATS_WAY " AS ins,"                                   \
	" ? AS is_rem, ? AS is_ins " FROM_WHERE ") x "                         \
	"WHERE (is_rem AND (own OR co OR unit)) OR (is_ins AND ins)"

/* Every way to a referral starts in the caller's förbund: the referral's
 * insats is the förbund's (its organisation is too, by the composite keys
 * of sql/0001). The ways below are each bounded by the caller's own
 * organisation or insatser, which no förbund shares; this makes the rule
 * say so itself, so that no way added later can reach across. */
#define ACCESS_FORBUND                                                         \
	"JOIN insats fi ON fi.id = r.insats_id AND fi.forbund_id = :forbund"

const struct db_query sql_access[SQL_ACCESS__MAX] = {
	[SQL_ACCESS_REFERRAL] = { ACCESS_WAYS(
	                              "FROM referral r JOIN organisation o ON o.id = r.organisation_id"
	                              " " ACCESS_FORBUND " WHERE r.id = ?"),
	    1, .ncols = 4, .nparams = 7, .rec = &access_row_record },
	/* The same for a participation, through its referral, in one
	 * statement. */
	[SQL_ACCESS_PARTICIPATION] = { ACCESS_WAYS(
	                                   "FROM participation pa JOIN referral r ON r.id = pa.referral_id"
	                                   " JOIN organisation o ON o.id = r.organisation_id"
	                                   " " ACCESS_FORBUND
	                                   " WHERE pa.id = ?"),
	    1, .ncols = 4, .nparams = 7, .rec = &access_row_record },
	/* Only the caller's förbund's insatser take its referrals. */
	[SQL_ACCESS_INSATS_ACTIVE] = { "SELECT 1 AS active FROM insats WHERE id = ? AND active = 1 "
	                               "AND forbund_id = :forbund",
	    1, .ncols = 1, .nparams = 1, .rec = &access_active_record },
	[SQL_ACCESS_WAIVER] = { "SELECT " ACCESS_SQL_WAIVER
	                        " AS waiver FROM referral r " ACCESS_FORBUND
	                        " WHERE r.id = ?",
	    1, .ncols = 1, .nparams = 4, .rec = &access_waiver_record },
};
