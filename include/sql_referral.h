/*
 * sql_referral.h: the statements of app/page_referral*.c.
 * Parameters in brackets, result columns after the arrow.
 *
 * "Visible" below is the remittent's rule of include/access.h, repeated in
 * SQL for the lists (access_referral() answers one id at a time): the
 * referrals the caller made, those naming them as medremittent, and their
 * unit's when the unit shares (organisation.share_within_unit).
 */
#ifndef SQL_REFERRAL_H
#define SQL_REFERRAL_H

#include "db.h"

enum sql_referral {
	/* -> id, name: the active insatser a remittent may refer to */
	SQL_REFERRAL_INSATS_CHOICES,
	/* -> code, label, active: the code lists, in their sort order */
	SQL_REFERRAL_CODE_EDUCATION,
	SQL_REFERRAL_CODE_INCOME,
	SQL_REFERRAL_CODE_SUPPORT_TIME,
	/* -> id, name, parent name or "": active organisations and units,
	 * each unit after its parent */
	SQL_REFERRAL_ORG_CHOICES,
	/* (id) -> name, parent name or "" */
	SQL_REFERRAL_ORG_NAME,
	/* (staff id) -> email or "" */
	SQL_REFERRAL_STAFF_EMAIL,
	/* (username) -> id: an active account with the remittent role */
	SQL_REFERRAL_REMITTENT_BY_USERNAME,
	/* (personnummer) -> id: the person link only; locks the row */
	SQL_REFERRAL_PERSON_FIND,
	/* (personnummer, id_kind, birth_year) */
	SQL_REFERRAL_PERSON_INSERT,
	/* (first_name, last_name, gender, address, postal_code, city, phone,
	 * home_municipality, interpreter_needed, interpreter_language,
	 * protected_identity, referral id): the person as this referral's
	 * remittent records them; the UPDATE takes the same parameters and
	 * is guarded by the referral's own version and row lock */
	SQL_REFERRAL_RPERSON_INSERT,
	SQL_REFERRAL_RPERSON_UPDATE,
	/* (person_id, insats_id, remittent_id, organisation_id, status,
	 * visa_date, sick_leave_percent, employed, employer,
	 * employer_rehab_responsibility, support_time_code, education_code,
	 * background, own_goals, needs, tried_before, consent_at_visa (0/1),
	 * submitted (0/1)) */
	SQL_REFERRAL_INSERT,
	/* (id) -> the columns of enum ref_get_col in page_referral.h */
	SQL_REFERRAL_GET,
	/* (id) -> version, status, remittent_id, person_id; locks the row */
	SQL_REFERRAL_LOCK,
	/* (insats_id, visa_date, sick_leave_percent, employed, employer,
	 * employer_rehab_responsibility, support_time_code, education_code,
	 * background, own_goals, needs, tried_before, consent_at_visa, status,
	 * submitted
	 * (0/1: set submitted_at now), id, version): bumps version; only while
	 * utkast or aterford */
	SQL_REFERRAL_UPDATE,
	/* (referral id) -> code, label: its income sources */
	SQL_REFERRAL_INCOME_LIST,
	/* (referral id) */
	SQL_REFERRAL_INCOME_DELETE,
	/* (referral id, code) */
	SQL_REFERRAL_INCOME_ADD,
	/* (referral id) -> organisation_id, name, contact, username or "",
	 * organisation name, parent organisation name or "" */
	SQL_REFERRAL_COREM_LIST,
	/* (referral id) */
	SQL_REFERRAL_COREM_DELETE,
	/* (referral id, staff_id or NULL, organisation_id, name, contact) */
	SQL_REFERRAL_COREM_ADD,
	/* (user id, organisation id x2, user id x3, status or "" x3) -> the
	 * columns of enum ref_list_col in page_referral.h: the visible
	 * referrals, newest change first, at most REF_LIST_MAX + 1. RL_VISIBLE
	 * is 0 for a referral whose details the consent no longer shows the
	 * caller's organisation; a status filter leaves those out */
	SQL_REFERRAL_LIST,
	/* (user id, organisation id x2, user id x3, personnummer) -> the
	 * same columns: the visible referrals of one person */
	SQL_REFERRAL_SEARCH,
	SQL_REFERRAL__MAX
};

extern const struct db_query sql_referral[SQL_REFERRAL__MAX];

#endif /* !SQL_REFERRAL_H */
