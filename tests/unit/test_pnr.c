/* test_pnr.c: unit tests for app/pnr.c (personnummer, samordningsnummer). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "pnr.h"
#include "str.h"

/* "Today" for the tables: the century rules are checked against it. */
#define TY 2025
#define TM 6
#define TD 15

#define MSG_FORMAT  "Ange personnumret som ÅÅÅÅMMDD-NNNN."
#define MSG_PLUS12  "Använd bindestreck med fyrsiffrigt årtal: ÅÅÅÅMMDD-NNNN."
#define MSG_DATE    "Datumet i personnumret finns inte."
#define MSG_FUTURE  "Personnumret ligger i framtiden."
#define MSG_TOO_OLD "Födelseåret i personnumret ligger för långt tillbaka."
#define MSG_SERIAL  "De tre siffrorna efter datumet kan inte vara 000."
#define MSG_CHECK   "Kontrollsiffran stämmer inte."

/* ------------------------------------------------------------------------
 * An independent check digit, written the way Skatteverket describes it
 * (not by calling pnr_luhn_ok): multiply YYMMDDNNN alternately by 2 and 1,
 * add the digits of the products, subtract the last digit of the sum from
 * 10; a 10 becomes 0.
 * --------------------------------------------------------------------- */

static int
ref_check_digit(const char nine[9])
{
	static const int doubled_digit_sum[10] = { 0, 2, 4, 6, 8, 1, 3, 5, 7,
		9 };
	int sum = 0;

	for (int i = 8; i >= 0; i -= 2)
		sum += doubled_digit_sum[nine[i] - '0'];
	for (int i = 7; i >= 1; i -= 2)
		sum += nine[i] - '0';
	return (10 - sum % 10) % 10;
}

/*
 * Copy the template "t" (tlen bytes, may hold NUL) into out and replace a
 * 'C' by the right check digit and an 'X' by a wrong one, computed over the
 * nine digits before it (separators skipped, a leading century ignored).
 */
static size_t
fill_check(const char *t, size_t tlen, char *out)
{
	memcpy(out, t, tlen);
	out[tlen] = '\0';
	for (size_t i = 0; i < tlen; i++) {
		char nine[9];
		int k = 9, c;

		if (out[i] != 'C' && out[i] != 'X')
			continue;
		for (size_t j = i; j > 0 && k > 0; j--)
			if (out[j - 1] >= '0' && out[j - 1] <= '9')
				nine[--k] = out[j - 1];
		assert_int_equal(k, 0);
		c = ref_check_digit(nine);
		out[i] = (char)('0' + (out[i] == 'C' ? c : (c + 1) % 10));
	}
	return tlen;
}

/* ------------------------------------------------------------------------
 * Tables
 * --------------------------------------------------------------------- */

#define IN(s) s, sizeof(s) - 1

/* UTF-8 look-alikes of digits, blanks and dashes; never accepted. */
#define FW0    "\xef\xbc\x90" /* U+FF10 FULLWIDTH DIGIT ZERO */
#define FW1    "\xef\xbc\x91"
#define FW2    "\xef\xbc\x92"
#define FW9    "\xef\xbc\x99"
#define AR9    "\xd9\xa9"     /* U+0669 ARABIC-INDIC DIGIT NINE */
#define SUP1   "\xc2\xb9"     /* U+00B9 SUPERSCRIPT ONE */
#define NBSP   "\xc2\xa0"     /* U+00A0 NO-BREAK SPACE */
#define IDSP   "\xe3\x80\x80" /* U+3000 IDEOGRAPHIC SPACE */
#define ENDASH "\xe2\x80\x93" /* U+2013 EN DASH */
#define MINUS  "\xe2\x88\x92" /* U+2212 MINUS SIGN */

struct ok_case {
	const char *in;
	size_t len;
	const char *want; /* canonical 12 digits, 'C' = the check digit */
	enum pnr_kind kind;
	int odd;
	int age; /* on TY-TM-TD */
};

static const struct ok_case ok_cases[] = {
	/* the five accepted shapes of the same number */
	{ IN("19900101-002C"), "19900101002C", PNR_PERSONNUMMER, 0, 35 },
	{ IN("19900101002C"), "19900101002C", PNR_PERSONNUMMER, 0, 35 },
	{ IN("900101-002C"), "19900101002C", PNR_PERSONNUMMER, 0, 35 },
	{ IN("900101002C"), "19900101002C", PNR_PERSONNUMMER, 0, 35 },
	{ IN("900101+002C"), "18900101002C", PNR_PERSONNUMMER, 0, 135 },
	/* surrounding blanks */
	{ IN("  900101-002C"), "19900101002C", PNR_PERSONNUMMER, 0, 35 },
	{ IN("900101-002C \t "), "19900101002C", PNR_PERSONNUMMER, 0, 35 },
	{ IN("\t19900101002C\t"), "19900101002C", PNR_PERSONNUMMER, 0, 35 },
	/* published examples (Skatteverket, Wikipedia), literal digits */
	{ IN("811218-9876"), "198112189876", PNR_PERSONNUMMER, 1, 43 },
	{ IN("640823-3234"), "196408233234", PNR_PERSONNUMMER, 1, 60 },
	{ IN("19640823-3234"), "196408233234", PNR_PERSONNUMMER, 1, 60 },
	/* the ninth digit of the ten-digit form decides odd_serial */
	{ IN("900101-010C"), "19900101010C", PNR_PERSONNUMMER, 0, 35 },
	{ IN("900101-999C"), "19900101999C", PNR_PERSONNUMMER, 1, 35 },
	{ IN("900101-001C"), "19900101001C", PNR_PERSONNUMMER, 1, 35 },
	/* leap days: 2000 is a leap year, 1996 too, 2024 too */
	{ IN("20000229-002C"), "20000229002C", PNR_PERSONNUMMER, 0, 25 },
	{ IN("000229-002C"), "20000229002C", PNR_PERSONNUMMER, 0, 25 },
	{ IN("19960229-123C"), "19960229123C", PNR_PERSONNUMMER, 1, 29 },
	{ IN("240229-123C"), "20240229123C", PNR_PERSONNUMMER, 1, 1 },
	/* last days of months */
	{ IN("19900131-002C"), "19900131002C", PNR_PERSONNUMMER, 0, 35 },
	{ IN("19900430-002C"), "19900430002C", PNR_PERSONNUMMER, 0, 35 },
	{ IN("19901231-002C"), "19901231002C", PNR_PERSONNUMMER, 0, 34 },
	/* samordningsnummer: day + 60 */
	{ IN("900161-002C"), "19900161002C", PNR_SAMORDNINGSNUMMER, 0, 35 },
	{ IN("19900191-002C"), "19900191002C", PNR_SAMORDNINGSNUMMER, 0, 35 },
	{ IN("19900490-003C"), "19900490003C", PNR_SAMORDNINGSNUMMER, 1, 35 },
	{ IN("000289-002C"), "20000289002C", PNR_SAMORDNINGSNUMMER, 0, 25 },
	{ IN("20250675-002C"), "20250675002C", PNR_SAMORDNINGSNUMMER, 0, 0 },
	{ IN("700171+002C"), "18700171002C", PNR_SAMORDNINGSNUMMER, 0, 155 },
	/* today, and the century of the ten-digit forms around it */
	{ IN("20250615-001C"), "20250615001C", PNR_PERSONNUMMER, 1, 0 },
	{ IN("250615-001C"), "20250615001C", PNR_PERSONNUMMER, 1, 0 },
	{ IN("250614-001C"), "20250614001C", PNR_PERSONNUMMER, 1, 0 },
	{ IN("250101-001C"), "20250101001C", PNR_PERSONNUMMER, 1, 0 },
	/* '+' from the year of the 100th birthday (not from the day) */
	{ IN("250101+001C"), "19250101001C", PNR_PERSONNUMMER, 1, 100 },
	{ IN("250615+001C"), "19250615001C", PNR_PERSONNUMMER, 1, 100 },
	{ IN("250616+001C"), "19250616001C", PNR_PERSONNUMMER, 1, 99 },
	{ IN("251231+001C"), "19251231001C", PNR_PERSONNUMMER, 1, 99 },
	{ IN("19251231-001C"), "19251231001C", PNR_PERSONNUMMER, 1, 99 },
	{ IN("260101-001C"), "19260101001C", PNR_PERSONNUMMER, 1, 99 },
	{ IN("261231-001C"), "19261231001C", PNR_PERSONNUMMER, 1, 98 },
	{ IN("260101+001C"), "18260101001C", PNR_PERSONNUMMER, 1, 199 },
	{ IN("261231+001C"), "18261231001C", PNR_PERSONNUMMER, 1, 198 },
	{ IN("18260101-001C"), "18260101001C", PNR_PERSONNUMMER, 1, 199 },
	{ IN("991231-001C"), "19991231001C", PNR_PERSONNUMMER, 1, 25 },
	{ IN("991231+001C"), "18991231001C", PNR_PERSONNUMMER, 1, 125 },
};

struct bad_case {
	struct str in; /* 'C', 'X': the right, a wrong check digit */
	const char *msg;
};

static const struct bad_case bad_cases[] = {
	/* empty and blank */
	{ { IN("") }, MSG_FORMAT },  /* nothing */
	{ { IN(" ") }, MSG_FORMAT }, /* one space */
	{ { IN(" \t ") }, MSG_FORMAT },
	/* wrong lengths */
	{ { IN("1") }, MSG_FORMAT },
	{ { IN("90010-0021") }, MSG_FORMAT },   /* 10 */
	{ { IN("900101-021") }, MSG_FORMAT },   /* 10 */
	{ { IN("9001010002C") }, MSG_FORMAT },  /* 11 */
	{ { IN("900101-0002C") }, MSG_FORMAT }, /* 12 */
	{ { IN("1990010100020") }, MSG_FORMAT },
	{ { IN("19900101-0020C") }, MSG_FORMAT },
	{ { IN("199001010020C") }, MSG_FORMAT },
	{ { IN("19900101--002C") }, MSG_FORMAT },
	/* 13 characters, but not YYYYMMDD-NNNC */
	{ { IN("199001010-02C") }, MSG_FORMAT },
	{ { IN("1990010-1002C") }, MSG_FORMAT },
	{ { IN("1990-0101002C") }, MSG_FORMAT },
	{ { IN("19900101 002C") }, MSG_FORMAT },
	{ { IN("19900101/002C") }, MSG_FORMAT },
	{ { IN("-19900101002C") }, MSG_FORMAT },
	{ { IN("19900101002C-") }, MSG_FORMAT },
	{ { IN("+19900101002C") }, MSG_FORMAT },
	/* wrong separators in the short form */
	{ { IN("900101 002C") }, MSG_FORMAT },
	{ { IN("900101/002C") }, MSG_FORMAT },
	{ { IN("900101_002C") }, MSG_FORMAT },
	{ { IN("900101.002C") }, MSG_FORMAT },
	{ { IN("9001010-02C") }, MSG_FORMAT },
	{ { IN("900101 - 002C") }, MSG_FORMAT },
	{ { IN("900101--002C") }, MSG_FORMAT },
	{ { IN("90-01-01-002C") }, MSG_FORMAT },
	{ { IN("900101" ENDASH "002C") }, MSG_FORMAT },
	{ { IN("900101" MINUS "002C") }, MSG_FORMAT },
	/* letters and signs */
	{ { IN("90010A-0021") }, MSG_FORMAT },
	{ { IN("900101-00a2") }, MSG_FORMAT },
	{ { IN("abcdefghij") }, MSG_FORMAT },
	{ { IN("ÅÅMMDD-NNNN") }, MSG_FORMAT },
	{ { IN("+900101002C") }, MSG_FORMAT },
	{ { IN("-900101002C") }, MSG_FORMAT },
	{ { IN("900101-+002") }, MSG_FORMAT },
	{ { IN("9001010x21") }, MSG_FORMAT },
	/* only spaces and tabs are blanks */
	{ { IN("900101-002C\n") }, MSG_FORMAT },
	{ { IN("\r900101-002C") }, MSG_FORMAT },
	{ { IN("900101-002C" NBSP) }, MSG_FORMAT },
	{ { IN(IDSP "900101-002C") }, MSG_FORMAT },
	/* NUL bytes inside or around */
	{ { IN("900101\000002C") }, MSG_FORMAT },
	{ { IN("9001\00001-002C") }, MSG_FORMAT },
	{ { IN("900101-002C\0") }, MSG_FORMAT },
	{ { IN("\000900101-002C") }, MSG_FORMAT },
	{ { IN("19900101\000002C") }, MSG_FORMAT },
	{ { IN("\0\0\0\0\0\0\0\0\0\0") }, MSG_FORMAT },
	/* digits that are not ASCII: full-width, Arabic-Indic, superscript */
	{ { IN(FW9 "00101-0021") }, MSG_FORMAT },
	{ { IN(FW9 FW0 FW0 FW1 FW0 FW1 "-" FW0 FW0 FW2 FW1) }, MSG_FORMAT },
	{ { IN(FW1 FW9 FW9 FW0 FW0 FW1 FW0 FW1 FW0 FW0 FW2 FW1) }, MSG_FORMAT },
	{ { IN(AR9 "00101-0021") }, MSG_FORMAT },   /* U+0669 */
	{ { IN(SUP1 "9900101002C") }, MSG_FORMAT }, /* U+00B9 */
	/* bytes that are not UTF-8 at all */
	{ { IN("\377\376900101-002") }, MSG_FORMAT },
	{ { IN("\200\200\200\200\200\200\200\200\200\200") }, MSG_FORMAT },
	/* '+' with a four-digit year */
	{ { IN("19900101+002C") }, MSG_PLUS12 },
	{ { IN("18900101+002C") }, MSG_PLUS12 },
	{ { IN("19900101+002X") }, MSG_PLUS12 },
	/* dates that do not exist */
	{ { IN("19000229-002C") }, MSG_DATE }, /* 1900 is not a leap year */
	{ { IN("000229+002C") }, MSG_DATE },   /* the '+' makes it 1900 */
	{ { IN("19900229-002C") }, MSG_DATE },
	{ { IN("21000229-002C") }, MSG_DATE },
	{ { IN("19900230-002C") }, MSG_DATE },
	{ { IN("19900431-002C") }, MSG_DATE },
	{ { IN("19901301-002C") }, MSG_DATE },
	{ { IN("19900001-002C") }, MSG_DATE },
	{ { IN("19900100-002C") }, MSG_DATE },
	{ { IN("19900132-002C") }, MSG_DATE },
	{ { IN("19909999-002C") }, MSG_DATE },
	{ { IN("900132-002C") }, MSG_DATE },
	{ { IN("901301-002C") }, MSG_DATE },
	{ { IN("900100-002X") }, MSG_DATE }, /* the date is reported first */
	/* samordningsnummer whose real day does not exist */
	{ { IN("19900160-002C") }, MSG_DATE }, /* day 0 */
	{ { IN("19900140-002C") }, MSG_DATE }, /* between the two ranges */
	{ { IN("19900192-002C") }, MSG_DATE }, /* day 32 */
	{ { IN("19900491-002C") }, MSG_DATE }, /* 31 April */
	{ { IN("19900289-002C") }, MSG_DATE }, /* 29 Feb 1990 */
	{ { IN("19000289-002C") }, MSG_DATE }, /* 29 Feb 1900 */
	{ { IN("000289+002C") }, MSG_DATE },   /* 29 Feb 1900 */
	/* the future */
	{ { IN("20250616-001C") }, MSG_FUTURE },
	{ { IN("20251231-001C") }, MSG_FUTURE },
	{ { IN("20260101-001C") }, MSG_FUTURE },
	{ { IN("99991231-001C") }, MSG_FUTURE },
	{ { IN("20250676-001C") }, MSG_FUTURE }, /* samordningsnr. */
	/* '-' means "turns 0..99 this year": later this year is the future */
	{ { IN("250616-001C") }, MSG_FUTURE },
	{ { IN("251231-001C") }, MSG_FUTURE },
	{ { IN("251231001C") }, MSG_FUTURE },
	/* too far back for any ten-digit form today */
	{ { IN("18251231-001C") }, MSG_TOO_OLD },
	{ { IN("18000101-001C") }, MSG_TOO_OLD },
	{ { IN("00010101-001C") }, MSG_TOO_OLD },
	{ { IN("00000101-001C") }, MSG_TOO_OLD },
	/* födelsenummer 000 is never issued */
	{ { IN("900101-000C") }, MSG_SERIAL },
	{ { IN("19900101000C") }, MSG_SERIAL },
	{ { IN("900101+000X") }, MSG_SERIAL },
	/* the check digit */
	{ { IN("900101-002X") }, MSG_CHECK },
	{ { IN("900101002X") }, MSG_CHECK },
	{ { IN("19900101-002X") }, MSG_CHECK },
	{ { IN("19900101002X") }, MSG_CHECK },
	{ { IN("900101+002X") }, MSG_CHECK },
	{ { IN("900161-002X") }, MSG_CHECK },
	{ { IN("811218-9875") }, MSG_CHECK },
	{ { IN("811218-9867") }, MSG_CHECK }, /* two digits swapped */
	{ { IN("811218-9786") }, MSG_CHECK }, /* two digits swapped */
};

/* ------------------------------------------------------------------------
 * Table tests
 * --------------------------------------------------------------------- */

static void
test_valid_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(ok_cases) / sizeof(ok_cases[0]); i++) {
		const struct ok_case *c = &ok_cases[i];
		char in[64], want[13], shown[PNR_FORMAT_LEN];
		struct pnr p;
		const char *msg;
		size_t len = fill_check(c->in, c->len, in);

		fill_check(c->want, 12, want);
		msg = pnr_parse((struct str){ in, len }, TY, TM, TD, &p);
		if (msg != NULL)
			fail_msg("case %zu \"%s\": %s", i, in, msg);
		if (strcmp(p.digits, want) != 0)
			fail_msg("case %zu \"%s\": got %s, want %s", i, in,
			    p.digits, want);
		assert_int_equal(p.kind, c->kind);
		assert_int_equal(p.odd_serial, c->odd);
		if (pnr_age(&p, TY, TM, TD) != c->age)
			fail_msg("case %zu \"%s\": age %d, want %d", i, in,
			    pnr_age(&p, TY, TM, TD), c->age);
		/* the fields agree with the digits */
		assert_int_equal(p.year,
		    (want[0] - '0') * 1000 + (want[1] - '0') * 100 +
		        (want[2] - '0') * 10 + (want[3] - '0'));
		assert_int_equal(p.month, (want[4] - '0') * 10 + want[5] - '0');
		assert_int_equal(
		    p.day + (c->kind == PNR_SAMORDNINGSNUMMER ? 60 : 0),
		    (want[6] - '0') * 10 + want[7] - '0');
		assert_true(pnr_luhn_ok(p.digits + 2));
		/* shown as ÅÅÅÅMMDD-NNNN */
		pnr_format(&p, shown, sizeof(shown));
		assert_int_equal(strlen(shown), 13);
		assert_memory_equal(shown, want, 8);
		assert_int_equal(shown[8], '-');
		assert_memory_equal(shown + 9, want + 8, 4);
	}
}

static void
test_invalid_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		char in[128];
		struct pnr p, zero;
		const char *msg;
		size_t len = fill_check(c->in.p, c->in.len, in);

		memset(&p, 0x5a, sizeof(p));
		memset(&zero, 0, sizeof(zero));
		msg = pnr_parse((struct str){ in, len }, TY, TM, TD, &p);
		if (msg == NULL)
			fail_msg("case %zu (%zu bytes): accepted as %s", i, len,
			    p.digits);
		if (strcmp(msg, c->msg) != 0)
			fail_msg(
			    "case %zu (%zu bytes): got \"%s\", want \"%s\"", i,
			    len, msg, c->msg);
		/* *out is zeroed, never half-filled */
		assert_memory_equal(&p, &zero, sizeof(p));
	}
}

/* ------------------------------------------------------------------------
 * Every date, both forms, checked against the independent rules
 * --------------------------------------------------------------------- */

static int
ref_days_in_month(int y, int m)
{
	static const int d[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	int leap = (y % 400 == 0) || (y % 4 == 0 && y % 100 != 0);

	return m == 2 && leap ? 29 : d[m];
}

static void
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
}

/* Every date from 1826-01-01 (turns 199 in TY) to today, as personnummer
 * and samordningsnummer, as twelve digits and in the ten-digit form with
 * the separator the law gives it this year. */
static void
test_every_date(void **state)
{
	size_t n = 0;

	(void)state;
	for (int y = TY - 199; y <= TY; y++) {
		for (int m = 1; m <= 12; m++) {
			for (int d = 1; d <= ref_days_in_month(y, m); d++) {
				if (y * 10000 + m * 100 + d >
				    TY * 10000 + TM * 100 + TD)
					continue;
				for (int sam = 0; sam <= 1; sam++) {
					char twelve[12], ten[11];
					int serial =
					    (y * 7 + m * 31 + d) % 999 + 1;
					struct pnr p;
					const char *msg;

					put2(twelve, y / 100);
					put2(twelve + 2, y % 100);
					put2(twelve + 4, m);
					put2(twelve + 6, d + (sam ? 60 : 0));
					twelve[8] = (char)('0' + serial / 100);
					put2(twelve + 9, serial % 100);
					twelve[11] = (char)('0' +
					    ref_check_digit(twelve + 2));
					memcpy(ten, twelve + 2, 6);
					ten[6] = TY - y >= 100 ? '+' : '-';
					memcpy(ten + 7, twelve + 8, 4);

					msg = pnr_parse(
					    (struct str){ twelve, 12 }, TY, TM,
					    TD, &p);
					assert_null(msg);
					assert_memory_equal(
					    p.digits, twelve, 12);
					assert_int_equal(p.year, y);
					assert_int_equal(p.month, m);
					assert_int_equal(p.day, d);
					assert_int_equal(p.kind,
					    sam ? PNR_SAMORDNINGSNUMMER
					        : PNR_PERSONNUMMER);
					assert_int_equal(
					    p.odd_serial, serial % 2);

					msg = pnr_parse((struct str){ ten, 11 },
					    TY, TM, TD, &p);
					if (msg != NULL)
						fail_msg("%.11s: %s", ten, msg);
					assert_memory_equal(
					    p.digits, twelve, 12);
					n++;
				}
			}
		}
	}
	assert_true(n > 140000);
}

/* A wrong check digit is always caught, for every position of the wrong
 * digit's value. */
static void
test_every_wrong_check_digit(void **state)
{
	static const char *const nines[] = { "900101002", "811218987",
		"000229123", "250615001", "191231999", "700171002" };

	(void)state;
	for (size_t i = 0; i < sizeof(nines) / sizeof(nines[0]); i++) {
		char ten[10];
		int good = ref_check_digit(nines[i]);

		memcpy(ten, nines[i], 9);
		for (int c = 0; c <= 9; c++) {
			ten[9] = (char)('0' + c);
			assert_int_equal(pnr_luhn_ok(ten), c == good);
		}
	}
}

/* ------------------------------------------------------------------------
 * Other "todays": the century moves with the date
 * --------------------------------------------------------------------- */

struct today_case {
	int y, m, d;
	const char *in;
	const char *want; /* NULL: the message below */
	const char *msg;
};

static const struct today_case today_cases[] = {
	{ 2000, 1, 1, "000101-002C", "20000101002C", NULL },
	{ 2000, 1, 1, "000102-002C", NULL, MSG_FUTURE },
	{ 2000, 1, 1, "000102+002C", "19000102002C", NULL },
	{ 2000, 1, 1, "991231-002C", "19991231002C", NULL },
	{ 2000, 1, 1, "991231+002C", "18991231002C", NULL },
	{ 1999, 12, 31, "000101-002C", "19000101002C", NULL },
	{ 1999, 12, 31, "000101+002C", "18000101002C", NULL },
	{ 1999, 12, 31, "000229-002C", NULL, MSG_DATE }, /* 1900 */
	{ 2024, 2, 29, "240229-002C", "20240229002C", NULL },
	{ 2024, 2, 29, "240301-002C", NULL, MSG_FUTURE },
	/* in 2100 "000229-" would be 2100-02-29, which does not exist, and
	 * the person born 2000-02-29 turns 100: '+' */
	{ 2100, 3, 1, "000229-002C", NULL, MSG_DATE },
	{ 2100, 3, 1, "000229+002C", "20000229002C", NULL },
	{ 2100, 3, 1, "19010101-002C", "19010101002C", NULL },
	{ 2100, 3, 1, "19000101-002C", NULL, MSG_TOO_OLD },
	{ 1900, 1, 1, "00000101-002C", NULL, MSG_TOO_OLD },
	{ 1900, 1, 1, "17010101-002C", "17010101002C", NULL },
	{ 1900, 1, 1, "010101-002C", "18010101002C", NULL },
	{ 1900, 1, 1, "010101+002C", "17010101002C", NULL },
	{ 9999, 12, 31, "99991231-002C", "99991231002C", NULL },
	{ 9999, 12, 31, "991231-002C", "99991231002C", NULL },
	{ 9999, 12, 31, "991231+002C", "98991231002C", NULL },
};

static void
test_other_todays(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(today_cases) / sizeof(today_cases[0]);
	     i++) {
		const struct today_case *c = &today_cases[i];
		char in[32], want[13];
		struct pnr p;
		const char *msg;
		size_t len = fill_check(c->in, strlen(c->in), in);

		msg = pnr_parse((struct str){ in, len }, c->y, c->m, c->d, &p);
		if (c->want == NULL) {
			if (msg == NULL || strcmp(msg, c->msg) != 0)
				fail_msg("case %zu %s: got %s, want %s", i, in,
				    msg ? msg : "success", c->msg);
			continue;
		}
		fill_check(c->want, 12, want);
		if (msg != NULL)
			fail_msg("case %zu %s: %s", i, in, msg);
		assert_string_equal(p.digits, want);
	}
}

/* ------------------------------------------------------------------------
 * The smaller functions
 * --------------------------------------------------------------------- */

static void
test_luhn(void **state)
{
	(void)state;
	assert_true(pnr_luhn_ok("8112189876"));
	assert_true(pnr_luhn_ok("6408233234"));
	assert_true(pnr_luhn_ok("0000000000"));
	assert_false(pnr_luhn_ok("8112189875"));
	assert_false(pnr_luhn_ok("6408233244"));
	/* non-digits are never ok, even when the arithmetic would be */
	assert_false(pnr_luhn_ok("81121898 6"));
	assert_false(pnr_luhn_ok("000000000:"));
	assert_false(pnr_luhn_ok("/000000000"));
	assert_false(pnr_luhn_ok("\0"
	                         "000000000"));
	/* reads exactly ten bytes: a longer buffer's tail is ignored */
	assert_true(pnr_luhn_ok("8112189876xyz"));
}

static void
test_format(void **state)
{
	struct pnr p;
	char buf[32];

	(void)state;
	assert_null(pnr_parse(STR_LIT("811218-9876"), TY, TM, TD, &p));
	pnr_format(&p, buf, sizeof(buf));
	assert_string_equal(buf, "19811218-9876");
	memset(buf, 'x', sizeof(buf));
	pnr_format(&p, buf, PNR_FORMAT_LEN);
	assert_string_equal(buf, "19811218-9876");
	memset(buf, 'x', sizeof(buf));
	pnr_format(&p, buf, PNR_FORMAT_LEN - 1);
	assert_string_equal(buf, ""); /* never a cut number */
	assert_int_equal(buf[1], 'x');
	pnr_format(&p, buf, 0); /* writes nothing */
	assert_int_equal(buf[0], '\0');
	assert_int_equal(buf[1], 'x');

	pnr_format_short(&p, TY, buf, sizeof(buf));
	assert_string_equal(buf, "811218-9876");
	pnr_format_short(&p, 2081, buf, PNR_SHORT_LEN);
	assert_string_equal(buf, "811218+9876");
	pnr_format_short(&p, 2080, buf, PNR_SHORT_LEN);
	assert_string_equal(buf, "811218-9876");
	memset(buf, 'x', sizeof(buf));
	pnr_format_short(&p, TY, buf, PNR_SHORT_LEN - 1);
	assert_string_equal(buf, "");
	assert_int_equal(buf[1], 'x');
}

/* The '+' switches on 1 January of the year of the 100th birthday. */
static void
test_format_short_round_trip(void **state)
{
	struct pnr p, q;
	char in[16], buf[PNR_SHORT_LEN];

	(void)state;
	fill_check("19251231-001C", 13, in);
	assert_null(pnr_parse((struct str){ in, 13 }, TY, TM, TD, &p));
	pnr_format_short(&p, 2024, buf, sizeof(buf));
	assert_int_equal(buf[6], '-');
	assert_null(pnr_parse(str_cstr(buf), 2024, 12, 31, &q));
	assert_string_equal(q.digits, p.digits);
	pnr_format_short(&p, 2025, buf, sizeof(buf));
	assert_int_equal(buf[6], '+');
	assert_null(pnr_parse(str_cstr(buf), 2025, 1, 1, &q));
	assert_string_equal(q.digits, p.digits);
	assert_null(pnr_parse(str_cstr(buf), 2025, 12, 31, &q));
	assert_string_equal(q.digits, p.digits);
}

/*
 * The promise holds from the birth date on: someone born later in "year"
 * does not round-trip before their birthday (the number is in the future
 * then), but does on the day and after; anyone born earlier, every day.
 */
static void
test_format_short_born_this_year(void **state)
{
	struct pnr p, q;
	char in[16], buf[PNR_SHORT_LEN];

	(void)state;
	fill_check("20250901-002C", 13, in);
	assert_null(pnr_parse((struct str){ in, 13 }, 2025, 12, 31, &p));
	pnr_format_short(&p, 2025, buf, sizeof(buf));
	assert_int_equal(buf[6], '-');
	assert_string_equal(
	    pnr_parse(str_cstr(buf), 2025, 1, 1, &q), MSG_FUTURE);
	assert_string_equal(
	    pnr_parse(str_cstr(buf), 2025, 8, 31, &q), MSG_FUTURE);
	assert_null(pnr_parse(str_cstr(buf), 2025, 9, 1, &q));
	assert_string_equal(q.digits, p.digits);
	assert_null(pnr_parse(str_cstr(buf), 2025, 12, 31, &q));
	assert_string_equal(q.digits, p.digits);

	/* born the year before, later in the year: every day of 2025 */
	fill_check("20240901-002C", 13, in);
	assert_null(pnr_parse((struct str){ in, 13 }, TY, TM, TD, &p));
	pnr_format_short(&p, 2025, buf, sizeof(buf));
	assert_null(pnr_parse(str_cstr(buf), 2025, 1, 1, &q));
	assert_string_equal(q.digits, p.digits);
}

static void
test_age(void **state)
{
	struct pnr p;
	char in[16];

	(void)state;
	assert_null(pnr_parse(STR_LIT("811218-9876"), TY, TM, TD, &p));
	assert_int_equal(pnr_age(&p, 1981, 12, 18), 0);
	assert_int_equal(pnr_age(&p, 1981, 12, 17), -1);
	assert_int_equal(pnr_age(&p, 1980, 1, 1), -2);
	assert_int_equal(pnr_age(&p, 1999, 12, 17), 17);
	assert_int_equal(pnr_age(&p, 1999, 12, 18), 18);
	assert_int_equal(pnr_age(&p, 2000, 1, 1), 18);
	assert_int_equal(pnr_age(&p, 2081, 12, 18), 100);

	/* born on a leap day: a year older on 28 February in common years */
	fill_check("20000229-002C", 13, in);
	assert_null(pnr_parse((struct str){ in, 13 }, TY, TM, TD, &p));
	assert_int_equal(pnr_age(&p, 2001, 2, 27), 0);
	assert_int_equal(pnr_age(&p, 2001, 2, 28), 1);
	assert_int_equal(pnr_age(&p, 2004, 2, 28), 3);
	assert_int_equal(pnr_age(&p, 2004, 2, 29), 4);
	assert_int_equal(pnr_age(&p, 2018, 2, 27), 17);
	assert_int_equal(pnr_age(&p, 2018, 2, 28), 18);
	assert_int_equal(pnr_age(&p, 2100, 2, 28), 100); /* 2100: common */

	/* samordningsnummer: the real day counts, not day + 60 */
	fill_check("19900175-002C", 13, in);
	assert_null(pnr_parse((struct str){ in, 13 }, TY, TM, TD, &p));
	assert_int_equal(p.day, 15);
	assert_int_equal(pnr_age(&p, 2025, 1, 14), 34);
	assert_int_equal(pnr_age(&p, 2025, 1, 15), 35);
}

/* Inputs that only a struct str can hold: no terminator, NULL pointer. */
static void
test_str_boundaries(void **state)
{
	static const char not_terminated[11] = { '8', '1', '1', '2', '1', '8',
		'-', '9', '8', '7', '6' };
	char big[300];
	struct pnr p;

	(void)state;
	assert_null(
	    pnr_parse((struct str){ not_terminated, 11 }, TY, TM, TD, &p));
	assert_string_equal(p.digits, "198112189876");
	/* a prefix of a valid number is not one */
	assert_string_equal(
	    pnr_parse((struct str){ not_terminated, 10 }, TY, TM, TD, &p),
	    MSG_FORMAT);
	assert_string_equal(pnr_parse(STR_NULL, TY, TM, TD, &p), MSG_FORMAT);
	/* a long field is rejected without looking at it digit by digit */
	memset(big, '1', sizeof(big));
	assert_string_equal(
	    pnr_parse((struct str){ big, sizeof(big) }, TY, TM, TD, &p),
	    MSG_FORMAT);
	memset(big, ' ', sizeof(big));
	memcpy(big + 100, "811218-9876", 11);
	assert_null(
	    pnr_parse((struct str){ big, sizeof(big) }, TY, TM, TD, &p));
	assert_string_equal(p.digits, "198112189876");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_table),
		cmocka_unit_test(test_invalid_table),
		cmocka_unit_test(test_every_date),
		cmocka_unit_test(test_every_wrong_check_digit),
		cmocka_unit_test(test_other_todays),
		cmocka_unit_test(test_luhn),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_short_round_trip),
		cmocka_unit_test(test_format_short_born_this_year),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_str_boundaries),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
