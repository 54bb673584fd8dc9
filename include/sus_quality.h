/*
 * sus_quality.h: the register quality of the SUS export, for the insats
 * staff: their participations whose registration lacks something it
 * needs, and what. Such a registration is held back, never sent half
 * filled (sus_batch.h); the staff fill it in on the participation's page.
 */
#ifndef SUS_QUALITY_H
#define SUS_QUALITY_H

#include <stddef.h>

#include "app.h"
#include "db.h"
#include "str.h"
#include "sus_complete.h"

struct arena;

/* An incomplete registration (SQL_SUS_QUALITY). Strings are borrowed from
 * the arena. */
struct sus_quality_row {
	long long id;          /* the participation */
	struct str short_name; /* the insats's */
	struct str first_name, last_name;
	struct str start_date; /* ÅÅÅÅ-MM-DD */
	int ended;             /* avslutad */
	int identity_ok;       /* reported by identity: held back until done */
	struct sus_facts facts;
	struct sus_gaps gaps; /* sus_complete_check() of facts */
};
extern const struct db_record sus_quality_record;

/* At most this many are listed (identity first, then by insats and
 * start). */
#define SUS_QUALITY_MAX 1000

/* The incomplete registrations (sus_complete_check(), the default schema
 * version) of the insatser staff_id works in that are measured with
 * personal data, erroneous registrations left out, into *out (an arena
 * array of *n, NULL when none). APP_E* from the database. */
enum app_err sus_quality_load(struct db *, struct arena *, long long staff_id,
    struct sus_quality_row **out, size_t *n);

/* An insats that no active account staffs, with held-back registrations
 * by identity (SQL_SUS_QUALITY_NOSTAFF): counts only, for the admin, who
 * can staff it or ask its host organisation. Strings borrowed from the
 * arena. */
struct sus_nostaff_row {
	long long insats_id;
	struct str insats_name;
	struct str organisation; /* the host organisation's name */
	long long n_held;        /* registrations held back */
	long long n_ended;       /* of them, ended participations */
};
extern const struct db_record sus_nostaff_record; /* for binding */

/* A row of SQL_SUS_QUALITY_NOSTAFF: one participation's facts. */
struct sus_nostaff_fact_row {
	long long insats_id;
	struct str insats_name, organisation;
	struct sus_facts facts;
};
extern const struct db_record sus_nostaff_fact_record;

/* Every such insats, by name, into *out (an arena array of *n, NULL when
 * none). APP_E* from the database. */
enum app_err sus_quality_nostaff(
    struct db *, struct arena *, struct sus_nostaff_row **out, size_t *n);

/* What row lacks, as the page says it (sus_gaps_text()): "utbildning,
 * avslutsorsak". Arena; "" when nothing (or on a full arena). */
struct str sus_quality_missing_text(
    struct arena *, const struct sus_quality_row *row);

#endif /* !SUS_QUALITY_H */
