/*
 * quest.h: questionnaire definitions: loading them into the database
 * (shared by `stegvis questionnaire-import` and the admin page) and
 * reading them back as typed records (definitions, languages, items,
 * options, texts). States and rules are in quest_state.h, codes in
 * quest_code.h, responses and answers in quest_response.h.
 *
 * A definition belongs to a förbund (sql/0075): every statement on one by
 * code or id names the request's förbund (:forbund; the command line sets
 * it, quest_cli.h), so one förbund's definitions, versions and activity
 * never change another's. Within the förbund a definition (code, version)
 * is stored once and never changed. Loading the same file again is a
 * no-op; loading different content under a version that exists is refused
 * (a new wording needs a new version). The highest version of a code is
 * the active one, which new codes open; responses keep pointing at the
 * version they were given to.
 */
#ifndef QUEST_H
#define QUEST_H

#include <stddef.h>

#include "app.h"
#include "db.h"
#include "quest_state.h"
#include "str.h"

struct arena;
struct quest_def;

enum quest_store_result {
	QUEST_STORED,    /* a new version, now stored */
	QUEST_UNCHANGED, /* exactly this file was loaded before */
};

/*
 * Store def (parsed from xml) in one transaction. by names who loaded it
 * (an account name or "cli"). On APP_OK *id is the questionnaire id and
 * *res says whether anything was stored. APP_EDUP when the version exists
 * with other content (err holds the Swedish reason); database errors
 * otherwise, with nothing stored.
 */
enum app_err quest_store(struct db *, struct arena *, const struct quest_def *,
    struct str xml, struct str by, long long *id, enum quest_store_result *res,
    char *err, size_t errlen);

/* The XSD's path for a views directory: VIEWS/../conf/questionnaire.xsd,
 * into buf. 0 when it does not fit. */
int quest_schema_path(const char *views, char *buf, size_t n);

/* A random id for questionnaire_response: uniform in 1..10^18-1 from
 * libsodium (18 digits, what str_to_ll reads), so the ids of responses
 * say nothing of the order they were made or sent. */
long long quest_random_id(void);

/* The key wrong codes are counted under for a client address: an IPv4
 * address as it is, an IPv6 address by its /64 (one host gets a whole /64
 * and could otherwise rotate addresses), e.g. "2001:db8:1:2::/64". Into
 * out (at least 64 bytes); the address as given when it parses as
 * neither. */
void quest_addr_key(struct str addr, char *out, size_t n);

/* ---- Stored definitions as typed records -----------------------------
 * Loaded by the functions below (or db_load() on the statement named);
 * strings are arena, valid until the request ends. */

/* One number a statement counts or finds (column "n"): a count, a
 * position, a version, an id; 0 for NULL or "". */
struct quest_number {
	long long n;
};
extern const struct db_record quest_number_record;

/* A version found (SQL_QUEST_DEF_FIND): its id, and whether it was loaded
 * from the same file. */
struct quest_stored {
	long long id;
	int same_content;
};
extern const struct db_record quest_stored_record;

/* A definition (SQL_QUEST_DEF_GET, SQL_QUEST_DEF_FOR_PARTICIPANTS). */
struct quest_info {
	long long id;
	struct str code;
	long long version;
	struct str title, group_name, anonymity_name;
	int active;
	struct str default_lang;
	/* From the names, by the loaders: */
	enum quest_group group;
	enum quest_anonymity anonymity;
};
extern const struct db_record quest_info_record;

/* One line of the admin's list of definitions (SQL_QUEST_DEF_LIST). */
struct quest_info_row {
	long long id;
	struct str code;
	long long version;
	struct str title, group_name, anonymity_name;
	int active, example;
	struct str imported;      /* YYYY-MM-DD, the Swedish day */
	struct str langs;         /* "sv, en, ar" in the file's order */
	long long items, answers; /* items; responses sent */
};
extern const struct db_record quest_info_row_record;

/* A language of a definition (SQL_QUEST_LANGS). */
struct quest_language {
	struct str lang, name, dir; /* dir: "ltr" or "rtl" */
	int rtl;
};
extern const struct db_record quest_language_record;

/* One item in a language (the kiosk's item statement, kiosk.h): texts
 * in lang, else in the definition's default language. */
struct quest_item_rec {
	long long id;
	struct str item_code, kind_name;
	long long scale_min, scale_max; /* skala, vas; else 0 */
	int allow_vet_ej, allow_ej_aktuellt;
	long long max_length; /* fritext; else 0 */
	struct str text, min_label, max_label;
	enum quest_kind kind; /* from kind_name, by the loader */
};

/* An option of an enval/flerval item in a language (SQL_QUEST_OPTIONS):
 * position 1.., the value stored with an answer, the text shown. */
struct quest_option_rec {
	long long position;
	struct str value, text;
};
extern const struct db_record quest_option_record;

/* Definition id: *found 0 when there is none. */
enum app_err quest_info_get(struct db *, struct arena *, long long id,
    struct quest_info *out, int *found);

/* Every definition for the admin page (by code, newest version first). */
enum app_err quest_info_list(
    struct db *, struct arena *, struct quest_info_row **out, size_t *n);

/* The languages of definition qid, in the file's order. */
enum app_err quest_languages(struct db *, struct arena *, long long qid,
    struct quest_language **out, size_t *n);

/* The number of items of definition qid. */
enum app_err quest_item_count(
    struct db *, struct arena *, long long qid, long long *n);

/* The options of item in lang, by position. */
enum app_err quest_options(struct db *, struct arena *, long long item,
    struct str lang, struct quest_option_rec **out, size_t *n);

#endif /* !QUEST_H */
