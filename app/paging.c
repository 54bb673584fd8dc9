/* paging.c: lists 50 rows a page, sorted by whitelisted columns; see
 * include/paging.h. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "paging.h"
#include "req.h"
#include "view.h"

void
paging_parse(const struct str *page, const struct str *sort,
    const struct str *dir, const struct paging_sort *sorts, size_t nsorts,
    size_t default_sort, struct paging *out)
{
	long long n = 0;

	out->page = 1;
	out->rows = PAGING_ROWS;
	out->sort = default_sort < nsorts ? default_sort : 0;
	if (page != NULL && page->len > 0 && page->len <= 6) {
		size_t i;
		for (i = 0; i < page->len; i++) {
			if (page->p[i] < '0' || page->p[i] > '9')
				break;
			n = n * 10 + (page->p[i] - '0');
		}
		if (i == page->len && n >= 1 && n <= PAGING_PAGE_MAX)
			out->page = n;
	}
	if (sort != NULL)
		for (size_t i = 0; i < nsorts; i++)
			if (str_eq_cstr(*sort, sorts[i].name))
				out->sort = i;
	out->desc = nsorts > 0 ? sorts[out->sort].default_desc : 0;
	if (dir != NULL && str_eq_cstr(*dir, "stigande"))
		out->desc = 0;
	else if (dir != NULL && str_eq_cstr(*dir, "fallande"))
		out->desc = 1;
}

void
paging_from_query(struct req *r, const struct paging_sort *sorts, size_t nsorts,
    size_t default_sort, struct paging *out)
{
	paging_parse(req_query(r, "sida"), req_query(r, "sortera"),
	    req_query(r, "ordning"), sorts, nsorts, default_sort, out);
}

long long
paging_offset(const struct paging *p)
{
	return (p->page - 1) * p->rows;
}

long long
paging_order(const struct paging *p)
{
	return (long long)p->sort * 2 + (p->desc != 0);
}

void
paging_range(const struct paging *p, long long total, size_t nrows,
    struct paging_range *out)
{
	out->pages = total > 0 ? (total + p->rows - 1) / p->rows : 0;
	if (nrows == 0 || total <= 0) {
		out->first = out->last = 0;
		return;
	}
	out->first = paging_offset(p) + 1;
	out->last = paging_offset(p) + (long long)nrows;
}

/* path?filter&sortera=..&ordning=..[&efter=after]&sida=n (after 0:
 * none). Arena. */
static struct str
paging_href_after(struct req *r, const char *path, struct str filter,
    const char *sort, int desc, long long after, long long page)
{
	struct buf b;

	buf_init(&b, r->a);
	if (buf_printf(&b, "%s?", path) != APP_OK ||
	    (filter.len > 0 &&
	        (buf_append(&b, filter.p, filter.len) != APP_OK ||
	            buf_puts(&b, "&") != APP_OK)) ||
	    buf_printf(&b, "sortera=%s&ordning=%s", sort,
	        desc ? "fallande" : "stigande") != APP_OK ||
	    (after != 0 && buf_printf(&b, "&efter=%lld", after) != APP_OK) ||
	    buf_printf(&b, "&sida=%lld", page) != APP_OK)
		return STR_LIT("");
	return buf_str(&b);
}

/* path?filter&sortera=..&ordning=..&sida=n. Arena. */
static struct str
paging_href(struct req *r, const char *path, struct str filter,
    const char *sort, int desc, long long page)
{
	return paging_href_after(r, path, filter, sort, desc, 0, page);
}

/* Per sort name N: "sort_N_href" and "sort_N_aria" (paging_bind()). */
static enum app_err
paging_bind_sorts(struct req *r, struct view_ctx *ctx, const struct paging *p,
    const char *path, struct str filter, const struct paging_sort *sorts,
    size_t nsorts)
{
	enum app_err e;

	for (size_t i = 0; i < nsorts; i++) {
		/* The view keeps a key's pointer: the keys live in the
		 * arena. */
		char href_key[64], aria_key[64];
		int here = i == p->sort;
		int desc = here ? !p->desc : sorts[i].default_desc;
		const char *hk, *ak;

		snprintf(
		    href_key, sizeof(href_key), "sort_%s_href", sorts[i].name);
		snprintf(
		    aria_key, sizeof(aria_key), "sort_%s_aria", sorts[i].name);
		if ((hk = arena_memdup(r->a, href_key, strlen(href_key) + 1)) ==
		        NULL ||
		    (ak = arena_memdup(r->a, aria_key, strlen(aria_key) + 1)) ==
		        NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(ctx, hk,
		         paging_href(r, path, filter, sorts[i].name, desc,
		             1))) != APP_OK)
			return e;
		if ((e = view_ctx_set_cstr(ctx, ak,
		         !here         ? "none"
		             : p->desc ? "descending"
		                       : "ascending")) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
paging_bind(struct req *r, struct view_ctx *ctx, const struct paging *p,
    long long total, size_t nrows, const char *path, struct str filter,
    const struct paging_sort *sorts, size_t nsorts)
{
	const char *cur = nsorts > 0 ? sorts[p->sort].name : "";
	struct paging_range rg;
	struct buf text;
	long long last_shown = 0;
	enum app_err e;

	paging_range(p, total, nrows, &rg);
	buf_init(&text, r->a);
	if (rg.first > 0 &&
	    (e = buf_printf(&text, "Visar %lld–%lld av %lld", rg.first, rg.last,
	         total)) != APP_OK)
		return e;
	if ((e = view_ctx_set_str(ctx, "paging_text",
	         text.len ? buf_str(&text) : STR_LIT(""))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_pages", rg.pages > 1)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "prev_href",
	         p->page > 1 && p->page <= rg.pages
	             ? paging_href(r, path, filter, cur, p->desc, p->page - 1)
	             : STR_LIT(""))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "next_href",
	         p->page < rg.pages
	             ? paging_href(r, path, filter, cur, p->desc, p->page + 1)
	             : STR_LIT(""))) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "pages")) != APP_OK)
		return e;
	for (long long n = 1; rg.pages > 1 && n <= rg.pages; n++) {
		struct view_ctx *it;

		if (n != 1 && n != rg.pages &&
		    (n < p->page - 2 || n > p->page + 2))
			continue;
		if ((it = view_ctx_list_add(ctx, "pages")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "num", n)) != APP_OK ||
		    (e = view_ctx_set_str(it, "href",
		         paging_href(r, path, filter, cur, p->desc, n))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "current", n == p->page)) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "gap",
		         last_shown != 0 && n > last_shown + 1)) != APP_OK)
			return e;
		last_shown = n;
	}
	return paging_bind_sorts(r, ctx, p, path, filter, sorts, nsorts);
}

long long
paging_after_from_query(struct req *r)
{
	const struct str *v = req_query(r, "efter");
	long long n = 0;

	if (v == NULL || v->len == 0 || v->len > 18)
		return 0;
	for (size_t i = 0; i < v->len; i++) {
		if (v->p[i] < '0' || v->p[i] > '9')
			return 0;
		n = n * 10 + (v->p[i] - '0');
	}
	return n;
}

enum app_err
paging_bind_keyset(struct req *r, struct view_ctx *ctx, const struct paging *p,
    long long total, int more, size_t nrows, long long next_after,
    const char *path, struct str filter, const struct paging_sort *sorts,
    size_t nsorts)
{
	const char *cur = nsorts > 0 ? sorts[p->sort].name : "";
	long long first = paging_offset(p) + 1;
	long long last = paging_offset(p) + (long long)nrows;
	struct buf text;
	enum app_err e;

	/* The page number is a label: rows changed since page 1 may move
	 * it; it never says more than the count. */
	if (!more && last > total) {
		last = total;
		first = last - (long long)nrows + 1;
	}
	buf_init(&text, r->a);
	if (nrows > 0 &&
	    (e = buf_printf(&text, "Visar %lld–%lld av %s%lld", first, last,
	         more ? "fler än " : "", total)) != APP_OK)
		return e;
	if ((e = view_ctx_set_str(ctx, "paging_text",
	         text.len ? buf_str(&text) : STR_LIT(""))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "has_pages", p->page > 1 || next_after != 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "page_rows", p->rows)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "first_href",
	         p->page > 1 ? paging_href(r, path, filter, cur, p->desc, 1)
	                     : STR_LIT(""))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "next_href",
	         next_after != 0 ? paging_href_after(r, path, filter, cur,
	                               p->desc, next_after, p->page + 1)
	                         : STR_LIT(""))) != APP_OK)
		return e;
	return paging_bind_sorts(r, ctx, p, path, filter, sorts, nsorts);
}
