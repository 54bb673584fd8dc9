/*
 * pages.h: the request handlers, one group per page_*.c file.
 *
 * Each takes the parsed request, fills r->resp and returns APP_OK, or an
 * error that route_dispatch() turns into the Swedish error page. Handlers
 * never free and never print.
 */
#ifndef PAGES_H
#define PAGES_H

#include "app.h"

struct req;

/* page_public.c: pages without personal data. */
enum app_err page_index(
    struct req *); /* GET /: the insatser with places and goals */

/* page_error.c: the Swedish error pages. */
enum app_err page_error_render(struct req *, int status);

/* Render view "page" inside the layout into r->resp with title. Shared by
 * every handler. */
struct view_ctx;
enum app_err page_render(
    struct req *, const char *page, const char *title, struct view_ctx *ctx);

#endif /* !PAGES_H */
