/* test_sus_xml.c: the SUS export document: a small export against its
 * golden file and the XSD, text cleaning, call order, the registration
 * hash, and validation catching a bad code. Run from the repository root
 * (tests/run.sh does). UPDATE_GOLDEN=1 rewrites the golden file. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "sus_xml.h"

#define XSD    "conf/sus-export-1.xsd"
#define GOLDEN "tests/golden/sus_export_small.xml"

static const struct sus_budget budgets[] = {
	{ 2024, 40, 1200000 },
	{ 2025, 45, -1 },
};

static const struct sus_answer answers[] = {
	{ STR_LIT("tolk"), STR_LIT("ja") },
	{ STR_LIT("hemsituation"), STR_LIT("Bor <ensam> & \"trivs\"") },
};

/* A registration with every field, ended. */
static struct sus_reg
full_reg(void)
{
	return (struct sus_reg){
		.participation_id = 11,
		.insats_id = 3,
		.start_date = STR_LIT("2024-02-01"),
		.personnummer = STR_LIT("199001012380"),
		.gender = STR_LIT("kvinna"),
		.birth_year = STR_LIT("1990"),
		.municipality = STR_LIT("Trollhättan"),
		.education = STR_LIT("U3"),
		.income_before = STR_LIT("F01,F07"),
		.occupation_before = STR_LIT("S4"),
		.support_time = STR_LIT("T2"),
		.answers = answers,
		.nanswers = 2,
		.has_end = 1,
		.end_date = STR_LIT("2024-06-30"),
		.end_reason = STR_LIT("A01"),
		.income_after = STR_LIT("F09"),
		.occupation_after = STR_LIT("S1"),
	};
}

/* A fresh temporary file; its path in path. */
static int
tmp_fd(char *path, size_t n)
{
	int fd;

	snprintf(path, n, "/tmp/test_sus_xml.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	return fd;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	*len = fread(buf, 1, (size_t)n, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* The small export every golden comparison uses. */
static void
write_small(int fd)
{
	struct sus_xml *x = sus_xml_open(fd, 1);
	struct sus_header h = {
		.batch_no = 7,
		.base_no = 6,
		.created = STR_LIT("2024-07-01T08:00:00Z"),
		.forbund_id = 1,
		.forbund_name = STR_LIT("Samordningsförbundet Exempel"),
		.forbund_sus_code = STR_LIT("SF-123"),
		.forbund_orgnr = STR_LIT("222000-1234"),
	};
	struct sus_insats in1 = {
		.id = 3,
		.sus_code = STR_LIT("INS-3"),
		.name = STR_LIT("Trampolinen"),
		.description = STR_LIT("Unga vuxna\x01 och <andra> & fler."),
		.period_start = STR_LIT("2024-01-01"),
		.period_end = STR_LIT("2025-12-31"),
		.direction = STR_LIT("individ"),
		.measurement = STR_LIT("personuppgifter"),
		.target_groups =
		    STR_LIT("Unga vuxna 20–29\r\n\n  Kvinnor upp till 45 "),
		.budgets = budgets,
		.nbudgets = 2,
	};
	struct sus_insats in2 = {
		.id = 4,
		.name = STR_LIT("Praktikplatssamordnare"),
		.description = STR_LIT(""),
		.period_start = STR_LIT("2023-01-01"),
		.direction = STR_LIT("struktur"),
		.measurement = STR_LIT("antal"),
		.target_groups = STR_LIT(""),
	};
	struct sus_reg g = full_reg(), g2 = full_reg();
	struct sus_count c = { 4, 2024, STR_LIT("man"), 3, 1, 0, 0 };
	struct sus_summary sum = {
		.n_new = 1, .n_changed = 1, .n_removed = 2, .n_groups = 1
	};

	assert_non_null(x);
	g2.participation_id = 12;
	g2.personnummer = STR_LIT("198512249806");
	g2.nanswers = 0;
	g2.has_end = 0;
	assert_int_equal(sus_xml_begin(x, &h), APP_OK);
	assert_int_equal(sus_xml_insats(x, &in1), APP_OK);
	assert_int_equal(sus_xml_insats(x, &in2), APP_OK);
	assert_int_equal(sus_xml_registration(x, &g, SUS_EVENT_NEW), APP_OK);
	assert_int_equal(
	    sus_xml_registration(x, &g2, SUS_EVENT_CORRECTION), APP_OK);
	assert_int_equal(
	    sus_xml_removal(x, 13, 3, SUS_REMOVAL_ANONYMISED), APP_OK);
	assert_int_equal(sus_xml_removal(x, 14, 3, SUS_REMOVAL_FELREG), APP_OK);
	assert_int_equal(sus_xml_count(x, &c), APP_OK);
	assert_int_equal(sus_xml_finish(x, &sum), APP_OK);
	sus_xml_free(x);
}

static void
small_export_matches_golden_and_schema(void **state)
{
	char path[64], err[400];
	size_t got_len, want_len;
	char *got, *want;
	int fd;

	(void)state;
	fd = tmp_fd(path, sizeof(path));
	write_small(fd);
	close(fd);
	got = slurp(path, &got_len);
	assert_non_null(got);
	if (getenv("UPDATE_GOLDEN") != NULL) {
		FILE *f = fopen(GOLDEN, "wb");
		assert_non_null(f);
		fwrite(got, 1, got_len, f);
		fclose(f);
	}
	want = slurp(GOLDEN, &want_len);
	assert_non_null(want);
	assert_int_equal(got_len, want_len);
	assert_memory_equal(got, want, want_len);
	/* The control byte in the description became a space; markup in
	 * text was escaped; blank target-group lines were dropped. */
	assert_non_null(
	    strstr(got, "Unga vuxna  och &lt;andra&gt; &amp; fler."));
	assert_non_null(
	    strstr(got, "<malgrupp>Kvinnor upp till 45</malgrupp>"));
	assert_null(strstr(got, "<malgrupp></malgrupp>"));
	assert_int_equal(sus_xml_validate(XSD, path, err, sizeof(err)), APP_OK);
	unlink(path);
	free(got);
	free(want);
}

static void
calls_out_of_order_are_refused(void **state)
{
	char path[64];
	struct sus_reg g = full_reg();
	struct sus_count c = { 4, 2024, STR_LIT("man"), 3, 1, 0, 0 };
	struct sus_xml *x;
	int fd;

	(void)state;
	fd = tmp_fd(path, sizeof(path));
	x = sus_xml_open(fd, 1);
	assert_non_null(x);
	/* Nothing before the header. */
	assert_int_equal(
	    sus_xml_registration(x, &g, SUS_EVENT_NEW), APP_EINPUT);
	assert_int_equal(sus_xml_begin(x,
	                     &(struct sus_header){ .batch_no = 1,
	                         .created = STR_LIT("2024-01-01T00:00:00Z"),
	                         .forbund_id = 1,
	                         .forbund_name = STR_LIT("F") }),
	    APP_OK);
	assert_int_equal(sus_xml_count(x, &c), APP_OK);
	/* No registration after the counts. */
	assert_int_equal(
	    sus_xml_registration(x, &g, SUS_EVENT_NEW), APP_EINPUT);
	sus_xml_free(x);
	close(fd);
	unlink(path);
}

static void
hash_follows_every_value(void **state)
{
	unsigned char a[SUS_HASH_BYTES], b[SUS_HASH_BYTES];
	struct sus_reg g = full_reg(), h = full_reg();

	(void)state;
	assert_true(sodium_init() >= 0);
	sus_reg_hash(&g, 1, a);
	sus_reg_hash(&h, 1, b);
	assert_memory_equal(a, b, sizeof(a));
	h.municipality = STR_LIT("Vänersborg");
	sus_reg_hash(&h, 1, b);
	assert_memory_not_equal(a, b, sizeof(a));
	h = full_reg();
	h.has_end = 0;
	sus_reg_hash(&h, 1, b);
	assert_memory_not_equal(a, b, sizeof(a));
	h = full_reg();
	h.nanswers = 1;
	sus_reg_hash(&h, 1, b);
	assert_memory_not_equal(a, b, sizeof(a));
	/* Values are length-prefixed: moving a byte between two fields
	 * changes the hash. */
	h = full_reg();
	h.income_before = STR_LIT("F01,F0");
	h.occupation_before = STR_LIT("7S4");
	sus_reg_hash(&h, 1, b);
	assert_memory_not_equal(a, b, sizeof(a));
}

static void
validation_catches_a_code_outside_the_lists(void **state)
{
	char path[64], err[400];
	struct sus_reg g = full_reg();
	struct sus_xml *x;
	int fd;

	(void)state;
	fd = tmp_fd(path, sizeof(path));
	x = sus_xml_open(fd, 1);
	g.education = STR_LIT("U7");
	assert_int_equal(sus_xml_begin(x,
	                     &(struct sus_header){ .batch_no = 1,
	                         .created = STR_LIT("2024-01-01T00:00:00Z"),
	                         .forbund_id = 1,
	                         .forbund_name = STR_LIT("F") }),
	    APP_OK);
	assert_int_equal(sus_xml_registration(x, &g, SUS_EVENT_NEW), APP_OK);
	assert_int_equal(
	    sus_xml_finish(x, &(struct sus_summary){ .n_new = 1 }), APP_OK);
	sus_xml_free(x);
	close(fd);
	assert_int_equal(
	    sus_xml_validate(XSD, path, err, sizeof(err)), APP_EINPUT);
	assert_non_null(strstr(err, "element utbildning"));
	/* Where, never the value (it could be a personnummer). */
	assert_null(strstr(err, "U7"));
	assert_non_null(strstr(err, "deltagande 11"));
	/* A schema that cannot be read is not a valid document either. */
	assert_int_equal(
	    sus_xml_validate("conf/no-such.xsd", path, err, sizeof(err)),
	    APP_EIO);
	unlink(path);
}

/* A personnummer the schema refuses: the message names the element and
 * the participation, never the number. */
static void
validation_never_quotes_the_value(void **state)
{
	char path[64], err[400];
	struct sus_reg g = full_reg();
	struct sus_xml *x;
	int fd;

	(void)state;
	fd = tmp_fd(path, sizeof(path));
	x = sus_xml_open(fd, 1);
	g.personnummer = STR_LIT("180001011234");
	assert_int_equal(sus_xml_begin(x,
	                     &(struct sus_header){ .batch_no = 1,
	                         .created = STR_LIT("2024-01-01T00:00:00Z"),
	                         .forbund_id = 1,
	                         .forbund_name = STR_LIT("F") }),
	    APP_OK);
	assert_int_equal(sus_xml_registration(x, &g, SUS_EVENT_NEW), APP_OK);
	assert_int_equal(
	    sus_xml_finish(x, &(struct sus_summary){ .n_new = 1 }), APP_OK);
	sus_xml_free(x);
	close(fd);
	assert_int_equal(
	    sus_xml_validate(XSD, path, err, sizeof(err)), APP_EINPUT);
	assert_non_null(strstr(err, "element personnummer"));
	assert_non_null(strstr(err, "deltagande 11"));
	assert_null(strstr(err, "180001011234"));
	assert_null(strstr(err, "0001011234"));
	unlink(path);
}

/* A version 2 document of n registrations (ids 1000 on), the one with id
 * bad (0: none) with an education code outside the lists, validated while
 * it is written when xsd is not NULL; the verdict of sus_xml_check_end()
 * (APP_OK when not checked). */
static enum app_err
write_checked(int fd, const char *xsd, int n, long long bad, char *path,
    struct sus_xml_digest *d, char *err, size_t errlen)
{
	struct sus_xml *x = sus_xml_open(fd, 2);
	enum app_err e = APP_OK;

	assert_non_null(x);
	if (xsd != NULL)
		assert_int_equal(
		    sus_xml_check_start(x, xsd, err, errlen), APP_OK);
	assert_int_equal(sus_xml_begin(x,
	                     &(struct sus_header){ .batch_no = 1,
	                         .created = STR_LIT("2024-01-01T00:00:00Z"),
	                         .forbund_id = 1,
	                         .forbund_name = STR_LIT("F") }),
	    APP_OK);
	for (int i = 0; i < n; i++) {
		struct sus_reg g = full_reg();

		g.participation_id = 1000 + i;
		g.municipality_code = STR_LIT("1488");
		g.consent_date = STR_LIT("2024-01-02");
		if (g.participation_id == bad)
			g.education = STR_LIT("U7");
		assert_int_equal(
		    sus_xml_registration(x, &g, SUS_EVENT_NEW), APP_OK);
	}
	assert_int_equal(
	    sus_xml_finish(x, &(struct sus_summary){ .n_new = n }), APP_OK);
	if (xsd != NULL)
		e = sus_xml_check_end(x, path, d, err, errlen);
	sus_xml_free(x);
	return e;
}

/* The validation run while the document is written (through the pipe to
 * its thread) gives what validating the file gives: valid, or the same
 * place of the first error, past the first megabytes of the document. */
static void
validation_while_written(void **state)
{
	char path[64], err[400], err_file[400];
	unsigned char sha[crypto_hash_sha256_BYTES];
	struct sus_xml_digest d;
	struct sus_xml *x;
	char *doc;
	size_t len;
	int fd;

	(void)state;
	fd = tmp_fd(path, sizeof(path));
	assert_int_equal(write_checked(fd, "conf/sus-export-2.xsd", 6000, 0,
	                     path, &d, err, sizeof(err)),
	    APP_OK);
	assert_true(lseek(fd, 0, SEEK_END) > 4 * 1024 * 1024);
	/* The thread's hash and length are the file's. */
	doc = slurp(path, &len);
	assert_non_null(doc);
	assert_int_equal(d.bytes, len);
	crypto_hash_sha256(sha, (const unsigned char *)doc, len);
	assert_memory_equal(d.sha256, sha, sizeof(sha));
	free(doc);
	assert_int_equal(sus_xml_validate("conf/sus-export-2.xsd", path,
	                     err_file, sizeof(err_file)),
	    APP_OK);
	close(fd);
	unlink(path);

	fd = tmp_fd(path, sizeof(path));
	assert_int_equal(write_checked(fd, "conf/sus-export-2.xsd", 6000, 5500,
	                     path, NULL, err, sizeof(err)),
	    APP_EINPUT);
	assert_int_equal(sus_xml_validate("conf/sus-export-2.xsd", path,
	                     err_file, sizeof(err_file)),
	    APP_EINPUT);
	assert_string_equal(err, err_file);
	assert_non_null(strstr(err, "element utbildning"));
	assert_non_null(strstr(err, "deltagande 5500"));
	assert_null(strstr(err, "U7"));
	close(fd);
	unlink(path);

	/* A schema that cannot be read: refused at the start. */
	fd = tmp_fd(path, sizeof(path));
	x = sus_xml_open(fd, 2);
	assert_int_equal(
	    sus_xml_check_start(x, "conf/no-such.xsd", err, sizeof(err)),
	    APP_EIO);
	/* A document abandoned half written: freeing ends the thread. */
	assert_int_equal(
	    sus_xml_check_start(x, "conf/sus-export-2.xsd", err, sizeof(err)),
	    APP_OK);
	assert_int_equal(sus_xml_begin(x,
	                     &(struct sus_header){ .batch_no = 1,
	                         .created = STR_LIT("2024-01-01T00:00:00Z"),
	                         .forbund_id = 1,
	                         .forbund_name = STR_LIT("F") }),
	    APP_OK);
	assert_int_equal(
	    sus_xml_check_end(x, path, NULL, err, sizeof(err)), APP_EIO);
	sus_xml_free(x);
	close(fd);
	unlink(path);
}

/* Version 2: the kommun's code, the consent date, extents (a code twice
 * written once, its extents summed only when all are known), kvarhallen,
 * the held-back counts and summary; valid against sus-export-2.xsd. The
 * kommun's name is not in it; version 1 has no kvarhallen. */
static void
version_2_document(void **state)
{
	char path[64], err[400];
	struct sus_reg g = full_reg();
	struct sus_count c = { 3, 2024, STR_LIT("annat"), 2, 1, 1, 0 };
	struct sus_xml *x;
	unsigned char h1[SUS_HASH_BYTES], h2[SUS_HASH_BYTES];
	size_t len;
	char *doc;
	int fd;

	(void)state;
	assert_true(sodium_init() >= 0);
	g.municipality_code = STR_LIT("1488");
	g.consent_date = STR_LIT("2024-01-20");
	g.income_before = STR_LIT("F01:30,F01:20,F05,F05:10,F07:100");
	g.occupation_before_pct = STR_LIT("25");
	assert_true(sus_reg_complete(&g, 2));
	fd = tmp_fd(path, sizeof(path));
	x = sus_xml_open(fd, 2);
	assert_non_null(x);
	assert_int_equal(sus_xml_begin(x,
	                     &(struct sus_header){ .batch_no = 2,
	                         .base_no = 1,
	                         .created = STR_LIT("2024-01-01T00:00:00Z"),
	                         .forbund_id = 1,
	                         .forbund_name = STR_LIT("F") }),
	    APP_OK);
	assert_int_equal(sus_xml_registration(x, &g, SUS_EVENT_NEW), APP_OK);
	assert_int_equal(sus_xml_kept(x, 12, 3), APP_OK);
	assert_int_equal(sus_xml_count(x, &c), APP_OK);
	assert_int_equal(
	    sus_xml_finish(x,
	        &(struct sus_summary){
	            .n_new = 1, .n_groups = 1, .n_kept = 1, .n_held_regs = 2 }),
	    APP_OK);
	sus_xml_free(x);
	close(fd);
	assert_int_equal(
	    sus_xml_validate("conf/sus-export-2.xsd", path, err, sizeof(err)),
	    APP_OK);
	doc = slurp(path, &len);
	assert_non_null(strstr(doc, "urn:stegvis:sus-export:2"));
	assert_non_null(
	    strstr(doc, "<folkbokforingskommun>1488</folkbokforingskommun>"));
	assert_null(strstr(doc, "Trollhättan"));
	assert_non_null(
	    strstr(doc, "<samtyckesdatum>2024-01-20</samtyckesdatum>"));
	assert_non_null(
	    strstr(doc, "<forsorjning omfattning=\"50\">F01</forsorjning>"));
	assert_non_null(strstr(doc, "<forsorjning>F05</forsorjning>"));
	assert_non_null(strstr(doc,
	    "<sysselsattningFore omfattning=\"25\">S4</sysselsattningFore>"));
	assert_non_null(strstr(doc, "<kvarhallen deltagande=\"12\""));
	assert_non_null(strstr(doc, "vantandeInskrivna=\"1\""));
	assert_non_null(strstr(doc, "vantandeRegistreringar=\"2\""));
	free(doc);
	unlink(path);
	/* Without the kommun's code it is not complete in version 2. */
	g.municipality_code = STR_LIT("");
	assert_false(sus_reg_complete(&g, 2));
	assert_true(sus_reg_complete(&g, 1));
	/* The versions hash differently; version 1 ignores the extents. */
	g = full_reg();
	sus_reg_hash(&g, 1, h1);
	sus_reg_hash(&g, 2, h2);
	assert_memory_not_equal(h1, h2, sizeof(h1));
	g.income_before = STR_LIT("F01:50,F07");
	sus_reg_hash(&g, 1, h2);
	assert_memory_equal(h1, h2, sizeof(h1));
	fd = tmp_fd(path, sizeof(path));
	x = sus_xml_open(fd, 1);
	assert_int_equal(sus_xml_begin(x,
	                     &(struct sus_header){ .batch_no = 1,
	                         .created = STR_LIT("2024-01-01T00:00:00Z"),
	                         .forbund_id = 1,
	                         .forbund_name = STR_LIT("F") }),
	    APP_OK);
	assert_int_equal(sus_xml_kept(x, 12, 3), APP_EINPUT);
	sus_xml_free(x);
	close(fd);
	unlink(path);
	assert_null(sus_xml_open(1, 3));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(small_export_matches_golden_and_schema),
		cmocka_unit_test(calls_out_of_order_are_refused),
		cmocka_unit_test(hash_follows_every_value),
		cmocka_unit_test(validation_catches_a_code_outside_the_lists),
		cmocka_unit_test(validation_never_quotes_the_value),
		cmocka_unit_test(validation_while_written),
		cmocka_unit_test(version_2_document),
	};
	return cmocka_run_group_tests_name("sus_xml", tests, NULL, NULL);
}
