/*
 * progress.c: see progress.h.
 */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
progress_on_terminal(void)
{
	const char *term = getenv("TERM");

	if (!isatty(STDERR_FILENO))
		return 0;
	return term == NULL || strcmp(term, "dumb") != 0;
}

void
progress_start(struct progress *p, const char *label, long long total)
{
	memset(p, 0, sizeof(*p));
	p->label = label;
	p->total = total < 0 ? 0 : total;
	p->on_tty = progress_on_terminal();
}

static void
progress_draw(struct progress *p)
{
	if (p->total > 0)
		fprintf(stderr, "\r%s: %lld av %lld (%lld %%)\033[K", p->label,
		    p->done, p->total, p->done * 100 / p->total);
	else
		fprintf(stderr, "\r%s: %lld\033[K", p->label, p->done);
	fflush(stderr);
	p->shown = 1;
}

void
progress_set(struct progress *p, long long done)
{
	struct timespec now;
	long long ms;

	p->done = done;
	if (!p->on_tty)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long long)(now.tv_sec - p->last.tv_sec) * 1000 +
	    (now.tv_nsec - p->last.tv_nsec) / 1000000;
	if (p->shown && ms < 200 && done != p->total)
		return;
	p->last = now;
	progress_draw(p);
}

void
progress_end(struct progress *p)
{
	if (p->on_tty && p->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	p->shown = 0;
}
