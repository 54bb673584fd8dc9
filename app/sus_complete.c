/* sus_complete.c: the one rule for what a SUS registration lacks; see
 * include/sus_complete.h. */
#include "arena.h"
#include "sus_complete.h"

static const char *const missing_labels[SUS_MISSING__MAX] = {
	[SUS_MISSING_EDUCATION] = "utbildning",
	[SUS_MISSING_INCOME_BEFORE] = "försörjning före",
	[SUS_MISSING_OCCUPATION_BEFORE] = "sysselsättning före",
	[SUS_MISSING_SUPPORT_TIME] = "tid i offentlig försörjning",
	[SUS_MISSING_MUNICIPALITY] = "folkbokföringskommun",
	[SUS_MISSING_PERSON] = "personnummer, kön eller födelseår",
	[SUS_MISSING_CONSENT_DATE] = "datum för SUS-samtycket",
	[SUS_MISSING_END_DATE] = "slutdatum",
	[SUS_MISSING_END_REASON] = "avslutsorsak",
	[SUS_MISSING_OCCUPATION_AFTER] = "sysselsättning efter",
	[SUS_MISSING_INCOME_AFTER] = "försörjning efter",
};
_Static_assert(
    sizeof(missing_labels) / sizeof(missing_labels[0]) == SUS_MISSING__MAX,
    "missing_labels[] out of sync");

#define REASON_CODE   "koden har ingen SUS-kod"
#define REASON_INCOME "ingen av dem har en SUS-kod"
#define REASON_KOMMUN "finns inte i kommunlistan"

/* The gap of item it: nothing stored, or nothing SUS takes. */
static enum sus_gap
item_gap(const struct sus_item *it)
{
	if (str_trim_blanks(it->sus).len > 0)
		return SUS_GAP_NONE;
	return str_trim_blanks(it->value).len > 0 ? SUS_GAP_NO_CODE
	                                          : SUS_GAP_EMPTY;
}

static enum sus_gap
str_gap(struct str s)
{
	return str_trim_blanks(s).len > 0 ? SUS_GAP_NONE : SUS_GAP_EMPTY;
}

void
sus_complete_check(const struct sus_facts *f, int v, struct sus_gaps *out)
{
	unsigned char *g = out->gap;

	for (int k = 0; k < SUS_MISSING__MAX; k++)
		g[k] = SUS_GAP_NONE;
	g[SUS_MISSING_EDUCATION] = (unsigned char)item_gap(&f->education);
	g[SUS_MISSING_INCOME_BEFORE] =
	    (unsigned char)item_gap(&f->income_before);
	g[SUS_MISSING_OCCUPATION_BEFORE] =
	    (unsigned char)item_gap(&f->occupation_before);
	g[SUS_MISSING_SUPPORT_TIME] = (unsigned char)item_gap(&f->support_time);
	/* Version 1 sends the name: any text. Version 2 the SCB code. */
	g[SUS_MISSING_MUNICIPALITY] =
	    (unsigned char)(v >= 2 ? item_gap(&f->municipality)
	                           : str_gap(f->municipality.value));
	if (f->registry) {
		if (str_gap(f->start_date) || str_gap(f->personnummer) ||
		    str_gap(f->gender) || str_gap(f->birth_year))
			g[SUS_MISSING_PERSON] = SUS_GAP_EMPTY;
		if (v >= 2)
			g[SUS_MISSING_CONSENT_DATE] =
			    (unsigned char)str_gap(f->consent_date);
	}
	out->start = 0;
	for (int k = 0; k < SUS_MISSING_END_DATE; k++)
		out->start |= g[k] != SUS_GAP_NONE;
	if (f->ended) {
		g[SUS_MISSING_END_DATE] = (unsigned char)str_gap(f->end_date);
		g[SUS_MISSING_END_REASON] =
		    (unsigned char)item_gap(&f->end_reason);
		g[SUS_MISSING_OCCUPATION_AFTER] =
		    (unsigned char)item_gap(&f->occupation_after);
		g[SUS_MISSING_INCOME_AFTER] =
		    (unsigned char)item_gap(&f->income_after);
	}
	out->end = 0;
	for (int k = SUS_MISSING_END_DATE; k < SUS_MISSING__MAX; k++)
		out->end |= g[k] != SUS_GAP_NONE;
}

int
sus_gaps_none(const struct sus_gaps *g)
{
	return !g->start && !g->end;
}

const char *
sus_missing_label(enum sus_missing m)
{
	return m < SUS_MISSING__MAX ? missing_labels[m] : "";
}

const char *
sus_gap_reason(enum sus_missing m, enum sus_gap gap)
{
	if (gap != SUS_GAP_NO_CODE)
		return "";
	switch (m) {
	case SUS_MISSING_MUNICIPALITY: return REASON_KOMMUN;
	case SUS_MISSING_INCOME_BEFORE:
	case SUS_MISSING_INCOME_AFTER: return REASON_INCOME;
	case SUS_MISSING_EDUCATION:
	case SUS_MISSING_OCCUPATION_BEFORE:
	case SUS_MISSING_SUPPORT_TIME:
	case SUS_MISSING_END_REASON:
	case SUS_MISSING_OCCUPATION_AFTER: return REASON_CODE;
	case SUS_MISSING_PERSON:
	case SUS_MISSING_CONSENT_DATE:
	case SUS_MISSING_END_DATE:
	case SUS_MISSING__MAX: break;
	}
	return "";
}

struct str
sus_gaps_text(struct arena *a, const struct sus_gaps *g)
{
	struct buf b;

	buf_init(&b, a);
	if (buf_puts(&b, "") != APP_OK)
		return STR_LIT("");
	for (int k = 0; k < SUS_MISSING__MAX; k++) {
		const char *why;

		if (g->gap[k] == SUS_GAP_NONE)
			continue;
		why = sus_gap_reason((enum sus_missing)k, g->gap[k]);
		if ((b.len > 0 && buf_puts(&b, ", ") != APP_OK) ||
		    buf_puts(&b, missing_labels[k]) != APP_OK ||
		    (*why &&
		        (buf_puts(&b, " (") != APP_OK ||
		            buf_puts(&b, why) != APP_OK ||
		            buf_puts(&b, ")") != APP_OK)))
			return STR_LIT("");
	}
	return buf_str(&b);
}

int
sus_extent_parse(struct str typed, long long *out)
{
	struct str s = str_trim_blanks(typed);
	long long n = 0;
	size_t k = 0;

	*out = -1;
	if (s.len == 0)
		return 1;
	if (s.len > 3)
		return 0;
	for (; k < s.len; k++) {
		if (s.p[k] < '0' || s.p[k] > '9')
			return 0;
		n = n * 10 + (s.p[k] - '0');
	}
	if (n > 100)
		return 0;
	*out = n;
	return 1;
}
