/*
 * demo.h: `stegvis demo-participants`, generated demo participants.
 *
 * Realistic made-up people over the demo insatser, for the lists, the
 * reports and the benchmarks: valid personnummer (fictitious; never loaded
 * into production), both genders, every referral and participation status,
 * dates within each insats's period, outcomes spread like the seeds'
 * activity report. Deterministic for a given seed and day: the people are
 * made as they stood on that day (as_of), which decides every draw, so the
 * tests pin it (tests/run.sh) and the data stays the same whenever they
 * run; `make run` makes them as of today. Runs as the database
 * administrator, like migrate; does nothing if participants exist already
 * (unless forced), so `make run` may call it every time.
 */
#ifndef DEMO_H
#define DEMO_H

struct demo_opts {
	const char *socket;     /* MariaDB unix socket */
	const char *admin_user; /* administrator account */
	const char *db_name;    /* "stegvis" */
	long count;             /* participants to make */
	unsigned seed;
	/* The day the data stands on (date_days()); 0: today. The demo's
	 * statements see it as their CURDATE() and UTC_TIMESTAMP() too. */
	long as_of;
	int force; /* add even if participants exist */
};

/* Generate; prints a line to stdout, errors to stderr. 0 or 1. */
int demo_participants(const struct demo_opts *);

#endif /* !DEMO_H */
