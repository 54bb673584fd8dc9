/*
 * str.h: length-carrying strings and an arena-backed growable buffer.
 *
 * Everything that came from outside is a struct str: never strlen() it,
 * it may not be NUL-terminated. struct buf always keeps a trailing NUL for
 * convenience but code must not depend on it for length.
 */
#ifndef STR_H
#define STR_H

#include <stdarg.h>
#include <stddef.h>

#include "app.h"

struct arena;

struct str {
	const char *p; /* borrowed; not necessarily NUL-terminated */
	size_t len;
};

#define STR_LIT(s) ((struct str){ "" s "", sizeof(s) - 1 })
#define STR_NULL   ((struct str){ NULL, 0 })

struct buf {
	char *p; /* arena; NUL-terminated at p[len] */
	size_t len;
	size_t cap;
	struct arena *a;
};

/* A str over a trusted C string (literals, conf values). NULL gives "". */
struct str str_cstr(const char *);

/* 1 when both have the same bytes. */
int str_eq(struct str, struct str);

/* 1 when s equals the C string lit. */
int str_eq_cstr(struct str s, const char *lit);

/* 1 when a and b have the same bytes but for the case of ASCII letters. */
int str_eq_ascii_nocase(struct str a, struct str b);

/* 1 when c is an RFC 9110 tchar: a character of a token (a header
 * parameter, a cookie name). */
int str_tchar(unsigned char c);

/* s with its ASCII letters lower-cased, a copy in arena a (s itself when
 * a is full). For user names, which the schema keeps lower-case. */
struct str str_lower_ascii(struct arena *a, struct str s);

/* Entry i of a name table of n (an enum's names or labels), "" past its
 * end or where the entry is NULL. Borrowed from the table. */
const char *str_table_at(const char *const *table, size_t n, unsigned i);

/* The index of s in a name table of n (NULL entries never match), n when
 * it is none of them: an enum from its stored name. */
unsigned str_table_find(const char *const *table, size_t n, struct str s);

/* 1 when s starts with prefix. */
int str_has_prefix(struct str s, const char *prefix);

/* 1 when s is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
int str_utf8_valid(struct str);

/* s without leading and trailing spaces and tabs (a view into s). */
struct str str_trim_blanks(struct str s);

/* The value of s when it is 1 to 18 ASCII digits (a database id or count,
 * our own data), else 0. */
long long str_to_ll(struct str s);

/* 1 when s contains a NUL byte. */
int str_has_nul(struct str);

/* A NUL-terminated arena copy, or NULL when the arena is full. Arena. */
char *str_dup_cstr(struct arena *, struct str);

/* Start an empty buffer on arena a (no allocation yet). */
void buf_init(struct buf *, struct arena *a);

/* Append bytes. APP_ENOMEM when the arena is full (buffer unchanged). */
enum app_err buf_append(struct buf *, const void *p, size_t n);

/* Append a trusted C string (a literal or our own data). */
enum app_err buf_puts(struct buf *, const char *s);

/* Append formatted text. Only for our own values (numbers, ids), never to
 * build HTML or SQL from user data. */
enum app_err buf_printf(struct buf *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
enum app_err buf_vprintf(struct buf *, const char *fmt, va_list)
    __attribute__((format(printf, 2, 0)));

/* Append s with & < > " ' turned into entities: safe in text and in
 * double- or single-quoted attribute values. */
enum app_err buf_html(struct buf *, struct str s);

/* Append s as one CSV cell for a spreadsheet: always quoted, quotes
 * doubled, and a leading = + - @ TAB or CR defused with a ' so no
 * spreadsheet runs it as a formula; then ";" or, when last, CRLF. */
enum app_err buf_csv_cell(struct buf *, struct str s, int last);

/* The buffer's contents as a str (borrowed from the buffer). */
struct str buf_str(const struct buf *);

#endif /* !STR_H */
