/* quest_xml.c: questionnaire definitions from XML; see include/quest_xml.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "gender.h"
#include "arena.h"
#include "quest_xml.h"

struct quest_schema {
	xmlSchemaPtr schema;
};

static const char *const kind_names[QK__MAX] = {
	[QK_SKALA] = "skala",
	[QK_ENVAL] = "enval",
	[QK_FLERVAL] = "flerval",
	[QK_VAS] = "vas",
	[QK_FRITEXT] = "fritext",
};

const char *
quest_kind_name(enum quest_kind k)
{
	return (unsigned)k < QK__MAX ? kind_names[k] : "";
}

const char *
quest_background_name(enum quest_background b)
{
	switch (b) {
	case QB_KON: return "kon";
	case QB_ALDERSGRUPP: return "aldersgrupp";
	default: return NULL;
	}
}

/* The parse in progress. */
struct qp {
	struct arena *a;
	struct quest_def *d;
	char *err;
	size_t errlen;
	size_t text_cap, item_cap;
	enum app_err oom; /* APP_ENOMEM once the arena is full */
};

static enum app_err qp_fail(struct qp *p, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static enum app_err
qp_fail(struct qp *p, long line, const char *fmt, ...)
{
	va_list ap;
	int n = 0;

	if (p->errlen == 0)
		return APP_EINPUT;
	if (line > 0)
		n = snprintf(p->err, p->errlen, "Rad %ld: ", line);
	if (n < 0 || (size_t)n >= p->errlen)
		n = 0;
	va_start(ap, fmt);
	vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return APP_EINPUT;
}

static long
qp_line(const xmlNode *n)
{
	return n ? (long)xmlGetLineNo(n) : 0;
}

static int
qp_is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, QUEST_NS) == 0 &&
	    strcmp((const char *)n->name, name) == 0;
}

static int
qp_blank(const xmlChar *s)
{
	for (; s != NULL && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* The next element sibling from n (n included), or NULL. Text other than
 * blanks between elements sets *bad. Comments are skipped. */
static xmlNode *
qp_elem(xmlNode *n, int *bad)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE)
			return n;
		if ((n->type == XML_TEXT_NODE ||
		        n->type == XML_CDATA_SECTION_NODE) &&
		    !qp_blank(n->content))
			*bad = 1;
		if (n->type == XML_ENTITY_REF_NODE)
			*bad = 1;
	}
	return NULL;
}

static char *
qp_dup(struct qp *p, const char *s, size_t n)
{
	char *c = arena_alloc(p->a, n + 1);

	if (c == NULL) {
		p->oom = APP_ENOMEM;
		return NULL;
	}
	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

/* Attribute name of n (no namespace) copied to the arena, or NULL. */
static char *
qp_attr(struct qp *p, xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *c;

	if (v == NULL)
		return NULL;
	c = qp_dup(p, (const char *)v, strlen((const char *)v));
	xmlFree(v);
	return c;
}

/* A boolean attribute (XSD xs:boolean); def when absent, -1 when bad. */
static int
qp_bool(struct qp *p, xmlNode *n, const char *name, int def)
{
	char *v = qp_attr(p, n, name);

	if (v == NULL)
		return def;
	if (strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
		return 1;
	if (strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
		return 0;
	return -1;
}

/* A decimal integer attribute in lo..hi; def when absent; -1 on error
 * (with *ok cleared). */
static long
qp_int(struct qp *p, xmlNode *n, const char *name, long def, long lo, long hi,
    int *ok)
{
	char *v = qp_attr(p, n, name);
	long x = 0;
	size_t i = 0;

	if (v == NULL)
		return def;
	if (v[0] == '+')
		i = 1;
	if (v[i] == '\0' || strlen(v) > 9) {
		*ok = 0;
		return -1;
	}
	for (; v[i]; i++) {
		if (v[i] < '0' || v[i] > '9') {
			*ok = 0;
			return -1;
		}
		x = x * 10 + (v[i] - '0');
	}
	if (x < lo || x > hi) {
		*ok = 0;
		return -1;
	}
	return x;
}

static int
qp_id_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 0 || n > QUEST_ID_MAX || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		        (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static int
qp_value_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 0 || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		        (s[i] >= '0' && s[i] <= '9') ||
		        (i > 0 && (s[i] == '_' || s[i] == '-'))))
			return 0;
	return 1;
}

static int
qp_lang_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 2 || n > QUEST_LANG_MAX || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		        (s[i] >= 'A' && s[i] <= 'Z') ||
		        (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/* The element's text, blanks trimmed at both ends, in the arena; NULL
 * with *bad set when it is empty, too long or holds child elements. */
static char *
qp_content(struct qp *p, xmlNode *n, int *bad)
{
	xmlChar *v;
	const char *s;
	size_t len;
	char *c;

	for (xmlNode *k = n->children; k != NULL; k = k->next)
		if (k->type != XML_TEXT_NODE &&
		    k->type != XML_CDATA_SECTION_NODE &&
		    k->type != XML_COMMENT_NODE) {
			*bad = 1;
			return NULL;
		}
	if ((v = xmlNodeGetContent(n)) == NULL) {
		*bad = 1;
		return NULL;
	}
	s = (const char *)v;
	len = strlen(s);
	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++, len--;
	while (len > 0 &&
	    (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
	        s[len - 1] == '\r'))
		len--;
	if (len == 0 || len > QUEST_MAX_TEXT) {
		xmlFree(v);
		*bad = 1;
		return NULL;
	}
	c = qp_dup(p, s, len);
	xmlFree(v);
	return c;
}

static enum app_err
qp_add_text(struct qp *p, const char *ref, const char *lang, const char *text)
{
	struct quest_def *d = p->d;

	if (d->ntexts == p->text_cap) {
		size_t cap = p->text_cap ? p->text_cap * 2 : 64;
		struct quest_text *t = arena_calloc(p->a, cap, sizeof(*t));

		if (t == NULL)
			return p->oom = APP_ENOMEM;
		if (d->ntexts)
			memcpy(t, d->texts, d->ntexts * sizeof(*t));
		d->texts = t;
		p->text_cap = cap;
	}
	d->texts[d->ntexts++] = (struct quest_text){ ref, lang, text };
	return APP_OK;
}

/*
 * The translations under n (<t xml:lang="..">), one per declared
 * language: added to the texts under ref; *def_text is the default
 * language's.
 */
static enum app_err
qp_translated(struct qp *p, xmlNode *n, const char *ref, const char **def_text)
{
	struct quest_def *d = p->d;
	unsigned char seen[QUEST_MAX_LANGS] = { 0 };
	int bad = 0;
	xmlNode *t;
	enum app_err e;

	*def_text = NULL;
	for (t = qp_elem(n->children, &bad); t != NULL;
	     t = qp_elem(t->next, &bad)) {
		xmlChar *lv;
		size_t li;
		char *text;

		if (!qp_is(t, "t"))
			return qp_fail(p, qp_line(t),
			    "Elementet <%s> är inte tillåtet här, bara <t>.",
			    (const char *)t->name);
		lv =
		    xmlGetNsProp(t, (const xmlChar *)"lang", XML_XML_NAMESPACE);
		if (lv == NULL)
			return qp_fail(
			    p, qp_line(t), "En översättning saknar xml:lang.");
		for (li = 0; li < d->nlangs; li++)
			if (strcmp(d->langs[li].code, (const char *)lv) == 0)
				break;
		if (li == d->nlangs) {
			e = qp_fail(p, qp_line(t),
			    "Språket \"%.16s\" finns inte i <languages>.",
			    (const char *)lv);
			xmlFree(lv);
			return e;
		}
		xmlFree(lv);
		if (seen[li])
			return qp_fail(p, qp_line(t),
			    "Texten finns två gånger på språket %s.",
			    d->langs[li].code);
		seen[li] = 1;
		if ((text = qp_content(p, t, &bad)) == NULL)
			return p->oom ? p->oom
			              : qp_fail(p, qp_line(t),
			                    "Texten är tom, för lång (högst %u "
			                    "byte) eller innehåller element.",
			                    QUEST_MAX_TEXT);
		if ((e = qp_add_text(p, ref, d->langs[li].code, text)) !=
		    APP_OK)
			return e;
		if (strcmp(d->langs[li].code, d->default_lang) == 0)
			*def_text = text;
	}
	if (bad)
		return qp_fail(p, qp_line(n), "Otillåten text i <%s>.",
		    (const char *)n->name);
	for (size_t li = 0; li < d->nlangs; li++)
		if (!seen[li])
			return qp_fail(p, qp_line(n),
			    "Översättning saknas: <%s> har ingen text på "
			    "språket %s.",
			    (const char *)n->name, d->langs[li].code);
	return APP_OK;
}

static const char *
qp_ref(struct qp *p, const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = b ? strlen(b) : 0, lc = c ? strlen(c) : 0;
	char *s = arena_alloc(p->a, la + lb + lc + 3);

	if (s == NULL) {
		p->oom = APP_ENOMEM;
		return NULL;
	}
	memcpy(s, a, la);
	if (b) {
		s[la] = '.';
		memcpy(s + la + 1, b, lb + 1);
		if (c) {
			s[la + 1 + lb] = '.';
			memcpy(s + la + 2 + lb, c, lc + 1);
		}
	} else
		s[la] = '\0';
	return s;
}

/* Child element name of n, expected next from *cur; translated into ref. */
static enum app_err
qp_child_text(struct qp *p, xmlNode *n, xmlNode **cur, const char *name,
    const char *ref, const char **def_text)
{
	int bad = 0;
	xmlNode *c = qp_elem(*cur, &bad);

	if (ref == NULL)
		return APP_ENOMEM;
	if (!qp_is(c, name) || bad)
		return qp_fail(p, qp_line(c ? c : n),
		    "<%s> ska innehålla <%s> här.", (const char *)n->name,
		    name);
	*cur = c->next;
	return qp_translated(p, c, ref, def_text);
}

static enum app_err
qp_item(struct qp *p, xmlNode *n, const char *section)
{
	struct quest_def *d = p->d;
	struct quest_item *it;
	const char *name = (const char *)n->name;
	xmlNode *cur = n->children;
	int ok = 1, bad = 0;
	const char *bgv, *dummy;
	enum gender g;
	enum app_err e;

	if (d->nitems >= QUEST_MAX_ITEMS)
		return qp_fail(p, qp_line(n), "Högst %u frågor i en enkät.",
		    QUEST_MAX_ITEMS);
	if (d->nitems == p->item_cap) {
		size_t cap = p->item_cap ? p->item_cap * 2 : 16;
		struct quest_item *ni = arena_calloc(p->a, cap, sizeof(*ni));

		if (ni == NULL)
			return p->oom = APP_ENOMEM;
		if (d->nitems)
			memcpy(ni, d->items, d->nitems * sizeof(*ni));
		d->items = ni;
		p->item_cap = cap;
	}
	it = &d->items[d->nitems];
	memset(it, 0, sizeof(*it));
	it->section = section;
	it->code = qp_attr(p, n, "id");
	if (p->oom)
		return p->oom;
	if (!qp_id_ok(it->code))
		return qp_fail(p, qp_line(n),
		    "Frågan saknar id eller har ett ogiltigt id (a-z, 0-9, _).");
	for (size_t i = 0; i < d->nitems; i++)
		if (strcmp(d->items[i].code, it->code) == 0)
			return qp_fail(p, qp_line(n),
			    "Fråge-id \"%s\" finns redan.", it->code);
	it->dont_know = qp_bool(p, n, "dont-know", 0);
	it->not_appl = qp_bool(p, n, "not-applicable", 0);
	if (it->dont_know < 0 || it->not_appl < 0)
		return qp_fail(p, qp_line(n),
		    "dont-know och not-applicable ska vara true eller false.");
	if (strcmp(name, "scale") == 0) {
		it->kind = QK_SKALA;
		it->min = (int)qp_int(p, n, "min", -1, 0, 1, &ok);
		it->max = (int)qp_int(p, n, "max", -1, 2, 11, &ok);
		if (!ok || it->min < 0 || it->max < 0)
			return qp_fail(p, qp_line(n),
			    "En skala behöver min (0 eller 1) och max (2 till "
			    "11).");
	} else if (strcmp(name, "vas") == 0) {
		it->kind = QK_VAS;
		it->min = 0;
		it->max = 100;
		if (it->not_appl)
			return qp_fail(p, qp_line(n),
			    "not-applicable finns inte för vas.");
	} else if (strcmp(name, "choice") == 0) {
		int m = qp_bool(p, n, "multiple", 0);

		if (m < 0)
			return qp_fail(p, qp_line(n),
			    "multiple ska vara true eller false.");
		it->kind = m ? QK_FLERVAL : QK_ENVAL;
	} else {
		it->kind = QK_FRITEXT;
		it->max_length =
		    (int)qp_int(p, n, "max-length", 500, 1, 2000, &ok);
		if (!ok)
			return qp_fail(
			    p, qp_line(n), "max-length ska vara 1 till 2000.");
		if (it->dont_know || it->not_appl)
			return qp_fail(p, qp_line(n),
			    "En fritextfråga har inga vet ej/ej aktuellt.");
	}
	bgv = qp_attr(p, n, "background");
	if (p->oom)
		return p->oom;
	if (bgv != NULL) {
		if (it->kind != QK_ENVAL)
			return qp_fail(p, qp_line(n),
			    "background går bara på en enval-fråga.");
		if (strcmp(bgv, "kon") == 0)
			it->bg = QB_KON;
		else if (strcmp(bgv, "aldersgrupp") == 0)
			it->bg = QB_ALDERSGRUPP;
		else
			return qp_fail(p, qp_line(n),
			    "background ska vara kon eller aldersgrupp.");
		for (size_t i = 0; i < d->nitems; i++)
			if (d->items[i].bg == it->bg)
				return qp_fail(p, qp_line(n),
				    "Bakgrundsfrågan %s finns redan.", bgv);
	}
	d->nitems++; /* from here on the item is the definition's */
	if ((e = qp_child_text(p, n, &cur, "text",
	         qp_ref(p, "item", it->code, NULL), &it->text)) != APP_OK)
		return e;
	if (it->kind == QK_SKALA || it->kind == QK_VAS) {
		if ((e = qp_child_text(p, n, &cur, "min-label",
		         qp_ref(p, "item", it->code, "min"), &dummy)) !=
		        APP_OK ||
		    (e = qp_child_text(p, n, &cur, "max-label",
		         qp_ref(p, "item", it->code, "max"), &dummy)) != APP_OK)
			return e;
	}
	if (it->kind == QK_ENVAL || it->kind == QK_FLERVAL) {
		xmlNode *o;
		size_t cap = 0;

		for (o = qp_elem(cur, &bad); o != NULL;
		     o = qp_elem(o->next, &bad)) {
			struct quest_option *op;
			char *v;

			if (!qp_is(o, "option"))
				return qp_fail(p, qp_line(o),
				    "Bara <option> får följa frågetexten.");
			if (it->noptions >= 30)
				return qp_fail(
				    p, qp_line(o), "Högst 30 svarsalternativ.");
			if (it->noptions == cap) {
				cap = cap ? cap * 2 : 8;
				op = arena_calloc(p->a, cap, sizeof(*op));
				if (op == NULL)
					return p->oom = APP_ENOMEM;
				if (it->noptions)
					memcpy(op, it->options,
					    it->noptions * sizeof(*op));
				it->options = op;
			}
			v = qp_attr(p, o, "value");
			if (p->oom)
				return p->oom;
			if (!qp_value_ok(v))
				return qp_fail(p, qp_line(o),
				    "Svarsalternativet saknar value eller har "
				    "ett ogiltigt (a-z, 0-9, _ och -, högst "
				    "32).");
			for (size_t i = 0; i < it->noptions; i++)
				if (strcmp(it->options[i].value, v) == 0)
					return qp_fail(p, qp_line(o),
					    "Värdet \"%s\" finns redan i "
					    "frågan.",
					    v);
			if (it->bg == QB_KON &&
			    !gender_from_name(str_cstr(v), &g))
				return qp_fail(p, qp_line(o),
				    "En könsfråga har bara värdena kvinna, man "
				    "och annat.");
			op = &it->options[it->noptions++];
			op->value = v;
			if ((e = qp_translated(p, o,
			         qp_ref(p, "item", it->code,
			             qp_ref(p, "opt", v, NULL)),
			         &op->text)) != APP_OK)
				return e;
		}
		if (it->noptions < 2)
			return qp_fail(p, qp_line(n),
			    "En valfråga behöver minst två svarsalternativ.");
		cur = NULL;
	}
	if (qp_elem(cur, &bad) != NULL || bad)
		return qp_fail(p, qp_line(n), "Oväntat innehåll i <%s>.", name);
	return p->oom;
}

static enum app_err
qp_languages(struct qp *p, xmlNode *n)
{
	struct quest_def *d = p->d;
	int bad = 0;
	xmlNode *l;

	d->langs = arena_calloc(p->a, QUEST_MAX_LANGS, sizeof(*d->langs));
	if (d->langs == NULL)
		return p->oom = APP_ENOMEM;
	for (l = qp_elem(n->children, &bad); l != NULL;
	     l = qp_elem(l->next, &bad)) {
		struct quest_lang *ql;
		xmlChar *lv;
		char *dir;

		if (!qp_is(l, "language"))
			return qp_fail(p, qp_line(l),
			    "<languages> får bara innehålla <language>.");
		if (d->nlangs >= QUEST_MAX_LANGS)
			return qp_fail(
			    p, qp_line(l), "Högst %u språk.", QUEST_MAX_LANGS);
		ql = &d->langs[d->nlangs];
		lv =
		    xmlGetNsProp(l, (const xmlChar *)"lang", XML_XML_NAMESPACE);
		if (lv == NULL || !qp_lang_ok((const char *)lv)) {
			xmlFree(lv);
			return qp_fail(p, qp_line(l),
			    "<language> behöver ett giltigt xml:lang.");
		}
		ql->code =
		    qp_dup(p, (const char *)lv, strlen((const char *)lv));
		xmlFree(lv);
		if (ql->code == NULL)
			return p->oom;
		for (size_t i = 0; i < d->nlangs; i++)
			if (strcmp(d->langs[i].code, ql->code) == 0)
				return qp_fail(p, qp_line(l),
				    "Språket %s finns två gånger.", ql->code);
		dir = qp_attr(p, l, "dir");
		if (dir == NULL ||
		    (strcmp(dir, "ltr") != 0 && strcmp(dir, "rtl") != 0))
			return p->oom ? p->oom
			              : qp_fail(p, qp_line(l),
			                    "dir ska vara ltr eller rtl.");
		ql->rtl = dir[0] == 'r';
		if ((ql->name = qp_content(p, l, &bad)) == NULL)
			return p->oom
			    ? p->oom
			    : qp_fail(p, qp_line(l), "Språket saknar namn.");
		d->nlangs++;
	}
	if (bad || d->nlangs == 0)
		return qp_fail(
		    p, qp_line(n), "<languages> behöver minst ett <language>.");
	for (size_t i = 0; i < d->nlangs; i++)
		if (strcmp(d->langs[i].code, d->default_lang) == 0)
			return APP_OK;
	return qp_fail(p, qp_line(n),
	    "Standardspråket %s finns inte bland språken.", d->default_lang);
}

static enum app_err
qp_root(struct qp *p, xmlNode *root)
{
	static const char *const groups[] = { "deltagare_pagaende",
		"deltagare_avslut", "deltagare", "insatspersonal", "remittent",
		"chefer", "styrelse" };
	struct quest_def *d = p->d;
	const char *dummy;
	xmlNode *c;
	int ok = 1, bad = 0, g = 0;
	enum app_err e;

	if (!qp_is(root, "questionnaire"))
		return qp_fail(p, qp_line(root),
		    "Rotelementet ska vara <questionnaire> i namnrymden %s.",
		    QUEST_NS);
	d->code = qp_attr(p, root, "id");
	d->respondents = qp_attr(p, root, "respondents");
	d->anonymity = qp_attr(p, root, "anonymity");
	d->default_lang = qp_attr(p, root, "default-lang");
	d->version = qp_int(p, root, "version", -1, 1, 1000000, &ok);
	d->example = qp_bool(p, root, "example", 0);
	if (p->oom)
		return p->oom;
	if (!qp_id_ok(d->code))
		return qp_fail(p, qp_line(root),
		    "id saknas eller är ogiltigt (a-z, 0-9, _).");
	if (!ok || d->version < 1)
		return qp_fail(p, qp_line(root),
		    "version ska vara ett heltal 1 till 1000000.");
	for (size_t i = 0;
	     d->respondents && i < sizeof(groups) / sizeof(*groups); i++)
		g |= strcmp(d->respondents, groups[i]) == 0;
	if (!g)
		return qp_fail(p, qp_line(root),
		    "respondents ska vara en av deltagare_pagaende, "
		    "deltagare_avslut, deltagare, insatspersonal, remittent, "
		    "chefer, styrelse.");
	if (d->anonymity == NULL ||
	    (strcmp(d->anonymity, "anonym") != 0 &&
	        strcmp(d->anonymity, "kopplad") != 0))
		return qp_fail(p, qp_line(root),
		    "anonymity ska vara anonym eller kopplad.");
	if (!qp_lang_ok(d->default_lang))
		return qp_fail(
		    p, qp_line(root), "default-lang saknas eller är ogiltigt.");
	if (d->example < 0)
		return qp_fail(
		    p, qp_line(root), "example ska vara true eller false.");

	c = qp_elem(root->children, &bad);
	if (!qp_is(c, "languages"))
		return qp_fail(
		    p, qp_line(c ? c : root), "Först ska <languages> komma.");
	if ((e = qp_languages(p, c)) != APP_OK)
		return e;
	c = qp_elem(c->next, &bad);
	if (!qp_is(c, "title"))
		return qp_fail(p, qp_line(c ? c : root),
		    "Efter <languages> ska <title> komma.");
	if ((e = qp_translated(p, c, "title", &d->title)) != APP_OK)
		return e;
	c = qp_elem(c->next, &bad);
	if (qp_is(c, "intro")) {
		if ((e = qp_translated(p, c, "intro", &dummy)) != APP_OK)
			return e;
		c = qp_elem(c->next, &bad);
	}
	if (c == NULL)
		return qp_fail(
		    p, qp_line(root), "Enkäten behöver minst en <section>.");
	for (; c != NULL; c = qp_elem(c->next, &bad)) {
		const char *sid;
		xmlNode *k;

		if (!qp_is(c, "section"))
			return qp_fail(p, qp_line(c),
			    "Elementet <%s> är inte tillåtet här.",
			    (const char *)c->name);
		sid = qp_attr(p, c, "id");
		if (p->oom)
			return p->oom;
		if (!qp_id_ok(sid))
			return qp_fail(p, qp_line(c),
			    "Avsnittet saknar id eller har ett ogiltigt id.");
		for (size_t i = 0; i < d->nitems; i++)
			if (strcmp(d->items[i].section, sid) == 0)
				return qp_fail(p, qp_line(c),
				    "Avsnitts-id \"%s\" finns redan.", sid);
		k = c->children;
		if ((e = qp_child_text(p, c, &k, "title",
		         qp_ref(p, "section", sid, NULL), &dummy)) != APP_OK)
			return e;
		size_t before = d->nitems;
		for (k = qp_elem(k, &bad); k != NULL;
		     k = qp_elem(k->next, &bad)) {
			if (!qp_is(k, "scale") && !qp_is(k, "vas") &&
			    !qp_is(k, "choice") && !qp_is(k, "freetext"))
				return qp_fail(p, qp_line(k),
				    "Elementet <%s> är ingen frågetyp (scale, "
				    "vas, choice, freetext).",
				    (const char *)k->name);
			if ((e = qp_item(p, k, sid)) != APP_OK)
				return e;
		}
		if (d->nitems == before)
			return qp_fail(p, qp_line(c),
			    "Avsnittet \"%s\" har inga frågor.", sid);
	}
	if (bad)
		return qp_fail(p, qp_line(root), "Otillåten text i enkäten.");
	return APP_OK;
}

/* The first schema error, with its line. */
struct qp_verr {
	int set;
	long line;
	char msg[300];
};

/* libxml2 2.12 made structured error callbacks take a const error. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *qp_error_ptr;
#else
typedef xmlErrorPtr qp_error_ptr;
#endif

static void
qp_schema_error(void *ctx, qp_error_ptr err)
{
	struct qp_verr *v = ctx;
	size_t n;

	if (v->set || err == NULL)
		return;
	v->set = 1;
	v->line = err->line;
	snprintf(v->msg, sizeof(v->msg), "%s",
	    err->message ? err->message : "okänt fel");
	n = strlen(v->msg);
	while (n > 0 && (v->msg[n - 1] == '\n' || v->msg[n - 1] == ' '))
		v->msg[--n] = '\0';
}

/* libxml2 must not print anything (the errors are returned). */
static void
qp_quiet(void *ctx, qp_error_ptr err)
{
	(void)ctx;
	(void)err;
}

static int
qp_has(struct str s, const char *needle)
{
	size_t n = strlen(needle);

	for (size_t i = 0; i + n <= s.len; i++)
		if (memcmp(s.p + i, needle, n) == 0)
			return 1;
	return 0;
}

/* SAX hook: a DOCTYPE with an internal subset (or an entity declaration)
 * stops the parser before anything in it is used. */
static void
qp_stop_subset(void *ctx, const xmlChar *name, const xmlChar *ext_id,
    const xmlChar *sys_id)
{
	xmlParserCtxtPtr c = ctx;

	(void)name, (void)ext_id, (void)sys_id;
	*(int *)c->_private = 1;
	xmlStopParser(c);
}

static void
qp_stop_entity(void *ctx, const xmlChar *name, int type, const xmlChar *pub,
    const xmlChar *sys, xmlChar *content)
{
	xmlParserCtxtPtr c = ctx;

	(void)name, (void)type, (void)pub, (void)sys, (void)content;
	*(int *)c->_private = 1;
	xmlStopParser(c);
}

enum app_err
quest_parse(struct arena *a, struct str xml, const struct quest_schema *schema,
    struct quest_def *out, char *err, size_t errlen)
{
	struct qp p = { .a = a, .d = out, .err = err, .errlen = errlen };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	int subset = 0;
	enum app_err e;

	memset(out, 0, sizeof(*out));
	if (errlen > 0)
		err[0] = '\0';
	if (xml.len == 0)
		return qp_fail(&p, 0, "Filen är tom.");
	if (xml.len > QUEST_MAX_XML)
		return qp_fail(&p, 0, "Filen är för stor (högst %u kB).",
		    QUEST_MAX_XML / 1024);
	/* UTF-8 only: no NUL bytes, no UTF-16 (or UTF-32) byte order mark.
	 * The file is read as UTF-8 whatever its declaration says, so a
	 * DOCTYPE cannot hide in UTF-7 or UTF-16 from the check below. */
	if (xml.len >= 2 &&
	    (((unsigned char)xml.p[0] == 0xFE &&
	         (unsigned char)xml.p[1] == 0xFF) ||
	        ((unsigned char)xml.p[0] == 0xFF &&
	            (unsigned char)xml.p[1] == 0xFE)))
		return qp_fail(&p, 0, "Filen är UTF-16. Spara den som UTF-8.");
	if (memchr(xml.p, '\0', xml.len) != NULL)
		return qp_fail(
		    &p, 0, "Filen innehåller NUL-tecken. Spara den som UTF-8.");
	/* No DTDs at all: no entities to expand, nothing to fetch. */
	if (qp_has(xml, "<!DOCTYPE") || qp_has(xml, "<!ENTITY"))
		return qp_fail(&p, 0, "DOCTYPE och ENTITY är inte tillåtna.");
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		return APP_ENOMEM;
	/* And should one get past that: the parser stops at the subset. */
	ctxt->_private = &subset;
	ctxt->sax->internalSubset = qp_stop_subset;
	ctxt->sax->externalSubset = qp_stop_subset;
	ctxt->sax->entityDecl = qp_stop_entity;
	xmlSetStructuredErrorFunc(NULL, qp_quiet);
	doc = xmlCtxtReadMemory(ctxt, xml.p, (int)xml.len, "enkat.xml", "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	        XML_PARSE_IGNORE_ENC);
	if (subset) {
		if (doc != NULL)
			xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctxt);
		xmlSetStructuredErrorFunc(NULL, NULL);
		return qp_fail(&p, 0, "DOCTYPE och ENTITY är inte tillåtna.");
	}
	if (doc == NULL) {
		qp_error_ptr le = xmlCtxtGetLastError(ctxt);
		struct qp_verr v = { 0 };

		qp_schema_error(&v, le);
		xmlFreeParserCtxt(ctxt);
		xmlSetStructuredErrorFunc(NULL, NULL);
		return qp_fail(&p, v.line, "Filen är inte giltig XML: %s",
		    v.set ? v.msg : "okänt fel");
	}
	xmlFreeParserCtxt(ctxt);
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		xmlFreeDoc(doc);
		xmlSetStructuredErrorFunc(NULL, NULL);
		return qp_fail(&p, 0, "DOCTYPE är inte tillåtet.");
	}
	if (schema != NULL) {
		xmlSchemaValidCtxtPtr vc =
		    xmlSchemaNewValidCtxt(schema->schema);
		struct qp_verr v = { 0 };
		int rc;

		if (vc == NULL) {
			xmlFreeDoc(doc);
			xmlSetStructuredErrorFunc(NULL, NULL);
			return APP_ENOMEM;
		}
		xmlSchemaSetValidStructuredErrors(vc, qp_schema_error, &v);
		rc = xmlSchemaValidateDoc(vc, doc);
		xmlSchemaFreeValidCtxt(vc);
		if (rc != 0) {
			xmlFreeDoc(doc);
			xmlSetStructuredErrorFunc(NULL, NULL);
			return qp_fail(&p, v.line,
			    "Filen följer inte schemat (questionnaire.xsd): %s",
			    v.set ? v.msg : "okänt fel");
		}
	}
	e = qp_root(&p, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (e == APP_OK && p.oom)
		e = p.oom;
	if (e != APP_OK) {
		if (e == APP_ENOMEM)
			qp_fail(&p, 0, "Minnet räckte inte till filen.");
		memset(out, 0, sizeof(*out));
	}
	return e;
}

enum app_err
quest_schema_load(
    const char *path, struct quest_schema **out, char *err, size_t errlen)
{
	xmlSchemaParserCtxtPtr pc;
	struct quest_schema *s;
	struct qp_verr v = { 0 };

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return APP_ENOMEM;
	xmlSetStructuredErrorFunc(NULL, qp_quiet);
	if ((pc = xmlSchemaNewParserCtxt(path)) == NULL) {
		free(s);
		xmlSetStructuredErrorFunc(NULL, NULL);
		return APP_ENOMEM;
	}
	xmlSchemaSetParserStructuredErrors(pc, qp_schema_error, &v);
	s->schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (s->schema == NULL) {
		free(s);
		if (errlen > 0)
			snprintf(err, errlen, "%s:%ld: %s", path, v.line,
			    v.set ? v.msg : "cannot load the schema");
		return APP_EIO;
	}
	*out = s;
	return APP_OK;
}

void
quest_schema_free(struct quest_schema *s)
{
	if (s == NULL)
		return;
	xmlSchemaFree(s->schema);
	free(s);
}
