/* sql_consent.h: the statements of the consent records
 * (app/consent_record.c, which every consent page and rule goes through).
 *
 * Each statement that returns rows declares its record (the decode tables
 * in include/consent_record.h): its columns are named by their aliases,
 * checked against the record when a worker prepares it. Each statement
 * lists its parameters and its record.
 *
 * Consent texts are each förbund's own (sql/0073): every statement on
 * consent_text names the request's förbund (":forbund", db_scope.h), so
 * an admin sees and edits only its own, a new consent pins its own, and a
 * consent is shown only with its own förbund's text (tests/unit/
 * test_db_scope_cover.c checks it). */
#ifndef SQL_CONSENT_H
#define SQL_CONSENT_H

#include "db.h"

/* The waiver's application or participation has closed (c is the
 * consent): the application was advised against, the participation was
 * marked in error, or it has ended and nothing more is due: the summary
 * has gone to the remittent and no correction of it is in draft
 * (summary.h), or the waiver never allowed disclosing it. SQL text, the
 * one definition for the consent sweep and cover checks (sql_consent.c)
 * and the remittent's follow-up (ACCESS_SQL_WAIVER_SCOPE, sql_access.h);
 * its two halves, of the referral rr and of its participation pp (at most
 * one: uq_participation_referral), are also what the referral's status
 * box reads once for all its waivers (SQL_CONSENT_STATUS, with r and p
 * joined). nodraft: no correction of pp's summary is in draft; disclose:
 * the waiver allows disclosing (0 or 1). */
#define CONSENT_SQL_REFERRAL_CLOSED(rr) " " rr ".status = 'avradd'"
#define CONSENT_SQL_NO_DRAFT(pp)                                               \
	" NOT EXISTS (SELECT 1"                                                \
	" FROM participation_summary ps WHERE ps.participation_id = " pp ".id" \
	" AND ps.state = 'utkast')"
#define CONSENT_SQL_PARTICIPATION_CLOSED(pp, nodraft, disclose)                \
	" (" pp ".status ="                                                    \
	" 'felregistrerad' OR (" pp ".status = 'avslutad' AND"                 \
	" ((" pp ".summary_sent_at IS NOT NULL AND" nodraft ") OR " disclose   \
	" = 0)))"
/* clang-format off */
#define CONSENT_SQL_CLOSED                                                     \
	" (EXISTS (SELECT 1 FROM referral rr WHERE rr.id = c.referral_id AND"  \
	CONSENT_SQL_REFERRAL_CLOSED("rr") ") OR EXISTS (SELECT 1 FROM"         \
	" participation pp WHERE pp.referral_id = c.referral_id AND"           \
	CONSENT_SQL_PARTICIPATION_CLOSED("pp", CONSENT_SQL_NO_DRAFT("pp"),     \
	    "c.direction_disclose") "))"
/* clang-format on */

enum sql_consent {
	/* (org, referral) -> consent_cover_record: each party of each aktiv
	 * waiver, with its facts and org's parent; a locking read */
	SQL_CONSENT_COVERS,
	/* (referral) -> consent_given_record: the latest given waiver */
	SQL_CONSENT_LATEST_GIVEN,
	/* (referral) -> consent_id_record: the SUS consent in force that
	 * says yes */
	SQL_CONSENT_SUS_YES,
	/* (today, referral) -> consent_id_record: each aktiv waiver past
	 * valid_until or whose case has closed */
	SQL_CONSENT_EXPIRABLE,
	/* (new state, consent, old state): state change, ends it */
	SQL_CONSENT_END,
	/* (consent, event, party|NULL, staff|NULL, how, reason) */
	SQL_CONSENT_EVENT_INSERT,
	/* (referral) -> consent_list_record (the texts scoped) */
	SQL_CONSENT_LIST,
	/* (consent) -> consent_record (its text scoped) */
	SQL_CONSENT_GET,
	/* (consent) -> consent_party_record */
	SQL_CONSENT_PARTIES,
	/* (consent) -> consent_category_record */
	SQL_CONSENT_CATEGORIES,
	/* (consent) -> consent_event_record */
	SQL_CONSENT_EVENTS,
	/* () -> consent_category_choice_record */
	SQL_CONSENT_CATEGORY_ALL,
	/* (insats, insats) -> consent_party_choice_record: the förbund's
	 * active organisations (units after their parent) and the insats */
	SQL_CONSENT_PARTY_CHOICES,
	/* (kind, language) -> consent_text_current_record: the förbund's */
	SQL_CONSENT_TEXT_CURRENT,
	/* (kind) -> consent_text_language_record: each current text's of
	 * the förbund */
	SQL_CONSENT_LANGUAGES,
	/* (interpreter_used, interpreter_language, obtain, disclose,
	 * purpose, valid_from, valid_until|NULL, taken_by, text, kind,
	 * language, referral): a draft; no row unless the text is the
	 * förbund's of that kind and language and the referral's insats is
	 * the förbund's */
	SQL_CONSENT_INSERT,
	/* (consent, organisation|NULL, insats|NULL) */
	SQL_CONSENT_PARTY_INSERT,
	/* (consent, category code) */
	SQL_CONSENT_CATEGORY_INSERT,
	/* (signed_how, signer_name, signature|NULL, paper_date|NULL, answer,
	 * consent): utkast -> aktiv */
	SQL_CONSENT_SIGN,
	/* (consent): its text version (the förbund's) is used, so frozen */
	SQL_CONSENT_TEXT_MARK_USED,
	/* (consent) -> consent_lock_record FOR UPDATE */
	SQL_CONSENT_LOCK,
	/* (referral) -> consent_referral_id_record FOR UPDATE: serialises
	 * changes to its consents */
	SQL_CONSENT_REFERRAL_LOCK,
	/* (referral): its referral_guard row written (sql/0065), so that
	 * Galera orders a guard and a consent change of one referral */
	SQL_CONSENT_GUARD_TOUCH,
	/* (referral, kind, consent) -> consent_id_record: each other aktiv
	 * consent of the kind, FOR UPDATE */
	SQL_CONSENT_OTHERS_ACTIVE,
	/* (party, consent) aktiv -> aterkallad */
	SQL_CONSENT_PARTY_REVOKE,
	/* (consent) every aktiv party -> aterkallad */
	SQL_CONSENT_PARTY_REVOKE_ALL,
	/* (consent) -> consent_count_record: the active parties */
	SQL_CONSENT_PARTY_ACTIVE_COUNT,
	/* (consent): a change that is not a state change still moves
	 * updated_at and version */
	SQL_CONSENT_TOUCH,
	/* (referral) -> consent_referral_record */
	SQL_CONSENT_REFERRAL,
	/* admin: () -> consent_text_list_record, the förbund's texts */
	SQL_CONSENT_TEXT_LIST,
	/* admin: (id) -> consent_text_record FOR UPDATE; none when another
	 * förbund's */
	SQL_CONSENT_TEXT_LOCK,
	/* admin: (title, body, id) an unused text, in place */
	SQL_CONSENT_TEXT_UPDATE,
	/* admin: (kind, language) the current text stops being current */
	SQL_CONSENT_TEXT_UNCURRENT,
	/* admin: (kind, language, title, body, staff, kind, language) the
	 * next version, current */
	SQL_CONSENT_TEXT_INSERT,
	/* (referral id x3) -> struct consent_status_row: the status
	 * box of a referral in one statement (consent_status_load()): kind 0
	 * the referral (id; n1 organisation id, n2 its parent or 0, n3 the
	 * VISA marker, n4 protected identity, n5 and n6 whether the case
	 * has closed (CONSENT_SQL_CLOSED) for a waiver that allows
	 * disclosing and for one that does not; s1 organisation, s2
	 * personnummer, s3 the insats's measurement); kind 1 its consents,
	 * newest first, every one (coverage is decided over all; id; n1 disclose, n2 0 (whether
	 * it runs out is consent_runs_out()'s, in C), n3 0 (closed: the
	 * referral's n5 or n6, by n1), n4 text version, n5 active parties, n6 all parties; s1..s10
	 * as SQL_CONSENT_LIST); kind 2 the parties of its waivers (id; n1
	 * consent id, n2 organisation id or 0, n3 is the insats; s1 name, s2
	 * state, s3 revoked at) in the order of SQL_CONSENT_PARTIES; o1..o4
	 * the order's keys */
	SQL_CONSENT_STATUS,
	SQL_CONSENT__MAX
};

extern const struct db_query sql_consent[SQL_CONSENT__MAX];

#endif /* !SQL_CONSENT_H */
