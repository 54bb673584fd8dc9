/*
 * fuzz_view.c: libFuzzer target for the template compiler and renderer.
 *
 * Compiles the input as one template with view_compile() (no I/O) and, if
 * it compiles, renders it against a small context: a string that needs
 * escaping, a number, two booleans and a two-item list whose items carry
 * a nested list. Partials are not linked here, so {{> x}} renders nothing.
 * Lists have two items so that 16 nested sections stay at 2^16 walks.
 */
#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "arena.h"
#include "str.h"
#include "view.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct view_ctx *
make_ctx(struct arena *a)
{
	struct view_ctx *c, *it, *sub;
	int i, j;

	if ((c = view_ctx_new(a)) == NULL ||
	    view_ctx_set_cstr(c, "name", "<b>\"x\" & 'y'</b>") != APP_OK ||
	    view_ctx_set_int(c, "n", 42) != APP_OK ||
	    view_ctx_set_bool(c, "flag", 1) != APP_OK ||
	    view_ctx_set_bool(c, "off", 0) != APP_OK ||
	    view_ctx_set_cstr(c, "empty", "") != APP_OK ||
	    view_ctx_set_list(c, "none") != APP_OK)
		return NULL;
	for (i = 0; i < 2; i++) {
		if ((it = view_ctx_list_add(c, "items")) == NULL ||
		    view_ctx_set_cstr(it, "name", i ? "b" : "a<") != APP_OK ||
		    view_ctx_set_int(it, "i", i) != APP_OK)
			return NULL;
		for (j = 0; j < 2; j++)
			if ((sub = view_ctx_list_add(it, "sub")) == NULL ||
			    view_ctx_set_int(sub, "j", j) != APP_OK)
				return NULL;
	}
	return c;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct view_tpl *t = NULL;
	struct view_ctx *c;
	struct buf out;
	char err[256];

	if (view_compile(&t, "fuzz.html",
	        (struct str){ (const char *)data, size }, err,
	        sizeof(err)) != APP_OK)
		return 0;
	if (!arena_init(&a, 1024 * 1024)) {
		view_tpl_free(t);
		return 0;
	}
	if ((c = make_ctx(&a)) != NULL) {
		buf_init(&out, &a);
		(void)view_tpl_render(t, c, &out);
		/* And with no context at all. */
		buf_init(&out, &a);
		(void)view_tpl_render(t, NULL, &out);
	}
	arena_free(&a);
	view_tpl_free(t);
	return 0;
}
