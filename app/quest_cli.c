/* quest_cli.c: `stegvis questionnaire-import`; see include/quest_cli.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cli_forbund.h"
#include "conf.h"
#include "db.h"
#include "quest.h"
#include "quest_cli.h"
#include "quest_xml.h"

#define CLI_ARENA (64u * 1024u * 1024u)

int
quest_cli_connect(const char *conf_path, struct conf *c, struct db **db)
{
	char err[512];

	conf_defaults(c);
	if (conf_path != NULL &&
	    conf_load(c, conf_path, err, sizeof(err)) != APP_OK) {
		fprintf(stderr, "stegvis: %s\n", err);
		return 1;
	}
	if ((*db = db_open(c, err, sizeof(err))) == NULL) {
		fprintf(stderr, "stegvis: %s\n", err);
		return 1;
	}
	if (db_connect(*db, err, sizeof(err)) != APP_OK) {
		fprintf(stderr, "stegvis: database: %s\n", err);
		db_close(*db);
		*db = NULL;
		return 1;
	}
	return 0;
}

/* The whole file into the arena, at most QUEST_MAX_XML + 1 bytes (so a
 * larger one is reported as too large by the parser). */
static int
cli_read(struct arena *a, const char *path, struct str *out)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;

	if (f == NULL) {
		fprintf(stderr, "stegvis: %s: %s\n", path, strerror(errno));
		return 0;
	}
	if ((buf = arena_alloc(a, QUEST_MAX_XML + 1)) == NULL) {
		fclose(f);
		return 0;
	}
	n = fread(buf, 1, QUEST_MAX_XML + 1, f);
	if (ferror(f)) {
		fprintf(stderr, "stegvis: %s: read error\n", path);
		fclose(f);
		return 0;
	}
	fclose(f);
	*out = (struct str){ buf, n };
	return 1;
}

int
quest_cli_import(int argc, char **argv)
{
	const char *conf_path = NULL, *schema_path = NULL, *forbund = NULL;
	char schema_buf[1024], err[1024];
	struct quest_schema *schema = NULL;
	struct arena a;
	struct conf c;
	struct db *db = NULL;
	int first = 0, rc = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			conf_path = argv[++i];
		else if (strcmp(argv[i], "--schema") == 0 && i + 1 < argc)
			schema_path = argv[++i];
		else if (strcmp(argv[i], "--forbund") == 0 && i + 1 < argc)
			forbund = argv[++i];
		else if (argv[i][0] == '-') {
			fprintf(
			    stderr, "stegvis: unknown option %s\n", argv[i]);
			return 2;
		} else {
			first = i;
			break;
		}
	}
	if (first == 0) {
		fputs("usage: stegvis questionnaire-import [-c CONF] "
		      "[--forbund ID|SHORT] [--schema XSD] FILE...\n",
		    stderr);
		return 2;
	}
	if (quest_cli_connect(conf_path, &c, &db) != 0) {
		conf_free(&c);
		return 1;
	}
	if (schema_path == NULL) {
		if (!quest_schema_path(
		        c.views, schema_buf, sizeof(schema_buf))) {
			fputs("stegvis: views path too long\n", stderr);
			rc = 1;
			goto out;
		}
		schema_path = schema_buf;
	}
	if (quest_schema_load(schema_path, &schema, err, sizeof(err)) !=
	    APP_OK) {
		fprintf(stderr, "stegvis: %s\n", err);
		rc = 1;
		goto out;
	}
	if (!arena_init(&a, CLI_ARENA)) {
		rc = 1;
		goto out;
	}
	if (cli_forbund_set(db, &a, forbund, ", med var sina enkäter") != 0) {
		rc = 1;
		goto out_arena;
	}
	for (int i = first; i < argc; i++) {
		struct quest_def d;
		struct str xml;
		enum quest_store_result res;
		long long id = 0;
		enum app_err e;

		arena_reset(&a);
		if (!cli_read(&a, argv[i], &xml)) {
			rc = 1;
			continue;
		}
		if (quest_parse(&a, xml, schema, &d, err, sizeof(err)) !=
		    APP_OK) {
			fprintf(stderr, "stegvis: %s: %s\n", argv[i], err);
			rc = 1;
			continue;
		}
		e = quest_store(db, &a, &d, xml, STR_LIT("cli"), &id, &res, err,
		    sizeof(err));
		if (e != APP_OK) {
			fprintf(stderr, "stegvis: %s: %s\n", argv[i],
			    err[0] ? err : app_strerror(e));
			rc = 1;
			continue;
		}
		printf("stegvis: %s: %s version %ld %s\n", argv[i], d.code,
		    d.version,
		    res == QUEST_STORED ? "loaded" : "already loaded");
	}
out_arena:
	arena_free(&a);
out:
	quest_schema_free(schema);
	db_close(db);
	conf_free(&c);
	return rc;
}
