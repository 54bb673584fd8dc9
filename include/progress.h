/*
 * progress.h: progress of a long command line job, on a terminal only.
 *
 * The long commands (sus-export, gallring, backup, demo-participants) run
 * both by hand and from cron or a systemd timer. By hand the admin wants to
 * see that something happens; under a timer the journal must stay quiet.
 * So progress is written to stderr only when stderr is a terminal (and TERM
 * is not "dumb"), as one line rewritten in place at most a few times a
 * second, and cleared when the job ends. Nothing is allocated.
 */
#ifndef PROGRESS_H
#define PROGRESS_H

#include <time.h>

struct progress {
	const char *label; /* borrowed, e.g. "gallring: deltaganden" */
	long long total;   /* 0 when unknown */
	long long done;
	int on_tty; /* 1 when stderr is an interactive terminal */
	struct timespec last;
	int shown; /* 1 when a line is on the screen */
};

/* Starts a progress line for `total` steps (0 when unknown). Shows
 * nothing yet. */
void progress_start(struct progress *p, const char *label, long long total);

/* Records that `done` steps are done; redraws at most every 200 ms. */
void progress_set(struct progress *p, long long done);

/* Clears the line, so the command's own summary prints on a clean line. */
void progress_end(struct progress *p);

/* 1 when progress would be shown (stderr is a terminal). */
int progress_on_terminal(void);

#endif
