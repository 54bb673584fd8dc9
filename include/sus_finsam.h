/*
 * sus_finsam.h: the counts for FK's Uppföljning Finsam: participants per
 * insats and gender in a period, counts only, erroneous registrations
 * left out.
 */
#ifndef SUS_FINSAM_H
#define SUS_FINSAM_H

#include <stddef.h>

#include "app.h"
#include "db.h"
#include "str.h"

struct arena;

/* One insats and gender (SQL_SUS_FINSAM). Strings are borrowed from the
 * arena. */
struct sus_finsam_row {
	long long insats_id;
	struct str insats_name;
	struct str gender; /* kvinna, man, annat */
	long long active;  /* took part any day of the period */
	long long started; /* started in it */
	long long ended;   /* ended (avslutad) in it */
};
extern const struct db_record sus_finsam_record;

/* The counts of [from, to] (ÅÅÅÅ-MM-DD, from <= to) by insats name, id
 * and gender into *out (an arena array of *n, NULL when none). APP_E*
 * from the database. */
enum app_err sus_finsam_load(struct db *, struct arena *, struct str from,
    struct str to, struct sus_finsam_row **out, size_t *n);

/* The Swedish heading of a gender in the counts ("Kvinnor"): women, men,
 * and any other as "Annat". Static. */
const char *sus_finsam_gender_label(struct str gender);

#endif /* !SUS_FINSAM_H */
