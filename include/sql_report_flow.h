/*
 * sql_report_flow.h: the statements of the step-by-step path in the
 * activity report (app/report_flow.c): who came from, or went on to,
 * another insats of the förbund.
 *
 * One person's participations are linked by participation.person_id (the
 * personnummer; README, "Who sees what of a person"), and nothing anybody
 * typed. For a participation p (not felregistrerad):
 *   - its predecessor is the participation q of the same person in another
 *     insats of the same förbund, avslutad, that ended on or before the day
 *     p started (q.end_date <= p.start_date); of several, the one that
 *     ended last (then started last, then the highest id);
 *   - for p avslutad, its successor is the participation q of the same
 *     person in another insats of the same förbund, not felregistrerad,
 *     that started on or after the day p ended (q.start_date >= p.end_date);
 *     of several, the one that started first (then ended first, open ones
 *     last, then the lowest id).
 * Dates are "ÅÅÅÅ-MM-DD"; genders come back as kvinna, man or annat.
 * Every statement reads the request's förbund's participations and
 * insatser only (db_scope.h).
 */
#ifndef SQL_REPORT_FLOW_H
#define SQL_REPORT_FLOW_H

#include "db.h"

enum sql_report_flow {
	/* () -> id, name, forbund_id, period_start, period_end ("" while
	 * open-ended): the individual insatser of the request's förbund, by
	 * name */
	SQL_FLOW_INSATSER,
	/* (period end, period start, insats id or 0, the same) -> from_id,
	 * to_id, gender, n: the participations that overlap the period (the
	 * report's enrolled) and have a predecessor, by the predecessor's
	 * insats, their own insats and gender */
	SQL_FLOW_FROM,
	/* (period start, period end, insats id or 0, the same) -> from_id,
	 * to_id, gender, n: the participations avslutad in the period (the report's
	 * ended) that have a successor, by their own insats, the successor's
	 * and gender */
	SQL_FLOW_TO,
	/* (period end, period end, period start) -> insats_id, gender, n,
	 * n_ended: per insats (every one of the request's förbund) the
	 * report's enrolled and ended,
	 * as sql_report.c counts them (the path's bases) */
	SQL_FLOW_BASE,
	SQL_FLOW__MAX
};

extern const struct db_query sql_report_flow[SQL_FLOW__MAX];

/* The choice of the path (report_flow.h), over the other participations q
 * of p's person in another individual insats of the same förbund: the
 * predecessor is the first in FLOW_PRED_ORDER of those FLOW_PRED_COND
 * allows, the successor likewise. Shared by sql_report_flow.c and the
 * report's pass (sql_report.c). */
#define FLOW_PRED_COND  "q.status = 'avslutad' AND q.end_date <= p.start_date"
#define FLOW_PRED_ORDER "q.end_date DESC, q.start_date DESC, q.id DESC"
#define FLOW_SUCC_COND                                                         \
	"q.status <> 'felregistrerad' AND q.start_date >= p.end_date"
#define FLOW_SUCC_ORDER "q.start_date, q.end_date IS NULL, q.end_date, q.id"

/* SQL_FLOW_INSATSER. */
struct report_flow_insats_row {
	long long id;
	struct str name;
	long long forbund_id;
	struct str start, end; /* ÅÅÅÅ-MM-DD; end "" while open-ended */
};
extern const struct db_record report_flow_insats_record;

/* SQL_FLOW_FROM (to_id is the participation's own insats) and SQL_FLOW_TO
 * (from_id is). */
struct report_flow_row {
	long long from_id, to_id;
	struct str gender;
	long long n;
};
extern const struct db_record report_flow_from_record;
extern const struct db_record report_flow_to_record;

/* SQL_FLOW_BASE. */
struct report_flow_base_row {
	long long insats_id;
	struct str gender;
	long long n, n_ended;
};
extern const struct db_record report_flow_base_record;

#endif /* !SQL_REPORT_FLOW_H */
