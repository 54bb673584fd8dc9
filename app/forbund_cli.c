/* forbund_cli.c: `stegvis forbund-add` and `forbund-set`; see
 * include/forbund_cli.h. */
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

/* A command's connection and the request the domain functions take. */
struct cli_env {
	struct arena a;
	struct conf c;
	struct db *db;
	struct req r;
};

/* Open env for the command named request_id; 0 after saying why. The
 * caller closes it with cli_env_close() either way. */
static int
cli_env_open(struct cli_env *env, const char *conf_path, const char *request_id)
{
	memset(env, 0, sizeof(*env));
	if (!arena_init(&env->a, REQ_ARENA_SIZE)) {
		fputs("stegvis: out of memory\n", stderr);
		return 0;
	}
	if (quest_cli_connect(conf_path, &env->c, &env->db) != 0)
		return 0;
	env->r.a = &env->a;
	env->r.db = env->db;
	env->r.conf = &env->c;
	env->r.remote_addr = STR_LIT("local");
	env->r.request_id = str_cstr(request_id);
	return 1;
}

static void
cli_env_close(struct cli_env *env)
{
	db_close(env->db);
	conf_free(&env->c);
	arena_free(&env->a);
}

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
	struct cli_env env;
	struct req *r = &env.r;
	int rc = 1;
	enum app_err e;

	if (!forbund_cli_args(argc, argv, &f, &conf_path))
		return usage();
	if ((problem = forbund_new_problem(&f)) != NULL) {
		fprintf(stderr, "stegvis: forbund-add: %s\n", problem);
		return 1;
	}
	if (sodium_init() < 0) {
		fputs("stegvis: libsodium did not start\n", stderr);
		return 1;
	}
	if (!cli_env_open(&env, conf_path, "forbund-add"))
		goto out;
	if ((pw = auth_temp_password(r)).p == NULL ||
	    auth_hash(r, pw, &hash) != APP_OK) {
		fputs("stegvis: out of memory\n", stderr);
		goto out;
	}
	e = forbund_create(r, &f, hash, &forbund_id, &staff_id);
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
		    "(stegvis forbund-set --forbund ID --host HOST); "
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
	cli_env_close(&env);
	return rc;
}

static int
set_usage(void)
{
	fputs("usage: stegvis forbund-set [-c CONF] --forbund ID|SHORT "
	      "[--name NAME] [--short SHORT]\n"
	      "                           [--host HOST | --no-host] "
	      "[--active 0|1]\n",
	    stderr);
	return 2;
}

/* forbund-set's options into s, *which and *conf_path; 0 on a usage
 * error (an option twice, --host with --no-host, nothing to change). */
static int
forbund_cli_set_args(int argc, char **argv, struct forbund_set *s,
    const char **which, const char **conf_path)
{
	int changes = 0;

	memset(s, 0, sizeof(*s));
	s->active = -1;
	*which = NULL;
	for (int i = 1; i < argc; i++) {
		const char *o = argv[i];
		struct str *field = NULL;

		if (strcmp(o, "--no-host") == 0) {
			if (s->public_host.p != NULL)
				return 0;
			s->public_host = STR_LIT("");
			changes++;
			continue;
		}
		if (i + 1 >= argc)
			return 0;
		if (strcmp(o, "-c") == 0) {
			*conf_path = argv[++i];
			continue;
		}
		if (strcmp(o, "--forbund") == 0) {
			if (*which != NULL)
				return 0;
			*which = argv[++i];
			continue;
		}
		if (strcmp(o, "--active") == 0) {
			if (s->active != -1)
				return 0;
			if (strcmp(argv[i + 1], "0") == 0)
				s->active = 0;
			else if (strcmp(argv[i + 1], "1") == 0)
				s->active = 1;
			else
				return 0;
			i++;
			changes++;
			continue;
		}
		if (strcmp(o, "--name") == 0)
			field = &s->name;
		else if (strcmp(o, "--short") == 0)
			field = &s->short_name;
		else if (strcmp(o, "--host") == 0)
			field = &s->public_host;
		/* --host "" is not --no-host: a host name to remove is said so */
		if (field == NULL || field->p != NULL ||
		    (field == &s->public_host && argv[i + 1][0] == '\0'))
			return 0;
		*field = str_cstr(argv[++i]);
		changes++;
	}
	return *which != NULL && (*which)[0] != '\0' && changes > 0;
}

/* "name: OLD -> NEW" for a field that changed. */
static void
print_change(const char *what, struct str was, struct str now)
{
	if (str_eq(was, now))
		return;
	printf("  %s: %.*s -> %.*s\n", what, was.len ? (int)was.len : 6,
	    was.len ? was.p : "(none)", now.len ? (int)now.len : 6,
	    now.len ? now.p : "(none)");
}

int
forbund_cli_set(int argc, char **argv)
{
	const char *conf_path = NULL, *which, *problem;
	struct forbund_brief before, after;
	enum forbund_set_refusal refusal;
	enum forbund_set_result res;
	struct forbund_set s;
	struct cli_env env;
	int rc = 1;
	enum app_err e;

	if (!forbund_cli_set_args(argc, argv, &s, &which, &conf_path))
		return set_usage();
	if ((problem = forbund_set_problem(&s)) != NULL) {
		fprintf(stderr, "stegvis: forbund-set: %s\n", problem);
		return 1;
	}
	if (!cli_env_open(&env, conf_path, "forbund-set"))
		goto out;
	e = forbund_set_run(&env.r, which, &s, &res, &refusal, &before, &after);
	if (e == APP_EDUP) {
		fputs("stegvis: forbund-set: another förbund has that name or "
		      "host name; nothing was changed\n",
		    stderr);
		goto out;
	}
	if (e != APP_OK) {
		fprintf(stderr,
		    "stegvis: forbund-set: the database refused (%s); nothing "
		    "was changed\n",
		    app_strerror(e));
		goto out;
	}
	switch (res) {
	case FORBUND_SET_UNKNOWN:
		fprintf(stderr,
		    "stegvis: forbund-set: no förbund has the id or short name "
		    "%s; nothing was changed\n",
		    which);
		break;
	case FORBUND_SET_AMBIGUOUS:
		fprintf(stderr,
		    "stegvis: forbund-set: several förbund have the short name "
		    "%s: name it by its id; nothing was changed\n",
		    which);
		break;
	case FORBUND_SET_REFUSED:
		if (refusal == FORBUND_SET_LAST_ACTIVE)
			fputs("stegvis: forbund-set: it is the installation's "
			      "last active förbund: switch another on first; "
			      "nothing was changed\n",
			    stderr);
		else
			fputs("stegvis: forbund-set: another active förbund "
			      "has no host name (it is the installation's "
			      "default address): give this one --host, or the "
			      "other its host name first; nothing was "
			      "changed\n",
			    stderr);
		break;
	case FORBUND_SET_UNCHANGED:
		printf("förbund %lld (%.*s): nothing to change\n", before.id,
		    (int)before.short_name.len, before.short_name.p);
		rc = 0;
		break;
	case FORBUND_SET_DONE:
		printf("förbund %lld changed:\n", after.id);
		print_change("name", before.name, after.name);
		print_change("short name", before.short_name, after.short_name);
		print_change(
		    "host name", before.public_host, after.public_host);
		if (before.active != after.active)
			printf("  active: %d -> %d\n", before.active,
			    after.active);
		if (before.active && !after.active)
			puts("Its accounts are locked at their next request; "
			     "its public page and its SUS export stop.");
		rc = 0;
		break;
	}
out:
	cli_env_close(&env);
	return rc;
}

static int
mark_usage(void)
{
	fputs("usage: stegvis installation-admin [-c CONF] --user USERNAME "
	      "[--off]\n",
	    stderr);
	return 2;
}

int
forbund_cli_installation_admin(int argc, char **argv)
{
	const char *conf_path = NULL, *user = NULL;
	enum forbund_ia_result res;
	struct cli_env env;
	int on = 1, rc = 1;
	enum app_err e;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			conf_path = argv[++i];
		else if (strcmp(argv[i], "--user") == 0 && i + 1 < argc &&
		    user == NULL)
			user = argv[++i];
		else if (strcmp(argv[i], "--off") == 0 && on)
			on = 0;
		else
			return mark_usage();
	}
	if (user == NULL || user[0] == '\0')
		return mark_usage();
	if (!cli_env_open(&env, conf_path, "installation-admin"))
		goto out;
	if ((e = forbund_installation_admin_set(
	         &env.r, str_cstr(user), on, &res)) != APP_OK) {
		fprintf(stderr,
		    "stegvis: installation-admin: the database refused (%s); "
		    "nothing was changed\n",
		    app_strerror(e));
		goto out;
	}
	switch (res) {
	case FORBUND_IA_DONE:
		printf(on
		        ? "%s now manages the installation's settings (the "
		          "code lists)\n"
		        : "%s no longer manages the installation's settings\n",
		    user);
		rc = 0;
		break;
	case FORBUND_IA_UNCHANGED:
		printf(on ? "%s already manages the installation's settings\n"
		          : "%s does not manage the installation's settings\n",
		    user);
		rc = 0;
		break;
	case FORBUND_IA_UNKNOWN:
		fprintf(stderr,
		    "stegvis: installation-admin: no %saccount is named %s; "
		    "nothing was changed\n",
		    on ? "active " : "", user);
		break;
	case FORBUND_IA_NOT_ADMIN:
		fprintf(stderr,
		    "stegvis: installation-admin: %s has not the admin role: "
		    "its förbund's admin gives it first; nothing was changed\n",
		    user);
		break;
	case FORBUND_IA_LAST:
		fprintf(stderr,
		    "stegvis: installation-admin: %s is the last account that "
		    "manages the installation's settings: name another "
		    "first; nothing was changed\n",
		    user);
		break;
	}
out:
	cli_env_close(&env);
	return rc;
}
