/* gallring_cli.c: `stegvis gallring`; see include/gallring_cli.h. The
 * run itself, and its counting, is gallring_run.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "conf.h"
#include "db.h"
#include "gallring.h"
#include "gallring_cli.h"
#include "gallring_run.h"
#include "sql_gallring.h"
#include "sql_once.h"
#include "quest_cli.h"

#define GR_ARENA (8u * 1024u * 1024u)

static int
usage(void)
{
	fputs("usage: stegvis gallring [-c CONF] [--dry-run]\n", stderr);
	return 2;
}

/* What one förbund's run did, a line per rule. */
static void
print_tally(const struct gallring_forbund *f, const struct gallring_plan *plan,
    const struct gallring_tally *t, int dry)
{
	const char *did = dry ? "skulle gallras" : "gallrade";

	for (int i = 0; i < GR__MAX; i++)
		printf("gallring %s: %lld %s (%ld dagar), förbund %lld %.*s\n",
		    gallring_def((enum gallring_code)i)->code, t->n[i], did,
		    plan->keep[i], f->id, (int)f->short_name.len,
		    f->short_name.p);
	if (!plan->installation)
		return;
	/* The rows of no förbund, by this förbund's rules. */
	for (int i = 0; i < GR__MAX; i++)
		if (i == GR_INLOGGNING || i == GR_ATKOMSTLOGG)
			printf("gallring %s: %lld %s (%ld dagar), utan förbund "
			       "(förbund %lld:s regel)\n",
			    gallring_def((enum gallring_code)i)->code,
			    t->none[i], did, plan->keep[i], f->id);
	if (!dry)
		printf("gallring: %lld formulärnycklar äldre än %d dagar "
		       "borttagna\n",
		    t->once_keys, ONCE_KEEP_DAYS);
}

int
gallring_cli(int argc, char **argv, const char *crash_after)
{
	const char *conf_path = NULL;
	struct gallring_forbund *f;
	long long crash = 0, done = 0, skipped = 0;
	struct db *db = NULL;
	struct arena a;
	struct conf c;
	size_t nf, mark;
	int dry = 0, rc = 1, refused = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			conf_path = argv[++i];
		else if (strcmp(argv[i], "--dry-run") == 0)
			dry = 1;
		else
			return usage();
	}
	if (crash_after != NULL)
		crash = strtoll(crash_after, NULL, 10);
	if (quest_cli_connect(conf_path, &c, &db) != 0) {
		conf_free(&c);
		return 1;
	}
	if (!arena_init(&a, GR_ARENA)) {
		fputs("stegvis: out of memory\n", stderr);
		goto out;
	}
	if (gallring_forbunds(db, &a, &f, &nf) != APP_OK) {
		fputs(
		    "stegvis: gallring: förbunden kunde inte läsas\n", stderr);
		goto out_arena;
	}
	mark = arena_mark(&a); /* the list outlives each förbund's run */
	/* Each förbund by its own rules. One whose rules are missing or
	 * refused is left alone (said, and the exit status says so); the
	 * others still run. */
	for (size_t i = 0; i < nf; i++) {
		struct gallring_plan plan;
		struct gallring_tally t = { 0 };
		char msg[400];
		enum app_err e;

		arena_rewind(&a, mark);
		db_forbund_set(db, f[i].id);
		if (gallring_plan_load(db, &a, &plan, msg, sizeof(msg)) !=
		    APP_OK) {
			fprintf(stderr,
			    "stegvis: gallring: förbund %lld %.*s: %s\n",
			    f[i].id, (int)f[i].short_name.len,
			    f[i].short_name.p, msg);
			refused = 1;
			continue;
		}
		e = dry ? gallring_count(db, &a, &plan, 1, &t)
		        : gallring_apply(db, &a, &plan, c.sus_export_dir,
		              crash > 0 ? crash - done : 0, &t);
		if (e != APP_OK) {
			fprintf(stderr, "stegvis: förbund %lld: %s\n", f[i].id,
			    t.err);
			goto out_arena;
		}
		done += t.committed;
		skipped += t.skipped;
		print_tally(&f[i], &plan, &t, dry);
	}
	if (skipped > 0)
		printf("gallring: %lld poster var låsta och väntar till nästa "
		       "körning\n",
		    skipped);
	rc = refused;
out_arena:
	arena_free(&a);
out:
	db_close(db);
	conf_free(&c);
	return rc;
}
