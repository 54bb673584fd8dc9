/*
 * fuzz_roles.c: libFuzzer target for role_parse_list(), the role list as
 * the database stores it ("remittent,admin").
 *
 * Links: app/staff.c and what it uses (plus the shared replay main, or
 * clang -fsanitize=fuzzer). Invariants checked with abort():
 *  - only bits of known roles; a role's bit is set exactly when its name
 *    is one of the comma-separated parts, byte for byte;
 *  - role_list_names() of the result parses back to the same set.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "req.h"
#include "staff.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The reference: each part compared with each name. */
static unsigned
fuzz_ref(struct str s)
{
	unsigned bits = 0;
	size_t i = 0;

	for (;;) {
		const char *comma = memchr(s.p + i, ',', s.len - i);
		size_t end = comma ? (size_t)(comma - s.p) : s.len;

		for (int r = 0; r < ROLE__MAX; r++)
			if (strlen(role_names[r]) == end - i &&
			    memcmp(role_names[r], s.p + i, end - i) == 0)
				bits |= ROLE_BIT(r);
		if (comma == NULL)
			return bits;
		i = end + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str s = { size ? (const char *)data : "", size };
	unsigned bits = role_parse_list(s), all = 0;
	struct arena a;
	struct req r;
	const char *names;

	for (int i = 0; i < ROLE__MAX; i++)
		all |= ROLE_BIT(i);
	if ((bits & ~all) != 0 || bits != fuzz_ref(s))
		abort();
	if (!arena_init(&a, 1u << 16))
		return 0;
	memset(&r, 0, sizeof(r));
	r.a = &a;
	if ((names = role_list_names(&r, bits)) == NULL ||
	    role_parse_list(str_cstr(names)) != bits)
		abort();
	arena_free(&a);
	return 0;
}
