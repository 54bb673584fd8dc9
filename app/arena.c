/* arena.c: capped bump allocator; see include/arena.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ARENA_ALIGN 16u

int
arena_init(struct arena *a, size_t cap)
{
	memset(a, 0, sizeof(*a));
	if ((a->base = malloc(cap)) == NULL)
		return 0;
	a->cap = cap;
	return 1;
}

void
arena_free(struct arena *a)
{
	free(a->base);
	memset(a, 0, sizeof(*a));
}

void
arena_reset(struct arena *a)
{
	a->used = 0;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	size_t start =
	    (a->used + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);

	if (a->base == NULL || start > a->cap || n > a->cap - start)
		return NULL;
	a->used = start + n;
	if (a->used > a->peak)
		a->peak = a->used;
	return a->base + start;
}

void *
arena_calloc(struct arena *a, size_t n, size_t size)
{
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	if ((p = arena_alloc(a, n * size)) != NULL)
		memset(p, 0, n * size);
	return p;
}

char *
arena_memdup(struct arena *a, const void *p, size_t n)
{
	char *d;

	if (n == SIZE_MAX || (d = arena_alloc(a, n + 1)) == NULL)
		return NULL;
	if (n > 0)
		memcpy(d, p, n);
	d[n] = '\0';
	return d;
}

size_t
arena_mark(const struct arena *a)
{
	return a->used;
}

void
arena_rewind(struct arena *a, size_t mark)
{
	if (mark <= a->used)
		a->used = mark;
}
