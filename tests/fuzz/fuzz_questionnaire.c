/*
 * fuzz_questionnaire.c: libFuzzer target for quest_parse().
 *
 * Every input is parsed twice: without a schema (the loader's own checks
 * must hold up alone) and with conf/questionnaire.xsd when it can be
 * loaded (run from the repository root, as make check does). Invariants
 * checked with abort():
 *  - success: id, title and default language set; at least one language
 *    and one item; every item has a text and a kind; choice items have at
 *    least two options; scales have min < max; texts come in whole sets
 *    (ntexts is a multiple of nlangs); the error buffer is empty.
 *  - failure: APP_EINPUT or APP_ENOMEM, a non-empty Swedish message, and
 *    *out all zero.
 *  - the same input always gives the same answer.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "quest_xml.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct arena fz_arena;
static struct quest_schema *fz_schema;
static int fz_ready;

static void
fz_check(const struct quest_def *d, enum app_err e, const char *err)
{
	static const struct quest_def zero;

	if (e != APP_OK) {
		if (e != APP_EINPUT && e != APP_ENOMEM)
			abort();
		if (err[0] == '\0' || memcmp(d, &zero, sizeof(zero)) != 0)
			abort();
		return;
	}
	if (err[0] != '\0' || d->code == NULL || d->title == NULL ||
	    d->default_lang == NULL || d->nlangs == 0 || d->nitems == 0 ||
	    d->ntexts % d->nlangs != 0)
		abort();
	for (size_t i = 0; i < d->nitems; i++) {
		const struct quest_item *it = &d->items[i];

		if (it->text == NULL || it->code == NULL ||
		    (unsigned)it->kind >= QK__MAX)
			abort();
		if ((it->kind == QK_ENVAL || it->kind == QK_FLERVAL) &&
		    it->noptions < 2)
			abort();
		if ((it->kind == QK_SKALA || it->kind == QK_VAS) &&
		    it->min >= it->max)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str in = { (const char *)data, size };
	struct quest_def d1, d2;
	char err1[512], err2[512];
	enum app_err e1, e2;

	if (!fz_ready) {
		char err[512];

		if (!arena_init(&fz_arena, 32u * 1024u * 1024u))
			abort();
		if (quest_schema_load("conf/questionnaire.xsd", &fz_schema, err,
		        sizeof(err)) != APP_OK)
			fz_schema = NULL;
		fz_ready = 1;
	}
	arena_reset(&fz_arena);
	e1 = quest_parse(&fz_arena, in, NULL, &d1, err1, sizeof(err1));
	fz_check(&d1, e1, err1);
	e2 = quest_parse(&fz_arena, in, NULL, &d2, err2, sizeof(err2));
	if (e1 != e2 || strcmp(err1, err2) != 0 || d1.nitems != d2.nitems ||
	    d1.ntexts != d2.ntexts)
		abort();
	if (fz_schema != NULL) {
		e2 = quest_parse(
		    &fz_arena, in, fz_schema, &d2, err2, sizeof(err2));
		fz_check(&d2, e2, err2);
		/* The schema may only refuse more, never accept more. */
		if (e2 == APP_OK && e1 != APP_OK)
			abort();
	}
	return 0;
}
