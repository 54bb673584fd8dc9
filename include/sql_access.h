/*
 * sql_access.h: the statements of app/access.c, and the waiver state every
 * statement that needs it computes the same way.
 */
#ifndef SQL_ACCESS_H
#define SQL_ACCESS_H

#include "db.h"
#include "sql_consent.h"

/*
 * The secrecy waiver of referral r (the outer query's alias) as it applies
 * to organisation ? (three times: the organisation, again for its parent,
 * and again for the referring-organisation test), as a value of enum
 * vis_waiver (include/visibility.h): the latest signed waiver (drafts say
 * nothing); when none was given, 0 for the referring organisation itself
 * and 7 for any other (a medremittent's); in force (aktiv,
 * perhaps past its dates until the sweep) or expired, whether one of its
 * active parties is the organisation or its parent; revoked; marked in
 * error. Only the inputs: visibility.h decides what they show.
 */
#define ACCESS_SQL_WAIVER                                                          \
	"IFNULL((SELECT CASE c.state WHEN 'aktiv' THEN 2 WHEN 'utgangen' THEN 4 "  \
	"WHEN 'aterkallad' THEN 5 ELSE 6 END - (c.state IN ('aktiv', 'utgangen') " \
	"AND EXISTS (SELECT 1 FROM consent_party cp WHERE cp.consent_id = c.id "   \
	"AND cp.state = 'aktiv' AND cp.organisation_id IS NOT NULL AND "           \
	"(cp.organisation_id = ? OR cp.organisation_id = (SELECT o2.parent_id "    \
	"FROM organisation o2 WHERE o2.id = ?)))) " ACCESS_SQL_LATEST_WAIVER       \
	"), "                                                                      \
	"IF(r.organisation_id = ?, 0, 7))"

/* The latest signed waiver c of referral r, as ACCESS_SQL_WAIVER and
 * ACCESS_SQL_WAIVER_SCOPE both read it. */
#define ACCESS_SQL_LATEST_WAIVER                                               \
	"FROM consent c "                                                      \
	"WHERE c.referral_id = r.id AND c.kind = 'sekretess' AND "             \
	"c.signed_how IS NOT NULL AND c.state IN ('aktiv', 'aterkallad', "     \
	"'utgangen', 'felaktig') ORDER BY c.signed_at DESC, c.id DESC LIMIT 1"

/*
 * What the same waiver says beyond its state, as enum vis_scope bits
 * (include/visibility.h; 0 when none was given): it allows disclosure
 * (1); it names the categories planering (2) and arbete (4); today
 * (parameter ?, twice: the Swedish date, consent_today()) is within its
 * period, the insats itself is still an active party and its case has
 * not closed (8: with state aktiv, in force as consent.h defines it; the
 * case closes as CONSENT_SQL_CLOSED says: a correction in draft keeps it
 * open); the participation is ended and a version of its summary
 * (participation_summary) was sent while the waiver was signed and not
 * yet ended, and not before a reopening (16: a correction sent under a
 * waiver given after the first send counts for that waiver; what was sent
 * before a reopening covers nothing recorded after it). Only the inputs:
 * visibility.h decides what they show (vis_follow()).
 */
#define ACCESS_SQL_WAIVER_SCOPE                                                        \
	"IFNULL((SELECT (c.direction_disclose <> 0) "                                  \
	"| 2 * EXISTS (SELECT 1 FROM consent_consent_category cg "                     \
	"WHERE cg.consent_id = c.id AND cg.category_code = 'planering') "              \
	"| 4 * EXISTS (SELECT 1 FROM consent_consent_category cg "                     \
	"WHERE cg.consent_id = c.id AND cg.category_code = 'arbete') "                 \
	"| 8 * (c.valid_from <= ? AND c.valid_until >= ? AND EXISTS (SELECT "          \
	"1 FROM consent_party ci WHERE ci.consent_id = c.id AND "                      \
	"ci.insats_id IS NOT NULL AND ci.state = 'aktiv') AND NOT " CONSENT_SQL_CLOSED \
	") "                                                                           \
	"| 16 * EXISTS (SELECT 1 FROM participation pd JOIN "                          \
	"participation_summary sd ON sd.participation_id = pd.id WHERE "               \
	"pd.referral_id = r.id AND pd.status = 'avslutad' AND "                        \
	"sd.state = 'skickad' AND c.signed_at <= sd.sent_at AND "                      \
	"(c.ended_at IS NULL OR c.ended_at >= sd.sent_at) AND NOT EXISTS "             \
	"(SELECT 1 FROM change_history hr WHERE hr.record_type = "                     \
	"'participation' AND hr.record_id = pd.id AND hr.field = "                     \
	"'reopen_reason' AND hr.at > sd.sent_at)) " ACCESS_SQL_LATEST_WAIVER           \
	"), 0)"

/* The insats staff's way to referral r: submitted (a draft withdrawn
 * before it was ever sent stays the remittent's), and of an insats the
 * staff member (parameter ?) works in. The one SQL text of that rule, for
 * SQL_ACCESS_* and for a page that loads its record and the caller's way in
 * one statement (SQL_PARTICIPATION_GET); access_insats_reaches() gates it
 * by role. */
#define ACCESS_SQL_INSATS_WAY                                                    \
	"(r.status <> 'utkast' AND (r.status <> 'aterkallad' OR "                \
	"r.submitted_at IS NOT NULL) AND EXISTS (SELECT 1 FROM staff_insats si " \
	"WHERE si.staff_id = ? AND si.insats_id = r.insats_id))"

/* The ways one caller reaches one referral (0/1 each). */
struct access_row {
	int own, co, unit, ins;
};

/* One number: a referral id, a flag, a waiver state. */
struct access_num {
	long long n;
};

enum sql_access {
	/* (staff id x4, is remittent, is insatspersonal, referral id) ->
	 * struct access_row: one row when the caller reaches it a way */
	SQL_ACCESS_REFERRAL,
	/* (staff id x4, is remittent, is insatspersonal, participation id)
	 * -> struct access_row: the same, through the participation's
	 * referral */
	SQL_ACCESS_PARTICIPATION,
	/* (insats id) -> active: one row when it exists and is active */
	SQL_ACCESS_INSATS_ACTIVE,
	/* (organisation id x3, referral id) -> waiver (ACCESS_SQL_WAIVER) */
	SQL_ACCESS_WAIVER,
	SQL_ACCESS__MAX
};

extern const struct db_query sql_access[SQL_ACCESS__MAX];

#endif /* !SQL_ACCESS_H */
