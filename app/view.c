/*
 * view.c: the template engine; see include/view.h.
 *
 * Compilation turns a file into a flat array of nodes. A section node
 * records the index just past its body, so rendering is a walk over index
 * ranges with no parsing and no allocation beyond the output buffer.
 * Everything compiled lives on the heap for the worker's lifetime; the
 * values of one request (struct view_ctx) live in the request arena.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app_limits.h"
#include "arena.h"
#include "log.h"
#include "str.h"
#include "view.h"

#define VIEW_MSG_MAX 256u /* bytes in an error message before "file:line: " */

enum node_type {
	NODE_TEXT,     /* literal bytes */
	NODE_VAR,      /* {{name}} */
	NODE_SECTION,  /* {{#name}}: body is nodes[i + 1 .. end) */
	NODE_INVERTED, /* {{^name}}: likewise */
	NODE_PARTIAL,  /* {{> name}} */
	NODE__MAX
};

struct node {
	enum node_type type;
	unsigned line;  /* 1-based line of the tag */
	unsigned depth; /* sections enclosing this node */
	struct str s;   /* text or name, into view_tpl.src */
	size_t end;     /* sections: index just past the body */
	const struct view_tpl
	    *partial; /* set by link_tpl(); NULL: renders nothing */
};

struct view_tpl {
	char *file; /* heap copy, for error messages at link time */
	char *name; /* heap; the name in BUG lines: "page", "partials/x" */
	char *src;  /* heap copy of the source; nodes point into it */
	struct node *nodes;
	size_t nnodes;
	size_t cap;
	unsigned depth; /* deepest section nesting in this file */
	int height; /* link_tpl(): H_UNKNOWN, H_BUSY or nesting incl. partials */
	int strict; /* view_set_strict(): report unbound {{name}} tags */
	/* Per node: 1 once its unbound key has been reported, so a list
	 * of a thousand rows logs one line, not a thousand. Heap. */
	unsigned char *reported;
};

#define H_UNKNOWN (-1)
#define H_BUSY    (-2)

struct entry {
	char *name; /* heap; file name without .html */
	struct view_tpl *tpl;
};

struct view_set {
	struct entry *tpls; /* sorted by name */
	size_t ntpls;
	struct entry *parts; /* sorted by name */
	size_t nparts;
};

enum val_type { VAL_STR, VAL_INT, VAL_BOOL, VAL_HTML, VAL_LIST, VAL__MAX };

struct view_html {
	struct str s; /* arena; rendered by this engine */
};

struct val {
	enum val_type type;
	union {
		struct str s; /* VAL_STR, VAL_HTML: arena */
		long long i;
		int b;
		struct {
			struct view_ctx *head, *tail;
		} list;
	} u;
};

struct binding {
	const char *key; /* borrowed: the caller's literal */
	size_t keylen;
	struct val v;
	struct binding *next;
};

struct view_ctx {
	struct arena *a;
	const struct view_ctx *parent;
	struct binding *head;  /* newest first, so a rebind shadows */
	struct view_ctx *next; /* next item of the same list */
};

/* One level of the render-time context stack (on the C stack). */
struct frame {
	const struct view_ctx *ctx;
	const struct frame *up;
};

/* What one render call carries down through sections and partials. */
struct render {
	const struct view_tpl *top; /* the template asked for */
	struct buf *out;
};

struct parser {
	struct view_tpl *t;
	const char *file;
	const char *s;
	size_t n;
	size_t lpos;   /* line_at(): bytes counted so far */
	unsigned line; /* line number at lpos */
	char *err;
	size_t errlen;
};

static enum app_err fail(char *, size_t, const char *, unsigned, const char *,
    ...) __attribute__((format(printf, 5, 6)));

/*
 * Fill err with "file:line: message" and return APP_EINPUT.
 */
static enum app_err
fail(char *err, size_t errlen, const char *file, unsigned line, const char *fmt,
    ...)
{
	char msg[VIEW_MSG_MAX];
	va_list ap;

	if (err == NULL || errlen == 0)
		return APP_EINPUT;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(err, errlen, "%s:%u: %s", file, line, msg);
	return APP_EINPUT;
}

static enum app_err
fail_nomem(char *err, size_t errlen)
{
	if (err != NULL && errlen > 0)
		snprintf(err, errlen, "out of memory");
	return APP_ENOMEM;
}

/*
 * Copy at most 40 bytes of p into dst for an error message, with control
 * and non-ASCII bytes shown as '?' so a log line stays one clean line.
 */
static const char *
show(char *dst, size_t dstlen, const char *p, size_t n)
{
	size_t i, max = 40;

	if (dstlen < max + 4)
		max = dstlen > 4 ? dstlen - 4 : 0;
	for (i = 0; i < n && i < max; i++) {
		unsigned char c = (unsigned char)p[i];

		dst[i] = (c < 0x20 || c >= 0x7f) ? '?' : (char)c;
	}
	if (i < n && dstlen >= 4) {
		memcpy(dst + i, "...", 3);
		i += 3;
	}
	dst[i] = '\0';
	return dst;
}

static int
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* ASCII punctuation other than '_', without the locale of ispunct(). */
static int
is_punct(char c)
{
	return c > 0x20 && c < 0x7f && !is_name_char(c) &&
	    !(c >= 'A' && c <= 'Z');
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* 1 when n bytes at p are a valid name: [a-z0-9_]{1,VIEW_NAME_MAX}. */
static int
valid_name(const char *p, size_t n)
{
	size_t i;

	if (n == 0 || n > VIEW_NAME_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (!is_name_char(p[i]))
			return 0;
	return 1;
}

/* The 1-based line of byte pos; amortised O(1) for increasing pos,
 * a recount from the start otherwise (only on the way to an error). */
static unsigned
line_at(struct parser *ps, size_t pos)
{
	if (pos < ps->lpos) {
		ps->lpos = 0;
		ps->line = 1;
	}
	while (ps->lpos < pos) {
		const char *nl = memchr(ps->s + ps->lpos, '\n', pos - ps->lpos);

		if (nl == NULL) {
			ps->lpos = pos;
			break;
		}
		ps->line++;
		ps->lpos = (size_t)(nl - ps->s) + 1;
	}
	return ps->line;
}

static enum app_err
emit(struct parser *ps, enum node_type type, unsigned line, unsigned depth,
    const char *p, size_t n)
{
	struct view_tpl *t = ps->t;
	struct node *nd;

	if (t->nnodes == t->cap) {
		size_t ncap = t->cap ? t->cap * 2 : 16;
		struct node *nn;

		if (ncap > SIZE_MAX / sizeof(*nn) ||
		    (nn = realloc(t->nodes, ncap * sizeof(*nn))) == NULL)
			return fail_nomem(ps->err, ps->errlen);
		t->nodes = nn;
		t->cap = ncap;
	}
	nd = &t->nodes[t->nnodes++];
	memset(nd, 0, sizeof(*nd));
	nd->type = type;
	nd->line = line;
	nd->depth = depth;
	nd->s.p = p;
	nd->s.len = n;
	return APP_OK;
}

/*
 * A tag is "standalone" when it is alone on its line apart from blanks.
 * Then the line goes away: *ls is where the kept text before it ends (the
 * line's start) and *le where the text after it starts (past the newline).
 * pos is where the pending text starts; a tag ending on the same line
 * before us stops the backward scan on its '}'.
 */
static int
standalone(const char *s, size_t n, size_t pos, size_t open, size_t after,
    size_t *ls, size_t *le)
{
	size_t b = open, f = after;

	while (b > pos && is_blank(s[b - 1]))
		b--;
	if (b > 0 && s[b - 1] != '\n')
		return 0;
	while (f < n && is_blank(s[f]))
		f++;
	if (f + 1 < n && s[f] == '\r' && s[f + 1] == '\n')
		f += 2;
	else if (f < n && s[f] == '\n')
		f++;
	else if (f != n)
		return 0;
	*ls = b;
	*le = f;
	return 1;
}

/* Reject NUL bytes and invalid UTF-8, naming the first bad line. */
static enum app_err
check_bytes(struct parser *ps)
{
	const char *nul;
	size_t pos = 0;

	if ((nul = memchr(ps->s, '\0', ps->n)) != NULL)
		return fail(ps->err, ps->errlen, ps->file,
		    line_at(ps, (size_t)(nul - ps->s)), "NUL byte in template");
	/* '\n' never occurs inside a UTF-8 sequence: check line by line. */
	while (pos < ps->n) {
		const char *nl = memchr(ps->s + pos, '\n', ps->n - pos);
		size_t end = nl ? (size_t)(nl - ps->s) : ps->n;
		struct str ln = { ps->s + pos, end - pos };

		if (!str_utf8_valid(ln))
			return fail(ps->err, ps->errlen, ps->file,
			    line_at(ps, pos), "invalid UTF-8");
		pos = end + 1;
	}
	return APP_OK;
}

static enum app_err
parse(struct parser *ps)
{
	const char *s = ps->s;
	size_t n = ps->n, pos = 0, stack[MAX_TEMPLATE_DEPTH];
	unsigned depth = 0;
	enum app_err e;
	char sh[48];

	while (pos < n) {
		const char *o, *c;
		size_t open, close, after, i, name, namelen, ls, le;
		unsigned line, tline;
		char sigil;

		/* Lines are counted forwards only: text start, then tag. */
		tline = line_at(ps, pos);
		o = memmem(s + pos, n - pos, "{{", 2);
		if (o == NULL) {
			if ((e = emit(ps, NODE_TEXT, tline, depth, s + pos,
			         n - pos)) != APP_OK)
				return e;
			break;
		}
		open = (size_t)(o - s);
		line = line_at(ps, open);
		c = memmem(s + open + 2, n - open - 2, "}}", 2);
		if (c == NULL)
			return fail(ps->err, ps->errlen, ps->file, line,
			    "'{{' without closing '}}'");
		close = (size_t)(c - s);
		after = close + 2;

		/* Read the sigil, if any, and the name. */
		i = open + 2;
		while (i < close && is_blank(s[i]))
			i++;
		if (i == close)
			return fail(ps->err, ps->errlen, ps->file, line,
			    "empty tag '{{%s}}'",
			    show(sh, sizeof(sh), s + open + 2,
			        close - open - 2));
		sigil = s[i];
		if (sigil == '#' || sigil == '^' || sigil == '/' ||
		    sigil == '>' || sigil == '!') {
			i++;
			while (i < close && is_blank(s[i]))
				i++;
		} else if (is_punct(sigil))
			return fail(ps->err, ps->errlen, ps->file, line,
			    "unknown tag sigil '%c' (there is no raw output "
			    "tag; see view.h)",
			    sigil);
		else
			sigil = '\0'; /* a name; checked below */
		name = i;
		if (sigil != '!') {
			while (i < close && is_name_char(s[i]))
				i++;
			namelen = i - name;
			while (i < close && is_blank(s[i]))
				i++;
			if (i != close || namelen == 0)
				return fail(ps->err, ps->errlen, ps->file, line,
				    "bad name in '{{%s}}': use a-z, 0-9 and _",
				    show(sh, sizeof(sh), s + open + 2,
				        close - open - 2));
			if (namelen > VIEW_NAME_MAX)
				return fail(ps->err, ps->errlen, ps->file, line,
				    "name longer than %u bytes", VIEW_NAME_MAX);
		} else
			namelen = 0;

		/* Text before the tag, minus the line if it is standalone. */
		ls = open;
		le = after;
		if (sigil != '\0')
			(void)standalone(s, n, pos, open, after, &ls, &le);
		if (ls > pos &&
		    (e = emit(ps, NODE_TEXT, tline, depth, s + pos,
		         ls - pos)) != APP_OK)
			return e;
		pos = le;

		switch (sigil) {
		case '\0':
			e = emit(ps, NODE_VAR, line, depth, s + name, namelen);
			break;
		case '>':
			e = emit(
			    ps, NODE_PARTIAL, line, depth, s + name, namelen);
			break;
		case '!': e = APP_OK; break;
		case '#':
		case '^':
			if (depth == MAX_TEMPLATE_DEPTH)
				return fail(ps->err, ps->errlen, ps->file, line,
				    "sections nested deeper than %u",
				    MAX_TEMPLATE_DEPTH);
			e = emit(ps,
			    sigil == '#' ? NODE_SECTION : NODE_INVERTED, line,
			    depth, s + name, namelen);
			if (e != APP_OK)
				return e;
			stack[depth++] = ps->t->nnodes - 1;
			if (depth > ps->t->depth)
				ps->t->depth = depth;
			break;
		default: { /* '/' */
			struct node *top;

			if (depth == 0)
				return fail(ps->err, ps->errlen, ps->file, line,
				    "'{{/%.*s}}' without an open section",
				    (int)namelen, s + name);
			top = &ps->t->nodes[stack[depth - 1]];
			if (top->s.len != namelen ||
			    memcmp(top->s.p, s + name, namelen) != 0)
				return fail(ps->err, ps->errlen, ps->file, line,
				    "'{{/%.*s}}' closes section '%.*s' "
				    "opened on line %u",
				    (int)namelen, s + name, (int)top->s.len,
				    top->s.p, top->line);
			top->end = ps->t->nnodes;
			depth--;
			e = APP_OK;
			break;
		}
		}
		if (e != APP_OK)
			return e;
	}
	if (depth > 0) {
		const struct node *top = &ps->t->nodes[stack[depth - 1]];

		return fail(ps->err, ps->errlen, ps->file, top->line,
		    "section '%.*s' is not closed", (int)top->s.len, top->s.p);
	}
	return APP_OK;
}

void
view_tpl_free(struct view_tpl *t)
{
	if (t == NULL)
		return;
	free(t->nodes);
	free(t->reported);
	free(t->src);
	free(t->name);
	free(t->file);
	free(t);
}

enum app_err
view_compile(struct view_tpl **out, const char *file, struct str src, char *err,
    size_t errlen)
{
	struct view_tpl *t;
	struct parser ps;
	enum app_err e;

	*out = NULL;
	if (file == NULL)
		file = "(template)";
	if (src.len > MAX_TEMPLATE_SIZE)
		return fail(err, errlen, file, 1, "file larger than %u bytes",
		    MAX_TEMPLATE_SIZE);
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return fail_nomem(err, errlen);
	t->height = H_UNKNOWN;
	if ((t->file = strdup(file)) == NULL ||
	    (t->src = malloc(src.len + 1)) == NULL) {
		view_tpl_free(t);
		return fail_nomem(err, errlen);
	}
	if (src.len > 0)
		memcpy(t->src, src.p, src.len);
	t->src[src.len] = '\0';

	memset(&ps, 0, sizeof(ps));
	ps.t = t;
	ps.file = file;
	ps.s = t->src;
	ps.n = src.len;
	ps.line = 1;
	ps.err = err;
	ps.errlen = errlen;
	if ((e = check_bytes(&ps)) != APP_OK || (e = parse(&ps)) != APP_OK) {
		view_tpl_free(t);
		return e;
	}
	if ((t->reported = calloc(t->nnodes > 0 ? t->nnodes : 1, 1)) == NULL) {
		view_tpl_free(t);
		return fail_nomem(err, errlen);
	}
	*out = t;
	return APP_OK;
}

/* --- rendering ---------------------------------------------------------- */

/* The newest binding of name in c itself (not its parents), or NULL. */
static struct binding *
ctx_find(const struct view_ctx *c, struct str name)
{
	struct binding *b;

	if (c == NULL)
		return NULL;
	for (b = c->head; b != NULL; b = b->next)
		if (b->keylen == name.len &&
		    memcmp(b->key, name.p, name.len) == 0)
			return b;
	return NULL;
}

static const struct val *
ctx_own(const struct view_ctx *c, struct str name)
{
	const struct binding *b = ctx_find(c, name);

	return b != NULL ? &b->v : NULL;
}

/*
 * Innermost first: the frames pushed by list sections, then from the
 * bottom frame's context out through its parents.
 */
static const struct val *
lookup(const struct frame *f, struct str name)
{
	const struct val *v;
	const struct view_ctx *c;

	for (; f != NULL; f = f->up) {
		if ((v = ctx_own(f->ctx, name)) != NULL)
			return v;
		if (f->up == NULL && f->ctx != NULL)
			for (c = f->ctx->parent; c != NULL; c = c->parent)
				if ((v = ctx_own(c, name)) != NULL)
					return v;
	}
	return NULL;
}

static int
truthy(const struct val *v)
{
	if (v == NULL)
		return 0;
	switch (v->type) {
	case VAL_STR:
	case VAL_HTML: return v->u.s.len > 0;
	case VAL_INT: return v->u.i != 0;
	case VAL_BOOL: return v->u.b;
	case VAL_LIST: return v->u.list.head != NULL;
	default: return 0;
	}
}

/*
 * Strict views: a {{name}} tag whose key is bound nowhere in the context
 * chain is a bug of the handler (or a typo in the template). Logged once
 * per tag and worker; sections are not checked (see view.h).
 */
static void
report_unbound(const struct render *r, const struct view_tpl *t, size_t i)
{
	const struct node *nd = &t->nodes[i];
	const char *tn = t->name != NULL ? t->name : t->file;
	const char *top = r->top->name != NULL ? r->top->name : r->top->file;

	if (t->reported[i])
		return;
	t->reported[i] = 1;
	if (t == r->top)
		log_error("BUG: view %s key '%.*s' not bound (line %u)", tn,
		    (int)nd->s.len, nd->s.p, nd->line);
	else
		log_error("BUG: view %s key '%.*s' not bound (line %u, "
		          "rendering %s)",
		    tn, (int)nd->s.len, nd->s.p, nd->line, top);
}

static enum app_err
render_range(const struct render *r, const struct view_tpl *t, size_t from,
    size_t to, const struct frame *f)
{
	struct buf *out = r->out;
	enum app_err e = APP_OK;
	size_t i = from;

	while (i < to && e == APP_OK) {
		const struct node *nd = &t->nodes[i];
		const struct val *v;

		switch (nd->type) {
		case NODE_TEXT: e = buf_append(out, nd->s.p, nd->s.len); break;
		case NODE_VAR:
			if ((v = lookup(f, nd->s)) == NULL) {
				if (r->top->strict)
					report_unbound(r, t, i);
				break;
			}
			if (v->type == VAL_STR)
				e = buf_html(out, v->u.s);
			else if (v->type == VAL_HTML)
				e = buf_append(out, v->u.s.p, v->u.s.len);
			else if (v->type == VAL_INT)
				e = buf_printf(out, "%lld", v->u.i);
			break;
		case NODE_SECTION:
			v = lookup(f, nd->s);
			if (v != NULL && v->type == VAL_LIST) {
				const struct view_ctx *it;
				struct frame nf;

				nf.up = f;
				for (it = v->u.list.head;
				     it != NULL && e == APP_OK; it = it->next) {
					nf.ctx = it;
					e = render_range(
					    r, t, i + 1, nd->end, &nf);
				}
			} else if (truthy(v))
				e = render_range(r, t, i + 1, nd->end, f);
			i = nd->end;
			continue;
		case NODE_INVERTED:
			if (!truthy(lookup(f, nd->s)))
				e = render_range(r, t, i + 1, nd->end, f);
			i = nd->end;
			continue;
		case NODE_PARTIAL:
			if (nd->partial != NULL)
				e = render_range(
				    r, nd->partial, 0, nd->partial->nnodes, f);
			break;
		default: break;
		}
		i++;
	}
	return e;
}

enum app_err
view_tpl_render(
    const struct view_tpl *t, const struct view_ctx *ctx, struct buf *out)
{
	struct frame f = { ctx, NULL };
	struct render r = { t, out };

	return render_range(&r, t, 0, t->nnodes, &f);
}

void
view_tpl_set_strict(struct view_tpl *t, int on)
{
	if (t != NULL)
		t->strict = on != 0;
}

void
view_set_strict(struct view_set *vs, int on)
{
	size_t i;

	if (vs == NULL)
		return;
	for (i = 0; i < vs->ntpls; i++)
		view_tpl_set_strict(vs->tpls[i].tpl, on);
	for (i = 0; i < vs->nparts; i++)
		view_tpl_set_strict(vs->parts[i].tpl, on);
}

/* --- the set ------------------------------------------------------------ */

static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(
	    ((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static int
key_cmp(const void *key, const void *e)
{
	return strcmp(key, ((const struct entry *)e)->name);
}

static struct view_tpl *
find(const struct entry *v, size_t n, const char *name)
{
	const struct entry *hit;

	if (n == 0 || name == NULL)
		return NULL;
	hit = bsearch(name, v, n, sizeof(*v), key_cmp);
	return hit ? hit->tpl : NULL;
}

static struct view_tpl *
find_part(const struct view_set *vs, struct str name)
{
	char key[VIEW_NAME_MAX + 1];

	if (name.len > VIEW_NAME_MAX)
		return NULL;
	memcpy(key, name.p, name.len);
	key[name.len] = '\0';
	return find(vs->parts, vs->nparts, key);
}

static void
free_entries(struct entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		view_tpl_free(v[i].tpl);
	}
	free(v);
}

void
view_set_free(struct view_set *vs)
{
	if (vs == NULL)
		return;
	free_entries(vs->tpls, vs->ntpls);
	free_entries(vs->parts, vs->nparts);
	free(vs);
}

int
view_set_has(const struct view_set *vs, const char *name)
{
	return vs != NULL && find(vs->tpls, vs->ntpls, name) != NULL;
}

/*
 * Resolve t's partials and compute t->height, the deepest nesting of
 * sections and partials reachable from t. level is the nesting already
 * around t, which bounds the recursion even on long partial chains.
 */
static enum app_err
link_tpl(const struct view_set *vs, struct view_tpl *t, unsigned level,
    char *err, size_t errlen)
{
	size_t i;
	int h = (int)t->depth;
	enum app_err e;

	if (t->height >= 0)
		return APP_OK;
	t->height = H_BUSY;
	for (i = 0; i < t->nnodes; i++) {
		struct node *nd = &t->nodes[i];
		struct view_tpl *p;
		unsigned need;

		if (nd->type != NODE_PARTIAL)
			continue;
		p = find_part(vs, nd->s);
		if (p == NULL)
			return fail(err, errlen, t->file, nd->line,
			    "partial '%.*s' not found (no partials/%.*s.html)",
			    (int)nd->s.len, nd->s.p, (int)nd->s.len, nd->s.p);
		if (p->height == H_BUSY)
			return fail(err, errlen, t->file, nd->line,
			    "partial '%.*s' includes itself", (int)nd->s.len,
			    nd->s.p);
		need = nd->depth + 1;
		if (level + need > MAX_TEMPLATE_DEPTH)
			return fail(err, errlen, t->file, nd->line,
			    "sections and partials nested deeper than %u",
			    MAX_TEMPLATE_DEPTH);
		if ((e = link_tpl(vs, p, level + need, err, errlen)) != APP_OK)
			return e;
		if (need + (unsigned)p->height > MAX_TEMPLATE_DEPTH)
			return fail(err, errlen, t->file, nd->line,
			    "sections and partials nested deeper than %u",
			    MAX_TEMPLATE_DEPTH);
		if ((int)need + p->height > h)
			h = (int)need + p->height;
		nd->partial = p;
	}
	t->height = h;
	return APP_OK;
}

/* Read a whole file, at most MAX_TEMPLATE_SIZE + 1 bytes. Heap. */
static enum app_err
read_file(
    const char *path, char **out, size_t *outlen, char *err, size_t errlen)
{
	size_t cap = MAX_TEMPLATE_SIZE + 1, len = 0;
	struct stat st;
	char *p;
	int fd;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		goto ioerr;
	if (fstat(fd, &st) == -1) {
		close(fd);
		goto ioerr;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return fail(err, errlen, path, 1, "not a regular file");
	}
	if ((p = malloc(cap)) == NULL) {
		close(fd);
		return fail_nomem(err, errlen);
	}
	while (len < cap) {
		ssize_t r = read(fd, p + len, cap - len);

		if (r == 0)
			break;
		if (r < 0) {
			if (errno == EINTR)
				continue;
			free(p);
			close(fd);
			goto ioerr;
		}
		len += (size_t)r;
	}
	close(fd);
	*out = p;
	*outlen = len;
	return APP_OK;
ioerr:
	if (err != NULL && errlen > 0)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	return APP_EIO;
}

/*
 * Compile every NAME.html in dir into a sorted array; each template is
 * called prefix + NAME in BUG lines. A missing dir is fine when optional
 * (views without partials).
 */
static enum app_err
load_dir(const char *dir, const char *prefix, int optional, struct entry **outv,
    size_t *outn, char *err, size_t errlen)
{
	struct entry *v = NULL;
	size_t n = 0, cap = 0, i;
	struct dirent *de;
	enum app_err e = APP_OK;
	char path[PATH_MAX];
	DIR *d;

	*outv = NULL;
	*outn = 0;
	if ((d = opendir(dir)) == NULL) {
		if (optional && errno == ENOENT)
			return APP_OK;
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return APP_EIO;
	}
	while ((de = readdir(d)) != NULL) {
		const char *fn = de->d_name;
		size_t fl = strlen(fn);
		struct stat st;
		int w;

		if (fn[0] == '.' || fl <= 5 ||
		    memcmp(fn + fl - 5, ".html", 5) != 0)
			continue;
		w = snprintf(path, sizeof(path), "%s/%s", dir, fn);
		if (w < 0 || (size_t)w >= sizeof(path)) {
			e = fail(err, errlen, dir, 1, "path too long");
			goto out;
		}
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			continue;
		if (!valid_name(fn, fl - 5)) {
			e = fail(err, errlen, path, 1,
			    "file name must be "
			    "[a-z0-9_]+.html, at most %u characters before "
			    ".html",
			    VIEW_NAME_MAX);
			goto out;
		}
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct entry *nv = realloc(v, ncap * sizeof(*nv));

			if (nv == NULL) {
				e = fail_nomem(err, errlen);
				goto out;
			}
			v = nv;
			cap = ncap;
		}
		v[n].tpl = NULL;
		if ((v[n].name = strndup(fn, fl - 5)) == NULL) {
			e = fail_nomem(err, errlen);
			goto out;
		}
		n++;
	}
	if (n > 0)
		qsort(v, n, sizeof(*v), entry_cmp);
	for (i = 0; i < n; i++) {
		char *src;
		size_t len = 0;

		snprintf(path, sizeof(path), "%s/%s.html", dir, v[i].name);
		if ((e = read_file(path, &src, &len, err, errlen)) != APP_OK)
			goto out;
		e = view_compile(
		    &v[i].tpl, path, (struct str){ src, len }, err, errlen);
		free(src);
		if (e != APP_OK)
			goto out;
		snprintf(path, sizeof(path), "%s%s", prefix, v[i].name);
		if ((v[i].tpl->name = strdup(path)) == NULL) {
			e = fail_nomem(err, errlen);
			goto out;
		}
	}
out:
	closedir(d);
	if (e != APP_OK) {
		free_entries(v, n);
		return e;
	}
	*outv = v;
	*outn = n;
	return APP_OK;
}

enum app_err
view_set_load(const char *dir, struct view_set **out, char *err, size_t errlen)
{
	struct view_set *vs;
	char pdir[PATH_MAX];
	enum app_err e;
	size_t i;
	int w;

	*out = NULL;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	w = snprintf(pdir, sizeof(pdir), "%s/partials", dir);
	if (w < 0 || (size_t)w >= sizeof(pdir))
		return fail(err, errlen, dir, 1, "path too long");
	if ((vs = calloc(1, sizeof(*vs))) == NULL)
		return fail_nomem(err, errlen);
	if ((e = load_dir(dir, "", 0, &vs->tpls, &vs->ntpls, err, errlen)) !=
	        APP_OK ||
	    (e = load_dir(pdir, "partials/", 1, &vs->parts, &vs->nparts, err,
	         errlen)) != APP_OK)
		goto fail;
	/* Partials first, so an error names the innermost offender. */
	for (i = 0; i < vs->nparts; i++)
		if ((e = link_tpl(vs, vs->parts[i].tpl, 0, err, errlen)) !=
		    APP_OK)
			goto fail;
	for (i = 0; i < vs->ntpls; i++)
		if ((e = link_tpl(vs, vs->tpls[i].tpl, 0, err, errlen)) !=
		    APP_OK)
			goto fail;
	*out = vs;
	return APP_OK;
fail:
	view_set_free(vs);
	return e;
}

enum app_err
view_render(const struct view_set *vs, const char *name,
    const struct view_ctx *ctx, struct buf *out)
{
	const struct view_tpl *t;

	if (vs == NULL || (t = find(vs->tpls, vs->ntpls, name)) == NULL)
		return APP_ENOTFOUND;
	return view_tpl_render(t, ctx, out);
}

enum app_err
view_render_html(const struct view_set *vs, const char *name,
    const struct view_ctx *ctx, struct arena *a, const struct view_html **out)
{
	struct view_html *h;
	struct buf b;
	enum app_err e;

	*out = NULL;
	buf_init(&b, a);
	if ((e = view_render(vs, name, ctx, &b)) != APP_OK)
		return e;
	if ((h = arena_alloc(a, sizeof(*h))) == NULL)
		return APP_ENOMEM;
	h->s = buf_str(&b);
	*out = h;
	return APP_OK;
}

/* --- contexts ----------------------------------------------------------- */

static struct view_ctx *
ctx_alloc(struct arena *a, const struct view_ctx *parent)
{
	struct view_ctx *c;

	if ((c = arena_alloc(a, sizeof(*c))) == NULL)
		return NULL;
	c->a = a;
	c->parent = parent;
	c->head = NULL;
	c->next = NULL;
	return c;
}

struct view_ctx *
view_ctx_new(struct arena *a)
{
	return ctx_alloc(a, NULL);
}

/* A new binding for key, newest first; NULL when the arena is full. */
static struct val *
ctx_bind(struct view_ctx *c, const char *key, enum val_type type)
{
	struct binding *b;

	if ((b = arena_alloc(c->a, sizeof(*b))) == NULL)
		return NULL;
	memset(b, 0, sizeof(*b));
	b->key = key;
	b->keylen = strlen(key);
	b->v.type = type;
	b->next = c->head;
	c->head = b;
	return &b->v;
}

enum app_err
view_ctx_set_str(struct view_ctx *c, const char *key, struct str val)
{
	struct val *v;
	char *p;

	if ((p = arena_memdup(c->a, val.p, val.len)) == NULL ||
	    (v = ctx_bind(c, key, VAL_STR)) == NULL)
		return APP_ENOMEM;
	v->u.s.p = p;
	v->u.s.len = val.len;
	return APP_OK;
}

enum app_err
view_ctx_set_cstr(struct view_ctx *c, const char *key, const char *val)
{
	return view_ctx_set_str(c, key, str_cstr(val));
}

enum app_err
view_ctx_set_int(struct view_ctx *c, const char *key, long long val)
{
	struct val *v;

	if ((v = ctx_bind(c, key, VAL_INT)) == NULL)
		return APP_ENOMEM;
	v->u.i = val;
	return APP_OK;
}

enum app_err
view_ctx_set_bool(struct view_ctx *c, const char *key, int val)
{
	struct val *v;

	if ((v = ctx_bind(c, key, VAL_BOOL)) == NULL)
		return APP_ENOMEM;
	v->u.b = val != 0;
	return APP_OK;
}

enum app_err
view_ctx_set_html(
    struct view_ctx *c, const char *key, const struct view_html *html)
{
	struct val *v;

	if ((v = ctx_bind(c, key, VAL_HTML)) == NULL)
		return APP_ENOMEM;
	if (html != NULL)
		v->u.s = html->s;
	else
		v->u.s = (struct str){ "", 0 };
	return APP_OK;
}

enum app_err
view_ctx_set_list(struct view_ctx *c, const char *key)
{
	return ctx_bind(c, key, VAL_LIST) == NULL ? APP_ENOMEM : APP_OK;
}

struct view_ctx *
view_ctx_list_add(struct view_ctx *c, const char *key)
{
	struct str k = str_cstr(key);
	struct view_ctx *it;
	struct binding *b;
	struct val *v;

	/* The item first, so a full arena leaves c unchanged. */
	if ((it = ctx_alloc(c->a, c)) == NULL)
		return NULL;
	if ((b = ctx_find(c, k)) != NULL && b->v.type == VAL_LIST)
		v = &b->v;
	else if ((v = ctx_bind(c, key, VAL_LIST)) == NULL)
		return NULL;
	if (v->u.list.tail != NULL)
		v->u.list.tail->next = it;
	else
		v->u.list.head = it;
	v->u.list.tail = it;
	return it;
}

enum app_err
view_render_page(const struct view_set *vs, const char *layout,
    const char *page, const struct view_ctx *ctx, struct buf *out)
{
	const struct view_html *h;
	struct view_ctx *c;
	enum app_err e;

	if (!view_set_has(vs, layout) || !view_set_has(vs, page))
		return APP_ENOTFOUND;
	if ((e = view_render_html(vs, page, ctx, out->a, &h)) != APP_OK)
		return e;
	/* A child context, so the caller's ctx stays untouched. */
	if ((c = ctx_alloc(out->a, ctx)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_html(c, "content", h)) != APP_OK)
		return e;
	return view_render(vs, layout, c, out);
}
