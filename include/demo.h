/*
 * demo.h: `stegvis demo-participants`, generated demo participants.
 *
 * Realistic made-up people over the demo insatser, for the lists, the
 * reports and the benchmarks: valid personnummer (fictitious; never loaded
 * into production), both genders, every referral and participation status,
 * dates within each insats's period, outcomes spread like the seeds'
 * activity report. Deterministic for a given seed. Runs as the database
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
	int force; /* add even if participants exist */
};

/* Generate; prints a line to stdout, errors to stderr. 0 or 1. */
int demo_participants(const struct demo_opts *);

#endif /* !DEMO_H */
