/* demo_quest.c: answered demo questionnaires; see include/demo_quest.h. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "conf.h"
#include "db.h"
#include "demo_quest.h"
#include "quest.h"
#include "quest_cli.h"
#include "sql_quest.h"

/* An item as the generator needs it (SQL_QUEST_DEMO_ITEMS). */
struct demo_quest_item {
	long long id;
	struct str kind;
	long long scale_min, scale_max;
	struct str background;
};

static const struct db_field demo_quest_item_fields[] = {
	DB_FIELD(demo_quest_item, id, "id", DB_F_INT),
	DB_FIELD(demo_quest_item, kind, "kind", DB_F_STR),
	DB_FIELD(demo_quest_item, scale_min, "scale_min", DB_F_INT),
	DB_FIELD(demo_quest_item, scale_max, "scale_max", DB_F_INT),
	DB_FIELD(demo_quest_item, background, "background", DB_F_STR),
};
const struct db_record demo_quest_item_record =
    DB_RECORD(demo_quest_item, demo_quest_item_fields);

/* A demo participation (SQL_QUEST_DEMO_PARTICIPATIONS). */
struct demo_quest_part {
	long long id;
	struct str status;
	long long insats_id, forbund_id;
	struct str gender;
	long long birth_year;
	struct str start_date, end_date;
};

static const struct db_field demo_quest_part_fields[] = {
	DB_FIELD(demo_quest_part, id, "id", DB_F_INT),
	DB_FIELD(demo_quest_part, status, "status", DB_F_STR),
	DB_FIELD(demo_quest_part, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(demo_quest_part, forbund_id, "forbund_id", DB_F_INT),
	DB_FIELD(demo_quest_part, gender, "gender", DB_F_STR),
	DB_FIELD(demo_quest_part, birth_year, "birth_year", DB_F_INT),
	DB_FIELD(demo_quest_part, start_date, "start_date", DB_F_STR),
	DB_FIELD(demo_quest_part, end_date, "end_date", DB_F_STR),
};
const struct db_record demo_quest_part_record =
    DB_RECORD(demo_quest_part, demo_quest_part_fields);

#define DQ_ITEMS 64
#define DQ_OPTS  16

struct dq_item {
	long long id;
	char kind[12], bg[16];
	int min, max, nopts;
	char opts[DQ_OPTS][33]; /* option values, by position - 1 */
};

struct dq_def {
	long long qid;
	int nitems;
	struct dq_item items[DQ_ITEMS];
};

static unsigned dq_state = 2463534242u;

static unsigned
dq_rand(void)
{
	/* xorshift32: deterministic demo data */
	dq_state ^= dq_state << 13;
	dq_state ^= dq_state >> 17;
	dq_state ^= dq_state << 5;
	return dq_state;
}

static int
dq_below(int n)
{
	return (int)(dq_rand() % (unsigned)n);
}

static int
dq_clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int
dq_load(struct db *db, struct arena *a, long long forbund, const char *code,
    struct dq_def *d)
{
	struct db_param p[2] = { DB_STR(str_cstr(code)), DB_INT(forbund) };
	struct demo_quest_item *items;
	struct quest_number qid;
	size_t nitems;
	int found = 0;

	memset(d, 0, sizeof(*d));
	if (db_load_one(db, a, DB_QUEST, SQL_QUEST_DEMO_QID, p, 2, &qid,
	        &found) != APP_OK ||
	    !found)
		return 0;
	d->qid = qid.n;
	p[0] = DB_INT(d->qid);
	if (db_load(db, a, DB_QUEST, SQL_QUEST_DEMO_ITEMS, p, 1,
	        (void **)&items, &nitems) != APP_OK)
		return 0;
	for (size_t i = 0; i < nitems && d->nitems < DQ_ITEMS; i++) {
		struct dq_item *it = &d->items[d->nitems++];
		struct str k = items[i].kind, b = items[i].background;
		struct quest_option_rec *opts;
		size_t nopts;

		it->id = items[i].id;
		snprintf(it->kind, sizeof(it->kind), "%.*s", (int)k.len, k.p);
		snprintf(it->bg, sizeof(it->bg), "%.*s", (int)b.len, b.p);
		it->min = (int)items[i].scale_min;
		it->max = (int)items[i].scale_max;
		if (quest_options(
		        db, a, it->id, STR_LIT("sv"), &opts, &nopts) != APP_OK)
			return 0;
		for (size_t o = 0; o < nopts && it->nopts < DQ_OPTS; o++) {
			struct str v = opts[o].value;
			snprintf(
			    it->opts[it->nopts++], 33, "%.*s", (int)v.len, v.p);
		}
	}
	return 1;
}

/* A förbund's definitions the demo answers (each förbund has its own,
 * sql/0075): the same files, so the same items and draws. */
struct dq_set {
	long long forbund;
	struct dq_def life, ongoing, end, hp, staff, rem, boss, board;
};

#define DQ_FORBUND 8
static struct dq_set dq_sets[DQ_FORBUND];
static size_t dq_nsets;

/* Förbund f's set, loaded at its first use; NULL when it has not the
 * shipped questionnaires (or too many förbund). */
static struct dq_set *
dq_set_of(struct db *db, struct arena *a, long long f)
{
	struct dq_set *s;

	for (size_t i = 0; i < dq_nsets; i++)
		if (dq_sets[i].forbund == f)
			return &dq_sets[i];
	if (dq_nsets == DQ_FORBUND)
		return NULL;
	s = &dq_sets[dq_nsets];
	s->forbund = f;
	if (!dq_load(db, a, f, "livskvalitet", &s->life) ||
	    !dq_load(db, a, f, "deltagare_pagaende", &s->ongoing) ||
	    !dq_load(db, a, f, "deltagare_avslut", &s->end) ||
	    !dq_load(db, a, f, "horisontella_principer", &s->hp) ||
	    !dq_load(db, a, f, "insatspersonal", &s->staff) ||
	    !dq_load(db, a, f, "remittent", &s->rem) ||
	    !dq_load(db, a, f, "chefer", &s->boss) ||
	    !dq_load(db, a, f, "styrelse", &s->board)) {
		fprintf(stderr,
		    "stegvis: demo: load the shipped questionnaires for "
		    "förbund %lld first\n",
		    f);
		return NULL;
	}
	dq_nsets++;
	return s;
}

static int
dq_answer(struct db *db, struct arena *a, long long rid, long long item,
    long long vint, const char *vtext)
{
	struct db_param p[7] = { DB_INT(rid), DB_INT(item),
		DB_INT(1) /* one row per item */, DB_INT(0) /* sitting */,
		vint >= 0 ? DB_INT(vint) : DB_NULL,
		vtext ? DB_STR(str_cstr(vtext)) : DB_NULL, DB_NULL };

	return db_exec(db, a, DB_QUEST, SQL_QUEST_ANSWER_INSERT, p, 7, NULL) ==
	    APP_OK;
}

/* The participant behind a demo response. */
struct dq_who {
	long long pid, insats;
	int woman, age;
	struct str date;
	const char *measurement; /* NULL: anonymous */
};

/* One response: level 0..100 is how well things go for the person (the
 * answers lean on it), sent on who->date. */
static int
dq_respond(struct db *db, struct arena *a, const struct dq_def *d,
    const struct dq_who *w, int level)
{
	struct db_param p[7];
	long long rid = quest_random_id();

	p[0] = DB_INT(rid);
	p[1] = DB_INT(d->qid);
	p[2] = w->measurement ? DB_INT(w->pid) : DB_NULL;
	p[3] = w->measurement ? DB_STR(str_cstr(w->measurement)) : DB_NULL;
	p[4] = w->insats > 0 ? DB_INT(w->insats) : DB_NULL;
	p[5] = DB_STR(STR_LIT("")); /* as before: no language recorded */
	p[6] = p[4];
	switch (
	    db_exec(db, a, DB_QUEST, SQL_QUEST_DEMO_RESP_INSERT, p, 7, NULL)) {
	case APP_OK: break;
	case APP_EDUP: return 1; /* measured already (--force) */
	default: return 0;
	}
	for (int i = 0; i < d->nitems; i++) {
		const struct dq_item *it = &d->items[i];

		if (strcmp(it->bg, "kon") == 0) {
			if (dq_below(20) == 0)
				continue; /* some do not say */
			if (!dq_answer(db, a, rid, it->id, w->woman ? 1 : 2,
			        w->woman ? "kvinna" : "man"))
				return 0;
			continue;
		}
		if (strcmp(it->bg, "aldersgrupp") == 0 && it->nopts >= 4) {
			int o = w->age < 30 ? 0
			    : w->age < 45   ? 1
			    : w->age <= 65  ? 2
			                    : 3;
			if (!dq_answer(db, a, rid, it->id, o + 1, it->opts[o]))
				return 0;
			continue;
		}
		if (dq_below(12) == 0)
			continue; /* skipped */
		if (strcmp(it->kind, "vas") == 0) {
			if (!dq_answer(db, a, rid, it->id,
			        dq_clamp(level + dq_below(21) - 10, 0, 100),
			        NULL))
				return 0;
		} else if (strcmp(it->kind, "skala") == 0) {
			int span = it->max - it->min;
			int v = it->min + (level * span + dq_below(100)) / 100;
			if (!dq_answer(db, a, rid, it->id,
			        dq_clamp(v + dq_below(3) - 1, it->min, it->max),
			        NULL))
				return 0;
		} else if (strcmp(it->kind, "enval") == 0 && it->nopts > 0) {
			int o = level > 50 ? 0 : dq_below(it->nopts);
			if (!dq_answer(db, a, rid, it->id, o + 1, it->opts[o]))
				return 0;
		} else if (strcmp(it->kind, "flerval") == 0 && it->nopts > 0) {
			int o = dq_below(it->nopts);
			if (!dq_answer(db, a, rid, it->id, o + 1, it->opts[o]))
				return 0;
		} else if (strcmp(it->kind, "fritext") == 0 &&
		    dq_below(4) == 0) {
			static const char *const notes[] = { "Bra bemötande.",
				"Mer tid med handledaren.",
				"Svårt med tiderna ibland.", "Tack!" };
			if (!dq_answer(
			        db, a, rid, it->id, -1, notes[dq_below(4)]))
				return 0;
		}
	}
	p[0] = DB_INT(rid);
	if (db_exec(db, a, DB_QUEST, SQL_QUEST_RESP_SUBMIT, p, 1, NULL) !=
	    APP_OK)
		return 0;
	p[0] = DB_STR(w->date);
	p[1] = DB_STR(w->date);
	p[2] = DB_INT(rid);
	return db_exec(db, a, DB_QUEST, SQL_QUEST_DEMO_BACKDATE, p, 3, NULL) ==
	    APP_OK;
}

int
demo_questionnaires(int argc, char **argv)
{
	struct dq_set *first, *set;
	const char *conf_path = NULL;
	struct demo_quest_part *parts;
	struct quest_number sent;
	size_t nparts;
	int found = 0;
	struct arena a, pa;
	struct conf c;
	struct db *db = NULL;
	int force = 0, rc = 1;
	long made = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			conf_path = argv[++i];
		else if (strcmp(argv[i], "--force") == 0)
			force = 1;
		else {
			fputs("usage: stegvis demo-questionnaires [-c CONF] "
			      "[--force]\n",
			    stderr);
			return 2;
		}
	}
	if (quest_cli_connect(conf_path, &c, &db) != 0) {
		conf_free(&c);
		return 1;
	}
	if (!arena_init(&a, 8u * 1024u * 1024u) ||
	    !arena_init(&pa, 64u * 1024u * 1024u)) {
		db_close(db);
		conf_free(&c);
		return 1;
	}
	if (db_load_one(db, &a, DB_QUEST, SQL_QUEST_DEMO_COUNT, NULL, 0, &sent,
	        &found) != APP_OK)
		goto out;
	if (!force && sent.n > 0) {
		printf("stegvis: demo questionnaires already there (%lld)\n",
		    sent.n);
		rc = 0;
		goto out;
	}
	/* The surveys without an insats are the first förbund's. */
	if (db_load_one(db, &a, DB_QUEST, SQL_QUEST_DEMO_FIRST_FORBUND, NULL, 0,
	        &sent, &found) != APP_OK ||
	    !found || (first = dq_set_of(db, &a, sent.n)) == NULL)
		goto out;
	if (db_load(db, &pa, DB_QUEST, SQL_QUEST_DEMO_PARTICIPATIONS, NULL, 0,
	        (void **)&parts, &nparts) != APP_OK)
		goto out;
	if (db_begin(db) != APP_OK)
		goto out;
	for (size_t i = 0; i < nparts; i++) {
		const struct demo_quest_part *pt = &parts[i];
		struct dq_who w = {
			.pid = pt->id,
			.insats = pt->insats_id,
			.woman = str_eq_cstr(pt->gender, "kvinna"),
			.age = 2025 - (int)pt->birth_year,
		};
		int ended = str_eq_cstr(pt->status, "avslutad");
		int level = 25 + dq_below(40);

		arena_reset(&a);
		if ((set = dq_set_of(db, &a, pt->forbund_id)) == NULL)
			goto fail;
		/* Start measurement for most; the end one for most of those
		 * who ended, usually better (the goal: 7 of 10). */
		if (dq_below(10) < 8) {
			w.measurement = "start";
			w.date = pt->start_date;
			if (!dq_respond(db, &a, &set->life, &w, level))
				goto fail;
			made++;
			if (ended && dq_below(10) < 8) {
				int better = dq_below(10) < 7;
				w.measurement = "slut";
				w.date = pt->end_date;
				if (!dq_respond(db, &a, &set->life, &w,
				        dq_clamp(level +
				                (better ? 15 + dq_below(25)
				                        : -dq_below(15)),
				            0, 100)))
					goto fail;
				made++;
			}
		}
		w.measurement = NULL;
		if (ended && dq_below(10) < 6) {
			w.date = pt->end_date;
			if (!dq_respond(db, &a, &set->end, &w, level + 20))
				goto fail;
			made++;
		}
		if (!ended && dq_below(10) < 5) {
			w.date = pt->start_date;
			if (!dq_respond(db, &a, &set->ongoing, &w, level + 10))
				goto fail;
			made++;
		}
		if (dq_below(10) < 3) {
			w.date = ended ? pt->end_date : pt->start_date;
			if (!dq_respond(db, &a, &set->hp, &w, level + 30))
				goto fail;
			made++;
		}
		if (made % 500 == 0 &&
		    (db_commit(db) != APP_OK || db_begin(db) != APP_OK))
			goto out;
	}
	for (int i = 0; i < 24; i++) {
		struct dq_who w = { .woman = i % 3 != 0,
			.age = 30 + i,
			.date = STR_LIT("2024-11-15") };
		arena_reset(&a);
		if (!dq_respond(db, &a, i % 2 ? &first->staff : &first->rem, &w,
		        40 + dq_below(50)))
			goto fail;
		made++;
	}
	/* Managers in the collaboration and the board, after the others so
	 * their draws stay the same. */
	for (int i = 0; i < 16; i++) {
		struct dq_who w = { .woman = i % 2 == 0,
			.age = 45 + i,
			.date = STR_LIT("2024-11-20") };
		arena_reset(&a);
		if (!dq_respond(db, &a, i < 10 ? &first->boss : &first->board,
		        &w, 50 + dq_below(40)))
			goto fail;
		made++;
	}
	if (db_commit(db) != APP_OK)
		goto out;
	printf("stegvis: %ld demo questionnaire responses generated\n", made);
	rc = 0;
	goto out;
fail:
	db_rollback(db);
	fputs("stegvis: demo questionnaires failed\n", stderr);
out:
	arena_free(&a);
	arena_free(&pa);
	db_close(db);
	conf_free(&c);
	return rc;
}
