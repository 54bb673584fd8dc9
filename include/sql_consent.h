/* sql_consent.h: the statements of app/consent.c and app/page_consent*.c.
 *
 * "In force" (a waiver that may be relied on today) is one SQL fragment in
 * sql_consent.c, used by every statement that asks it, so the rule lives
 * in one place. Each statement lists its parameters and its columns. */
#ifndef SQL_CONSENT_H
#define SQL_CONSENT_H

#include "db.h"

enum sql_consent {
	/* (today, today, referral, org, org, need_disclose) -> 1 when a waiver
	 * in force names org, or org's parent, as an active party */
	SQL_CONSENT_COVERS,
	/* (referral) -> id, state of the latest given waiver (aktiv,
	 * aterkallad or utgangen) */
	SQL_CONSENT_LATEST_GIVEN,
	/* (referral) -> id of the SUS consent in force that says yes */
	SQL_CONSENT_SUS_YES,
	/* (consent, org, org) -> 1 when an active party names org or its parent */
	SQL_CONSENT_PARTY_COVERS,
	/* (today, referral) -> id of each aktiv waiver past valid_until or
	 * whose participation has closed */
	SQL_CONSENT_EXPIRABLE,
	/* (new state, consent, old state): state change, ends it */
	SQL_CONSENT_END,
	/* (consent, event, party|NULL, staff|NULL, how, reason) */
	SQL_CONSENT_EVENT_INSERT,
	/* (referral) -> id, kind, state, answer, language, valid_from,
	 * valid_until, signed_how, signed_at, taken_by name, text version,
	 * ended_at, active parties, all parties */
	SQL_CONSENT_LIST,
	/* (consent) -> see enum consent_get_col in page_consent.h */
	SQL_CONSENT_GET,
	/* (consent) -> party id, name, state, revoked_at, is_insats */
	SQL_CONSENT_PARTIES,
	/* (consent) -> code, label, label_en, label_ar */
	SQL_CONSENT_CATEGORIES,
	/* (consent) -> at, event, party name, staff name, how, reason */
	SQL_CONSENT_EVENTS,
	/* () -> code, label */
	SQL_CONSENT_CATEGORY_ALL,
	/* (insats, insats) -> 'o' or 'i', id, name: the förbund's active
	 * organisations (units after their parent) and the insats */
	SQL_CONSENT_PARTY_CHOICES,
	/* (kind, language) -> id, title, body, version of the current text */
	SQL_CONSENT_TEXT_CURRENT,
	/* (kind) -> language of each current text */
	SQL_CONSENT_LANGUAGES,
	/* (referral, kind, text, language, interpreter_used,
	 * interpreter_language, obtain, disclose, purpose, valid_from,
	 * valid_until|NULL, taken_by): a draft */
	SQL_CONSENT_INSERT,
	/* (consent, organisation|NULL, insats|NULL) */
	SQL_CONSENT_PARTY_INSERT,
	/* (consent, category code) */
	SQL_CONSENT_CATEGORY_INSERT,
	/* (signed_how, signer_name, signature|NULL, paper_date|NULL, answer,
	 * consent): utkast -> aktiv */
	SQL_CONSENT_SIGN,
	/* (consent): its text version is used, so frozen */
	SQL_CONSENT_TEXT_MARK_USED,
	/* (consent) -> state, referral_id, kind, version FOR UPDATE */
	SQL_CONSENT_LOCK,
	/* (referral) -> id FOR UPDATE: serialises changes to its consents */
	SQL_CONSENT_REFERRAL_LOCK,
	/* (referral, kind, consent) -> id of each other aktiv consent */
	SQL_CONSENT_OTHERS_ACTIVE,
	/* (party, consent) aktiv -> aterkallad */
	SQL_CONSENT_PARTY_REVOKE,
	/* (consent) every aktiv party -> aterkallad */
	SQL_CONSENT_PARTY_REVOKE_ALL,
	/* (consent) -> active party count */
	SQL_CONSENT_PARTY_ACTIVE_COUNT,
	/* (consent): a change that is not a state change still moves
	 * updated_at and version */
	SQL_CONSENT_TOUCH,
	/* (referral) -> see enum consent_ref_col in page_consent.h */
	SQL_CONSENT_REFERRAL,
	/* admin: () -> id, kind, language, version, title, is_current, used,
	 * created_at */
	SQL_CONSENT_TEXT_LIST,
	/* admin: (id) -> id, kind, language, version, title, body,
	 * is_current, used FOR UPDATE */
	SQL_CONSENT_TEXT_LOCK,
	/* admin: (title, body, id) an unused text, in place */
	SQL_CONSENT_TEXT_UPDATE,
	/* admin: (kind, language) the current text stops being current */
	SQL_CONSENT_TEXT_UNCURRENT,
	/* admin: (kind, language, title, body, staff, kind, language) the
	 * next version, current */
	SQL_CONSENT_TEXT_INSERT,
	SQL_CONSENT__MAX
};

extern const struct db_query sql_consent[SQL_CONSENT__MAX];

#endif /* !SQL_CONSENT_H */
