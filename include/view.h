/*
 * view.h: the HTML template engine.
 *
 * Every template in views/ is compiled once at worker start by
 * view_set_load(); a broken template stops the worker there with
 * "file:line: message". Requests only render the precompiled node lists.
 *
 * Syntax (Mustache-like; names are [a-z0-9_]+, blanks allowed inside a tag):
 *
 *	{{name}}              value, HTML-escaped (see below)
 *	{{#name}}...{{/name}} section: a list repeats the body once per item,
 *	                      with the item as innermost context; any other
 *	                      value renders the body once if it is truthy
 *	{{^name}}...{{/name}} inverted section: body rendered if name is missing,
 *	                      false, 0, an empty string or an empty list
 *	{{> name}}            partial: views/partials/name.html
 *	{{! comment }}        dropped; may span lines
 *
 * A name is looked up in the innermost context first (the current list
 * item), then outwards to the root, as in Mustache. A name found nowhere
 * renders as nothing; an inverted section over it renders its body.
 *
 * Strict views (view_set_strict(); conf strict_views, on in make check,
 * off by default and in production): a value tag {{name}} whose name is
 * bound nowhere in the context chain when it renders is a bug, logged once
 * per tag and worker as
 *	BUG: view TEMPLATE key 'NAME' not bound (line N[, rendering PAGE])
 * (TEMPLATE is "page" or "partials/x"; PAGE the template asked for when
 * the tag is in a partial or the layout), which fails make check as a
 * sanitizer report does. The page still renders, as without strict views.
 * What counts as unknown:
 *  - {{name}}: must be bound (to "" for an empty value), in this context
 *    or an outer one; a handler that leaves a shown value unset is a bug.
 *  - {{#name}} and {{^name}}: never reported. An unset key is false, and
 *    templates use that for flags ("{{#error}}…", "{{^locked}}…"): a flag
 *    left unset is how a handler says no. Names inside such a section are
 *    checked only when the section renders.
 * Values bound to a boolean or a list satisfy {{name}} (they print nothing).
 *
 *
 * A line holding only a section, inverted, close, partial or comment tag
 * (plus blanks) is dropped whole from the output ("standalone" tags), so
 * loops do not leave blank lines.
 *
 * Escaping: there is no raw tag ({{{x}}} and {{&x}} are syntax errors).
 * Strings are always passed through buf_html(); numbers are printed in
 * decimal; booleans and lists print nothing. The only value emitted
 * unescaped is a struct view_html, and only this engine can create one
 * (view_render_html()), so raw output is always our own rendered markup.
 *
 * Limits (app_limits.h): a file is at most MAX_TEMPLATE_SIZE bytes, and
 * sections plus partials nest at most MAX_TEMPLATE_DEPTH deep; recursive
 * partials are rejected. Rendering therefore needs bounded stack.
 */
#ifndef VIEW_H
#define VIEW_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct arena;
struct view_ctx;  /* per-request values; arena */
struct view_html; /* markup produced by this engine; arena */
struct view_set;  /* all compiled views; heap, worker lifetime */
struct view_tpl;  /* one compiled template; heap */

/*
 * Load and compile every dir/NAME.html (templates) and dir/partials/NAME.html
 * (partials), link partial references and check nesting depth. NAME must
 * match [a-z0-9_]{1,64}; other files, dot files and subdirectories are
 * ignored, but a *.html file with another name is an error. A template and
 * a partial may share a name: they are separate namespaces.
 *
 * On success *out is the set (caller frees with view_set_free()).
 * On failure *out is NULL and err (if errlen > 0) holds one English line:
 *	APP_EINPUT  "dir/file.html:LINE: message" (syntax, missing partial,
 *	            recursion or depth, size, NUL byte, invalid UTF-8, name)
 *	APP_EIO     "path: strerror" (directory or file unreadable)
 *	APP_ENOMEM  "out of memory"
 * dir and err are borrowed. Does I/O; call at worker start only.
 */
enum app_err view_set_load(
    const char *dir, struct view_set **out, char *err, size_t errlen);

/* Free a set from view_set_load(). NULL is a no-op. */
void view_set_free(struct view_set *);

/* 1 when the set has a template (not a partial) called name, else 0. */
int view_set_has(const struct view_set *, const char *name);

/*
 * Compile src without any I/O (the fuzzing entry point; view_set_load()
 * uses it for every file). file is used only in error messages, as in
 * "file:LINE: message". Checks size, NUL bytes, UTF-8 and syntax; partial
 * names are not resolved: an unlinked {{> x}} renders nothing.
 * On success *out is the template (caller frees with view_tpl_free()).
 * On failure *out is NULL, err is filled and the result is APP_EINPUT or
 * APP_ENOMEM. file, src and err are borrowed; src may be freed afterwards.
 */
enum app_err view_compile(struct view_tpl **out, const char *file,
    struct str src, char *err, size_t errlen);

/* Free a template from view_compile(). NULL is a no-op. */
void view_tpl_free(struct view_tpl *);

/*
 * Strict views on (on != 0) or off for every template and partial of the
 * set (see the top of this file). Off after view_set_load(). Call at
 * worker start, before rendering.
 */
void view_set_strict(struct view_set *, int on);

/* The same for one template from view_compile() (tests, fuzzing); BUG
 * lines then name its file. */
void view_tpl_set_strict(struct view_tpl *, int on);

/*
 * Render one compiled template, appending to out (allocations on out->a).
 * ctx may be NULL (no values). APP_ENOMEM when the arena is full; out then
 * holds partial output and must be discarded.
 */
enum app_err view_tpl_render(
    const struct view_tpl *, const struct view_ctx *ctx, struct buf *out);

/*
 * Render the template called name (not a partial) from the set, appending
 * to out. APP_ENOTFOUND when there is no such template (out untouched),
 * APP_ENOMEM when out's arena is full (discard out). ctx may be NULL.
 */
enum app_err view_render(const struct view_set *, const char *name,
    const struct view_ctx *ctx, struct buf *out);

/*
 * Render template name into a new struct view_html in arena a, which may
 * then be bound with view_ctx_set_html(). *out is arena. Errors as for
 * view_render(); *out is NULL on failure.
 */
enum app_err view_render_html(const struct view_set *, const char *name,
    const struct view_ctx *ctx, struct arena *a, const struct view_html **out);

/*
 * Render page with ctx, then render layout with the same values plus
 * "content" bound to the page's markup ({{content}} in the layout emits it
 * unescaped). Appends to out; temporaries on out->a. ctx is not modified.
 * APP_ENOTFOUND when either template is missing (out untouched),
 * APP_ENOMEM when the arena is full (discard out).
 */
enum app_err view_render_page(const struct view_set *, const char *layout,
    const char *page, const struct view_ctx *ctx, struct buf *out);

/*
 * A new empty root context in arena a, or NULL when a is full. Arena:
 * valid until a is reset. All setters below keep a pointer to key (use
 * string literals) and store values in the context's arena. Setting a key
 * again replaces its value in that context. Setters return APP_OK or
 * APP_ENOMEM (the context is then unchanged).
 */
struct view_ctx *view_ctx_new(struct arena *a);

/* Bind key to a copy (in the arena) of val; val is borrowed. */
enum app_err view_ctx_set_str(
    struct view_ctx *, const char *key, struct str val);

/* Bind key to a copy of the C string val (NULL binds ""). */
enum app_err view_ctx_set_cstr(
    struct view_ctx *, const char *key, const char *val);

/* Bind key to a number, rendered in decimal; truthy when non-zero. */
enum app_err view_ctx_set_int(
    struct view_ctx *, const char *key, long long val);

/* Bind key to a boolean (val != 0), for sections; renders nothing. */
enum app_err view_ctx_set_bool(struct view_ctx *, const char *key, int val);

/* Bind key to markup from view_render_html(), emitted unescaped. html is
 * borrowed and must live in the same arena (or longer). */
enum app_err view_ctx_set_html(
    struct view_ctx *, const char *key, const struct view_html *html);

/*
 * Append a new, empty item to the list bound to key in ctx (binding an
 * empty list first if key is unbound or bound to a non-list) and return the
 * item's context, whose parent is ctx. Items render in the order added.
 * Arena; NULL when the arena is full (ctx is then unchanged).
 */
struct view_ctx *view_ctx_list_add(struct view_ctx *, const char *key);

/* Bind key to an empty list, e.g. to hide an outer key of the same name. */
enum app_err view_ctx_set_list(struct view_ctx *, const char *key);

#endif /* !VIEW_H */
