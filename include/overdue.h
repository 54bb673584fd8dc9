/*
 * overdue.h: what is overdue in a participation (issue 15, item 3), the
 * one rule behind the staff start page, the inbox and the participant
 * list's filter "Försenade".
 *
 * Three kinds, each on day today (Swedish date, date_today()):
 *   - OVERDUE_END: the planned end has passed while the participant is
 *     still inskriven: planned_end < today (on the planned end day itself
 *     nothing is late yet);
 *   - OVERDUE_MIDTERM: no mid-term follow-up (a row of
 *     participation_midterm, sql/0039) has been held while the participant
 *     is inskriven and the halfway day has passed: halfway < today, where
 *     halfway = start + floor((planned_end - start) / 2) days (no planned
 *     end: no halfway, never late); any follow-up held, on any day,
 *     resolves it;
 *   - OVERDUE_SUMMARY: the participation is avslutad, its summary not sent
 *     (summary_sent_at is the first send) and its due date has passed:
 *     summary_due < today.
 * A participation can be late in more than one way; a felregistrerad one
 * never is.
 *
 * The C predicates below (unit-tested in tests/unit/test_overdue.c
 * without a database) and the SQL conditions (OVERDUE_SQL_*, for lists
 * that page: what is not late is left out in SQL before the LIMIT) share
 * the state names, the divisor of the halfway day and the strict "before
 * today".
 *
 * The rule also lives in sql/0049's view participation_order_src: per
 * kind the day from which a participation is late, kept by triggers in
 * participation_order, which the participant list's filter "Försenade"
 * reads (late: the day < today) and sql/0053's late_tally counts for the
 * inbox (overdue_tally_window(); no rule of its own, only those days). Nothing here
 * builds that view: tests/http/test_overdue_order.sh compares the two for
 * every participation and the edge days. Changing the rule (a state, the
 * halfway day, "before today", what resolves a kind) therefore needs a
 * migration too, that redefines the view, drops and makes again the
 * triggers that read it (a trigger keeps the view as it was when its
 * table was opened, until the table is flushed) and refills
 * participation_order as sql/0049 fills it (late_tally follows by its
 * triggers on participation_order).
 */
#ifndef OVERDUE_H
#define OVERDUE_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct req;
struct view_ctx;

enum overdue_kind {
	OVERDUE_END,
	OVERDUE_MIDTERM,
	OVERDUE_SUMMARY,
	OVERDUE__MAX
};

#define OVERDUE_BIT(k) (1u << (k))
#define OVERDUE_ANY    (OVERDUE_BIT(OVERDUE__MAX) - 1u)

/* The state a participation is late in for each kind, quoted for SQL. */
#define OVERDUE_ENROLLED_STATE      "'inskriven'"
#define OVERDUE_ENDED_STATE         "'avslutad'"
/* The halfway day divides start..planned end by this (whole days, down). */
#define OVERDUE_HALFWAY_DIVISOR     2
#define OVERDUE_HALFWAY_DIVISOR_SQL "2"

/*
 * The SQL conditions of participation p (the outer query's alias), each
 * with one parameter, today ("ÅÅÅÅ-MM-DD").
 */
#define OVERDUE_SQL_HALFWAY                                                    \
	"DATE_ADD(p.start_date, INTERVAL DATEDIFF(p.planned_end_date, "        \
	"p.start_date) DIV " OVERDUE_HALFWAY_DIVISOR_SQL " DAY)"
#define OVERDUE_SQL_END                                                        \
	"(p.status = " OVERDUE_ENROLLED_STATE " AND "                          \
	"p.planned_end_date IS NOT NULL AND p.planned_end_date < ?)"
#define OVERDUE_SQL_MIDTERM                                                    \
	"(p.status = " OVERDUE_ENROLLED_STATE " AND "                          \
	"p.planned_end_date IS NOT NULL AND " OVERDUE_SQL_HALFWAY " < ? "      \
	"AND NOT EXISTS (SELECT 1 FROM participation_midterm om "              \
	"WHERE om.participation_id = p.id))"
#define OVERDUE_SQL_SUMMARY                                                    \
	"(p.status = " OVERDUE_ENDED_STATE " AND p.summary_sent_at IS NULL "   \
	"AND p.summary_due_date IS NOT NULL AND p.summary_due_date < ?)"
/* The kinds p is late in as OVERDUE_BIT()s (three parameters: today). */
#define OVERDUE_SQL_MASK                                                       \
	"(IF(" OVERDUE_SQL_END ", 1, 0) | IF(" OVERDUE_SQL_MIDTERM             \
	", 2, 0) | "                                                           \
	"IF(" OVERDUE_SQL_SUMMARY ", 4, 0))"

/* What the rule looks at of one participation. Dates YYYYMMDD, 0 when
 * not set. */
struct overdue_facts {
	struct str status; /* participation.status */
	long long start;   /* start_date */
	long long planned_end;
	long long summary_due;
	int summary_sent;   /* summary_sent_at is set */
	long long midterms; /* rows of participation_midterm */
};

/* "slut", "mitt", "sammanfattning": the query values of the filter;
 * NULL out of range. Static. */
const char *overdue_kind_name(enum overdue_kind);
/* OVERDUE__MAX for a name it does not know. */
enum overdue_kind overdue_kind_from_name(struct str);
/* "Planerat slut har passerat", "Mittuppföljning saknas", "Sammanfattning
 * försenad": a row's marker. Static; "" out of range. */
const char *overdue_kind_label(enum overdue_kind);
/* The heading of a kind's list: "Planerat slut har passerat",
 * "Ingen mittuppföljning vid halva tiden", "Sammanfattningar som inte
 * skickats i tid". Static. */
const char *overdue_kind_heading(enum overdue_kind);

/* The halfway day of start..planned_end (YYYYMMDD); 0 when either is 0. */
long long overdue_halfway(long long start, long long planned_end);

/* The day kind k of f became or becomes due (the planned end, the
 * halfway day, the summary's due date); 0 when there is none. */
long long overdue_due(enum overdue_kind k, const struct overdue_facts *f);

/* 1 when f is late in kind k on day today. */
int overdue_is(
    enum overdue_kind k, const struct overdue_facts *f, long long today);

/* The kinds f is late in on day today, as OVERDUE_BIT()s. */
unsigned overdue_mask(const struct overdue_facts *f, long long today);

/*
 * What the inbox reads of late_tally (sql/0053) to count the late ones of
 * a kind on day today: every day set (grain 0) less those not late yet
 * (today or later). Those are taken from the side of today's month that
 * has fewer days to read: in the first half, the months from this one on
 * (grain 1, bucket >= month_from) less the days of this month before today
 * (grain 2, day_from <= bucket < day_to: day_sign +1); after it, the
 * months after this one and the days from today to the month's end
 * (day_sign -1). Late = grain 0 - grain 1 + day_sign * grain 2. At most
 * 16 days a kind, however many participations. Dates YYYYMMDD.
 */
struct overdue_tally_window {
	long long month_from, day_from, day_to;
	int day_sign;
};
void overdue_tally_window(long long today, struct overdue_tally_window *);

/* ---- the lists (app/sql_overdue.c) ---- */

/* How many rows of each kind the start page shows. */
#define OVERDUE_SHORT_ROWS 5

/* One late participation of a short list. */
struct overdue_row {
	long long kind; /* enum overdue_kind */
	long long id;   /* the participation */
	struct str first_name, last_name, insats;
	struct str due_date; /* overdue_due(), "ÅÅÅÅ-MM-DD" */
	long long total;     /* how many of this kind in all */
};
extern const struct db_record overdue_row_record;

/* The late participations of staff_id's insatser today: per kind the
 * OVERDUE_SHORT_ROWS that have waited longest, and the kind's total
 * (counts[kind]). Arena. */
enum app_err overdue_short_lists(struct req *, long long staff_id,
    struct overdue_row **rows, size_t *n, long long counts[OVERDUE__MAX]);

/*
 * Bind the caller's late participations to ctx for the partial
 * views/partials/forsenat.html: "overdue_total" and list "overdue_kinds"
 * (per kind with any: heading, name, count, list "rows" unless
 * counts_only, "more" when not all are listed), with an audit row for the
 * names shown. Nothing but "overdue_total" 0 for a caller who is not
 * insats staff.
 */
enum app_err overdue_bind(struct req *, struct view_ctx *, int counts_only);

#endif /* !OVERDUE_H */
