/*
 * paging.h: a list shown 50 rows a page, sorted by a column from the
 * list's own whitelist (issue 15, item 8).
 *
 * The query string carries "sida" (1, 2, ...), "sortera" (a name from the
 * list's table of struct paging_sort) and "ordning" ("stigande" or
 * "fallande"). Anything else (not a number, 0, too large, an unknown
 * column or order) is no error: the page is 1, and the list's default sort
 * applies. SQL never sees a name: the statement gets paging_order(), an
 * index it maps to its own ORDER BY expressions (a CASE per index), and
 * paging_offset() for its LIMIT 50 OFFSET ?. The statement counts all
 * matching rows in the same round trip (COUNT(*) OVER ()), so a page
 * costs one statement.
 */
#ifndef PAGING_H
#define PAGING_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct req;
struct view_ctx;

#define PAGING_ROWS     50
/* The highest page number accepted (beyond: page 1). */
#define PAGING_PAGE_MAX 100000

/* One sortable column: its name in the query and the view key stem, and
 * its natural order (1: newest first). */
struct paging_sort {
	const char *name;
	int default_desc;
};

struct paging {
	long long page; /* 1.. */
	size_t sort;    /* index into the list's table */
	int desc;
	long long rows; /* rows a page: PAGING_ROWS, or the list's own */
};

/*
 * *out from the three query values (NULL when absent): a page 1 ..
 * PAGING_PAGE_MAX in decimal, else 1; a sort named in sorts, else
 * default_sort; "stigande" or "fallande", else that column's natural
 * order; rows PAGING_ROWS (a list with pages of its own size sets it
 * after).
 */
void paging_parse(const struct str *page, const struct str *sort,
    const struct str *dir, const struct paging_sort *sorts, size_t nsorts,
    size_t default_sort, struct paging *out);

/* paging_parse() of r's query string. */
void paging_from_query(struct req *, const struct paging_sort *sorts,
    size_t nsorts, size_t default_sort, struct paging *out);

/* The statement's parameters: the row offset, and the order index
 * (sort * 2 + desc). */
long long paging_offset(const struct paging *);
long long paging_order(const struct paging *);

/* What the page shows of total rows: rows first..last (1-based; 0..0
 * when none) of pages. */
struct paging_range {
	long long first, last, pages;
};
void paging_range(const struct paging *, long long total, size_t nrows,
    struct paging_range *out);

/*
 * Bind to ctx: "paging_text" ("Visar 1–50 av 328", or "" when total is
 * 0), "has_pages" (more than one), "prev_href"/"next_href" ("" at the
 * ends), list "pages" (num, href, current: the first, the last and the
 * two either side of the current one, "gap" before a jump), and per sort
 * name N: "sort_N_href" (the first page in N's natural order, or reversed
 * when N is the current sort) and "sort_N_aria" ("ascending",
 * "descending" or "none"). Links are path?filter&sida=..; filter is the
 * list's own validated query ("" or "k=v&k=v", safe characters only).
 */
enum app_err paging_bind(struct req *, struct view_ctx *, const struct paging *,
    long long total, size_t nrows, const char *path, struct str filter,
    const struct paging_sort *sorts, size_t nsorts);

/*
 * Paging by key (a list whose pages follow the last row shown, not an
 * offset: a row changed between two loads moves no other row from one
 * page to another). The query carries "efter", the id of the last row of
 * the page before (0 or absent: the first page), and "sida", which is
 * only the page's number as a label.
 */
/* "efter" of r's query: a positive number, else 0. */
long long paging_after_from_query(struct req *);

/*
 * Bind to ctx: "paging_text" ("Visar 51–100 av 328", "... av fler än
 * 1000" when more, "" without rows), "has_pages" (not the first page, or
 * a next), "first_href" (the first page; "" on it), "next_href" (the rows
 * after next_after, page p->page + 1; "" for next_after 0), "page_rows"
 * (p->rows, the link's "Nästa 50"), and per sort name the sort links as
 * paging_bind().
 */
enum app_err paging_bind_keyset(struct req *, struct view_ctx *,
    const struct paging *, long long total, int more, size_t nrows,
    long long next_after, const char *path, struct str filter,
    const struct paging_sort *sorts, size_t nsorts);

#endif /* !PAGING_H */
