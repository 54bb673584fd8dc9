/*
 * sql_participation_sus.h: the statements of app/page_participation_sus.c,
 * the SUS registration data on the participation page. Parameters in
 * brackets, result columns after the arrow; "" for NULL.
 */
#ifndef SQL_PARTICIPATION_SUS_H
#define SQL_PARTICIPATION_SUS_H

#include "db.h"

enum sql_participation_sus {
	/* (participation id) -> referral id, referral version, participation
	 * id, version of the insats's record of the person
	 * (participation_person), education code, support time code, occupation
	 * before code, home municipality, their labels (education, support
	 * time, occupation before), insats measurement, participation
	 * status, then 0/1 "missing" flags as SUS decides them (the same rule
	 * as SQL_SUS_QUALITY): education, income before, occupation before,
	 * support time, municipality, end reason, occupation after, income
	 * after */
	SQL_PSUS_GET,
	/* (referral id) -> code, label, has a SUS code 0/1: the income
	 * sources before, in code-list order */
	SQL_PSUS_INCOME,
	/* () -> code, label, active 0/1, has a SUS code 0/1: every code of
	 * the list (a stored code stays valid after it is deactivated) */
	SQL_PSUS_CODES_EDUCATION,
	SQL_PSUS_CODES_SUPPORT,
	SQL_PSUS_CODES_OCCUPATION,
	SQL_PSUS_CODES_INCOME,
	/* (participation id) -> referral id, referral version, participation
	 * id: locks the participation and its referral */
	SQL_PSUS_REFERRAL_LOCK,
	/* (participation id) -> version: locks the insats's record of the
	 * person (participation_person) */
	SQL_PSUS_PERSON_LOCK,
	/* (education code or NULL, support time code or NULL, referral id,
	 * version) */
	SQL_PSUS_SET_REFERRAL,
	/* (home municipality, participation id, version): the insats's
	 * record of the person */
	SQL_PSUS_SET_PERSON,
	/* (occupation before code or NULL, id, version): not while
	 * felregistrerad */
	SQL_PSUS_SET_OCCUPATION,
	SQL_PSUS_INCOME_DELETE, /* (referral id) */
	SQL_PSUS_INCOME_INSERT, /* (referral id, code) */
	SQL_PSUS__MAX
};

extern const struct db_query sql_participation_sus[SQL_PSUS__MAX];

#endif /* !SQL_PARTICIPATION_SUS_H */
