/* demo_report_document.c: the demo delårsrapport's texts; see
 * include/demo_report_document.h. */
#include <stdio.h>
#include <string.h>

#include "demo_report_document.h"

struct demo_text {
	const char *insats, *staff; /* by name and user name */
	int year;
	const char *period;
	const char *sec[5]; /* bakgrund .. indikatorer; "" none */
};

static const struct demo_text texts[] = {
	{ "Friska Vindar 2.0", "personal.fv", 2021, "jan-aug",
	    { "Friska Vindar 2.0 är en samverkansinsats för kvinnor och män "
	      "som behöver samordnat stöd i sin rehabilitering mot arbete "
	      "eller studier. Insatsen förenar Hälsa för Alla, Friska Vindar "
	      "(ESF-projekt) och Trampolinen i Trollhättan under ett tak på "
	      "Österlånggatan 47.\n\n"
	      "Förväntade resultat: 25 % av deltagarna når arbetsmarknaden, "
	      "50 % når rehabilitering mot arbete eller studier och 70 % "
	      "upplever ökad hälsa.",
	        "Inflödet har varit stabilt under våren. Försäkringskassan "
	        "remitterar flest deltagare, ofta med Trollhättans Stad HR som "
	        "medremittent. Fler initiativ kommer från vårdcentralerna och "
	        "öppenpsykiatrin, som tillsammans med remittenten lyfter in "
	        "deltagare. Informationsmöten har hållits för "
	        "Arbetsförmedlingen och öppenpsykiatrin.",
	        "De horisontella principerna ingår i hela verksamheten. En "
	        "enkät om principerna har tagits fram för personal och "
	        "deltagare. I stort sett alla deltagare känner till att "
	        "insatsen arbetar utifrån dem, och över hälften säger att "
	        "arbetet har fått dem att tänka på principerna i vardagen.\n\n"
	        "Kommentar från en deltagare: ”Bra aktiviteter där man kan "
	        "göra saker efter egen förmåga.”",
	        "Majoriteten av deltagarna börjar i hälsodelen och flera går "
	        "vidare till den arbetsinriktade delen som ett nästa steg. "
	        "Kvinnorna är fler än männen, som tidigare år; en orsak är att "
	        "stadens HR remitterar många anställda inom kvinnodominerade "
	        "förvaltningar.\n\n"
	        "Av dem som avslutats har de flesta gått vidare i "
	        "rehabilitering hos arbetsgivaren med en tydlig plan.",
	        "Efter indikatormätningen har personalen i en workshop gått "
	        "igenom svaren. En styrka är att aktiviteterna kan anpassas "
	        "efter individen; det behövs samtidigt en bra balans mot "
	        "myndigheternas regelverk. Tidpunkten för enkäten är viktig: "
	        "inte direkt efter ett tröttande avslutningsmöte." } },
	{ "Trampolinen Trollhättan", "personal.tramp", 2019, "jan-aug",
	    { "Trampolinen är en motivationshöjande och stödjande insats "
	      "för unga vuxna 20–29 år, kvinnor upp till 45 år och kvinnor "
	      "och män som är eller nyligen varit sjukskrivna. Personalen "
	      "kommer från Arbetsförmedlingen, Försäkringskassan och "
	      "kommunen.",
	        "Samarbetet mellan Arbetsförmedlingen, Försäkringskassan, "
	        "Trollhättans Stad och hälso- och sjukvården fungerar väl. "
	        "Insatsen är välkänd hos remittenterna och inflödet har hållit "
	        "i sig.",
	        "Principerna tas upp på gruppträffar och veckomöten, bland "
	        "annat med studiebesök hos sociala företag och en föreläsning "
	        "om tillgänglighet för personer med neuropsykiatriska "
	        "diagnoser.",
	        "", "" } },
	{ "Case Manager Grästorp", "personal.cm", 2021, "jan-aug",
	    { "Case Manager stöttar arbetslösa 20–50 år som behöver flera "
	      "myndigheters stöd, med Supported Employment som metod.",
	        "Case Manager fungerar som en dörröppnare i ärenden där flera "
	        "myndigheter är inblandade.",
	        "", "", "" } },
	{ "Praktikplatssamordnare", "admin", 2019, "jan-aug",
	    { "Praktikplatssamordnaren arbetar med privat näringsliv för att "
	      "skapa fler platser för praktik och arbetsträning för personer "
	      "med försörjningsstöd, inom modellen Alla behövs i jobb.",
	        "Arbetet sker i nära samverkan med Arbetsförmedlingen och "
	        "stadens jobbcoacher; platsbankerna inom respektive "
	        "organisation används utifrån individens behov.",
	        "",
	        "En platsbank med företag som tar emot praktikanter har byggts "
	        "upp under halvåret. Handledarutbildningarna flyttades till "
	        "hösten eftersom för få anmälde sig i juni.",
	        "" } },
};

static const char insert_sql[] =
    "INSERT INTO report_text (insats_id, year, period, bakgrund, "
    "samverkan, horisontella, resultat, indikatorer, version, "
    "updated_at, updated_by) "
    "SELECT i.id, ?, ?, ?, ?, ?, ?, ?, 1, UTC_TIMESTAMP(), s.id "
    "FROM insats i JOIN staff s ON s.username = ? WHERE i.name = ? "
    "ON DUPLICATE KEY UPDATE report_text.id = report_text.id";

/* Every first version gets its history row, as a save in the app does. */
static const char history_sql[] =
    "INSERT INTO report_text_history (report_text_id, version, at, "
    "staff_id, bakgrund, samverkan, horisontella, resultat, indikatorer) "
    "SELECT t.id, t.version, UTC_TIMESTAMP(3), t.updated_by, t.bakgrund, "
    "t.samverkan, t.horisontella, t.resultat, t.indikatorer "
    "FROM report_text t WHERE t.version = 1 AND NOT EXISTS (SELECT 1 "
    "FROM report_text_history h WHERE h.report_text_id = t.id)";

static void
bind_str(MYSQL_BIND *b, const char *s, unsigned long *len)
{
	memset(b, 0, sizeof(*b));
	*len = (unsigned long)strlen(s);
	b->buffer_type = MYSQL_TYPE_STRING;
	b->buffer = (void *)(size_t)s;
	b->buffer_length = *len;
	b->length = len;
}

static int
insert_one(MYSQL_STMT *st, const struct demo_text *t)
{
	MYSQL_BIND b[9];
	unsigned long len[9];
	int year = t->year;

	memset(&b[0], 0, sizeof(b[0]));
	b[0].buffer_type = MYSQL_TYPE_LONG;
	b[0].buffer = &year;
	bind_str(&b[1], t->period, &len[1]);
	for (int i = 0; i < 5; i++)
		bind_str(&b[2 + i], t->sec[i], &len[2 + i]);
	bind_str(&b[7], t->staff, &len[7]);
	bind_str(&b[8], t->insats, &len[8]);
	return mysql_stmt_bind_param(st, b) == 0 && mysql_stmt_execute(st) == 0;
}

/* Statement sql, with text t's values (NULL: none), prepared and run
 * once: 1, or 0 with the error on stderr. */
static int
demo_run(MYSQL *my, const char *sql, size_t len, const struct demo_text *t)
{
	MYSQL_STMT *st = mysql_stmt_init(my);
	int ok = st != NULL && mysql_stmt_prepare(st, sql, len) == 0 &&
	    (t != NULL ? insert_one(st, t) : mysql_stmt_execute(st) == 0);

	if (!ok)
		fprintf(stderr, "stegvis: demo: report texts: %s\n",
		    st ? mysql_stmt_error(st) : mysql_error(my));
	if (st != NULL)
		mysql_stmt_close(st);
	return ok;
}

int
demo_report_document(MYSQL *my)
{
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (!demo_run(
		        my, insert_sql, sizeof(insert_sql) - 1, &texts[i]))
			return 0;
	return demo_run(my, history_sql, sizeof(history_sql) - 1, NULL);
}
