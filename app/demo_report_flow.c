/* demo_report_flow.c: the demo's step-by-step paths; see
 * include/demo_report_flow.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_report_flow.h"

/* One participation, as loaded. */
struct dp {
	long long id, referral, person;
	int insats, woman, alone, ended, used;
	long start, end; /* TO_DAYS */
};

/* A path from one insats to another: of the later insats's participations,
 * share % are linked to an earlier one that ended at most gap days before
 * they started (when there is one). At most `most` links. */
struct dspec {
	const char *from, *to; /* slugs */
	int share, gap, most;
};

/* In time order, so that paths chain (Hälsa för Alla, Trampolinen, then
 * Friska Vindar 2.0, then on). */
static const struct dspec specs[] = {
	{ "halsa-for-alla", "trampolinen-trollhattan", 40, 120, 40 },
	{ "halsa-for-alla", "friska-vindar-2-0", 12, 900, 40 },
	{ "trampolinen-trollhattan", "friska-vindar-2-0", 8, 900, 30 },
	{ "trampolinen-lilla-edet", "friska-vindar-2-0", 6, 900, 30 },
	{ "friska-vindar-2-0", "arbetsformagebedomning-lilla-edet", 45, 365,
	    40 },
	{ "friska-vindar-2-0", "case-manager-grastorp", 60, 720, 20 },
	{ "arbetsformagebedomning-lilla-edet", "friska-vindar-2-0", 8, 365,
	    20 },
};

static unsigned flow_state = 0x2545f491u;

static int
flow_below(int bound)
{
	flow_state ^= flow_state << 13;
	flow_state ^= flow_state >> 17;
	flow_state ^= flow_state << 5;
	return (int)(flow_state % (unsigned)bound);
}

static int
run(MYSQL *my, const char *sql)
{
	if (mysql_real_query(my, sql, strlen(sql)) != 0) {
		fprintf(stderr, "stegvis: demo: %s\n", mysql_error(my));
		return 0;
	}
	return 1;
}

/* The insats id of a slug, 0 when there is none. */
static int
insats_of(MYSQL *my, const char *slug)
{
	char q[256];
	MYSQL_RES *res;
	MYSQL_ROW row;
	int id = 0;

	(void)snprintf(
	    q, sizeof(q), "SELECT id FROM insats WHERE slug = '%s'", slug);
	if (!run(my, q) || (res = mysql_store_result(my)) == NULL)
		return 0;
	if ((row = mysql_fetch_row(res)) != NULL)
		id = atoi(row[0]);
	mysql_free_result(res);
	return id;
}

static struct dp *
load(MYSQL *my, size_t *n)
{
	static const char q[] =
	    "SELECT p.id, p.referral_id, p.person_id, p.insats_id, "
	    "pe.gender = 'kvinna', (SELECT COUNT(*) FROM participation x "
	    "WHERE x.person_id = p.person_id) = 1, p.status = 'avslutad', "
	    "TO_DAYS(p.start_date), IFNULL(TO_DAYS(p.end_date), 0) "
	    "FROM participation p JOIN participation_person pe "
	    "ON pe.participation_id = p.id "
	    "WHERE p.status <> 'felregistrerad' ORDER BY p.id";
	MYSQL_RES *res;
	MYSQL_ROW row;
	struct dp *v;
	size_t k = 0;

	if (!run(my, q) || (res = mysql_store_result(my)) == NULL)
		return NULL;
	*n = (size_t)mysql_num_rows(res);
	if ((v = calloc(*n ? *n : 1, sizeof(*v))) == NULL) {
		mysql_free_result(res);
		return NULL;
	}
	while ((row = mysql_fetch_row(res)) != NULL && k < *n) {
		struct dp *d = &v[k++];
		d->id = atoll(row[0]);
		d->referral = atoll(row[1]);
		d->person = atoll(row[2]);
		d->insats = atoi(row[3]);
		d->woman = atoi(row[4]);
		d->alone = atoi(row[5]);
		d->ended = atoi(row[6]);
		d->start = atol(row[7]);
		d->end = atol(row[8]);
	}
	mysql_free_result(res);
	*n = k;
	return v;
}

/* Participation b becomes person a's, with a's names. */
static int
link(MYSQL *my, const struct dp *a, const struct dp *b)
{
	char q[512];

	(void)snprintf(q, sizeof(q),
	    "UPDATE participation SET person_id = %lld WHERE id = %lld",
	    a->person, b->id);
	if (!run(my, q))
		return 0;
	(void)snprintf(q, sizeof(q),
	    "UPDATE referral SET person_id = %lld WHERE id = %lld", a->person,
	    b->referral);
	if (!run(my, q))
		return 0;
	(void)snprintf(q, sizeof(q),
	    "UPDATE referral_person rp JOIN participation_person pa "
	    "ON pa.participation_id = %lld SET rp.first_name = pa.first_name, "
	    "rp.last_name = pa.last_name WHERE rp.referral_id = %lld",
	    a->id, b->referral);
	if (!run(my, q))
		return 0;
	(void)snprintf(q, sizeof(q),
	    "UPDATE participation_person pb JOIN participation_person pa "
	    "ON pa.participation_id = %lld SET pb.first_name = pa.first_name, "
	    "pb.last_name = pa.last_name WHERE pb.participation_id = %lld",
	    a->id, b->id);
	if (!run(my, q))
		return 0;
	(void)snprintf(q, sizeof(q),
	    "DELETE FROM person WHERE id = %lld AND NOT EXISTS (SELECT 1 "
	    "FROM referral r WHERE r.person_id = %lld)",
	    b->person, b->person);
	return run(my, q);
}

int
demo_report_flow(MYSQL *my)
{
	struct dp *v;
	size_t n = 0, links = 0;
	int ok = 1;

	if ((v = load(my, &n)) == NULL)
		return 0;
	for (size_t s = 0; ok && s < sizeof(specs) / sizeof(specs[0]); s++) {
		int from = insats_of(my, specs[s].from);
		int to = insats_of(my, specs[s].to);
		int made = 0;

		for (size_t j = 0; ok && from && to && j < n; j++) {
			struct dp *b = &v[j], *a = NULL;

			if (made >= specs[s].most || b->insats != to ||
			    !b->alone || flow_below(100) >= specs[s].share)
				continue;
			for (size_t i = 0; i < n && a == NULL; i++)
				if (v[i].insats == from && v[i].ended &&
				    !v[i].used && v[i].woman == b->woman &&
				    v[i].end <= b->start &&
				    v[i].end >= b->start - specs[s].gap)
					a = &v[i];
			if (a == NULL)
				continue;
			ok = link(my, a, b);
			a->used = 1;
			a->alone = b->alone = 0;
			b->person = a->person;
			made++;
			links++;
		}
	}
	free(v);
	if (ok)
		printf("stegvis: %zu demo paths between insatser\n", links);
	return ok;
}
