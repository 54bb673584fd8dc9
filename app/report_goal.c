/* report_goal.c: a report's goals judged and in words; see
 * include/report_goal.h. */
#include "arena.h"
#include "report_goal.h"
#include "report_suppress.h"
#include "req.h"

static const char *const verdict_labels[REPORT_VERDICT__MAX] = {
	[REPORT_VERDICT_NOT_COMPUTABLE] = "Kan inte beräknas",
	[REPORT_VERDICT_NO_PAIRS] = "Inga parade mätningar",
	[REPORT_VERDICT_NONE_ENDED] = "Ingen har avslutats",
	[REPORT_VERDICT_TOO_FEW] = "Kan inte redovisas (för få)",
	[REPORT_VERDICT_MET] = "Uppfyllt",
	[REPORT_VERDICT_NOT_MET] = "Inte uppfyllt",
};
_Static_assert(
    sizeof(verdict_labels) / sizeof(verdict_labels[0]) == REPORT_VERDICT__MAX,
    "verdict_labels[] out of sync");

static const char *const kind_short[RGK__MAX] = {
	[RGK_ARBETSFORMAGA] = "Arbetsförmåga",
	[RGK_EGENFORSORJNING] = "Egenförsörjning",
	[RGK_LIVSKVALITET] = "Livskvalitet",
	[RGK_ARBETE] = "Arbete",
	[RGK_REHABILITERING] = "Rehabilitering",
	[RGK_HALSA] = "Hälsa",
	[RGK_OTHER] = "Annat",
};
_Static_assert(sizeof(kind_short) / sizeof(kind_short[0]) == RGK__MAX,
    "kind_short[] out of sync");

enum report_verdict
report_goal_verdict(const struct report *rep, const struct report_goal *gl)
{
	double pct;
	int met = 0;

	if (!gl->computable)
		return REPORT_VERDICT_NOT_COMPUTABLE;
	if (gl->ended->n[RG_TOTAL] == 0)
		return gl->kind == RGK_LIVSKVALITET || gl->kind == RGK_HALSA
		    ? REPORT_VERDICT_NO_PAIRS
		    : REPORT_VERDICT_NONE_ENDED;
	if (!report_goal_result(rep, gl, RG_TOTAL, &pct, &met))
		return REPORT_VERDICT_TOO_FEW;
	return met ? REPORT_VERDICT_MET : REPORT_VERDICT_NOT_MET;
}

const char *
report_verdict_label(enum report_verdict v)
{
	return v < REPORT_VERDICT__MAX ? verdict_labels[v] : "";
}

const char *
report_goal_kind_short(enum report_goal_kind k)
{
	return k < RGK__MAX ? kind_short[k] : "";
}

struct str
report_goal_target_text(struct req *r, const struct report_goal *gl)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	e = gl->den == 100
	    ? buf_printf(&b, "minst %lld %%", gl->num)
	    : buf_printf(&b, "minst %lld av %lld", gl->num, gl->den);
	return e == APP_OK ? buf_str(&b) : STR_LIT("");
}

struct str
report_goal_cell_text(struct req *r, const struct report *rep,
    const struct report_goal *gl, int g)
{
	struct buf b;
	double pct;
	int met;

	if (!gl->computable)
		return STR_LIT("–");
	switch (sup_mark(rep->sup, gl->cell[g])) {
	case SUP_SMALL:
	case SUP_HIDDEN: return report_mark_text(r, rep, gl->cell[g]);
	case SUP_SHOWN: break;
	}
	if (!report_goal_result(rep, gl, g, &pct, &met))
		return gl->ended->n[g] == 0 ? STR_LIT("–") : STR_LIT("×");
	buf_init(&b, r->a);
	if (buf_printf(&b, "%lld av %lld (%lld %%)", gl->achieved[g],
	        gl->ended->n[g], (long long)(pct + 0.5)) != APP_OK)
		return STR_LIT("");
	return buf_str(&b);
}

struct str
report_goal_count_text(struct req *r, const struct report *rep,
    const struct report_goal *gl, int g)
{
	struct report_row row = { .kind = RR_COUNT };

	if (!gl->computable)
		return STR_LIT("–");
	if (sup_mark(rep->sup, gl->cell[g]) != SUP_SHOWN)
		return report_mark_text(r, rep, gl->cell[g]);
	for (int k = 0; k < RG__MAX; k++) {
		row.cell[k] = gl->cell[k];
		row.n[k] = gl->achieved[k];
	}
	return report_value_text(r, rep, &row, g);
}

struct str
report_goal_pct_text(struct req *r, const struct report *rep,
    const struct report_goal *gl, int g)
{
	struct buf b;
	double pct;
	int met;

	buf_init(&b, r->a);
	if (!report_goal_result(rep, gl, g, &pct, &met) ||
	    buf_printf(&b, "%lld %%", (long long)(pct + 0.5)) != APP_OK)
		return STR_LIT("");
	return buf_str(&b);
}
