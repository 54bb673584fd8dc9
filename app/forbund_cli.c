/* forbund_cli.c: `stegvis forbund-add`; see include/forbund_cli.h. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "app_limits.h"
#include "arena.h"
#include "auth.h"
#include "conf.h"
#include "db.h"
#include "forbund.h"
#include "forbund_cli.h"
#include "quest_cli.h"
#include "req.h"

static int
usage(void)
{
	fputs("usage: stegvis forbund-add [-c CONF] --name NAME --short SHORT "
	      "[--host HOST]\n"
	      "                           --admin USERNAME --admin-name "
	      "\"FULL NAME\"\n",
	    stderr);
	return 2;
}

/* The options into f and *conf_path; 0 on a usage error. */
static int
forbund_cli_args(
    int argc, char **argv, struct forbund_new *f, const char **conf_path)
{
	static const struct {
		const char *flag;
		size_t offset;
	} opts[] = {
		{ "--name", offsetof(struct forbund_new, name) },
		{ "--short", offsetof(struct forbund_new, short_name) },
		{ "--host", offsetof(struct forbund_new, public_host) },
		{ "--admin", offsetof(struct forbund_new, admin_username) },
		{ "--admin-name", offsetof(struct forbund_new, admin_name) },
	};
	int seen = 0;

	memset(f, 0, sizeof(*f));
	f->public_host = STR_LIT("");
	for (int i = 1; i < argc; i++) {
		size_t k;

		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
			*conf_path = argv[++i];
			continue;
		}
		for (k = 0; k < sizeof(opts) / sizeof(*opts); k++)
			if (strcmp(argv[i], opts[k].flag) == 0)
				break;
		if (k == sizeof(opts) / sizeof(*opts) || i + 1 >= argc ||
		    (seen & (1 << k)))
			return 0;
		seen |= 1 << k;
		*(struct str *)((char *)f + opts[k].offset) =
		    str_cstr(argv[++i]);
	}
	/* Every option but --host is required. */
	return (seen | (1 << 2)) == (1 << 5) - 1;
}

int
forbund_cli_add(int argc, char **argv)
{
	const char *conf_path = NULL, *problem;
	struct forbund_new f;
	long long forbund_id, staff_id;
	struct str pw, hash;
	struct db *db = NULL;
	struct arena a;
	struct conf c;
	struct req r;
	int rc = 1;
	enum app_err e;

	if (!forbund_cli_args(argc, argv, &f, &conf_path))
		return usage();
	if ((problem = forbund_new_problem(&f)) != NULL) {
		fprintf(stderr, "stegvis: forbund-add: %s\n", problem);
		return 1;
	}
	if (sodium_init() < 0 || !arena_init(&a, REQ_ARENA_SIZE)) {
		fputs("stegvis: out of memory\n", stderr);
		return 1;
	}
	if (quest_cli_connect(conf_path, &c, &db) != 0)
		goto out;
	memset(&r, 0, sizeof(r));
	r.a = &a;
	r.db = db;
	r.conf = &c;
	r.remote_addr = STR_LIT("local");
	r.request_id = STR_LIT("forbund-add");
	if ((pw = auth_temp_password(&r)).p == NULL ||
	    auth_hash(&r, pw, &hash) != APP_OK) {
		fputs("stegvis: out of memory\n", stderr);
		goto out;
	}
	e = forbund_create(&r, &f, hash, &forbund_id, &staff_id);
	if (e == APP_EDUP)
		fputs("stegvis: forbund-add: a förbund of that name or host "
		      "name exists, or the account name is taken; nothing was "
		      "created\n",
		    stderr);
	else if (e == APP_EINPUT)
		fputs(
		    "stegvis: forbund-add: another active förbund has no host "
		    "name (it is the installation's default address): give "
		    "this one --host, or the other its host name first "
		    "(UPDATE forbund SET public_host = '…' WHERE id = …); "
		    "nothing was created\n",
		    stderr);
	else if (e != APP_OK)
		fprintf(stderr,
		    "stegvis: forbund-add: the database refused (%s); nothing "
		    "was created\n",
		    app_strerror(e));
	else {
		printf("förbund %lld created: %.*s\n", forbund_id,
		    (int)f.name.len, f.name.p);
		printf("admin %.*s (account %lld), temporary password: %.*s\n",
		    (int)f.admin_username.len, f.admin_username.p, staff_id,
		    (int)pw.len, pw.p);
		puts(
		    "The password is shown only now; it must be changed at the "
		    "first login.");
		rc = 0;
	}
out:
	db_close(db);
	conf_free(&c);
	arena_free(&a);
	return rc;
}
