/* demo_structural.c: the demo register of Praktikplatssamordnare; see
 * include/demo_structural.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_structural.h"

/* The trades of the seed's bank of places (seed 002). */
static const char *const trades[] = { "Livsmedel", "Detaljhandel",
	"Flytt och transport", "Lager", "Restaurang", "Bygg", "Måleri",
	"Webbdesign", "Fastighetsservice", "Grönyta", "Postsortering",
	"Kontorsservice", "Städ", "Hunddagis", "Industritextil",
	"Bil- och MC-verkstad", "Teknik" };
#define NTRADES (sizeof(trades) / sizeof(trades[0]))

static int
demo_sql(MYSQL *my, const char *q)
{
	if (mysql_real_query(my, q, strlen(q)) != 0) {
		fprintf(stderr, "stegvis: demo: %s\n", mysql_error(my));
		return 0;
	}
	return 1;
}

/* A fictitious AB's organisationsnummer (55NNNN-NNNC, Luhn) of n. */
static void
demo_orgnr(int n, char out[12])
{
	char d[24];
	int sum = 0;

	snprintf(d, sizeof(d), "55%07d", (1000000 + n * 37) % 10000000);
	for (int i = 0; i < 9; i++) {
		int v = (d[i] - '0') * (i % 2 == 0 ? 2 : 1);
		sum += v > 9 ? v - 9 : v;
	}
	snprintf(out, 12, "%.6s-%.3s%d", d, d + 6, (10 - sum % 10) % 10);
}

/* Companies: (joined from, months to spread over, how many, places each,
 * the first ones with one place more). */
struct demo_wave {
	int year, month, months, n, places, extra;
	const char *left; /* a day they left, or NULL */
};
static const struct demo_wave waves[] = {
	/* January-August 2019: 32 companies, 37 places (seed 002). */
	{ 2019, 2, 7, 32, 1, 5, NULL },
	/* The autumn of 2019 and 2020, five of which left in 2020. */
	{ 2019, 9, 4, 14, 2, 0, NULL },
	{ 2020, 2, 3, 5, 1, 0, "2020-11-30" },
	{ 2020, 3, 9, 10, 2, 0, NULL },
	/* 2021. */
	{ 2021, 1, 10, 12, 2, 3, NULL },
};

int
demo_structural(MYSQL *my)
{
	static const char probe[] =
	    "SELECT COUNT(*) FROM structural_company c JOIN insats i "
	    "ON i.id = c.insats_id WHERE i.slug = 'praktikplatssamordnare'";
	char q[1024], org[12];
	MYSQL_RES *res;
	MYSQL_ROW row;
	long existing = -1;
	int k = 0;

	if (!demo_sql(my, probe) || (res = mysql_store_result(my)) == NULL)
		return 0;
	if ((row = mysql_fetch_row(res)) != NULL && row[0] != NULL)
		existing = strtol(row[0], NULL, 10);
	mysql_free_result(res);
	if (existing != 0)
		return existing > 0;
	for (size_t w = 0; w < sizeof(waves) / sizeof(waves[0]); w++) {
		const struct demo_wave *v = &waves[w];
		for (int i = 0; i < v->n; i++, k++) {
			int m = v->month + i * v->months / v->n;
			demo_orgnr(k, org);
			snprintf(q, sizeof(q),
			    "INSERT INTO structural_company (insats_id, name, "
			    "org_number, places, joined_on, left_on) SELECT "
			    "id, 'Demo %s %d AB', %s%s%s, %d, '%04d-%02d-%02d', "
			    "%s%s%s FROM insats WHERE slug = "
			    "'praktikplatssamordnare'",
			    trades[k % NTRADES], k + 1, k % 4 ? "'" : "",
			    k % 4 ? org : "NULL", k % 4 ? "'" : "",
			    v->places + (i < v->extra), v->year, m,
			    1 + (i * 7) % 27, v->left ? "'" : "",
			    v->left ? v->left : "NULL", v->left ? "'" : "");
			if (!demo_sql(my, q))
				return 0;
		}
	}
	return demo_sql(my,
	           "INSERT INTO structural_training (insats_id, held_on, "
	           "attendees, note) SELECT i.id, t.d, t.n, t.note FROM insats i "
	           "JOIN (SELECT DATE '2019-10-15' d, 12 n, "
	           "'Tre halvdagar, privata arbetsgivare' note UNION ALL "
	           "SELECT DATE '2019-11-19', 14, 'Tre halvdagar, kommunala "
	           "verksamheter' UNION ALL "
	           "SELECT DATE '2020-10-06', 9, 'Tre halvdagar' UNION ALL "
	           "SELECT DATE '2021-03-10', 15, 'Tre halvdagar' UNION ALL "
	           "SELECT DATE '2021-05-18', 16, 'Tre halvdagar' UNION ALL "
	           "SELECT DATE '2021-10-12', 12, 'Tre halvdagar') t "
	           "WHERE i.slug = 'praktikplatssamordnare'") &&
	    /* The seed's goals: 100 places, three trainings for 45 people. */
	    demo_sql(my,
	        "INSERT IGNORE INTO structural_goal (insats_id, year, "
	        "companies, places, trainings, attendees) SELECT i.id, y.y, "
	        "NULL, 100, 3, 45 FROM insats i JOIN (SELECT 2019 y UNION ALL "
	        "SELECT 2020 UNION ALL SELECT 2021) y "
	        "WHERE i.slug = 'praktikplatssamordnare'") &&
	    /* Its staff: one account, the demo password. */
	    demo_sql(my,
	        "INSERT IGNORE INTO staff (organisation_id, username, "
	        "display_name, email, password_hash, must_change_password) "
	        "SELECT i.host_organisation_id, 'personal.pps', "
	        "'Demo Praktikplatssamordnare', 'personal.pps@stegvis.example', "
	        "s.password_hash, 0 FROM insats i JOIN staff s "
	        "ON s.username = 'personal.cm' "
	        "WHERE i.slug = 'praktikplatssamordnare'") &&
	    demo_sql(my,
	        "INSERT IGNORE INTO staff_role (staff_id, role) SELECT id, "
	        "'insatspersonal' FROM staff WHERE username = 'personal.pps'") &&
	    demo_sql(my,
	        "INSERT IGNORE INTO staff_insats (staff_id, insats_id) SELECT "
	        "s.id, i.id FROM staff s JOIN insats i "
	        "ON i.slug = 'praktikplatssamordnare' "
	        "WHERE s.username = 'personal.pps'");
}
