/* str.c: length-carrying strings and arena buffers; see include/str.h. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "str.h"

struct str
str_cstr(const char *s)
{
	if (s == NULL)
		return (struct str){ "", 0 };
	return (struct str){ s, strlen(s) };
}

int
str_eq(struct str a, struct str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
}

int
str_tchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

int
str_eq_cstr(struct str s, const char *lit)
{
	return str_eq(s, str_cstr(lit));
}

int
str_eq_ascii_nocase(struct str a, struct str b)
{
	if (a.len != b.len)
		return 0;
	for (size_t i = 0; i < a.len; i++) {
		unsigned char x = (unsigned char)a.p[i],
		              y = (unsigned char)b.p[i];

		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return 1;
}

int
str_has_prefix(struct str s, const char *prefix)
{
	size_t n = strlen(prefix);

	return s.len >= n && memcmp(s.p, prefix, n) == 0;
}

struct str
str_trim_blanks(struct str s)
{
	while (s.len > 0 && (s.p[0] == ' ' || s.p[0] == '\t')) {
		s.p++;
		s.len--;
	}
	while (s.len > 0 && (s.p[s.len - 1] == ' ' || s.p[s.len - 1] == '\t'))
		s.len--;
	return s;
}

long long
str_to_ll(struct str s)
{
	long long v = 0;

	if (s.len == 0 || s.len > 18)
		return 0;
	for (size_t i = 0; i < s.len; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return 0;
		v = v * 10 + (s.p[i] - '0');
	}
	return v;
}

int
str_has_nul(struct str s)
{
	return s.len > 0 && memchr(s.p, '\0', s.len) != NULL;
}

/*
 * A strict UTF-8 check after RFC 3629: rejects overlong forms, UTF-16
 * surrogates (U+D800..DFFF) and anything above U+10FFFF.
 */
int
str_utf8_valid(struct str s)
{
	const unsigned char *p = (const unsigned char *)s.p;
	size_t i = 0, n = s.len;

	while (i < n) {
		unsigned char c = p[i];
		size_t need;
		unsigned char lo = 0x80, hi = 0xBF;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			need = 1;
		else if (c == 0xE0) {
			need = 2;
			lo = 0xA0;
		} else if (c == 0xED) {
			need = 2;
			hi = 0x9F;
		} else if (c >= 0xE1 && c <= 0xEF)
			need = 2;
		else if (c == 0xF0) {
			need = 3;
			lo = 0x90;
		} else if (c >= 0xF1 && c <= 0xF3)
			need = 3;
		else if (c == 0xF4) {
			need = 3;
			hi = 0x8F;
		} else
			return 0;
		if (n - i - 1 < need)
			return 0;
		/* Only the first continuation byte has a narrowed range. */
		if (p[i + 1] < lo || p[i + 1] > hi)
			return 0;
		for (size_t k = 2; k <= need; k++)
			if (p[i + k] < 0x80 || p[i + k] > 0xBF)
				return 0;
		i += need + 1;
	}
	return 1;
}

char *
str_dup_cstr(struct arena *a, struct str s)
{
	return arena_memdup(a, s.p, s.len);
}

void
buf_init(struct buf *b, struct arena *a)
{
	b->p = NULL;
	b->len = b->cap = 0;
	b->a = a;
}

/* Make room for n more bytes plus the trailing NUL. */
static enum app_err
buf_reserve(struct buf *b, size_t n)
{
	size_t want, ncap;
	char *np;

	if (n > SIZE_MAX - b->len - 1)
		return APP_ENOMEM;
	want = b->len + n + 1;
	if (want <= b->cap)
		return APP_OK;
	ncap = b->cap ? b->cap : 256;
	while (ncap < want)
		ncap = ncap > SIZE_MAX / 2 ? want : ncap * 2;
	if ((np = arena_alloc(b->a, ncap)) == NULL)
		return APP_ENOMEM;
	if (b->len > 0)
		memcpy(np, b->p, b->len);
	np[b->len] = '\0';
	b->p = np;
	b->cap = ncap;
	return APP_OK;
}

enum app_err
buf_append(struct buf *b, const void *p, size_t n)
{
	enum app_err e;

	if ((e = buf_reserve(b, n)) != APP_OK)
		return e;
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
	return APP_OK;
}

enum app_err
buf_puts(struct buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

enum app_err
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	enum app_err e;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return APP_EIO;
	if ((e = buf_reserve(b, (size_t)n)) != APP_OK)
		return e;
	vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	b->len += (size_t)n;
	return APP_OK;
}

enum app_err
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	enum app_err e;

	va_start(ap, fmt);
	e = buf_vprintf(b, fmt, ap);
	va_end(ap);
	return e;
}

enum app_err
buf_csv_cell(struct buf *b, struct str s, int last)
{
	enum app_err e;

	if ((e = buf_puts(b, "\"")) != APP_OK)
		return e;
	if (s.len > 0 &&
	    (s.p[0] == '=' || s.p[0] == '+' || s.p[0] == '-' || s.p[0] == '@' ||
	        s.p[0] == '\t' || s.p[0] == '\r') &&
	    (e = buf_puts(b, "'")) != APP_OK)
		return e;
	for (size_t i = 0; i < s.len; i++)
		if ((e = s.p[i] == '"' ? buf_puts(b, "\"\"")
		                       : buf_append(b, &s.p[i], 1)) != APP_OK)
			return e;
	return buf_puts(b, last ? "\"\r\n" : "\";");
}

enum app_err
buf_html(struct buf *b, struct str s)
{
	size_t i, run = 0;
	enum app_err e;

	for (i = 0; i < s.len; i++) {
		const char *ent;

		switch (s.p[i]) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		default: continue;
		}
		if ((e = buf_append(b, s.p + run, i - run)) != APP_OK ||
		    (e = buf_puts(b, ent)) != APP_OK)
			return e;
		run = i + 1;
	}
	return buf_append(b, s.p + run, s.len - run);
}

struct str
buf_str(const struct buf *b)
{
	if (b->p == NULL)
		return (struct str){ "", 0 };
	return (struct str){ b->p, b->len };
}

const char *
str_table_at(const char *const *table, size_t n, unsigned i)
{
	return i < n && table[i] != NULL ? table[i] : "";
}

unsigned
str_table_find(const char *const *table, size_t n, struct str s)
{
	for (size_t i = 0; i < n; i++)
		if (table[i] != NULL && str_eq_cstr(s, table[i]))
			return (unsigned)i;
	return (unsigned)n;
}

struct str
str_lower_ascii(struct arena *a, struct str s)
{
	char *p = arena_memdup(a, s.p, s.len);

	if (p == NULL)
		return s;
	for (size_t i = 0; i < s.len; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] = (char)(p[i] - 'A' + 'a');
	return (struct str){ p, s.len };
}
