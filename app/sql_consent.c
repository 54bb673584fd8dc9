/* sql_consent.c: statements of consent; see include/sql_consent.h. */
#include "consent_record.h"
#include "sql_consent.h"

/* The waiver's case has closed: CONSENT_SQL_CLOSED (sql_consent.h). */
#define CLOSED CONSENT_SQL_CLOSED

/* The columns of consent_cover_record for consent c and party cp, with
 * the closed flag between them (one parameter: the organisation asked
 * about, for its parent). */
#define COVER_HEAD                                                             \
	"SELECT c.id AS consent_id, c.kind AS kind, c.state AS state,"         \
	" c.valid_from AS valid_from, IFNULL(c.valid_until, '') AS"            \
	" valid_until, c.direction_disclose AS disclose,"
#define COVER_TAIL                                                             \
	" AS closed, IFNULL(cp.organisation_id, 0) AS party_org,"              \
	" cp.insats_id IS NOT NULL AS party_insats, cp.state AS party_state,"  \
	" IFNULL((SELECT o.parent_id FROM organisation o WHERE o.id = ?), 0)"  \
	" AS org_parent"

#define PARTY_NAME " COALESCE(i.name, CONCAT_WS(' – ', po.name, o.name))"

/* SQL_CONSENT_STATUS: the case's closed flag (CONSENT_SQL_CLOSED's halves,
 * of referral r and its participation p) for a waiver that allows
 * disclosing and for one that does not, read once in the referral's row
 * for all its waivers: as a column of each waiver, CONSENT_SQL_CLOSED's
 * three subqueries were set up on every execution. For a waiver that does
 * not disclose, a draft does not matter (the case has closed once the
 * participation has ended), so that flag has no subquery. */
#define STATUS_CLOSED_DISCLOSING                                               \
	" IFNULL(" CONSENT_SQL_REFERRAL_CLOSED(                                \
	    "r") " OR" CONSENT_SQL_PARTICIPATION_CLOSED("p",                   \
	    CONSENT_SQL_NO_DRAFT("p"), "1") ", 0)"
#define STATUS_CLOSED_NOT                                                      \
	" IFNULL(" CONSENT_SQL_REFERRAL_CLOSED(                                \
	    "r") " OR" CONSENT_SQL_PARTICIPATION_CLOSED("p", " 1", "0") ", 0)"

const struct db_query sql_consent[SQL_CONSENT__MAX] = {
	/* A locking read: inside a guard's transaction it sees the latest
	 * committed revocation and holds the rows, so a revocation waits for
	 * the guarded action to commit, never slips between. */
	[SQL_CONSENT_COVERS] = { COVER_HEAD CLOSED COVER_TAIL
	    " FROM consent c JOIN consent_party cp ON cp.consent_id = c.id"
	    " WHERE c.referral_id = ? AND c.kind = 'sekretess' AND c.state = 'aktiv'"
	    " LOCK IN SHARE MODE",
	    1, .ncols = 11, .nparams = 2, .rec = &consent_cover_record },
	[SQL_CONSENT_LATEST_GIVEN] = { "SELECT id, state FROM consent WHERE referral_id = ?"
	                               " AND kind = 'sekretess' AND signed_how IS NOT NULL AND state IN"
	                               " ('aktiv','aterkallad','utgangen','felaktig')"
	                               " ORDER BY signed_at DESC, id DESC LIMIT 1",
	    1, .ncols = 2, .nparams = 1, .rec = &consent_given_record },
	[SQL_CONSENT_SUS_YES] = { "SELECT id FROM consent WHERE referral_id = ? AND kind = 'sus'"
	                          " AND state = 'aktiv' AND answer = 'ja' ORDER BY id DESC LIMIT 1",
	    1, .ncols = 1, .nparams = 1, .rec = &consent_id_record },
	[SQL_CONSENT_EXPIRABLE] = { "SELECT c.id FROM consent c"
	                            " WHERE c.kind = 'sekretess' AND c.state = 'aktiv'"
	                            " AND (c.valid_until < ? OR" CLOSED ")"
	                            " AND c.referral_id = ?",
	    1, .ncols = 1, .nparams = 2, .rec = &consent_id_record },
	[SQL_CONSENT_END] = { "UPDATE consent SET state = ?, ended_at = UTC_TIMESTAMP(),"
	                      " version = version + 1 WHERE id = ? AND state = ?",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_CONSENT_EVENT_INSERT] = { "INSERT INTO consent_event (consent_id, at, event, party_id,"
	                               " staff_id, how, reason)"
	                               " VALUES (?, UTC_TIMESTAMP(3), ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 6 },
	[SQL_CONSENT_LIST] = { "SELECT c.id, c.kind, c.state, c.answer, c.language,"
	                       " c.valid_from, c.valid_until, c.signed_how,"
	                       " DATE_FORMAT(c.signed_at, '%Y-%m-%d %H:%i') AS signed_at,"
	                       " s.display_name AS taken_by, t.version AS text_version,"
	                       " DATE_FORMAT(c.ended_at, '%Y-%m-%d %H:%i') AS ended_at,"
	                       " (SELECT COUNT(*) FROM consent_party cp WHERE"
	                       "  cp.consent_id = c.id AND cp.state = 'aktiv') AS active_parties,"
	                       " (SELECT COUNT(*) FROM consent_party cp WHERE cp.consent_id = c.id)"
	                       " AS all_parties"
	                       " FROM consent c JOIN staff s ON s.id = c.taken_by"
	                       " JOIN consent_text t ON t.id = c.text_id AND t.forbund_id = :forbund"
	                       " WHERE c.referral_id = ? ORDER BY c.id DESC LIMIT 200",
	    1, .ncols = 14, .nparams = 1, .rec = &consent_list_record },
	[SQL_CONSENT_GET] = { "SELECT c.id, c.referral_id, c.kind, c.state, c.answer, c.language,"
	                      " c.interpreter_used, c.interpreter_language, c.direction_obtain,"
	                      " c.direction_disclose, c.purpose, c.valid_from, c.valid_until,"
	                      " c.signed_how, c.signer_name, c.signature_svg,"
	                      " IFNULL(c.signed_with, '') AS signed_with, c.paper_date,"
	                      " s.display_name AS taken_by,"
	                      " DATE_FORMAT(c.signed_at, '%Y-%m-%d %H:%i') AS signed_at,"
	                      " DATE_FORMAT(c.ended_at, '%Y-%m-%d %H:%i') AS ended_at, c.version,"
	                      " t.title AS text_title, t.body AS text_body,"
	                      " t.version AS text_version, t.language AS text_language,"
	                      " t.to_check AS text_to_check"
	                      " FROM consent c JOIN staff s ON s.id = c.taken_by"
	                      " JOIN consent_text t ON t.id = c.text_id AND t.forbund_id = :forbund"
	                      " WHERE c.id = ?",
	    1, .ncols = 27, .nparams = 1, .rec = &consent_record },
	[SQL_CONSENT_PARTIES] = { "SELECT cp.id," PARTY_NAME
	                          " AS name, cp.state,"
	                          " DATE_FORMAT(cp.revoked_at, '%Y-%m-%d %H:%i') AS revoked_at,"
	                          " cp.insats_id IS NOT NULL AS is_insats"
	                          " FROM consent_party cp"
	                          " LEFT JOIN organisation o ON o.id = cp.organisation_id"
	                          " LEFT JOIN organisation po ON po.id = o.parent_id"
	                          " LEFT JOIN insats i ON i.id = cp.insats_id"
	                          " WHERE cp.consent_id = ? ORDER BY cp.insats_id IS NOT NULL,"
	                          " COALESCE(po.name, o.name), o.parent_id IS NOT NULL, o.name",
	    1, .ncols = 5, .nparams = 1, .rec = &consent_party_record },
	[SQL_CONSENT_CATEGORIES] = { "SELECT k.code, k.label, k.label_en, k.label_ar,"
	                             " k.label_so, k.label_fa_af, k.label_ti"
	                             " FROM consent_consent_category cc"
	                             " JOIN consent_category k ON k.code = cc.category_code"
	                             " WHERE cc.consent_id = ? ORDER BY k.position",
	    1, .ncols = 7, .nparams = 1, .rec = &consent_category_record },
	[SQL_CONSENT_EVENTS] = { "SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s') AS at, e.event,"
	                         " (SELECT" PARTY_NAME " FROM consent_party cp"
	                         "  LEFT JOIN organisation o ON o.id = cp.organisation_id"
	                         "  LEFT JOIN organisation po ON po.id = o.parent_id"
	                         "  LEFT JOIN insats i ON i.id = cp.insats_id"
	                         "  WHERE cp.id = e.party_id) AS party,"
	                         " COALESCE(s.display_name, '') AS staff, e.how, e.reason"
	                         " FROM consent_event e LEFT JOIN staff s ON s.id = e.staff_id"
	                         " WHERE e.consent_id = ? ORDER BY e.at, e.id",
	    1, .ncols = 6, .nparams = 1, .rec = &consent_event_record },
	[SQL_CONSENT_CATEGORY_ALL] = { "SELECT code, label FROM consent_category ORDER BY position",
	    1, .ncols = 2, .nparams = 0,
	    .rec = &consent_category_choice_record },
	[SQL_CONSENT_PARTY_CHOICES] = { "SELECT 'o' AS kind, o.id, CONCAT_WS(' – ', po.name, o.name) AS name"
	                                " FROM organisation o"
	                                " LEFT JOIN organisation po ON po.id = o.parent_id"
	                                " JOIN insats ins ON ins.id = ? AND ins.forbund_id = o.forbund_id"
	                                " WHERE o.active = 1 AND o.kind <> 'other'"
	                                " UNION ALL SELECT 'i', i.id, i.name FROM insats i WHERE i.id = ?"
	                                " ORDER BY 1 DESC, 3",
	    1, .ncols = 3, .nparams = 2, .rec = &consent_party_choice_record },
	[SQL_CONSENT_TEXT_CURRENT] = { "SELECT id, title, body, version FROM consent_text"
	                               " WHERE forbund_id = :forbund AND kind = ? AND language = ?"
	                               " AND is_current = 1",
	    1, .ncols = 4, .nparams = 2, .rec = &consent_text_current_record },
	[SQL_CONSENT_LANGUAGES] = { "SELECT language, to_check FROM consent_text"
	                            " WHERE forbund_id = :forbund AND kind = ? AND is_current = 1"
	                            " ORDER BY language = 'sv' DESC, language",
	    1, .ncols = 2, .nparams = 1, .rec = &consent_text_language_record },
	/* The text is the request's förbund's, of the consent's kind and
	 * language, and the referral's insats is that förbund's too: a
	 * consent never pins another förbund's wording (no row inserted
	 * otherwise). */
	[SQL_CONSENT_INSERT] = { "INSERT INTO consent (referral_id, kind, text_id, language,"
	                         " interpreter_used, interpreter_language, direction_obtain,"
	                         " direction_disclose, purpose, valid_from, valid_until, taken_by)"
	                         " SELECT r.id, t.kind, t.id, t.language, ?, ?, ?, ?, ?, ?, ?, ?"
	                         " FROM referral r JOIN insats i ON i.id = r.insats_id"
	                         " AND i.forbund_id = :forbund"
	                         " JOIN consent_text t ON t.id = ? AND t.forbund_id = :forbund"
	                         " AND t.kind = ? AND t.language = ?"
	                         " WHERE r.id = ?",
	    0, .ncols = 0, .nparams = 12 },
	[SQL_CONSENT_PARTY_INSERT] = { "INSERT INTO consent_party (consent_id, organisation_id, insats_id)"
	                               " VALUES (?, ?, ?)",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_CONSENT_CATEGORY_INSERT] = { "INSERT INTO consent_consent_category (consent_id, category_code)"
	                                  " VALUES (?, ?)",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_CONSENT_SIGN] = { "UPDATE consent SET state = 'aktiv', signed_how = ?, signer_name = ?,"
	                       " signature_svg = ?, signed_with = ?, paper_date = ?, answer = ?,"
	                       " signed_at = UTC_TIMESTAMP(), version = version + 1"
	                       " WHERE id = ? AND state = 'utkast'",
	    0, .ncols = 0, .nparams = 7 },
	[SQL_CONSENT_TEXT_MARK_USED] = { "UPDATE consent_text SET used = 1 WHERE id ="
	                                 " (SELECT text_id FROM consent WHERE id = ?)"
	                                 " AND forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_CONSENT_REFERRAL_LOCK] = { "SELECT id, gallrad_at IS NOT NULL AS gallrad "
	                                "FROM referral WHERE id = ? FOR UPDATE",
	    0, .ncols = 2, .nparams = 1, .rec = &consent_referral_id_record },
	[SQL_CONSENT_LOCK] = { "SELECT state, referral_id, kind, version FROM consent"
	                       " WHERE id = ? FOR UPDATE",
	    0, .ncols = 4, .nparams = 1, .rec = &consent_lock_record },
	[SQL_CONSENT_GUARD_TOUCH] = { "INSERT INTO referral_guard (referral_id, seq)"
	                              " VALUES (?, 1) ON DUPLICATE KEY UPDATE seq = seq + 1",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_CONSENT_OTHERS_ACTIVE] = { "SELECT id FROM consent WHERE referral_id = ? AND kind = ?"
	                                " AND state = 'aktiv' AND id <> ? FOR UPDATE",
	    0, .ncols = 1, .nparams = 3, .rec = &consent_id_record },
	[SQL_CONSENT_PARTY_REVOKE] = { "UPDATE consent_party SET state = 'aterkallad',"
	                               " revoked_at = UTC_TIMESTAMP()"
	                               " WHERE id = ? AND consent_id = ? AND state = 'aktiv'",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_CONSENT_PARTY_REVOKE_ALL] = { "UPDATE consent_party SET state = 'aterkallad',"
	                                   " revoked_at = UTC_TIMESTAMP()"
	                                   " WHERE consent_id = ? AND state = 'aktiv'",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_CONSENT_PARTY_ACTIVE_COUNT] = { "SELECT COUNT(*) AS active_parties FROM consent_party"
	                                     " WHERE consent_id = ? AND state = 'aktiv'",
	    0, .ncols = 1, .nparams = 1, .rec = &consent_count_record },
	[SQL_CONSENT_TOUCH] = { "UPDATE consent SET version = version + 1 WHERE id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_CONSENT_REFERRAL] = { "SELECT r.id, r.status, r.consent_at_visa AS at_visa, r.organisation_id,"
	                           " CONCAT_WS(' – ', po.name, o.name) AS organisation, r.insats_id,"
	                           " i.name AS insats, i.period_end AS insats_end, pn.personnummer,"
	                           " pe.first_name, pe.last_name,"
	                           /* Protected if either record says so. */
	                           " pe.protected_identity OR IFNULL(pp.protected_identity, 0)"
	                           " AS protected_identity,"
	                           " p.id AS participation_id, p.status AS participation_status,"
	                           " p.planned_end_date, p.end_date, pe.interpreter_language,"
	                           " i.measurement"
	                           " FROM referral r JOIN person pn ON pn.id = r.person_id"
	                           " JOIN referral_person pe ON pe.referral_id = r.id"
	                           " JOIN insats i ON i.id = r.insats_id"
	                           " JOIN organisation o ON o.id = r.organisation_id"
	                           " LEFT JOIN organisation po ON po.id = o.parent_id"
	                           " LEFT JOIN participation p ON p.referral_id = r.id"
	                           " LEFT JOIN participation_person pp ON pp.participation_id = p.id"
	                           " WHERE r.id = ?",
	    1, .ncols = 18, .nparams = 1, .rec = &consent_referral_record },
	[SQL_CONSENT_TEXT_LIST] = { "SELECT id, kind, language, version, title, is_current, used,"
	                            " DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS created_at, to_check"
	                            " FROM consent_text WHERE forbund_id = :forbund"
	                            " ORDER BY kind, language = 'sv' DESC,"
	                            " language, version DESC",
	    1, .ncols = 9, .nparams = 0, .rec = &consent_text_list_record },
	[SQL_CONSENT_TEXT_LOCK] = { "SELECT id, kind, language, version, title, body, is_current,"
	                            " used FROM consent_text WHERE id = ? AND forbund_id = :forbund"
	                            " FOR UPDATE",
	    0, .ncols = 8, .nparams = 1, .rec = &consent_text_record },
	[SQL_CONSENT_TEXT_UPDATE] = { "UPDATE consent_text SET title = ?, body = ?"
	                              " WHERE id = ? AND used = 0 AND forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_CONSENT_TEXT_UNCURRENT] = { "UPDATE consent_text SET is_current = 0"
	                                 " WHERE forbund_id = :forbund AND kind = ? AND language = ?"
	                                 " AND is_current = 1",
	    0, .ncols = 0, .nparams = 2 },
	[SQL_CONSENT_TEXT_INSERT] = { "INSERT INTO consent_text (forbund_id, kind, language, version,"
	                              " title, body, is_current, created_by) SELECT :forbund, ?, ?,"
	                              " COALESCE(MAX(version), 0) + 1, ?, ?, 1, ? FROM consent_text"
	                              " WHERE forbund_id = :forbund AND kind = ? AND language = ?",
	    0, .ncols = 0, .nparams = 7 },
	/* A bare UNION ALL ordered as a whole, with its order keys o1..o4 as
	 * columns: wrapped in a derived table to leave them out, it cost
	 * MariaDB about a third more per execution (the same rows). */
	[SQL_CONSENT_STATUS] = { "SELECT 0 AS kind, r.id AS id, r.organisation_id AS n1,"
	                         " IFNULL(o.parent_id, 0) AS n2, r.consent_at_visa AS n3,"
	                         " (pe.protected_identity OR IFNULL(pp.protected_identity, 0)) AS n4," STATUS_CLOSED_DISCLOSING
	                         " AS n5," STATUS_CLOSED_NOT " AS n6,"
	                         " CONCAT_WS(' – ', po.name, o.name) AS s1,"
	                         " pn.personnummer AS s2, i.measurement AS s3, '' AS s4, '' AS s5,"
	                         " '' AS s6, '' AS s7, '' AS s8, '' AS s9, '' AS s10,"
	                         " 0 AS o1, '' AS o2, 0 AS o3, '' AS o4"
	                         " FROM referral r JOIN person pn ON pn.id = r.person_id"
	                         " JOIN referral_person pe ON pe.referral_id = r.id"
	                         " JOIN insats i ON i.id = r.insats_id"
	                         " JOIN organisation o ON o.id = r.organisation_id"
	                         " LEFT JOIN organisation po ON po.id = o.parent_id"
	                         " LEFT JOIN participation p ON p.referral_id = r.id"
	                         " LEFT JOIN participation_person pp ON pp.participation_id = p.id"
	                         " WHERE r.id = ?"
	                         " UNION ALL (SELECT 1, c.id, c.direction_disclose, 0, 0,"
	                         " t.version,"
	                         " (SELECT COUNT(*) FROM consent_party cp WHERE"
	                         "  cp.consent_id = c.id AND cp.state = 'aktiv'),"
	                         " (SELECT COUNT(*) FROM consent_party cp WHERE cp.consent_id = c.id),"
	                         " c.kind, c.state, c.answer, c.language, c.valid_from,"
	                         " IFNULL(c.valid_until, ''), IFNULL(c.signed_how, ''),"
	                         " IFNULL(DATE_FORMAT(c.signed_at, '%Y-%m-%d %H:%i'), ''),"
	                         " s.display_name, IFNULL(DATE_FORMAT(c.ended_at, '%Y-%m-%d %H:%i'), ''),"
	                         " -c.id, '', 0, ''"
	                         " FROM consent c JOIN staff s ON s.id = c.taken_by"
	                         " JOIN consent_text t ON t.id = c.text_id AND t.forbund_id = :forbund"
	                         " WHERE c.referral_id = ?)"
	                         " UNION ALL (SELECT 2, cp.id, cp.consent_id, IFNULL(cp.organisation_id, 0),"
	                         " cp.insats_id IS NOT NULL, 0, 0, 0," PARTY_NAME
	                         ", cp.state,"
	                         " IFNULL(DATE_FORMAT(cp.revoked_at, '%Y-%m-%d %H:%i'), ''),"
	                         " '', '', '', '', '', '', '',"
	                         " cp.insats_id IS NOT NULL, COALESCE(po.name, o.name),"
	                         " o.parent_id IS NOT NULL, IFNULL(o.name, '')"
	                         " FROM consent_party cp JOIN consent c ON c.id = cp.consent_id"
	                         " LEFT JOIN organisation o ON o.id = cp.organisation_id"
	                         " LEFT JOIN organisation po ON po.id = o.parent_id"
	                         " LEFT JOIN insats i ON i.id = cp.insats_id"
	                         " WHERE c.referral_id = ? AND c.kind = 'sekretess')"
	                         " ORDER BY kind, o1, o2, o3, o4, id",
	    1, .ncols = 22, .nparams = 3, .rec = &consent_status_row_record },
};
