/* pnr.c: Swedish personnummer and samordningsnummer; see include/pnr.h. */
#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "pnr.h"
#include "str.h"

/* The messages pnr_parse() returns; the header lists them verbatim. */
static const char msg_format[] = "Ange personnumret som ÅÅÅÅMMDD-NNNN.";
static const char msg_plus12[] =
    "Använd bindestreck med fyrsiffrigt årtal: ÅÅÅÅMMDD-NNNN.";
static const char msg_date[] = "Datumet i personnumret finns inte.";
static const char msg_future[] = "Personnumret ligger i framtiden.";
static const char msg_too_old[] =
    "Födelseåret i personnumret ligger för långt tillbaka.";
static const char msg_serial[] =
    "De tre siffrorna efter datumet kan inte vara 000.";
static const char msg_check[] = "Kontrollsiffran stämmer inte.";

/* The oldest a ten-digit number with '+' can express: turns 199 this year. */
#define PNR_MAX_YEARS_BACK 199

/* ------------------------------------------------------------------------
 * Calendar helpers (proleptic Gregorian)
 * --------------------------------------------------------------------- */

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };

	if (m == 2 && is_leap(y))
		return 29;
	return dim[m - 1];
}

static int
date_ok(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* A date as one comparable number. */
static long
date_key(int y, int m, int d)
{
	return (long)y * 10000L + (long)m * 100L + d;
}

/* ------------------------------------------------------------------------
 * Digits
 * --------------------------------------------------------------------- */

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
all_digits(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_digit(p[i]))
			return 0;
	return 1;
}

/* The value of n (<= 4) ASCII digits, already checked. */
static int
digits_val(const char *p, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

int
pnr_luhn_ok(const char ten_digits[10])
{
	int sum = 0;

	for (int i = 0; i < 10; i++) {
		int v;

		if (!is_digit(ten_digits[i]))
			return 0;
		v = (ten_digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
		sum += v > 9 ? v - 9 : v;
	}
	return sum % 10 == 0;
}

/* ------------------------------------------------------------------------
 * Parsing
 * --------------------------------------------------------------------- */

/* How the century is known. */
enum pnr_century {
	CENT_GIVEN, /* twelve digits */
	CENT_MINUS, /* ten digits with '-' or none: turns 0..99 this year */
	CENT_PLUS   /* ten digits with '+': turns 100..199 this year */
};

/*
 * Split the trimmed input into the ten digits YYMMDDNNNC, the written year
 * (CENT_GIVEN only) and how the century is to be found. Returns NULL or a
 * message.
 */
static const char *
pnr_split(struct str s, char ten[10], int *year4, enum pnr_century *cent)
{
	const char *p = s.p;

	*year4 = 0;
	*cent = CENT_MINUS;
	switch (s.len) {
	case 10: /* YYMMDDNNNC */
		if (!all_digits(p, 10))
			return msg_format;
		memcpy(ten, p, 10);
		return NULL;
	case 11: /* YYMMDD-NNNC, YYMMDD+NNNC */
		if (!all_digits(p, 6) || (p[6] != '-' && p[6] != '+') ||
		    !all_digits(p + 7, 4))
			return msg_format;
		memcpy(ten, p, 6);
		memcpy(ten + 6, p + 7, 4);
		if (p[6] == '+')
			*cent = CENT_PLUS;
		return NULL;
	case 12: /* YYYYMMDDNNNC */
		if (!all_digits(p, 12))
			return msg_format;
		memcpy(ten, p + 2, 10);
		break;
	case 13: /* YYYYMMDD-NNNC */
		if (!all_digits(p, 8) || (p[8] != '-' && p[8] != '+') ||
		    !all_digits(p + 9, 4))
			return msg_format;
		/* The century says the age; a '+' could only contradict it. */
		if (p[8] == '+')
			return msg_plus12;
		memcpy(ten, p + 2, 6);
		memcpy(ten + 6, p + 9, 4);
		break;
	default: return msg_format;
	}
	*year4 = digits_val(p, 4);
	*cent = CENT_GIVEN;
	return NULL;
}

const char *
pnr_parse(struct str in, int today_y, int today_m, int today_d, struct pnr *out)
{
	char ten[10];
	enum pnr_century cent;
	int year, yy, month, dd, day;
	const char *msg;

	assert(out != NULL);
	assert(today_y >= 1900 && today_y <= 9999 &&
	    date_ok(today_y, today_m, today_d));
	memset(out, 0, sizeof(*out));

	if ((msg = pnr_split(str_trim_blanks(in), ten, &year, &cent)) != NULL)
		return msg;
	yy = digits_val(ten, 2);
	month = digits_val(ten + 2, 2);
	dd = digits_val(ten + 4, 2);
	day = dd > 60 ? dd - 60 : dd;

	if (cent != CENT_GIVEN) {
		/* The latest year <= today's that ends in yy. */
		year = today_y - (today_y % 100 - yy + 100) % 100;
		if (cent == CENT_PLUS)
			year -= 100;
	}
	if (!date_ok(year, month, day))
		return msg_date;
	if (date_key(year, month, day) > date_key(today_y, today_m, today_d))
		return msg_future;
	if (year < today_y - PNR_MAX_YEARS_BACK)
		return msg_too_old;
	if (memcmp(ten + 6, "000", 3) == 0)
		return msg_serial;
	if (!pnr_luhn_ok(ten))
		return msg_check;

	out->digits[0] = (char)('0' + year / 1000);
	out->digits[1] = (char)('0' + year / 100 % 10);
	memcpy(out->digits + 2, ten, 10);
	out->digits[12] = '\0';
	out->kind = dd > 60 ? PNR_SAMORDNINGSNUMMER : PNR_PERSONNUMMER;
	out->year = year;
	out->month = month;
	out->day = day;
	out->odd_serial = (ten[8] - '0') % 2;
	return NULL;
}

/* ------------------------------------------------------------------------
 * Output
 * --------------------------------------------------------------------- */

void
pnr_format(const struct pnr *p, char *buf, size_t n)
{
	if (n < PNR_FORMAT_LEN) {
		if (n > 0)
			buf[0] = '\0';
		return;
	}
	memcpy(buf, p->digits, 8);
	buf[8] = '-';
	memcpy(buf + 9, p->digits + 8, 4);
	buf[13] = '\0';
}

void
pnr_format_short(const struct pnr *p, int year, char *buf, size_t n)
{
	if (n < PNR_SHORT_LEN) {
		if (n > 0)
			buf[0] = '\0';
		return;
	}
	/* The sign follows the year of the 100th birthday, not its day. */
	memcpy(buf, p->digits + 2, 6);
	buf[6] = year - p->year >= 100 ? '+' : '-';
	memcpy(buf + 7, p->digits + 8, 4);
	buf[11] = '\0';
}

int
pnr_age(const struct pnr *p, int y, int m, int d)
{
	int age = y - p->year, bd = p->day;

	if (p->month == 2 && bd == 29 && !is_leap(y))
		bd = 28;
	if (m < p->month || (m == p->month && d < bd))
		age--;
	return age;
}
