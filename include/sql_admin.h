/*
 * sql_admin.h: statements of the admin pages (app/page_admin*.c).
 * Parameters in brackets, result columns after the arrow.
 *
 * The accounts', organisations' and insatser's statements are scoped to
 * the request's förbund (":forbund", db_scope.h): another förbund's row
 * is not found, not changed, and not linked to. The access log's and the
 * code lists' are not yet (issue 20).
 */
#ifndef SQL_ADMIN_H
#define SQL_ADMIN_H

#include "db.h"

enum sql_admin {
	/* (active a, active b: 1,0 every account, 1,1 active, 0,0 inactive)
	 * -> staff_row (staff.c), by username */
	SQL_ADMIN_STAFF_LIST,
	/* (id) -> staff_account (staff.c); _LOCK also locks the row for the
	 * rest of the transaction */
	SQL_ADMIN_STAFF_GET,
	SQL_ADMIN_STAFF_LOCK,
	/* (id) -> staff_id: the account's insatser, ascending */
	SQL_ADMIN_STAFF_INSATSER,
	/* (organisation_id, username, display_name, email, password_hash or
	 * NULL): must_change_password 1, active 1 */
	SQL_ADMIN_STAFF_INSERT,
	/* (organisation_id, display_name, email, active, integration only
	 * (0/1: clears the password), integration (0/1: else clears the
	 * token), id) */
	SQL_ADMIN_STAFF_UPDATE,
	/* (id, roles to keep, comma-separated) */
	SQL_ADMIN_STAFF_ROLES_PRUNE,
	SQL_ADMIN_STAFF_ROLE_ADD, /* (id, role): kept if already there */
	/* (id, insats ids to keep, comma-separated) */
	SQL_ADMIN_STAFF_INSATSER_PRUNE,
	SQL_ADMIN_STAFF_INSATS_ADD, /* (id, insats id) */
	/* (hash, id): a temporary password, to be changed at next login */
	SQL_ADMIN_STAFF_TEMP_PASSWORD,
	SQL_ADMIN_STAFF_SET_TOKEN, /* (token hash, id) */
	/* (id): the lockout lifted (failed logins 0, not locked); no row
	 * changed when there was none */
	SQL_ADMIN_STAFF_UNLOCK,
	/* (id): two-step verification off (secret, pending secret, last
	 * counter cleared); no row changed when it was off */
	SQL_ADMIN_STAFF_TOTP_RESET,

	/* () -> org_row (organisation.c); parents first, each followed by
	 * its units */
	SQL_ADMIN_ORG_LIST,
	/* (id) -> organisation (organisation.c); _LOCK locks the row */
	SQL_ADMIN_ORG_GET,
	SQL_ADMIN_ORG_LOCK,
	/* (parent_id, kind, name, short_name, share, active): in the
	 * request's förbund, as its parent must be (the composite key) */
	SQL_ADMIN_ORG_INSERT,
	/* (parent_id, kind, name, short_name, share, active, id) */
	SQL_ADMIN_ORG_UPDATE,

	/* () -> insats_row (organisation.c), by name */
	SQL_ADMIN_INSATS_LIST,
	/* (id) -> insats (organisation.c); _LOCK locks the row */
	SQL_ADMIN_INSATS_GET,
	SQL_ADMIN_INSATS_LOCK,
	SQL_ADMIN_INSATS_INSERT,
	/* (host, name, short_name, slug, description, location,
	 * target_groups, direction, measurement, period_start, period_end,
	 * places, hours min, hours max, weeks min, weeks max, summary_due_days,
	 * active, id) */
	SQL_ADMIN_INSATS_UPDATE,
	/* (insats id) -> insats_goal (organisation.c), by sort_order */
	SQL_ADMIN_GOALS,
	SQL_ADMIN_GOALS_DELETE, /* (insats id) */
	/* (insats id, kind, label, numerator, denominator, sort_order) */
	SQL_ADMIN_GOAL_INSERT,

	/* The access log, newest first: (key, from, to (ÅÅÅÅ-MM-DD, to
	 * inclusive), limit) -> audit_row (audit.c) */
	SQL_ADMIN_AUDIT_BY_PNR,   /* key: personnummer (12 digits) */
	SQL_ADMIN_AUDIT_BY_STAFF, /* key: staff id */
	/* (personnummer, staff id, from, to, limit): both at once */
	SQL_ADMIN_AUDIT_BY_BOTH,
	/* (username) -> staff_id: an account of the förbund, active or not,
	 * to search the log by */
	SQL_ADMIN_AUDIT_STAFF,

	/*
	 * The code lists of sql/0005_code_lists.sql, one statement per table
	 * (code_list.c picks them by list). _LIST: () -> code_entry
	 * (code_list.c): code, label, sort_order, active, sus_code or "",
	 * extra or "" (public_support 0/1 of code_income, outcome of
	 * code_end_reason), by sort_order, code.
	 * _INSERT: (code, label, sort_order, active[, sus_code][, extra]).
	 * _UPDATE: (label, sort_order, active[, sus_code][, extra], code).
	 * sus_code is NULL for none; code_advise_against has no sus_code.
	 */
	SQL_ADMIN_CODE_EDUCATION_LIST,
	SQL_ADMIN_CODE_EDUCATION_INSERT,
	SQL_ADMIN_CODE_EDUCATION_UPDATE,
	SQL_ADMIN_CODE_INCOME_LIST,
	SQL_ADMIN_CODE_INCOME_INSERT,
	SQL_ADMIN_CODE_INCOME_UPDATE,
	SQL_ADMIN_CODE_SUPPORT_TIME_LIST,
	SQL_ADMIN_CODE_SUPPORT_TIME_INSERT,
	SQL_ADMIN_CODE_SUPPORT_TIME_UPDATE,
	SQL_ADMIN_CODE_OCCUPATION_LIST,
	SQL_ADMIN_CODE_OCCUPATION_INSERT,
	SQL_ADMIN_CODE_OCCUPATION_UPDATE,
	SQL_ADMIN_CODE_END_REASON_LIST,
	SQL_ADMIN_CODE_END_REASON_INSERT,
	SQL_ADMIN_CODE_END_REASON_UPDATE,
	SQL_ADMIN_CODE_ADVISE_AGAINST_LIST,
	SQL_ADMIN_CODE_ADVISE_AGAINST_INSERT,
	SQL_ADMIN_CODE_ADVISE_AGAINST_UPDATE,

	/* (name, short_name, public_host or NULL): a new förbund, by the
	 * installation's operator (forbund.c); the installation's table, so
	 * not scoped */
	SQL_ADMIN_FORBUND_INSERT,
	/* () -> forbund_first (forbund.c): the installation's first active
	 * förbund, none on an empty installation (forbund-add then marks
	 * the new admin as an installation admin) */
	SQL_ADMIN_FORBUND_FIRST,
	/* () -> forbund_first: an active förbund without a host name (the
	 * installation's default address), if any */
	SQL_ADMIN_FORBUND_HOSTLESS,
	/* () -> forbund (forbund.c): the request's förbund, for its admin's
	 * form (page_admin_forbund.c); _LOCK also locks its row */
	SQL_ADMIN_FORBUND_GET,
	SQL_ADMIN_FORBUND_LOCK,
	/* (org_number or NULL, sus_code or NULL, municipalities,
	 * description): the request's förbund's details */
	SQL_ADMIN_FORBUND_DETAILS_UPDATE,
	/* () -> forbund_brief (forbund.c): every förbund, by id, locked, for
	 * the installation's operator (`stegvis forbund-set`); not scoped */
	SQL_ADMIN_FORBUND_ALL_LOCK,
	/* (name, short_name, public_host or NULL, active, id): the
	 * operator's change; not scoped */
	SQL_ADMIN_FORBUND_SET,
	SQL_ADMIN__MAX
};

extern const struct db_query sql_admin[SQL_ADMIN__MAX];

#endif /* !SQL_ADMIN_H */
