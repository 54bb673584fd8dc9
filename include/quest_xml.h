/*
 * quest_xml.h: questionnaire definitions from XML (conf/questionnaire.xsd).
 *
 * quest_parse() turns one definition, given as a buffer, into a struct
 * quest_def in an arena. It does no I/O, so it can be fuzzed
 * (tests/fuzz/fuzz_questionnaire.c). libxml2 is used safely: no network
 * (XML_PARSE_NONET), no DTD loading and no entity substitution, a document
 * with a DOCTYPE is refused, and the input is at most QUEST_MAX_XML bytes.
 *
 * With a schema (quest_schema_load(), which does I/O: call it at start-up)
 * the document is validated first; then the loader checks what XSD cannot:
 * unique section and item ids, every text given exactly once in every
 * declared language and in no other, the default language declared, scale
 * bounds, the option values of a gender item. The checks do not rely on
 * the schema having run, so a NULL schema is safe too (the fuzz target
 * tries both).
 *
 * Errors are one Swedish line with the line number: "Rad 12: ...".
 */
#ifndef QUEST_XML_H
#define QUEST_XML_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct arena;
struct quest_schema; /* a compiled XSD; heap, caller frees */

#define QUEST_NS        "urn:stegvis:questionnaire:1"
#define QUEST_MAX_XML   (512u * 1024u) /* bytes in one definition */
#define QUEST_MAX_ITEMS 200u           /* items in one definition */
#define QUEST_MAX_LANGS 32u            /* languages in one definition */
#define QUEST_MAX_TEXT  2000u          /* bytes in one text */
#define QUEST_LANG_MAX  16u            /* bytes in a language tag */
#define QUEST_ID_MAX    64u            /* bytes in an id */

enum quest_kind { QK_SKALA, QK_ENVAL, QK_FLERVAL, QK_VAS, QK_FRITEXT, QK__MAX };

enum quest_background { QB_NONE, QB_KON, QB_ALDERSGRUPP, QB__MAX };

/* The kind's name as stored ("skala"). Borrowed. */
const char *quest_kind_name(enum quest_kind);
/* The background's name as stored ("kon"), NULL for QB_NONE. Borrowed. */
const char *quest_background_name(enum quest_background);

struct quest_lang {
	const char *code; /* BCP 47 tag as in xml:lang */
	const char *name; /* in its own script */
	int rtl;
};

/* One text of the definition in one language. ref names what it is:
 * "title", "intro", "section.ID", "item.ID", "item.ID.min", "item.ID.max",
 * "item.ID.opt.VALUE". */
struct quest_text {
	const char *ref, *lang, *text;
};

struct quest_option {
	const char *value; /* stored with an answer */
	const char *text;  /* default language */
};

struct quest_item {
	const char *code, *section;
	enum quest_kind kind;
	int min, max;             /* skala: min..max; vas: 0..100 */
	int dont_know, not_appl;  /* "vet ej" / "ej aktuellt" allowed */
	int max_length;           /* fritext */
	enum quest_background bg; /* copied onto the response */
	const char *text;         /* default language */
	struct quest_option *options;
	size_t noptions;
};

/* A parsed definition. Every string is NUL-terminated, in the arena. */
struct quest_def {
	const char *code;
	long version;
	const char *title; /* default language */
	const char *respondents, *anonymity, *default_lang;
	int example;
	struct quest_lang *langs;
	size_t nlangs;
	struct quest_item *items;
	size_t nitems;
	struct quest_text *texts;
	size_t ntexts;
};

/*
 * Parse and check the definition in xml. schema may be NULL (no XSD pass).
 * APP_OK with *out filled (arena), or APP_EINPUT with err holding the
 * Swedish reason and line; APP_ENOMEM when the arena is full.
 */
enum app_err quest_parse(struct arena *, struct str xml,
    const struct quest_schema *schema, struct quest_def *out, char *err,
    size_t errlen);

/* Compile the XSD at path (its imports relative to it, never from the
 * network). Does I/O. Caller frees with quest_schema_free(). */
enum app_err quest_schema_load(
    const char *path, struct quest_schema **out, char *err, size_t errlen);
void quest_schema_free(struct quest_schema *);

#endif /* !QUEST_XML_H */
