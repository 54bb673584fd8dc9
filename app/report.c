/* report.c: the activity report's figures; see include/report.h. */
#include <stdio.h>
#include <string.h>

#include "gender.h"
#include "arena.h"
#include "date.h"
#include "db.h"
#include "followup.h"
#include "participation.h"
#include "report.h"
#include "report_pass.h"
#include "report_period.h"
#include "report_suppress.h"
#include "req.h"
#include "sql_report.h"

/* Upper bounds of one report's suppression set: rows are bounded by the
 * code lists, the organisations and REPORT_MAX_MONTHS. */
#define REP_MAX_CELLS    8192
#define REP_MAX_RELS     4096
#define REP_MAX_MEMBERS  32768
#define REP_MAX_ORGS     256
#define REP_MAX_CODES    64
/* Rows of SQL_REPORT_PASS per page, and the scratch room (out of the
 * request's arena) that holds one page at a time. */
#define REP_PASS_PAGE    1024
#define REP_PASS_SCRATCH (1024u * 1024u)

/* The report's columns are the genders of gender.h in their order, then
 * the total. */
_Static_assert((int)RG_KVINNA == (int)GENDER_KVINNA &&
        (int)RG_MAN == (int)GENDER_MAN && (int)RG_ANNAT == (int)GENDER_ANNAT &&
        (int)RG_TOTAL == (int)GENDER__MAX,
    "enum report_gender out of step with enum gender");
static const char *const outcome_labels[RO__MAX] = {
	[RO_ARBETE] = "Arbete",
	[RO_STUDIER] = "Studier",
	[RO_ARBETSSOKANDE] = "Aktivt arbetssökande",
	[RO_REHAB] = "Fortsatt rehabilitering eller annan insats",
	[RO_SJUKDOM] = "Sjukdom",
	[RO_ANNAT] = "Annat (flyttat, avbrott, annat)",
};
static const char *const goal_kinds[RGK__MAX] = { "arbetsformaga",
	"egenforsorjning", "livskvalitet", "arbete", "rehabilitering", "halsa",
	"other" };
/* Which outcomes reach each goal (bit per enum report_outcome); 0: not
 * computed from the end reasons. */
static const unsigned goal_outcomes[RGK__MAX] = {
	[RGK_ARBETSFORMAGA] = 1u << RO_ARBETE | 1u << RO_STUDIER |
	    1u << RO_ARBETSSOKANDE | 1u << RO_REHAB,
	[RGK_EGENFORSORJNING] = 1u << RO_ARBETE | 1u << RO_STUDIER,
	[RGK_ARBETE] = 1u << RO_ARBETE,
	[RGK_REHABILITERING] = 1u << RO_REHAB,
};
static const char *const goal_how[RGK__MAX] = {
	[RGK_ARBETSFORMAGA] =
	    "Räknas ur avslutsorsaken: arbete, studier, aktivt arbetssökande "
	    "eller fortsatt rehabilitering. Ingen egen skattning av "
	    "arbetsförmågan registreras.",
	[RGK_EGENFORSORJNING] = "Avslut till arbete eller studier.",
	[RGK_LIVSKVALITET] = "Inga mätningar än: livskvalitet vid start och "
	                     "avslut kommer med enkäterna.",
	[RGK_ARBETE] = "Avslut till arbete.",
	[RGK_REHABILITERING] = "Avslut till fortsatt rehabilitering eller "
	                       "annan insats.",
	[RGK_HALSA] = "Inga mätningar än: hälsoskattningen kommer med "
	              "enkäterna.",
	[RGK_OTHER] = "Målet kan inte räknas ur registrerade uppgifter.",
};

const char *
report_gender_head(int g)
{
	if (g == RG_TOTAL)
		return "Totalt";
	return g >= 0 && g < RG_TOTAL ? gender_plural_label((enum gender)g)
	                              : "";
}

const char *
report_outcome_label(enum report_outcome o)
{
	return o < RO__MAX ? outcome_labels[o] : "";
}

int
report_column_shown(const struct report *rep, int g)
{
	return g != RG_ANNAT || rep->has_annat;
}

/* A non-negative decimal from the database ("123.5000"); 0 otherwise. */
static double
strtod_c(struct str s)
{
	double v = 0, scale = 1;
	size_t i = 0;

	for (; i < s.len && s.p[i] >= '0' && s.p[i] <= '9'; i++)
		v = v * 10 + (s.p[i] - '0');
	if (i < s.len && s.p[i] == '.')
		for (i++; i < s.len && s.p[i] >= '0' && s.p[i] <= '9'; i++) {
			scale /= 10;
			v += (s.p[i] - '0') * scale;
		}
	return v;
}

/* The report column of a stored gender; -1 for none. */
static int
gender_index(struct str g)
{
	enum gender v;

	return gender_from_name(g, &v) ? (int)v : -1;
}

struct build {
	struct req *r;
	struct report *rep;
	struct sup_set *s;
	struct db_param p[14];
	long long from_days, to_days, last_days; /* last: min(to, today) */
	int fy, fm, fd, ty, tm, td, ly, lm, ld;
};

/* Statement q with the first n of b's parameters, its rows as records
 * (sql_report.h) into *rows, an arena array of *nrows. */
static enum app_err
rload(struct build *b, unsigned q, size_t n, void *rows, size_t *nrows)
{
	return db_load(
	    b->r->db, b->r->a, DB_REPORT, q, b->p, n, (void **)rows, nrows);
}

struct report_row *
report_rows_new(struct arena *a, size_t n)
{
	struct report_row *rows = arena_calloc(a, n ? n : 1, sizeof(*rows));

	for (size_t i = 0; rows != NULL && i < n; i++) {
		for (int g = 0; g < RG__MAX; g++)
			rows[i].cell[g] = -1;
		rows[i].other = -1;
	}
	return rows;
}

/* Cells for row's counts: one per shown column, the total fixed when
 * asked. The relations come later, all in report_relations(). */
static enum app_err
row_cells(struct build *b, struct report_row *row, int fixed_total)
{
	row->n[RG_TOTAL] =
	    row->n[RG_KVINNA] + row->n[RG_MAN] + row->n[RG_ANNAT];
	for (int g = 0; g < RG__MAX; g++) {
		if (!report_column_shown(b->rep, g))
			continue;
		if ((row->cell[g] = sup_cell(b->s, row->n[g],
		         g == RG_TOTAL && fixed_total ? SUP_FIXED : 0)) < 0)
			return APP_ENOMEM;
	}
	return APP_OK;
}

/* Share base's cells (the same people, so the same mark). */
static void
row_share_cells(struct report_row *row, const struct report_row *base)
{
	memcpy(row->cell, base->cell, sizeof(row->cell));
	memcpy(row->n, base->n, sizeof(row->n));
}

/* The table's rows, the last one a copy of base (the total). */
static enum app_err
table_finish(struct build *b, struct report_table *t, size_t ncat,
    const struct report_row *base, const char *total_label)
{
	enum app_err e;

	for (size_t i = 0; i < ncat; i++)
		if ((e = row_cells(b, &t->rows[i], 0)) != APP_OK)
			return e;
	row_share_cells(&t->rows[ncat], base);
	t->rows[ncat].label = str_cstr(total_label);
	t->rows[ncat].total = 1;
	t->base = base;
	t->nrows = ncat + 1;
	return APP_OK;
}

static void
add_count(struct report_row *row, struct str gender, long long count)
{
	int g = gender_index(gender);

	if (g >= 0)
		row->n[g] += count;
}

/* SQL_REPORT_PASS's parameters but the page's: (start, end, path?,
 * path?, start, end, start, end, end, start, insats id or 0, the same);
 * the path for the whole förbund only (report_flow.c reads it for every
 * insats). */
static void
period_params(struct build *b)
{
	int path = b->rep->insats_id == 0;

	b->p[0] = DB_STR(b->rep->from);
	b->p[1] = DB_STR(b->rep->to);
	b->p[2] = DB_INT(path);
	b->p[3] = DB_INT(path);
	b->p[4] = DB_STR(b->rep->from);
	b->p[5] = DB_STR(b->rep->to);
	b->p[6] = DB_STR(b->rep->from);
	b->p[7] = DB_STR(b->rep->to);
	b->p[8] = DB_STR(b->rep->to);
	b->p[9] = DB_STR(b->rep->from);
	b->p[10] = DB_INT(b->rep->insats_id);
	b->p[11] = DB_INT(b->rep->insats_id);
}

/* Participants: enrolled (total row, fixed grand total), new, ended,
 * ongoing; enrolled = ended + ongoing per column. rows: SQL_REPORT_COUNTS,
 * several rows per gender. */
static enum app_err
build_deltagare(
    struct build *b, const struct report_count_row *rows, size_t nrows)
{
	struct report_table *t = &b->rep->tables[RT_DELTAGARE];
	enum app_err e;

	if ((t->rows = report_rows_new(b->r->a, 4)) == NULL)
		return APP_ENOMEM;
	t->nrows = 4;
	t->key = "deltagare";
	t->title = "Deltagare under perioden";
	t->note = "Inskrivna: alla deltaganden som pågick någon gång under "
	          "perioden. Nya: startade under perioden. Avslutade: "
	          "avslutade under perioden. Pågående: inskrivna vid "
	          "periodens slut. Felregistreringar räknas inte.";
	t->rows[0].label = STR_LIT("Inskrivna");
	t->rows[0].total = 1;
	t->rows[1].label = STR_LIT("Nya");
	t->rows[2].label = STR_LIT("Avslutade");
	t->rows[3].label = STR_LIT("Pågående vid periodens slut");
	for (size_t i = 0; i < nrows; i++) {
		int g = gender_index(rows[i].gender);
		long long all = rows[i].n;
		long long ended = rows[i].n_ended;

		if (g < 0)
			continue;
		if (g == RG_ANNAT && all > 0)
			b->rep->has_annat = 1;
		t->rows[0].n[g] += all;
		t->rows[1].n[g] += rows[i].n_new;
		t->rows[2].n[g] += ended;
		t->rows[3].n[g] += all - ended;
	}
	/* The grand total is always shown, unless it is small itself. */
	if ((e = row_cells(b, &t->rows[0],
	         t->rows[0].n[RG_KVINNA] + t->rows[0].n[RG_MAN] +
	                 t->rows[0].n[RG_ANNAT] >=
	             b->rep->min_cell)) != APP_OK ||
	    (e = row_cells(b, &t->rows[1], 0)) != APP_OK ||
	    (e = row_cells(b, &t->rows[2], 0)) != APP_OK ||
	    (e = row_cells(b, &t->rows[3], 0)) != APP_OK)
		return e;
	return APP_OK;
}

/* rows: SQL_REPORT_COUNTS. */
static enum app_err
build_age(struct build *b, const struct report_count_row *rows, size_t nrows)
{
	static const char *const bands[4] = { "Under 30 år", "30–44 år",
		"45–65 år", "Övriga åldrar" };
	struct report_table *t = &b->rep->tables[RT_ALDER];

	if ((t->rows = report_rows_new(b->r->a, 5)) == NULL)
		return APP_ENOMEM;
	t->key = "alder";
	t->title = "Ålder vid start";
	t->note = "Åldern som deltagaren fyller under startåret.";
	for (size_t i = 0; i < 4; i++)
		t->rows[i].label = str_cstr(bands[i]);
	for (size_t i = 0; i < nrows; i++) {
		long long band = rows[i].age_band;
		if (band >= 0 && band < 4)
			add_count(&t->rows[band], rows[i].gender, rows[i].n);
	}
	return table_finish(b, t, 4, &b->rep->tables[RT_DELTAGARE].rows[0],
	    "Totalt (inskrivna)");
}

/* Which code of a SQL_REPORT_COUNTS row a breakdown is by. */
enum coded_by { CODED_EDU, CODED_SUPPORT };

static struct str
coded_code(const struct report_count_row *row, enum coded_by by)
{
	return by == CODED_EDU ? row->edu : row->support;
}

/* A breakdown by a code list: every active code, inactive ones with
 * people, and "Uppgift saknas" for no code when someone lacks it. The
 * counts are the rows of SQL_REPORT_COUNTS, by their code `by`. */
static enum app_err
build_coded(struct build *b, enum report_table_id id,
    const struct report_code_row *codes, size_t ncodes,
    const struct report_count_row *rows, size_t nrows, enum coded_by by,
    const char *key, const char *title)
{
	struct report_table *t = &b->rep->tables[id];
	size_t n = 0;
	long long none[RG__MAX] = { 0 };
	int has_none = 0;

	if ((t->rows = report_rows_new(b->r->a, ncodes + 2)) == NULL)
		return APP_ENOMEM;
	t->key = key;
	t->title = title;
	for (size_t c = 0; c < ncodes; c++) {
		struct report_row *row = &t->rows[n];
		long long sum = 0;

		for (size_t i = 0; i < nrows; i++)
			if (str_eq(coded_code(&rows[i], by), codes[c].code))
				add_count(row, rows[i].gender, rows[i].n);
		sum = row->n[RG_KVINNA] + row->n[RG_MAN] + row->n[RG_ANNAT];
		if (sum == 0 && !codes[c].active) {
			memset(row->n, 0, sizeof(row->n));
			continue; /* inactive and unused */
		}
		row->label = codes[c].label;
		n++;
	}
	for (size_t i = 0; i < nrows; i++) {
		int g = gender_index(rows[i].gender);
		int known = 0;

		for (size_t c = 0; c < ncodes && !known; c++)
			known = str_eq(coded_code(&rows[i], by), codes[c].code);
		if (!known && g >= 0) {
			none[g] += rows[i].n;
			has_none = 1;
		}
	}
	if (has_none) {
		memcpy(t->rows[n].n, none, sizeof(none));
		t->rows[n++].label = STR_LIT("Uppgift saknas");
	}
	return table_finish(b, t, n, &b->rep->tables[RT_DELTAGARE].rows[0],
	    "Totalt (inskrivna)");
}

/* rows: report_pass_referrers(). */
static enum app_err
build_referrer(
    struct build *b, const struct report_referrer_row *rows, size_t nrows)
{
	struct report_table *t = &b->rep->tables[RT_REMITTENT];
	size_t n = 0;

	if ((t->rows = report_rows_new(b->r->a, REP_MAX_ORGS + 2)) == NULL)
		return APP_ENOMEM;
	t->key = "remittent";
	t->title = "Remitterande organisation";
	t->note = "Den medlemsorganisation som remittentens enhet hör till.";
	/* Rows come ordered by organisation: one report row per id. */
	for (size_t i = 0; i < nrows; i++) {
		if (n == 0 || rows[i].top != rows[i - 1].top) {
			if (n == REP_MAX_ORGS)
				return APP_ENOMEM;
			t->rows[n++].label = rows[i].topname;
		}
		add_count(&t->rows[n - 1], rows[i].gender, rows[i].n);
	}
	/* A referral whose organisation is gone: so that the rows still add
	 * up to the participants, as the relations say. */
	{
		const struct report_row *all =
		    &b->rep->tables[RT_DELTAGARE].rows[0];
		long long miss[RG__MAX] = { 0 }, any = 0;

		for (int g = 0; g < RG_TOTAL; g++) {
			miss[g] = all->n[g];
			for (size_t i = 0; i < n; i++)
				miss[g] -= t->rows[i].n[g];
			any |= miss[g];
		}
		if (any) {
			memcpy(t->rows[n].n, miss, sizeof(miss));
			t->rows[n++].label = STR_LIT("Uppgift saknas");
		}
	}
	return table_finish(b, t, n, &b->rep->tables[RT_DELTAGARE].rows[0],
	    "Totalt (inskrivna)");
}

/* rows: report_pass_outcomes(). */
static enum app_err
build_outcome(
    struct build *b, const struct report_outcome_row *rows, size_t nrows)
{
	struct report_table *t = &b->rep->tables[RT_AVSLUT];

	if ((t->rows = report_rows_new(b->r->a, RO__MAX + 1)) == NULL)
		return APP_ENOMEM;
	t->key = "avslut";
	t->title = "Vid avslut";
	t->note = "De som avslutades under perioden, efter avslutsorsak. "
	          "Procent av de avslutade i samma kolumn.";
	for (int o = 0; o < RO__MAX; o++)
		t->rows[o].label = str_cstr(outcome_labels[o]);
	for (size_t i = 0; i < nrows; i++)
		add_count(&t->rows[report_pass_outcome(rows[i].end_outcome)],
		    rows[i].gender, rows[i].n);
	return table_finish(b, t, RO__MAX,
	    &b->rep->tables[RT_DELTAGARE].rows[2], "Totalt (avslutade)");
}

/* Days as months, 365.25 / 12 days each. */
static double
months_of(double days)
{
	return days / 30.4375;
}

/* rows: report_pass_durations(). */
static enum app_err
build_duration(
    struct build *b, const struct report_duration_row *rows, size_t nrows)
{
	struct report_table *t = &b->rep->tables[RT_TID];
	const struct report_row *ended = &b->rep->tables[RT_DELTAGARE].rows[2];
	long long sum[RG__MAX] = { 0 };

	if ((t->rows = report_rows_new(b->r->a, 2)) == NULL)
		return APP_ENOMEM;
	t->key = "tid";
	t->title = "Tid i insatsen";
	t->note = "De som avslutades under perioden: från start till avslut, "
	          "i månader (365,25 / 12 dagar).";
	t->nrows = 2;
	t->rows[0].label = STR_LIT("Medeltid, månader");
	t->rows[1].label = STR_LIT("Mediantid, månader");
	for (int k = 0; k < 2; k++) {
		row_share_cells(&t->rows[k], ended);
		t->rows[k].kind = RR_MONTHS;
	}
	for (size_t i = 0; i < nrows; i++) {
		int g = gender_index(rows[i].gender);
		if (g < 0)
			continue;
		sum[g] = rows[i].sum_days;
		sum[RG_TOTAL] += sum[g];
		t->rows[1].value[g] = months_of(strtod_c(rows[i].median_days));
		t->rows[1].value[RG_TOTAL] =
		    months_of(strtod_c(rows[i].median_all));
	}
	for (int g = 0; g < RG__MAX; g++)
		if (ended->n[g] > 0)
			t->rows[0].value[g] =
			    months_of((double)sum[g] / (double)ended->n[g]);
	return APP_OK;
}

/* Places in use per month (place-days / days of the month inside the
 * period, up to today) by gender, the budget beside it; a last row for the
 * whole period. The month's total is not a count of people: fixed. */
static enum app_err
build_places(struct build *b, const struct report_month_row *rows, size_t nrows)
{
	struct report_table *t = &b->rep->tables[RT_PLATSER];
	const struct report_row *enrolled =
	    &b->rep->tables[RT_DELTAGARE].rows[0];
	struct report_budget_row *budget;
	size_t nbudget;
	char first[16];
	struct buf lab;
	int y = b->fy, m = b->fm;
	size_t nm = 0, n;
	double pd[RG__MAX] = { 0 }, days_all = 0;
	enum app_err e;

	t->key = "platser";
	t->title = "Platser över tid";
	t->note = "Använda platser: genomsnittligt antal inskrivna per dag "
	          "under månaden (till och med i dag). Budgeterade platser: "
	          "årets budget, annars insatsens platsantal.";
	t->extra_head = "Budgeterade platser";
	n = (size_t)((b->ty - b->fy) * 12 + b->tm - b->fm + 1);
	if ((t->rows = report_rows_new(b->r->a, n + 1)) == NULL)
		return APP_ENOMEM;
	(void)snprintf(first, sizeof(first), "%04d-%02d-01", b->fy, b->fm);
	b->p[0] = DB_STR(str_cstr(first));
	b->p[1] = DB_STR(b->rep->to);
	b->p[2] = DB_INT(b->rep->insats_id);
	b->p[3] = DB_INT(b->rep->insats_id);
	if ((e = rload(b, SQL_REPORT_BUDGET, 4, &budget, &nbudget)) != APP_OK)
		return e;
	for (size_t k = 0; k < n; k++) {
		struct report_row *row = &t->rows[nm];
		long long lo = date_days(y, m, 1),
		          hi = lo + report_month_days(y, m) - 1;
		char key[16];
		double days;

		(void)snprintf(key, sizeof(key), "%04d-%02d", y, m);
		buf_init(&lab, b->r->a);
		if ((e = buf_puts(&lab, key)) != APP_OK)
			return e;
		row->label = buf_str(&lab);
		row->kind = RR_PLACES;
		row->extra = STR_LIT("–");
		for (size_t i = 0; i < nbudget; i++)
			if (str_eq_cstr(budget[i].month, key) &&
			    budget[i].places.len > 0) /* NULL: no budget */
				row->extra = budget[i].places;
		if (lo < b->from_days)
			lo = b->from_days;
		if (hi > b->last_days)
			hi = b->last_days;
		days = hi >= lo ? (double)(hi - lo + 1) : 0;
		for (size_t i = 0; i < nrows; i++) {
			int g;
			double d;

			if (!str_eq_cstr(rows[i].month, key) ||
			    (g = gender_index(rows[i].gender)) < 0)
				continue;
			row->n[g] = rows[i].n;
			d = strtod_c(rows[i].place_days);
			pd[g] += d;
			pd[RG_TOTAL] += d;
			if (days > 0)
				row->value[g] = d / days;
		}
		for (int g = 0; g < RG_TOTAL; g++)
			row->value[RG_TOTAL] += row->value[g];
		days_all += days;
		row->n[RG_TOTAL] =
		    row->n[RG_KVINNA] + row->n[RG_MAN] + row->n[RG_ANNAT];
		/* Places are measures of the people in place: the total is
		 * always shown, as the grand total is. A month's places of a
		 * gender are never more than that gender's enrolled, so they
		 * are shown only when the enrolled are (6,0 places in every
		 * month would bound a hidden 6 from below); a month of no
		 * places at all (0,0 in every column) tells nothing. */
		for (int g = 0; g < RG__MAX; g++) {
			if (!report_column_shown(b->rep, g))
				continue;
			if ((row->cell[g] = sup_measure(b->s, row->value[g],
			         row->n[g], g == RG_TOTAL ? SUP_FIXED : 0)) < 0)
				return APP_ENOMEM;
			if (g != RG_TOTAL && row->value[RG_TOTAL] >= 0.05 &&
			    (e = sup_follow(b->s, row->cell[g],
			         enrolled->cell[g])) != APP_OK)
				return e;
		}
		if (days == 0)
			row->kind = RR_COUNT; /* after today: no figures */
		nm++;
		if (++m == 13) {
			m = 1;
			y++;
		}
	}
	/* The whole period: the people are those enrolled (same cells). */
	row_share_cells(&t->rows[nm], enrolled);
	t->rows[nm].label = STR_LIT("Hela perioden (snitt)");
	t->rows[nm].kind = RR_PLACES;
	t->rows[nm].total = 1;
	t->rows[nm].extra = STR_LIT("");
	for (int g = 0; g < RG__MAX; g++)
		if (days_all > 0)
			t->rows[nm].value[g] = pd[g] / days_all;
	t->nrows = nm + 1;

	/* The gender balance: shares of the place-days and of the people. */
	{
		struct report_table *k = &b->rep->tables[RT_KONSFORDELNING];

		k->key = "konsfordelning";
		k->title = "Könsfördelning";
		k->note = "Andel av platsdagarna (till och med i dag) och av "
		          "de inskrivna under perioden.";
		if ((k->rows = report_rows_new(b->r->a, 2)) == NULL)
			return APP_ENOMEM;
		k->nrows = 2;
		k->rows[0].label = STR_LIT("Andel av platsdagarna");
		k->rows[1].label = STR_LIT("Andel av de inskrivna");
		for (int i = 0; i < 2; i++) {
			row_share_cells(&k->rows[i], enrolled);
			k->rows[i].kind = RR_SHARE;
		}
		for (int g = 0; g < RG__MAX; g++) {
			if (pd[RG_TOTAL] > 0)
				k->rows[0].value[g] =
				    100.0 * pd[g] / pd[RG_TOTAL];
			if (enrolled->n[RG_TOTAL] > 0)
				k->rows[1].value[g] = 100.0 *
				    (double)enrolled->n[g] /
				    (double)enrolled->n[RG_TOTAL];
		}
	}
	return APP_OK;
}

static int
goal_kind(struct str k)
{
	for (int i = 0; i < RGK__MAX; i++)
		if (str_eq_cstr(k, goal_kinds[i]))
			return i;
	return RGK_OTHER;
}

/* The goals and their results per gender: achieved = the sum of the
 * goal's outcomes (goal_outcomes). */
static enum app_err
build_goals(struct build *b)
{
	const struct report_table *out = &b->rep->tables[RT_AVSLUT];
	const struct report_row *ended = &b->rep->tables[RT_DELTAGARE].rows[2];
	struct report_goal_row *rows;
	size_t nrows;
	enum app_err e;

	if (b->rep->insats_id) {
		b->p[0] = DB_INT(b->rep->insats_id);
		e = rload(b, SQL_REPORT_GOALS_INSATS, 1, &rows, &nrows);
	} else
		e = rload(b, SQL_REPORT_GOALS_FORBUND, 0, &rows, &nrows);
	if (e != APP_OK)
		return e;
	if ((b->rep->goals = arena_calloc(
	         b->r->a, nrows + 1, sizeof(*b->rep->goals))) == NULL)
		return APP_ENOMEM;
	b->rep->ngoals = nrows;
	for (size_t i = 0; i < nrows; i++) {
		struct report_goal *gl = &b->rep->goals[i];
		unsigned set;
		struct report_row tmp;

		gl->kind = (enum report_goal_kind)goal_kind(rows[i].kind);
		gl->label = rows[i].label;
		gl->num = rows[i].target_numerator;
		gl->den = rows[i].target_denominator;
		gl->how = goal_how[gl->kind];
		gl->ended = ended;
		for (int g = 0; g < RG__MAX; g++)
			gl->cell[g] = -1;
		set = goal_outcomes[gl->kind];
		if (set == 0)
			continue;
		gl->computable = 1;
		memset(&tmp, 0, sizeof(tmp));
		for (int g = 0; g < RG__MAX; g++)
			tmp.cell[g] = -1;
		for (int o = 0; o < RO__MAX; o++)
			if (set & (1u << o))
				for (int g = 0; g < RG_TOTAL; g++)
					tmp.n[g] += out->rows[o].n[g];
		if ((e = row_cells(b, &tmp, 0)) != APP_OK)
			return e;
		memcpy(gl->cell, tmp.cell, sizeof(gl->cell));
		memcpy(gl->achieved, tmp.n, sizeof(gl->achieved));
	}
	return APP_OK;
}

/* The genders add up to the total in a row of cells cell[RG__MAX]. */
static enum app_err
rel_genders(struct build *b, const int *cell)
{
	enum app_err e;

	if ((e = sup_rel_begin(b->s, cell[RG_TOTAL])) != APP_OK)
		return e;
	for (int g = 0; g < RG_TOTAL; g++)
		if ((e = sup_rel_add(b->s, cell[g])) != APP_OK)
			return e;
	return APP_OK;
}

/* Per column: whole = the rows' sum (a relation per column). */
static enum app_err
rel_columns(struct build *b, const struct report_row *whole,
    const struct report_row *rows, size_t n)
{
	enum app_err e;

	for (int g = 0; g < RG__MAX; g++) {
		if (!report_column_shown(b->rep, g))
			continue;
		if ((e = sup_rel_begin(b->s, whole->cell[g])) != APP_OK)
			return e;
		for (size_t i = 0; i < n; i++)
			if ((e = sup_rel_add(b->s, rows[i].cell[g])) != APP_OK)
				return e;
	}
	return APP_OK;
}

/*
 * Every linear relation between the published figures, in one place (the
 * questionnaire tables add theirs in report_quest.c). A reader can add up
 * any of these, so the suppression audits every hidden cell against all of
 * them together:
 *   - in every row of counts and of places per month, the genders add up to
 *     the total (rows that repeat another row's cells, the tables' total
 *     rows, are that row);
 *   - participants: enrolled = ended + ongoing; enrolled = new + those
 *     enrolled before the period began (an unpublished cell: "new" is never
 *     more than enrolled);
 *   - age, education, time in support and referrer: the rows add up to the
 *     enrolled, per column; outcomes add up to the ended;
 *   - each goal counted from outcomes: achieved = its outcomes, and ended =
 *     achieved + the other outcomes, per column.
 * Means, medians and shares are shown only with their counts; the whole
 * period's places and the gender balance follow the enrolled's cells.
 */
static enum app_err
report_relations(struct build *b)
{
	struct report *rep = b->rep;
	struct report_table *del = &rep->tables[RT_DELTAGARE];
	const struct report_row *enrolled = &del->rows[0];
	const struct report_row *ended = &del->rows[2];
	static const enum report_table_id breakdowns[] = { RT_ALDER,
		RT_UTBILDNING, RT_FORSORJNING, RT_REMITTENT, RT_AVSLUT };
	struct report_row before;
	enum app_err e;

	for (size_t i = 0; i < del->nrows; i++)
		if ((e = rel_genders(b, del->rows[i].cell)) != APP_OK)
			return e;
	if ((e = rel_columns(b, enrolled, &del->rows[2], 2)) != APP_OK)
		return e;
	memset(&before, 0, sizeof(before));
	for (int g = 0; g < RG__MAX; g++) {
		before.cell[g] = -1;
		if (report_column_shown(rep, g) &&
		    (before.cell[g] = sup_cell(b->s,
		         enrolled->n[g] - del->rows[1].n[g], SUP_UNPUBLISHED)) <
		        0)
			return APP_ENOMEM;
	}
	{
		const struct report_row parts[2] = { del->rows[1], before };
		if ((e = rel_columns(b, enrolled, parts, 2)) != APP_OK ||
		    (e = rel_genders(b, before.cell)) != APP_OK)
			return e;
	}
	for (size_t k = 0; k < sizeof(breakdowns) / sizeof(breakdowns[0]);
	     k++) {
		const struct report_table *t = &rep->tables[breakdowns[k]];
		size_t ncat = t->nrows - 1; /* the last row is the base */

		for (size_t i = 0; i < ncat; i++)
			if ((e = rel_genders(b, t->rows[i].cell)) != APP_OK)
				return e;
		if ((e = rel_columns(b, t->base, t->rows, ncat)) != APP_OK)
			return e;
	}
	{
		const struct report_table *t = &rep->tables[RT_PLATSER];
		for (size_t i = 0; i + 1 < t->nrows; i++)
			if ((e = rel_genders(b, t->rows[i].cell)) != APP_OK)
				return e;
	}
	for (size_t i = 0; i < rep->ngoals; i++) {
		const struct report_goal *gl = &rep->goals[i];
		const struct report_row *out = rep->tables[RT_AVSLUT].rows;
		unsigned set = goal_outcomes[gl->kind];

		if (!gl->computable || set == 0)
			continue;
		if ((e = rel_genders(b, gl->cell)) != APP_OK)
			return e;
		for (int g = 0; g < RG__MAX; g++) {
			if (!report_column_shown(rep, g))
				continue;
			if ((e = sup_rel_begin(b->s, gl->cell[g])) != APP_OK)
				return e;
			for (int o = 0; o < RO__MAX; o++)
				if ((set & (1u << o)) &&
				    (e = sup_rel_add(b->s, out[o].cell[g])) !=
				        APP_OK)
					return e;
			if ((e = sup_rel_begin(b->s, ended->cell[g])) !=
			        APP_OK ||
			    (e = sup_rel_add(b->s, gl->cell[g])) != APP_OK)
				return e;
			for (int o = 0; o < RO__MAX; o++)
				if (!(set & (1u << o)) &&
				    (e = sup_rel_add(b->s, out[o].cell[g])) !=
				        APP_OK)
					return e;
		}
	}
	return APP_OK;
}

/* The period's participations, read once in pages of REP_PASS_PAGE by
 * id, into the pass. Each page is read into the same scratch room, a block
 * of the request's arena used as an arena of its own, so the memory is
 * one page's whatever the period; the pass grows in the request's arena
 * (report_pass.h). */
static enum app_err
run_pass(struct build *b, struct report_pass *ps)
{
	struct arena scratch = { .cap = REP_PASS_SCRATCH };
	long long after = 0;

	if ((scratch.base = arena_alloc(b->r->a, scratch.cap)) == NULL)
		return APP_ENOMEM;
	for (;;) {
		size_t n = 0;
		struct report_pass_row *rows;
		enum app_err e;

		arena_reset(&scratch);
		period_params(b);
		b->p[12] = DB_INT(after);
		b->p[13] = DB_INT(REP_PASS_PAGE);
		if ((e = db_load(b->r->db, &scratch, DB_REPORT, SQL_REPORT_PASS,
		         b->p, 14, (void **)&rows, &n)) != APP_OK)
			return e;
		/* APP_EINPUT: a date the server gave does not parse. */
		for (size_t i = 0; i < n; i++) {
			rows[i].state_before =
			    report_pass_income_state(rows[i].incomes);
			rows[i].no_income = rows[i].incomes.len == 0;
			rows[i].no_coremittent = rows[i].coremittents.len == 0;
			if ((e = report_pass_add(ps, &rows[i])) != APP_OK)
				return e == APP_EINPUT ? APP_EDB : e;
		}
		if (n < REP_PASS_PAGE)
			return APP_OK;
		after = rows[n - 1].id;
	}
}

/* The pass over the period (report_pass.h) with the code lists and the
 * organisations it groups by; its grouped rows into *out. */
struct pass_rows {
	struct report_code_row *edu, *sup;
	size_t nedu, nsup;
	struct report_count_row *counts;
	struct report_referrer_row *refs;
	struct report_outcome_row *outs;
	struct report_month_row *months;
	struct report_duration_row *durs;
	size_t ncounts, nrefs, nouts, nmonths, ndurs;
	struct rp_enrolled_row *enrolled;
	struct rp_transition_row *transitions;
	struct report_flow_base_row *flow_base;
	struct report_flow_row *flow_from, *flow_to;
	size_t nenrolled, ntransitions, nflow_base, nflow_from, nflow_to;
	struct rp_group_row *incomes;
	struct followup_report_row *followups;
	size_t nincomes, nfollowups;
	struct rp_group_row *coremittents, *employers;
	size_t ncoremittents, nemployers;
	long long w6[RG_TOTAL], w12[RG_TOTAL];
};

static struct str *
code_strs(struct arena *a, const struct report_code_row *c, size_t n)
{
	struct str *s = arena_calloc(a, n + 1, sizeof(*s));

	for (size_t i = 0; s != NULL && i < n; i++)
		s[i] = c[i].code;
	return s;
}

/* Days of an ÅÅÅÅMMDD number (participation.h's dates). */
static long long
ymd_days(long long ymd)
{
	return date_days(
	    (int)(ymd / 10000), (int)(ymd / 100 % 100), (int)(ymd % 100));
}

static enum app_err
pass_load(struct build *b, struct pass_rows *out)
{
	struct report_pass_org *orgs;
	struct report_pass *ps;
	struct str *edu, *sup;
	size_t norgs;
	char last[16];
	enum app_err e;

	(void)snprintf(
	    last, sizeof(last), "%04d-%02d-%02d", b->ly, b->lm, b->ld);
	if ((e = rload(b, SQL_REPORT_CODES_EDUCATION, 0, &out->edu,
	         &out->nedu)) != APP_OK ||
	    (e = rload(b, SQL_REPORT_CODES_SUPPORT, 0, &out->sup,
	         &out->nsup)) != APP_OK ||
	    (e = rload(b, SQL_REPORT_ORGS, 0, &orgs, &norgs)) != APP_OK)
		return e;
	if (out->nedu > REP_MAX_CODES)
		out->nedu = REP_MAX_CODES;
	if (out->nsup > REP_MAX_CODES)
		out->nsup = REP_MAX_CODES;
	if ((edu = code_strs(b->r->a, out->edu, out->nedu)) == NULL ||
	    (sup = code_strs(b->r->a, out->sup, out->nsup)) == NULL ||
	    (ps = report_pass_new(b->r->a, b->rep->from, b->rep->to,
	         str_cstr(last), edu, out->nedu, sup, out->nsup, orgs,
	         norgs)) == NULL)
		return APP_ENOMEM;
	{
		long long fu_from, fu_to;

		/* As report_followup.c counted them: by today's window (its
		 * dates ÅÅÅÅMMDD numbers, the pass's days). */
		followup_reminder_window(
		    participation_today(), &fu_from, &fu_to);
		report_pass_followup_window(
		    ps, ymd_days(fu_from), ymd_days(fu_to));
	}
	if ((e = run_pass(b, ps)) != APP_OK)
		return e;
	report_pass_within(ps, out->w6, out->w12);
	if ((e = report_pass_counts(
	         ps, b->r->a, &out->counts, &out->ncounts)) != APP_OK ||
	    (e = report_pass_referrers(ps, b->r->a, &out->refs, &out->nrefs)) !=
	        APP_OK ||
	    (e = report_pass_outcomes(ps, b->r->a, &out->outs, &out->nouts)) !=
	        APP_OK ||
	    (e = report_pass_durations(ps, b->r->a, &out->durs, &out->ndurs)) !=
	        APP_OK ||
	    (e = report_pass_enrolled(
	         ps, b->r->a, &out->enrolled, &out->nenrolled)) != APP_OK ||
	    (e = report_pass_transitions(ps, b->r->a, &out->transitions,
	         &out->ntransitions)) != APP_OK ||
	    (e = report_pass_incomes(
	         ps, b->r->a, &out->incomes, &out->nincomes)) != APP_OK ||
	    (e = report_pass_followups(
	         ps, b->r->a, &out->followups, &out->nfollowups)) != APP_OK ||
	    (e = report_pass_coremittents(ps, b->r->a, &out->coremittents,
	         &out->ncoremittents)) != APP_OK ||
	    (e = report_pass_employers(
	         ps, b->r->a, &out->employers, &out->nemployers)) != APP_OK ||
	    (b->rep->insats_id == 0 &&
	        ((e = report_pass_flow_base(ps, b->r->a, &out->flow_base,
	              &out->nflow_base)) != APP_OK ||
	            (e = report_pass_flow_from(ps, b->r->a, &out->flow_from,
	                 &out->nflow_from)) != APP_OK ||
	            (e = report_pass_flow_to(ps, b->r->a, &out->flow_to,
	                 &out->nflow_to)) != APP_OK)))
		return e;
	return report_pass_months(ps, b->r->a, &out->months, &out->nmonths);
}

static int
parse_date(struct str s, int *y, int *m, int *d, long long *days)
{
	if (!date_parse_iso(s, y, m, d))
		return 0;
	*days = date_days(*y, *m, *d);
	return 1;
}

enum app_err
report_build(struct req *r, long long insats_id, struct str scope,
    struct str from, struct str to, struct str today, long long min_cell,
    struct report *out)
{
	struct build b;
	struct pass_rows pr;
	int y, m, d;
	long long today_days;
	enum app_err e;

	memset(out, 0, sizeof(*out));
	memset(&b, 0, sizeof(b));
	b.r = r;
	b.rep = out;
	out->scope = scope;
	out->insats_id = insats_id;
	out->from = from;
	out->to = to;
	out->min_cell = min_cell < 2 ? 2 : min_cell;
	if (!parse_date(from, &b.fy, &b.fm, &b.fd, &b.from_days) ||
	    !parse_date(to, &b.ty, &b.tm, &b.td, &b.to_days) ||
	    !parse_date(today, &y, &m, &d, &today_days) ||
	    b.to_days < b.from_days ||
	    (b.ty - b.fy) * 12 + b.tm - b.fm + 1 > REPORT_MAX_MONTHS ||
	    b.fd != 1 || b.td != report_month_days(b.ty, b.tm))
		return APP_EINPUT;
	b.last_days = b.to_days;
	b.ly = b.ty;
	b.lm = b.tm;
	b.ld = b.td;
	if (today_days < b.to_days) {
		b.last_days = today_days;
		b.ly = y;
		b.lm = m;
		b.ld = d;
	}
	if ((b.s = out->sup = sup_new(
	         r->a, REP_MAX_CELLS, REP_MAX_RELS, REP_MAX_MEMBERS)) == NULL)
		return APP_ENOMEM;
	memset(&pr, 0, sizeof(pr));
	if ((e = pass_load(&b, &pr)) != APP_OK)
		return e;
	out->enrolled = pr.enrolled;
	out->nenrolled = pr.nenrolled;
	out->transitions = pr.transitions;
	out->ntransitions = pr.ntransitions;
	out->incomes = pr.incomes;
	out->nincomes = pr.nincomes;
	out->followups = pr.followups;
	out->nfollowups = pr.nfollowups;
	out->coremittents = pr.coremittents;
	out->ncoremittents = pr.ncoremittents;
	out->employers = pr.employers;
	out->nemployers = pr.nemployers;
	memcpy(out->within6, pr.w6, sizeof(pr.w6));
	memcpy(out->within12, pr.w12, sizeof(pr.w12));
	out->flow_base = pr.flow_base;
	out->nflow_base = pr.nflow_base;
	out->flow_from = pr.flow_from;
	out->nflow_from = pr.nflow_from;
	out->flow_to = pr.flow_to;
	out->nflow_to = pr.nflow_to;
	if ((e = build_deltagare(&b, pr.counts, pr.ncounts)) != APP_OK ||
	    (e = build_age(&b, pr.counts, pr.ncounts)) != APP_OK ||
	    (e = build_coded(&b, RT_UTBILDNING, pr.edu, pr.nedu, pr.counts,
	         pr.ncounts, CODED_EDU, "utbildning", "Utbildning")) !=
	        APP_OK ||
	    (e = build_coded(&b, RT_FORSORJNING, pr.sup, pr.nsup, pr.counts,
	         pr.ncounts, CODED_SUPPORT, "forsorjning",
	         "Tid i offentlig försörjning före start")) != APP_OK ||
	    (e = build_referrer(&b, pr.refs, pr.nrefs)) != APP_OK ||
	    (e = build_outcome(&b, pr.outs, pr.nouts)) != APP_OK ||
	    (e = build_duration(&b, pr.durs, pr.ndurs)) != APP_OK ||
	    (e = build_places(&b, pr.months, pr.nmonths)) != APP_OK ||
	    (e = build_goals(&b)) != APP_OK ||
	    (e = report_relations(&b)) != APP_OK)
		return e;
	return sup_run(b.s, out->min_cell);
}

/* "12,3": one decimal with a Swedish comma. */
static struct str
decimal_text(struct req *r, double v, const char *suffix)
{
	struct buf b;
	long long tenths = (long long)(v * 10 + 0.5);

	buf_init(&b, r->a);
	if (buf_printf(&b, "%lld,%lld%s", tenths / 10, tenths % 10, suffix) !=
	    APP_OK)
		return STR_LIT("");
	return buf_str(&b);
}

static struct str
int_text(struct req *r, long long v, const char *suffix)
{
	struct buf b;

	buf_init(&b, r->a);
	if (buf_printf(&b, "%lld%s", v, suffix) != APP_OK)
		return STR_LIT("");
	return buf_str(&b);
}

/* Every suppressed figure reads the same, small or hidden for another's
 * sake (report_suppress.h). */
struct str
report_mark_text(struct req *r, const struct report *rep, int cell)
{
	(void)r;
	return sup_mark(rep->sup, cell) == SUP_SHOWN ? STR_LIT("")
	                                             : STR_LIT("×");
}

struct str
report_value_text(struct req *r, const struct report *rep,
    const struct report_row *row, int g)
{
	if (sup_mark(rep->sup, row->cell[g]) != SUP_SHOWN)
		return report_mark_text(r, rep, row->cell[g]);
	switch (row->kind) {
	case RR_COUNT: return int_text(r, row->n[g], "");
	case RR_MONTHS:
		return row->n[g] > 0 ? decimal_text(r, row->value[g], "")
		                     : STR_LIT("–");
	case RR_PLACES: return decimal_text(r, row->value[g], "");
	case RR_SHARE:
		return row->value[g] < 0
		    ? STR_LIT("–")
		    : int_text(r, (long long)(row->value[g] + 0.5), " %");
	case RR_MEAN: {
		/* Rounded half away from zero, a real minus sign. */
		double v = row->value[g];
		long long t = (long long)((v < 0 ? -v : v) * 10 + 0.5);
		struct buf b;

		if (row->n[g] == 0)
			return STR_LIT("–");
		buf_init(&b, r->a);
		if (buf_printf(&b, "%s%lld,%lld", v < 0 && t > 0 ? "−" : "",
		        t / 10, t % 10) != APP_OK)
			return STR_LIT("");
		return buf_str(&b);
	}
	}
	return STR_LIT("");
}

struct str
report_pct_text(struct req *r, const struct report *rep,
    const struct report_table *t, const struct report_row *row, int g)
{
	const struct report_row *base = t->base;

	if (base == NULL || row->kind != RR_COUNT || row->total ||
	    base->n[g] == 0 || sup_mark(rep->sup, row->cell[g]) != SUP_SHOWN ||
	    sup_mark(rep->sup, base->cell[g]) != SUP_SHOWN)
		return STR_LIT("");
	return int_text(
	    r, (row->n[g] * 100 + base->n[g] / 2) / base->n[g], " %");
}

int
report_goal_result(const struct report *rep, const struct report_goal *gl,
    int g, double *pct, int *met)
{
	long long ended = gl->ended->n[g];

	if (!gl->computable || ended == 0 || !report_column_shown(rep, g) ||
	    sup_mark(rep->sup, gl->cell[g]) != SUP_SHOWN ||
	    sup_mark(rep->sup, gl->ended->cell[g]) != SUP_SHOWN)
		return 0;
	*pct = 100.0 * (double)gl->achieved[g] / (double)ended;
	/* Exact, in integers: achieved / ended >= num / den. */
	*met = gl->achieved[g] * gl->den >= gl->num * ended;
	return 1;
}
