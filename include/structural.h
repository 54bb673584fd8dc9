/*
 * structural.h: structural insatser and their register (issue 17 item 8;
 * README "Structural insatser").
 *
 * A structural insats is one whose SUS direction is 'struktur' (the admin
 * sets it on the insats form, audited with the rest of the insats). It has
 * no participants: it takes no referrals, and it reports what it built.
 * Its staff keep a register of the companies in its bank of
 * work-practice places (name, organisationsnummer, places offered, the day
 * it joined, the day it left: active while it has not left) and of the
 * supervisor trainings it held (day, how many attended, a note). No
 * personal data. The admin sets its goals per calendar year.
 *
 * The rules here are pure (tests/unit/test_structural.c); the records are
 * loaded by the functions at the end (SQL in app/sql_structural.c).
 */
#ifndef STRUCTURAL_H
#define STRUCTURAL_H

#include <stddef.h>

#include "app.h"
#include "db.h"
#include "str.h"

struct req;

/* ---- rules ---- */

/* What someone may try with an insats, structural or not. */
enum structural_action {
	STRUCTURAL_REFER,    /* refer a participant to it */
	STRUCTURAL_REGISTER, /* keep a register of companies and trainings */
	STRUCTURAL_MARK,     /* make it structural (admin) */
	STRUCTURAL_ACTION__MAX
};

/*
 * NULL when action is allowed on an insats that is (structural = 1) or is
 * not structural, with open_cases referrals still waiting or
 * participations still running (only STRUCTURAL_MARK looks at it), else
 * the Swedish reason. Static.
 */
const char *structural_refusal(
    enum structural_action, int structural, long long open_cases);

/* Whether a company that joined on `joined` and left on `left` ("" when
 * it has not) is in the bank at the end of day `day` (all ÅÅÅÅ-MM-DD):
 * joined on or before it, and not left by then. */
int structural_in_bank(struct str joined, struct str left, struct str day);

/* Whether a training held on `held` counts in [from, to] (ÅÅÅÅ-MM-DD). */
int structural_in_period(struct str held, struct str from, struct str to);

/* An organisationsnummer typed as NNNNNN-NNNN or NNNNNNNNNN, with a right
 * check digit (Luhn over the ten digits): 1 with out[12] set to
 * "NNNNNN-NNNN", else 0. */
int structural_orgnr(struct str in, char out[12]);

/* A goal met or not: goal < 0 means none is set. */
enum structural_verdict {
	STRUCTURAL_NO_GOAL,
	STRUCTURAL_MET,
	STRUCTURAL_NOT_MET,
	STRUCTURAL_VERDICT__MAX
};
enum structural_verdict structural_verdict(long long result, long long goal);

/* "Uppfyllt", "Inte uppfyllt", "Inget mål för året". Static. */
const char *structural_verdict_label(enum structural_verdict);

/* ---- records ---- */

/* An insats as the register's access needs it (SQL_ST_INSATS). */
struct structural_insats {
	long long id;
	struct str name, slug;
	int structural; /* direction 'struktur' */
	int works;      /* the asking staff member works in it */
};
extern const struct db_record structural_insats_record;

/* A company of the bank (SQL_ST_COMPANY*). Strings arena; "" for none. */
struct structural_company {
	long long id, insats_id;
	struct str name, org_number;
	long long places;
	struct str joined_on, left_on; /* ÅÅÅÅ-MM-DD; left "" while active */
	long long version;
};
extern const struct db_record structural_company_record;

/* A supervisor training (SQL_ST_TRAINING*). */
struct structural_training {
	long long id, insats_id;
	struct str held_on;
	long long attendees;
	struct str note;
	long long version;
};
extern const struct db_record structural_training_record;

/* The goals of one year (SQL_ST_GOALS): each "" when none is set. */
struct structural_goal {
	long long year;
	struct str companies, places, trainings, attendees;
};
extern const struct db_record structural_goal_record;

/* A count (SQL_ST_OPEN_CASES). */
struct structural_count {
	long long n;
};
extern const struct db_record structural_count_record;

/* ---- loading and saving (arena; APP_E* from the database) ---- */

/* Insats id as r's user sees it; *found 0 when there is none. */
enum app_err structural_insats_get(
    struct req *, long long id, struct structural_insats *out, int *found);

/* The register of an insats: companies by name, trainings newest first,
 * goals by year. Arena arrays, NULL when empty. */
enum app_err structural_companies(struct req *, long long insats_id,
    struct structural_company **out, size_t *n);
enum app_err structural_trainings(struct req *, long long insats_id,
    struct structural_training **out, size_t *n);
enum app_err structural_goals(
    struct req *, long long insats_id, struct structural_goal **out, size_t *n);

/* One company or training; lock: FOR UPDATE (in a transaction). */
enum app_err structural_company_get(struct req *, long long id, int lock,
    struct structural_company *out, int *found);
enum app_err structural_training_get(struct req *, long long id, int lock,
    struct structural_training *out, int *found);

/* Insert c (its id and version ignored) into *id; APP_EDUP when the
 * insats has a company of that name. */
enum app_err structural_company_insert(
    struct req *, const struct structural_company *c, long long *id);
/* Update company c->id from version c->version (locked by the caller);
 * APP_EDUP as above. */
enum app_err structural_company_update(
    struct req *, const struct structural_company *c);
enum app_err structural_training_insert(
    struct req *, const struct structural_training *t, long long *id);
enum app_err structural_training_update(
    struct req *, const struct structural_training *t);

/* Set the goals of g->year for insats id (insert or replace). */
enum app_err structural_goal_save(
    struct req *, long long insats_id, const struct structural_goal *g);

/* Referrals still waiting and participations still running in insats id. */
enum app_err structural_open_cases(struct req *, long long id, long long *n);

#endif /* !STRUCTURAL_H */
