/* form.c: parse and validate untrusted request input; see include/form.h. */
#include <assert.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "app_limits.h"
#include "arena.h"
#include "form.h"
#include "str.h"

/* ------------------------------------------------------------------------
 * Shared helpers
 * --------------------------------------------------------------------- */

static int
hex_val(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
is_ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static struct str
str_trim(struct str s)
{
	while (s.len > 0 && is_ascii_space((unsigned char)s.p[0])) {
		s.p++;
		s.len--;
	}
	while (s.len > 0 && is_ascii_space((unsigned char)s.p[s.len - 1]))
		s.len--;
	return s;
}

/* ------------------------------------------------------------------------
 * application/x-www-form-urlencoded
 * --------------------------------------------------------------------- */

/*
 * First pass over one raw key or value: check that every '%' starts a
 * valid escape and compute the decoded length, so nothing is allocated
 * for a field that is malformed or over its limit.
 */
static enum app_err
url_decoded_len(const char *p, size_t n, size_t *out)
{
	size_t i, len = 0;

	for (i = 0; i < n; i++, len++) {
		if (p[i] != '%')
			continue;
		if (n - i < 3 || hex_val((unsigned char)p[i + 1]) < 0 ||
		    hex_val((unsigned char)p[i + 2]) < 0)
			return APP_EINPUT;
		i += 2;
	}
	*out = len;
	return APP_OK;
}

/* Decode p[0..n) into the arena; at most max decoded bytes. */
static enum app_err
url_decode(
    struct arena *a, const char *p, size_t n, size_t max, struct str *out)
{
	size_t len, i, j;
	char *d;
	enum app_err e;

	if ((e = url_decoded_len(p, n, &len)) != APP_OK)
		return e;
	if (len > max)
		return APP_ETOOBIG;
	if ((d = arena_alloc(a, len + 1)) == NULL)
		return APP_ENOMEM;
	for (i = j = 0; i < n; i++) {
		if (p[i] == '+')
			d[j++] = ' ';
		else if (p[i] == '%') {
			d[j++] = (char)(hex_val((unsigned char)p[i + 1]) << 4 |
			    hex_val((unsigned char)p[i + 2]));
			i += 2;
		} else
			d[j++] = p[i];
	}
	assert(j == len);
	d[j] = '\0';
	*out = (struct str){ d, j };
	if (str_has_nul(*out) || !str_utf8_valid(*out))
		return APP_EINPUT;
	return APP_OK;
}

enum app_err
form_parse_urlenc(struct arena *a, struct str in, struct kv_list *out)
{
	size_t count = 0, pos, n = 0;
	struct kv *v;
	enum app_err e;

	out->v = NULL;
	out->n = 0;
	if (in.len > MAX_BODY)
		return APP_ETOOBIG;

	/* Count non-empty pairs before decoding anything. */
	for (pos = 0; pos < in.len;) {
		const char *amp = memchr(in.p + pos, '&', in.len - pos);
		size_t end = amp ? (size_t)(amp - in.p) : in.len;

		if (end > pos && ++count > MAX_FIELDS)
			return APP_EINPUT;
		pos = end + 1;
	}
	if (count == 0)
		return APP_OK;
	if ((v = arena_calloc(a, count, sizeof(*v))) == NULL)
		return APP_ENOMEM;

	for (pos = 0; pos < in.len;) {
		const char *seg = in.p + pos, *amp, *eq;
		size_t end, seglen, klen;

		amp = memchr(seg, '&', in.len - pos);
		end = amp ? (size_t)(amp - in.p) : in.len;
		seglen = end - pos;
		pos = end + 1;
		if (seglen == 0)
			continue;
		eq = memchr(seg, '=', seglen);
		klen = eq ? (size_t)(eq - seg) : seglen;
		if (klen == 0)
			return APP_EINPUT;
		if ((e = url_decode(a, seg, klen, MAX_FIELD_NAME, &v[n].key)) !=
		    APP_OK)
			return e;
		if (eq == NULL)
			e = url_decode(a, "", 0, MAX_FIELD_LEN, &v[n].val);
		else
			e = url_decode(a, eq + 1, seglen - klen - 1,
			    MAX_FIELD_LEN, &v[n].val);
		if (e != APP_OK)
			return e;
		n++;
	}
	assert(n == count);
	out->v = v;
	out->n = n;
	return APP_OK;
}

/* ------------------------------------------------------------------------
 * Cookie header (RFC 6265 section 4.2.1)
 * --------------------------------------------------------------------- */

/* cookie-octet: US-ASCII except CTLs, whitespace, DQUOTE, comma,
 * semicolon and backslash. */
static int
cookie_octet(unsigned char c)
{
	return c == 0x21 || (c >= 0x23 && c <= 0x2B) ||
	    (c >= 0x2D && c <= 0x3A) || (c >= 0x3C && c <= 0x5B) ||
	    (c >= 0x5D && c <= 0x7E);
}

/* Split "part" into a valid name and value; 0 when it must be skipped. */
static int
cookie_pair(struct str part, struct str *name, struct str *val)
{
	const char *eq = memchr(part.p, '=', part.len);
	size_t i;

	if (eq == NULL)
		return 0;
	*name = str_trim_blanks((struct str){ part.p, (size_t)(eq - part.p) });
	*val = str_trim_blanks(
	    (struct str){ eq + 1, part.len - (size_t)(eq - part.p) - 1 });
	if (name->len == 0)
		return 0;
	for (i = 0; i < name->len; i++)
		if (!str_tchar((unsigned char)name->p[i]))
			return 0;
	if (val->len >= 2 && val->p[0] == '"' && val->p[val->len - 1] == '"') {
		val->p++;
		val->len -= 2;
	}
	for (i = 0; i < val->len; i++)
		if (!cookie_octet((unsigned char)val->p[i]))
			return 0;
	return 1;
}

enum app_err
form_parse_cookies(struct arena *a, struct str header, struct kv_list *out)
{
	size_t i, pos, count = 0, n = 0;
	struct kv *v;

	out->v = NULL;
	out->n = 0;
	if (header.len > MAX_COOKIE_HEADER)
		return APP_EINPUT;
	for (i = 0; i < header.len; i++) {
		unsigned char c = (unsigned char)header.p[i];

		if ((c < 0x20 && c != '\t') || c == 0x7F)
			return APP_EINPUT;
	}

	/* Count every non-empty part, valid or not, against the limit. */
	for (pos = 0; pos < header.len;) {
		const char *semi =
		    memchr(header.p + pos, ';', header.len - pos);
		size_t end = semi ? (size_t)(semi - header.p) : header.len;
		struct str part = { header.p + pos, end - pos };

		if (str_trim_blanks(part).len > 0 && ++count > MAX_COOKIES)
			return APP_EINPUT;
		pos = end + 1;
	}
	if (count == 0)
		return APP_OK;
	if ((v = arena_calloc(a, count, sizeof(*v))) == NULL)
		return APP_ENOMEM;

	for (pos = 0; pos < header.len;) {
		const char *semi =
		    memchr(header.p + pos, ';', header.len - pos);
		size_t end = semi ? (size_t)(semi - header.p) : header.len;
		struct str part, name, val;
		char *kp, *vp;

		part =
		    str_trim_blanks((struct str){ header.p + pos, end - pos });
		pos = end + 1;
		if (part.len == 0 || !cookie_pair(part, &name, &val))
			continue;
		if ((kp = str_dup_cstr(a, name)) == NULL ||
		    (vp = str_dup_cstr(a, val)) == NULL)
			return APP_ENOMEM;
		v[n].key = (struct str){ kp, name.len };
		v[n].val = (struct str){ vp, val.len };
		n++;
	}
	out->v = n > 0 ? v : NULL;
	out->n = n;
	return APP_OK;
}

/* ------------------------------------------------------------------------
 * CONTENT_LENGTH
 * --------------------------------------------------------------------- */

enum app_err
form_parse_content_length(const char *s, size_t max, size_t *out)
{
	size_t v = 0;
	int over = 0;
	const char *p;

	if (s == NULL || *s == '\0') {
		*out = 0;
		return APP_OK;
	}
	/* Scan every byte first: "9999…9x" is malformed, not too big. */
	for (p = s; *p != '\0'; p++) {
		unsigned d;

		if (*p < '0' || *p > '9')
			return APP_EINPUT;
		d = (unsigned)(*p - '0');
		if (over)
			continue;
		if (v > (SIZE_MAX - d) / 10)
			over = 1;
		else
			v = v * 10 + d;
	}
	if (over || v > max)
		return APP_ETOOBIG;
	*out = v;
	return APP_OK;
}

/* ------------------------------------------------------------------------
 * Lookup
 * --------------------------------------------------------------------- */

const struct str *
kv_get(const struct kv_list *l, const char *key)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (str_eq_cstr(l->v[i].key, key))
			return &l->v[i].val;
	return NULL;
}

size_t
kv_count(const struct kv_list *l, const char *key)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (str_eq_cstr(l->v[i].key, key))
			n++;
	return n;
}

/* ------------------------------------------------------------------------
 * Typed validation
 * --------------------------------------------------------------------- */

#define MSG_REQUIRED "Fältet måste fyllas i."
#define MSG_REQ_BOOL "Rutan måste kryssas i."
#define MSG_REQ_ENUM "Välj ett alternativ."
#define MSG_DUP      "Fältet får bara anges en gång."
#define MSG_BADCHARS "Fältet innehåller otillåtna tecken."
#define MSG_NEWLINE  "Texten får inte innehålla radbrytningar."
#define MSG_DATE     "Ange ett datum som ÅÅÅÅ-MM-DD."
#define MSG_NODATE   "Datumet finns inte i kalendern."
#define MSG_ENUM     "Välj ett av alternativen."

/*
 * The outcome of checking one value: msg is NULL when valid, a static
 * string, or one formatted into the arena (NULL then means APP_ENOMEM,
 * which oom records).
 */
struct check {
	long long i;
	const char *msg;
	int oom;
};

static void check_fmt(struct arena *, struct check *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static void
check_fmt(struct arena *a, struct check *c, const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	enum app_err e;

	buf_init(&b, a);
	va_start(ap, fmt);
	e = buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (e != APP_OK) {
		c->oom = 1;
		c->msg = "";
	} else
		c->msg = b.p;
}

size_t
form_text_chars(struct str s)
{
	size_t i, n = 0;

	for (i = 0; i < s.len; i++) {
		unsigned char ch = (unsigned char)s.p[i];

		if ((ch & 0xC0) == 0x80)
			continue;
		if (ch == '\r' && i + 1 < s.len && s.p[i + 1] == '\n')
			continue; /* the LF counts for the pair */
		n++;
	}
	return n;
}

struct str
form_text_lf(struct arena *a, struct str s)
{
	char *d;
	size_t i, j;

	if (memchr(s.p, '\r', s.len) == NULL)
		return s;
	if ((d = arena_alloc(a, s.len + 1)) == NULL)
		return (struct str){ NULL, 0 };
	for (i = j = 0; i < s.len; i++) {
		if (s.p[i] != '\r')
			d[j++] = s.p[i];
		else if (i + 1 >= s.len || s.p[i + 1] != '\n')
			d[j++] = '\n'; /* a lone CR; a pair's LF follows */
	}
	d[j] = '\0';
	return (struct str){ d, j };
}

const char *
form_text_too_long(struct arena *a, long long max, long long chars)
{
	struct buf b;

	buf_init(&b, a);
	if (buf_printf(&b,
	        "Högst %lld tecken. Du har skrivit %lld tecken, %lld för "
	        "mycket.",
	        max, chars, chars - max) != APP_OK)
		return NULL;
	return b.p;
}

size_t
form_limit_key(const char *name, char *out, size_t outlen)
{
	static const char suffix[] = "_max";
	size_t n = 0;

	for (const char *p = name; *p != '\0'; p++) {
		char c = *p == '-' ? '_' : *p;

		if ((c >= '0' && c <= '9') || c == '*')
			continue;
		if (c == '_' && (n == 0 || out[n - 1] == '_'))
			continue;
		if (n + 1 >= outlen)
			return 0;
		out[n++] = c;
	}
	while (n > 0 && out[n - 1] == '_')
		n--;
	if (n == 0 || n + sizeof(suffix) > outlen)
		return 0;
	memcpy(out + n, suffix, sizeof(suffix));
	return n + sizeof(suffix) - 1;
}

static void
check_text(
    struct arena *a, const struct field_spec *sp, struct str v, struct check *c)
{
	size_t i;
	long long chars;

	for (i = 0; i < v.len; i++) {
		unsigned char ch = (unsigned char)v.p[i];

		if (ch >= 0x20 && ch != 0x7F)
			continue;
		if (ch == '\t')
			continue;
		if (ch == '\r' || ch == '\n') {
			if (sp->flags & FF_MULTILINE)
				continue;
			c->msg = MSG_NEWLINE;
			return;
		}
		c->msg = MSG_BADCHARS;
		return;
	}
	chars = (long long)form_text_chars(v);
	if (chars < sp->min)
		check_fmt(a, c, "Minst %lld tecken.", sp->min);
	else if (sp->max > 0 && chars > sp->max) {
		if ((c->msg = form_text_too_long(a, sp->max, chars)) == NULL) {
			c->oom = 1;
			c->msg = "";
		}
	}
}

/* Strict decimal with an optional '-'; 0 on syntax error or overflow. */
static int
parse_ll(struct str v, long long *out)
{
	size_t i = 0;
	int neg = 0;
	unsigned long long acc = 0, lim;

	if (v.len > 0 && v.p[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == v.len)
		return 0;
	lim = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
	for (; i < v.len; i++) {
		unsigned d;

		if (v.p[i] < '0' || v.p[i] > '9')
			return 0;
		d = (unsigned)(v.p[i] - '0');
		if (acc > (lim - d) / 10)
			return 0;
		acc = acc * 10 + d;
	}
	if (neg)
		*out = acc == (unsigned long long)LLONG_MAX + 1
		    ? LLONG_MIN
		    : -(long long)acc;
	else
		*out = (long long)acc;
	return 1;
}

static void
check_int(
    struct arena *a, const struct field_spec *sp, struct str v, struct check *c)
{
	long long n;

	if (!parse_ll(v, &n) || n < sp->min || n > sp->max)
		check_fmt(a, c, "Ange ett heltal mellan %lld och %lld.",
		    sp->min, sp->max);
	else
		c->i = n;
}

static int
days_in_month(int y, int m)
{
	static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

/* YYYYMMDD as "YYYY-MM-DD" (the bounds come from our own spec tables). */
static void
ymd_format(char *b, size_t n, long long ymd)
{
	snprintf(b, n, "%04lld-%02lld-%02lld", ymd / 10000, ymd / 100 % 100,
	    ymd % 100);
}

static void
check_date(
    struct arena *a, const struct field_spec *sp, struct str v, struct check *c)
{
	int y = 0, m = 0, d = 0;
	size_t k;
	long long ymd;

	if (v.len != 10 || v.p[4] != '-' || v.p[7] != '-') {
		c->msg = MSG_DATE;
		return;
	}
	for (k = 0; k < 10; k++) {
		if (k == 4 || k == 7)
			continue;
		if (v.p[k] < '0' || v.p[k] > '9') {
			c->msg = MSG_DATE;
			return;
		}
	}
	for (k = 0; k < 4; k++)
		y = y * 10 + (v.p[k] - '0');
	m = (v.p[5] - '0') * 10 + (v.p[6] - '0');
	d = (v.p[8] - '0') * 10 + (v.p[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
		c->msg = MSG_NODATE;
		return;
	}
	ymd = (long long)y * 10000 + m * 100 + d;
	if ((sp->min != 0 && ymd < sp->min) ||
	    (sp->max != 0 && ymd > sp->max)) {
		char lo[32], hi[32];

		ymd_format(lo, sizeof(lo), sp->min);
		ymd_format(hi, sizeof(hi), sp->max);
		if (sp->min != 0 && sp->max != 0)
			check_fmt(
			    a, c, "Ange ett datum mellan %s och %s.", lo, hi);
		else if (sp->min != 0)
			check_fmt(a, c, "Ange ett datum från och med %s.", lo);
		else
			check_fmt(a, c, "Ange ett datum till och med %s.", hi);
		return;
	}
	c->i = ymd;
}

static void
check_enum(const struct field_spec *sp, struct str v, struct check *c)
{
	long long k;

	assert(sp->choices != NULL);
	for (k = 0; sp->choices[k] != NULL; k++) {
		assert(k < (long long)FORM_ENUM_MAX);
		if (str_eq_cstr(v, sp->choices[k])) {
			c->i = k;
			return;
		}
	}
	c->msg = MSG_ENUM;
}

static const char *
required_msg(enum field_type t)
{
	switch (t) {
	case FT_BOOL: return MSG_REQ_BOOL;
	case FT_ENUM: return MSG_REQ_ENUM;
	default: return MSG_REQUIRED;
	}
}

/* An FF_MULTILINE text's line breaks as LF (form_text_lf()). */
static enum app_err
text_lf(struct arena *a, const struct field_spec *sp, struct field_val *fv)
{
	struct str s;

	if (sp->type != FT_TEXT || !(sp->flags & FF_MULTILINE) ||
	    fv->s.len == 0)
		return APP_OK;
	if ((s = form_text_lf(a, fv->s)).p == NULL)
		return APP_ENOMEM;
	fv->s = s;
	return APP_OK;
}

/* Validate one spec row; APP_ENOMEM is the only error. */
static enum app_err
field_check(struct arena *a, const struct kv_list *in,
    const struct field_spec *sp, struct field_val *fv)
{
	size_t k;
	const struct kv *first = NULL, *shown = NULL;
	int multi = (sp->flags & FF_MULTI) != 0;
	long long value = 0;

	assert(sp->type < FT__MAX);
	memset(fv, 0, sizeof(*fv));
	fv->s = (struct str){ "", 0 };
	fv->ok = 1;

	for (k = 0; k < in->n; k++) {
		if (!str_eq_cstr(in->v[k].key, sp->name))
			continue;
		if (first == NULL)
			first = &in->v[k];
		if (shown == NULL && str_trim(in->v[k].val).len > 0)
			shown = &in->v[k];
		fv->n++;
	}
	if (shown == NULL)
		shown = first;
	/* Never echo undecodable bytes back into a page. */
	if (shown != NULL && !str_has_nul(shown->val) &&
	    str_utf8_valid(shown->val))
		fv->s = str_trim(shown->val);

	if (fv->n > 1 && !multi) {
		fv->present = fv->s.len > 0 || sp->type == FT_BOOL;
		fv->ok = 0;
		fv->error = MSG_DUP;
		return text_lf(a, sp, fv); /* shown again: LF as always */
	}
	if (sp->type == FT_BOOL) {
		fv->present = fv->n > 0;
		fv->i = fv->present;
		if (!fv->present && (sp->flags & FF_REQUIRED)) {
			fv->ok = 0;
			fv->error = MSG_REQ_BOOL;
		}
		return APP_OK;
	}

	for (k = 0; k < in->n; k++) {
		struct check c = { 0, NULL, 0 };
		struct str v;

		if (!str_eq_cstr(in->v[k].key, sp->name))
			continue;
		if (str_has_nul(in->v[k].val) || !str_utf8_valid(in->v[k].val))
			c.msg = MSG_BADCHARS;
		else if ((v = str_trim(in->v[k].val)).len == 0)
			continue;
		else {
			fv->present = 1;
			switch (sp->type) {
			case FT_TEXT: check_text(a, sp, v, &c); break;
			case FT_INT: check_int(a, sp, v, &c); break;
			case FT_DATE: check_date(a, sp, v, &c); break;
			case FT_ENUM: check_enum(sp, v, &c); break;
			default: break;
			}
		}
		if (c.oom)
			return APP_ENOMEM;
		if (c.msg != NULL) {
			fv->ok = 0;
			fv->error = c.msg;
			return text_lf(a, sp, fv);
		}
		if (sp->type == FT_ENUM && multi)
			value |= 1LL << c.i;
		else if (&in->v[k] == shown)
			value = c.i;
	}
	if (!fv->present) {
		if (sp->flags & FF_REQUIRED) {
			fv->ok = 0;
			fv->error = required_msg(sp->type);
		}
		return APP_OK;
	}
	fv->i = value;
	return text_lf(a, sp, fv);
}

enum app_err
form_validate(struct arena *a, const struct kv_list *in,
    const struct field_spec *spec, size_t nspec, struct field_val *out,
    size_t *nerrors)
{
	size_t r;
	enum app_err e;

	*nerrors = 0;
	for (r = 0; r < nspec; r++) {
		if ((e = field_check(a, in, &spec[r], &out[r])) != APP_OK)
			return e;
		if (!out[r].ok)
			(*nerrors)++;
	}
	return APP_OK;
}
