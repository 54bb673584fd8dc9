/* sus_xml.c: the streamed SUS export document; see include/sus_xml.h. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <sodium.h>

#include "hash_piece.h"
#include "sus_complete.h"
#include "sus_xml.h"

/* Text values are copied here to be NUL-terminated and cleaned; longer
 * values are cut (no column we export is longer than a TEXT). */
#define SUS_XML_SCRATCH (64u * 1024u)

/* The document goes to the fd in writes of this size (libxml2's own
 * output buffer hands over about 4 KB at a time). */
#define SUS_XML_OUT (64u * 1024u)

enum sus_phase {
	PH_NEW,
	PH_INSATSER,
	PH_REGISTRATIONS,
	PH_COUNTS,
	PH_DONE,
};

struct sus_xml_check; /* the validation thread; below */

struct sus_xml {
	int fd;
	int v;      /* the schema version */
	int failed; /* a write failed: every later call fails */
	enum sus_phase phase;
	xmlTextWriterPtr w;
	struct sus_xml_check *check; /* NULL: not validated as written */
	size_t nout;                 /* bytes in out, not yet written */
	char out[SUS_XML_OUT];
	char scratch[SUS_XML_SCRATCH + 1];
};

/* Write p (len bytes) to the fd whole: 0, or -1 (sticky failure). */
static int
sus_xml_write_all(struct sus_xml *x, const char *p, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t n = write(x->fd, p + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			x->failed = 1;
			return -1;
		}
		done += (size_t)n;
	}
	return 0;
}

static int sus_xml_check_feed(struct sus_xml *, const char *, size_t);

/* Write what the buffer holds (and hand it to the validation thread). */
static int
sus_xml_drain(struct sus_xml *x)
{
	size_t n = x->nout;

	x->nout = 0;
	if (x->failed || sus_xml_write_all(x, x->out, n) != 0)
		return -1;
	return sus_xml_check_feed(x, x->out, n);
}

static int
sus_xml_write_cb(void *ctx, const char *p, int len)
{
	struct sus_xml *x = ctx;
	size_t n = len > 0 ? (size_t)len : 0;

	if (x->failed)
		return -1;
	if (x->nout + n > sizeof(x->out) && sus_xml_drain(x) != 0)
		return -1;
	if (n > sizeof(x->out))
		return sus_xml_write_all(x, p, n) == 0 &&
		        sus_xml_check_feed(x, p, n) == 0
		    ? len
		    : -1;
	memcpy(x->out + x->nout, p, n);
	x->nout += n;
	return len;
}

static int
sus_xml_close_cb(void *ctx)
{
	(void)ctx;
	return 0;
}

static const char *const sus_ns[SUS_SCHEMA_MAX + 1] = {
	[1] = "urn:stegvis:sus-export:1",
	[2] = "urn:stegvis:sus-export:2",
};
static const char *const sus_versions[SUS_SCHEMA_MAX + 1] = {
	[1] = "1.0",
	[2] = "2.0",
};

const char *
sus_xml_ns(int v)
{
	return v >= SUS_SCHEMA_MIN && v <= SUS_SCHEMA_MAX ? sus_ns[v] : "";
}

const char *
sus_xml_version(int v)
{
	return v >= SUS_SCHEMA_MIN && v <= SUS_SCHEMA_MAX ? sus_versions[v]
	                                                  : "";
}

int
sus_schema_path(const char *default_path, int v, char *out, size_t n)
{
	const char *slash = strrchr(default_path, '/');
	int dir = slash ? (int)(slash - default_path + 1) : 0;
	int len;

	if (v < SUS_SCHEMA_MIN || v > SUS_SCHEMA_MAX)
		return 0;
	len = snprintf(out, n, "%.*ssus-export-%d.xsd", dir, default_path, v);
	return len > 0 && (size_t)len < n;
}

struct sus_xml *
sus_xml_open(int fd, int v)
{
	struct sus_xml *x;
	xmlOutputBufferPtr out;

	if (v < SUS_SCHEMA_MIN || v > SUS_SCHEMA_MAX)
		return NULL;
	xmlInitParser();
	if ((x = calloc(1, sizeof(*x))) == NULL)
		return NULL;
	x->fd = fd;
	x->v = v;
	out = xmlOutputBufferCreateIO(
	    sus_xml_write_cb, sus_xml_close_cb, x, NULL);
	if (out == NULL) {
		free(x);
		return NULL;
	}
	if ((x->w = xmlNewTextWriter(out)) == NULL) {
		xmlOutputBufferClose(out);
		free(x);
		return NULL;
	}
	(void)xmlTextWriterSetIndent(x->w, 1);
	(void)xmlTextWriterSetIndentString(x->w, BAD_CAST "  ");
	return x;
}

struct sus_xml_err;
static int sus_xml_check_stop(
    struct sus_xml *, struct sus_xml_err *, struct sus_xml_digest *);

void
sus_xml_free(struct sus_xml *x)
{
	if (x == NULL)
		return;
	xmlFreeTextWriter(x->w); /* closes the output buffer */
	(void)sus_xml_check_stop(x, NULL, NULL);
	free(x);
}

/* s as a NUL-terminated, XML-safe string in the scratch buffer: what XML
 * 1.0 forbids becomes a space, one for each character: C0 controls but
 * tab, LF, CR (DEL is allowed), and the noncharacters U+FFFE and U+FFFF,
 * which utf8mb4 holds. The database holds valid UTF-8 (utf8mb4), which is
 * passed through. */
static const xmlChar *
sus_xml_text(struct sus_xml *x, struct str s)
{
	size_t n = s.len > SUS_XML_SCRATCH ? SUS_XML_SCRATCH : s.len, j = 0;

	/* Never cut inside a UTF-8 sequence. */
	while (n < s.len && n > 0 && ((unsigned char)s.p[n] & 0xC0) == 0x80)
		n--;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s.p[i];

		if (c == 0xEF && i + 2 < n &&
		    (unsigned char)s.p[i + 1] == 0xBF &&
		    ((unsigned char)s.p[i + 2] & 0xFE) == 0xBE) {
			x->scratch[j++] = ' '; /* U+FFFE, U+FFFF */
			i += 2;
			continue;
		}
		x->scratch[j++] =
		    (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? ' '
		                                                      : (char)c;
	}
	x->scratch[j] = '\0';
	return (const xmlChar *)x->scratch;
}

/* Map a libxml2 return value onto ours, making failure sticky. */
static enum app_err
sus_xml_rc(struct sus_xml *x, int rc)
{
	if (rc < 0)
		x->failed = 1;
	return x->failed ? APP_EIO : APP_OK;
}

static enum app_err
sus_xml_start(struct sus_xml *x, const char *name)
{
	return sus_xml_rc(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

static enum app_err
sus_xml_end(struct sus_xml *x)
{
	return sus_xml_rc(x, xmlTextWriterEndElement(x->w));
}

static enum app_err
sus_xml_attr(struct sus_xml *x, const char *name, struct str v)
{
	return sus_xml_rc(x,
	    xmlTextWriterWriteAttribute(
	        x->w, BAD_CAST name, sus_xml_text(x, v)));
}

static enum app_err
sus_xml_attr_int(struct sus_xml *x, const char *name, long long v)
{
	char num[24];

	snprintf(num, sizeof(num), "%lld", v);
	return sus_xml_attr(x, name, str_cstr(num));
}

/* <name>text</name> */
static enum app_err
sus_xml_elem(struct sus_xml *x, const char *name, struct str v)
{
	return sus_xml_rc(x,
	    xmlTextWriterWriteElement(x->w, BAD_CAST name, sus_xml_text(x, v)));
}

/* The next entry "CODE[:PCT]" of a list "C1:50,C2" from *i: its code,
 * and its extent into *pct (-1: not recorded). 0 at the end. */
static int
sus_list_next(struct str list, size_t *i, struct str *code, int *pct)
{
	size_t j;

	while (*i < list.len && list.p[*i] == ',')
		(*i)++;
	if (*i >= list.len)
		return 0;
	j = *i;
	while (j < list.len && list.p[j] != ',' && list.p[j] != ':')
		j++;
	*code = (struct str){ list.p + *i, j - *i };
	*pct = -1;
	if (j < list.len && list.p[j] == ':') {
		int n = 0, digits = 0;

		for (j++; j < list.len && list.p[j] >= '0' && list.p[j] <= '9';
		     j++, digits++)
			n = n * 10 + (list.p[j] - '0');
		if (digits > 0 && digits <= 3)
			*pct = n;
	}
	while (j < list.len && list.p[j] != ',')
		j++;
	*i = j;
	return 1;
}

/* The extent attribute of version 2: omfattning in percent. */
static enum app_err
sus_xml_pct(struct sus_xml *x, int pct)
{
	return pct < 0 ? APP_OK : sus_xml_attr_int(x, "omfattning", pct);
}

/* <name><item>C1</item><item>C2</item></name> from "C1,C2" (sorted). A
 * code twice is written once; version 2 adds its extent (the sum, at most
 * 100, when every entry of the code has one). */
static enum app_err
sus_xml_code_list(
    struct sus_xml *x, const char *name, const char *item, struct str codes)
{
	struct str code = { 0 }, next = { 0 };
	int pct = -1, npct = -1;
	size_t i = 0;
	int more;
	enum app_err e;

	if ((e = sus_xml_start(x, name)) != APP_OK)
		return e;
	more = sus_list_next(codes, &i, &code, &pct);
	while (more) {
		while ((more = sus_list_next(codes, &i, &next, &npct)) &&
		    str_eq(next, code))
			pct = (pct < 0 || npct < 0) ? -1 : pct + npct;
		if (pct > 100)
			pct = 100;
		if ((e = sus_xml_start(x, item)) != APP_OK ||
		    (x->v >= 2 && (e = sus_xml_pct(x, pct)) != APP_OK) ||
		    (e = sus_xml_rc(x,
		         xmlTextWriterWriteString(
		             x->w, sus_xml_text(x, code)))) != APP_OK ||
		    (e = sus_xml_end(x)) != APP_OK)
			return e;
		code = next;
		pct = npct;
	}
	return sus_xml_end(x);
}

/* "0".."100" as a number; -1 for "" (not recorded). */
static int
sus_pct_of(struct str s)
{
	int n = 0;

	if (s.len == 0 || s.len > 3)
		return -1;
	for (size_t i = 0; i < s.len; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return -1;
		n = n * 10 + (s.p[i] - '0');
	}
	return n > 100 ? 100 : n;
}

/* An occupation element: text only in version 1; version 2 adds its
 * extent when recorded. */
static enum app_err
sus_xml_occupation(
    struct sus_xml *x, const char *name, struct str code, struct str pct)
{
	enum app_err e;

	if (x->v < 2)
		return sus_xml_elem(x, name, code);
	if ((e = sus_xml_start(x, name)) != APP_OK ||
	    (e = sus_xml_pct(x, sus_pct_of(pct))) != APP_OK ||
	    (e = sus_xml_rc(
	         x, xmlTextWriterWriteString(x->w, sus_xml_text(x, code)))) !=
	        APP_OK)
		return e;
	return sus_xml_end(x);
}

/* Move to phase want, closing the sections in between. */
static enum app_err
sus_xml_phase(struct sus_xml *x, enum sus_phase want)
{
	enum app_err e;

	if (x->failed)
		return APP_EIO;
	if (want < x->phase || x->phase == PH_NEW)
		return APP_EINPUT;
	while (x->phase < want) {
		switch (x->phase) {
		case PH_INSATSER: /* </insatser><registreringar> */
			if ((e = sus_xml_end(x)) != APP_OK ||
			    (e = sus_xml_start(x, "registreringar")) != APP_OK)
				return e;
			break;
		case PH_REGISTRATIONS: /* </registreringar><anonymaDeltagare> */
			if ((e = sus_xml_end(x)) != APP_OK ||
			    (e = sus_xml_start(x, "anonymaDeltagare")) !=
			        APP_OK)
				return e;
			break;
		case PH_COUNTS: /* </anonymaDeltagare> */
			if ((e = sus_xml_end(x)) != APP_OK)
				return e;
			break;
		default: return APP_EINPUT;
		}
		x->phase++;
	}
	return APP_OK;
}

enum app_err
sus_xml_begin(struct sus_xml *x, const struct sus_header *h)
{
	enum app_err e;

	if (x->failed)
		return APP_EIO;
	if (x->phase != PH_NEW)
		return APP_EINPUT;
	if ((e = sus_xml_rc(
	         x, xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL))) !=
	        APP_OK ||
	    (e = sus_xml_rc(x,
	         xmlTextWriterStartElementNS(x->w, NULL, BAD_CAST "susExport",
	             BAD_CAST sus_xml_ns(x->v)))) != APP_OK ||
	    (e = sus_xml_attr(x, "version", str_cstr(sus_xml_version(x->v)))) !=
	        APP_OK ||
	    (e = sus_xml_attr_int(x, "batch", h->batch_no)) != APP_OK ||
	    (e = sus_xml_attr_int(x, "basedOn", h->base_no)) != APP_OK ||
	    (e = sus_xml_attr(x, "fullstandig",
	         h->base_no == 0 ? STR_LIT("true") : STR_LIT("false"))) !=
	        APP_OK ||
	    (e = sus_xml_attr(x, "created", h->created)) != APP_OK)
		return e;
	if ((e = sus_xml_start(x, "samverkansorganisation")) != APP_OK ||
	    (e = sus_xml_attr_int(x, "id", h->forbund_id)) != APP_OK ||
	    (h->forbund_sus_code.len > 0 &&
	        (e = sus_xml_attr(x, "susKod", h->forbund_sus_code)) !=
	            APP_OK) ||
	    (h->forbund_orgnr.len > 0 &&
	        (e = sus_xml_attr(
	             x, "organisationsnummer", h->forbund_orgnr)) != APP_OK) ||
	    (e = sus_xml_elem(x, "namn", h->forbund_name)) != APP_OK ||
	    (e = sus_xml_end(x)) != APP_OK ||
	    (e = sus_xml_start(x, "insatser")) != APP_OK)
		return e;
	x->phase = PH_INSATSER;
	return APP_OK;
}

enum app_err
sus_xml_insats(struct sus_xml *x, const struct sus_insats *in)
{
	struct str tg = in->target_groups;
	enum app_err e;
	size_t i = 0;

	if ((e = sus_xml_phase(x, PH_INSATSER)) != APP_OK)
		return e;
	if ((e = sus_xml_start(x, "insats")) != APP_OK ||
	    (e = sus_xml_attr_int(x, "id", in->id)) != APP_OK ||
	    (in->sus_code.len > 0 &&
	        (e = sus_xml_attr(x, "susKod", in->sus_code)) != APP_OK) ||
	    (e = sus_xml_elem(x, "namn", in->name)) != APP_OK ||
	    (e = sus_xml_elem(x, "beskrivning", in->description)) != APP_OK ||
	    (e = sus_xml_start(x, "period")) != APP_OK ||
	    (e = sus_xml_attr(x, "start", in->period_start)) != APP_OK ||
	    (in->period_end.len > 0 &&
	        (e = sus_xml_attr(x, "slut", in->period_end)) != APP_OK) ||
	    (e = sus_xml_end(x)) != APP_OK ||
	    (e = sus_xml_elem(x, "inriktning", in->direction)) != APP_OK ||
	    (e = sus_xml_elem(x, "matmetod", in->measurement)) != APP_OK ||
	    (e = sus_xml_start(x, "malgrupper")) != APP_OK)
		return e;
	/* One malgrupp per non-blank line, at most 500 bytes each. */
	while (i < tg.len) {
		size_t j = i;
		struct str line;

		while (j < tg.len && tg.p[j] != '\n')
			j++;
		line = str_trim_blanks((struct str){ tg.p + i, j - i });
		if (line.len > 0 && line.p[line.len - 1] == '\r')
			line.len--;
		if (line.len > 500) {
			line.len = 500;
			while (line.len > 0 &&
			    ((unsigned char)line.p[line.len] & 0xC0) == 0x80)
				line.len--;
		}
		if (line.len > 0 &&
		    (e = sus_xml_elem(x, "malgrupp", line)) != APP_OK)
			return e;
		i = j + 1;
	}
	if ((e = sus_xml_end(x)) != APP_OK)
		return e;
	for (size_t b = 0; b < in->nbudgets; b++) {
		const struct sus_budget *bu = &in->budgets[b];

		if ((e = sus_xml_start(x, "budgetar")) != APP_OK ||
		    (e = sus_xml_attr_int(x, "ar", bu->year)) != APP_OK ||
		    (e = sus_xml_attr_int(
		         x, "planeradeDeltagare", bu->planned)) != APP_OK ||
		    (bu->budget_sek >= 0 &&
		        (e = sus_xml_attr_int(
		             x, "budgetKronor", bu->budget_sek)) != APP_OK) ||
		    (e = sus_xml_end(x)) != APP_OK)
			return e;
	}
	return sus_xml_end(x);
}

enum app_err
sus_xml_registration(
    struct sus_xml *x, const struct sus_reg *g, enum sus_event ev)
{
	enum app_err e;

	if ((e = sus_xml_phase(x, PH_REGISTRATIONS)) != APP_OK)
		return e;
	if ((e = sus_xml_start(x, "registrering")) != APP_OK ||
	    (e = sus_xml_attr_int(x, "deltagande", g->participation_id)) !=
	        APP_OK ||
	    (e = sus_xml_attr_int(x, "insats", g->insats_id)) != APP_OK ||
	    (e = sus_xml_attr(x, "handelse",
	         ev == SUS_EVENT_NEW       ? STR_LIT("ny")
	             : ev == SUS_EVENT_END ? STR_LIT("utregistrering")
	                                   : STR_LIT("rattelse"))) != APP_OK)
		return e;
	if ((e = sus_xml_start(x, "inregistrering")) != APP_OK ||
	    (e = sus_xml_elem(x, "startdatum", g->start_date)) != APP_OK ||
	    (e = sus_xml_elem(x, "personnummer", g->personnummer)) != APP_OK ||
	    (x->v >= 2 &&
	        (e = sus_xml_elem(x, "samtyckesdatum", g->consent_date)) !=
	            APP_OK) ||
	    (e = sus_xml_elem(x, "kon", g->gender)) != APP_OK ||
	    (e = sus_xml_elem(x, "fodelsear", g->birth_year)) != APP_OK ||
	    (e = sus_xml_elem(x, "folkbokforingskommun",
	         x->v >= 2 ? g->municipality_code : g->municipality)) !=
	        APP_OK ||
	    (e = sus_xml_elem(x, "utbildning", g->education)) != APP_OK ||
	    (e = sus_xml_code_list(x, "forsorjningFore", "forsorjning",
	         g->income_before)) != APP_OK ||
	    (e = sus_xml_occupation(x, "sysselsattningFore",
	         g->occupation_before, g->occupation_before_pct)) != APP_OK ||
	    (e = sus_xml_elem(x, "tidOffentligForsorjning", g->support_time)) !=
	        APP_OK)
		return e;
	if (g->nanswers > 0) {
		if ((e = sus_xml_start(x, "tillaggsfragor")) != APP_OK)
			return e;
		for (size_t i = 0; i < g->nanswers; i++)
			if ((e = sus_xml_start(x, "svar")) != APP_OK ||
			    (e = sus_xml_attr(x, "fraga",
			         g->answers[i].question)) != APP_OK ||
			    (e = sus_xml_rc(x,
			         xmlTextWriterWriteString(x->w,
			             sus_xml_text(x, g->answers[i].answer)))) !=
			        APP_OK ||
			    (e = sus_xml_end(x)) != APP_OK)
				return e;
		if ((e = sus_xml_end(x)) != APP_OK)
			return e;
	}
	if ((e = sus_xml_end(x)) != APP_OK)
		return e;
	if (g->has_end &&
	    ((e = sus_xml_start(x, "utregistrering")) != APP_OK ||
	        (e = sus_xml_elem(x, "slutdatum", g->end_date)) != APP_OK ||
	        (e = sus_xml_elem(x, "avslutsorsak", g->end_reason)) !=
	            APP_OK ||
	        (e = sus_xml_code_list(x, "forsorjningEfter", "forsorjning",
	             g->income_after)) != APP_OK ||
	        (e = sus_xml_occupation(x, "sysselsattningEfter",
	             g->occupation_after, g->occupation_after_pct)) != APP_OK ||
	        (e = sus_xml_end(x)) != APP_OK))
		return e;
	return sus_xml_end(x);
}

enum app_err
sus_xml_removal(struct sus_xml *x, long long participation_id,
    long long insats_id, enum sus_removal why)
{
	enum app_err e;

	if ((e = sus_xml_phase(x, PH_REGISTRATIONS)) != APP_OK)
		return e;
	if ((e = sus_xml_start(x, "avregistrering")) != APP_OK ||
	    (e = sus_xml_attr_int(x, "deltagande", participation_id)) !=
	        APP_OK ||
	    (e = sus_xml_attr_int(x, "insats", insats_id)) != APP_OK ||
	    (e = sus_xml_attr(x, "orsak",
	         why == SUS_REMOVAL_FELREG ? STR_LIT("felregistrering")
	                                   : STR_LIT("anonymiserad"))) !=
	        APP_OK)
		return e;
	return sus_xml_end(x);
}

enum app_err
sus_xml_kept(struct sus_xml *x, long long participation_id, long long insats_id)
{
	enum app_err e;

	if (x->v < 2)
		return APP_EINPUT;
	if ((e = sus_xml_phase(x, PH_REGISTRATIONS)) != APP_OK)
		return e;
	if ((e = sus_xml_start(x, "kvarhallen")) != APP_OK ||
	    (e = sus_xml_attr_int(x, "deltagande", participation_id)) !=
	        APP_OK ||
	    (e = sus_xml_attr_int(x, "insats", insats_id)) != APP_OK)
		return e;
	return sus_xml_end(x);
}

enum app_err
sus_xml_count(struct sus_xml *x, const struct sus_count *c)
{
	enum app_err e;

	if ((e = sus_xml_phase(x, PH_COUNTS)) != APP_OK)
		return e;
	if ((e = sus_xml_start(x, "antal")) != APP_OK ||
	    (e = sus_xml_attr_int(x, "insats", c->insats_id)) != APP_OK ||
	    (e = sus_xml_attr_int(x, "ar", c->year)) != APP_OK ||
	    (e = sus_xml_attr(x, "kon", c->gender)) != APP_OK ||
	    (e = sus_xml_attr_int(x, "inskrivna", c->started)) != APP_OK ||
	    (e = sus_xml_attr_int(x, "avslutade", c->ended)) != APP_OK)
		return e;
	if (x->v >= 2 &&
	    ((e = sus_xml_attr_int(x, "vantandeInskrivna", c->held_started)) !=
	            APP_OK ||
	        (e = sus_xml_attr_int(x, "vantandeAvslutade", c->held_ended)) !=
	            APP_OK))
		return e;
	return sus_xml_end(x);
}

enum app_err
sus_xml_finish(struct sus_xml *x, const struct sus_summary *s)
{
	enum app_err e;

	if ((e = sus_xml_phase(x, PH_DONE)) != APP_OK)
		return e;
	if ((e = sus_xml_start(x, "summering")) != APP_OK ||
	    (e = sus_xml_attr_int(x, "nya", s->n_new)) != APP_OK ||
	    (e = sus_xml_attr_int(x, "rattelser", s->n_changed)) != APP_OK ||
	    (e = sus_xml_attr_int(x, "avregistreringar", s->n_removed)) !=
	        APP_OK ||
	    (e = sus_xml_attr_int(x, "antalGrupper", s->n_groups)) != APP_OK)
		return e;
	if (x->v >= 2 &&
	    ((e = sus_xml_attr_int(x, "anonymiserade", s->n_anonymised)) !=
	            APP_OK ||
	        (e = sus_xml_attr_int(x, "felregistreringar", s->n_felreg)) !=
	            APP_OK ||
	        (e = sus_xml_attr_int(x, "kvarhallna", s->n_kept)) != APP_OK ||
	        (e = sus_xml_attr_int(
	             x, "vantandeRegistreringar", s->n_held_regs)) != APP_OK ||
	        (e = sus_xml_attr_int(
	             x, "vantandeUtregistreringar", s->n_held_ends)) != APP_OK))
		return e;
	if ((e = sus_xml_end(x)) != APP_OK)
		return e;
	if ((e = sus_xml_rc(x, xmlTextWriterEndDocument(x->w))) != APP_OK ||
	    (e = sus_xml_rc(x, xmlTextWriterFlush(x->w))) != APP_OK)
		return e;
	return sus_xml_drain(x) == 0 ? APP_OK : APP_EIO;
}

/* A code list as version v writes it: each code once, version 2 with its
 * merged extent (as sus_xml_code_list() does). */
static void
sus_hash_list(crypto_generichash_state *st, struct str list, int v)
{
	struct str code = { 0 }, next = { 0 };
	int pct = -1, npct = -1, more;
	size_t i = 0;
	char num[16];

	more = sus_list_next(list, &i, &code, &pct);
	while (more) {
		while ((more = sus_list_next(list, &i, &next, &npct)) &&
		    str_eq(next, code))
			pct = (pct < 0 || npct < 0) ? -1 : pct + npct;
		hash_piece(st, code);
		if (v >= 2) {
			snprintf(num, sizeof(num), "%d", pct > 100 ? 100 : pct);
			hash_piece(st, str_cstr(num));
		}
		code = next;
		pct = npct;
	}
	hash_piece(st, STR_LIT("."));
}

int
sus_reg_complete(const struct sus_reg *g, int v)
{
	struct sus_facts f = { 0 };
	struct sus_gaps gaps;

	/* The registration's values are what is sent: value and SUS code
	 * are one (the kommun's text and code apart). */
	f.education = (struct sus_item){ g->education, g->education };
	f.income_before =
	    (struct sus_item){ g->income_before, g->income_before };
	f.occupation_before =
	    (struct sus_item){ g->occupation_before, g->occupation_before };
	f.support_time = (struct sus_item){ g->support_time, g->support_time };
	f.municipality =
	    (struct sus_item){ g->municipality, g->municipality_code };
	f.registry = 1;
	f.start_date = g->start_date;
	f.personnummer = g->personnummer;
	f.gender = g->gender;
	f.birth_year = g->birth_year;
	f.consent_date = g->consent_date;
	sus_complete_check(&f, v, &gaps);
	return !gaps.start;
}

void
sus_reg_hash(const struct sus_reg *g, int v, unsigned char out[SUS_HASH_BYTES])
{
	crypto_generichash_state st;
	char num[48];

	crypto_generichash_init(&st, NULL, 0, SUS_HASH_BYTES);
	hash_piece(&st, str_cstr(sus_xml_ns(v)));
	snprintf(
	    num, sizeof(num), "%lld/%lld", g->participation_id, g->insats_id);
	hash_piece(&st, str_cstr(num));
	hash_piece(&st, g->start_date);
	hash_piece(&st, g->personnummer);
	hash_piece(&st, g->gender);
	hash_piece(&st, g->birth_year);
	hash_piece(&st, v >= 2 ? g->municipality_code : g->municipality);
	if (v >= 2) {
		hash_piece(&st, g->consent_date);
		hash_piece(&st, g->occupation_before_pct);
	}
	hash_piece(&st, g->education);
	sus_hash_list(&st, g->income_before, v);
	hash_piece(&st, g->occupation_before);
	hash_piece(&st, g->support_time);
	for (size_t i = 0; i < g->nanswers; i++) {
		hash_piece(&st, g->answers[i].question);
		hash_piece(&st, g->answers[i].answer);
	}
	hash_piece(&st, g->has_end ? STR_LIT("end") : STR_LIT("open"));
	if (g->has_end) {
		hash_piece(&st, g->end_date);
		hash_piece(&st, g->end_reason);
		sus_hash_list(&st, g->income_after, v);
		hash_piece(&st, g->occupation_after);
		if (v >= 2)
			hash_piece(&st, g->occupation_after_pct);
	}
	crypto_generichash_final(&st, out, SUS_HASH_BYTES);
}

/* libxml2 2.12 made the error passed to structured handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *sus_xml_error_ptr;
#else
typedef xmlErrorPtr sus_xml_error_ptr;
#endif

/* The first validation error, kept for the caller: where it is, never
 * what the value was (libxml2's message quotes the offending value, which
 * may be a personnummer, and the message goes to the log and cron mail). */
struct sus_xml_err {
	int seen;
	int line, code;
	char element[64];   /* local name of the element, "" if not known */
	char attribute[64]; /* the attribute named, "" if none */
};

/* The name quoted after key in msg ("Element '{ns}name'"), reduced to
 * name characters (without the namespace): never a value. */
static void
sus_xml_quoted_name(const char *msg, const char *key, char *out, size_t len)
{
	const char *p = msg ? strstr(msg, key) : NULL;
	size_t n = 0;

	out[0] = '\0';
	if (p == NULL)
		return;
	p += strlen(key);
	if (*p == '{' && (p = strchr(p, '}')) != NULL)
		p++;
	for (; p != NULL && *p != '\0' && *p != '\'' && n + 1 < len; p++) {
		char c = *p;

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		        (c >= '0' && c <= '9') || c == '_' || c == '-' ||
		        c == '.'))
			break;
		out[n++] = c;
	}
	out[n] = '\0';
	if (p == NULL || *p != '\'')
		out[0] = '\0'; /* not a plain name: say nothing */
}

static void
sus_xml_on_error(void *ctx, sus_xml_error_ptr err)
{
	struct sus_xml_err *e = ctx;

	if (e->seen || err == NULL)
		return;
	e->seen = 1;
	e->line = err->line;
	e->code = err->code;
	sus_xml_quoted_name(
	    err->message, "Element '", e->element, sizeof(e->element));
	sus_xml_quoted_name(
	    err->message, "attribute '", e->attribute, sizeof(e->attribute));
}

/* The participation (attribute deltagande) whose registration holds line
 * of the document we wrote (one element per line): 0 if none. */
static long long
sus_xml_participation_at(const char *doc_path, int line)
{
	char buf[1024];
	long long id = 0;
	int at = 1;
	FILE *fp;

	if (line <= 0 || (fp = fopen(doc_path, "r")) == NULL)
		return 0;
	while (at <= line && fgets(buf, sizeof(buf), fp) != NULL) {
		const char *d = strstr(buf, " deltagande=\"");

		if (d != NULL)
			id = strtoll(d + 13, NULL, 10);
		if (strstr(buf, "</registreringar>") != NULL)
			id = 0;
		if (strchr(buf, '\n') != NULL)
			at++;
	}
	fclose(fp);
	return id;
}

/* The schema at xsd_path, parsed, with a validation context whose errors
 * go to ectx. APP_EIO (err says why) when it cannot be loaded. */
static enum app_err
sus_xml_schema_load(const char *xsd_path, struct sus_xml_err *ectx,
    xmlSchemaPtr *schema, xmlSchemaValidCtxtPtr *vctx, char *err, size_t errlen)
{
	xmlSchemaParserCtxtPtr pctx;

	xmlInitParser();
	*schema = NULL;
	*vctx = NULL;
	if (access(xsd_path, R_OK) != 0 ||
	    (pctx = xmlSchemaNewParserCtxt(xsd_path)) == NULL) {
		snprintf(err, errlen, "%s: cannot read the schema", xsd_path);
		return APP_EIO;
	}
	xmlSchemaSetParserStructuredErrors(pctx, sus_xml_on_error, ectx);
	*schema = xmlSchemaParse(pctx);
	xmlSchemaFreeParserCtxt(pctx);
	if (*schema == NULL) {
		snprintf(err, errlen, "%s: not a valid schema (line %d)",
		    xsd_path, ectx->line);
		return APP_EIO;
	}
	if ((*vctx = xmlSchemaNewValidCtxt(*schema)) == NULL) {
		xmlSchemaFree(*schema);
		*schema = NULL;
		snprintf(err, errlen, "out of memory");
		return APP_EIO;
	}
	memset(ectx, 0, sizeof(*ectx));
	xmlSchemaSetValidStructuredErrors(*vctx, sus_xml_on_error, ectx);
	return APP_OK;
}

/* The verdict of a validation that returned rc, its first error in ectx;
 * doc_path is read again only to name the participation of an error. */
static enum app_err
sus_xml_verdict(int rc, const struct sus_xml_err *ectx, const char *doc_path,
    char *err, size_t errlen)
{
	long long pid;

	if (rc == 0)
		return APP_OK;
	if (!ectx->seen) {
		snprintf(err, errlen, "not valid (%d)", rc);
		return APP_EINPUT;
	}
	pid = sus_xml_participation_at(doc_path, ectx->line);
	if (pid > 0)
		snprintf(err, errlen,
		    "line %d, element %s%s%s, deltagande %lld (libxml2 error "
		    "%d)",
		    ectx->line, ectx->element[0] ? ectx->element : "?",
		    ectx->attribute[0] ? ", attribute " : "", ectx->attribute,
		    pid, ectx->code);
	else
		snprintf(err, errlen,
		    "line %d, element %s%s%s (libxml2 error %d)", ectx->line,
		    ectx->element[0] ? ectx->element : "?",
		    ectx->attribute[0] ? ", attribute " : "", ectx->attribute,
		    ectx->code);
	return APP_EINPUT;
}

enum app_err
sus_xml_validate(
    const char *xsd_path, const char *doc_path, char *err, size_t errlen)
{
	struct sus_xml_err ectx = { 0 };
	xmlSchemaValidCtxtPtr vctx;
	xmlSchemaPtr schema;
	enum app_err e;
	int rc;

	if (errlen > 0)
		err[0] = '\0';
	if ((e = sus_xml_schema_load(
	         xsd_path, &ectx, &schema, &vctx, err, errlen)) != APP_OK)
		return e;
	rc = xmlSchemaValidateFile(vctx, doc_path, 0);
	xmlSchemaFreeValidCtxt(vctx);
	xmlSchemaFree(schema);
	return sus_xml_verdict(rc, &ectx, doc_path, err, errlen);
}

/* ------------------------------------- validation while the file is written
 *
 * The thread runs what xmlSchemaValidateFile() runs
 * (xmlSchemaValidateStream() over a parser input), with the input pulling
 * from a pipe the writer feeds with every block it writes to the file. */

/* A pipe this large lets the writer run ahead of the validator by about
 * a second's worth of document before it waits. */
#define SUS_XML_PIPE_BYTES (1024 * 1024)

struct sus_xml_check {
	pthread_t thread;
	int rfd, wfd;                 /* the pipe; wfd -1 once closed */
	int rc;                       /* xmlSchemaValidateStream()'s result */
	crypto_hash_sha256_state sha; /* of every byte read from the pipe */
	unsigned long long bytes;     /* read from the pipe */
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr vctx;
	struct sus_xml_err ectx;
};

static int
sus_xml_pipe_read(void *ctx, char *buf, int len)
{
	struct sus_xml_check *c = ctx;

	for (;;) {
		ssize_t n = read(c->rfd, buf, (size_t)len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n > 0) {
			crypto_hash_sha256_update(
			    &c->sha, (const unsigned char *)buf, (size_t)n);
			c->bytes += (unsigned long long)n;
		}
		return n < 0 ? -1 : (int)n;
	}
}

static int
sus_xml_pipe_close(void *ctx)
{
	(void)ctx; /* the pipe is closed by sus_xml_check_stop() */
	return 0;
}

/* libxml2's own messages (a document that is not well-formed) would go
 * to stderr quoting the text: this thread's go nowhere; the validation
 * context's handler keeps where the first error is. */
static void
sus_xml_quiet(void *ctx, sus_xml_error_ptr err)
{
	(void)ctx;
	(void)err;
}

static void *
sus_xml_check_run(void *arg)
{
	struct sus_xml_check *c = arg;
	xmlParserInputBufferPtr in;
	char sink[4096];

	xmlSetStructuredErrorFunc(NULL, sus_xml_quiet);
	in = xmlParserInputBufferCreateIO(
	    sus_xml_pipe_read, sus_xml_pipe_close, c, XML_CHAR_ENCODING_NONE);
	/* The input is the parser's from here: freed with it. */
	c->rc = in == NULL ? -1
	                   : xmlSchemaValidateStream(c->vctx, in,
	                         XML_CHAR_ENCODING_NONE, NULL, NULL);
	/* A parser that stopped early leaves the rest: take it, so the
	 * writer never waits on a full pipe. */
	while (sus_xml_pipe_read(c, sink, (int)sizeof(sink)) > 0)
		;
	return NULL;
}

enum app_err
sus_xml_check_start(
    struct sus_xml *x, const char *xsd_path, char *err, size_t errlen)
{
	struct sus_xml_check *c;
	sigset_t all, old;
	int fds[2], rc;
	enum app_err e;

	if (errlen > 0)
		err[0] = '\0';
	if (x->check != NULL || x->phase != PH_NEW)
		return APP_EINPUT;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return APP_ENOMEM;
	crypto_hash_sha256_init(&c->sha);
	if ((e = sus_xml_schema_load(xsd_path, &c->ectx, &c->schema, &c->vctx,
	         err, errlen)) != APP_OK) {
		free(c);
		return e;
	}
	if (pipe2(fds, O_CLOEXEC) != 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		e = APP_EIO;
		goto fail;
	}
	c->rfd = fds[0];
	c->wfd = fds[1];
	(void)fcntl(c->wfd, F_SETPIPE_SZ, SUS_XML_PIPE_BYTES); /* or less */
	/* The thread takes no signal (it inherits this mask): the process's
	 * handlers keep running where they always have. */
	sigfillset(&all);
	(void)pthread_sigmask(SIG_BLOCK, &all, &old);
	rc = pthread_create(&c->thread, NULL, sus_xml_check_run, c);
	(void)pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		snprintf(err, errlen, "cannot start the validation thread");
		close(c->rfd);
		close(c->wfd);
		e = APP_EIO;
		goto fail;
	}
	x->check = c;
	return APP_OK;
fail:
	xmlSchemaFreeValidCtxt(c->vctx);
	xmlSchemaFree(c->schema);
	free(c);
	return e;
}

/* Hand n bytes the file got to the validation thread: 0, or -1 (sticky,
 * as a failed write to the file). */
static int
sus_xml_check_feed(struct sus_xml *x, const char *p, size_t n)
{
	struct sus_xml_check *c = x->check;
	size_t done = 0;

	if (c == NULL || c->wfd < 0)
		return 0;
	while (done < n) {
		ssize_t k = write(c->wfd, p + done, n - done);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			x->failed = 1;
			return -1;
		}
		done += (size_t)k;
	}
	return 0;
}

/* End the document for the thread, wait for it, free it; its result,
 * and its first error into *ectx (when not NULL). */
static int
sus_xml_check_stop(
    struct sus_xml *x, struct sus_xml_err *ectx, struct sus_xml_digest *d)
{
	struct sus_xml_check *c = x->check;
	int rc;

	if (c == NULL)
		return -1;
	if (c->wfd >= 0)
		close(c->wfd);
	c->wfd = -1;
	(void)pthread_join(c->thread, NULL);
	close(c->rfd);
	rc = c->rc;
	if (ectx != NULL)
		*ectx = c->ectx;
	if (d != NULL) {
		crypto_hash_sha256_final(&c->sha, d->sha256);
		d->bytes = c->bytes;
	}
	xmlSchemaFreeValidCtxt(c->vctx);
	xmlSchemaFree(c->schema);
	x->check = NULL;
	free(c);
	return rc;
}

enum app_err
sus_xml_check_end(struct sus_xml *x, const char *doc_path,
    struct sus_xml_digest *d, char *err, size_t errlen)
{
	struct sus_xml_err ectx;
	int rc;

	if (errlen > 0)
		err[0] = '\0';
	if (x->check == NULL)
		return APP_EINPUT;
	if (x->phase != PH_DONE || x->failed) {
		(void)sus_xml_check_stop(x, NULL, NULL);
		return APP_EIO;
	}
	rc = sus_xml_check_stop(x, &ectx, d);
	return sus_xml_verdict(rc, &ectx, doc_path, err, errlen);
}
