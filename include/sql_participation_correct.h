/*
 * sql_participation_correct.h: the writes of the corrections of a
 * participation (app/participation_correct.c); the lock is
 * SQL_PARTICIPATION_LOCK. Parameters in brackets.
 */
#ifndef SQL_PARTICIPATION_CORRECT_H
#define SQL_PARTICIPATION_CORRECT_H

#include "db.h"

enum sql_participation_correct {
	/* (start date, contact id, hours, id, version): not when
	 * felregistrerad */
	SQL_PC_SET_ADMISSION,
	/* (id, version): avslutad back to inskriven, the end cleared */
	SQL_PC_REOPEN,
	SQL_PC_INCOME_AFTER_DELETE, /* (participation id) */
	/* (end date, id, version): inskriven to felregistrerad */
	SQL_PC_MARK_ERROR,
	/* (id, id, id): the first follow-up's held date, the first
	 * extension's time, the plan's sum (pcorrect_facts_record,
	 * participation_correct.h) */
	SQL_PC_FACTS,
	SQL_PC__MAX
};

extern const struct db_query sql_participation_correct[SQL_PC__MAX];

#endif /* !SQL_PARTICIPATION_CORRECT_H */
