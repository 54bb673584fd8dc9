/* public_cache.c: the worker's copies of the anonymous start page; see
 * include/public_cache.h. */
#include <stdlib.h>
#include <string.h>

#include "public_cache.h"

static struct slot {
	long long forbund; /* 0: a free slot */
	char gen[PUBLIC_CACHE_GEN_MAX + 1];
	size_t gen_len;
	char *body; /* heap; NULL: nothing kept */
	size_t len, cap;
	unsigned long used; /* tick of its last get or put */
} slots[PUBLIC_CACHE_SLOTS];
static unsigned long tick;

static struct slot *
public_cache_find(long long forbund)
{
	for (size_t i = 0; i < PUBLIC_CACHE_SLOTS; i++)
		if (slots[i].forbund == forbund && forbund != 0)
			return &slots[i];
	return NULL;
}

static void
public_cache_drop(struct slot *s)
{
	free(s->body);
	memset(s, 0, sizeof(*s));
}

int
public_cache_get(long long forbund, struct str gen, struct str *body)
{
	struct slot *s = public_cache_find(forbund);

	*body = STR_LIT("");
	if (s == NULL || s->body == NULL || gen.len == 0 ||
	    gen.len != s->gen_len || memcmp(gen.p, s->gen, gen.len) != 0)
		return 0;
	s->used = ++tick;
	*body = (struct str){ s->body, s->len };
	return 1;
}

void
public_cache_clear(void)
{
	for (size_t i = 0; i < PUBLIC_CACHE_SLOTS; i++)
		public_cache_drop(&slots[i]);
	tick = 0;
}

/* The slot for forbund: its own, a free one, or the one used longest ago
 * (emptied). */
static struct slot *
public_cache_slot(long long forbund)
{
	struct slot *s = public_cache_find(forbund), *old = &slots[0];

	if (s != NULL)
		return s;
	for (size_t i = 0; i < PUBLIC_CACHE_SLOTS; i++) {
		if (slots[i].forbund == 0)
			return &slots[i];
		if (slots[i].used < old->used)
			old = &slots[i];
	}
	public_cache_drop(old);
	return old;
}

void
public_cache_put(long long forbund, struct str gen, struct str body)
{
	struct slot *s;

	if (forbund == 0)
		return;
	s = public_cache_slot(forbund);
	/* Nothing is kept while the copy is made: a failure leaves none. */
	s->gen_len = 0;
	if (gen.len == 0 || gen.len > PUBLIC_CACHE_GEN_MAX) {
		public_cache_drop(s);
		return;
	}
	if (body.len + 1 > s->cap) {
		char *p = realloc(s->body, body.len + 1);

		if (p == NULL) {
			public_cache_drop(s);
			return;
		}
		s->body = p;
		s->cap = body.len + 1;
	}
	if (body.len > 0)
		memcpy(s->body, body.p, body.len);
	s->body[body.len] = '\0';
	s->len = body.len;
	memcpy(s->gen, gen.p, gen.len);
	s->gen_len = gen.len;
	s->forbund = forbund;
	s->used = ++tick;
}
