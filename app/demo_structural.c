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

/* Run sql, a literal with up to 8 ? parameters: n of them, each a string
 * (NULL: SQL NULL). With `count`, the first column of its first row into
 * *count. 1 on success. */
static int
demo_stmt(MYSQL *my, const char *sql, const char *const *p, int n, long *count)
{
	MYSQL_STMT *st = mysql_stmt_init(my);
	MYSQL_BIND b[8], out;
	my_bool isnull[8];
	long long v = 0;
	int ok = 0;

	memset(b, 0, sizeof(b));
	for (int i = 0; i < n && i < 8; i++) {
		isnull[i] = p[i] == NULL;
		b[i].buffer_type = MYSQL_TYPE_STRING;
		b[i].buffer = (void *)(p[i] ? p[i] : "");
		b[i].buffer_length = p[i] ? strlen(p[i]) : 0;
		b[i].is_null = &isnull[i];
	}
	memset(&out, 0, sizeof(out));
	out.buffer_type = MYSQL_TYPE_LONGLONG;
	out.buffer = &v;
	if (st != NULL && mysql_stmt_prepare(st, sql, strlen(sql)) == 0 &&
	    (n == 0 || mysql_stmt_bind_param(st, b) == 0) &&
	    mysql_stmt_execute(st) == 0 &&
	    (count == NULL ||
	        (mysql_stmt_bind_result(st, &out) == 0 &&
	            mysql_stmt_fetch(st) == 0))) {
		ok = 1;
		if (count != NULL)
			*count = (long)v;
	}
	if (!ok)
		fprintf(stderr, "stegvis: demo: %s\n",
		    st ? mysql_stmt_error(st) : "out of memory");
	if (st != NULL)
		mysql_stmt_close(st);
	return ok;
}

static int
demo_sql(MYSQL *my, const char *sql)
{
	return demo_stmt(my, sql, NULL, 0, NULL);
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
	static const char insert[] =
	    "INSERT INTO structural_company (insats_id, name, org_number, "
	    "places, joined_on, left_on) SELECT id, ?, ?, ?, ?, ? FROM insats "
	    "WHERE slug = 'praktikplatssamordnare'";
	char name[96], org[12], places[8], joined[16];
	long existing = -1;
	int k = 0;

	if (!demo_stmt(my, probe, NULL, 0, &existing))
		return 0;
	if (existing != 0)
		return existing > 0;
	for (size_t w = 0; w < sizeof(waves) / sizeof(waves[0]); w++) {
		const struct demo_wave *v = &waves[w];
		for (int i = 0; i < v->n; i++, k++) {
			int m = v->month + i * v->months / v->n;
			const char *p[5] = { name, k % 4 ? org : NULL, places,
				joined, v->left };
			demo_orgnr(k, org);
			snprintf(name, sizeof(name), "Demo %s %d AB",
			    trades[k % NTRADES], k + 1);
			snprintf(places, sizeof(places), "%d",
			    v->places + (i < v->extra));
			snprintf(joined, sizeof(joined), "%04d-%02d-%02d",
			    v->year % 10000, m % 100, 1 + (i * 7) % 27);
			if (!demo_stmt(my, insert, p, 5, NULL))
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
	        "INSERT IGNORE INTO staff (forbund_id, organisation_id, "
	        "username, display_name, email, password_hash, "
	        "must_change_password) "
	        "SELECT i.forbund_id, i.host_organisation_id, 'personal.pps', "
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
