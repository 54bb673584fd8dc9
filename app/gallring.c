/* gallring.c: the gallring rules' codes, bounds and predicates; see
 * include/gallring.h. */
#include <stdio.h>
#include <string.h>

#include "gallring.h"
#include "pnr.h"

/* The follow-up is closed 6 months + 90 days after the end (followup.h):
 * a participation is kept at least a year, so it never goes first. */
#define GR_MIN_PARTICIPATION 365

static const struct gallring_def defs[GR__MAX] = {
	[GR_DELTAGANDE] = { "deltagande", "avslut",
	    "Avslutat deltagande med ansökan, plan, uppföljningar och "
	    "ändringshistorik",
	    "Deltagandets slutdatum", GR_MIN_PARTICIPATION, 3650, 1095 },
	[GR_ANSOKAN] = { "ansokan", "beslut",
	    "Ansökan som inte blev ett deltagande (avrådd, återförd, "
	    "återkallad, övergivet utkast)",
	    "Beslutet eller återkallelsen, för ett utkast dess senaste "
	    "ändring",
	    30, 3650, 365 },
	[GR_SAMTYCKE] = { "samtycke", "upphort",
	    "Samtycke som har upphört, med dess händelser",
	    "Samtycket återkallades, gick ut eller märktes felaktigt", 30, 3650,
	    1095 },
	[GR_ENKATSVAR] = { "enkatsvar", "inskickad",
	    "Kopplade enkätsvar: fritextsvar och svar som aldrig skickades",
	    "Svaret skickades in", 30, 3650, 1095 },
	[GR_ENKATKOD] = { "enkatkod", "utgangen",
	    "Enkätkoder, länkar och sparade utkast till svar", "Koden gick ut",
	    1, 365, 30 },
	[GR_SUS_DOKUMENT] = { "sus_dokument", "skapad",
	    "SUS-batchernas dokument, kvitterade eller inte",
	    "Batchen skapades", 7, 730, 90 },
	[GR_INLOGGNING] = { "inloggning", "senast",
	    "Inloggningar, surfplattesessioner, misslyckade inloggningar och "
	    "sparade formulär",
	    "Senast använd eller misslyckad", 1, 365, 30 },
	[GR_ATKOMSTLOGG] = { "atkomstlogg", "loggad", "Åtkomstloggen",
	    "Händelsen loggades", GALLRING_LOG_MIN_DAYS, 7300, 1825 },
};
_Static_assert(sizeof(defs) / sizeof(defs[0]) == GR__MAX,
    "defs[] out of sync with enum gallring_code");

const struct gallring_def *
gallring_def(enum gallring_code c)
{
	return (unsigned)c < GR__MAX ? &defs[c] : NULL;
}

int
gallring_code_parse(struct str s, enum gallring_code *out)
{
	for (int c = 0; c < GR__MAX; c++)
		if (str_eq_cstr(s, defs[c].code)) {
			*out = (enum gallring_code)c;
			return 1;
		}
	return 0;
}

int
gallring_past(long start, long today, long keep_days)
{
	if (keep_days < 1)
		return 0;
	return start + keep_days < today;
}

int
gallring_state_in(struct str s, const char *list)
{
	for (const char *q = strchr(list, '\''); q != NULL;) {
		const char *end = strchr(q + 1, '\'');

		if (end == NULL)
			return 0;
		if ((size_t)(end - q - 1) == s.len &&
		    memcmp(q + 1, s.p, s.len) == 0)
			return 1;
		q = strchr(end + 1, '\'');
	}
	return 0;
}

int
gallring_participation_due(
    struct str status, long end_day, long today, long keep_days)
{
	if (!gallring_state_in(status, GALLRING_PARTICIPATION_STATES))
		return 0;
	if (end_day <= 0)
		return 0;
	return gallring_past(end_day, today, keep_days);
}

int
gallring_referral_due(struct str status, int has_participation, long clock_day,
    long today, long keep_days)
{
	if (has_participation)
		return 0;
	if (!gallring_state_in(status, GALLRING_REFERRAL_STATES))
		return 0;
	if (clock_day <= 0)
		return 0;
	return gallring_past(clock_day, today, keep_days);
}

int
gallring_consent_due(struct str state, long end_day, long today, long keep_days)
{
	if (!gallring_state_in(state, GALLRING_CONSENT_STATES))
		return 0;
	if (end_day <= 0)
		return 0;
	return gallring_past(end_day, today, keep_days);
}

const char *
gallring_edit_refusal(int gallrad)
{
	return gallrad ? GALLRING_MSG_REMOVED : NULL;
}

size_t
gallring_validate_all(const long days[GR__MAX], const int skip[GR__MAX],
    enum gallring_refusal out[GR__MAX])
{
	size_t n = 0;
	int log_ok = skip == NULL || !skip[GR_ATKOMSTLOGG];

	for (int c = 0; c < GR__MAX; c++) {
		out[c] = GR_REF_OK;
		if (skip != NULL && skip[c])
			continue;
		if (days[c] < defs[c].min_days || days[c] > defs[c].max_days) {
			out[c] = c == GR_DELTAGANDE && days[c] > 0 &&
			        days[c] < defs[c].min_days
			    ? GR_REF_FOLLOWUP
			    : GR_REF_RANGE;
			n++;
		}
	}
	if (!log_ok || out[GR_ATKOMSTLOGG] != GR_REF_OK)
		return n;
	for (int c = 0; c < GR__MAX; c++)
		if (c != GR_ATKOMSTLOGG && (skip == NULL || !skip[c]) &&
		    days[GR_ATKOMSTLOGG] < days[c]) {
			out[GR_ATKOMSTLOGG] = GR_REF_LOG_SHORT;
			return n + 1;
		}
	return n;
}

enum gallring_refusal
gallring_validate(const long days[GR__MAX], enum gallring_code *which)
{
	enum gallring_refusal out[GR__MAX];

	gallring_validate_all(days, NULL, out);
	/* A rule out of its own bounds first, then the access log. */
	for (int c = 0; c < GR__MAX; c++) {
		*which = (enum gallring_code)c;
		if (out[c] != GR_REF_OK && out[c] != GR_REF_LOG_SHORT)
			return out[c];
	}
	*which = GR_ATKOMSTLOGG;
	return out[GR_ATKOMSTLOGG];
}

const char *
gallring_days_text(long days, char *buf, size_t n)
{
	if (n == 0)
		return buf;
	if (days >= 365 && days % 365 == 0)
		snprintf(buf, n, "%ld år (%ld dagar)", days / 365, days);
	else if (days >= 30 && days % 30 == 0)
		snprintf(buf, n, "%ld %s (%ld dagar)", days / 30,
		    days == 30 ? "månad" : "månader", days);
	else if (days >= 7 && days % 7 == 0)
		snprintf(buf, n, "%ld %s (%ld dagar)", days / 7,
		    days == 7 ? "vecka" : "veckor", days);
	else
		snprintf(buf, n, "%ld %s", days, days == 1 ? "dag" : "dagar");
	return buf;
}

const char *
gallring_refusal_text(
    enum gallring_refusal r, enum gallring_code c, char *buf, size_t n)
{
	const struct gallring_def *d = gallring_def(c);

	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (d == NULL)
		return buf;
	switch (r) {
	case GR_REF_OK: break;
	case GR_REF_RANGE:
		snprintf(buf, n, "Ange ett helt antal dagar från %ld till %ld.",
		    d->min_days, d->max_days);
		break;
	case GR_REF_FOLLOWUP:
		snprintf(buf, n,
		    "Minst %ld dagar: uppföljningen sex månader efter avslut "
		    "ska hinna göras innan deltagandet gallras.",
		    d->min_days);
		break;
	case GR_REF_LOG_SHORT:
		snprintf(buf, n,
		    "Åtkomstloggen ska sparas minst lika länge som de andra "
		    "uppgifterna, så att en deltagare kan få veta vem som har "
		    "läst om dem.");
		break;
	case GR_REF__MAX: break;
	}
	return buf;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
gallring_standin(const char *real, const int *start_mmdd, size_t n,
    unsigned attempt, char out[13])
{
	int year = 0, month, day, birth, best = 1231;
	char ten[10];

	for (int i = 0; i < 12; i++)
		if (real[i] < '0' || real[i] > '9')
			return 0;
	for (int i = 0; i < 4; i++)
		year = year * 10 + (real[i] - '0');
	month = (real[4] - '0') * 10 + (real[5] - '0');
	day = ((real[6] - '0') * 10 + (real[7] - '0')) % 60;
	if (month < 1 || month > 12 || day < 1 || day > 31)
		return 0;
	birth = month * 100 + day;
	for (size_t i = 0; i < n; i++)
		if (start_mmdd[i] >= birth && start_mmdd[i] < best)
			best = start_mmdd[i];
	/* A start on 29 February: a birth year without it has the 28th,
	 * which no other start lies between. */
	if (best == 229 && !leap(year))
		best = 228;
	snprintf(out, 13, "%04d%04d%03u0", year, best, 1 + (attempt / 9) % 999);
	memcpy(ten, out + 2, 10);
	/* The check digit that is right, then one of the nine wrong ones. */
	for (int c = 0; c < 10; c++) {
		ten[9] = (char)('0' + c);
		if (pnr_luhn_ok(ten)) {
			out[11] =
			    (char)('0' + (c + 1 + (int)(attempt % 9)) % 10);
			return 1;
		}
	}
	return 0;
}

int
gallring_pnr_is_standin(struct str pnr12)
{
	if (pnr12.len != 12)
		return 0;
	for (size_t i = 0; i < 12; i++)
		if (pnr12.p[i] < '0' || pnr12.p[i] > '9')
			return 0;
	return !pnr_luhn_ok(pnr12.p + 2);
}
