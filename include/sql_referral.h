/*
 * sql_referral.h: the statements of the referral module (app/referral.c,
 * app/person.c). Parameters in brackets, result columns after the arrow;
 * a statement with a record names its struct (include/referral.h,
 * include/person.h), whose decode table lists the columns.
 *
 * "Reaches" below is the remittent's rule of include/access.h, repeated in
 * SQL for the lists (access_referral() answers one id at a time): the
 * referrals the caller made, those naming them as medremittent, and their
 * unit's when the unit shares (organisation.share_within_unit). The lists
 * and the referral compute the waiver as it applies to the caller's
 * organisation (ACCESS_SQL_WAIVER); include/visibility.h decides what it
 * shows.
 */
#ifndef SQL_REFERRAL_H
#define SQL_REFERRAL_H

#include "db.h"

/* The small rows of the module's own statements. */
struct referral_lock_row {
	long long version;
	struct str status;
	int gallrad; /* gallring.h: no change any more */
};
struct referral_num {
	long long n;
};
struct referral_text {
	struct str s;
};

enum sql_referral {
	/* -> struct referral_insats_choice: the request's förbund's active
	 * individual insatser, each with whether an active staff member is
	 * assigned */
	SQL_REFERRAL_INSATS_CHOICES,
	/* -> struct referral_code: the code lists, in their sort order */
	SQL_REFERRAL_CODE_EDUCATION,
	SQL_REFERRAL_CODE_INCOME,
	SQL_REFERRAL_CODE_SUPPORT_TIME,
	/* -> struct referral_org_choice: the request's förbund's active
	 * organisations and units, each unit after its parent */
	SQL_REFERRAL_ORG_CHOICES,
	/* (id) -> struct referral_org_choice */
	SQL_REFERRAL_ORG_NAME,
	/* (staff id) -> email or "" (struct referral_text) */
	SQL_REFERRAL_STAFF_EMAIL,
	/* (username) -> id (struct referral_num): an active account of the
	 * request's förbund with the remittent role */
	SQL_REFERRAL_REMITTENT_BY_USERNAME,
	/* (personnummer) -> id (struct person): the link only; locks the
	 * row */
	SQL_REFERRAL_PERSON_FIND,
	/* (personnummer, id_kind, birth_year) */
	SQL_REFERRAL_PERSON_INSERT,
	/* (the fields of enum contact_field in order, referral id): the
	 * person as this referral's remittent records them; the UPDATE takes
	 * the same parameters and is guarded by the referral's own version
	 * and row lock */
	SQL_REFERRAL_RPERSON_INSERT,
	SQL_REFERRAL_RPERSON_UPDATE,
	/* (person_id, insats_id, remittent_id, organisation_id, status,
	 * visa_date, sick_leave_percent, employed, employer,
	 * employer_rehab_responsibility, support_time_code, education_code,
	 * background, own_goals, needs, tried_before, consent_at_visa (0/1),
	 * submitted (0/1)) */
	SQL_REFERRAL_INSERT,
	/* (organisation id x3: the caller's, referral id) -> struct
	 * referral */
	SQL_REFERRAL_GET,
	/* (id) -> struct referral_lock_row; locks the row */
	SQL_REFERRAL_LOCK,
	/* (insats_id, visa_date, sick_leave_percent, employed, employer,
	 * employer_rehab_responsibility, support_time_code, education_code,
	 * background, own_goals, needs, tried_before, consent_at_visa, status,
	 * submitted (0/1: set submitted_at now), id, version): bumps version;
	 * only while utkast or aterford */
	SQL_REFERRAL_UPDATE,
	/* (referral id) -> struct referral_income, in code-list order */
	SQL_REFERRAL_INCOME_LIST,
	/* (referral id) */
	SQL_REFERRAL_INCOME_DELETE,
	/* (referral id, code) */
	SQL_REFERRAL_INCOME_ADD,
	/* (referral id) -> struct referral_corem */
	SQL_REFERRAL_COREM_LIST,
	/* (referral id) */
	SQL_REFERRAL_COREM_DELETE,
	/* (referral id, staff_id or NULL, organisation_id, name, contact) */
	SQL_REFERRAL_COREM_ADD,
	/* (user id x3, organisation id x3, user id x3, status or "" x2,
	 * waiver mask for the own, medremittent and unit ways, order index
	 * x10, offset) -> struct referral_row: one page (50) of the
	 * referrals the caller reaches, in the order paging_order() names
	 * (referral.h, enum referral_sort), each row with the total matched;
	 * with a status, only the rows whose waiver is in the mask of one of
	 * their ways (bit 1 << waiver; all bits without a status) */
	SQL_REFERRAL_LIST,
	/* (user id x3, organisation id x3, user id x3, personnummer) ->
	 * the same rows: those of one person */
	SQL_REFERRAL_SEARCH,
	/* (insats id) -> struct insats_occupancy (referral_decision.h): its
	 * places and participants now, as the inbox counts them */
	SQL_REFERRAL_INSATS_OCCUPANCY,
	/* (referral id) -> personnummer (struct referral_text): for the
	 * audit row of a change */
	SQL_REFERRAL_PNR,
	/* (reason, id, version): aterkallad now, with the reason; bumps
	 * version; only from a status referral_withdraw() allows */
	SQL_REFERRAL_WITHDRAW,
	/* (user id x3, organisation id x3, user id x3, personnummer,
	 * insats id, referral id to leave out) -> struct referral_dup_row
	 * (referral_dup.h): one person's referrals to one insats that the
	 * caller reaches as a remittent, with the waiver */
	SQL_REFERRAL_DUP_REMITTENT,
	/* (staff id, personnummer, insats id, referral id to leave out) ->
	 * the same, as the insats staff reach them */
	SQL_REFERRAL_DUP_INSATS,
	/* (staff id x3, the key row's id, order index x4, staff id) ->
	 * struct participant_list_option: the participant list's choices,
	 * the caller's inactive insatser and the key row
	 * (sql_participant_list.c) */
	SQL_REFERRAL_PLIST_OPTIONS,
	/* (today x3, 6 slots of 17, the count's 22) -> struct
	 * participation_row: the participant list's page in the name order,
	 * ascending or descending, any status or one (by the index with the
	 * status) (sql_participant_list.c) */
	SQL_REFERRAL_PLIST_NAME_ASC,
	SQL_REFERRAL_PLIST_NAME_DESC,
	SQL_REFERRAL_PLIST_STATUS_ASC,
	SQL_REFERRAL_PLIST_STATUS_DESC,
	/* (today x3, order x4, staff id, insats id x2, the filter's 11, the
	 * key's 14, order x4, the count's 22, order x4) -> struct
	 * participation_row: the page in any order (sql_participant_list.c) */
	SQL_REFERRAL_PLIST_ANY,
	SQL_REFERRAL__MAX
};

extern const struct db_query sql_referral[SQL_REFERRAL__MAX];

#endif /* !SQL_REFERRAL_H */
