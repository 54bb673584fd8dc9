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

struct arena;

/* What a registration may lack, in the order the page names them. */
enum sus_missing {
	SUS_MISSING_EDUCATION,
	SUS_MISSING_INCOME_BEFORE,
	SUS_MISSING_OCCUPATION_BEFORE,
	SUS_MISSING_SUPPORT_TIME,
	SUS_MISSING_MUNICIPALITY,
	SUS_MISSING_END_REASON,       /* ended participations only */
	SUS_MISSING_OCCUPATION_AFTER, /* ended participations only */
	SUS_MISSING_INCOME_AFTER,     /* ended participations only */
	SUS_MISSING__MAX
};

/* The item's Swedish name as the page lists it ("utbildning"); "" for
 * none. Static. */
const char *sus_missing_label(enum sus_missing);

/* An incomplete registration (SQL_SUS_QUALITY). Strings are borrowed from
 * the arena. */
struct sus_quality_row {
	long long id;          /* the participation */
	struct str short_name; /* the insats's */
	struct str first_name, last_name;
	struct str start_date; /* ÅÅÅÅ-MM-DD */
	int ended;             /* avslutad */
	int identity_ok;       /* reported by identity: held back until done */
	int missing[SUS_MISSING__MAX]; /* 1: lacks that item */
};
extern const struct db_record sus_quality_record;

/* At most this many are listed (identity first, then by insats and
 * start). */
#define SUS_QUALITY_MAX 1000

/* The incomplete registrations of the insatser staff_id works in that are
 * measured with personal data, erroneous registrations left out, into *out
 * (an arena array of *n, NULL when none). APP_E* from the database. */
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
extern const struct db_record sus_nostaff_record;

/* Every such insats, by name, into *out (an arena array of *n, NULL when
 * none). APP_E* from the database. */
enum app_err sus_quality_nostaff(
    struct db *, struct arena *, struct sus_nostaff_row **out, size_t *n);

/* What row lacks, as the page says it: "utbildning, avslutsorsak". Arena;
 * "" when nothing (or on a full arena). */
struct str sus_quality_missing_text(
    struct arena *, const struct sus_quality_row *row);

#endif /* !SUS_QUALITY_H */
