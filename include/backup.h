/*
 * backup.h: the pure rules of `stegvis backup` and `stegvis restore`
 * (app/backup_cli.c runs the tools; README "Säkerhetskopior").
 *
 * A backup is one file, BACKUP_PREFIX + UTC time + BACKUP_SUFFIX, e.g.
 * "stegvis-20261206T021500Z.sql.age": a logical dump (mariadb-dump
 * --single-transaction) framed by our own first and last lines and
 * encrypted with age. Nothing here does I/O, so it is all unit-tested
 * (tests/unit/test_backup.c).
 */
#ifndef BACKUP_H
#define BACKUP_H

#include <stddef.h>
#include <time.h>

#include "str.h"

#define BACKUP_PREFIX   "stegvis-"
#define BACKUP_SUFFIX   ".sql.age"
/* "stegvis-" + "20261206T021500Z" + ".sql.age" */
#define BACKUP_NAME_LEN (8 + 16 + 8)

/* The plaintext's first line and last line: restore loads nothing from a
 * file whose decrypted text does not start and end with them. */
#define BACKUP_HEAD       "-- stegvis-backup 1\n"
#define BACKUP_END        "-- stegvis-backup end\n"
/* One of the first lines: the access log's highest id when the backup
 * began (a lower bound of what the dump holds). restore keeps the rows
 * above it that the database holds, re-inserting those the file lacks. */
#define BACKUP_AUDIT_LINE "-- audit-log-max-id: "
/* The last line mariadb-dump writes when it finished (comments on). */
#define BACKUP_DUMP_DONE  "-- Dump completed"

/* A day, for the retention. */
#define BACKUP_DAY_SECONDS 86400

/*
 * The file name of a backup taken at t (UTC) into buf. Returns 1, or 0
 * when buf is shorter than BACKUP_NAME_LEN + 1.
 */
int backup_name(time_t t, char *buf, size_t len);

/*
 * 1 with *t set when name (borrowed, a bare file name) is exactly a
 * backup's name as backup_name() makes it, a valid date and time; else 0.
 * Temporary files, other files and look-alikes are not backups.
 */
int backup_name_time(const char *name, time_t *t);

/*
 * Which gallring rules cap the backups (README "Säkerhetskopior"): the
 * rules of case data, the records about a participant's case: a
 * participation, an application, a consent, a questionnaire response, a
 * SUS document. A record gallring removed stays in the backups at most
 * the retention longer, and the retention is never longer than the
 * shortest of these rules: so no backup keeps a case record more than its
 * rule plus a period no longer than that rule. Sessions and login
 * failures, questionnaire codes with their drafts (dead credentials and
 * working data, not the case) and the access log (kept longest anyway)
 * do not cap it, so a month's rule for sessions does not cut the backups
 * to a month. As gallring_rule.code values separated by commas, for
 * FIND_IN_SET() in the query of the backup command.
 */
#define BACKUP_CAPPING_RULES                                                   \
	"deltagande,ansokan,samtycke,enkatsvar,sus_dokument"

/* 1 when the gallring rule named code is one of BACKUP_CAPPING_RULES. */
int backup_rule_caps(struct str code);

/*
 * The retention in days: conf_days (backup_keep_days), capped at the
 * shortest capping gallring rule when there is one (have_gallring: table
 * gallring_rule exists and has such a rule; gallring_min their
 * MIN(keep_days) over every förbund's rules, sql/0074). Never less than 1: a backup must live until the next
 * nightly one.
 */
unsigned backup_keep_days(
    unsigned conf_days, int have_gallring, long long gallring_min);

/*
 * Which of names[0..n) (borrowed bare file names) to prune at now with
 * keep_days: remove[i] is set to 1 for a backup (backup_name_time())
 * older than keep_days days (its time before now - keep_days days), to 0
 * for everything else. Returns how many are marked.
 */
size_t backup_prune(const char *const *names, size_t n, time_t now,
    unsigned keep_days, int *remove);

/* What an age key file holds. */
enum backup_key {
	BACKUP_KEY_BAD,       /* neither: not a key file */
	BACKUP_KEY_RECIPIENT, /* public keys only ("age1..."): backup only */
	BACKUP_KEY_IDENTITY,  /* a secret key (AGE-SECRET-KEY-1...) */
};

/* The kind of key in text (a whole key file, borrowed). Comment lines
 * ('#') and blank lines are skipped; one secret key line makes it an
 * identity; otherwise every line must be an "age1" recipient. */
enum backup_key backup_key_kind(struct str text);

/*
 * A scan of the plaintext as it streams by: counts the tables the dump
 * holds (for the progress line) and keeps its last bytes, so the caller
 * can check how it ends. Zero-initialise, then feed every byte in order.
 */
struct backup_scan {
	size_t match;     /* bytes of the table marker matched so far */
	long long tables; /* "-- Table structure for table" lines seen */
	long long bytes;  /* bytes fed */
	char tail[64];    /* the last bytes fed, oldest first */
	size_t tail_len;
	int at_start;    /* bytes fed so far equal BACKUP_HEAD's prefix */
	size_t head_len; /* how many of BACKUP_HEAD matched */
	char first[256]; /* the first bytes fed */
	size_t first_len;
};

void backup_scan_feed(struct backup_scan *, const char *p, size_t n);

/* 1 when the last sizeof(tail) bytes fed contain needle (NUL-terminated),
 * e.g. BACKUP_DUMP_DONE: the dump tool got to its last line. */
int backup_scan_tail_has(const struct backup_scan *, const char *needle);

/* 1 when the bytes fed start with BACKUP_HEAD and end with BACKUP_END:
 * a whole backup, as restore requires before it changes anything. */
int backup_scan_whole(const struct backup_scan *);

/*
 * The access log's highest id as the backup's first lines record it
 * (BACKUP_AUDIT_LINE followed by digits and a newline, within the first
 * sizeof(first) bytes): 1 with *id set, else 0 with *id = 0 (a backup made
 * before the line existed: every row is a candidate to keep).
 */
int backup_scan_audit_max(const struct backup_scan *, long long *id);

/* ------------------------------------------------------------------------
 * The commands (app/backup_cli.c). argv[0] is the subcommand's name, as
 * main() passes it. They print to stdout and stderr (this is a CLI) and
 * return the exit status: 0 done, 1 failed, 2 usage.
 * --------------------------------------------------------------------- */

/*
 * stegvis backup [-c CONF] [--out DIR] [--socket S] [--admin-user U]:
 * dump the database as the administrator (mariadb-dump
 * --single-transaction), pipe it through `age -e` into a 0600 file that
 * appears whole or not at all in DIR (default backup_dir), then prune the
 * backups older than the retention. The plaintext never touches the disk.
 */
int backup_cli_backup(int argc, char **argv);

/*
 * stegvis restore [-c CONF] [--key FILE] [--socket S] [--admin-user U]
 * BACKUP: decrypt the whole file once to check it (a wrong key, a damaged
 * or truncated file is refused with the database untouched), then drop the
 * database's tables and load the backup through the mariadb client, grants
 * of the application's account included.
 */
int backup_cli_restore(int argc, char **argv);

#endif /* !BACKUP_H */
