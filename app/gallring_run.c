/* gallring_run.c: one gallring run, applied or counted; see
 * include/gallring_run.h. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "date.h"
#include "db.h"
#include "gallring.h"
#include "gallring_run.h"
#include "progress.h"
#include "sql_gallring.h"
#include "sql_once.h"

struct run {
	struct db *db;
	struct arena *a;
	size_t mark; /* the arena's fill level on entry */
	int dry, progress;
	long today;
	long keep[GR__MAX];
	long long crash_after, committed;
	struct gallring_tally *t;
	const char *sus_dir; /* the conf's sus_export_dir, or NULL */
	int sus_sole;        /* the förbund run is the only active one */
};

/* Shorthand for one statement with integer parameters. */
static enum app_err
ex(struct run *g, unsigned q, const struct db_param *p, size_t n)
{
	return db_exec(g->db, g->a, DB_GALLRING, q, p, n, NULL);
}

static enum app_err
ex1(struct run *g, unsigned q, long long id)
{
	struct db_param p[] = { DB_INT(id) };

	return ex(g, q, p, 1);
}

static long
day_of(struct str s)
{
	int y, m, d;

	return date_parse_iso(s, &y, &m, &d) ? date_days(y, m, d) : 0;
}

/* After a commit: the test hook. */
static void
committed(struct run *g)
{
	g->committed++;
	g->t->committed = g->committed;
	if (g->crash_after > 0 && g->committed >= g->crash_after) {
		fflush(stdout);
		raise(SIGKILL);
	}
}

/* The row is the förbund's of the record's referral (its insats's): the
 * command is the installation's, what it removed a förbund's. */
static enum app_err
audit(struct run *g, const char *type, long long id, long long referral_id,
    struct str pnr, enum gallring_code c)
{
	char detail[96];

	snprintf(detail, sizeof(detail), "gallring enligt regeln %s",
	    gallring_def(c)->code);
	struct db_param p[] = {
		DB_INT(referral_id),
		DB_STR(STR_LIT("cli:gallring")),
		DB_STR(str_cstr(type)),
		DB_INT(id),
		DB_STR(pnr),
		DB_STR(STR_LIT("gallring")),
		DB_STR(str_cstr(detail)),
	};
	return ex(g, SQL_GR_AUDIT, p, 7);
}

/* The person's personnummer (for the access log, read before it may be
 * replaced). */
static enum app_err
person_pnr(struct run *g, long long person_id, struct str *pnr)
{
	struct gallring_s s;
	struct db_param p[] = { DB_INT(person_id) };
	int found;
	enum app_err e = db_load_one(
	    g->db, g->a, DB_GALLRING, SQL_GR_PERSON_PNR, p, 1, &s, &found);

	*pnr = found ? s.s : STR_LIT("");
	return e;
}

/* The person's personnummer replaced by its stand-in once no referral of
 * theirs is left ungallrad, and their old history rows. */
static enum app_err
forget_person(struct run *g, long long person_id)
{
	struct gallring_n left, *starts;
	struct db_param p[] = { DB_INT(person_id) };
	struct str pnr;
	size_t n;
	int found, mmdd[64];
	char standin[13], real[13];
	enum app_err e;

	if ((e = db_load_one(g->db, g->a, DB_GALLRING, SQL_GR_PERSON_LEFT, p, 1,
	         &left, &found)) != APP_OK ||
	    left.n > 0)
		return e;
	if ((e = person_pnr(g, person_id, &pnr)) != APP_OK)
		return e;
	if (pnr.len != 12)
		return APP_OK; /* gone already, or no person */
	memcpy(real, pnr.p, 12);
	real[12] = '\0';
	if ((e = db_load(g->db, g->a, DB_GALLRING, SQL_GR_PERSON_STARTS, p, 1,
	         (void **)&starts, &n)) != APP_OK)
		return e;
	if (n > sizeof(mmdd) / sizeof(mmdd[0]))
		n = sizeof(mmdd) / sizeof(mmdd[0]);
	for (size_t i = 0; i < n; i++)
		mmdd[i] = (int)starts[i].n;
	for (unsigned attempt = 0;; attempt++) {
		if (attempt >= 9 * 999 ||
		    !gallring_standin(real, mmdd, n, attempt, standin))
			return APP_EINPUT;
		struct db_param q[] = { DB_STR(str_cstr(standin)),
			DB_INT(person_id) };
		e = ex(g, SQL_GR_PERSON_ANON, q, 2);
		if (e != APP_EDUP)
			break;
	}
	if (e != APP_OK || db_affected_rows(g->db) == 0 ||
	    (e = ex1(g, SQL_GR_PERSON_MARK, person_id)) != APP_OK)
		return e;
	return ex1(g, SQL_GR_PERSON_HISTORY_DEL, person_id);
}

/* The referral's own data, its consents and, when no ungallrad referral
 * of the person is left, the personnummer. Inside a transaction. */
static enum app_err
forget_referral(struct run *g, long long rid, long long person_id)
{
	static const unsigned steps[] = {
		SQL_GR_REF_ANON,
		SQL_GR_REF_PERSON_ANON,
		SQL_GR_REF_HISTORY_DEL,
		SQL_GR_REF_COREMITTENT_ANON,
		SQL_GR_REF_CONSENT_EVENTS_DEL,
		SQL_GR_REF_CONSENT_TABLET_DEL,
		SQL_GR_REF_CONSENT_PARTY_DEL,
		SQL_GR_REF_CONSENT_CAT_DEL,
		SQL_GR_REF_CONSENT_DEL,
		SQL_GR_REF_CONSENT_SUS_ANON,
	};
	enum app_err e;

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if ((e = ex1(g, steps[i], rid)) != APP_OK)
			return e;
	return forget_person(g, person_id);
}

/* One candidate of a per-record rule, in its own transaction. */
typedef enum app_err (*apply_fn)(struct run *, const struct gallring_cand *);
typedef int (*due_fn)(struct run *, const struct gallring_cand *);

static enum app_err
apply_participation(struct run *g, const struct gallring_cand *c)
{
	static const unsigned steps[] = {
		SQL_GR_PART_ANON,
		SQL_GR_PART_PERSON_ANON,
		SQL_GR_PART_ACTIVITY_DEL,
		SQL_GR_PART_EXTENSION_DEL,
		SQL_GR_PART_MIDTERM_DEL,
		SQL_GR_PART_SUMMARY_DEL,
		SQL_GR_PART_SUS_ANSWER_DEL,
		SQL_GR_PART_HISTORY_DEL,
		SQL_GR_PART_QOPEN_DEL,
		SQL_GR_PART_QCODE_DEL,
		SQL_GR_PART_QFREE_DEL,
		SQL_GR_PART_SUS_HASH,
	};
	struct str pnr;
	enum app_err e;

	if ((e = person_pnr(g, c->person_id, &pnr)) != APP_OK)
		return e;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if ((e = ex1(g, steps[i], c->id)) != APP_OK)
			return e;
	if ((e = forget_referral(g, c->referral_id, c->person_id)) != APP_OK)
		return e;
	return audit(
	    g, "participation", c->id, c->referral_id, pnr, GR_DELTAGANDE);
}

static int
due_participation(struct run *g, const struct gallring_cand *c)
{
	return gallring_participation_due(
	    c->status, day_of(c->clock), g->today, g->keep[GR_DELTAGANDE]);
}

static enum app_err
apply_referral(struct run *g, const struct gallring_cand *c)
{
	struct str pnr;
	enum app_err e;

	if ((e = person_pnr(g, c->person_id, &pnr)) != APP_OK ||
	    (e = forget_referral(g, c->id, c->person_id)) != APP_OK)
		return e;
	return audit(g, "referral", c->id, c->id, pnr, GR_ANSOKAN);
}

static int
due_referral(struct run *g, const struct gallring_cand *c)
{
	return gallring_referral_due(c->status, c->has_participation,
	    day_of(c->clock), g->today, g->keep[GR_ANSOKAN]);
}

static enum app_err
apply_consent(struct run *g, const struct gallring_cand *c)
{
	static const unsigned steps[] = {
		SQL_GR_CONSENT_EVENTS_DEL,
		SQL_GR_CONSENT_TABLET_DEL,
		SQL_GR_CONSENT_PARTY_DEL,
		SQL_GR_CONSENT_CAT_DEL,
		SQL_GR_CONSENT_DEL,
	};
	struct str pnr;
	enum app_err e;

	/* The personnummer, as for the other rules (README "Gallring"). */
	if ((e = person_pnr(g, c->person_id, &pnr)) != APP_OK)
		return e;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if ((e = ex1(g, steps[i], c->id)) != APP_OK)
			return e;
	return audit(g, "consent", c->id, c->referral_id, pnr, GR_SAMTYCKE);
}

static int
due_consent(struct run *g, const struct gallring_cand *c)
{
	return gallring_consent_due(
	    c->status, day_of(c->clock), g->today, g->keep[GR_SAMTYCKE]);
}

static enum app_err
apply_response(struct run *g, const struct gallring_cand *c)
{
	enum app_err e;

	if ((e = ex1(g, SQL_GR_RESP_FREE_DEL, c->id)) != APP_OK)
		return e;
	return ex1(g, SQL_GR_RESP_OPEN_DEL, c->id);
}

static int
due_response(struct run *g, const struct gallring_cand *c)
{
	return gallring_past(day_of(c->clock), g->today, g->keep[GR_ENKATSVAR]);
}

/* Remove path unless it is gone already. */
static enum app_err
unlink_file(const char *path)
{
	if (unlink(path) != 0 && errno != ENOENT) {
		fprintf(stderr, "stegvis: gallring: %s: %s\n", path,
		    strerror(errno));
		return APP_EINPUT;
	}
	return APP_OK;
}

/* The batch's document in the database (of the förbund set on g->db),
 * and its file in sus_export_dir, removed before the commit: a failed
 * commit leaves the document in the database for the next run. The file
 * by either name `stegvis sus-export` gives it there: with --forbund
 * sus-batch-F-NNNNNN.xml; without, sus-batch-NNNNNN.xml, which only the
 * only active förbund writes (another förbund's batch of the same number
 * may have that name). */
static enum app_err
apply_sus(struct run *g, const struct gallring_cand *c)
{
	char path[4096];
	enum app_err e;

	if ((e = ex1(g, SQL_GR_SUS_PARTS_DEL, c->id)) != APP_OK ||
	    (e = ex1(g, SQL_GR_SUS_MARK, c->id)) != APP_OK)
		return e;
	if (g->sus_dir == NULL || g->sus_dir[0] == '\0')
		return APP_OK;
	if (snprintf(path, sizeof(path), "%s/sus-batch-%lld-%06lld.xml",
	        g->sus_dir, db_forbund(g->db), c->id) >= (int)sizeof(path))
		return APP_EINPUT;
	if ((e = unlink_file(path)) != APP_OK || !g->sus_sole)
		return e;
	if (snprintf(path, sizeof(path), "%s/sus-batch-%06lld.xml", g->sus_dir,
	        c->id) >= (int)sizeof(path))
		return APP_EINPUT;
	return unlink_file(path);
}

static int
due_sus(struct run *g, const struct gallring_cand *c)
{
	return gallring_past(
	    day_of(c->clock), g->today, g->keep[GR_SUS_DOKUMENT]);
}

struct per_record {
	enum gallring_code code;
	unsigned page, lock; /* lock: 0 when the page row is enough */
	int npage_keep;      /* how many times the page takes keep */
	due_fn due;
	apply_fn apply;
};

static const struct per_record per_record[] = {
	{ GR_DELTAGANDE, SQL_GR_PART_PAGE, SQL_GR_PART_LOCK, 1,
	    due_participation, apply_participation },
	{ GR_ANSOKAN, SQL_GR_REF_PAGE, SQL_GR_REF_LOCK, 1, due_referral,
	    apply_referral },
	{ GR_SAMTYCKE, SQL_GR_CONSENT_PAGE, SQL_GR_CONSENT_LOCK, 1, due_consent,
	    apply_consent },
	{ GR_ENKATSVAR, SQL_GR_RESP_PAGE, 0, 2, due_response, apply_response },
	{ GR_SUS_DOKUMENT, SQL_GR_SUS_PAGE, 0, 1, due_sus, apply_sus },
};

/* One record: lock, check again, apply, commit. 1 done, 0 not (gone,
 * no longer due, or a lock conflict), -1 on an error. */
static int
one_record(struct run *g, const struct per_record *pr,
    const struct gallring_cand *cand)
{
	struct gallring_cand locked = *cand;
	enum app_err e;
	int found = 1;

	if (db_begin(g->db) != APP_OK)
		return -1;
	if (pr->lock != 0) {
		struct db_param p[] = { DB_INT(cand->id) };

		if ((e = db_load_one(g->db, g->a, DB_GALLRING, pr->lock, p, 1,
		         &locked, &found)) != APP_OK)
			goto fail;
	}
	if (!found || !pr->due(g, &locked)) {
		db_rollback(g->db);
		return 0;
	}
	if ((e = pr->apply(g, &locked)) != APP_OK)
		goto fail;
	if ((e = db_commit(g->db)) != APP_OK)
		goto fail;
	committed(g);
	return 1;
fail:
	db_rollback(g->db);
	if (db_lock_conflict(g->db)) {
		g->t->skipped++;
		return 0;
	}
	snprintf(g->t->err, sizeof(g->t->err),
	    "gallring %s, post %lld: %s (%u)", gallring_def(pr->code)->code,
	    cand->id, app_strerror(e), db_last_errno(g->db));
	return -1;
}

static int
run_per_record(struct run *g, const struct per_record *pr)
{
	struct progress pg;
	long long after = 0, n = 0;
	int rc = 0;

	progress_start(&pg, gallring_def(pr->code)->code, 0);
	if (!g->progress)
		pg.on_tty = 0;
	for (;;) {
		struct gallring_cand *rows;
		size_t nrows;
		struct db_param p[3];
		size_t np = 0;

		for (int i = 0; i < pr->npage_keep; i++)
			p[np++] = DB_INT(g->keep[pr->code]);
		p[np++] = DB_INT(after);
		arena_rewind(g->a, g->mark);
		if (db_load(g->db, g->a, DB_GALLRING, pr->page, p, np,
		        (void **)&rows, &nrows) != APP_OK) {
			snprintf(g->t->err, sizeof(g->t->err),
			    "gallring %s: databasen svarade inte",
			    gallring_def(pr->code)->code);
			rc = -1;
			break;
		}
		for (size_t i = 0; i < nrows; i++) {
			int r;

			after = rows[i].id;
			if (g->dry) {
				n += pr->due(g, &rows[i]);
				continue;
			}
			if ((r = one_record(g, pr, &rows[i])) < 0) {
				rc = -1;
				goto out;
			}
			n += r;
		}
		progress_set(&pg, n);
		if (nrows < GALLRING_PAGE)
			break;
	}
out:
	progress_end(&pg);
	g->t->n[pr->code] = n;
	return rc;
}

/* A bulk rule: (count) then deletes of at most GALLRING_BULK rows until
 * none is left, into out[code] (the tally's n or none). */
static int
run_bulk(struct run *g, long long *out, enum gallring_code code, unsigned count,
    int ncount_keep, const unsigned *dels, size_t ndel)
{
	struct gallring_n cnt;
	struct db_param p[8];
	int found;

	for (int i = 0; i < ncount_keep; i++)
		p[i] = DB_INT(g->keep[code]);
	arena_rewind(g->a, g->mark);
	if (db_load_one(g->db, g->a, DB_GALLRING, count, p, (size_t)ncount_keep,
	        &cnt, &found) != APP_OK)
		return -1;
	if (g->dry) {
		out[code] = cnt.n;
		return 0;
	}
	for (size_t d = 0; d < ndel; d++)
		for (;;) {
			struct db_param q[] = { DB_INT(g->keep[code]),
				DB_INT(GALLRING_BULK) };

			if (ex(g, dels[d], q, 2) != APP_OK)
				return -1;
			out[code] += (long long)db_affected_rows(g->db);
			if (db_affected_rows(g->db) < GALLRING_BULK)
				break;
		}
	return 0;
}

/* The access log through its procedure (count, call): the förbund's
 * rows into t->n, or those of no förbund into t->none. */
static int
run_log(struct run *g, long long *out, unsigned count, unsigned call)
{
	struct gallring_n cnt;
	struct db_param p[] = { DB_INT(g->keep[GR_ATKOMSTLOGG]) };
	int found;

	arena_rewind(g->a, g->mark);
	if (g->dry) {
		if (db_load_one(g->db, g->a, DB_GALLRING, count, p, 1, &cnt,
		        &found) != APP_OK)
			return -1;
		out[GR_ATKOMSTLOGG] = cnt.n;
		return 0;
	}
	for (;;) {
		struct db_param q[] = { DB_INT(GALLRING_BULK) };

		arena_rewind(g->a, g->mark);
		if (ex(g, call, q, 1) != APP_OK ||
		    db_load_one(g->db, g->a, DB_GALLRING, SQL_GR_LOG_N, NULL, 0,
		        &cnt, &found) != APP_OK)
			return -1;
		out[GR_ATKOMSTLOGG] += cnt.n;
		if (cnt.n < GALLRING_BULK)
			return 0;
	}
}

enum app_err
gallring_forbunds(
    struct db *db, struct arena *a, struct gallring_forbund **out, size_t *n)
{
	return db_load(
	    db, a, DB_GALLRING, SQL_GR_FORBUNDS, NULL, 0, (void **)out, n);
}

enum app_err
gallring_plan_load(struct db *db, struct arena *a, struct gallring_plan *plan,
    char *msg, size_t msgn)
{
	struct gallring_rule_row *rows;
	struct gallring_forbund *f;
	struct gallring_s today;
	size_t n, nf, mark = arena_mark(a);
	int seen[GR__MAX] = { 0 }, found;
	enum gallring_code c, which;
	enum gallring_refusal ref;
	char why[300];
	enum app_err e = APP_OK;

	memset(plan, 0, sizeof(*plan));
	if (db_load(db, a, DB_GALLRING, SQL_GR_RULES, NULL, 0, (void **)&rows,
	        &n) != APP_OK ||
	    db_load_one(db, a, DB_GALLRING, SQL_GR_TODAY, NULL, 0, &today,
	        &found) != APP_OK ||
	    gallring_forbunds(db, a, &f, &nf) != APP_OK) {
		snprintf(msg, msgn, "reglerna kunde inte läsas");
		e = APP_EDB;
		goto out;
	}
	for (size_t i = 0; i < nf; i++)
		if (f[i].id == db_forbund(db)) {
			plan->installation = f[i].installation;
			plan->sole = f[i].sole;
		}
	for (size_t i = 0; i < n; i++)
		if (gallring_code_parse(rows[i].code, &c)) {
			plan->keep[c] = (long)rows[i].keep_days;
			seen[c] = 1;
		}
	plan->today = day_of(today.s);
	for (int i = 0; i < GR__MAX; i++)
		if (!seen[i]) {
			snprintf(msg, msgn, "regeln %s saknas",
			    gallring_def((enum gallring_code)i)->code);
			e = APP_EINPUT;
			goto out;
		}
	if ((ref = gallring_validate(plan->keep, &which)) != GR_REF_OK) {
		snprintf(msg, msgn, "regeln %s: %s", gallring_def(which)->code,
		    gallring_refusal_text(ref, which, why, sizeof(why)));
		e = APP_EINPUT;
		goto out;
	}
	if (plan->today <= 0) {
		snprintf(msg, msgn, "dagens datum kunde inte läsas");
		e = APP_EDB;
	}
out:
	arena_rewind(a, mark);
	return e;
}

/* The create forms' one-time keys past ONCE_KEEP_DAYS (no personal data,
 * no rule of their own: once.h), when applying. */
static int
run_once_keys(struct run *g)
{
	if (g->dry)
		return 0;
	arena_rewind(g->a, g->mark);
	if (db_exec(g->db, g->a, DB_ONCE, SQL_ONCE_PURGE, NULL, 0, NULL) !=
	    APP_OK)
		return -1;
	g->t->once_keys = (long long)db_affected_rows(g->db);
	return 0;
}

/* Every rule, in order, for the förbund set on the handle: the
 * per-record ones, then the bulk ones and the access log; then, when its
 * rules are the installation's, the rows of no förbund and the one-time
 * keys. */
static enum app_err
run_all(struct run *g, int installation)
{
	static const unsigned code_dels[] = { SQL_GR_QCODE_DEL };
	static const unsigned login_dels[] = {
		SQL_GR_SESSION_DEL,
		SQL_GR_TABLET_DEL,
		SQL_GR_LOGIN_FAILURE_DEL,
		SQL_GR_FORM_STASH_DEL,
		SQL_GR_SESSION_ENDED_DEL,
		SQL_GR_SUS_REQUEST_DEL,
	};
	static const unsigned none_login_dels[] = {
		SQL_GR_NONE_LOGIN_FAILURE_DEL,
		SQL_GR_NONE_QCODE_FAILURE_DEL,
		SQL_GR_NONE_FORM_STASH_DEL,
	};
	enum app_err e = APP_OK;

	for (size_t i = 0; i < sizeof(per_record) / sizeof(per_record[0]); i++)
		if (run_per_record(g, &per_record[i]) != 0) {
			e = APP_EDB;
			goto out;
		}
	if (run_bulk(g, g->t->n, GR_ENKATKOD, SQL_GR_QCODE_COUNT, 1, code_dels,
	        1) != 0 ||
	    run_bulk(g, g->t->n, GR_INLOGGNING, SQL_GR_LOGIN_COUNT, 6,
	        login_dels, sizeof(login_dels) / sizeof(login_dels[0])) != 0 ||
	    run_log(g, g->t->n, SQL_GR_LOG_COUNT, SQL_GR_LOG_CALL) != 0 ||
	    (installation &&
	        (run_bulk(g, g->t->none, GR_INLOGGNING, SQL_GR_NONE_LOGIN_COUNT,
	             3, none_login_dels,
	             sizeof(none_login_dels) / sizeof(none_login_dels[0])) !=
	                0 ||
	            run_log(g, g->t->none, SQL_GR_NONE_LOG_COUNT,
	                SQL_GR_NONE_LOG_CALL) != 0 ||
	            run_once_keys(g) != 0))) {
		snprintf(g->t->err, sizeof(g->t->err), "gallring: databasfel");
		e = APP_EDB;
	}
out:
	arena_rewind(g->a, g->mark);
	return e;
}

enum app_err
gallring_count(struct db *db, struct arena *a, const struct gallring_plan *plan,
    int progress, struct gallring_tally *t)
{
	struct run g = { .db = db,
		.a = a,
		.mark = arena_mark(a),
		.dry = 1,
		.progress = progress,
		.today = plan->today,
		.t = t,
		.sus_sole = plan->sole };

	memset(t, 0, sizeof(*t));
	memcpy(g.keep, plan->keep, sizeof(g.keep));
	return run_all(&g, plan->installation);
}

enum app_err
gallring_apply(struct db *db, struct arena *a, const struct gallring_plan *plan,
    const char *sus_dir, long long crash_after, struct gallring_tally *t)
{
	struct run g = { .db = db,
		.a = a,
		.mark = arena_mark(a),
		.dry = 0,
		.progress = 1,
		.today = plan->today,
		.crash_after = crash_after,
		.t = t,
		.sus_dir = sus_dir,
		.sus_sole = plan->sole };

	memset(t, 0, sizeof(*t));
	memcpy(g.keep, plan->keep, sizeof(g.keep));
	return run_all(&g, plan->installation);
}
