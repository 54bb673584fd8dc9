/* test_forbund.c: unit tests for what `stegvis forbund-add` accepts
 * (forbund_new_problem(), app/forbund.c). No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "forbund.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static struct forbund_new
good(void)
{
	return (struct forbund_new){ .name = S("Samordningsförbundet Exempel"),
		.short_name = S("Exempel"),
		.public_host = S("stegvis.exempel.se"),
		.admin_username = S("anna.admin"),
		.admin_name = S("Anna Admin") };
}

static void
accepted(void **state)
{
	struct forbund_new f = good();
	char name[201 * 2 + 1];

	(void)state;
	assert_null(forbund_new_problem(&f));
	f.public_host = S(""); /* no host name: allowed here */
	assert_null(forbund_new_problem(&f));
	/* 200 characters, each two bytes in UTF-8. */
	for (size_t i = 0; i < 200; i++)
		memcpy(name + 2 * i, "ö", 2);
	name[400] = '\0';
	f.name = S(name);
	assert_null(forbund_new_problem(&f));
}

static void
refused(void **state)
{
	struct forbund_new f;
	char name[202];

	(void)state;
	f = good();
	f.name = S("");
	assert_non_null(forbund_new_problem(&f));
	f = good();
	memset(name, 'a', 201);
	name[201] = '\0';
	f.name = S(name);
	assert_non_null(forbund_new_problem(&f));
	f = good();
	f.name = S("Två\nrader");
	assert_non_null(forbund_new_problem(&f));
	f = good();
	f.short_name = S("");
	assert_non_null(forbund_new_problem(&f));
	/* The host name as stored: lower case, no port, a name. */
	static const char *const hosts[] = { "Stegvis.Exempel.se",
		"stegvis.exempel.se:443", "[::1]", "-a.se", "a b", "å.se" };
	for (size_t i = 0; i < sizeof(hosts) / sizeof(*hosts); i++) {
		f = good();
		f.public_host = S(hosts[i]);
		assert_non_null(forbund_new_problem(&f));
	}
	f = good();
	f.admin_username = S("Anna Admin");
	assert_non_null(forbund_new_problem(&f));
	f = good();
	f.admin_name = S("");
	assert_non_null(forbund_new_problem(&f));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepted),
		cmocka_unit_test(refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
