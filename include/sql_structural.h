/*
 * sql_structural.h: the statements of the structural insatser's register
 * and report (app/structural.c, app/report_structural.c). Parameters in
 * brackets, result columns after the arrow.
 *
 * Scoped to the request's förbund (":forbund", db_scope.h): an insats,
 * company, training or goal of another förbund is not found, not changed
 * and not added to. SQL_ST_INSATSER_REPORT finds the förbund through its
 * staff id instead.
 */
#ifndef SQL_STRUCTURAL_H
#define SQL_STRUCTURAL_H

#include "db.h"

enum sql_structural {
	/* (staff id, insats id) -> id, name, slug, structural, works */
	SQL_ST_INSATS,
	/* (insats id, insats id, staff id): the structural insatser of the
	 * staff member's förbund, all (insats 0) or that one, by name */
	SQL_ST_INSATSER_REPORT,
	SQL_ST_COMPANIES,      /* (insats id) -> companies by name */
	SQL_ST_COMPANY_GET,    /* (id) -> a company */
	SQL_ST_COMPANY_LOCK,   /* (id) -> the same, FOR UPDATE */
	SQL_ST_COMPANY_INSERT, /* (insats, name, org, places, joined, left) */
	/* (name, org, places, joined, left, id, version) */
	SQL_ST_COMPANY_UPDATE,
	SQL_ST_TRAININGS,       /* (insats id) -> newest first */
	SQL_ST_TRAINING_GET,    /* (id) */
	SQL_ST_TRAINING_LOCK,   /* (id), FOR UPDATE */
	SQL_ST_TRAINING_INSERT, /* (insats, held, attendees, note) */
	SQL_ST_TRAINING_UPDATE, /* (held, attendees, note, id, version) */
	SQL_ST_GOALS,           /* (insats id) -> goals by year */
	/* (insats, year, companies, places, trainings, attendees) */
	SQL_ST_GOAL_SAVE,
	/* (insats id, insats id) -> n: referrals waiting and participations
	 * running */
	SQL_ST_OPEN_CASES,
	SQL_ST__MAX
};

extern const struct db_query sql_structural[SQL_ST__MAX];

#endif /* !SQL_STRUCTURAL_H */
