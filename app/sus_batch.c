/* sus_batch.c: SUS export batches; see include/sus_batch.h. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "app_limits.h"
#include "arena.h"
#include "date.h"
#include "db.h"
#include "gender.h"
#include "log.h"
#include "progress.h"
#include "sql_auth.h"
#include "sql_sus.h"
#include "sus_batch.h"
#include "sus_complete.h"
#include "sus_items.h"
#include "sus_xml.h"

/* ------------------------------------------------------------ records */

static const struct db_field state_fields[] = {
	DB_FIELD(sus_state, last_batch_no, "last_batch_no", DB_F_INT),
	DB_FIELD(sus_state, last_acked_no, "last_acked_no", DB_F_INT),
};
const struct db_record sus_state_record = DB_RECORD(sus_state, state_fields);

static const struct db_field batch_row_fields[] = {
	DB_FIELD(sus_batch_row, batch_no, "batch_no", DB_F_INT),
	DB_FIELD(sus_batch_row, base_no, "base_no", DB_F_INT),
	DB_FIELD(sus_batch_row, created, "created", DB_F_UTC_TIME),
	DB_FIELD(sus_batch_row, created_via, "created_via", DB_F_STR),
	DB_FIELD(sus_batch_row, by_user, "by_user", DB_F_STR),
	DB_FIELD(sus_batch_row, state_name, "state", DB_F_STR),
	DB_FIELD(sus_batch_row, acked, "acked", DB_F_UTC_TIME),
	DB_FIELD(sus_batch_row, n_new, "n_new", DB_F_INT),
	DB_FIELD(sus_batch_row, n_changed, "n_changed", DB_F_INT),
	DB_FIELD(sus_batch_row, n_anonymised, "n_anonymised", DB_F_INT),
	DB_FIELD(sus_batch_row, n_felreg, "n_felreg", DB_F_INT),
	DB_FIELD(sus_batch_row, n_groups, "n_groups", DB_F_INT),
	DB_FIELD(sus_batch_row, n_held_back, "n_held_back", DB_F_INT),
	DB_FIELD(sus_batch_row, doc_bytes, "doc_bytes", DB_F_INT),
	DB_FIELD(sus_batch_row, doc_sha256, "doc_sha256", DB_F_STR),
	DB_FIELD(sus_batch_row, purged, "purged", DB_F_BOOL),
	DB_FIELD(sus_batch_row, fetches, "fetches", DB_F_INT),
};
const struct db_record sus_batch_row_record =
    DB_RECORD(sus_batch_row, batch_row_fields);

/* ------------------------------------------------------- states, actions */

static const char *const state_names[SUS_BATCH_STATE__MAX] = {
	[SUS_BATCH_NY] = "ny",
	[SUS_BATCH_KVITTERAD] = "kvitterad",
};
static const char *const state_labels[SUS_BATCH_STATE__MAX] = {
	[SUS_BATCH_NY] = "Ej kvitterad",
	[SUS_BATCH_KVITTERAD] = "Kvitterad",
};
static const char *const action_names[SUS_ITEM_ACTION__MAX] = {
	[SUS_ITEM_NY] = "ny",
	[SUS_ITEM_ANDRAD] = "andrad",
	[SUS_ITEM_ANONYMISERAD] = "anonymiserad",
	[SUS_ITEM_FELREGISTRERING] = "felregistrering",
	[SUS_ITEM_KVARHALLEN] = "kvarhallen",
};
_Static_assert(
    sizeof(state_names) / sizeof(state_names[0]) == SUS_BATCH_STATE__MAX,
    "state_names[] out of sync");
_Static_assert(
    sizeof(state_labels) / sizeof(state_labels[0]) == SUS_BATCH_STATE__MAX,
    "state_labels[] out of sync");
_Static_assert(
    sizeof(action_names) / sizeof(action_names[0]) == SUS_ITEM_ACTION__MAX,
    "action_names[] out of sync");

const char *
sus_batch_state_name(enum sus_batch_state st)
{
	return st < SUS_BATCH_STATE__MAX ? state_names[st] : "";
}

const char *
sus_batch_state_label(enum sus_batch_state st)
{
	return st < SUS_BATCH_STATE__MAX ? state_labels[st] : "";
}

int
sus_batch_state_from_name(struct str s, enum sus_batch_state *out)
{
	for (int i = 0; i < SUS_BATCH_STATE__MAX; i++)
		if (str_eq_cstr(s, state_names[i])) {
			*out = (enum sus_batch_state)i;
			return 1;
		}
	return 0;
}

const char *
sus_item_action_name(enum sus_item_action a)
{
	return a < SUS_ITEM_ACTION__MAX ? action_names[a] : "";
}

int
sus_item_action_present(struct str s)
{
	return str_eq_cstr(s, action_names[SUS_ITEM_NY]) ||
	    str_eq_cstr(s, action_names[SUS_ITEM_ANDRAD]) ||
	    str_eq_cstr(s, action_names[SUS_ITEM_KVARHALLEN]);
}

/* 1 when a batch in state (its database name) is acknowledged. */
static int
sus_acked(struct str state)
{
	enum sus_batch_state st;

	return sus_batch_state_from_name(state, &st) &&
	    st == SUS_BATCH_KVITTERAD;
}

/* Statement q of the export's area into an arena array of its records. */
static enum app_err
sus_load(const struct sus_env *env, unsigned q, const struct db_param *p,
    size_t np, void *rows, size_t *n)
{
	return db_load(env->db, env->a, DB_SUS, q, p, np, (void **)rows, n);
}

/* Where an export failed, for the message (one export per process at a
 * time, so a static is enough). */
static const char *sus_stage = "";

/* What a participation should look like at the receiver now. */
enum sus_target {
	TARGET_PRESENT,   /* its registration, with identity */
	TARGET_ANONYMOUS, /* not by identity: counted */
	TARGET_FELREG,    /* registered by mistake */
	TARGET_KEEP,      /* incomplete, and the receiver holds a
	                     registration: it keeps it as last sent */
	TARGET_WAIT,      /* incomplete, the receiver holds nothing: counted
	                     as held back (version 2) until complete */
	TARGET_GALLRAD,   /* gallring removed its personal data, and the
	                     receiver holds a registration: it keeps it */
};

/* The anonymous counts, made from the participations as they are read. */
#define SUS_GROUPS_MAX 4096

struct sus_group {
	long long insats_id;
	int year;
	enum gender gender;
	long long started, ended, held_started, held_ended;
};

struct sus_groups {
	struct sus_group *g;
	size_t n;
};

/* The year of "YYYY-MM-DD"; 0 when there is none. */
static int
sus_year(struct str date)
{
	int y = 0;

	if (date.len < 4)
		return 0;
	for (size_t i = 0; i < 4; i++) {
		if (date.p[i] < '0' || date.p[i] > '9')
			return 0;
		y = y * 10 + (date.p[i] - '0');
	}
	return y;
}

/* Add one to the group of (insats, year, gender): started or ended, held
 * back or not. APP_ENOMEM past SUS_GROUPS_MAX groups. */
static enum app_err
sus_group_add(struct sus_groups *gs, long long insats_id, int year,
    enum gender gender, int ended, int held)
{
	struct sus_group *g = NULL;

	for (size_t i = gs->n; i-- > 0;)
		if (gs->g[i].insats_id == insats_id && gs->g[i].year == year &&
		    gs->g[i].gender == gender) {
			g = &gs->g[i];
			break;
		}
	if (g == NULL) {
		if (gs->n >= SUS_GROUPS_MAX)
			return APP_ENOMEM;
		g = &gs->g[gs->n++];
		*g = (struct sus_group){
			.insats_id = insats_id, .year = year, .gender = gender
		};
	}
	if (ended) {
		g->ended++;
		g->held_ended += held;
	} else {
		g->started++;
		g->held_started += held;
	}
	return APP_OK;
}

/* Count a participation w in its groups: the year it started, and the year
 * it ended when it has. */
static enum app_err
sus_group_count(struct sus_groups *gs, const struct sus_page_row *w, int held)
{
	enum gender gender;
	int y;
	enum app_err e;

	if (!gender_from_name(w->gender, &gender) ||
	    (y = sus_year(w->start_date)) == 0)
		return APP_OK; /* the columns are NOT NULL: cannot happen */
	if ((e = sus_group_add(gs, w->insats_id, y, gender, 0, held)) != APP_OK)
		return e;
	if (w->ended && (y = sus_year(w->end_date)) != 0)
		return sus_group_add(gs, w->insats_id, y, gender, 1, held);
	return APP_OK;
}

static int
sus_group_cmp(const void *pa, const void *pb)
{
	const struct sus_group *a = pa, *b = pb;

	if (a->insats_id != b->insats_id)
		return a->insats_id < b->insats_id ? -1 : 1;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return strcmp(gender_name(a->gender), gender_name(b->gender));
}

/* "YYYY-MM-DD HH:MM:SS" as xs:dateTime in UTC: "YYYY-MM-DDTHH:MM:SSZ". */
static struct str
sus_datetime(struct arena *a, struct str s)
{
	char *d;

	if (s.len != 19 || (d = arena_alloc(a, 21)) == NULL)
		return STR_LIT("1970-01-01T00:00:00Z");
	memcpy(d, s.p, 19);
	d[10] = 'T';
	d[19] = 'Z';
	d[20] = '\0';
	return (struct str){ d, 20 };
}

static void
sus_hex_upper(const unsigned char *b, size_t n, char *out)
{
	static const char hex[] = "0123456789ABCDEF";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[2 * n] = '\0';
}

/* Every insats with its budget years. */
static enum app_err
sus_write_insatser(const struct sus_env *env, struct sus_xml *x)
{
	struct sus_insats *ins;
	struct sus_budget_row *bud;
	size_t nins, nbud, b = 0;
	enum app_err e;

	if ((e = sus_load(env, SQL_SUS_INSATSER, NULL, 0, &ins, &nins)) !=
	        APP_OK ||
	    (e = sus_load(env, SQL_SUS_BUDGETS, NULL, 0, &bud, &nbud)) !=
	        APP_OK)
		return e;
	for (size_t i = 0; i < nins; i++) {
		struct sus_insats *in = &ins[i];
		struct sus_budget *budgets;
		size_t n = 0;

		/* Both lists are ordered by insats id. */
		while (b < nbud && bud[b].insats_id < in->id)
			b++;
		budgets = arena_calloc(env->a, nbud + 1, sizeof(*budgets));
		if (budgets == NULL)
			return APP_ENOMEM;
		for (; b < nbud && bud[b].insats_id == in->id; b++, n++) {
			budgets[n].year = (int)bud[b].year;
			budgets[n].planned = bud[b].planned;
			budgets[n].budget_sek =
			    bud[b].budget_sek < 0 ? -1 : bud[b].budget_sek;
		}
		in->budgets = budgets;
		in->nbudgets = n;
		if ((e = sus_xml_insats(x, in)) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* The facts of page row w (include/sus_complete.h): the export reads
 * each item as what it sends, so "stored" and "sent" are the same value
 * but for the kommun (its text and its SCB code). */
static void
sus_row_facts(const struct sus_page_row *w, struct sus_facts *f)
{
	memset(f, 0, sizeof(*f));
	f->education = (struct sus_item){ w->education, w->education };
	f->income_before =
	    (struct sus_item){ w->income_before, w->income_before };
	f->occupation_before =
	    (struct sus_item){ w->occupation_before, w->occupation_before };
	f->support_time = (struct sus_item){ w->support_time, w->support_time };
	f->municipality =
	    (struct sus_item){ w->home_municipality, w->municipality_code };
	f->ended = w->ended;
	f->end_date = w->end_date;
	f->end_reason = (struct sus_item){ w->end_reason, w->end_reason };
	f->occupation_after =
	    (struct sus_item){ w->occupation_after, w->occupation_after };
	f->income_after = (struct sus_item){ w->income_after, w->income_after };
	f->registry = 1;
	f->start_date = w->start_date;
	f->personnummer = w->personnummer;
	f->gender = w->gender;
	f->birth_year = w->birth_year;
	f->consent_date = w->consent_date;
}

/* The SUS consent date as SUS_CONSENT_DATE gives it: a day stays; a
 * tablet signing's UTC time becomes the Swedish day it was signed on (its
 * UTC date is the day before between midnight and 01:00 or 02:00). */
static enum app_err
sus_consent_day(struct arena *a, struct str *date)
{
	struct str utc = *date;

	if (date->len <= 10)
		return APP_OK;
	switch (date_utc_local_str(a, utc, 1, date)) {
	case 1: return APP_OK;
	case 0:
		log_error("BUG: SUS consent date %.*s is not a UTC time",
		    (int)utc.len, utc.p);
		return APP_EDB;
	default: return APP_ENOMEM;
	}
}

/* The registration of page row w, and whether it may be sent: 0 when a
 * value the inregistrering needs is missing (sus_complete_check(), the
 * one rule). *end_held is set when the participation ended but its
 * utregistrering is incomplete (then the registration goes without it).
 * ans (nans, from *ai on) are the page's answers, ordered by
 * participation id as the page is. */
static int
sus_row_reg(const struct sus_page_row *w, const struct sus_answer_row *ans,
    size_t nans, size_t *ai, struct arena *a, int version, struct sus_reg *g,
    int *end_held)
{
	struct sus_facts f;
	struct sus_gaps gaps;

	memset(g, 0, sizeof(*g));
	sus_row_facts(w, &f);
	sus_complete_check(&f, version, &gaps);
	*end_held = 0;
	g->participation_id = w->id;
	g->insats_id = w->insats_id;
	g->start_date = w->start_date;
	g->personnummer = w->personnummer;
	g->gender = w->gender;
	g->birth_year = w->birth_year;
	g->municipality = str_trim_blanks(w->home_municipality);
	g->municipality_code = w->municipality_code;
	g->consent_date = w->consent_date;
	g->education = w->education;
	g->income_before = w->income_before;
	g->occupation_before = w->occupation_before;
	g->occupation_before_pct = w->occupation_before_pct;
	g->support_time = w->support_time;
	while (*ai < nans && ans[*ai].participation_id < w->id)
		(*ai)++;
	if (*ai < nans && ans[*ai].participation_id == w->id) {
		size_t n = 0, k = *ai;
		struct sus_answer *v;

		while (k < nans && ans[k].participation_id == w->id)
			k++;
		if ((v = arena_calloc(a, k - *ai, sizeof(*v))) != NULL) {
			for (; *ai < k; (*ai)++, n++) {
				v[n].question = ans[*ai].question;
				v[n].answer = ans[*ai].answer;
			}
			g->answers = v;
			g->nanswers = n;
		}
		*ai = k;
	}
	if (w->ended) {
		g->has_end = !gaps.end;
		*end_held = gaps.end;
		g->end_date = w->end_date;
		g->end_reason = w->end_reason;
		g->income_after = w->income_after;
		g->occupation_after = w->occupation_after;
		g->occupation_after_pct = w->occupation_after_pct;
	}
	return !gaps.start;
}

/* Where the receiver is and what the batch is: shared by the passes. */
struct sus_run {
	long long batch_no, acked_no;
	int full;          /* a full replacement */
	int v;             /* the schema version */
	long long v1_kept; /* version 1: held back, the receiver keeps it */
	struct sus_groups groups;
	struct sus_items *items; /* written in chunks (sus_items.h) */
};

/* The withdrawal of a registration the receiver holds. */
static enum app_err
sus_withdraw(const struct sus_env *env, struct sus_xml *x,
    const struct sus_run *run, const struct sus_page_row *w, int felreg,
    struct sus_result *res)
{
	enum app_err e;

	if ((e = sus_xml_removal(x, w->id, w->insats_id,
	         felreg ? SUS_REMOVAL_FELREG : SUS_REMOVAL_ANONYMISED)) !=
	        APP_OK ||
	    (e = sus_items_add(run->items, env->a, w->id,
	         felreg ? SUS_ITEM_FELREGISTRERING : SUS_ITEM_ANONYMISERAD,
	         NULL, 0)) != APP_OK)
		return e;
	if (felreg)
		res->n_felreg++;
	else
		res->n_anonymised++;
	return APP_OK;
}

/* A held-back registration the receiver holds: it keeps it as last sent.
 * Version 2 says so (kvarhallen) in a full replacement, and in the first
 * batch after the registration became incomplete; the item keeps what the
 * receiver holds (its end). Version 1 has no word for it: an incremental
 * batch says nothing (the receiver keeps it all the same), and a full
 * replacement, which would drop it, is refused. */
static enum app_err
sus_keep(const struct sus_env *env, struct sus_xml *x, struct sus_run *run,
    const struct sus_page_row *w, struct sus_result *res)
{
	int said = str_eq_cstr(
	    w->base_action, sus_item_action_name(SUS_ITEM_KVARHALLEN));
	enum app_err e;

	if (run->v < 2) {
		run->v1_kept++; /* counted for the refusal */
		return APP_OK;
	}
	if (said && !run->full)
		return APP_OK;
	if ((e = sus_xml_kept(x, w->id, w->insats_id)) != APP_OK ||
	    (e = sus_items_add(run->items, env->a, w->id, SUS_ITEM_KVARHALLEN,
	         NULL, w->base_has_end)) != APP_OK)
		return e;
	res->n_kept++;
	return APP_OK;
}

/* The income lists of the page's rows (nrows, ordered by id), read in one
 * statement for the page and merged by participation id. */
static enum app_err
sus_page_incomes(
    const struct sus_env *env, struct sus_page_row *rows, size_t nrows)
{
	struct db_param p[4];
	struct sus_income_row *inc;
	size_t ninc, r = 0;
	enum app_err e;

	p[0] = p[2] = DB_INT(rows[0].id);
	p[1] = p[3] = DB_INT(rows[nrows - 1].id);
	sus_stage = "inkomster";
	if ((e = sus_load(env, SQL_SUS_INCOMES, p, 4, &inc, &ninc)) != APP_OK)
		return e;
	for (size_t k = 0; k < ninc; k++) {
		while (r < nrows && rows[r].id < inc[k].participation_id)
			r++;
		if (r == nrows)
			break;
		if (rows[r].id != inc[k].participation_id)
			continue; /* not on the page (another förbund's) */
		if (inc[k].after_end)
			rows[r].income_after = inc[k].list;
		else
			rows[r].income_before = inc[k].list;
	}
	return APP_OK;
}

/* The consent half of the identity rule (SUS_IDENTITY_OK, sql_sus.c) for
 * the page's rows (nrows, ordered by id): the given SUS consents of their
 * referrals in one statement, merged by participation id. A row is
 * reported by identity when its own half (identity_person) holds and a
 * given consent exists; its consent date is the latest consent's (the
 * greatest id), made the Swedish day. */
static enum app_err
sus_page_consents(
    const struct sus_env *env, struct sus_page_row *rows, size_t nrows)
{
	struct db_param p[2];
	struct sus_consent_row *c;
	size_t nc, r = 0;
	long long *latest;
	enum app_err e;

	p[0] = DB_INT(rows[0].id);
	p[1] = DB_INT(rows[nrows - 1].id);
	sus_stage = "samtycken";
	if ((e = sus_load(env, SQL_SUS_CONSENTS, p, 2, &c, &nc)) != APP_OK)
		return e;
	if ((latest = arena_calloc(env->a, nrows, sizeof(*latest))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < nrows; i++)
		rows[i].consent_date = STR_LIT(""); /* none given */
	for (size_t k = 0; k < nc; k++) {
		while (r < nrows && rows[r].id < c[k].participation_id)
			r++;
		if (r == nrows)
			break;
		if (rows[r].id != c[k].participation_id ||
		    c[k].consent_id <= latest[r])
			continue; /* not on the page, or an older consent */
		latest[r] = c[k].consent_id;
		rows[r].consent_date = c[k].consent_date;
	}
	for (size_t i = 0; i < nrows; i++) {
		rows[i].identity_ok = rows[i].identity_person && latest[i] > 0;
		if ((e = sus_consent_day(env->a, &rows[i].consent_date)) !=
		    APP_OK)
			return e;
	}
	return APP_OK;
}

/* What the receiver holds of the page's rows (nrows, ordered by id): the
 * latest item of each among the acknowledged batches up to acked_no, one
 * row a participation, ordered by participation id. */
static enum app_err
sus_page_bases(const struct sus_env *env, long long acked_no,
    struct sus_page_row *rows, size_t nrows)
{
	struct db_param p[4];
	struct sus_base_item_row *b;
	size_t nb, r = 0;
	enum app_err e;

	p[0] = DB_INT(rows[0].id);
	p[1] = DB_INT(rows[nrows - 1].id);
	p[2] = p[3] = DB_INT(acked_no);
	sus_stage = "tidigare batcher";
	if ((e = sus_load(env, SQL_SUS_BASE_ITEMS, p, 4, &b, &nb)) != APP_OK)
		return e;
	for (size_t i = 0; i < nrows; i++) {
		rows[i].base_action = STR_LIT(""); /* the receiver holds none */
		rows[i].base_hash = STR_LIT("");
	}
	for (size_t k = 0; k < nb; k++) {
		while (r < nrows && rows[r].id < b[k].participation_id)
			r++;
		if (r == nrows)
			break;
		if (rows[r].id != b[k].participation_id)
			continue; /* not on the page (another förbund's) */
		rows[r].base_action = b[k].action;
		rows[r].base_hash = b[k].hash;
		rows[r].base_has_end = b[k].has_end;
	}
	return APP_OK;
}

/* Every participation, page by page: registrations, withdrawals, what is
 * kept, and the anonymous counts (into run->groups).
 * What the receiver holds is taken from every acknowledged batch (acked_no
 * is the last one), whatever the batch is based on: a withdrawal is never
 * missed because a later acknowledged batch first sent the registration.
 * A full replacement sends every registration, changed or not. */
static enum app_err
sus_write_participations(const struct sus_env *env, struct sus_xml *x,
    struct sus_run *run, struct sus_result *res)
{
	long long after = 0, written = 0, seen = 0;
	size_t mark = arena_mark(env->a);
	enum app_err e;

	for (;;) {
		struct db_param p[2];
		struct sus_page_row *rows;
		struct sus_answer_row *ans;
		size_t nrows, nans, ai = 0;

		arena_rewind(env->a, mark);
		p[0] = DB_INT(after);
		p[1] = DB_INT(SUS_PAGE_ROWS);
		sus_stage = "deltaganden";
		if ((e = sus_load(env, SQL_SUS_PAGE, p, 2, &rows, &nrows)) !=
		    APP_OK)
			return e;
		if (nrows == 0)
			break;
		if ((e = sus_page_consents(env, rows, nrows)) != APP_OK ||
		    (e = sus_page_bases(env, run->acked_no, rows, nrows)) !=
		        APP_OK ||
		    (e = sus_page_incomes(env, rows, nrows)) != APP_OK)
			return e;
		p[0] = DB_INT(rows[0].id);
		p[1] = DB_INT(rows[nrows - 1].id);
		sus_stage = "tilläggsfrågor";
		if ((e = sus_load(env, SQL_SUS_ANSWERS, p, 2, &ans, &nans)) !=
		    APP_OK)
			return e;
		sus_stage = "registreringar";
		for (size_t i = 0; i < nrows; i++) {
			const struct sus_page_row *w = &rows[i];
			int base_present =
			    sus_item_action_present(w->base_action);
			int base_end = w->base_has_end;
			unsigned char hash[SUS_HASH_BYTES];
			char hex[2 * SUS_HASH_BYTES + 1];
			enum sus_target t;
			struct sus_reg g;
			int end_held = 0;

			if (w->gallrad && base_present)
				/* Never withdrawn, never sent again: the
				 * receiver keeps what it holds (one the
				 * receiver holds nothing of is counted
				 * anonymously below, as before). */
				t = TARGET_GALLRAD;
			else if (w->felreg)
				t = TARGET_FELREG;
			else if (!w->identity_ok)
				t = TARGET_ANONYMOUS;
			else if (!sus_row_reg(w, ans, nans, &ai, env->a, run->v,
			             &g, &end_held) ||
			    (end_held && base_present && base_end))
				/* Incomplete; or its end went missing after
				 * the end was sent: a correction never takes
				 * an end back, so all of it waits. */
				t = base_present ? TARGET_KEEP : TARGET_WAIT;
			else
				t = TARGET_PRESENT;
			switch (t) {
			case TARGET_FELREG:
				if (base_present &&
				    (e = sus_withdraw(
				         env, x, run, w, 1, res)) != APP_OK)
					return e;
				continue;
			case TARGET_ANONYMOUS:
				if ((base_present &&
				        (e = sus_withdraw(env, x, run, w, 0,
				             res)) != APP_OK) ||
				    (e = sus_group_count(&run->groups, w, 0)) !=
				        APP_OK)
					return e;
				continue;
			case TARGET_KEEP:
				res->n_held_back++;
				res->n_held_regs++;
				if ((e = sus_keep(env, x, run, w, res)) !=
				    APP_OK)
					return e;
				continue;
			case TARGET_GALLRAD:
				/* A full replacement says it is kept, as for
				 * a held-back one, so it equals the sum of
				 * the batches; a batch of changes says
				 * nothing. */
				if (run->full &&
				    (e = sus_keep(env, x, run, w, res)) !=
				        APP_OK)
					return e;
				continue;
			case TARGET_WAIT:
				res->n_held_back++;
				res->n_held_regs++;
				if (run->v >= 2 &&
				    (e = sus_group_count(&run->groups, w, 1)) !=
				        APP_OK)
					return e;
				continue;
			case TARGET_PRESENT: break;
			}
			if (end_held)
				res->n_held_back++;
			sus_reg_hash(&g, run->v, hash);
			sus_hex_upper(hash, sizeof(hash), hex);
			if (!run->full && base_present &&
			    str_eq_cstr(w->base_hash, hex))
				continue; /* unchanged */
			if ((e = sus_xml_registration(x, &g,
			         !base_present ? SUS_EVENT_NEW
			             : (g.has_end && !base_end)
			             ? SUS_EVENT_END
			             : SUS_EVENT_CORRECTION)) != APP_OK ||
			    (e = sus_items_add(run->items, env->a, w->id,
			         base_present ? SUS_ITEM_ANDRAD : SUS_ITEM_NY,
			         hash, g.has_end)) != APP_OK)
				return e;
			if (base_present)
				res->n_changed++;
			else
				res->n_new++;
			if (env->crash_after > 0 &&
			    ++written >= env->crash_after) {
				/* The test hook: die as a crash would, with
				 * the document half written. */
				(void)raise(SIGKILL);
			}
		}
		after = rows[nrows - 1].id;
		if (env->progress != NULL)
			progress_set(env->progress, seen += (long long)nrows);
	}
	arena_rewind(env->a, mark);
	sus_stage = "registreringar";
	return sus_items_flush(run->items, env->a);
}

/* The anonymous counts (run->groups, made by the participations' pass):
 * groups whose totals differ from the receiver's (every acknowledged
 * batch up to acked_no), then the receiver's groups that are empty now
 * (sent as zeros); a full replacement: every current group. */
static enum app_err
sus_write_counts(const struct sus_env *env, struct sus_xml *x,
    struct sus_run *run, struct sus_result *res)
{
	struct db_param p[8];
	struct sus_count_row *base;
	struct sus_group *now = run->groups.g;
	size_t nnow = run->groups.n, nbase;
	unsigned char *matched;
	enum app_err e;

	sus_stage = "antal";
	qsort(now, nnow, sizeof(*now), sus_group_cmp);
	p[0] = DB_INT(run->acked_no);
	if ((e = sus_load(env, SQL_SUS_COUNTS_BASE, p, 1, &base, &nbase)) !=
	    APP_OK)
		return e;
	if ((matched = arena_calloc(env->a, nbase + 1, 1)) == NULL)
		return APP_ENOMEM;
	for (size_t pass = 0; pass < 2; pass++) {
		size_t nsrc = pass == 0 ? nnow : nbase;

		for (size_t i = 0; i < nsrc; i++) {
			struct sus_count c = { 0 };
			int skip = 0;

			if (pass == 0) {
				c = (struct sus_count){
					.insats_id = now[i].insats_id,
					.year = now[i].year,
					.gender = str_cstr(
					    gender_name(now[i].gender)),
					.started = now[i].started,
					.ended = now[i].ended,
					.held_started = now[i].held_started,
					.held_ended = now[i].held_ended,
				};
				for (size_t k = 0; k < nbase; k++) {
					if (matched[k] ||
					    base[k].insats_id != c.insats_id ||
					    base[k].year != c.year ||
					    !str_eq(base[k].gender, c.gender))
						continue;
					matched[k] = 1;
					skip = !run->full &&
					    base[k].started == c.started &&
					    base[k].ended == c.ended &&
					    base[k].held_started ==
					        c.held_started &&
					    base[k].held_ended == c.held_ended;
					break;
				}
			} else {
				c = (struct sus_count){
					.insats_id = base[i].insats_id,
					.year = (int)base[i].year,
					.gender = base[i].gender,
				};
				skip = matched[i] ||
				    (base[i].started == 0 &&
				        base[i].ended == 0);
			}
			if (skip)
				continue;
			if ((e = sus_xml_count(x, &c)) != APP_OK)
				return e;
			p[0] = DB_INT(run->batch_no);
			p[1] = DB_INT(c.insats_id);
			p[2] = DB_INT(c.year);
			p[3] = DB_STR(c.gender);
			p[4] = DB_INT(c.started);
			p[5] = DB_INT(c.ended);
			p[6] = DB_INT(c.held_started);
			p[7] = DB_INT(c.held_ended);
			if ((e = db_exec(env->db, env->a, DB_SUS,
			         SQL_SUS_COUNT_INSERT, p, 8, NULL)) != APP_OK)
				return e;
			res->n_groups++;
		}
	}
	return APP_OK;
}

/* Read the finished file back: store it in chunks, hash it; or, when the
 * validation thread hashed it as it was written (d not NULL), take its
 * hash (the file must be as long as what the thread read). */
static enum app_err
sus_store_document(const struct sus_env *env, int fd, long long batch_no,
    const struct sus_xml_digest *d, struct sus_result *res)
{
	crypto_hash_sha256_state st;
	unsigned char digest[crypto_hash_sha256_BYTES];
	size_t mark = arena_mark(env->a);
	char *chunk;
	long long seq = 0;
	enum app_err e = APP_OK;

	sus_stage = "dokumentet sparas";
	if ((chunk = arena_alloc(env->a, SUS_PART_BYTES)) == NULL)
		return APP_ENOMEM;
	if (lseek(fd, 0, SEEK_SET) != 0)
		return APP_EIO;
	crypto_hash_sha256_init(&st);
	res->bytes = 0;
	for (;;) {
		size_t have = 0;
		struct db_param p[3];

		while (have < SUS_PART_BYTES) {
			ssize_t n =
			    read(fd, chunk + have, SUS_PART_BYTES - have);

			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				return APP_EIO;
			if (n == 0)
				break;
			have += (size_t)n;
		}
		if (have == 0)
			break;
		if (d == NULL)
			crypto_hash_sha256_update(
			    &st, (const unsigned char *)chunk, have);
		p[0] = DB_INT(batch_no);
		p[1] = DB_INT(seq++);
		p[2] = DB_STR(((struct str){ chunk, have }));
		if ((e = db_exec(env->db, env->a, DB_SUS, SQL_SUS_PART_INSERT,
		         p, 3, NULL)) != APP_OK)
			break;
		res->bytes += have;
		if (have < SUS_PART_BYTES)
			break;
	}
	if (d == NULL)
		crypto_hash_sha256_final(&st, digest);
	else if (e == APP_OK && d->bytes != res->bytes) {
		log_error("BUG: SUS document is %llu bytes, %llu were "
		          "validated",
		    res->bytes, d->bytes);
		e = APP_EIO;
	} else
		memcpy(digest, d->sha256, sizeof(digest));
	sodium_bin2hex(
	    res->sha256, sizeof(res->sha256), digest, sizeof(digest));
	arena_rewind(env->a, mark);
	return e;
}

static struct db_param
sus_who(const struct sus_env *env)
{
	return env->staff_id > 0 ? DB_INT(env->staff_id) : DB_NULL;
}

/* One summary row in the access log, beside the per-person rows. */
static enum app_err
sus_audit(const struct sus_env *env, const char *object_type,
    long long object_id, const char *detail)
{
	struct db_param p[10];

	/* The request's förbund: the integration account's, or the one the
	 * command line names (--forbund, or the only active one). */
	p[0] = DB_INT(db_forbund(env->db));
	p[1] = sus_who(env);
	p[2] = DB_STR(env->username);
	p[3] = DB_STR(STR_LIT("export"));
	p[4] = DB_STR(str_cstr(object_type));
	p[5] = DB_INT(object_id);
	p[6] = DB_NULL;
	p[7] = DB_STR(env->remote_addr);
	p[8] = DB_STR(env->request_id);
	p[9] = DB_STR(str_cstr(detail));
	return db_exec(env->db, env->a, DB_AUTH, SQL_AUDIT_INSERT, p, 10, NULL);
}

/* The per-person access-log rows of a batch. */
static enum app_err
sus_audit_people(
    const struct sus_env *env, long long batch_no, const char *what)
{
	struct db_param p[6];
	char detail[96];

	snprintf(detail, sizeof(detail), "SUS-batch %lld %s", batch_no, what);
	p[0] = sus_who(env);
	p[1] = DB_STR(env->username);
	p[2] = DB_STR(env->remote_addr);
	p[3] = DB_STR(env->request_id);
	p[4] = DB_STR(str_cstr(detail));
	p[5] = DB_INT(batch_no);
	return db_exec(
	    env->db, env->a, DB_SUS, SQL_SUS_AUDIT_BATCH, p, 6, NULL);
}

/* Lock the förbund's numbering (SQL_SUS_LOCK) as the first statement of
 * the open transaction. *busy (APP_OK) when another export or
 * acknowledgement of the förbund holds it: no waiting. A förbund has its
 * row from its first export on: when there is none, the empty transaction
 * is rolled back, the row added on its own (committed at once, so two
 * first exports do not wait on each other's insert) and the transaction
 * begun again. */
static enum app_err
sus_lock(const struct sus_env *env, struct sus_state *st, int *busy)
{
	int found;
	enum app_err e;

	*busy = 0;
	for (int tries = 0;; tries++) {
		e = db_load_one(
		    env->db, env->a, DB_SUS, SQL_SUS_LOCK, NULL, 0, st, &found);
		if (e == APP_EDB && db_lock_conflict(env->db)) {
			*busy = 1;
			return APP_OK;
		}
		if (e != APP_OK || found)
			return e;
		if (tries > 0)
			return APP_EDB; /* no such förbund */
		db_rollback(env->db);
		if ((e = db_exec(env->db, env->a, DB_SUS, SQL_SUS_STATE_ADD,
		         NULL, 0, NULL)) != APP_OK ||
		    (e = db_begin(env->db)) != APP_OK)
			return e;
	}
}

/* The export inside the open transaction; see sus_batch_create(). */
static enum app_err
sus_build(const struct sus_env *env, long long since, int fd,
    struct sus_result *res, char *err, size_t errlen)
{
	struct sus_state st;
	struct sus_forbund_row fb;
	struct db_param p[10];
	struct sus_xml *x = NULL;
	struct sus_header h;
	struct sus_summary sum;
	struct sus_run run = { 0 };
	long long base_no, batch_no, forbund_id, acked_no;
	int full, found, busy;
	char path[64], detail[128], verr[400];
	struct sus_xml_digest dig;
	enum app_err e;

	run.v = env->schema > 0 ? env->schema : SUS_SCHEMA_DEFAULT;
	if (run.v < SUS_SCHEMA_MIN || run.v > SUS_SCHEMA_MAX) {
		snprintf(err, errlen, "Schemaversionen kan vara %d eller %d.",
		    SUS_SCHEMA_MIN, SUS_SCHEMA_MAX);
		return APP_EINPUT;
	}
	/* Before the loop's arena mark: the groups live through it. */
	run.groups.g =
	    arena_calloc(env->a, SUS_GROUPS_MAX, sizeof(*run.groups.g));
	run.items = arena_alloc(env->a, sizeof(*run.items));
	if (run.groups.g == NULL || run.items == NULL)
		return APP_ENOMEM;

	sus_stage = "låset";
	if ((e = sus_lock(env, &st, &busy)) != APP_OK)
		return e;
	if (busy) {
		res->busy = 1; /* another holds it: do not queue */
		return APP_OK;
	}
	sus_stage = "början";
	acked_no = st.last_acked_no;
	/* Only two bases are honest about what the receiver holds: the last
	 * acknowledged batch, or nothing (a full replacement). A batch built
	 * on an older one would not withdraw what later batches sent. */
	if (since < 0 || since == acked_no)
		base_no = acked_no;
	else if (since == 0)
		base_no = 0;
	else {
		snprintf(err, errlen,
		    "since kan bara vara den senast kvitterade batchen "
		    "(%lld) eller 0 (en fullständig ersättning).",
		    acked_no);
		return APP_EINPUT;
	}
	full = base_no == 0;
	if ((e = db_load_one(env->db, env->a, DB_SUS, SQL_SUS_FORBUND, NULL, 0,
	         &fb, &found)) != APP_OK)
		return e;
	if (!found) {
		snprintf(
		    err, errlen, "Förbundet är inte aktivt: ingen export.");
		return APP_EINPUT;
	}
	forbund_id = fb.id;
	batch_no = st.last_batch_no + 1;
	res->batch_no = batch_no;
	res->base_no = base_no;
	p[0] = DB_INT(batch_no);
	p[1] = DB_INT(base_no);
	p[2] = DB_STR(fb.now_utc);
	p[3] = sus_who(env);
	p[4] = DB_STR(env->staff_id > 0 ? STR_LIT("http") : STR_LIT("cli"));
	p[5] = DB_INT(acked_no);
	p[6] = DB_INT(run.v);
	if ((e = db_exec(env->db, env->a, DB_SUS, SQL_SUS_BATCH_INSERT, p, 7,
	         NULL)) != APP_OK)
		return e;
	if ((x = sus_xml_open(fd, run.v)) == NULL)
		return APP_ENOMEM;
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (env->xsd_path != NULL &&
	    (e = sus_xml_check_start(x, env->xsd_path, verr, sizeof(verr))) !=
	        APP_OK) {
		snprintf(err, errlen, "Schemat %s: %s", env->xsd_path, verr);
		goto out;
	}
	run.batch_no = batch_no;
	sus_items_init(run.items, env->db, batch_no);
	run.acked_no = acked_no;
	run.full = full;
	h = (struct sus_header){
		.batch_no = batch_no,
		.base_no = base_no,
		.created = sus_datetime(env->a, fb.now_utc),
		.forbund_id = forbund_id,
		.forbund_name = fb.name,
		.forbund_sus_code = fb.sus_code,
		.forbund_orgnr = fb.org_number,
	};
	if ((e = sus_xml_begin(x, &h)) != APP_OK ||
	    (e = sus_write_insatser(env, x)) != APP_OK ||
	    (e = sus_write_participations(env, x, &run, res)) != APP_OK ||
	    (e = sus_write_counts(env, x, &run, res)) != APP_OK)
		goto out;
	if (full && run.v1_kept > 0) {
		snprintf(err, errlen,
		    "En fullständig ersättning i schemaversion 1 kan inte "
		    "behålla %lld registreringar som mottagaren har men som "
		    "hålls kvar (ofullständiga nu): version 1 saknar elementet "
		    "kvarhallen. Begär schemaversion 2, eller komplettera "
		    "dem (SUS – registerkvalitet).",
		    run.v1_kept);
		e = APP_EINPUT;
		goto out;
	}
	if (res->n_new + res->n_changed + res->n_anonymised + res->n_felreg +
	        res->n_groups + res->n_kept ==
	    0) {
		res->empty = 1; /* the caller rolls back: no batch */
		goto out;
	}
	sum = (struct sus_summary){
		.n_new = res->n_new,
		.n_changed = res->n_changed,
		.n_removed = res->n_anonymised + res->n_felreg,
		.n_groups = res->n_groups,
		.n_anonymised = res->n_anonymised,
		.n_felreg = res->n_felreg,
		.n_kept = res->n_kept,
		.n_held_regs = res->n_held_regs,
		.n_held_ends = res->n_held_back - res->n_held_regs,
	};
	if ((e = sus_xml_finish(x, &sum)) != APP_OK)
		goto out;
	if (env->xsd_path != NULL &&
	    (e = sus_xml_check_end(x, path, &dig, verr, sizeof(verr))) !=
	        APP_OK) {
		snprintf(err, errlen, "Exporten följer inte schemat %s: %s",
		    env->xsd_path, verr);
		e = APP_EIO; /* our bug, not the caller's: a 500 */
		goto out;
	}
	sus_xml_free(x);
	x = NULL;
	if (fsync(fd) != 0) {
		e = APP_EIO;
		goto out;
	}
	if ((e = sus_store_document(env, fd, batch_no,
	         env->xsd_path != NULL ? &dig : NULL, res)) != APP_OK)
		goto out;
	p[0] = DB_INT(res->n_new);
	p[1] = DB_INT(res->n_changed);
	p[2] = DB_INT(res->n_anonymised);
	p[3] = DB_INT(res->n_felreg);
	p[4] = DB_INT(res->n_groups);
	p[5] = DB_INT(res->n_held_back);
	p[6] = DB_INT(res->n_kept);
	p[7] = DB_INT((long long)res->bytes);
	p[8] = DB_STR(str_cstr(res->sha256));
	p[9] = DB_INT(batch_no);
	sus_stage = "batchloggen";
	snprintf(detail, sizeof(detail),
	    "SUS-batch %lld: %lld nya, %lld rättelser, %lld avregistreringar, "
	    "%lld grupper",
	    batch_no, res->n_new, res->n_changed,
	    res->n_anonymised + res->n_felreg, res->n_groups);
	if ((e = db_exec(env->db, env->a, DB_SUS, SQL_SUS_BATCH_FINISH, p, 10,
	         NULL)) != APP_OK)
		goto out;
	p[0] = DB_INT(batch_no);
	if ((e = db_exec(env->db, env->a, DB_SUS, SQL_SUS_STATE_SET_LAST, p, 1,
	         NULL)) != APP_OK ||
	    (e = sus_audit_people(env, batch_no, "skapad")) != APP_OK ||
	    (e = sus_audit(env, "sus_batch", batch_no, detail)) != APP_OK)
		goto out;
out:
	sus_xml_free(x);
	return e;
}

enum app_err
sus_batch_purge(const struct sus_env *env)
{
	struct db_param p[1] = { DB_INT(SUS_DOC_KEEP_DAYS) };
	struct sus_state st;
	int busy;
	enum app_err e;

	if ((e = db_begin(env->db)) != APP_OK)
		return e;
	/* Under the förbund's export lock, so it never waits on an export's
	 * rows: when another holds it, skip (the next request purges). */
	if ((e = sus_lock(env, &st, &busy)) != APP_OK || busy) {
		db_rollback(env->db);
		return e;
	}
	if ((e = db_exec(env->db, env->a, DB_SUS, SQL_SUS_PURGE_PARTS, p, 1,
	         NULL)) != APP_OK ||
	    (e = db_exec(env->db, env->a, DB_SUS, SQL_SUS_PURGE_MARK, p, 1,
	         NULL)) != APP_OK) {
		db_rollback(env->db);
		return e;
	}
	return db_commit(env->db);
}

/* The retention purge before an export or acknowledgement: its own
 * transaction, so it runs whatever the export does (nothing changed, a
 * failure, a refusal). A failed purge is logged, not fatal: the next
 * request tries again. */
static void
sus_purge_quietly(const struct sus_env *env)
{
	enum app_err e = sus_batch_purge(env);

	if (e != APP_OK)
		log_error(
		    "SUS: purging old documents failed (%s)", app_strerror(e));
}

enum app_err
sus_batch_create(const struct sus_env *env, long long since, int fd,
    struct sus_result *res, char *err, size_t errlen)
{
	size_t mark = arena_mark(env->a);
	enum app_err e;

	memset(res, 0, sizeof(*res));
	if (errlen > 0)
		err[0] = '\0';
	sus_purge_quietly(env);
	if ((e = db_begin(env->db)) != APP_OK)
		return e;
	e = sus_build(env, since, fd, res, err, errlen);
	if (env->progress != NULL)
		progress_end(env->progress);
	if (e == APP_OK && !res->empty && !res->busy)
		e = db_commit(env->db);
	else
		db_rollback(env->db);
	if (e == APP_EDB && db_lock_conflict(env->db))
		e = APP_EUNAVAIL; /* a lock wait or deadlock: 503, retry */
	arena_rewind(env->a, mark);
	if (e != APP_OK && err[0] == '\0')
		snprintf(err, errlen, "Exporten misslyckades vid %s (%s).",
		    sus_stage, app_strerror(e));
	return e;
}

enum app_err
sus_batch_get(struct db *db, struct arena *a, long long batch_no,
    struct sus_batch_info *info)
{
	struct db_param p[1] = { DB_INT(batch_no) };
	struct sus_batch_get_row b;
	int found;
	enum app_err e;

	memset(info, 0, sizeof(*info));
	if ((e = db_load_one(
	         db, a, DB_SUS, SQL_SUS_BATCH_GET, p, 1, &b, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	info->batch_no = b.batch_no;
	info->base_no = b.base_no;
	info->acked = sus_acked(b.state);
	info->bytes = (unsigned long long)b.doc_bytes;
	snprintf(info->sha256, sizeof(info->sha256), "%.*s",
	    (int)b.doc_sha256.len, b.doc_sha256.p);
	info->purged = b.purged;
	return APP_OK;
}

enum app_err
sus_state_get(struct db *db, struct arena *a, struct sus_state *st)
{
	int found;
	enum app_err e;

	if ((e = db_load_one(
	         db, a, DB_SUS, SQL_SUS_STATE, NULL, 0, st, &found)) != APP_OK)
		return e;
	return found ? APP_OK : APP_EDB;
}

enum app_err
sus_batch_list(
    struct db *db, struct arena *a, struct sus_batch_row **out, size_t *n)
{
	enum app_err e;

	if ((e = db_load(db, a, DB_SUS, SQL_SUS_BATCH_LIST, NULL, 0,
	         (void **)out, n)) != APP_OK)
		return e;
	for (size_t i = 0; i < *n; i++)
		if (!sus_batch_state_from_name(
		        (*out)[i].state_name, &(*out)[i].state))
			(*out)[i].state = SUS_BATCH_NY;
	return APP_OK;
}

enum app_err
sus_batch_stream(void *ctx, struct arena *a, resp_put_fn put, void *out)
{
	const struct sus_stream *s = ctx;
	size_t mark = arena_mark(a);
	enum app_err e = APP_OK;

	for (long long seq = 0;; seq++) {
		struct db_param p[2] = { DB_INT(s->batch_no), DB_INT(seq) };
		struct sus_part_row part;
		struct str data;
		int found;

		arena_rewind(a, mark);
		if ((e = db_load_one(s->db, a, DB_SUS, SQL_SUS_PART_GET, p, 2,
		         &part, &found)) != APP_OK)
			break;
		if (!found)
			break;
		data = part.data;
		if (put(out, data.p, data.len) != 0) {
			e = APP_EIO;
			break;
		}
	}
	arena_rewind(a, mark);
	return e;
}

enum app_err
sus_batch_fetched(const struct sus_env *env, long long batch_no)
{
	struct db_param p[1] = { DB_INT(batch_no) };
	char detail[64];
	enum app_err e;

	snprintf(detail, sizeof(detail), "SUS-batch %lld hämtad", batch_no);
	if ((e = db_begin(env->db)) != APP_OK)
		return e;
	if ((e = db_exec(env->db, env->a, DB_SUS, SQL_SUS_BATCH_FETCHED, p, 1,
	         NULL)) != APP_OK ||
	    (e = sus_audit_people(env, batch_no, "hämtad")) != APP_OK ||
	    (e = sus_audit(env, "sus_batch", batch_no, detail)) != APP_OK) {
		db_rollback(env->db);
		return e;
	}
	return db_commit(env->db);
}

enum app_err
sus_batch_ack(
    const struct sus_env *env, long long batch_no, enum sus_ack *result)
{
	struct db_param p[2];
	struct sus_state st;
	struct sus_batch_get_row b;
	int found, busy;
	char detail[64];
	enum app_err e;

	*result = SUS_ACK_STALE;
	sus_purge_quietly(env);
	if ((e = db_begin(env->db)) != APP_OK)
		return e;
	p[0] = DB_INT(batch_no);
	if ((e = sus_lock(env, &st, &busy)) == APP_OK && busy) {
		*result = SUS_ACK_BUSY;
		db_rollback(env->db);
		return APP_OK;
	}
	if (e != APP_OK ||
	    (e = db_load_one(env->db, env->a, DB_SUS, SQL_SUS_BATCH_GET, p, 1,
	         &b, &found)) != APP_OK)
		goto fail;
	if (!found) {
		e = APP_ENOTFOUND;
		goto fail;
	}
	if (sus_acked(b.state)) {
		*result = SUS_ACK_ALREADY;
		db_rollback(env->db);
		return APP_OK;
	}
	/* Refused when anything was acknowledged after the batch was built
	 * (its base is older than the last acknowledged batch): its
	 * withdrawals were computed without what that batch sent. */
	if (b.acked_when_built < st.last_acked_no) {
		*result = SUS_ACK_STALE;
		db_rollback(env->db);
		return APP_OK;
	}
	p[0] = sus_who(env);
	p[1] = DB_INT(batch_no);
	snprintf(detail, sizeof(detail), "SUS-batch %lld kvitterad", batch_no);
	if ((e = db_exec(env->db, env->a, DB_SUS, SQL_SUS_BATCH_ACK, p, 2,
	         NULL)) != APP_OK)
		goto fail;
	p[0] = DB_INT(batch_no);
	if ((e = db_exec(env->db, env->a, DB_SUS, SQL_SUS_STATE_SET_ACKED, p, 1,
	         NULL)) != APP_OK ||
	    (e = sus_audit(env, "sus_batch", batch_no, detail)) != APP_OK)
		goto fail;
	if ((e = db_commit(env->db)) != APP_OK)
		return e == APP_EDB && db_lock_conflict(env->db) ? APP_EUNAVAIL
		                                                 : e;
	*result = SUS_ACK_DONE;
	return APP_OK;
fail:
	db_rollback(env->db);
	return e == APP_EDB && db_lock_conflict(env->db) ? APP_EUNAVAIL : e;
}

enum sus_pick
sus_forbund_choose(const struct sus_forbund_pick *rows, size_t n,
    const char *name, long long *id)
{
	*id = 0;
	if (n == 0)
		return SUS_PICK_NONE;
	if (name == NULL) {
		if (n > 1)
			return SUS_PICK_SEVERAL;
		*id = rows[0].id;
		return SUS_PICK_OK;
	}
	/* Digits are an id, never a short name; a short name two förbund
	 * share names neither (a cron line must not export the other's). */
	size_t found = 0;
	for (size_t i = 0; i < n; i++) {
		char num[24];

		snprintf(num, sizeof(num), "%lld", rows[i].id);
		if (name[strspn(name, "0123456789")] == '\0'
		        ? strcmp(name, num) == 0
		        : str_eq_cstr(rows[i].short_name, name)) {
			if (found++ == 0)
				*id = rows[i].id;
		}
	}
	if (found > 1) {
		*id = 0;
		return SUS_PICK_SHARED;
	}
	return found == 1 ? SUS_PICK_OK : SUS_PICK_UNKNOWN;
}

enum app_err
sus_rate_check(struct db *db, struct arena *a, long long staff_id, int *allowed,
    long long *retry_after)
{
	struct db_param p[2];
	struct sus_rate_row rate;
	int found;
	enum app_err e;

	*allowed = 0;
	*retry_after = SUS_RATE_WINDOW_SECONDS;
	if ((e = db_begin(db)) != APP_OK)
		return e;
	/* The förbund's row locked first: the next check on this server
	 * waits here until this one has counted. */
	if ((e = db_load_one(db, a, DB_SUS, SQL_SUS_RATE_TOUCH, NULL, 0, &rate,
	         &found)) != APP_OK)
		goto fail;
	p[0] = DB_INT(SUS_RATE_WINDOW_SECONDS);
	if ((e = db_exec(db, a, DB_SUS, SQL_SUS_RATE_SWEEP, p, 1, NULL)) !=
	    APP_OK)
		goto fail;
	p[0] = DB_INT(SUS_RATE_WINDOW_SECONDS);
	p[1] = DB_INT(SUS_RATE_WINDOW_SECONDS);
	if ((e = db_load_one(db, a, DB_SUS, SQL_SUS_RATE_COUNT, p, 2, &rate,
	         &found)) != APP_OK)
		goto fail;
	if (rate.n >= SUS_RATE_MAX) {
		*retry_after = rate.retry_after;
	} else {
		p[0] = DB_INT(staff_id);
		if ((e = db_exec(db, a, DB_SUS, SQL_SUS_RATE_INSERT, p, 1,
		         NULL)) != APP_OK)
			goto fail;
	}
	if ((e = db_commit(db)) != APP_OK)
		goto fail;
	*allowed = rate.n < SUS_RATE_MAX;
	return APP_OK;
fail:
	db_rollback(db);
	*allowed = 0;
	return e;
}
