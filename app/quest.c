/* quest.c: storing questionnaire definitions; see include/quest.h. */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "db.h"
#include "quest.h"
#include "quest_xml.h"
#include "sql_quest.h"

static enum app_err
qs_exec(struct db *db, struct arena *a, unsigned q, const struct db_param *p,
    size_t n, struct db_rows *out)
{
	return db_exec(db, a, DB_QUEST, q, p, n, out);
}

void
quest_addr_key(struct str addr, char *out, size_t n)
{
	unsigned char v6[16];
	char in[64];

	if (n == 0)
		return;
	snprintf(out, n, "%.*s", (int)(addr.len < 63 ? addr.len : 63), addr.p);
	if (addr.len >= sizeof(in) || memchr(addr.p, ':', addr.len) == NULL)
		return;
	memcpy(in, addr.p, addr.len);
	in[addr.len] = '\0';
	if (inet_pton(AF_INET6, in, v6) != 1)
		return;
	memset(v6 + 8, 0, 8);
	if (inet_ntop(AF_INET6, v6, in, sizeof(in)) != NULL)
		snprintf(out, n, "%s/64", in);
}

long long
quest_random_id(void)
{
	/* Below 10^18 (about 60 random bits): ids are read back with
	 * str_to_ll, which takes at most 18 digits. Rejection sampling
	 * keeps it uniform. */
	const unsigned long long lim = 1000000000000000000ULL;
	const unsigned long long top = UINT64_MAX - UINT64_MAX % lim;
	unsigned long long v;

	do
		randombytes_buf(&v, sizeof(v));
	while (v >= top || v % lim == 0);
	return (long long)(v % lim);
}

static enum app_err
qs_last_id(struct db *db, struct arena *a, long long *id)
{
	(void)a;
	*id = (long long)db_insert_id(db);
	return *id > 0 ? APP_OK : APP_EDB;
}

/* Everything of the definition under questionnaire id qid. */
static enum app_err
qs_children(
    struct db *db, struct arena *a, const struct quest_def *d, long long qid)
{
	struct db_param p[13];
	enum app_err e;

	for (size_t i = 0; i < d->nlangs; i++) {
		p[0] = DB_INT(qid);
		p[1] = DB_STR(str_cstr(d->langs[i].code));
		p[2] = DB_INT((long long)i + 1);
		p[3] = DB_STR(str_cstr(d->langs[i].name));
		p[4] =
		    DB_STR(d->langs[i].rtl ? STR_LIT("rtl") : STR_LIT("ltr"));
		if ((e = qs_exec(db, a, SQL_QUEST_LANG_INSERT, p, 5, NULL)) !=
		    APP_OK)
			return e;
	}
	for (size_t i = 0; i < d->nitems; i++) {
		const struct quest_item *it = &d->items[i];
		int scaled = it->kind == QK_SKALA || it->kind == QK_VAS;
		const char *bg = quest_background_name(it->bg);
		long long item_id;

		p[0] = DB_INT(qid);
		p[1] = DB_STR(str_cstr(it->code));
		p[2] = DB_STR(str_cstr(it->section));
		p[3] = DB_INT((long long)i + 1);
		p[4] = DB_STR(str_cstr(quest_kind_name(it->kind)));
		p[5] = scaled ? DB_INT(it->min) : DB_NULL;
		p[6] = scaled ? DB_INT(it->max) : DB_NULL;
		p[7] = DB_INT(it->dont_know);
		p[8] = DB_INT(it->not_appl);
		p[9] =
		    it->kind == QK_FRITEXT ? DB_INT(it->max_length) : DB_NULL;
		p[10] = DB_INT(bg != NULL);
		p[11] = bg ? DB_STR(str_cstr(bg)) : DB_NULL;
		p[12] = DB_STR(str_cstr(it->text));
		if ((e = qs_exec(db, a, SQL_QUEST_ITEM_INSERT, p, 13, NULL)) !=
		        APP_OK ||
		    (e = qs_last_id(db, a, &item_id)) != APP_OK)
			return e;
		for (size_t o = 0; o < it->noptions; o++) {
			p[0] = DB_INT(item_id);
			p[1] = DB_INT((long long)o + 1);
			p[2] = DB_STR(str_cstr(it->options[o].value));
			p[3] = DB_STR(str_cstr(it->options[o].text));
			if ((e = qs_exec(db, a, SQL_QUEST_OPTION_INSERT, p, 4,
			         NULL)) != APP_OK)
				return e;
		}
	}
	for (size_t i = 0; i < d->ntexts; i++) {
		p[0] = DB_INT(qid);
		p[1] = DB_STR(str_cstr(d->texts[i].ref));
		p[2] = DB_STR(str_cstr(d->texts[i].lang));
		p[3] = DB_STR(str_cstr(d->texts[i].text));
		if ((e = qs_exec(db, a, SQL_QUEST_TEXT_INSERT, p, 4, NULL)) !=
		    APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
quest_store(struct db *db, struct arena *a, const struct quest_def *d,
    struct str xml, struct str by, long long *id, enum quest_store_result *res,
    char *err, size_t errlen)
{
	unsigned char hash[32];
	struct str h = { (const char *)hash, sizeof(hash) };
	struct db_param p[10];
	struct db_rows rows;
	long long maxv = 0;
	enum app_err e;

	if (errlen > 0)
		err[0] = '\0';
	crypto_generichash(
	    hash, sizeof(hash), (const unsigned char *)xml.p, xml.len, NULL, 0);
	if ((e = db_begin(db)) != APP_OK)
		return e;
	p[0] = DB_STR(h);
	p[1] = DB_STR(str_cstr(d->code));
	p[2] = DB_INT(d->version);
	if ((e = qs_exec(db, a, SQL_QUEST_DEF_FIND, p, 3, &rows)) != APP_OK)
		goto fail;
	if (rows.nrows == 1) {
		db_rollback(db);
		*id = str_to_ll(db_cell(&rows, 0, 0));
		if (str_eq_cstr(db_cell(&rows, 0, 1), "1")) {
			*res = QUEST_UNCHANGED;
			return APP_OK;
		}
		if (errlen > 0)
			snprintf(err, errlen,
			    "Version %ld av enkäten %s finns redan med annat "
			    "innehåll. En ändrad enkät behöver ett nytt "
			    "versionsnummer.",
			    d->version, d->code);
		return APP_EDUP;
	}
	if ((e = qs_exec(db, a, SQL_QUEST_DEF_MAX_VERSION, p + 1, 1, &rows)) !=
	    APP_OK)
		goto fail;
	maxv = rows.nrows == 1 ? str_to_ll(db_cell(&rows, 0, 0)) : 0;
	p[0] = DB_STR(str_cstr(d->code));
	p[1] = DB_INT(d->version);
	p[2] = DB_STR(str_cstr(d->title));
	p[3] = DB_STR(str_cstr(d->respondents));
	p[4] = DB_STR(str_cstr(d->anonymity));
	p[5] = DB_STR(str_cstr(d->default_lang));
	p[6] = DB_INT(d->example);
	p[7] = DB_STR(xml);
	p[8] = DB_STR(h);
	p[9] = DB_STR(by);
	if ((e = qs_exec(db, a, SQL_QUEST_DEF_INSERT, p, 10, NULL)) != APP_OK ||
	    (e = qs_last_id(db, a, id)) != APP_OK ||
	    (e = qs_children(db, a, d, *id)) != APP_OK)
		goto fail;
	/* The newest version is the one new codes open. */
	if (d->version > maxv) {
		p[0] = DB_STR(str_cstr(d->code));
		if ((e = qs_exec(db, a, SQL_QUEST_DEF_DEACTIVATE, p, 1,
		         NULL)) != APP_OK)
			goto fail;
		p[0] = DB_INT(*id);
		if ((e = qs_exec(db, a, SQL_QUEST_DEF_ACTIVATE, p, 1, NULL)) !=
		    APP_OK)
			goto fail;
	}
	if ((e = db_commit(db)) != APP_OK)
		goto fail;
	*res = QUEST_STORED;
	return APP_OK;
fail:
	db_rollback(db);
	if (e == APP_EDUP && errlen > 0)
		snprintf(err, errlen,
		    "Enkäten %s version %ld kunde inte sparas: ett id finns "
		    "två gånger.",
		    d->code, d->version);
	return e;
}

int
quest_schema_path(const char *views, char *buf, size_t n)
{
	int k = snprintf(buf, n, "%s/../conf/questionnaire.xsd", views);

	return k > 0 && (size_t)k < n;
}
