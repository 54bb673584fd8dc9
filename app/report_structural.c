/* report_structural.c: the report's part for structural insatser; see
 * include/report_structural.h. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "report.h"
#include "report_structural.h"
#include "req.h"
#include "session.h"
#include "sql_structural.h"
#include "structural.h"
#include "view.h"

static const char *const row_names[SR__MAX] = {
	[SR_FORETAG] = "Företag",
	[SR_PLATSER] = "Praktikplatser",
	[SR_UTBILDNINGAR] = "Handledarutbildningar",
	[SR_HANDLEDARE] = "Utbildade handledare",
};
_Static_assert(sizeof(row_names) / sizeof(row_names[0]) == SR__MAX,
    "row_names[] out of sync");

/* How each row is counted, Swedish, before a day. */
static const char *const row_how[SR__MAX] = {
	[SR_FORETAG] = "I platsbanken den",
	[SR_PLATSER] = "Som företagen i platsbanken erbjuder den",
	[SR_UTBILDNINGAR] = "Hållna under perioden, till och med",
	[SR_HANDLEDARE] = "Deltog i periodens utbildningar, till och med",
};

const char *
report_structural_row_name(enum structural_row k)
{
	return k < SR__MAX ? row_names[k] : "";
}

/* A goal column as a number, -1 when none. */
static long long
goal_of(struct str s)
{
	return s.len ? str_to_ll(s) : -1;
}

void
report_structural_count(struct report_structural *out,
    const struct structural_company *c, size_t nc,
    const struct structural_training *t, size_t nt,
    const struct structural_goal *g, size_t ng)
{
	for (int k = 0; k < SR__MAX; k++) {
		out->value[k] = 0;
		out->goal[k] = -1;
	}
	out->year =
	    out->to.len >= 4 ? str_to_ll((struct str){ out->to.p, 4 }) : 0;
	for (size_t i = 0; i < nc; i++)
		if (structural_in_bank(c[i].joined_on, c[i].left_on, out->to)) {
			out->value[SR_FORETAG]++;
			out->value[SR_PLATSER] += c[i].places;
		}
	for (size_t i = 0; i < nt; i++)
		if (structural_in_period(t[i].held_on, out->from, out->to)) {
			out->value[SR_UTBILDNINGAR]++;
			out->value[SR_HANDLEDARE] += t[i].attendees;
		}
	for (size_t i = 0; i < ng; i++) {
		if (g[i].year != out->year)
			continue;
		out->goal[SR_FORETAG] = goal_of(g[i].companies);
		out->goal[SR_PLATSER] = goal_of(g[i].places);
		out->goal[SR_UTBILDNINGAR] = goal_of(g[i].trainings);
		out->goal[SR_HANDLEDARE] = goal_of(g[i].attendees);
	}
}

enum app_err
report_structural_build(struct req *r, long long insats_id, struct str from,
    struct str to, struct report_structural **out, size_t *n)
{
	struct db_param p[3] = { DB_INT(insats_id), DB_INT(insats_id),
		DB_INT(r->user ? r->user->id : 0) };
	struct structural_insats *ins;
	size_t nins;
	enum app_err e;

	*out = NULL;
	*n = 0;
	if ((e = db_load(r->db, r->a, DB_STRUCTURAL, SQL_ST_INSATSER_REPORT, p,
	         3, (void **)&ins, &nins)) != APP_OK)
		return e;
	if (nins == 0)
		return APP_OK;
	if ((*out = arena_alloc(r->a, nins * sizeof(**out))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < nins; i++) {
		struct report_structural *s = &(*out)[i];
		struct structural_company *c;
		struct structural_training *t;
		struct structural_goal *g;
		size_t nc, nt, ng;

		memset(s, 0, sizeof(*s));
		s->insats_id = ins[i].id;
		s->name = ins[i].name;
		s->slug = ins[i].slug;
		s->from = from;
		s->to = to;
		if ((e = structural_companies(r, s->insats_id, &c, &nc)) !=
		        APP_OK ||
		    (e = structural_trainings(r, s->insats_id, &t, &nt)) !=
		        APP_OK ||
		    (e = structural_goals(r, s->insats_id, &g, &ng)) != APP_OK)
			return e;
		report_structural_count(s, c, nc, t, nt, g, ng);
	}
	*n = nins;
	return APP_OK;
}

/* "minst 100", or "–" without a goal. Arena. */
static struct str
target_text(struct req *r, long long goal)
{
	struct buf b;

	if (goal < 0)
		return STR_LIT("–");
	buf_init(&b, r->a);
	return buf_printf(&b, "minst %lld", goal) == APP_OK ? buf_str(&b)
	                                                    : STR_LIT("");
}

static struct str
num_text(struct req *r, long long v)
{
	struct buf b;

	buf_init(&b, r->a);
	return buf_printf(&b, "%lld", v) == APP_OK ? buf_str(&b) : STR_LIT("");
}

static struct str
how_text(struct req *r, enum structural_row k, struct str day)
{
	struct buf b;

	buf_init(&b, r->a);
	return buf_printf(&b, "%s %.*s", row_how[k], (int)day.len, day.p) ==
	        APP_OK
	    ? buf_str(&b)
	    : STR_LIT("");
}

enum app_err
report_structural_bind(struct req *r, struct view_ctx *ctx,
    const struct report_structural *parts, size_t n)
{
	int staff = r->user != NULL &&
	    (r->user->roles & ROLE_BIT(ROLE_INSATSPERSONAL)) != 0;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "structural")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		const struct report_structural *s = &parts[i];
		struct view_ctx *it = view_ctx_list_add(ctx, "structural");

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "id", s->insats_id)) != APP_OK ||
		    (e = view_ctx_set_str(it, "name", s->name)) != APP_OK ||
		    (e = view_ctx_set_int(it, "year", s->year)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "register_link", staff)) !=
		        APP_OK ||
		    (e = view_ctx_set_list(it, "rows")) != APP_OK)
			return e;
		for (int k = 0; k < SR__MAX; k++) {
			struct view_ctx *ri = view_ctx_list_add(it, "rows");
			enum structural_verdict v =
			    structural_verdict(s->value[k], s->goal[k]);

			if (ri == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_cstr(
			         ri, "label", row_names[k])) != APP_OK ||
			    (e = view_ctx_set_str(ri, "how",
			         how_text(r, (enum structural_row)k, s->to))) !=
			        APP_OK ||
			    (e = view_ctx_set_str(ri, "result",
			         num_text(r, s->value[k]))) != APP_OK ||
			    (e = view_ctx_set_str(ri, "target",
			         target_text(r, s->goal[k]))) != APP_OK ||
			    (e = view_ctx_set_cstr(ri, "verdict",
			         structural_verdict_label(v))) != APP_OK ||
			    (e = view_ctx_set_bool(
			         ri, "met", v == STRUCTURAL_MET)) != APP_OK ||
			    (e = view_ctx_set_bool(ri, "not_met",
			         v == STRUCTURAL_NOT_MET)) != APP_OK)
				return e;
		}
	}
	return APP_OK;
}

enum app_err
report_structural_csv(struct req *r, struct buf *b, const struct report *rep,
    const struct report_structural *parts, size_t n)
{
	enum app_err e;

	for (size_t i = 0; i < n; i++) {
		const struct report_structural *s = &parts[i];
		struct buf key;

		buf_init(&key, r->a);
		if ((e = buf_puts(&key, "struktur:")) != APP_OK ||
		    (e = buf_append(&key, s->slug.p, s->slug.len)) != APP_OK)
			return e;
		for (int k = 0; k < SR__MAX; k++) {
			enum structural_verdict v =
			    structural_verdict(s->value[k], s->goal[k]);

			if ((e = buf_csv_cell(b, buf_str(&key), 0)) != APP_OK ||
			    (e = buf_csv_cell(b, str_cstr(row_names[k]), 0)) !=
			        APP_OK)
				return e;
			for (int g = 0; g < RG__MAX; g++)
				if (report_column_shown(rep, g) &&
				    (e = buf_csv_cell(b,
				         g == RG_TOTAL
				             ? num_text(r, s->value[k])
				             : STR_LIT(""),
				         0)) != APP_OK)
					return e;
			if ((e = buf_csv_cell(
			         b, target_text(r, s->goal[k]), 0)) != APP_OK)
				return e;
			for (int g = 0; g < RG__MAX; g++)
				if (report_column_shown(rep, g) &&
				    (e = buf_csv_cell(b, STR_LIT(""), 0)) !=
				        APP_OK)
					return e;
			if ((e = buf_csv_cell(b,
			         str_cstr(structural_verdict_label(v)), 1)) !=
			    APP_OK)
				return e;
		}
	}
	return APP_OK;
}
