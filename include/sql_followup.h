/*
 * sql_followup.h: the statements of the follow-up six months after the end
 * (app/followup.c, app/report_followup.c). Parameters in brackets, result
 * columns after the arrow; dates "ÅÅÅÅ-MM-DD".
 */
#ifndef SQL_FOLLOWUP_H
#define SQL_FOLLOWUP_H

#include "db.h"

/* SQL_FU_LOCK: the participation and its follow-up, locked. */
struct followup_lock {
	struct str status, end_date, personnummer, situation;
	long long version; /* the follow-up's, 0: none */
	int gallrad;       /* the participation was gallrad (gallring.h) */
};
extern const struct db_record followup_lock_record;

/* The report's state of a follow-up (report_pass_followups()): recorded,
 * or by its due date
 * against followup_reminder_window()'s [from, to] of today: later (the
 * window has not opened), in it (due or overdue), before it (closed). */
enum followup_report_state {
	FU_RS_DONE,
	FU_RS_NOT_YET,
	FU_RS_OPEN,
	FU_RS_CLOSED
};

/* One group of the report's table (report_pass_followups(), of the
 * participations that ended in the period). */
struct followup_report_row {
	struct str gender;    /* kvinna, man, annat */
	struct str outcome;   /* code_end_reason.outcome, "" when none */
	struct str situation; /* "" when not followed up */
	long long state;      /* enum followup_report_state */
	long long n;
};

/* SQL_FU_TABLET_SOURCE: who opened the code, and the answer. */
struct followup_tablet_source {
	long long staff_id; /* 0: none */
	struct str username, display_name;
	struct str situation; /* the option value answered, "" when none */
};
extern const struct db_record followup_tablet_source_record;

enum sql_followup {
	/* (participation id) -> version, situation, date, recorded_by (0 and
	 * "" when none), outcome: the end reason's */
	SQL_FU_GET,
	/* (participation id) -> status, end_date, personnummer, situation,
	 * version: the participation row and the follow-up row FOR UPDATE */
	SQL_FU_LOCK,
	/* (participation id, situation, date, staff id) */
	SQL_FU_INSERT,
	/* (situation, date, staff id, participation id, version): a staff
	 * save, so no longer the tablet's answer */
	SQL_FU_UPDATE,
	/* (staff id, due from, due to) -> id, first_name, last_name, insats,
	 * end_date, due_date: the ended participations of the staff member's
	 * insatser due in [from, to] and not followed up */
	SQL_FU_DUE,
	/* (participation id) -> as SQL_FU_LOCK, without the lock */
	SQL_FU_STATE,
	/* (response id, code id) -> staff_id, username, display_name,
	 * situation: the code's created_by and the response's answer to the
	 * item "situation" */
	SQL_FU_TABLET_SOURCE,
	/* (participation id, situation, date, staff id): answered on the
	 * tablet */
	SQL_FU_INSERT_TABLET,
	SQL_FU__MAX
};

extern const struct db_query sql_followup[SQL_FU__MAX];

#endif /* !SQL_FOLLOWUP_H */
