/*
 * form.h: parse and validate untrusted request input.
 *
 * Pure functions over (struct arena *, struct str): no I/O, no globals, so
 * every parser here has a fuzz target (tests/fuzz/fuzz_urlenc.c,
 * fuzz_cookie.c). Limits come from app_limits.h and are checked before any
 * decoding work is done.
 *
 * The parsers guarantee that every key and value they hand out is valid
 * UTF-8 without NUL bytes; form_validate() then turns a kv_list into typed,
 * range-checked values plus Swedish error messages for re-rendering a form.
 */
#ifndef FORM_H
#define FORM_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct arena;

struct kv {
	struct str key; /* arena, NUL-terminated at key.p[key.len] */
	struct str val; /* arena, NUL-terminated at val.p[val.len] */
};

struct kv_list {
	struct kv *v; /* arena; NULL when n == 0 */
	size_t n;     /* in input order; duplicate keys are kept */
};

/* ------------------------------------------------------------------------
 * Parsers
 * --------------------------------------------------------------------- */

/*
 * Parse application/x-www-form-urlencoded data or a query string (without
 * the leading '?') into "out".
 *  - '&' separates pairs; empty pairs ("a=1&&b=2", a trailing '&') are
 *    skipped. A pair without '=' is a key with an empty value.
 *  - '+' decodes to a space; '%' must be followed by two hex digits.
 *  - Decoded keys must not be empty, and neither keys nor values may
 *    contain NUL or be invalid UTF-8 (overlongs, surrogates included).
 * Returns APP_OK; APP_EINPUT for malformed input, an empty key or more than
 * MAX_FIELDS pairs (counted before anything is decoded); APP_ETOOBIG when
 * "in" is longer than MAX_BODY, a decoded key is longer than MAX_FIELD_NAME
 * bytes or a decoded value longer than MAX_FIELD_LEN bytes; APP_ENOMEM when
 * the arena is full. On error "out" is set to the empty list.
 * "in" is borrowed; all keys, values and out->v live in the arena.
 */
enum app_err form_parse_urlenc(
    struct arena *, struct str in, struct kv_list *out);

/*
 * Parse an HTTP Cookie header ("a=1; b=2") into "out", in header order
 * (browsers send the most specific path first, so kv_get() finds it).
 *  - The header as a whole: longer than MAX_COOKIE_HEADER bytes, more than
 *    MAX_COOKIES non-empty pairs, or any NUL, control character (other than
 *    HTAB) or DEL byte → APP_EINPUT (a 400, not a 413).
 *  - A single pair whose name is not an RFC 6265 token or whose value is
 *    not cookie-octets (optionally wrapped in one pair of DQUOTEs, which are
 *    removed) is skipped, not fatal: another application on the same host
 *    may set cookies we cannot parse (JSON, spaces, UTF-8), and rejecting
 *    the whole header would lock users out of Stegvis. Skipped pairs never
 *    reach the caller. Empty parts (";;") are skipped too.
 *  - Values are not percent-decoded.
 * Returns APP_OK, APP_EINPUT, or APP_ENOMEM when the arena is full. On error
 * "out" is set to the empty list. "header" is borrowed; names, values and
 * out->v live in the arena.
 */
enum app_err form_parse_cookies(
    struct arena *, struct str header, struct kv_list *out);

/*
 * Parse the CONTENT_LENGTH FastCGI parameter strictly: one or more ASCII
 * digits and nothing else (no sign, no spaces, no "0x"). Leading zeros are
 * accepted ("01" is 1), as RFC 9110's 1*DIGIT and nginx allow. NULL or ""
 * means no body: *out = 0.
 * Returns APP_OK; APP_EINPUT when not a decimal number; APP_ETOOBIG when
 * the number is larger than "max" (including numbers that overflow size_t,
 * which are well-formed but huge). *out is only written on APP_OK.
 * "s" is borrowed and must be NUL-terminated (FastCGI params are).
 */
enum app_err form_parse_content_length(const char *s, size_t max, size_t *out);

/* The first value for "key" (a trusted C string), or NULL. Borrowed. */
const struct str *kv_get(const struct kv_list *, const char *key);

/* How many times "key" occurs in the list. */
size_t kv_count(const struct kv_list *, const char *key);

/* ------------------------------------------------------------------------
 * Typed validation (DESIGN.md convention 7)
 * --------------------------------------------------------------------- */

enum field_type {
	/* min..max characters after trimming ASCII whitespace, counted by
	 * form_text_chars(); max 0 = no bound beyond MAX_FIELD_LEN (only for
	 * hidden fields: every field a person types in declares its limit,
	 * see form_registry.h). A longer value is refused with a message that
	 * says by how much, never cut. .s is the trimmed text. */
	FT_TEXT,
	/* Decimal with an optional '-', leading zeros allowed, in min..max.
	 * .i is the value. */
	FT_INT,
	/* ÅÅÅÅ-MM-DD, a real Gregorian date, year 0001..9999. .i is YYYYMMDD;
	 * a non-zero min or max (as YYYYMMDD) bounds it. */
	FT_DATE,
	/* A checkbox: .i = 1 when the key is present (any value), 0 when
	 * absent. FF_REQUIRED means it must be ticked. */
	FT_BOOL,
	/* The value must equal one of "choices". .i is its index, or with
	 * FF_MULTI a bit mask of the chosen indexes. */
	FT_ENUM,
	FT__MAX
};

/* A non-empty value must be given. */
#define FF_REQUIRED  0x01u
/* The key may repeat and every occurrence is validated; without this flag
 * a repeated key is a field error. */
#define FF_MULTI     0x02u
/* FT_TEXT: allow CR and LF (a <textarea>). TAB is always allowed, other
 * control characters never. */
#define FF_MULTILINE 0x04u

/* Choices in one FT_ENUM (the FF_MULTI bit mask is a long long). */
#define FORM_ENUM_MAX 63u

/* FT_TEXT: the limit is not in this table but in the record the form
 * answers (a questionnaire item's maxlength); the handler checks it with
 * form_text_chars() and form_text_too_long(). Only in registry tables. */
#define FF_DATA_MAX 0x08u

struct field_spec {
	const char *name; /* the form key */
	enum field_type type;
	long long min, max; /* see enum field_type */
	unsigned flags;     /* FF_* */
	/* FT_ENUM: NULL-terminated, at most FORM_ENUM_MAX entries; else NULL */
	const char *const *choices;
};

struct field_val {
	/* 1 when a non-empty value was given (after trimming); FT_BOOL: 1 when
	 * the key occurred. */
	int present;
	/* Occurrences of the key in the input. */
	size_t n;
	/* What the user typed (the first non-empty occurrence), trimmed of
	 * surrounding ASCII whitespace, for re-rendering the form; "" when
	 * absent or not valid UTF-8. An FF_MULTILINE text has its line breaks
	 * as LF (form_text_lf()): that is what is counted and stored.
	 * Borrowed from the kv_list, or arena. */
	struct str s;
	/* The typed value when ok (see enum field_type); 0 when absent or
	 * invalid. */
	long long i;
	/* 1 when the field is valid (absent optional fields are valid). */
	int ok;
	/* Swedish message when !ok, else NULL. Static or arena. */
	const char *error;
};

/*
 * Validate "in" against the table "spec" (nspec rows) and write one result
 * per row into "out" (nspec entries, same order). Every row is checked and
 * every error collected; keys not in "spec" are ignored. *nerrors is set to
 * the number of rows with ok == 0. Values that are not valid UTF-8 or hold
 * NUL are field errors too (defence in depth for lists not built by the
 * parsers above).
 * Returns APP_OK (check *nerrors) or APP_ENOMEM when the arena is full
 * (for formatted messages). "in" and "spec" are borrowed; strings in "out"
 * are borrowed from "in" or live in the arena.
 */
enum app_err form_validate(struct arena *, const struct kv_list *in,
    const struct field_spec *spec, size_t nspec, struct field_val *out,
    size_t *nerrors);

/*
 * The number of characters in s as every text limit counts them: Unicode
 * code points (not bytes, not UTF-16 units), with a CR LF pair counted as
 * one character, since browsers count a line break in a <textarea> as one
 * but send it as CR LF. s should be valid UTF-8; a stray continuation byte
 * is not counted.
 */
size_t form_text_chars(struct str s);

/*
 * s with every CR LF pair and every lone CR turned into LF: the text as
 * form_text_chars() counts it, so that a value at its limit also fits a
 * column of that many characters. s itself when it holds no CR, else a
 * copy in the arena; STR_NULL ({NULL, 0}) when the arena is full.
 */
struct str form_text_lf(struct arena *, struct str s);

/*
 * The Swedish message for a text of "chars" characters over the limit
 * "max" (chars > max), formatted into the arena: "Högst 200 tecken. Du har
 * skrivit 201 tecken, 1 för mycket." NULL when the arena is full.
 */
const char *form_text_too_long(struct arena *, long long max, long long chars);

/*
 * The name under which views get a field's limit: the field name with
 * digits and '*' dropped, '-' turned into '_', runs of '_' merged and none
 * at either end, then "_max". So "namn" -> "namn_max", "med1_namn" ->
 * "med_namn_max", "aktivitet_1" -> "aktivitet_max", "etikett-*" ->
 * "etikett_max", "ny-etikett" -> "ny_etikett_max": a template that repeats
 * a field per row finds one key. Writes a NUL-terminated key into out and
 * returns its length, or 0 when it does not fit in outlen or would be just
 * "_max". Pure; name is a trusted C string from a field table.
 */
size_t form_limit_key(const char *name, char *out, size_t outlen);

/* ------------------------------------------------------------------------
 * The registry of forms (app/form_registry.c)
 * --------------------------------------------------------------------- */

/*
 * One form as the page modules declare it for the registry: the route its
 * values are sent to, the view that renders it and the field table the
 * handler validates it with (the same array, so the registry cannot drift
 * from what the server enforces). Names in the table may hold "*" where
 * the form repeats a field per record (the code lists' "etikett-<code>").
 */
struct form_def {
	const char *route; /* "POST /admin/organisationer/:id", as in route.c */
	const char *view; /* "admin_organisation" or "partials/deltag_search" */
	const struct field_spec *spec;
	size_t nspec;
};

#endif /* !FORM_H */
