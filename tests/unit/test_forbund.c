/* test_forbund.c: unit tests for what `stegvis forbund-add` and
 * `forbund-set` accept and refuse, and the checks of a förbund's own
 * details (app/forbund.c). No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "forbund.h"
#include "req.h"
#include "session.h"

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
	/* Digits only would read as an id in --forbund. */
	f = good();
	f.short_name = S("2");
	assert_non_null(forbund_new_problem(&f));
	f.short_name = S("F2");
	assert_null(forbund_new_problem(&f));
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

/* ---- The förbund's own details ---- */

static struct forbund_details
details(void)
{
	return (struct forbund_details){ .org_number = S("222000-0836"),
		.sus_code = S("SF-0815_x"),
		.municipalities = S("Exempelstad, Provby"),
		.description =
		    S("Ett förbund.\n\nMed två stycken.\tOch tab.") };
}

static void
details_accepted(void **state)
{
	struct forbund_details d = details();
	const char *err[FORBUND_DETAIL__MAX];
	char orgnr[FORBUND_ORG_NUMBER_MAX + 1];
	static char desc[FORBUND_DESCRIPTION_MAX * 2 + 1];
	static char munic[FORBUND_MUNICIPALITIES_MAX + 1];

	(void)state;
	assert_int_equal(forbund_details_check(&d, orgnr, err), 0);
	for (size_t k = 0; k < FORBUND_DETAIL__MAX; k++)
		assert_null(err[k]);
	assert_string_equal(d.org_number.p, "222000-0836");
	/* Ten digits: saved with the dash. */
	d = details();
	d.org_number = S("2220000836");
	assert_int_equal(forbund_details_check(&d, orgnr, err), 0);
	assert_int_equal(d.org_number.len, 11);
	assert_memory_equal(d.org_number.p, "222000-0836", 11);
	/* Everything empty: nothing known yet. */
	d = (struct forbund_details){ S(""), S(""), S(""), S("") };
	assert_int_equal(forbund_details_check(&d, orgnr, err), 0);
	assert_int_equal(d.org_number.len, 0);
	/* The SUS code at its limit, every printable ASCII character. */
	d = details();
	d.sus_code = S("!~azAZ09-_.:/#()[]{}+=*&%$@^|<>?");
	assert_int_equal(d.sus_code.len, FORBUND_SUS_CODE_MAX);
	assert_int_equal(forbund_details_check(&d, orgnr, err), 0);
	/* The texts at their limits, counted in characters. */
	for (size_t i = 0; i < FORBUND_DESCRIPTION_MAX; i++)
		memcpy(desc + 2 * i, "é", 2);
	desc[FORBUND_DESCRIPTION_MAX * 2] = '\0';
	memset(munic, 'k', FORBUND_MUNICIPALITIES_MAX);
	munic[FORBUND_MUNICIPALITIES_MAX] = '\0';
	d = details();
	d.description = S(desc);
	d.municipalities = S(munic);
	assert_int_equal(forbund_details_check(&d, orgnr, err), 0);
}

static void
details_refused(void **state)
{
	static const char *const orgnrs[] = { "222000-0837", "22200-00836",
		"222000 0836", "22200008361", "abcdef-ghij", "222000--836",
		"222000-083" };
	static const char *const codes[] = { "SF 0815", "SFÅ", "SF\t1",
		"123456789012345678901234567890123" };
	struct forbund_details d;
	const char *err[FORBUND_DETAIL__MAX];
	char orgnr[FORBUND_ORG_NUMBER_MAX + 1];
	static char desc[FORBUND_DESCRIPTION_MAX + 2];
	static char munic[FORBUND_MUNICIPALITIES_MAX + 2];

	(void)state;
	for (size_t i = 0; i < sizeof(orgnrs) / sizeof(*orgnrs); i++) {
		d = details();
		d.org_number = S(orgnrs[i]);
		assert_int_equal(forbund_details_check(&d, orgnr, err), 1);
		assert_non_null(err[FORBUND_ORG_NUMBER]);
		assert_string_equal(d.org_number.p, orgnrs[i]); /* kept */
	}
	for (size_t i = 0; i < sizeof(codes) / sizeof(*codes); i++) {
		d = details();
		d.sus_code = S(codes[i]);
		assert_int_equal(forbund_details_check(&d, orgnr, err), 1);
		assert_non_null(err[FORBUND_SUS_CODE]);
	}
	d = details();
	d.municipalities = S("Exempelstad,\nProvby");
	assert_int_equal(forbund_details_check(&d, orgnr, err), 1);
	assert_non_null(err[FORBUND_MUNICIPALITIES]);
	memset(munic, 'k', FORBUND_MUNICIPALITIES_MAX + 1);
	munic[FORBUND_MUNICIPALITIES_MAX + 1] = '\0';
	d = details();
	d.municipalities = S(munic);
	assert_int_equal(forbund_details_check(&d, orgnr, err), 1);
	assert_non_null(err[FORBUND_MUNICIPALITIES]);
	memset(desc, 'd', FORBUND_DESCRIPTION_MAX + 1);
	desc[FORBUND_DESCRIPTION_MAX + 1] = '\0';
	d = details();
	d.description = S(desc);
	assert_int_equal(forbund_details_check(&d, orgnr, err), 1);
	assert_non_null(err[FORBUND_DESCRIPTION]);
	d = details();
	d.description = S("Med ett \x01 styrtecken");
	assert_int_equal(forbund_details_check(&d, orgnr, err), 1);
	assert_non_null(err[FORBUND_DESCRIPTION]);
	/* Every field wrong at once: each its own message. */
	d = (struct forbund_details){ S("1"), S("a b"), S("a\nb"), S("\x7f") };
	assert_int_equal(forbund_details_check(&d, orgnr, err), 4);
}

/* ---- The operator's changes ---- */

/* SOFTLEG the default (no host), EXEMPEL with a host, an inactive one
 * without a host, and two sharing a short name. */
static const struct forbund_brief rows[] = {
	{ 1, { "Ett", 3 }, { "SOFTLEG", 7 }, { "", 0 }, 1 },
	{ 2, { "Två", 4 }, { "EXEMPEL", 7 }, { "ex.se", 5 }, 1 },
	{ 3, { "Tre", 3 }, { "STANGT", 6 }, { "", 0 }, 0 },
	{ 4, { "Fyra", 4 }, { "DUBBEL", 6 }, { "d4.se", 5 }, 1 },
	{ 5, { "Fem", 3 }, { "DUBBEL", 6 }, { "d5.se", 5 }, 0 },
};
#define NROWS (sizeof(rows) / sizeof(*rows))

static struct forbund_set
none(void)
{
	return (struct forbund_set){ .active = -1 };
}

static void
set_checked(void **state)
{
	struct forbund_set s = none();

	(void)state;
	assert_null(forbund_set_problem(&s));
	s.name = S("Samordningsförbundet Nytt Namn");
	s.short_name = S("NYTT");
	s.public_host = S("stegvis.nytt.se");
	s.active = 0;
	assert_null(forbund_set_problem(&s));
	s.public_host = S(""); /* --no-host */
	assert_null(forbund_set_problem(&s));
	/* The same refusals as forbund-add's. */
	s = none();
	s.name = S("");
	assert_non_null(forbund_set_problem(&s));
	s = none();
	s.short_name = S("Två\nrader");
	assert_non_null(forbund_set_problem(&s));
	s = none();
	s.public_host = S("Stegvis.Exempel.se");
	assert_non_null(forbund_set_problem(&s));
	s = none();
	s.public_host = S("stegvis.exempel.se:443");
	assert_non_null(forbund_set_problem(&s));
	s = none();
	s.active = 2;
	assert_non_null(forbund_set_problem(&s));
}

static void
picked(void **state)
{
	size_t k = 99;

	(void)state;
	assert_int_equal(forbund_pick(rows, NROWS, "2", &k), FORBUND_PICK_OK);
	assert_int_equal(k, 1);
	assert_int_equal(
	    forbund_pick(rows, NROWS, "EXEMPEL", &k), FORBUND_PICK_OK);
	assert_int_equal(k, 1);
	/* An inactive one too: it may be switched on. */
	assert_int_equal(
	    forbund_pick(rows, NROWS, "STANGT", &k), FORBUND_PICK_OK);
	assert_int_equal(k, 2);
	assert_int_equal(
	    forbund_pick(rows, NROWS, "exempel", &k), FORBUND_PICK_NONE);
	assert_int_equal(forbund_pick(rows, NROWS, "9", &k), FORBUND_PICK_NONE);
	assert_int_equal(forbund_pick(rows, NROWS, "", &k), FORBUND_PICK_NONE);
	assert_int_equal(
	    forbund_pick(rows, NROWS, "DUBBEL", &k), FORBUND_PICK_SEVERAL);
	assert_int_equal(forbund_pick(rows, NROWS, "5", &k), FORBUND_PICK_OK);
	assert_int_equal(k, 4);
}

static void
applied(void **state)
{
	struct forbund_set s = none();
	struct forbund_brief after;

	(void)state;
	forbund_set_apply(&rows[1], &s, &after);
	assert_true(str_eq(after.name, rows[1].name));
	assert_true(str_eq(after.public_host, rows[1].public_host));
	assert_int_equal(after.active, 1);
	s.short_name = S("NY");
	s.public_host = S("");
	s.active = 0;
	forbund_set_apply(&rows[1], &s, &after);
	assert_int_equal(after.id, 2);
	assert_true(str_eq(after.name, rows[1].name));
	assert_true(str_eq_cstr(after.short_name, "NY"));
	assert_int_equal(after.public_host.len, 0);
	assert_int_equal(after.active, 0);
}

/* The refusal of s applied to rows[k] among rows. */
static enum forbund_set_refusal
refusal_of(size_t k, struct forbund_set s)
{
	struct forbund_brief after;

	forbund_set_apply(&rows[k], &s, &after);
	return forbund_set_refusal(rows, NROWS, k, &after);
}

static void
refusals(void **state)
{
	struct forbund_set s;
	struct forbund_brief two[2] = { rows[0], rows[1] };
	struct forbund_brief after;

	(void)state;
	/* EXEMPEL without a host name beside SOFTLEG's default: refused. */
	s = none();
	s.public_host = S("");
	assert_int_equal(refusal_of(1, s), FORBUND_SET_HOSTLESS);
	/* STANGT (no host) switched on beside SOFTLEG: refused; with a host
	 * name given at once, or switched on with one: fine. */
	s = none();
	s.active = 1;
	assert_int_equal(refusal_of(2, s), FORBUND_SET_HOSTLESS);
	s.public_host = S("tre.se");
	assert_int_equal(refusal_of(2, s), FORBUND_SET_OK);
	/* SOFTLEG given a host name: no default then, allowed (every
	 * förbund on a name of its own). */
	s = none();
	s.public_host = S("softleg.se");
	assert_int_equal(refusal_of(0, s), FORBUND_SET_OK);
	/* SOFTLEG renamed, its host unchanged: fine. */
	s = none();
	s.name = S("Nytt");
	s.public_host = S("");
	assert_int_equal(refusal_of(0, s), FORBUND_SET_OK);
	/* Switched off while others are active: fine; an inactive one
	 * switched off again, or losing its host name: fine. */
	s = none();
	s.active = 0;
	assert_int_equal(refusal_of(0, s), FORBUND_SET_OK);
	assert_int_equal(refusal_of(4, s), FORBUND_SET_OK);
	s.public_host = S("");
	assert_int_equal(refusal_of(4, s), FORBUND_SET_OK);
	/* The last active one switched off: refused. */
	two[1].active = 0;
	s = none();
	s.active = 0;
	forbund_set_apply(&two[0], &s, &after);
	assert_int_equal(
	    forbund_set_refusal(two, 2, 0, &after), FORBUND_SET_LAST_ACTIVE);
	/* ... but renamed it may be. */
	s = none();
	s.name = S("Nytt");
	forbund_set_apply(&two[0], &s, &after);
	assert_int_equal(
	    forbund_set_refusal(two, 2, 0, &after), FORBUND_SET_OK);
	/* Two defaults already (by hand): a change that keeps it so is not
	 * this command's to refuse. */
	two[1] = rows[0];
	two[1].id = 7;
	s = none();
	s.short_name = S("X");
	forbund_set_apply(&two[0], &s, &after);
	assert_int_equal(
	    forbund_set_refusal(two, 2, 0, &after), FORBUND_SET_OK);
}

/* Who manages the installation's settings: the operator's mark, carried
 * by the session; a token never. */
static void
installation_admin(void **state)
{
	struct staff_user u = { .installation_admin = 1 };
	struct req r = { .user = &u };

	(void)state;
	assert_true(forbund_may_manage_installation(&r));
	u.installation_admin = 0;
	assert_false(forbund_may_manage_installation(&r));
	r.user = NULL;
	assert_false(forbund_may_manage_installation(&r));
}

/* What `stegvis installation-admin` may change. */
static void
installation_admin_decided(void **state)
{
	(void)state;
	/* found, is_active, is_admin, is_marked, can, able, on */
	assert_int_equal(
	    forbund_ia_decide(0, 1, 1, 0, 0, 1, 1), FORBUND_IA_UNKNOWN);
	assert_int_equal(
	    forbund_ia_decide(1, 1, 1, 0, 0, 1, 1), FORBUND_IA_DONE);
	assert_int_equal(
	    forbund_ia_decide(1, 1, 1, 1, 1, 1, 1), FORBUND_IA_UNCHANGED);
	assert_int_equal(
	    forbund_ia_decide(1, 1, 0, 0, 0, 1, 1), FORBUND_IA_NOT_ADMIN);
	/* An inactive account is not marked; it may be unmarked. */
	assert_int_equal(
	    forbund_ia_decide(1, 0, 1, 0, 0, 1, 1), FORBUND_IA_UNKNOWN);
	assert_int_equal(
	    forbund_ia_decide(1, 0, 1, 1, 0, 1, 0), FORBUND_IA_DONE);
	/* Off: not the last one that can manage them. */
	assert_int_equal(
	    forbund_ia_decide(1, 1, 1, 1, 1, 1, 0), FORBUND_IA_LAST);
	assert_int_equal(
	    forbund_ia_decide(1, 1, 1, 1, 1, 2, 0), FORBUND_IA_DONE);
	/* One that cannot use the mark (its role taken, its förbund off)
	 * neither counts nor is kept: the other is the last. */
	assert_int_equal(
	    forbund_ia_decide(1, 1, 0, 1, 0, 1, 0), FORBUND_IA_DONE);
	assert_int_equal(
	    forbund_ia_decide(1, 1, 1, 0, 0, 2, 0), FORBUND_IA_UNCHANGED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepted),
		cmocka_unit_test(refused),
		cmocka_unit_test(details_accepted),
		cmocka_unit_test(details_refused),
		cmocka_unit_test(set_checked),
		cmocka_unit_test(picked),
		cmocka_unit_test(applied),
		cmocka_unit_test(refusals),
		cmocka_unit_test(installation_admin),
		cmocka_unit_test(installation_admin_decided),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
