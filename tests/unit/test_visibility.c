/* test_visibility.c: the one visibility rule (app/visibility.c) as a
 * matrix: roles x relations x waiver states x protected identity, every
 * cell asserted against the table below. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "access.h"
#include "session.h"
#include "visibility.h"

/* A part set as letters, in enum order: R referral, I identity, D details,
 * A address, E edit form, P participation, S SUS detail, F follow-up (the
 * course on the remittent's page), O outcome (the end reason). */
static const char vis_letters[VIS__MAX + 1] = "RIDAEPSFO";

static void
letters(unsigned parts, char *out)
{
	size_t n = 0;

	for (int p = 0; p < VIS__MAX; p++)
		if (parts & VIS_BIT(p))
			out[n++] = vis_letters[p];
	out[n] = '\0';
}

static unsigned
parts_of(const char *s)
{
	unsigned parts = 0;

	for (; *s; s++)
		parts |= VIS_BIT(strchr(vis_letters, *s) - vis_letters);
	return parts;
}

/* The four ways, each on its own. */
enum way { W_OWN, W_CO, W_UNIT, W_INSATS, W__MAX };
static const unsigned way_bit[W__MAX] = { ACCESS_OWN, ACCESS_COREMITTENT,
	ACCESS_UNIT, ACCESS_INSATS };
/* The role a way needs. */
static const unsigned way_role[W__MAX] = { ROLE_BIT(ROLE_REMITTENT),
	ROLE_BIT(ROLE_REMITTENT), ROLE_BIT(ROLE_REMITTENT),
	ROLE_BIT(ROLE_INSATSPERSONAL) };

/*
 * What one way shows, by waiver state (columns) and protected identity:
 * the rule, written out. Columns: no waiver yet (the caller in the
 * referring organisation), in force naming the org, in force not naming
 * it, expired naming it, expired not naming it, revoked, marked in error,
 * no waiver yet (the caller in another organisation: a medremittent's,
 * which passes the same waiver test as everyone else).
 */
static const char *const expect[2][W__MAX][VIS_WAIVER__MAX] = {
	/* not protected */
	{
	    /* the own way keeps the referring side's rule before any
	     * waiver, from another organisation too (the last column) */
	    [W_OWN] = { "RIDAE", "RIDAE", "R", "RIDAE", "R", "R", "R",
	        "RIDAE" },
	    [W_CO] = { "RIDA", "RIDA", "R", "RIDA", "R", "R", "R", "R" },
	    [W_UNIT] = { "RIDA", "RIDA", "R", "RIDA", "R", "R", "R", "R" },
	    [W_INSATS] = { "RIDAPSFO", "RIDAPSFO", "RIDAPSFO", "RIDAPSFO",
	        "RIDAPSFO", "RIDAPSFO", "RIDAPSFO", "RIDAPSFO" },
	},
	/* protected identity: no address on any page; the remittent who
	 * made the referral still holds it in their form */
	{
	    [W_OWN] = { "RIDE", "RIDE", "R", "RIDE", "R", "R", "R", "RIDE" },
	    [W_CO] = { "RID", "RID", "R", "RID", "R", "R", "R", "R" },
	    [W_UNIT] = { "RID", "RID", "R", "RID", "R", "R", "R", "R" },
	    [W_INSATS] = { "RIDPSFO", "RIDPSFO", "RIDPSFO", "RIDPSFO",
	        "RIDPSFO", "RIDPSFO", "RIDPSFO", "RIDPSFO" },
	},
};

static const unsigned role_sets[] = {
	0,
	ROLE_BIT(ROLE_REMITTENT),
	ROLE_BIT(ROLE_INSATSPERSONAL),
	ROLE_BIT(ROLE_FORBUND),
	ROLE_BIT(ROLE_ADMIN),
	ROLE_BIT(ROLE_INTEGRATION),
	ROLE_BIT(ROLE_REMITTENT) | ROLE_BIT(ROLE_INSATSPERSONAL),
	ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_REMITTENT),
	ROLE_BIT(ROLE_FORBUND) | ROLE_BIT(ROLE_INSATSPERSONAL),
	ROLES_STAFF | ROLE_BIT(ROLE_INTEGRATION),
};

/* Every cell: a caller sees the union of what each way they reach it by
 * shows, and a way counts only with its role. */
static void
matrix(void **state)
{
	size_t cells = 0;

	(void)state;
	for (size_t rs = 0; rs < sizeof(role_sets) / sizeof(role_sets[0]); rs++)
		for (unsigned via = 0; via < 16; via++)
			for (int w = 0; w < VIS_WAIVER__MAX; w++)
				for (int prot = 0; prot < 2; prot++) {
					struct vis_in in = { role_sets[rs], via,
						(enum vis_waiver)w, prot, 0 };
					unsigned want = 0,
					         got = visibility(&in);
					char ws[VIS__MAX + 1], gs[VIS__MAX + 1];

					for (int k = 0; k < W__MAX; k++)
						if ((via & way_bit[k]) &&
						    (role_sets[rs] &
						        way_role[k]))
							want |= parts_of(
							    expect[prot][k][w]);
					letters(want, ws);
					letters(got, gs);
					if (want != got)
						print_message(
						    "roles %#x via %#x "
						    "waiver %d protected "
						    "%d\n",
						    role_sets[rs], via, w,
						    prot);
					assert_string_equal(gs, ws);
					for (int p = 0; p < VIS__MAX; p++)
						assert_int_equal(
						    vis_may(
						        &in, (enum vis_part)p),
						    (want & VIS_BIT(p)) != 0);
					cells++;
				}
	assert_int_equal(cells, 10 * 16 * VIS_WAIVER__MAX * 2);
}

/* The remittent side's details, alone (what consent_details_visible()
 * answers). */
/* Combined ways and roles, each cell written out (not derived from the
 * table above): a way counts only with its role, and a caller reaching a
 * referral several ways sees the union. */
static void
combined_cells(void **state)
{
	const unsigned rem = ROLE_BIT(ROLE_REMITTENT);
	const unsigned ins = ROLE_BIT(ROLE_INSATSPERSONAL);
	static const struct {
		unsigned roles, via;
		enum vis_waiver waiver;
		int protected_identity;
		const char *want;
	} cells[] = {
		/* Both roles, own referral and insats staff, waiver revoked:
		 * the insats way shows all but the remittent's edit form. */
		{ 0, ACCESS_OWN | ACCESS_INSATS, VIS_WAIVER_REVOKED, 0,
		    "RIDAPSFO" },
		/* The same with the waiver in force: the edit form too. */
		{ 0, ACCESS_OWN | ACCESS_INSATS, VIS_WAIVER_NAMES_ORG, 0,
		    "RIDAEPSFO" },
		/* Protected: never the address, whatever the ways. */
		{ 0, ACCESS_OWN | ACCESS_INSATS, VIS_WAIVER_NAMES_ORG, 1,
		    "RIDEPSFO" },
		/* Remittent role only, reaching it through an insats: none. */
		{ 1, ACCESS_INSATS, VIS_WAIVER_NONE, 0, "" },
		/* Insats role only, reaching it as its remittent: none. */
		{ 2, ACCESS_OWN, VIS_WAIVER_NONE, 0, "" },
		/* Medremittent and unit, waiver not naming the org: exists. */
		{ 1, ACCESS_COREMITTENT | ACCESS_UNIT, VIS_WAIVER_OTHER_ORGS, 0,
		    "R" },
		/* A medremittent from another organisation before any waiver:
		 * only that it exists (issue 21, item 7) ... */
		{ 1, ACCESS_COREMITTENT, VIS_WAIVER_NONE_OTHER_ORG, 0, "R" },
		/* ... and the details once a waiver names their
		 * organisation. */
		{ 1, ACCESS_COREMITTENT, VIS_WAIVER_NAMES_ORG, 0, "RIDA" },
		/* A medremittent of the referring organisation itself: the
		 * organisation's own rule. */
		{ 1, ACCESS_COREMITTENT, VIS_WAIVER_NONE, 0, "RIDA" },
		/* The referral's own remittent, since moved to another
		 * organisation, before any waiver: still theirs, with its
		 * form (review of issue 21) ... */
		{ 1, ACCESS_OWN, VIS_WAIVER_NONE_OTHER_ORG, 0, "RIDAE" },
		/* ... also when named as medremittent on it too ... */
		{ 1, ACCESS_OWN | ACCESS_COREMITTENT, VIS_WAIVER_NONE_OTHER_ORG,
		    0, "RIDAE" },
		/* ... but a waiver is everyone's test. */
		{ 1, ACCESS_OWN, VIS_WAIVER_OTHER_ORGS, 0, "R" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		unsigned roles = cells[i].roles == 0 ? rem | ins
		    : cells[i].roles == 1            ? rem
		                                     : ins;
		struct vis_in in = { roles, cells[i].via, cells[i].waiver,
			cells[i].protected_identity, 0 };
		char got[VIS__MAX + 1];

		letters(visibility(&in), got);
		if (strcmp(got, cells[i].want) != 0)
			fail_msg(
			    "cell %zu: got %s, want %s", i, got, cells[i].want);
	}
}

/*
 * The follow-up (F) and the end reason (O) on the remittent side: every
 * remittent way x waiver state x scope bits x protected identity. The
 * table says, per waiver state, which of the waiver's own conditions
 * open it: "C" in force today (VIS_SCOPE_CURRENT), "D" the summary sent
 * under it (VIS_SCOPE_DELIVERED); with neither letter, nothing does.
 * Disclosure and planering are needed always, arbete for O.
 */
static const char *const follow_opens[VIS_WAIVER__MAX] = {
	[VIS_WAIVER_NONE] = "",        /* no waiver: nothing to disclose */
	[VIS_WAIVER_NAMES_ORG] = "CD", /* in force, or delivered */
	[VIS_WAIVER_OTHER_ORGS] = "",  /* not their organisation */
	[VIS_WAIVER_EXPIRED_NAMES_ORG] = "D", /* only what went with the
	                                       * summary */
	[VIS_WAIVER_EXPIRED_OTHER_ORGS] = "",
	[VIS_WAIVER_REVOKED] = "",
	[VIS_WAIVER_IN_ERROR] = "",
	[VIS_WAIVER_NONE_OTHER_ORG] = "",
};

static void
follow_matrix(void **state)
{
	static const unsigned ways[3] = { ACCESS_OWN, ACCESS_COREMITTENT,
		ACCESS_UNIT };
	size_t cells = 0, shown = 0;

	(void)state;
	for (int k = 0; k < 3; k++)
		for (int w = 0; w < VIS_WAIVER__MAX; w++)
			for (unsigned sc = 0; sc < 32; sc++)
				for (int prot = 0; prot < 2; prot++) {
					struct vis_in in = {
						ROLE_BIT(ROLE_REMITTENT),
						ways[k], (enum vis_waiver)w,
						prot, sc
					};
					const char *o = follow_opens[w];
					int base = (sc & VIS_SCOPE_DISCLOSE) &&
					    (sc & VIS_SCOPE_PLANERING);
					int f = base &&
					    ((strchr(o, 'C') &&
					         (sc & VIS_SCOPE_CURRENT)) ||
					        (strchr(o, 'D') &&
					            (sc &
					                VIS_SCOPE_DELIVERED)));
					int out = f && (sc & VIS_SCOPE_ARBETE);

					if (vis_may(&in, VIS_FOLLOW) != f ||
					    vis_may(&in, VIS_OUTCOME) != out)
						fail_msg("way %#x waiver %d "
						         "scope %#x prot %d",
						    ways[k], w, sc, prot);
					/* The rest is as without a scope. */
					unsigned with = visibility(&in);
					in.scope = 0;
					assert_int_equal(with &
					        ~(VIS_BIT(VIS_FOLLOW) |
					            VIS_BIT(VIS_OUTCOME)),
					    visibility(&in));
					assert_int_equal(
					    vis_follow((enum vis_waiver)w, sc),
					    f);
					shown += f;
					cells++;
				}
	assert_int_equal(cells, 3 * VIS_WAIVER__MAX * 32 * 2);
	assert_true(shown > 0);
}

/* The walk of issue 15 item 1, each cell written out: a waiver in force
 * naming the organisation, disclosing, with planering and arbete. */
static void
follow_cells(void **state)
{
	const unsigned all = VIS_SCOPE_DISCLOSE | VIS_SCOPE_PLANERING |
	    VIS_SCOPE_ARBETE | VIS_SCOPE_CURRENT;
	static const struct {
		unsigned via;
		enum vis_waiver waiver;
		unsigned scope;
		int protected_identity;
		const char *want;
	} cells[] = {
		/* The own remittent: the course and its end. */
		{ ACCESS_OWN, VIS_WAIVER_NAMES_ORG, 0xf, 0, "RIDAEFO" },
		/* A medremittent whose organisation is named ... */
		{ ACCESS_COREMITTENT, VIS_WAIVER_NAMES_ORG, 0xf, 0, "RIDAFO" },
		/* ... and one whose organisation is not. */
		{ ACCESS_COREMITTENT, VIS_WAIVER_OTHER_ORGS, 0xf, 0, "R" },
		/* Disclosure off: the details, not the course. */
		{ ACCESS_OWN, VIS_WAIVER_NAMES_ORG, 0xe, 0, "RIDAE" },
		/* Without planering: neither. */
		{ ACCESS_OWN, VIS_WAIVER_NAMES_ORG, 0xd, 0, "RIDAE" },
		/* Without arbete: the course, not the end reason. */
		{ ACCESS_OWN, VIS_WAIVER_NAMES_ORG, 0xb, 0, "RIDAEF" },
		/* Revoked: only that it exists, at once. */
		{ ACCESS_OWN, VIS_WAIVER_REVOKED, 0xf, 0, "R" },
		/* Past its last day, before the sweep wrote it back ... */
		{ ACCESS_OWN, VIS_WAIVER_NAMES_ORG, 0x7, 0, "RIDAE" },
		/* ... and after: the details as before, not the course. */
		{ ACCESS_OWN, VIS_WAIVER_EXPIRED_NAMES_ORG, 0x7, 0, "RIDAE" },
		/* Expired by the summary it let the insats send. */
		{ ACCESS_OWN, VIS_WAIVER_EXPIRED_NAMES_ORG, 0x17, 0,
		    "RIDAEFO" },
		/* The remittent who moved: their new organisation is not
		 * named. */
		{ ACCESS_OWN, VIS_WAIVER_OTHER_ORGS, 0xf, 0, "R" },
		/* Protected identity: the course, never the address. */
		{ ACCESS_OWN, VIS_WAIVER_NAMES_ORG, 0xf, 1, "RIDEFO" },
		/* No waiver yet: what they wrote, nothing of the course. */
		{ ACCESS_OWN, VIS_WAIVER_NONE, 0xf, 0, "RIDAE" },
	};

	(void)state;
	assert_int_equal(all, 0xf);
	for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		struct vis_in in = { ROLE_BIT(ROLE_REMITTENT), cells[i].via,
			cells[i].waiver, cells[i].protected_identity,
			cells[i].scope };
		char got[VIS__MAX + 1];

		letters(visibility(&in), got);
		if (strcmp(got, cells[i].want) != 0)
			fail_msg(
			    "cell %zu: got %s, want %s", i, got, cells[i].want);
	}
}

static void
remittent_details(void **state)
{
	static const int want[VIS_WAIVER__MAX] = { 1, 1, 0, 1, 0, 0, 0, 0 };

	(void)state;
	for (int w = 0; w < VIS_WAIVER__MAX; w++)
		assert_int_equal(
		    vis_remittent_details((enum vis_waiver)w), want[w]);
	assert_int_equal(vis_remittent_details(VIS_WAIVER__MAX), 0);
}

/* The "not yet" state is a medremittent's only: the referral's own
 * remittent reads it as the referring organisation's. */
static void
remittent_waiver(void **state)
{
	(void)state;
	assert_int_equal(
	    vis_remittent_waiver(VIS_WAIVER_NONE_OTHER_ORG, ACCESS_OWN),
	    VIS_WAIVER_NONE);
	assert_int_equal(vis_remittent_waiver(VIS_WAIVER_NONE_OTHER_ORG,
	                     ACCESS_OWN | ACCESS_COREMITTENT),
	    VIS_WAIVER_NONE);
	assert_int_equal(vis_remittent_waiver(VIS_WAIVER_NONE_OTHER_ORG,
	                     ACCESS_COREMITTENT | ACCESS_UNIT),
	    VIS_WAIVER_NONE_OTHER_ORG);
	for (int w = 0; w < VIS_WAIVER_NONE_OTHER_ORG; w++)
		assert_int_equal(
		    vis_remittent_waiver((enum vis_waiver)w, ACCESS_OWN), w);
}

static void
waiver_codes(void **state)
{
	(void)state;
	for (int w = 0; w < VIS_WAIVER__MAX; w++)
		assert_int_equal(vis_waiver_from_code(w), w);
	/* Out of range is a bug; it shows least. */
	assert_int_equal(vis_waiver_from_code(-1), VIS_WAIVER_IN_ERROR);
	assert_int_equal(
	    vis_waiver_from_code(VIS_WAIVER__MAX), VIS_WAIVER_IN_ERROR);
	assert_int_equal(vis_waiver_from_code(1LL << 40), VIS_WAIVER_IN_ERROR);
}

/* The mask a list statement filters by: the waiver states in which every
 * way shows the part. */
static void
waiver_masks(void **state)
{
	unsigned rem = ROLE_BIT(ROLE_REMITTENT);
	unsigned ins = ROLE_BIT(ROLE_INSATSPERSONAL);
	unsigned shown = (1u << VIS_WAIVER_NONE) |
	    (1u << VIS_WAIVER_NAMES_ORG) | (1u << VIS_WAIVER_EXPIRED_NAMES_ORG);
	unsigned all = (1u << VIS_WAIVER__MAX) - 1;

	(void)state;
	assert_int_equal(
	    vis_waiver_mask(rem, ACCESS_VIA_REMITTENT, VIS_DETAILS), shown);
	/* The own way keeps the referring side's rule before any waiver. */
	assert_int_equal(vis_waiver_mask(rem, ACCESS_OWN, VIS_DETAILS),
	    shown | (1u << VIS_WAIVER_NONE_OTHER_ORG));
	assert_int_equal(
	    vis_waiver_mask(rem, ACCESS_COREMITTENT, VIS_DETAILS), shown);
	assert_int_equal(
	    vis_waiver_mask(rem, ACCESS_VIA_REMITTENT, VIS_REFERRAL), all);
	/* The edit form: only the own way has it, so not every way. */
	assert_int_equal(
	    vis_waiver_mask(rem, ACCESS_VIA_REMITTENT, VIS_EDIT), 0);
	assert_int_equal(vis_waiver_mask(rem, ACCESS_OWN, VIS_EDIT),
	    shown | (1u << VIS_WAIVER_NONE_OTHER_ORG));
	/* The address: never for a protected person, so in no state. */
	assert_int_equal(vis_waiver_mask(rem, ACCESS_OWN, VIS_ADDRESS), 0);
	/* A way without its role shows nothing. */
	assert_int_equal(
	    vis_waiver_mask(ins, ACCESS_VIA_REMITTENT, VIS_REFERRAL), 0);
	assert_int_equal(vis_waiver_mask(ins, ACCESS_INSATS, VIS_DETAILS), all);
	assert_int_equal(vis_waiver_mask(rem | ins, 0, VIS_REFERRAL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(matrix),
		cmocka_unit_test(combined_cells),
		cmocka_unit_test(follow_matrix),
		cmocka_unit_test(follow_cells),
		cmocka_unit_test(remittent_details),
		cmocka_unit_test(remittent_waiver),
		cmocka_unit_test(waiver_codes),
		cmocka_unit_test(waiver_masks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
