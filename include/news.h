/*
 * news.h: what happened since the caller's last visit (issue 15, item 13),
 * on the start page.
 *
 * The last visit is the login before the current one
 * (staff.previous_login_at, sql/0042: a password login moves last_login_at
 * there). NULL: a first login, nothing earlier to compare with. It is
 * shown in Swedish time (date_utc_to_local(), DATE_ZONE_LABEL).
 *
 * The remittent side sees, on the referrals they reach (their own, as
 * medremittent, their unit's when it shares) and only where
 * include/visibility.h lets them see the referral's details (VIS_DETAILS:
 * the status and the decision; the rows are left out in SQL by
 * vis_waiver_mask(), as the referral list does):
 *   - NEWS_DECISION: decided (antagen, avrådd, återförd, väntelista) since
 *     the last visit (referral.decided_at; a referral decided twice shows
 *     its latest decision);
 *   - NEWS_START: a participation that started since: its start day came
 *     (after the last visit's day, up to today), or it was registered
 *     since with a start day already come; one marked in error never
 *     started;
 *   - NEWS_END: ended (avslutad) since: the end registered after the last
 *     visit (the change history's status row);
 *   - NEWS_SUMMARY: a summary version sent since (participation_summary,
 *     a correction too).
 * The items carry the kind, the date and a link to the referral, nothing
 * of the participation's content. A decision is shown where the caller
 * sees the referral's details (VIS_DETAILS, in SQL); a start, an end or a
 * summary only where they follow the participation (VIS_FOLLOW, per row
 * in news.c), as the application page shows them.
 *
 * The insats staff see the applications submitted to their insatser since
 * the last visit (not withdrawn: a withdrawn one left every inbox), and the
 * overdue items (overdue.h) as the start page always shows them.
 */
#ifndef NEWS_H
#define NEWS_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct req;
struct view_ctx;

enum news_kind { NEWS_DECISION, NEWS_START, NEWS_END, NEWS_SUMMARY, NEWS__MAX };

/* "Beslut", "Start", "Avslut", "Sammanfattning skickad". Static; "" out of
 * range. */
const char *news_kind_label(enum news_kind);

/* At most this many items per list (the newest); the page says when
 * there were more. */
#define NEWS_MAX_ROWS 100
/* The remittent's statement reads this many rows, since news.c leaves out
 * per row what the caller may not follow (VIS_FOLLOW) before it counts. */
#define NEWS_SQL_ROWS 500

/* One item of the remittent's news. */
struct news_row {
	long long kind; /* enum news_kind */
	long long referral_id;
	struct str first_name, last_name, insats;
	struct str status; /* the referral's status name (decisions) */
	struct str at; /* a UTC time "ÅÅÅÅ-MM-DD HH:MM" when is_time, else
	                    * a Swedish date "ÅÅÅÅ-MM-DD" */
	int is_time;
	int own, co, unit; /* the caller's ways to the referral */
	long long waiver;  /* ACCESS_SQL_WAIVER's code for the caller */
	long long scope;   /* enum vis_scope bits of that waiver */
};
extern const struct db_record news_row_record;

/* One application new to the insats staff. */
struct news_referral {
	long long id;
	struct str first_name, last_name, insats, status;
	struct str submitted; /* UTC "ÅÅÅÅ-MM-DD HH:MM" */
	long long total;
};
extern const struct db_record news_referral_record;

/* The caller's last visit (UTC "ÅÅÅÅ-MM-DD HH:MM:SS"), "" when none. */
struct news_since {
	struct str at;
};
extern const struct db_record news_since_record;

/*
 * Bind the news of r's user to ctx for views/partials/nytt.html:
 * "news_first" (no earlier visit), "news_since" (the last visit in Swedish
 * time, labelled), and per role: "news_items" (remittent: kind, label, date,
 * link) with "news_none", "news_referrals" (insats staff) with
 * "news_referral_count". Audited as a read of the names listed.
 */
enum app_err news_bind(struct req *, struct view_ctx *);

#endif /* !NEWS_H */
