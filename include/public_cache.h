/*
 * public_cache.h: one worker's copies of the anonymous start page (GET /),
 * one per förbund (each förbund's page lists its own insatser), each kept
 * under the public page generation it was rendered from
 * (sql/0045_public_page_generation.sql).
 *
 * A worker serves a förbund's copy only while the generation the database
 * reports for this request is the one the copy was made under; a
 * different one means that something a page shows has changed, and the
 * page is rendered afresh and kept again. Only a page that is the same for
 * every anonymous visitor may be kept: nothing per request or per session
 * (a CSRF token, a user's name or navigation) may be in it.
 *
 * At most PUBLIC_CACHE_SLOTS förbund are kept at once; keeping one more
 * drops the one served longest ago.
 *
 * Per process (a worker has one thread), heap, worker lifetime. No I/O.
 */
#ifndef PUBLIC_CACHE_H
#define PUBLIC_CACHE_H

#include <stddef.h>

#include "str.h"

/* The longest generation kept (UUID_SHORT() is at most 20 digits). */
#define PUBLIC_CACHE_GEN_MAX 32
/* Förbund kept per worker: a page is ~7 KB. */
#define PUBLIC_CACHE_SLOTS   16

/* 1 and the kept body in *body (borrowed: valid until the next
 * public_cache_put() or public_cache_clear()) when förbund forbund's page
 * is kept under exactly generation gen; else 0 and *body is "". An empty
 * gen never matches. */
int public_cache_get(long long forbund, struct str gen, struct str *body);

/* Keep body (copied) as förbund forbund's page under generation gen,
 * replacing what was kept for it. A gen that is empty or longer than
 * PUBLIC_CACHE_GEN_MAX, or a failed copy, keeps nothing for it (the next
 * request renders again). */
void public_cache_put(long long forbund, struct str gen, struct str body);

/* Forget every kept page and free them. */
void public_cache_clear(void);

#endif /* !PUBLIC_CACHE_H */
