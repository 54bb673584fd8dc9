/*
 * fuzz_form_fields.c: libFuzzer target for the typed field validation of
 * app/form.c: form_validate() with every field type, flag and limit, on
 * the real forms of the registry (form_registry()) and on a table made
 * from the input; form_limit_key() on every field name.
 *
 * Links: app/form.c app/form_registry.c and what they use (plus the shared
 * replay main, or clang -fsanitize=fuzzer). Input: byte 0 even: a real
 * form (byte 1 picks it; a code list's choices, which its handler takes
 * from the database, are stand-ins); odd: one field of type, flags and limits taken
 * from bytes 1-18. Then records [key][len][len bytes]: key picks a field
 * name of the table (or one it does not have), the value is raw bytes (a
 * list built without the parsers: NUL and bad UTF-8 included).
 * Invariants checked with abort(), for every field:
 *  - n is the number of its keys; ok exactly when there is no error, and
 *    *nerrors counts the fields not ok; s is valid UTF-8 without NUL;
 *  - a required field that is ok is present; a repeated key of a field
 *    without FF_MULTI is not ok; a field not ok or absent has i 0;
 *  - an ok single value is typed as its type says: a text has min..max
 *    characters (form_text_chars()), no control character but tab (and
 *    LF in a multiline one, which has no CR left); an integer is in
 *    min..max and is the text; a date is a real one in its bounds and
 *    prints back as the text; an enum's i names the text's choice (a
 *    multi mask names only choices); a checkbox is 1.
 *  - form_limit_key() gives "<name without digits and *>_max" without
 *    "__", '-' or a leading '_', or 0.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "arena.h"
#include "form.h"
#include "form_registry.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const fuzz_choices[] = { "ja", "nej", "\xc3\xa5r", "vet ej",
	NULL };
static const char *const fuzz_no_choices[] = { NULL };

static long long
fuzz_ll(const uint8_t *p)
{
	unsigned long long v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return (long long)v;
}

/* A small limit (0..40) or a large one from the byte. */
static long long
fuzz_limit(const uint8_t *p)
{
	return p[0] & 0x80 ? fuzz_ll(p) : (long long)(p[0] % 41);
}

static void
fuzz_limit_key(const char *name)
{
	char out[64];
	size_t n = form_limit_key(name, out, sizeof(out));

	if (n == 0)
		return;
	if (strlen(out) != n || n < 5 || strcmp(out + n - 4, "_max") != 0 ||
	    out[0] == '_' || strstr(out, "__") != NULL ||
	    strpbrk(out, "0123456789*-") != NULL)
		abort();
}

static int
fuzz_real_date(long long ymd)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };
	long long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= dim[m - 1] + (m == 2 && leap);
}

static size_t
fuzz_nchoices(const char *const *c)
{
	size_t n = 0;

	while (c[n] != NULL)
		n++;
	return n;
}

static void
fuzz_typed(const struct field_spec *sp, const struct field_val *fv)
{
	int multi = (sp->flags & FF_MULTI) != 0;
	char buf[64];

	if (sp->type == FT_BOOL) {
		if (fv->i != (fv->n > 0))
			abort();
		return;
	}
	if (!fv->present) {
		if (fv->i != 0)
			abort();
		return;
	}
	if (sp->type == FT_ENUM && multi) {
		if ((unsigned long long)fv->i >> fuzz_nchoices(sp->choices))
			abort();
		return;
	}
	if (multi)
		return; /* s is one of several values */
	switch (sp->type) {
	case FT_TEXT: {
		long long chars = (long long)form_text_chars(fv->s);

		if (chars < sp->min || (sp->max > 0 && chars > sp->max))
			abort();
		for (size_t i = 0; i < fv->s.len; i++) {
			unsigned char c = (unsigned char)fv->s.p[i];

			if (c == 0x7F ||
			    (c < 0x20 && c != '\t' &&
			        !(c == '\n' && (sp->flags & FF_MULTILINE))))
				abort();
		}
		break;
	}
	case FT_INT:
		if (fv->i < sp->min || fv->i > sp->max)
			abort();
		snprintf(buf, sizeof(buf), "%lld", fv->i);
		/* Leading zeros and "-0" aside, the text is the number. */
		{
			struct str t = fv->s;
			int neg = t.len > 0 && t.p[0] == '-';
			size_t k = neg;

			while (k + 1 < t.len && t.p[k] == '0')
				k++;
			if (fv->i == 0 ? !(t.len - k == 1 && t.p[k] == '0')
			               : (neg != (fv->i < 0) ||
			                     !str_eq_cstr((struct str){ t.p + k,
			                                      t.len - k },
			                         buf + (fv->i < 0))))
				abort();
		}
		break;
	case FT_DATE:
		if (!fuzz_real_date(fv->i) ||
		    (sp->min != 0 && fv->i < sp->min) ||
		    (sp->max != 0 && fv->i > sp->max))
			abort();
		snprintf(buf, sizeof(buf), "%04lld-%02lld-%02lld",
		    fv->i / 10000, fv->i / 100 % 100, fv->i % 100);
		if (!str_eq_cstr(fv->s, buf))
			abort();
		break;
	case FT_ENUM:
		if (fv->i < 0 || (size_t)fv->i >= fuzz_nchoices(sp->choices) ||
		    !str_eq_cstr(fv->s, sp->choices[fv->i]))
			abort();
		break;
	default: abort();
	}
}

static void
fuzz_check(struct arena *a, const struct kv_list *l,
    const struct field_spec *spec, size_t nspec)
{
	struct field_val *fv;
	size_t nerr = 0, bad = 0;

	if ((fv = calloc(nspec, sizeof(*fv))) == NULL)
		return;
	if (form_validate(a, l, spec, nspec, fv, &nerr) != APP_OK)
		abort();
	for (size_t i = 0; i < nspec; i++) {
		const struct field_spec *sp = &spec[i];

		fuzz_limit_key(sp->name);
		if (fv[i].n != kv_count(l, sp->name) ||
		    fv[i].ok == (fv[i].error != NULL) ||
		    !str_utf8_valid(fv[i].s) || str_has_nul(fv[i].s))
			abort();
		bad += !fv[i].ok;
		if (!fv[i].ok) {
			if (fv[i].i != 0 || fv[i].error[0] == '\0')
				abort();
			continue;
		}
		if (((sp->flags & FF_REQUIRED) && !fv[i].present) ||
		    (fv[i].n > 1 && !(sp->flags & FF_MULTI)))
			abort();
		fuzz_typed(sp, &fv[i]);
	}
	if (bad != nerr)
		abort();
	free(fv);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct field_spec one, *copy = NULL;
	const struct field_spec *spec;
	size_t nspec, at, cap = 0;
	struct arena a;
	struct kv_list l = { NULL, 0 };

	if (size < 2)
		return 0;
	if (data[0] % 2 == 0) {
		const struct form_def *const *forms;
		size_t nforms;

		forms = form_registry(&nforms);
		if (nforms == 0)
			return 0;
		nspec = forms[data[1] % nforms]->nspec;
		if (nspec == 0 || (copy = calloc(nspec, sizeof(*copy))) == NULL)
			return 0;
		memcpy(
		    copy, forms[data[1] % nforms]->spec, nspec * sizeof(*copy));
		/* A code list's choices come from the database: the handler
		 * puts them in its copy of the table (page_referral_form.c);
		 * so does this. */
		for (size_t i = 0; i < nspec; i++)
			if (copy[i].type == FT_ENUM && copy[i].choices == NULL)
				copy[i].choices = fuzz_choices;
		spec = copy;
		at = 2;
	} else {
		if (size < 19)
			return 0;
		one = (struct field_spec){ "f", (enum field_type)(data[1] % 5),
			fuzz_limit(data + 3), fuzz_limit(data + 11),
			data[2] &
			    (FF_REQUIRED | FF_MULTI | FF_MULTILINE |
			        FF_DATA_MAX),
			NULL };
		if (one.type == FT_ENUM)
			one.choices =
			    data[2] & 0x80 ? fuzz_no_choices : fuzz_choices;
		if (one.type == FT_DATE && !(data[3] & 0x80))
			one.min = 19000101 + (data[3] % 41) * 30000;
		spec = &one;
		nspec = 1;
		at = 19;
	}
	if (nspec == 0 || !arena_init(&a, 4u << 20)) {
		free(copy);
		return 0;
	}
	while (at + 2 <= size) {
		size_t key = data[at], len = data[at + 1];
		char *kp, *vp;

		at += 2;
		if (len > size - at)
			len = size - at;
		if (l.n == cap) {
			struct kv *v =
			    arena_calloc(&a, cap * 2 + 4, sizeof(*v));

			if (v == NULL)
				break;
			if (l.n > 0)
				memcpy(v, l.v, l.n * sizeof(*v));
			l.v = v;
			cap = cap * 2 + 4;
		}
		kp = key % (nspec + 1) == nspec
		    ? "ingen-sadan"
		    : (char *)spec[key % (nspec + 1)].name;
		if ((vp = arena_alloc(&a, len + 1)) == NULL)
			break;
		memcpy(vp, data + at, len);
		vp[len] = '\0';
		l.v[l.n].key = str_cstr(kp);
		l.v[l.n].val = (struct str){ vp, len };
		l.n++;
		at += len;
	}
	fuzz_check(&a, &l, spec, nspec);
	arena_free(&a);
	free(copy);
	return 0;
}
