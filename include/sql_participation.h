/*
 * sql_participation.h: the statements of the insats staff's pages
 * (participation.c, participation_edit.c, referral_decision.c).
 * Parameters in brackets, result columns after the arrow; a statement
 * that names a record fills it (db_load()), its columns aliased as the
 * record's decode table names them. Dates come back as "ÅÅÅÅ-MM-DD",
 * times as "ÅÅÅÅ-MM-DD HH:MM" (UTC), "" for NULL. Every list is limited to
 * the caller's insatser (staff_insats) in SQL, so a handler cannot forget
 * it. "today" is the Swedish date from date.h, not the database server's
 * clock.
 */
#ifndef SQL_PARTICIPATION_H
#define SQL_PARTICIPATION_H

#include "db.h"

/* The places taken in insats ins (an SQL expression for its id): its
 * participations now inskriven. The one count of occupancy, for the
 * inbox, the admission's lock and the remittent's waiting-list line
 * (SQL_REFERRAL_INSATS_OCCUPANCY). */
#define SQL_INSATS_INSKRIVNA(ins)                                              \
	"(SELECT COUNT(*) FROM participation px WHERE px.insats_id = " ins     \
	" AND px.status = 'inskriven')"

enum sql_participation {
	/* (staff id) -> struct my_insats: the insatser the staff member
	 * works in, with their places and participants now (inskriven) */
	SQL_PARTICIPATION_MY_INSATSER,
	/* (staff id) -> struct inbox_row: the submitted and waiting
	 * referrals of the caller's insatser, oldest first */
	SQL_PARTICIPATION_INBOX,
	/* (referral id) -> struct decision_referral: the referral, its
	 * person, insats, remittent and participation (if admitted) */
	SQL_PARTICIPATION_REFERRAL_GET,
	/* (referral id) -> struct participation_income: the income sources
	 * when referred */
	SQL_PARTICIPATION_REFERRAL_INCOME,
	/* (referral id) -> struct referral_coremittent: medremittenter */
	SQL_PARTICIPATION_REFERRAL_COREMITTENTS,
	/* (insats id) -> struct staff_option: the active insats staff
	 * assigned to it, who may be contact person */
	SQL_PARTICIPATION_INSATS_STAFF,
	/* (staff id) -> struct staff_option: the active staff of every
	 * insats the caller works in (the contact person filter) */
	SQL_PARTICIPATION_COLLEAGUES,
	/* () -> struct code_choice: every code of the lists of enum
	 * participation_codes, active or not, list by list in sort order */
	SQL_PARTICIPATION_CODES,
	/* () -> struct code_label_row (code_labels.h): the generation of the
	 * code lists (list -1), then the codes of the lists of enum
	 * code_list, list by list in sort order */
	SQL_PARTICIPATION_CODE_LABELS,
	/* (referral id) -> struct referral_lock: locks the referral for the
	 * rest of the transaction */
	SQL_PARTICIPATION_REFERRAL_LOCK,
	/* (insats id) -> struct insats_occupancy: locks the insats row, so
	 * two admissions cannot both take the last place */
	SQL_PARTICIPATION_INSATS_LOCK,
	/* (status, staff id, reason, advise code or NULL, id, version):
	 * the decision; only an open (inskickad, vantelista) referral */
	SQL_PARTICIPATION_REFERRAL_DECIDE,
	/* (referral id, person id, insats id, start, planned end, contact id,
	 * hours per week, occupation before or NULL): status inskriven */
	SQL_PARTICIPATION_INSERT,
	/* (today x3, staff id, insats id or 0 twice, status or "" twice,
	 * contact id or 0 twice, gender or "" twice, overdue kinds (0: any
	 * row), today x3, the kinds again, order index x10, offset) ->
	 * struct participation_row (overdue: OVERDUE_SQL_MASK): one page
	 * (50) in the order paging_order() names (enum participation_sort),
	 * each row with the total matched */
	SQL_PARTICIPATION_LIST,
	/* (staff id, personnummer) -> struct participation_hit: everything
	 * of the person in the caller's insatser except drafts */
	SQL_PARTICIPATION_SEARCH,
	/* (today, id) -> struct participation */
	/* (staff id, LIKE pattern x2) -> struct participation_hit: the
	 * search by name, in the insats's record or the referral's, at most
	 * 101 */
	SQL_PARTICIPATION_SEARCH_NAME,
	SQL_PARTICIPATION_GET,
	/* (id, id, max, referral id, id, id, max, referral id, max, id, max,
	 * insats id, personnummer, id, referral id x3, id, max, id, id, id,
	 * link idle seconds, tablet idle seconds, id) -> struct
	 * participation_item (participation_item_record, unordered: sorted
	 * in C): the lists of the participation's page in one statement, the
	 * long ones their latest max rows, and the questionnaires' panel (see
	 * participation_page_load()) */
	SQL_PARTICIPATION_ITEMS,
	/* (the same) -> the same and every code list, for a page that shows
	 * a form */
	SQL_PARTICIPATION_ITEMS_FORMS,
	/* (change_history id, id, max) -> struct participation_item (kind 5):
	 * the change history before that row, newest first */
	SQL_PARTICIPATION_HISTORY_OLDER,
	/* (id) -> struct participation_activity: the individual plan */
	SQL_PARTICIPATION_ACTIVITIES,
	/* (referral id, id) -> struct participation_income: the income
	 * sources before (the referral's, phase "fore") and after (phase
	 * "efter"), each in code-list order */
	SQL_PARTICIPATION_INCOMES,
	/* (insats id, personnummer, participation id, referral id x3) ->
	 * struct participation_access: the access log of this participant's
	 * file (the participation, its referral and consents, searches by
	 * the insats's staff), the newest PARTICIPATION_ACCESS_PAGE + 1;
	 * never what other organisations did with the same personnummer */
	SQL_PARTICIPATION_WHO_LOOKED,
	/* (the same, audit_log id) -> struct participation_access: the page
	 * before that row, newest first; after it, oldest first */
	SQL_PARTICIPATION_WHO_LOOKED_OLDER,
	SQL_PARTICIPATION_WHO_LOOKED_NEWER,
	/* (id) -> struct participation_lock: locks the participation, its
	 * referral and the insats's record of the person */
	SQL_PARTICIPATION_LOCK,
	SQL_PARTICIPATION_ACTIVITIES_DELETE, /* (id) */
	/* (id, activity, hours, sort order) */
	SQL_PARTICIPATION_ACTIVITY_INSERT,
	/* (hours per week, id, version) */
	SQL_PARTICIPATION_SET_PLAN,
	/* (id, old planned end or NULL, new planned end, reason, staff id) */
	SQL_PARTICIPATION_EXTENSION_INSERT,
	/* (new planned end, id, version) */
	SQL_PARTICIPATION_SET_PLANNED_END,
	/* (status, end date, end reason, occupation after or NULL, summary
	 * due or NULL, id, version): only while inskriven */
	SQL_PARTICIPATION_SET_END,
	SQL_PARTICIPATION_INCOME_AFTER_DELETE, /* (id) */
	SQL_PARTICIPATION_INCOME_AFTER_INSERT, /* (id, code) */
	/* (participation id, referral id): the insats's record of the person
	 * starts as the admitted referral's (sql/0022) */
	SQL_PARTICIPATION_PERSON_COPY,
	/* (participation id) -> struct participation_person: the insats's
	 * record of the person; the LOCK form locks it */
	SQL_PARTICIPATION_PERSON_GET,
	SQL_PARTICIPATION_PERSON_LOCK,
	/* (the eleven contact fields, participation id, version) */
	SQL_PARTICIPATION_PERSON_UPDATE,
	/* (målgrupp, id, version): not when felregistrerad */
	SQL_PARTICIPATION_SET_TARGET_GROUP,
	/* (staff id x3, the key referral or 0 twice, staff id, the late
	 * counts' 14 (referral_inbox_page())) -> struct
	 * inbox_page_row: the inbox in one statement: the caller's active
	 * insatser with occupancy, a page of the submitted and waiting
	 * referrals, the counts of what is late per overdue kind */
	SQL_PARTICIPATION_INBOX_PAGE,
	SQL_PARTICIPATION__MAX
};

extern const struct db_query sql_participation[SQL_PARTICIPATION__MAX];

#endif /* !SQL_PARTICIPATION_H */
