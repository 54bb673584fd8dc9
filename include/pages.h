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
#include "str.h"

struct req;

/* page_public.c: pages without personal data. */
enum app_err page_index(struct req *); /* GET /: insatser, places, goals */

/* page_auth.c: logging in and out, passwords, the start page. */
#define LOGIN_CSRF_COOKIE "stegvis_login"
enum app_err page_login_form(struct req *);        /* GET /logga-in */
enum app_err page_login(struct req *);             /* POST /logga-in */
enum app_err page_logout(struct req *);            /* POST /logga-ut */
enum app_err page_logout_everywhere(struct req *); /* POST /logga-ut-overallt */
enum app_err page_password_form(struct req *);     /* GET /losenord */
enum app_err page_password(struct req *);          /* POST /losenord */
enum app_err page_start(struct req *);             /* GET /start: per role */
enum app_err page_login_code_form(struct req *);   /* GET /logga-in/kod */
enum app_err page_login_code(struct req *);        /* POST /logga-in/kod */
enum app_err page_totp(struct req *);              /* GET /tvastegs */
enum app_err page_totp_enable(struct req *);       /* POST /tvastegs/aktivera */
enum app_err page_totp_disable(struct req *);      /* POST /tvastegs/stang */

/* page_error.c: the Swedish error pages. */
enum app_err page_error_render(struct req *, int status);

/* page_common.c: what every handler shares. */
struct view_ctx;

/* Render view "page" inside the layout into r->resp with title. The
 * layout also gets the logged-in user's name, roles and CSRF token. */
enum app_err page_render(
    struct req *, const char *page, const char *title, struct view_ctx *ctx);

/* page_render() with another layout, e.g. "layout_surfplatta" for the
 * participant's tablet pages (no navigation, the participant's lang/dir). */
enum app_err page_render_layout(struct req *, const char *layout,
    const char *page, const char *title, struct view_ctx *ctx);

/* Bind msg (a Swedish field error) to key and set "has_errors" for the
 * form's summary; nothing when msg is NULL. */
enum app_err page_form_error(
    struct view_ctx *, const char *key, const char *msg);

/* Bind each of keys (n of them) to "": the text fields of a form shown
 * fresh, before anything was typed, so every value the view shows is
 * bound (strict views report an unbound one). */
enum app_err page_bind_blank(
    struct view_ctx *, const char *const *keys, size_t n);

/*
 * Bind the limit of every FT_TEXT row of spec that has one as an int under
 * form_limit_key() (e.g. "namn_max"), for the view's data-maxtecken
 * attribute and its "Du kan skriva upp till N tecken." hint: the field
 * table stays the one place a limit is written. Also sets "teckenantal",
 * which makes the layout load the character count's script (only pages
 * with such a field get it). Keys live in r's arena.
 */
struct field_spec;
enum app_err page_form_limits(struct req *, struct view_ctx *,
    const struct field_spec *spec, size_t nspec);

/* tmpl with every "{n}" replaced by n, in r's arena; NULL when it is
 * full. For the translated "up to {n} characters" words. */
const char *page_fill_n(struct req *, const char *tmpl, long long n);

/* 303 See Other to location, a local path of ours. */
enum app_err page_redirect(struct req *, const char *location);

/* 303 to the login page, remembering r's path to come back to. */
enum app_err page_redirect_login(struct req *);

/* 1 when s is a safe local path to redirect to after login: starts with
 * one '/', no "//", no backslash, no control characters. */
int page_local_path_ok(struct str s);

#endif /* !PAGES_H */
