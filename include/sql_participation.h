/*
 * sql_participation.h: the statements of app/page_participation*.c.
 * Parameters in brackets, result columns after the arrow. Dates come back
 * as "ÅÅÅÅ-MM-DD", times as "ÅÅÅÅ-MM-DD HH:MM" (UTC), "" for NULL. Every
 * list is limited to the caller's insatser (staff_insats) in SQL, so a
 * handler cannot forget it. "today" is the Swedish date from date.h, not
 * the database server's clock.
 */
#ifndef SQL_PARTICIPATION_H
#define SQL_PARTICIPATION_H

#include "db.h"

enum sql_participation {
	/* (staff id) -> insats id, name, places, participants now
	 * (status inskriven): the insatser the staff member works in */
	SQL_PARTICIPATION_MY_INSATSER,
	/* (staff id) -> referral id, status, submitted (date), first name,
	 * last name, gender, birth year, insats name, remittent name,
	 * remittent organisation: the submitted and waiting referrals of
	 * the caller's insatser, oldest first */
	SQL_PARTICIPATION_INBOX,
	/* (referral id) -> see enum rg_col in page_participation.c: the
	 * referral, its person, insats and remittent, for deciding; last the
	 * referring organisation's id and the VISA consent marker */
	SQL_PARTICIPATION_REFERRAL_GET,
	/* (referral id) -> income label: the income sources when referred */
	SQL_PARTICIPATION_REFERRAL_INCOME,
	/* (referral id) -> name, organisation, contact: medremittenter */
	SQL_PARTICIPATION_REFERRAL_COREMITTENTS,
	/* (referral id) -> participation id, if admitted */
	SQL_PARTICIPATION_REFERRAL_PARTICIPATION,
	/* (insats id) -> staff id, display name: the active insats staff
	 * assigned to it, who may be contact person */
	SQL_PARTICIPATION_INSATS_STAFF,
	/* (staff id) -> staff id, display name: the active staff of every
	 * insats the caller works in (the contact person filter) */
	SQL_PARTICIPATION_COLLEAGUES,
	/* () -> code, label: active code lists, in their sort order */
	SQL_PARTICIPATION_CODES_ADVISE,
	SQL_PARTICIPATION_CODES_END,
	SQL_PARTICIPATION_CODES_OCCUPATION,
	SQL_PARTICIPATION_CODES_INCOME,
	/* (referral id) -> status, version, decision_reason, advise code:
	 * locks the referral for the rest of the transaction */
	SQL_PARTICIPATION_REFERRAL_LOCK,
	/* (insats id) -> places or "", participants now (inskriven): locks
	 * the insats row, so two admissions cannot both take the last place */
	SQL_PARTICIPATION_INSATS_LOCK,
	/* (status, staff id, reason, advise code or NULL, id, version):
	 * the decision; only an open (inskickad, vantelista) referral */
	SQL_PARTICIPATION_REFERRAL_DECIDE,
	/* (referral id, person id, insats id, start, planned end, contact id,
	 * hours per week, occupation before or NULL): status inskriven */
	SQL_PARTICIPATION_INSERT,
	/* (today, staff id, insats id or 0 twice, status or "" twice,
	 * contact id or 0 twice, gender or "" twice, overdue 0/1, today)
	 * -> id, first name, last name, gender, insats short name, status,
	 * start, planned end, end, contact name, summary due, overdue 0/1,
	 * summary sent 0/1; at most 1000, by name */
	SQL_PARTICIPATION_LIST,
	/* (staff id, personnummer) -> referral id, referral status,
	 * participation id or "", participation status, insats name,
	 * submitted, start, end, first name, last name: everything of the
	 * person in the caller's insatser except drafts */
	SQL_PARTICIPATION_SEARCH,
	/* (today, id) -> see enum pg_col in page_participation_view.c; last
	 * the referring organisation's id */
	SQL_PARTICIPATION_GET,
	/* (id) -> activity, hours per week: the individual plan */
	SQL_PARTICIPATION_ACTIVITIES,
	/* (id) -> at, old planned end, new planned end, reason, staff name */
	SQL_PARTICIPATION_EXTENSIONS,
	/* (id) -> code, label: income sources after the end */
	SQL_PARTICIPATION_INCOME_AFTER,
	/* (personnummer, participation id, referral id x3, insats id) -> at
	 * (ÅÅÅÅ-MM-DD HH:MM:SS UTC), staff name, username, action, object
	 * type, object id: the access log of this participant's file (the
	 * participation, its referral and consents, searches by the insats's
	 * staff), newest first, at most 200; never what other organisations
	 * did with the same personnummer */
	SQL_PARTICIPATION_WHO_LOOKED,
	/* (id) -> version, status: locks the participation */
	SQL_PARTICIPATION_LOCK,
	SQL_PARTICIPATION_ACTIVITIES_DELETE, /* (id) */
	/* (id, activity, hours, sort order) */
	SQL_PARTICIPATION_ACTIVITY_INSERT,
	/* (hours per week, id, version) */
	SQL_PARTICIPATION_SET_PLAN,
	/* (date, note, attendees, id, version) */
	SQL_PARTICIPATION_SET_MIDTERM,
	/* (id, old planned end or NULL, new planned end, reason, staff id) */
	SQL_PARTICIPATION_EXTENSION_INSERT,
	/* (new planned end, id, version) */
	SQL_PARTICIPATION_SET_PLANNED_END,
	/* (status, end date, end reason, occupation after or NULL, summary
	 * due or NULL, id, version): only while inskriven */
	SQL_PARTICIPATION_SET_END,
	SQL_PARTICIPATION_INCOME_AFTER_DELETE, /* (id) */
	SQL_PARTICIPATION_INCOME_AFTER_INSERT, /* (id, code) */
	/* (id, version): only an ended participation not yet sent */
	SQL_PARTICIPATION_SET_SUMMARY_SENT,
	/* (staff id, today) -> id, first name, last name, insats name, due
	 * date: ended participations whose summary is past due and not sent,
	 * oldest due first, at most 200 */
	SQL_PARTICIPATION_OVERDUE,
	/* (participation id, referral id): the insats's record of the person
	 * starts as the admitted referral's (sql/0022) */
	SQL_PARTICIPATION_PERSON_COPY,
	/* (participation id) -> first name, last name, gender, address,
	 * postal code, city, phone, home municipality, interpreter needed,
	 * interpreter language, protected identity, version, personnummer,
	 * participation status, insats name: the insats's record of the
	 * person (enum pp_col in page_participation_contact.c); the LOCK
	 * form locks it */
	SQL_PARTICIPATION_PERSON_GET,
	SQL_PARTICIPATION_PERSON_LOCK,
	/* (the eleven fields above, participation id, version) */
	SQL_PARTICIPATION_PERSON_UPDATE,
	SQL_PARTICIPATION__MAX
};

extern const struct db_query sql_participation[SQL_PARTICIPATION__MAX];

#endif /* !SQL_PARTICIPATION_H */
