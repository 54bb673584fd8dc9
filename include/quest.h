/*
 * quest.h: loading questionnaire definitions into the database, shared by
 * `stegvis questionnaire-import` and the admin page.
 *
 * A definition (code, version) is stored once and never changed. Loading
 * the same file again is a no-op; loading different content under a
 * version that exists is refused (a new wording needs a new version). The
 * highest version of a code is the active one, which new codes open;
 * responses keep pointing at the version they were given to.
 */
#ifndef QUEST_H
#define QUEST_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct arena;
struct db;
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

#endif /* !QUEST_H */
