/* quest_panel.c: the participation page's questionnaires from their rows;
 * see include/quest_panel.h. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "quest_panel.h"

/* A name's character by the collation's primary weight: '_', the
 * digits, the letters (either case); anything else after them, by byte
 * (not in a name qp_id_ok() lets in). */
static int
quest_name_rank(unsigned char c)
{
	if (c == '_')
		return 1;
	if (c >= '0' && c <= '9')
		return 2 + (c - '0');
	if (c >= 'a' && c <= 'z')
		return 12 + (c - 'a');
	if (c >= 'A' && c <= 'Z')
		return 12 + (c - 'A');
	return 38 + c;
}

int
quest_name_cmp(struct str a, struct str b)
{
	size_t n = a.len < b.len ? a.len : b.len;

	for (size_t i = 0; i < n; i++) {
		int x = quest_name_rank((unsigned char)a.p[i]),
		    y = quest_name_rank((unsigned char)b.p[i]);
		if (x != y)
			return x < y ? -1 : 1;
	}
	return a.len < b.len ? -1 : a.len > b.len;
}

int
quest_panel_row_cmp(const void *pa, const void *pb)
{
	const struct quest_panel_row *a = pa, *b = pb;
	int c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->kind == 0 &&
	    ((c = quest_name_cmp(b->d, a->d)) != 0 ||
	        (c = quest_name_cmp(a->a, b->a)) != 0))
		return c;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return quest_name_cmp(a->b, b->b);
}

enum app_err
quest_panel_from_rows(struct arena *a, struct quest_panel_row *rows, size_t n,
    struct quest_panel *out)
{
	size_t k[3] = { 0, 0, 0 };

	memset(out, 0, sizeof(*out));
	if (n > 1)
		qsort(rows, n, sizeof(*rows), quest_panel_row_cmp);
	for (size_t i = 0; i < n; i++)
		if (rows[i].kind >= 0 && rows[i].kind < 3)
			k[rows[i].kind]++;
	if ((k[0] &&
	        (out->defs = arena_calloc(a, k[0], sizeof(*out->defs))) ==
	            NULL) ||
	    (k[1] &&
	        (out->resp = arena_calloc(a, k[1], sizeof(*out->resp))) ==
	            NULL) ||
	    (k[2] &&
	        (out->codes = arena_calloc(a, k[2], sizeof(*out->codes))) ==
	            NULL))
		return APP_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const struct quest_panel_row *w = &rows[i];

		if (w->kind == 0) {
			struct quest_info *d = &out->defs[out->ndefs++];
			d->id = w->id;
			d->version = w->version;
			d->code = w->a;
			d->title = w->b;
			d->group_name = w->c;
			d->anonymity_name = w->d;
			d->default_lang = w->e;
			d->active = w->active;
			d->group = quest_group_from_name(d->group_name);
			d->anonymity =
			    quest_anonymity_from_name(d->anonymity_name);
		} else if (w->kind == 1) {
			struct quest_response_brief *b =
			    &out->resp[out->nresp++];
			b->code = w->a;
			b->measurement_name = w->b;
			b->status_name = w->c;
			/* A UTC time (an anonymous response's UTC day at
			 * midnight): shown as its Swedish day. */
			if (date_utc_local_str(a, w->d, 1, &b->submitted) < 0)
				return APP_ENOMEM;
			b->measurement =
			    quest_measurement_from_name(b->measurement_name);
			b->status = quest_status_from_name(b->status_name);
		} else if (w->kind == 2) {
			struct quest_code_open *c = &out->codes[out->ncodes++];
			c->id = w->id;
			c->held = w->active;
			c->measurement_name = w->a;
			if (date_utc_local_str(a, w->b, 1, &c->expires) < 0)
				return APP_ENOMEM;
			c->measurement =
			    quest_measurement_from_name(c->measurement_name);
		}
	}
	return APP_OK;
}
