/* form_registry.c: every form and its field table; see
 * include/form_registry.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app_limits.h"
#include "form_registry.h"
#include "page_admin_forbund.h"
#include "page_followup.h"
#include "page_summary.h"
#include "route.h"

typedef const struct form_def *(*forms_fn)(size_t *);

static const forms_fn modules[] = {
	page_admin_forms,
	page_admin_org_forms,
	page_admin_insats_forms,
	page_admin_codes_forms,
	page_admin_log_forms,
	page_admin_consent_forms,
	page_admin_gallring_forms,
	page_admin_forbund_forms,
	page_referral_forms,
	page_referral_form_forms,
	page_participation_forms,
	page_participation_list_forms,
	page_participation_view_forms,
	page_participation_contact_forms,
	page_participation_sus_forms,
	page_participation_midterm_forms,
	page_participation_correct_forms,
	page_consent_forms,
	page_report_forms,
	page_report_document_forms,
	page_quest_forms,
	page_quest_staff_forms,
	page_followup_forms,
	page_structural_forms,
	page_structural_training_forms,
	page_structural_goal_forms,
	page_summary_forms,
};

/*
 * POST routes that take no typed text, so no form here: buttons, hidden
 * values, selects and numbers, and the secrets and one-time codes. Those
 * keep a hard maxlength in their views: a cut value is only ever compared
 * with a hash or a code and refused, never stored or shown (README, "Text
 * limits"). A new POST route must be added to a form list or here.
 */
static const char *const no_text_routes[] = {
	"POST /logga-in",          /* user name and password */
	"POST /logga-in/kod",      /* one-time code */
	"POST /logga-ut",          /* button */
	"POST /logga-ut-overallt", /* button */
	"POST /losenord", /* passwords (new ones: the server's limit) */
	"POST /tvastegs/aktivera",            /* one-time code */
	"POST /tvastegs/stang",               /* one-time code */
	"POST /admin/konton/:id/losenord",    /* button */
	"POST /admin/konton/:id/token",       /* button */
	"POST /admin/konton/:id/lasupp",      /* button */
	"POST /admin/konton/:id/tvastegs",    /* button */
	"POST /deltagande/:id/enkat",         /* selects and buttons */
	"POST /deltagande/:id/enkat/slapp",   /* a button; an anonymous code */
	"POST /deltagande/:id/malgrupp",      /* a select */
	"POST /admin/enkater/:id/lankar",     /* a number */
	"POST /api/sus/batcher",              /* the job's API */
	"POST /api/sus/batcher/:id/kvittens", /* the job's API */
	"POST /surfplatta",                   /* one-time code */
	"POST /enkat/lank/:token",            /* button */
	"POST /enkat/sprak",                  /* buttons */
	"POST /enkat/skicka",                 /* button */
	"POST /samtycken/:id/overlamna",      /* button: hand the tablet over */
	"POST /formular/sparat/skicka",       /* button: send the kept form */
	"POST /formular/sparat/avbryt",       /* button */
	"POST /formular/sparat/slang",        /* button */
};

#define REGISTRY_MAX 64u

const struct form_def *const *
form_registry(size_t *n)
{
	static const struct form_def *all[REGISTRY_MAX];
	static size_t nall;
	static int built;

	if (!built) {
		for (size_t m = 0; m < sizeof(modules) / sizeof(modules[0]);
		     m++) {
			size_t k;
			const struct form_def *d = modules[m](&k);

			for (size_t i = 0; i < k && nall < REGISTRY_MAX; i++)
				all[nall++] = &d[i];
		}
		built = 1;
	}
	*n = nall;
	return all;
}

/* One problem line appended to err. */
static size_t problem(char *err, size_t errlen, size_t *used, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static size_t
problem(char *err, size_t errlen, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (*used + 1 < errlen) {
		va_start(ap, fmt);
		k = vsnprintf(err + *used, errlen - *used, fmt, ap);
		va_end(ap);
		if (k > 0)
			*used += (size_t)k < errlen - *used
			    ? (size_t)k
			    : errlen - *used - 1;
	}
	return 1;
}

/* "POST /x" against a route table row. */
static int
route_is(const struct route *rt, const char *route)
{
	const char *m = rt->method == METHOD_POST ? "POST " : "GET ";
	size_t ml = strlen(m);

	return strncmp(route, m, ml) == 0 &&
	    strcmp(route + ml, rt->pattern) == 0;
}

size_t
form_registry_check(char *err, size_t errlen)
{
	size_t nforms, nroutes, bad = 0, used = 0;
	const struct form_def *const *forms = form_registry(&nforms);
	const struct route *routes = route_table(&nroutes);

	if (errlen > 0)
		err[0] = '\0';
	if (nforms == REGISTRY_MAX)
		bad += problem(err, errlen, &used,
		    "more than %u forms: raise REGISTRY_MAX\n", REGISTRY_MAX);
	for (size_t f = 0; f < nforms; f++) {
		const struct form_def *d = forms[f];
		int found = 0;

		for (size_t r = 0; r < nroutes && !found; r++)
			found = route_is(&routes[r], d->route);
		if (!found)
			bad += problem(err, errlen, &used,
			    "%s: no such route\n", d->route);
		for (size_t i = 0; i < d->nspec; i++) {
			const struct field_spec *sp = &d->spec[i];
			char key[VIEW_NAME_MAX + 1];

			if (sp->type != FT_TEXT)
				continue;
			if (sp->max <= 0 && !(sp->flags & FF_DATA_MAX))
				bad += problem(err, errlen, &used,
				    "%s %s: no limit\n", d->route, sp->name);
			if (sp->max > (long long)(MAX_FIELD_LEN / 4) - 1)
				bad += problem(err, errlen, &used,
				    "%s %s: %lld characters may not fit "
				    "MAX_FIELD_LEN\n",
				    d->route, sp->name, sp->max);
			if (form_limit_key(sp->name, key, sizeof(key)) == 0)
				bad += problem(err, errlen, &used,
				    "%s %s: no view key\n", d->route, sp->name);
			/* The same key in the same view must mean one
			 * limit. */
			for (size_t g = 0; g <= f; g++) {
				const struct form_def *o = forms[g];

				if (strcmp(o->view, d->view) != 0)
					continue;
				for (size_t j = 0; j < (g == f ? i : o->nspec);
				     j++) {
					char k2[VIEW_NAME_MAX + 1];

					if (o->spec[j].type != FT_TEXT ||
					    form_limit_key(o->spec[j].name, k2,
					        sizeof(k2)) == 0 ||
					    strcmp(k2, key) != 0 ||
					    o->spec[j].max == sp->max)
						continue;
					bad += problem(err, errlen, &used,
					    "%s: %s is %lld in %s and %lld "
					    "in %s\n",
					    d->view, key, o->spec[j].max,
					    o->route, sp->max, d->route);
				}
			}
		}
	}
	for (size_t r = 0; r < nroutes; r++) {
		int found = 0;

		if (routes[r].method != METHOD_POST)
			continue;
		for (size_t f = 0; f < nforms && !found; f++)
			found = route_is(&routes[r], forms[f]->route);
		for (size_t k = 0;
		     k < sizeof(no_text_routes) / sizeof(no_text_routes[0]) &&
		     !found;
		     k++)
			found = route_is(&routes[r], no_text_routes[k]);
		if (!found)
			bad += problem(err, errlen, &used,
			    "POST %s: neither a form nor listed as taking "
			    "no typed text (app/form_registry.c)\n",
			    routes[r].pattern);
	}
	return bad;
}
