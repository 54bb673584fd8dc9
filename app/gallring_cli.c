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
#include "sql_once.h"
#include "quest_cli.h"

#define GR_ARENA (8u * 1024u * 1024u)

static int
usage(void)
{
	fputs("usage: stegvis gallring [-c CONF] [--dry-run]\n", stderr);
	return 2;
}

int
gallring_cli(int argc, char **argv, const char *crash_after)
{
	const char *conf_path = NULL;
	struct gallring_plan plan;
	struct gallring_tally t = { 0 };
	long long crash = 0;
	struct db *db = NULL;
	struct arena a;
	struct conf c;
	char msg[400];
	int dry = 0, rc = 1;
	enum app_err e;

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
	if (gallring_plan_load(db, &a, &plan, msg, sizeof(msg)) != APP_OK) {
		fprintf(stderr, "stegvis: gallring: %s\n", msg);
		goto out_arena;
	}
	e = dry ? gallring_count(db, &a, &plan, 1, &t)
	        : gallring_apply(db, &a, &plan, c.sus_export_dir, crash, &t);
	if (e != APP_OK) {
		fprintf(stderr, "stegvis: %s\n", t.err);
		goto out_arena;
	}
	for (int i = 0; i < GR__MAX; i++) {
		const struct gallring_def *d =
		    gallring_def((enum gallring_code)i);

		printf("gallring %s: %lld %s (%ld dagar)\n", d->code, t.n[i],
		    dry ? "skulle gallras" : "gallrade", plan.keep[i]);
	}
	if (!dry)
		printf("gallring: %lld formulärnycklar äldre än %d dagar "
		       "borttagna\n",
		    t.once_keys, ONCE_KEEP_DAYS);
	if (t.skipped > 0)
		printf("gallring: %lld poster var låsta och väntar till nästa "
		       "körning\n",
		    t.skipped);
	rc = 0;
out_arena:
	arena_free(&a);
out:
	db_close(db);
	conf_free(&c);
	return rc;
}
