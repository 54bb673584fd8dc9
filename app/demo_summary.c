/* demo_summary.c: the demo's summaries to the remittent; see
 * include/demo_summary.h. */
#include <stdio.h>
#include <string.h>

#include "demo_summary.h"

#define STAFF_OF                                                               \
	"(SELECT MIN(si.staff_id) FROM staff_insats si "                       \
	"WHERE si.insats_id = p.insats_id)"

#define COLS                                                                   \
	"(participation_id, version_no, state, done_text, result_text, "       \
	"own_view, next_step, next_who, next_by, free_text, written_by, "      \
	"sent_by, sent_at) "

#define TEXTS                                                                  \
	"'Individuella samtal varannan vecka, gruppaktiviteter med fysisk "    \
	"aktivitet och en arbetsträning på fyra timmar i veckan.', "         \
	"'Deltagaren har ökat sin aktivitet från två till tolv timmar i "   \
	"veckan och klarar arbetsträningen med stöd.', "                     \
	"'Jag har fått rutiner och vågar mer. Jag vill fortsätta med "      \
	"arbetsträning.', "                                                   \
	"'Fortsatt arbetsträning med stöd, mot en anställning med "         \
	"lönebidrag.', "                                                      \
	"'Remittenten bokar ett trepartsmöte med Arbetsförmedlingen.', "

/* The referral's waiver lets the insats disclose to the referring
 * organisation, which is still a party: so the remittent reads the sent
 * summaries, whatever day the demo is loaded on (the latest ended
 * participations otherwise change with the date, and some have the
 * remittent's party revoked). */
#define WAIVER_NAMES_REFERRER                                                  \
	"AND EXISTS (SELECT 1 FROM referral f JOIN consent c "                 \
	"ON c.referral_id = f.id AND c.kind = 'sekretess' "                    \
	"AND c.direction_disclose = 1 JOIN consent_party cp "                  \
	"ON cp.consent_id = c.id AND cp.organisation_id = f.organisation_id "  \
	"AND cp.state = 'aktiv' WHERE f.id = p.referral_id) "

static const char *const demo_summary_sql[] = {
	/* Version 1, sent, of the four latest ended and marked sent. */
	"INSERT INTO participation_summary " COLS
	"SELECT p.id, 1, 'skickad', " TEXTS
	"p.end_date + INTERVAL 60 DAY, '', " STAFF_OF ", " STAFF_OF ", "
	"p.summary_sent_at FROM participation p "
	"WHERE p.status = 'avslutad' AND p.summary_sent_at IS NOT NULL "
	"AND p.gallrad_at IS NULL AND " STAFF_OF " IS NOT NULL "
	"AND NOT EXISTS (SELECT 1 FROM participation_summary s "
	"WHERE s.participation_id = p.id) " WAIVER_NAMES_REFERRER
	"ORDER BY p.end_date DESC, p.id DESC LIMIT 4",
	/* A correction of the newest of them, sent two days later. */
	"INSERT INTO participation_summary " COLS
	"SELECT s.participation_id, 2, 'skickad', s.done_text, "
	"CONCAT(s.result_text, ' Rättelse: arbetsträningen är sex timmar i "
	"veckan, inte fyra.'), s.own_view, s.next_step, s.next_who, "
	"s.next_by, 'Version 1 angav fel antal timmar.', s.written_by, "
	"s.sent_by, s.sent_at + INTERVAL 2 DAY "
	"FROM participation_summary s JOIN participation p "
	"ON p.id = s.participation_id WHERE s.version_no = 1 "
	"AND NOT EXISTS (SELECT 1 FROM participation_summary l "
	"WHERE l.participation_id = s.participation_id AND l.version_no > 1) "
	"ORDER BY p.end_date DESC, p.id DESC LIMIT 1",
	/* A draft of the latest ended one not yet sent. */
	"INSERT INTO participation_summary " COLS
	"SELECT p.id, 1, 'utkast', 'Samtal och gruppaktiviteter.', '', '', "
	"'', '', NULL, '', " STAFF_OF ", NULL, NULL FROM participation p "
	"WHERE p.status = 'avslutad' AND p.summary_sent_at IS NULL "
	"AND p.gallrad_at IS NULL AND " STAFF_OF " IS NOT NULL "
	"AND NOT EXISTS (SELECT 1 FROM participation_summary s "
	"WHERE s.participation_id = p.id) "
	"ORDER BY p.end_date DESC, p.id DESC LIMIT 1",
};

int
demo_summaries(MYSQL *my)
{
	for (size_t i = 0;
	     i < sizeof(demo_summary_sql) / sizeof(demo_summary_sql[0]); i++) {
		MYSQL_STMT *st = mysql_stmt_init(my);
		int ok = st != NULL &&
		    mysql_stmt_prepare(st, demo_summary_sql[i],
		        strlen(demo_summary_sql[i])) == 0 &&
		    mysql_stmt_execute(st) == 0;

		if (!ok)
			fprintf(stderr, "stegvis: demo: summaries: %s\n",
			    st != NULL ? mysql_stmt_error(st)
			               : mysql_error(my));
		if (st != NULL)
			mysql_stmt_close(st);
		if (!ok)
			return 0;
	}
	return 1;
}
