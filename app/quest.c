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
		if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_LANG_INSERT, p, 5,
		         NULL)) != APP_OK)
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
		if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_ITEM_INSERT, p, 13,
		         NULL)) != APP_OK ||
		    (e = qs_last_id(db, a, &item_id)) != APP_OK)
			return e;
		for (size_t o = 0; o < it->noptions; o++) {
			p[0] = DB_INT(item_id);
			p[1] = DB_INT((long long)o + 1);
			p[2] = DB_STR(str_cstr(it->options[o].value));
			p[3] = DB_STR(str_cstr(it->options[o].text));
			if ((e = db_exec(db, a, DB_QUEST,
			         SQL_QUEST_OPTION_INSERT, p, 4, NULL)) !=
			    APP_OK)
				return e;
		}
	}
	for (size_t i = 0; i < d->ntexts; i++) {
		p[0] = DB_INT(qid);
		p[1] = DB_STR(str_cstr(d->texts[i].ref));
		p[2] = DB_STR(str_cstr(d->texts[i].lang));
		p[3] = DB_STR(str_cstr(d->texts[i].text));
		if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_TEXT_INSERT, p, 4,
		         NULL)) != APP_OK)
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
	struct quest_stored found;
	struct quest_number maxv;
	int n;
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
	if ((e = db_load_one(db, a, DB_QUEST, SQL_QUEST_DEF_FIND, p, 3, &found,
	         &n)) != APP_OK)
		goto fail;
	if (n) {
		db_rollback(db);
		*id = found.id;
		if (found.same_content) {
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
	if ((e = db_load_one(db, a, DB_QUEST, SQL_QUEST_DEF_MAX_VERSION, p + 1,
	         1, &maxv, &n)) != APP_OK)
		goto fail;
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
	if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_DEF_INSERT, p, 10, NULL)) !=
	        APP_OK ||
	    (e = qs_last_id(db, a, id)) != APP_OK ||
	    (e = qs_children(db, a, d, *id)) != APP_OK)
		goto fail;
	/* The newest version is the one new codes open. */
	if (d->version > maxv.n) {
		p[0] = DB_STR(str_cstr(d->code));
		if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_DEF_DEACTIVATE, p,
		         1, NULL)) != APP_OK)
			goto fail;
		p[0] = DB_INT(*id);
		if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_DEF_ACTIVATE, p, 1,
		         NULL)) != APP_OK)
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

/* ---- Stored definitions as typed records ----------------------------- */

static const struct db_field quest_number_fields[] = {
	DB_FIELD(quest_number, n, "n", DB_F_INT),
};
const struct db_record quest_number_record =
    DB_RECORD(quest_number, quest_number_fields);

static const struct db_field quest_stored_fields[] = {
	DB_FIELD(quest_stored, id, "id", DB_F_INT),
	DB_FIELD(quest_stored, same_content, "same_content", DB_F_BOOL),
};
const struct db_record quest_stored_record =
    DB_RECORD(quest_stored, quest_stored_fields);

static const struct db_field quest_info_fields[] = {
	DB_FIELD(quest_info, id, "id", DB_F_INT),
	DB_FIELD(quest_info, code, "code", DB_F_STR),
	DB_FIELD(quest_info, version, "version", DB_F_INT),
	DB_FIELD(quest_info, title, "title", DB_F_STR),
	DB_FIELD(quest_info, group_name, "respondent_group", DB_F_STR),
	DB_FIELD(quest_info, anonymity_name, "anonymity", DB_F_STR),
	DB_FIELD(quest_info, active, "is_active", DB_F_BOOL),
	DB_FIELD(quest_info, default_lang, "default_lang", DB_F_STR),
};
const struct db_record quest_info_record =
    DB_RECORD(quest_info, quest_info_fields);

static const struct db_field quest_info_row_fields[] = {
	DB_FIELD(quest_info_row, id, "id", DB_F_INT),
	DB_FIELD(quest_info_row, code, "code", DB_F_STR),
	DB_FIELD(quest_info_row, version, "version", DB_F_INT),
	DB_FIELD(quest_info_row, title, "title", DB_F_STR),
	DB_FIELD(quest_info_row, group_name, "respondent_group", DB_F_STR),
	DB_FIELD(quest_info_row, anonymity_name, "anonymity", DB_F_STR),
	DB_FIELD(quest_info_row, active, "is_active", DB_F_BOOL),
	DB_FIELD(quest_info_row, example, "is_example", DB_F_BOOL),
	DB_FIELD(quest_info_row, imported, "imported", DB_F_UTC_DAY),
	DB_FIELD(quest_info_row, langs, "langs", DB_F_STR),
	DB_FIELD(quest_info_row, items, "items", DB_F_INT),
	DB_FIELD(quest_info_row, answers, "answers", DB_F_INT),
};
const struct db_record quest_info_row_record =
    DB_RECORD(quest_info_row, quest_info_row_fields);

static const struct db_field quest_language_fields[] = {
	DB_FIELD(quest_language, lang, "lang", DB_F_STR),
	DB_FIELD(quest_language, name, "name", DB_F_STR),
	DB_FIELD(quest_language, dir, "dir", DB_F_STR),
	DB_FIELD(quest_language, rtl, "rtl", DB_F_BOOL),
};
const struct db_record quest_language_record =
    DB_RECORD(quest_language, quest_language_fields);

static const struct db_field quest_option_fields[] = {
	DB_FIELD(quest_option_rec, position, "position", DB_F_INT),
	DB_FIELD(quest_option_rec, value, "value", DB_F_STR),
	DB_FIELD(quest_option_rec, text, "text", DB_F_STR),
};
const struct db_record quest_option_record =
    DB_RECORD(quest_option_rec, quest_option_fields);

static void
qs_info_names(struct quest_info *d)
{
	d->group = quest_group_from_name(d->group_name);
	d->anonymity = quest_anonymity_from_name(d->anonymity_name);
}

enum app_err
quest_info_get(struct db *db, struct arena *a, long long id,
    struct quest_info *out, int *found)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_load_one(db, a, DB_QUEST, SQL_QUEST_DEF_GET, p, 1, out,
	         found)) != APP_OK)
		return e;
	qs_info_names(out);
	return APP_OK;
}

enum app_err
quest_info_list(
    struct db *db, struct arena *a, struct quest_info_row **out, size_t *n)
{
	return db_load(
	    db, a, DB_QUEST, SQL_QUEST_DEF_LIST, NULL, 0, (void **)out, n);
}

enum app_err
quest_languages(struct db *db, struct arena *a, long long qid,
    struct quest_language **out, size_t *n)
{
	struct db_param p[1] = { DB_INT(qid) };

	return db_load(db, a, DB_QUEST, SQL_QUEST_LANGS, p, 1, (void **)out, n);
}

enum app_err
quest_item_count(struct db *db, struct arena *a, long long qid, long long *n)
{
	struct db_param p[1] = { DB_INT(qid) };
	struct quest_number num;
	int found;
	enum app_err e;

	if ((e = db_load_one(db, a, DB_QUEST, SQL_QUEST_ITEM_COUNT, p, 1, &num,
	         &found)) != APP_OK)
		return e;
	*n = num.n;
	return APP_OK;
}

enum app_err
quest_options(struct db *db, struct arena *a, long long item, struct str lang,
    struct quest_option_rec **out, size_t *n)
{
	struct db_param p[2] = { DB_STR(lang), DB_INT(item) };

	return db_load(
	    db, a, DB_QUEST, SQL_QUEST_OPTIONS, p, 2, (void **)out, n);
}
