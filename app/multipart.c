/* multipart.c: multipart/form-data bodies (RFC 7578); see
 * include/multipart.h. */
#include <string.h>
#include <strings.h>

#include "app_limits.h"
#include "arena.h"
#include "multipart.h"

static const char mp_media[] = "multipart/form-data";

/* RFC 2046 bchars: what a boundary is made of. */
static int
mp_bchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return c != '\0' && strchr("'()+_,-./:=? ", c) != NULL;
}

static size_t
mp_ows(struct str s, size_t i)
{
	while (i < s.len && (s.p[i] == ' ' || s.p[i] == '\t'))
		i++;
	return i;
}

static int
mp_ieq(struct str s, const char *lit)
{
	size_t n = strlen(lit);

	return s.len == n && strncasecmp(s.p, lit, n) == 0;
}

/* s starts with the literal, compared without case. */
static int
mp_iprefix(struct str s, const char *lit)
{
	size_t n = strlen(lit);

	return s.len >= n && strncasecmp(s.p, lit, n) == 0;
}

/* A token at s[*pos..]: its length (0 for none); *pos moves past it. */
static struct str
mp_token(struct str s, size_t *pos)
{
	size_t i = *pos, start = *pos;

	while (i < s.len && str_tchar((unsigned char)s.p[i]))
		i++;
	*pos = i;
	return (struct str){ s.p + start, i - start };
}

/*
 * The next "; name=value" parameter of a header value, from *pos. 1 with
 * *name and *value set (borrowed from s, quotes removed), 0 at the end of
 * the value (a trailing ';' included), -1 when malformed.
 */
static int
mp_param(struct str s, size_t *pos, struct str *name, struct str *value)
{
	size_t i = mp_ows(s, *pos);

	if (i == s.len)
		return 0;
	if (s.p[i] != ';')
		return -1;
	if ((i = mp_ows(s, i + 1)) == s.len)
		return 0;
	*name = mp_token(s, &i);
	if (name->len == 0)
		return -1;
	i = mp_ows(s, i);
	if (i == s.len || s.p[i] != '=')
		return -1;
	i = mp_ows(s, i + 1);
	if (i < s.len && s.p[i] == '"') {
		/* As browsers send it: a '"' in the value is sent as %22,
		 * so the value ends at the next quote. */
		const char *q = memchr(s.p + i + 1, '"', s.len - i - 1);

		if (q == NULL)
			return -1;
		*value = (struct str){ s.p + i + 1, (size_t)(q - s.p) - i - 1 };
		i = (size_t)(q - s.p) + 1;
	} else if ((*value = mp_token(s, &i)).len == 0)
		return -1;
	*pos = i;
	return 1;
}

/* The media type of a Content-Type value is "lit": *pos after it. */
static int
mp_media_is(struct str ct, const char *lit, size_t *pos)
{
	size_t n = strlen(lit), i;

	if (!mp_iprefix(ct, lit))
		return 0;
	i = mp_ows(ct, n);
	if (i < ct.len && ct.p[i] != ';')
		return 0;
	*pos = n;
	return 1;
}

int
multipart_is(struct str content_type)
{
	size_t pos;

	return mp_media_is(content_type, mp_media, &pos);
}

enum app_err
multipart_boundary(struct str ct, struct str *out)
{
	struct str name, value, b = { NULL, 0 };
	size_t pos, i;
	int k;

	*out = (struct str){ "", 0 };
	if (!mp_media_is(ct, mp_media, &pos))
		return APP_EINPUT;
	while ((k = mp_param(ct, &pos, &name, &value)) == 1) {
		if (!mp_ieq(name, "boundary"))
			continue;
		if (b.p != NULL)
			return APP_EINPUT; /* two boundaries */
		b = value;
	}
	if (k < 0 || b.p == NULL || b.len == 0 || b.len > MP_MAX_BOUNDARY ||
	    b.p[b.len - 1] == ' ')
		return APP_EINPUT;
	for (i = 0; i < b.len; i++)
		if (!mp_bchar((unsigned char)b.p[i]))
			return APP_EINPUT;
	*out = b;
	return APP_OK;
}

/* One part's header block, as far as we use it. */
struct mp_head {
	struct str name, filename, type;
	int has_disp, has_name, has_filename, has_type;
};

/* Content-Disposition: form-data; name="x"; filename="y". */
static enum app_err
mp_disposition(struct str v, struct mp_head *h)
{
	struct str name, value;
	size_t pos = 0;
	int k;

	if (h->has_disp)
		return APP_EINPUT;
	h->has_disp = 1;
	if (!mp_ieq(mp_token(v, &pos), "form-data"))
		return APP_EINPUT;
	while ((k = mp_param(v, &pos, &name, &value)) == 1) {
		if (mp_ieq(name, "name")) {
			if (h->has_name)
				return APP_EINPUT;
			h->has_name = 1;
			h->name = value;
		} else if (mp_ieq(name, "filename")) {
			if (h->has_filename)
				return APP_EINPUT;
			h->has_filename = 1;
			h->filename = value;
		}
		/* Others (filename*, which RFC 7578 forbids) are ignored. */
	}
	return k < 0 ? APP_EINPUT : APP_OK;
}

/* One header line (without its CRLF). */
static enum app_err
mp_header(struct str line, struct mp_head *h)
{
	struct str name, v;
	size_t i = 0, end;

	for (i = 0; i < line.len; i++) {
		unsigned char c = (unsigned char)line.p[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return APP_EINPUT; /* NUL, a stray CR or LF, ... */
	}
	i = 0;
	name = mp_token(line, &i);
	if (name.len == 0 || i == line.len || line.p[i] != ':')
		return APP_EINPUT; /* folded lines start with a blank */
	i = mp_ows(line, i + 1);
	end = line.len;
	while (end > i && (line.p[end - 1] == ' ' || line.p[end - 1] == '\t'))
		end--;
	v = (struct str){ line.p + i, end - i };
	if (mp_ieq(name, "Content-Disposition"))
		return mp_disposition(v, h);
	if (mp_ieq(name, "Content-Type")) {
		if (h->has_type || mp_iprefix(v, "multipart/"))
			return APP_EINPUT; /* nested multipart: RFC 7578 4.3 */
		h->has_type = 1;
		h->type = v;
	}
	return APP_OK;
}

/* Copy s into the arena, NUL-terminated. */
static enum app_err
mp_dup(struct arena *a, struct str s, struct str *out)
{
	char *p = arena_alloc(a, s.len + 1);

	if (p == NULL)
		return APP_ENOMEM;
	if (s.len > 0)
		memcpy(p, s.p, s.len);
	p[s.len] = '\0';
	*out = (struct str){ p, s.len };
	return APP_OK;
}

static int
mp_text_ok(struct str s)
{
	return !str_has_nul(s) && str_utf8_valid(s);
}

/* Store one part as a field or a file. */
static enum app_err
mp_store(struct arena *a, const struct mp_head *h, struct str data,
    struct kv_list *fields, struct mp_files *files)
{
	enum app_err e;

	if (!h->has_disp || !h->has_name || h->name.len == 0 ||
	    !mp_text_ok(h->name))
		return APP_EINPUT;
	if (h->name.len > MAX_FIELD_NAME)
		return APP_ETOOBIG;
	if (h->has_filename) {
		struct mp_file *f = &files->v[files->n];

		if (!mp_text_ok(h->filename))
			return APP_EINPUT;
		if ((e = mp_dup(a, h->name, &f->name)) != APP_OK ||
		    (e = mp_dup(a, h->filename, &f->filename)) != APP_OK ||
		    (e = mp_dup(a, h->type, &f->type)) != APP_OK)
			return e;
		f->data = data;
		files->n++;
		return APP_OK;
	}
	if (!mp_text_ok(data))
		return APP_EINPUT;
	if (data.len > MAX_FIELD_LEN)
		return APP_ETOOBIG;
	if ((e = mp_dup(a, h->name, &fields->v[fields->n].key)) != APP_OK ||
	    (e = mp_dup(a, data, &fields->v[fields->n].val)) != APP_OK)
		return e;
	fields->n++;
	return APP_OK;
}

/*
 * The header block of a part from *pos up to and including its empty
 * line, within MP_MAX_HEADER bytes and the body.
 */
static enum app_err
mp_head_parse(struct str body, size_t *pos, struct mp_head *h)
{
	size_t i = *pos;
	size_t limit =
	    body.len - i > MP_MAX_HEADER ? i + MP_MAX_HEADER : body.len;
	enum app_err e;

	memset(h, 0, sizeof(*h));
	h->type = h->name = h->filename = (struct str){ "", 0 };
	for (;;) {
		const char *eol = memmem(body.p + i, limit - i, "\r\n", 2);
		size_t at;

		if (eol == NULL)
			return APP_EINPUT; /* too long, or cut short */
		at = (size_t)(eol - body.p);
		if (at == i) {
			*pos = i + 2;
			return APP_OK;
		}
		if ((e = mp_header((struct str){ body.p + i, at - i }, h)) !=
		    APP_OK)
			return e;
		i = at + 2;
	}
}

static enum app_err
mp_parse(struct arena *a, struct str b, struct str body, struct kv_list *fields,
    struct mp_files *files)
{
	/* "\r\n--" boundary: every delimiter but the first. */
	char delim[4 + MP_MAX_BOUNDARY];
	size_t dlen = 4 + b.len, pos, nparts = 0;
	struct mp_head h;
	enum app_err e;

	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, b.p, b.len);
	/* The first delimiter opens the body: no preamble. */
	if (body.len < dlen - 2 || memcmp(body.p, delim + 2, dlen - 2) != 0)
		return APP_EINPUT;
	pos = dlen - 2;
	for (;;) {
		const char *end;
		size_t at;

		if (body.len - pos >= 2 && body.p[pos] == '-' &&
		    body.p[pos + 1] == '-')
			return APP_OK; /* the close delimiter; the epilogue is ignored */
		pos = mp_ows(body, pos);
		if (body.len - pos < 2 || body.p[pos] != '\r' ||
		    body.p[pos + 1] != '\n')
			return APP_EINPUT;
		pos += 2;
		if (++nparts > MP_MAX_PARTS)
			return APP_EINPUT;
		if ((e = mp_head_parse(body, &pos, &h)) != APP_OK)
			return e;
		end = memmem(body.p + pos, body.len - pos, delim, dlen);
		if (end == NULL)
			return APP_EINPUT; /* no delimiter after the part */
		at = (size_t)(end - body.p);
		if ((e = mp_store(a, &h, (struct str){ body.p + pos, at - pos },
		         fields, files)) != APP_OK)
			return e;
		pos = at + dlen;
	}
}

enum app_err
multipart_parse(struct arena *a, struct str ct, struct str body,
    struct kv_list *fields, struct mp_files *files)
{
	struct str b;
	enum app_err e;

	fields->v = NULL;
	fields->n = 0;
	files->v = NULL;
	files->n = 0;
	if (body.len > MAX_BODY)
		return APP_ETOOBIG;
	if ((e = multipart_boundary(ct, &b)) != APP_OK)
		return e;
	if ((fields->v = arena_calloc(a, MP_MAX_PARTS, sizeof(*fields->v))) ==
	        NULL ||
	    (files->v = arena_calloc(a, MP_MAX_PARTS, sizeof(*files->v))) ==
	        NULL)
		e = APP_ENOMEM;
	else
		e = mp_parse(a, b, body, fields, files);
	if (e != APP_OK)
		fields->n = files->n = 0;
	if (fields->n == 0)
		fields->v = NULL;
	if (files->n == 0)
		files->v = NULL;
	return e;
}

const struct mp_file *
mp_file_get(const struct mp_files *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (str_eq_cstr(l->v[i].name, name))
			return &l->v[i];
	return NULL;
}
