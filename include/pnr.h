/*
 * pnr.h: Swedish personnummer and samordningsnummer.
 *
 * Pure functions: no I/O, no allocation, no globals, no strlen() on input,
 * so pnr_parse() has a fuzz target (tests/fuzz/fuzz_pnr.c). "Today" is a
 * parameter, never read from the clock here, so every result is
 * reproducible in tests.
 *
 * The rules (folkbokföringslagen 1991:481 18 and 18 a §§, Skatteverket):
 *  - YYMMDD-NNNC: the date, a three-digit födelsenummer NNN (001..999,
 *    Skatteverket never issues 000) and a check digit C, which is the Luhn
 *    (modulus 10, weights 2,1,2,1...) digit over the ten digits.
 *  - The '-' becomes '+' *in the year* the person turns 100 (the law says
 *    "det år en person fyller 100 år", not "on the 100th birthday"). So a
 *    ten-digit number with '-' has its birth year in the 100 years that end
 *    with the current year, and one with '+' the 100 years before those.
 *  - Registers store twelve digits, YYYYMMDDNNNC, with the century; that is
 *    the canonical form here, and the one shown ("ÅÅÅÅMMDD-NNNN").
 *  - Samordningsnummer: the day plus 60 (61..91); the real day must exist.
 *  - The date may not be the exact birth date (when a day runs out of
 *    födelsenummer Skatteverket uses a nearby day), and the odd/even ninth
 *    digit (odd: men) is a default for a form, not a fact: numbers change.
 */
#ifndef PNR_H
#define PNR_H

#include <stddef.h>

#include "str.h"

enum pnr_kind { PNR_PERSONNUMMER, PNR_SAMORDNINGSNUMMER, PNR_KIND__MAX };

struct pnr {
	char digits[13]; /* canonical YYYYMMDDNNNC, NUL-terminated */
	enum pnr_kind kind;
	int year, month, day; /* the date in the number; samordningsnummer:
	                       * the day minus 60 */
	int odd_serial;       /* 1 when NNN is odd (traditionally men): a
	                       * default only, see above */
};

/* Bytes pnr_format() needs: "YYYYMMDD-NNNC" and a NUL. */
#define PNR_FORMAT_LEN 14u
/* Bytes pnr_format_short() needs: "YYMMDD-NNNC" and a NUL. */
#define PNR_SHORT_LEN  12u

/*
 * Parse what a person typed into *out, given today's date (for the century
 * of the ten-digit forms and the "not in the future" check).
 * Accepted, after removing surrounding spaces and tabs, and nothing else:
 *   YYYYMMDDNNNC  YYYYMMDD-NNNC  YYMMDDNNNC  YYMMDD-NNNC  YYMMDD+NNNC
 * (ASCII digits only; no inner spaces, no other separators). The century:
 *  - YYMMDD-NNNC and YYMMDDNNNC: the birth year is the latest year that is
 *    not after today's year and ends in YY (the person turns 0..99 this
 *    year); a date later this year is then "in the future".
 *  - YYMMDD+NNNC: 100 years before that (turns 100..199 this year).
 *  - YYYYMMDD[-]NNNC: as written; it must not be in the future, and the
 *    birth year must be at least today's year - 199 (so that every accepted
 *    number also has a ten-digit form today).
 * Returns NULL on success. Otherwise one of these static Swedish messages
 * for the form (checked in this order), and *out is zeroed:
 *   "Ange personnumret som ÅÅÅÅMMDD-NNNN."   wrong length, characters,
 *                                             separator, or empty
 *   "Använd bindestreck med fyrsiffrigt årtal: ÅÅÅÅMMDD-NNNN."
 *                                             YYYYMMDD+NNNC
 *   "Datumet i personnumret finns inte."     no such date, day 32..60, or
 *                                             a samordningsnummer whose
 *                                             day - 60 does not exist
 *   "Personnumret ligger i framtiden."
 *   "Födelseåret i personnumret ligger för långt tillbaka."
 *   "De tre siffrorna efter datumet kan inte vara 000."
 *   "Kontrollsiffran stämmer inte."
 * Empty input gets the first message: check "required" in the form first.
 * today_* must be a real date with year 1900..9999 (our own value, from
 * the clock; asserted). "in" is borrowed and may hold any bytes.
 */
const char *pnr_parse(
    struct str in, int today_y, int today_m, int today_d, struct pnr *out);

/*
 * Write "YYYYMMDD-NNNC" and a NUL into buf. With n < PNR_FORMAT_LEN only
 * an empty string is written (nothing when n == 0): never a cut number.
 */
void pnr_format(const struct pnr *, char *buf, size_t n);

/*
 * Write the ten-digit form "YYMMDD-NNNC" as it is written in "year" ('+'
 * from the year the person turns 100, a year-only rule) and a NUL into
 * buf. With n < PNR_SHORT_LEN only an empty string is written. Only
 * meaningful when the person turns 0..199 that year; pnr_parse() of the
 * result on any date in that year from the birth date on gives the same
 * digits back. Someone born later that year does not round-trip before
 * their birthday: the number is then "in the future" for pnr_parse()
 * (the ten-digit form cannot name a year 100 years back instead). For
 * anyone born in an earlier year, every date of the year works.
 */
void pnr_format_short(const struct pnr *, int year, char *buf, size_t n);

/*
 * 1 when ten_digits (YYMMDDNNNC, not NUL-terminated) are ASCII digits whose
 * Luhn sum (weights 2,1,2,1,... from the left, digits of products added) is
 * a multiple of 10; else 0.
 */
int pnr_luhn_ok(const char ten_digits[10]);

/*
 * Age in whole years on y-m-d (negative before the date in the number).
 * Someone born on 29 February turns a year older on 28 February in common
 * years (lag 1930:173 om beräkning av lagstadgad tid, 2 §: a period ending
 * on a day the month lacks ends on the month's last day).
 */
int pnr_age(const struct pnr *, int y, int m, int d);

#endif /* !PNR_H */
