/* test_backup.c: unit tests for the rules of backup and restore
 * (app/backup.c): file names, which backups to prune, the retention capped
 * by gallring, key files and the plaintext's framing. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>

#include "backup.h"
#include "gallring.h"
#include "conf.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

/* 2026-12-06 02:15:00 UTC */
#define T0 ((time_t)1796523300)

static void
names(void **state)
{
	char buf[BACKUP_NAME_LEN + 1];
	time_t t;

	(void)state;
	assert_int_equal(backup_name(T0, buf, sizeof(buf)), 1);
	assert_string_equal(buf, "stegvis-20261206T021500Z.sql.age");
	assert_int_equal(backup_name(T0, buf, sizeof(buf) - 1), 0);
	assert_int_equal(backup_name_time(buf, &t), 1);
	assert_true(t == T0);
	/* Look-alikes are not backups, and so never pruned. */
	static const char *const bad[] = {
		"stegvis-20261206T021500Z.sql.age.tmp",
		".stegvis-20261206T021500Z.sql.age",
		"stegvis-20261206T021500Z.sql",
		"stegvis-20261206 021500Z.sql.age",
		"stegvis-20261306T021500Z.sql.age", /* month 13 */
		"stegvis-20260230T021500Z.sql.age", /* 30 February */
		"stegvis-2026120xT021500Z.sql.age",
		"stegvis-20261206T021500X.sql.age",
		"Stegvis-20261206T021500Z.sql.age",
		"notes.txt",
		"",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(backup_name_time(bad[i], &t), 0);
}

/* Pruning removes exactly the backups older than the retention. */
static void
prune(void **state)
{
	const time_t day = BACKUP_DAY_SECONDS;
	char n[6][BACKUP_NAME_LEN + 1];
	const char *list[8];
	int rm[8];

	(void)state;
	backup_name(T0, n[0], sizeof(n[0]));                /* now */
	backup_name(T0 - 29 * day, n[1], sizeof(n[1]));     /* 29 days */
	backup_name(T0 - 30 * day, n[2], sizeof(n[2]));     /* exactly 30 */
	backup_name(T0 - 30 * day - 1, n[3], sizeof(n[3])); /* past 30 */
	backup_name(T0 - 400 * day, n[4], sizeof(n[4]));
	backup_name(T0 + day, n[5], sizeof(n[5])); /* clock was ahead */
	for (int i = 0; i < 6; i++)
		list[i] = n[i];
	list[6] = "stegvis-20001206T021500Z.sql.age.tmp"; /* not ours */
	list[7] = "README";
	assert_int_equal(backup_prune(list, 8, T0, 30, rm), 2);
	assert_int_equal(rm[0], 0);
	assert_int_equal(rm[1], 0);
	assert_int_equal(rm[2], 0);
	assert_int_equal(rm[3], 1);
	assert_int_equal(rm[4], 1);
	assert_int_equal(rm[5], 0);
	assert_int_equal(rm[6], 0);
	assert_int_equal(rm[7], 0);
	/* One day: everything but today's and tomorrow's goes. */
	assert_int_equal(backup_prune(list, 8, T0, 1, rm), 4);
	assert_int_equal(rm[0], 0);
	assert_int_equal(rm[5], 0);
	assert_int_equal(backup_prune(list, 0, T0, 1, rm), 0);
}

/* The retention never outlives the shortest gallring rule. */
static void
keep_days(void **state)
{
	(void)state;
	assert_int_equal(backup_keep_days(30, 0, 0), 30); /* no gallring */
	assert_int_equal(backup_keep_days(30, 0, 7), 30);
	assert_int_equal(backup_keep_days(30, 1, 7), 7); /* capped */
	assert_int_equal(backup_keep_days(30, 1, 30), 30);
	assert_int_equal(backup_keep_days(30, 1, 3650), 30); /* not raised */
	assert_int_equal(backup_keep_days(30, 1, 0), 1);     /* floor */
	assert_int_equal(backup_keep_days(30, 1, -5), 1);
	assert_int_equal(backup_keep_days(0, 0, 0), 1);
}

/* The rules that cap the backups: those of case data, no other. */
static void
capping_rules(void **state)
{
	static const int caps[GR__MAX] = {
		[GR_DELTAGANDE] = 1,
		[GR_ANSOKAN] = 1,
		[GR_SAMTYCKE] = 1,
		[GR_ENKATSVAR] = 1,
		[GR_ENKATKOD] = 0,
		[GR_SUS_DOKUMENT] = 1,
		[GR_INLOGGNING] = 0,
		[GR_ATKOMSTLOGG] = 0,
	};
	long min = 0;

	(void)state;
	for (int c = 0; c < GR__MAX; c++) {
		const struct gallring_def *d =
		    gallring_def((enum gallring_code)c);

		assert_int_equal(backup_rule_caps(str_cstr(d->code)), caps[c]);
		if (caps[c] && (min == 0 || d->default_days < min))
			min = d->default_days;
	}
	assert_false(backup_rule_caps(STR_LIT("")));
	assert_false(backup_rule_caps(STR_LIT("deltagand")));
	assert_false(backup_rule_caps(STR_LIT("deltagande,ansokan")));
	/* With the default rules the cap is the SUS documents' 90 days: the
	 * 30 days of sessions and codes no longer cut the backups. */
	assert_int_equal(min, 90);
	assert_int_equal(backup_keep_days(365, 1, min), 90);
	assert_int_equal(backup_keep_days(60, 1, min), 60);
}

static void
key_kinds(void **state)
{
	(void)state;
	assert_int_equal(backup_key_kind(S("# created: 2026-12-06\n"
	                                   "# public key: age1abc\n"
	                                   "AGE-SECRET-KEY-1QQQ\n")),
	    BACKUP_KEY_IDENTITY);
	assert_int_equal(backup_key_kind(S("age1abc\r\n\n# backup\nage1def")),
	    BACKUP_KEY_RECIPIENT);
	assert_int_equal(backup_key_kind(S("")), BACKUP_KEY_BAD);
	assert_int_equal(
	    backup_key_kind(S("# only a comment\n")), BACKUP_KEY_BAD);
	assert_int_equal(
	    backup_key_kind(S("age1abc\nssh-rsa AAAA\n")), BACKUP_KEY_BAD);
	assert_int_equal(
	    backup_key_kind(S("-----BEGIN PGP\n")), BACKUP_KEY_BAD);
}

/* Feed text in pieces of n bytes. */
static void
feed(struct backup_scan *s, const char *text, size_t n)
{
	size_t len = strlen(text);

	for (size_t i = 0; i < len; i += n)
		backup_scan_feed(s, text + i, len - i < n ? len - i : n);
}

static const char whole[] =
    BACKUP_HEAD "-- database: stegvis\n"
                "--\n-- Table structure for table `a`\n--\nCREATE TABLE a;\n"
                "--\n-- Table structure for table `b`\n--\nCREATE TABLE b;\n"
                "x\n-- Table structure for tab\n" /* not a marker */
                "-- Dump completed on 2026-12-06  2:15:01\n"
                "GRANT SELECT ON `a` TO 'stegvis'@'localhost';\n" BACKUP_END;

/* Tables counted, head and end recognised, in any piece sizes. */
static void
scan(void **state)
{
	static const size_t sizes[] = { 1, 2, 3, 7, 64, 65, 4096 };

	(void)state;
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		struct backup_scan s = { 0 };

		feed(&s, whole, sizes[k]);
		assert_int_equal(s.tables, 2);
		assert_int_equal(s.bytes, (long long)strlen(whole));
		assert_int_equal(backup_scan_whole(&s), 1);
		assert_int_equal(backup_scan_tail_has(&s, BACKUP_END), 1);
	}
}

/* A cut-off or foreign plaintext is not a whole backup. */
static void
scan_refuses(void **state)
{
	struct backup_scan s = { 0 };
	char cut[sizeof(whole)];

	(void)state;
	memcpy(cut, whole, sizeof(whole));
	cut[sizeof(whole) - 5] = '\0'; /* the end marker cut */
	feed(&s, cut, 5);
	assert_int_equal(backup_scan_whole(&s), 0);

	memset(&s, 0, sizeof(s));
	feed(&s, whole + 1, 9); /* the head's first byte missing */
	assert_int_equal(backup_scan_whole(&s), 0);

	memset(&s, 0, sizeof(s));
	feed(&s, "-- MariaDB dump\n" BACKUP_END, 4); /* a bare dump */
	assert_int_equal(backup_scan_whole(&s), 0);

	memset(&s, 0, sizeof(s));
	feed(&s, BACKUP_HEAD, 3); /* nothing after the head */
	assert_int_equal(backup_scan_whole(&s), 0);

	/* The dump tool's last line: seen only when it is there. */
	memset(&s, 0, sizeof(s));
	feed(&s, "INSERT ...;\n-- Dump completed on 2026-12-06\n\n", 6);
	assert_int_equal(backup_scan_tail_has(&s, BACKUP_DUMP_DONE), 1);
	memset(&s, 0, sizeof(s));
	feed(&s, "INSERT ...;\nINSERT INTO `x` VALUES (1),(2", 6);
	assert_int_equal(backup_scan_tail_has(&s, BACKUP_DUMP_DONE), 0);
}

/* The access log's highest id, read from the first lines in any piece
 * sizes; absent, cut or not a number: 0 and "not recorded". */
static void
scan_audit_max(void **state)
{
	static const char with[] = BACKUP_HEAD "-- database: stegvis\n"
	                                       "-- file: stegvis-x.sql.age\n"
	                                       "-- audit-log-max-id: 4711\n"
	                                       "-- MariaDB dump\n";
	static const char *const bad[] = {
		BACKUP_HEAD "-- MariaDB dump\n-- audit-log-max-id: \n",
		BACKUP_HEAD "-- audit-log-max-id: 12x\n",
		BACKUP_HEAD "-- audit-log-max-id: 12",
		BACKUP_HEAD "x-- audit-log-max-id: 12\n",
	};
	struct backup_scan s;
	long long id;

	(void)state;
	for (size_t n = 1; n < 40; n += 3) {
		memset(&s, 0, sizeof(s));
		feed(&s, with, n);
		assert_int_equal(backup_scan_audit_max(&s, &id), 1);
		assert_int_equal(id, 4711);
	}
	memset(&s, 0, sizeof(s));
	feed(&s, whole, 7);
	id = 5;
	assert_int_equal(backup_scan_audit_max(&s, &id), 0);
	assert_int_equal(id, 0);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&s, 0, sizeof(s));
		feed(&s, bad[i], 5);
		assert_int_equal(backup_scan_audit_max(&s, &id), 0);
	}
}

/* The conf keys: defaults, and backup_keep_days within 1..3650. */
static void
conf_keys(void **state)
{
	struct conf c;
	char err[256];

	(void)state;
	conf_defaults(&c);
	assert_string_equal(c.backup_dir, "var/backup");
	assert_string_equal(c.backup_key_file, "var/backup.key");
	assert_int_equal(c.backup_keep_days, 30);
	assert_int_equal(conf_parse(&c,
	                     S("backup_dir = /var/backups/stegvis\n"
	                       "backup_key_file = /etc/stegvis/backup.pub\n"
	                       "backup_keep_days = 7\n"),
	                     NULL, err, sizeof(err)),
	    APP_OK);
	assert_string_equal(c.backup_dir, "/var/backups/stegvis");
	assert_int_equal(c.backup_keep_days, 7);
	assert_int_equal(
	    conf_parse(&c, S("backup_keep_days = 0\n"), NULL, err, sizeof(err)),
	    APP_EINPUT);
	assert_int_equal(conf_parse(&c, S("backup_keep_days = 3651\n"), NULL,
	                     err, sizeof(err)),
	    APP_EINPUT);
	assert_int_equal(
	    conf_parse(&c, S("backup_dir =\n"), NULL, err, sizeof(err)),
	    APP_EINPUT);
	assert_int_equal(c.backup_keep_days, 7); /* unchanged on error */
	conf_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names),
		cmocka_unit_test(prune),
		cmocka_unit_test(keep_days),
		cmocka_unit_test(capping_rules),
		cmocka_unit_test(key_kinds),
		cmocka_unit_test(scan),
		cmocka_unit_test(scan_refuses),
		cmocka_unit_test(scan_audit_max),
		cmocka_unit_test(conf_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
