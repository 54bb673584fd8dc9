/*
 * arena.h: a capped bump allocator for per-request memory.
 *
 * A worker owns one arena, allocated once at start and reset at the top of
 * every request; handlers allocate from it and never free. When the cap is
 * reached arena_alloc() returns NULL, which callers turn into APP_ENOMEM
 * (a 500 page), never an abort.
 */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

struct arena {
	char *base; /* one heap block of cap bytes */
	size_t cap;
	size_t used;
	size_t peak; /* high-water mark; a worker zeroes it per request */
};

/* Allocate the backing block. Returns 1 on success, 0 if malloc failed. */
int arena_init(struct arena *, size_t cap);

/* Release the backing block. Safe on a zeroed or already freed arena. */
void arena_free(struct arena *);

/* Forget every allocation; all pointers from the arena become invalid. */
void arena_reset(struct arena *);

/* n bytes aligned for any type, or NULL when the cap would be exceeded. Arena. */
void *arena_alloc(struct arena *, size_t n);

/* Like arena_alloc() but zero-filled; NULL on overflow of n * size too. Arena. */
void *arena_calloc(struct arena *, size_t n, size_t size);

/* Copy n bytes and append a NUL. NULL when full. Arena. */
char *arena_memdup(struct arena *, const void *p, size_t n);

/* The arena's fill level now, to go back to with arena_rewind(): for work
 * in pieces (a long export) inside one request. */
size_t arena_mark(const struct arena *);

/* Forget every allocation made since mark; their pointers become invalid. */
void arena_rewind(struct arena *, size_t mark);

#endif /* !ARENA_H */
