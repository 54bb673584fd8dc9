/* test_quest_xml.c: quest_parse() on small definitions, with and without
 * the schema (conf/questionnaire.xsd, run from the repository root). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "quest.h"
#include "quest_xml.h"
#include "str.h"

static struct arena a;
static struct quest_schema *schema;

#define HEAD                                                                   \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                         \
	"<questionnaire xmlns=\"urn:stegvis:questionnaire:1\" id=\"t\" "       \
	"version=\"3\" respondents=\"deltagare\" anonymity=\"kopplad\" "       \
	"default-lang=\"sv\">\n"                                               \
	"<languages><language xml:lang=\"sv\" dir=\"ltr\">Svenska</language>"  \
	"<language xml:lang=\"ar\" dir=\"rtl\">العربية</language></languages>\n"
#define TITLE                                                                  \
	"<title><t xml:lang=\"sv\">Titel</t><t xml:lang=\"ar\">عنوان</t></title>\n"
#define T2(s) "<t xml:lang=\"sv\">" s "</t><t xml:lang=\"ar\">" s "</t>"

static const char good[] = HEAD TITLE "<section id=\"s\"><title>" T2(
    "S") "</title>\n"
         "<scale id=\"a\" min=\"1\" max=\"5\" dont-know=\"true\"><text>" T2("A") "</text><min-label>" T2("lo") "</min-label><max-label>" T2(
             "hi") "</max-label></scale>\n"
                   "<vas id=\"v\"><text>" T2("V") "</text><min-label>" T2("0") "</min-label><max-label>" T2(
                       "100") "</max-label></vas>\n"
                              "<choice id=\"kon\" background=\"kon\"><text>" T2("K") "</text><option value=\"kvinna\">" T2("Kvinna") "</option><option value=\"man\">" T2(
                                  "Man") "</option></choice>\n"
                                         "<choice id=\"m\" multiple=\"true\"><text>" T2("M") "</text><option value=\"x\">" T2(
                                             "X") "</option><option value=\"y\">" T2("Y") "</option></choice>\n"
                                                                                          "<freetext id=\"f\" max-length=\"100\"><text>" T2(
                                                                                              "F") "</text></freetext>\n"
                                                                                                   "</section></questionnaire>\n";

static enum app_err
parse(const char *xml, const struct quest_schema *s, struct quest_def *d,
    char *err, size_t n)
{
	arena_reset(&a);
	return quest_parse(&a, str_cstr(xml), s, d, err, n);
}

static void
test_good(void **state)
{
	struct quest_def d;
	char err[512];

	(void)state;
	for (int pass = 0; pass < 2; pass++) {
		assert_int_equal(
		    parse(good, pass ? schema : NULL, &d, err, sizeof(err)),
		    APP_OK);
		assert_string_equal(d.code, "t");
		assert_int_equal(d.version, 3);
		assert_string_equal(d.title, "Titel");
		assert_string_equal(d.anonymity, "kopplad");
		assert_int_equal(d.nlangs, 2);
		assert_int_equal(d.langs[1].rtl, 1);
		assert_int_equal(d.nitems, 5);
		assert_int_equal(d.items[0].kind, QK_SKALA);
		assert_int_equal(d.items[0].max, 5);
		assert_int_equal(d.items[0].dont_know, 1);
		assert_int_equal(d.items[1].kind, QK_VAS);
		assert_int_equal(d.items[1].max, 100);
		assert_int_equal(d.items[2].bg, QB_KON);
		assert_int_equal(d.items[2].noptions, 2);
		assert_int_equal(d.items[3].kind, QK_FLERVAL);
		assert_int_equal(d.items[4].max_length, 100);
		/* every text in both languages */
		assert_int_equal(d.ntexts % 2, 0);
	}
}

/* Replace the first "from" in good by "to" and expect an error with msg. */
static void
expect_error(const char *from, const char *to, const char *msg, int line)
{
	char buf[8192], err[512], want[64];
	const char *p = strstr(good, from);
	struct quest_def d;

	assert_non_null(p);
	snprintf(buf, sizeof(buf), "%.*s%s%s", (int)(p - good), good, to,
	    p + strlen(from));
	assert_int_equal(parse(buf, NULL, &d, err, sizeof(err)), APP_EINPUT);
	assert_non_null(strstr(err, msg));
	snprintf(want, sizeof(want), "Rad %d: ", line);
	if (line > 0)
		assert_memory_equal(err, want, strlen(want));
	assert_null(d.items);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("<t xml:lang=\"ar\">عنوان</t>", "",
	    "Översättning saknas: <title> har ingen text på språket ar", 4);
	expect_error("<t xml:lang=\"ar\">عنوان</t>", "<t xml:lang=\"so\">x</t>",
	    "\"so\" finns inte", 4);
	expect_error("id=\"v\"", "id=\"a\"", "Fråge-id \"a\" finns redan", 7);
	expect_error("value=\"man\"", "value=\"okand\"",
	    "bara värdena kvinna, man och annat", 8);
	expect_error("max=\"5\"", "max=\"50\"", "max (2 till 11)", 6);
	expect_error(
	    "<?xml", "<!DOCTYPE x [<!ENTITY e \"x\">]><?xml", "DOCTYPE", 0);
	expect_error("</section>", "", "Filen är inte giltig XML", 0);
}

static void
test_schema_refuses_more(void **state)
{
	char buf[8192], err[512];
	struct quest_def d;

	(void)state;
	/* An unknown attribute: the loader ignores it, the schema does not. */
	snprintf(buf, sizeof(buf), "%s", good);
	char *p = strstr(buf, "<vas id=\"v\"");
	assert_non_null(p);
	memmove(p + 17, p + 11, strlen(p + 11) + 1);
	memcpy(p, "<vas id=\"v\" x=\"1\"", 17);
	assert_int_equal(parse(buf, NULL, &d, err, sizeof(err)), APP_OK);
	assert_int_equal(parse(buf, schema, &d, err, sizeof(err)), APP_EINPUT);
	assert_non_null(strstr(err, "Rad 7: Filen följer inte schemat"));
}

static void
test_limits(void **state)
{
	static char big[QUEST_MAX_XML + 2];
	struct quest_def d;
	char err[256];

	(void)state;
	memset(big, ' ', sizeof(big) - 1);
	assert_int_equal(parse(big, NULL, &d, err, sizeof(err)), APP_EINPUT);
	assert_non_null(strstr(err, "för stor"));
	assert_int_equal(parse("", NULL, &d, err, sizeof(err)), APP_EINPUT);
}

/* Only UTF-8: a DOCTYPE cannot hide in UTF-7 or UTF-16. */
static void
test_encodings(void **state)
{
	static const char body[] =
	    "<questionnaire xmlns=\"urn:stegvis:questionnaire:1\" id=\"t\" "
	    "version=\"3\" respondents=\"deltagare\" anonymity=\"kopplad\" "
	    "default-lang=\"sv\"><languages><language xml:lang=\"sv\" "
	    "dir=\"ltr\">Svenska</language></languages><title><t "
	    "xml:lang=\"sv\">Titel</t></title><section id=\"s\"><title><t "
	    "xml:lang=\"sv\">S</t></title><freetext id=\"f\" "
	    "max-length=\"100\"><text><t xml:lang=\"sv\">F</t></text>"
	    "</freetext></section></questionnaire>";
	static const char xxe7[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n"
	    "+ADw-!DOCTYPE q +AFs-+ADw-!ENTITY x SYSTEM "
	    "+ACI-file:///etc/passwd+ACI-+AD4-+AF0-+AD4-\n"
	    "+ADw-q+AD4-+ACY-x+ADs-+ADw-/q+AD4-\n";
	static char doc[4096];
	struct quest_def d;
	char err[512];
	size_t n = 0;

	(void)state;
	/* The plain document is fine in UTF-8 ... */
	n = (size_t)snprintf(doc, sizeof(doc),
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n%s", body);
	assert_true(n < sizeof(doc));
	assert_int_equal(parse(doc, NULL, &d, err, sizeof(err)), APP_OK);
	/* ... but not declared UTF-7 with every '<' as +ADw- (which a UTF-7
	 * reading would turn back into markup). */
	n = (size_t)snprintf(
	    doc, sizeof(doc), "<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n");
	for (const char *c = body; *c && n + 6 < sizeof(doc); c++)
		n += (size_t)snprintf(doc + n, sizeof(doc) - n, "%s",
		    *c == '<' ? "+ADw-" : (char[]){ *c, 0 });
	assert_int_equal(parse(doc, NULL, &d, err, sizeof(err)), APP_EINPUT);
	/* A DOCTYPE with an external entity in UTF-7: refused, unread. */
	assert_int_equal(parse(xxe7, NULL, &d, err, sizeof(err)), APP_EINPUT);
	assert_null(strstr(err, "root:"));
	/* UTF-16 with a byte order mark, and NUL bytes. */
	arena_reset(&a);
	assert_int_equal(quest_parse(&a, (struct str){ "\xff\xfe<\0q\0>\0", 8 },
	                     NULL, &d, err, sizeof(err)),
	    APP_EINPUT);
	assert_non_null(strstr(err, "UTF-16"));
	arena_reset(&a);
	assert_int_equal(quest_parse(&a, (struct str){ "<q>\0</q>", 8 }, NULL,
	                     &d, err, sizeof(err)),
	    APP_EINPUT);
	assert_non_null(strstr(err, "NUL"));
}

/* Wrong tablet codes are counted per IPv4 address, per IPv6 /64. */
static void
test_addr_key(void **state)
{
	char k[64];

	(void)state;
	quest_addr_key(STR_LIT("192.0.2.7"), k, sizeof(k));
	assert_string_equal(k, "192.0.2.7");
	quest_addr_key(
	    STR_LIT("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), k, sizeof(k));
	assert_string_equal(k, "2001:db8:1:2::/64");
	quest_addr_key(STR_LIT("2001:db8:1:2::1"), k, sizeof(k));
	assert_string_equal(k, "2001:db8:1:2::/64");
	quest_addr_key(STR_LIT("2001:db8:1:3::1"), k, sizeof(k));
	assert_string_equal(k, "2001:db8:1:3::/64");
	quest_addr_key(STR_LIT("nonsense:x"), k, sizeof(k));
	assert_string_equal(k, "nonsense:x");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_schema_refuses_more),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_addr_key),
		cmocka_unit_test(test_encodings),
	};
	char err[512];
	int rc;

	if (!arena_init(&a, 16u * 1024u * 1024u))
		return 1;
	if (quest_schema_load("conf/questionnaire.xsd", &schema, err,
	        sizeof(err)) != APP_OK) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	quest_schema_free(schema);
	arena_free(&a);
	return rc;
}
