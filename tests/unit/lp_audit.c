/*
 * lp_audit: what a reader can work out about each hidden figure of a
 * published table, with GLPK. A test tool (tests/http/test_privacy_report.sh),
 * built by `make tests`; it shares no code with app/report_suppress.c.
 *
 * Input on stdin, one statement per line, names without spaces:
 *   c NAME VALUE          a published value
 *   h NAME                a suppressed count   (audited)
 *   m NAME                a suppressed measure (audited)
 *   u NAME                an unknown the reader never sees
 *   b NAME LO HI          LO <= NAME <= HI, for an unknown
 *   e TOL WHOLE PART...   |WHOLE - (PART + ...)| <= TOL
 *   l TOL WHOLE PART...   (PART + ...) - WHOLE <= TOL (the parts never
 *                         exceed the whole: a month's places of a gender
 *                         against its enrolled)
 * Every h, m and u is >= 0. Output, for each h and m in input order:
 *   NAME h|m LO HI SLACK
 * LO and HI the least and greatest value of NAME over everything above
 * (HI 1e18 when unbounded), SLACK the largest TOL of the equations NAME
 * is in. Exit 0; 1 on malformed input or when the solver fails (say, the
 * equations contradict the published values).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

#define LA_MAX_VARS  8192
#define LA_MAX_ROWS  8192
#define LA_MAX_TERMS 65536
#define LA_MAX_NAME  96

struct var {
	char name[LA_MAX_NAME];
	char kind; /* c h m u */
	double value, lo, hi;
	int bounded;
	double slack;
};

static struct var vars[LA_MAX_VARS];
static int nvars;
static int ia[LA_MAX_TERMS + 1], ja[LA_MAX_TERMS + 1];
static double ar[LA_MAX_TERMS + 1];
static int nterms;

static int
find(const char *name)
{
	for (int i = 0; i < nvars; i++)
		if (strcmp(vars[i].name, name) == 0)
			return i;
	return -1;
}

static int
fail(int line, const char *what)
{
	fprintf(stderr, "lp_audit: line %d: %s\n", line, what);
	return 1;
}

int
main(void)
{
	static char buf[1 << 16];
	static double tol[LA_MAX_ROWS];
	static char le[LA_MAX_ROWS];
	int nrows = 0, line = 0;
	glp_prob *P;
	glp_smcp parm;

	glp_term_out(GLP_OFF);
	while (fgets(buf, sizeof(buf), stdin) != NULL) {
		char *tok[1024], *save = NULL, *t;
		int n = 0;

		line++;
		for (t = strtok_r(buf, " \t\r\n", &save); t != NULL && n < 1024;
		     t = strtok_r(NULL, " \t\r\n", &save))
			tok[n++] = t;
		if (n == 0 || tok[0][0] == '#')
			continue;
		if (strchr("chmu", tok[0][0]) && tok[0][1] == '\0') {
			struct var *v;
			if (n != (tok[0][0] == 'c' ? 3 : 2) ||
			    strlen(tok[1]) >= LA_MAX_NAME ||
			    find(tok[1]) >= 0 || nvars == LA_MAX_VARS)
				return fail(line, "bad or repeated cell");
			v = &vars[nvars++];
			memset(v, 0, sizeof(*v));
			memcpy(v->name, tok[1], strlen(tok[1]) + 1);
			v->kind = tok[0][0];
			if (v->kind == 'c')
				v->value = strtod(tok[2], NULL);
		} else if (strcmp(tok[0], "b") == 0) {
			int i;
			if (n != 4 || (i = find(tok[1])) < 0 ||
			    vars[i].kind == 'c')
				return fail(line, "bad bound");
			vars[i].bounded = 1;
			vars[i].lo = strtod(tok[2], NULL);
			vars[i].hi = strtod(tok[3], NULL);
		} else if (strcmp(tok[0], "e") == 0 ||
		    strcmp(tok[0], "l") == 0) {
			double tl;
			if (n < 4 || nrows == LA_MAX_ROWS ||
			    nterms + n > LA_MAX_TERMS)
				return fail(line, "bad equation");
			tl = strtod(tok[1], NULL);
			tol[nrows] = tl;
			le[nrows] = tok[0][0] == 'l';
			for (int k = 2; k < n; k++) {
				int i = find(tok[k]);
				if (i < 0)
					return fail(line, "unknown name");
				if (vars[i].slack < tl)
					vars[i].slack = tl;
				nterms++;
				ia[nterms] = nrows + 1;
				ja[nterms] = i + 1;
				ar[nterms] = k == 2 ? 1.0 : -1.0;
			}
			nrows++;
		} else
			return fail(line, "unknown statement");
	}
	if (nvars == 0)
		return 0;
	P = glp_create_prob();
	glp_add_cols(P, nvars);
	for (int i = 0; i < nvars; i++) {
		struct var *v = &vars[i];
		if (v->kind == 'c')
			glp_set_col_bnds(P, i + 1, GLP_FX, v->value, v->value);
		else if (v->bounded)
			glp_set_col_bnds(P, i + 1,
			    v->lo == v->hi ? GLP_FX : GLP_DB, v->lo, v->hi);
		else
			glp_set_col_bnds(P, i + 1, GLP_LO, 0, 0);
	}
	if (nrows > 0) {
		glp_add_rows(P, nrows);
		for (int r = 0; r < nrows; r++)
			if (le[r]) /* whole - parts >= -tol */
				glp_set_row_bnds(P, r + 1, GLP_LO, -tol[r], 0);
			else
				glp_set_row_bnds(P, r + 1,
				    tol[r] > 0 ? GLP_DB : GLP_FX, -tol[r],
				    tol[r]);
		/* A part equal to the whole, or twice in one equation, adds
		 * up: GLPK wants one entry per cell. */
		for (int k = 1; k <= nterms; k++)
			for (int j = k + 1; j <= nterms && ia[j] == ia[k]; j++)
				if (ja[j] == ja[k] && ar[k] != 0) {
					ar[k] += ar[j];
					ar[j] = 0;
				}
		{
			int w = 0;
			for (int k = 1; k <= nterms; k++)
				if (ar[k] != 0) {
					w++;
					ia[w] = ia[k];
					ja[w] = ja[k];
					ar[w] = ar[k];
				}
			nterms = w;
		}
		glp_load_matrix(P, nterms, ia, ja, ar);
	}
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	for (int i = 0; i < nvars; i++) {
		double lo, hi;

		if (vars[i].kind != 'h' && vars[i].kind != 'm')
			continue;
		glp_set_obj_coef(P, i + 1, 1.0);
		glp_set_obj_dir(P, GLP_MIN);
		if (glp_simplex(P, &parm) != 0 || glp_get_status(P) != GLP_OPT)
			return fail(
			    0, "no solution: the equations do not hold");
		lo = glp_get_obj_val(P);
		glp_set_obj_dir(P, GLP_MAX);
		if (glp_simplex(P, &parm) != 0)
			return fail(0, "solver failed");
		if (glp_get_status(P) == GLP_UNBND)
			hi = 1e18;
		else if (glp_get_status(P) == GLP_OPT)
			hi = glp_get_obj_val(P);
		else
			return fail(0, "no solution");
		glp_set_obj_coef(P, i + 1, 0.0);
		printf("%s %c %.6f %.6f %.6f\n", vars[i].name, vars[i].kind, lo,
		    hi, vars[i].slack);
	}
	glp_delete_prob(P);
	glp_free_env();
	return 0;
}
