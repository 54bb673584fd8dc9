/*
 * sql_audit_object.h: what an access-log row's object is, in words and
 * without a participant's personal data, for the pages that show the log
 * (the admin's search, the participant's "who has looked"): a consent by
 * its kind and signing date, a referral and a participation by their
 * insats, an account by its name and user name, an organisation and an
 * insats by name; "" for any other type (the type's label and the number
 * say enough). a is the audit_log row's alias.
 */
#ifndef SQL_AUDIT_OBJECT_H
#define SQL_AUDIT_OBJECT_H

#define AUDIT_SQL_OBJECT_WHAT                                                  \
	"IFNULL(CASE a.object_type "                                           \
	"WHEN 'consent' THEN (SELECT CONCAT('till ', IF(ac.kind = 'sus', "     \
	"'SUS-registrering', 'sekretesslättnad'), IFNULL(CONCAT(', "          \
	"signerat ', DATE_FORMAT(ac.signed_at, '%Y-%m-%d')), '')) "            \
	"FROM consent ac WHERE ac.id = a.object_id) "                          \
	"WHEN 'referral' THEN (SELECT CONCAT('till ', ai.short_name) "         \
	"FROM referral ar JOIN insats ai ON ai.id = ar.insats_id "             \
	"WHERE ar.id = a.object_id) "                                          \
	"WHEN 'participation' THEN (SELECT CONCAT('i ', ai.short_name) "       \
	"FROM participation ap JOIN referral ar ON ar.id = ap.referral_id "    \
	"JOIN insats ai ON ai.id = ar.insats_id WHERE ap.id = a.object_id) "   \
	"WHEN 'staff' THEN (SELECT CONCAT(ast.display_name, ' (', "            \
	"ast.username, ')') FROM staff ast WHERE ast.id = a.object_id) "       \
	"WHEN 'organisation' THEN (SELECT ao.name FROM organisation ao "       \
	"WHERE ao.id = a.object_id) "                                          \
	"WHEN 'insats' THEN (SELECT ai.short_name FROM insats ai "             \
	"WHERE ai.id = a.object_id) END, '')"

#endif /* !SQL_AUDIT_OBJECT_H */
