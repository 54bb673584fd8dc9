/*
 * fuzz_sus_xml.c: libFuzzer target for the SUS XML writer (sus_xml.c),
 * fed database-like text in every text field, the document validated
 * against conf/sus-export-1.xsd or -2.xsd.
 *
 * Links: app/sus_xml.c and what it uses, libxml2 (plus the shared replay
 * main, or clang -fsanitize=fuzzer). Run from the repository root (the
 * schemas are read from conf/; loaded once).
 *
 * Input: the first FUZZ_CHOICES bytes choose the version, how many
 * insatser, registrations, removals and counts, and every value with a
 * type of its own (ids, dates, codes, personnummer, extents) among the
 * values the database can hold for it; the rest, split at 0xFF bytes
 * (never part of UTF-8), is the text of every free-text field in turn:
 * the förbund's and each insats's name, description and target groups,
 * the v1 kommun name and the answers to supplementary questions. Each
 * text is made what its column can hold: valid UTF-8 (utf8mb4: any code
 * point but surrogates, U+FFFE and U+FFFF included), at most the
 * column's characters, and non-empty where a CHECK or the export's query
 * says so.
 *
 * Invariants checked with abort(): every call succeeds; the document is
 * well-formed and valid against the schema of its version.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "str.h"
#include "sus_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_CHOICES 96
#define FUZZ_TEXT    (70 * 1024)

struct fuzz_in {
	const uint8_t *c; /* FUZZ_CHOICES bytes of choices */
	size_t ci;
	const uint8_t *t; /* the texts */
	size_t tn, ti;
	char *buf; /* the current texts, made database-like */
	size_t used;
};

static unsigned
fz_byte(struct fuzz_in *in)
{
	unsigned b = in->c[in->ci % FUZZ_CHOICES];

	in->ci++;
	return b;
}

static unsigned long
fz_num(struct fuzz_in *in, unsigned long lo, unsigned long hi)
{
	unsigned long v = 0;

	for (int i = 0; i < 4; i++)
		v = v << 8 | fz_byte(in);
	return lo + v % (hi - lo + 1);
}

static const char *
fz_pick(struct fuzz_in *in, const char *const *set, size_t n)
{
	return set[fz_byte(in) % n];
}
#define FZ_PICK(in, set) fz_pick(in, set, sizeof(set) / sizeof(set[0]))

/* Room for a value in the text buffer. */
static char *
fz_room(struct fuzz_in *in, size_t n)
{
	char *p;

	if (in->used + n > 4 * FUZZ_TEXT)
		in->used = 0; /* old values are written already */
	p = in->buf + in->used;
	in->used += n;
	return p;
}

/* The next text, as a utf8mb4 column of at most maxchars characters (0:
 * a TEXT, 65535 bytes) holds it; "x" when it would be empty and the
 * column cannot be. */
static struct str
fz_text(struct fuzz_in *in, size_t maxchars, int nonempty)
{
	size_t maxbytes = maxchars ? maxchars * 4 : 65535;
	char *out = fz_room(in, maxbytes + 1);
	size_t n = 0, chars = 0;

	while (in->ti < in->tn && in->t[in->ti] != 0xFF &&
	    (maxchars == 0 || chars < maxchars)) {
		const uint8_t *p = in->t + in->ti;
		size_t left = in->tn - in->ti, len = 1;
		uint32_t cp = p[0];

		if (p[0] >= 0xC2 && p[0] <= 0xDF)
			len = 2, cp = p[0] & 0x1F;
		else if (p[0] >= 0xE0 && p[0] <= 0xEF)
			len = 3, cp = p[0] & 0x0F;
		else if (p[0] >= 0xF0 && p[0] <= 0xF4)
			len = 4, cp = p[0] & 0x07;
		else if (p[0] >= 0x80)
			len = 0; /* not a lead byte */
		for (size_t k = 1; len > 0 && k < len; k++) {
			if (k >= left || (p[k] & 0xC0) != 0x80) {
				len = 0;
				break;
			}
			cp = cp << 6 | (p[k] & 0x3F);
		}
		if (len == 0 || (len == 2 && cp < 0x80) ||
		    (len == 3 && cp < 0x800) ||
		    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF)) {
			in->ti++; /* a column holds no such byte: drop it */
			continue;
		}
		if (n + len > maxbytes)
			break;
		memcpy(out + n, p, len);
		n += len;
		chars++;
		in->ti += len;
	}
	while (in->ti < in->tn && in->t[in->ti] != 0xFF)
		in->ti++;
	in->ti++; /* the separator */
	if (n == 0 && nonempty)
		out[n++] = 'x';
	out[n] = '\0';
	return (struct str){ out, n };
}

/* A date the database holds, "ÅÅÅÅ-MM-DD". */
static struct str
fz_date(struct fuzz_in *in)
{
	char *out = fz_room(in, 11);
	unsigned y = (unsigned)fz_num(in, 1900, 2099), m = fz_byte(in) % 12 + 1;
	unsigned d = fz_byte(in) % 28 + 1;

	snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
	return (struct str){ out, 10 };
}

/* n characters of the range lo..hi (ASCII) from the choices. */
static struct str
fz_chars(struct fuzz_in *in, size_t n, char lo, char hi)
{
	char *out = fz_room(in, n + 1);

	for (size_t i = 0; i < n; i++)
		out[i] = (char)(lo + fz_byte(in) % (unsigned)(hi - lo + 1));
	out[n] = '\0';
	return (struct str){ out, n };
}

/* A SUS identity: "" (none) or [!-~]{1,32}. */
static struct str
fz_sus_code(struct fuzz_in *in)
{
	unsigned n = fz_byte(in) % 33;

	return n == 0 ? STR_LIT("") : fz_chars(in, n, '!', '~');
}

/* A code list as the export's query gives it: sorted codes of set, each
 * maybe twice (two of our codes mapped to one), with an extent or none. */
static struct str
fz_code_list(struct fuzz_in *in, const char *const *set, size_t n)
{
	size_t cap = n * 2 * 10 + 1, len = 0;
	char *out = fz_room(in, cap);

	for (size_t i = 0; i < n; i++) {
		unsigned b = fz_byte(in);

		for (unsigned k = 0; k < (b & 3) && k < 2; k++) {
			unsigned pct = fz_byte(in);

			len += (size_t)snprintf(out + len, cap - len, "%s%s",
			    len ? "," : "", set[i]);
			if (pct & 0x80)
				len += (size_t)snprintf(out + len, cap - len,
				    ":%u", pct & 0x40 ? pct * 4 : pct % 101);
		}
	}
	if (len == 0) /* at least one */
		len = (size_t)snprintf(out, cap, "%s", set[0]);
	return (struct str){ out, len };
}

static const char *const fz_kon[] = { "kvinna", "man", "annat" };
static const char *const fz_utb[] = { "U1", "U2", "U3", "U4", "U5", "U9" };
static const char *const fz_fors[] = { "F01", "F02", "F03", "F04", "F05", "F06",
	"F07", "F08", "F09", "F10", "F11", "F12" };
static const char *const fz_syss[] = { "S1", "S2", "S3", "S4" };
static const char *const fz_tid[] = { "T0", "T1", "T2", "T3", "T4" };
static const char *const fz_avsl[] = { "A01", "A02", "A03", "A04", "A05", "A06",
	"A07", "A09" };
static const char *const fz_pct[] = { "", "0", "5", "50", "100", "120", "999" };

static void
fz_reg(struct fuzz_in *in, int v, struct sus_reg *g, struct sus_answer *ans)
{
	char *pnr = fz_room(in, 13);
	unsigned y;

	memset(g, 0, sizeof(*g));
	g->participation_id = (long long)fz_num(in, 1, 4000000000UL);
	g->insats_id = (long long)fz_num(in, 1, 4000000000UL);
	g->start_date = fz_date(in);
	y = (unsigned)fz_num(in, 1900, 2099);
	snprintf(pnr, 13, "%04u%s", y, fz_chars(in, 8, '0', '9').p);
	g->personnummer = (struct str){ pnr, 12 };
	g->gender = str_cstr(FZ_PICK(in, fz_kon));
	g->birth_year = (struct str){ pnr, 4 }; /* the personnummer's */
	g->municipality = str_trim_blanks(fz_text(in, 100, 1));
	if (g->municipality.len == 0)
		g->municipality = STR_LIT("Trollhättan");
	g->municipality_code = fz_chars(in, 4, '0', '9');
	g->consent_date = fz_date(in);
	g->education = str_cstr(FZ_PICK(in, fz_utb));
	g->income_before = fz_code_list(in, fz_fors, 12);
	g->occupation_before = str_cstr(FZ_PICK(in, fz_syss));
	g->occupation_before_pct = str_cstr(FZ_PICK(in, fz_pct));
	g->support_time = str_cstr(FZ_PICK(in, fz_tid));
	g->nanswers = fz_byte(in) % 4;
	for (size_t i = 0; i < g->nanswers; i++) {
		ans[i].question = fz_chars(in, 1 + fz_byte(in) % 32, 'a', 'z');
		ans[i].answer = fz_text(in, 200, 1);
	}
	g->answers = ans;
	g->has_end = fz_byte(in) & 1;
	if (g->has_end) {
		g->end_date = fz_date(in);
		g->end_reason = str_cstr(FZ_PICK(in, fz_avsl));
		g->income_after = fz_code_list(in, fz_fors, 12);
		g->occupation_after = str_cstr(FZ_PICK(in, fz_syss));
		g->occupation_after_pct = str_cstr(FZ_PICK(in, fz_pct));
	}
	(void)v;
}

static void
fz_write(struct fuzz_in *in, struct sus_xml *x, int v)
{
	struct sus_header h;
	struct sus_summary s;
	struct sus_budget budgets[3];
	struct sus_answer ans[4];
	struct sus_reg g;
	char created[32];
	unsigned n;

	memset(&h, 0, sizeof(h));
	h.created = fz_date(in);
	snprintf(created, sizeof(created), "%sT%02lu:", h.created.p,
	    fz_num(in, 0, 23));
	snprintf(
	    created + 14, sizeof(created) - 14, "%02lu:", fz_num(in, 0, 59));
	snprintf(
	    created + 17, sizeof(created) - 17, "%02luZ", fz_num(in, 0, 59));
	h.created = str_cstr(created);
	h.batch_no = (long long)fz_num(in, 1, 4000000000UL);
	h.base_no = (long long)fz_num(in, 0, 3);
	h.forbund_id = (long long)fz_num(in, 1, 4000000000UL);
	h.forbund_name = fz_text(in, 200, 1);
	h.forbund_sus_code = fz_sus_code(in);
	h.forbund_orgnr = STR_LIT("");
	if (fz_byte(in) & 1) {
		char *o = fz_room(in, 12);

		snprintf(o, 12, "%s-%s", fz_chars(in, 6, '0', '9').p,
		    fz_chars(in, 4, '0', '9').p);
		h.forbund_orgnr = (struct str){ o, 11 };
	}
	if (sus_xml_begin(x, &h) != APP_OK)
		abort();
	for (n = fz_byte(in) % 4; n > 0; n--) {
		struct sus_insats i;

		memset(&i, 0, sizeof(i));
		i.id = (long long)fz_num(in, 1, 4000000000UL);
		i.sus_code = fz_sus_code(in);
		i.name = fz_text(in, 200, 1);
		i.description = fz_text(in, 0, 0);
		i.target_groups = fz_text(in, 0, 0);
		i.period_start = fz_date(in);
		i.direction =
		    str_cstr(fz_byte(in) & 1 ? "individ" : "struktur");
		i.measurement =
		    str_cstr(fz_byte(in) & 1 ? "personuppgifter" : "antal");
		i.budgets = budgets;
		i.nbudgets = fz_byte(in) % 4;
		if (fz_byte(in) & 1)
			i.period_end = i.period_start; /* period_end >= start */
		for (size_t b = 0; b < i.nbudgets; b++) {
			budgets[b].year = (int)fz_num(in, 2000, 2100);
			budgets[b].planned = (long long)fz_num(in, 0, 65535);
			budgets[b].budget_sek = fz_byte(in) & 1
			    ? -1
			    : (long long)fz_num(in, 0, 4294967295UL);
		}
		if (sus_xml_insats(x, &i) != APP_OK)
			abort();
	}
	for (n = fz_byte(in) % 5; n > 0; n--) {
		unsigned what = fz_byte(in) % 4;
		enum app_err e;

		if (what <= 1) {
			fz_reg(in, v, &g, ans);
			e = sus_xml_registration(
			    x, &g, (enum sus_event)(fz_byte(in) % 3));
		} else {
			long long pid = (long long)fz_num(in, 1, 4000000000UL);
			long long iid = (long long)fz_num(in, 1, 4000000000UL);

			e = what == 2 || v < 2
			    ? sus_xml_removal(x, pid, iid,
			          fz_byte(in) & 1 ? SUS_REMOVAL_FELREG
			                          : SUS_REMOVAL_ANONYMISED)
			    : sus_xml_kept(x, pid, iid);
		}
		if (e != APP_OK)
			abort();
	}
	for (n = fz_byte(in) % 3; n > 0; n--) {
		struct sus_count c;

		c.insats_id = (long long)fz_num(in, 1, 4000000000UL);
		c.year = (int)fz_num(in, 1900, 2100);
		c.gender = str_cstr(FZ_PICK(in, fz_kon));
		c.started = (long long)fz_num(in, 0, 100000);
		c.ended = (long long)fz_num(in, 0, 100000);
		c.held_started = (long long)fz_num(in, 0, 100000);
		c.held_ended = (long long)fz_num(in, 0, 100000);
		if (sus_xml_count(x, &c) != APP_OK)
			abort();
	}
	/* Counts: any non-negative numbers will do (the order of these
	 * calls does not matter). */
	s.n_new = (long long)fz_num(in, 0, 9);
	s.n_changed = (long long)fz_num(in, 0, 9);
	s.n_removed = (long long)fz_num(in, 0, 9);
	s.n_groups = (long long)fz_num(in, 0, 9);
	s.n_anonymised = (long long)fz_num(in, 0, 9);
	s.n_felreg = (long long)fz_num(in, 0, 9);
	s.n_kept = (long long)fz_num(in, 0, 9);
	s.n_held_regs = (long long)fz_num(in, 0, 9);
	s.n_held_ends = (long long)fz_num(in, 0, 9);
	if (sus_xml_finish(x, &s) != APP_OK)
		abort();
}

static xmlSchemaPtr
fz_schema(int v)
{
	static xmlSchemaPtr schemas[SUS_SCHEMA_MAX + 1];
	char path[64];

	if (schemas[v] == NULL) {
		xmlSchemaParserCtxtPtr p;

		snprintf(path, sizeof(path), "conf/sus-export-%d.xsd", v);
		if ((p = xmlSchemaNewParserCtxt(path)) == NULL ||
		    (schemas[v] = xmlSchemaParse(p)) == NULL) {
			fprintf(stderr,
			    "fuzz_sus_xml: cannot load %s "
			    "(run from the repository root)\n",
			    path);
			abort();
		}
		xmlSchemaFreeParserCtxt(p);
	}
	return schemas[v];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *buf;
	uint8_t choices[FUZZ_CHOICES] = { 0 };
	struct fuzz_in in;
	struct sus_xml *x;
	xmlSchemaValidCtxtPtr vc;
	xmlDocPtr doc;
	char *out;
	off_t len;
	int fd, v, rc;

	if (buf == NULL && (buf = malloc(4 * FUZZ_TEXT + 8)) == NULL)
		return 0;
	memcpy(choices, data, size < FUZZ_CHOICES ? size : FUZZ_CHOICES);
	in = (struct fuzz_in){ choices, 0,
		data + (size < FUZZ_CHOICES ? size : FUZZ_CHOICES),
		size < FUZZ_CHOICES ? 0 : size - FUZZ_CHOICES, 0, buf, 0 };
	v = SUS_SCHEMA_MIN + (int)(fz_byte(&in) % SUS_SCHEMA_MAX);
	fz_schema(1);
	fz_schema(2);
	if ((fd = memfd_create("sus", 0)) < 0)
		return 0;
	if ((x = sus_xml_open(fd, v)) == NULL)
		abort();
	fz_write(&in, x, v);
	sus_xml_free(x);
	len = lseek(fd, 0, SEEK_END);
	if (len <= 0 || (out = malloc((size_t)len)) == NULL ||
	    pread(fd, out, (size_t)len, 0) != len)
		abort();
	close(fd);
	doc = xmlReadMemory(out, (int)len, "sus.xml", NULL, XML_PARSE_NONET);
	if (doc == NULL) {
		fwrite(out, 1, (size_t)len, stderr);
		fprintf(stderr, "\nfuzz_sus_xml: not well-formed\n");
		abort();
	}
	if ((vc = xmlSchemaNewValidCtxt(fz_schema(v))) == NULL)
		abort();
	rc = xmlSchemaValidateDoc(vc, doc);
	if (rc != 0) {
		fwrite(out, 1, (size_t)len > 4000 ? 4000 : (size_t)len, stderr);
		fprintf(stderr, "\nfuzz_sus_xml: not valid (%d)\n", rc);
		abort();
	}
	xmlSchemaFreeValidCtxt(vc);
	xmlFreeDoc(doc);
	free(out);
	return 0;
}
