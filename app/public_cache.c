/* public_cache.c: the worker's copy of the anonymous start page; see
 * include/public_cache.h. */
#include <stdlib.h>
#include <string.h>

#include "public_cache.h"

static struct {
	char gen[PUBLIC_CACHE_GEN_MAX + 1];
	size_t gen_len;
	char *body; /* heap; NULL: nothing kept */
	size_t len, cap;
} cache;

int
public_cache_get(struct str gen, struct str *body)
{
	*body = STR_LIT("");
	if (cache.body == NULL || gen.len == 0 || gen.len != cache.gen_len ||
	    memcmp(gen.p, cache.gen, gen.len) != 0)
		return 0;
	*body = (struct str){ cache.body, cache.len };
	return 1;
}

void
public_cache_clear(void)
{
	free(cache.body);
	memset(&cache, 0, sizeof(cache));
}

void
public_cache_put(struct str gen, struct str body)
{
	/* Nothing is kept while the copy is made: a failure leaves none. */
	cache.gen_len = 0;
	if (gen.len == 0 || gen.len > PUBLIC_CACHE_GEN_MAX) {
		public_cache_clear();
		return;
	}
	if (body.len + 1 > cache.cap) {
		char *p = realloc(cache.body, body.len + 1);

		if (p == NULL) {
			public_cache_clear();
			return;
		}
		cache.body = p;
		cache.cap = body.len + 1;
	}
	if (body.len > 0)
		memcpy(cache.body, body.p, body.len);
	cache.body[body.len] = '\0';
	cache.len = body.len;
	memcpy(cache.gen, gen.p, gen.len);
	cache.gen_len = gen.len;
}
