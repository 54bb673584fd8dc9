/*
 * participation_correct.h: the corrections of a participation (issue 15,
 * item 5), each a transition with its rule and a versioned edit:
 *
 *   - the admission data (start date, contact person, hours a week),
 *     while inskriven or avslutad: the start not after the planned end
 *     nor after the end, the contact person one of the insats's staff,
 *     hours 1..PARTICIPATION_PLAN_MAX_HOURS. A changed start date reaches
 *     SUS by the export's own change detection: the registration's hash
 *     moves, so the next batch sends it as a rattelse.
 *   - reopening an avslutad participation ended by mistake, with a
 *     reason: back to inskriven with the end cleared (end date, reason,
 *     occupation and its extent after, income after, the summary's due
 *     date and sent time). change_history keeps every old value and the
 *     reason ("reopen_reason"); the audit row says "reopened". A summary
 *     already sent stays sent: the remittent got it, and what was sent is
 *     not taken back; a new one is due after the new end. SUS: the
 *     registration is now without its utregistrering, so the next batch
 *     sends it whole as a rattelse (replacing what the receiver holds,
 *     the end taken back).
 *   - marking an inskriven participation as registered by mistake
 *     (felregistrerad), on any day, also before a future start, with a
 *     reason ("error_reason"). Its end date is today, or the start when
 *     the start is still to come (a participation never ends before it
 *     starts). SUS withdraws what it was sent (avregistrering
 *     felregistrering).
 *
 * The rules are pure (unit-tested in tests/unit/test_participation_
 * correct.c); the edits lock the participation, refuse what its state does
 * not allow and a form read at another version (409), write history and
 * audit in one transaction.
 */
#ifndef PARTICIPATION_CORRECT_H
#define PARTICIPATION_CORRECT_H

#include <stddef.h>

#include "app.h"
#include "participation.h"
#include "participation_edit.h"
#include "str.h"

struct arena;
struct req;

enum pcorrect {
	PCORRECT_ADMISSION, /* start date, contact person, hours */
	PCORRECT_REOPEN,    /* avslutad back to inskriven */
	PCORRECT_ERROR,     /* inskriven to felregistrerad */
	PCORRECT__MAX
};

#define PCORRECT_MSG_ADMISSION_CLOSED                                          \
	"Deltagandet är felregistrerat; inskrivningsuppgifterna kan inte "    \
	"rättas."
#define PCORRECT_MSG_REOPEN_CLOSED                                             \
	"Bara ett avslutat deltagande kan öppnas igen."
#define PCORRECT_MSG_ERROR_CLOSED                                              \
	"Bara ett pågående (inskrivet) deltagande kan markeras som "         \
	"felregistrerat."
#define PCORRECT_MSG_CONTACT "Välj en kontaktperson bland insatsens personal."
#define PCORRECT_MSG_REASON  "Skriv varför."
#define PCORRECT_MSG_HOURS   "Ange ett heltal mellan 1 och 40 timmar i veckan."

/* May a participation in status s take correction c? NULL when it may,
 * else the Swedish reason (static). */
const char *participation_correct_refusal(
    enum participation_status s, enum pcorrect c);

/* A corrected start (YYYYMMDD) against the planned end and the end
 * (YYYYMMDD, 0 when none): NULL when on or before both, else the Swedish
 * message (arena or static). */
const char *participation_check_start(
    struct arena *, long long start, long long planned_end, long long end);

/* Hours a week: NULL when 1..PARTICIPATION_PLAN_MAX_HOURS, else
 * PCORRECT_MSG_HOURS. */
const char *participation_check_hours(long long hours);

/* A reason: NULL when it holds more than blanks, else
 * PCORRECT_MSG_REASON. */
const char *participation_check_reason(struct str reason);

/* The end date (YYYYMMDD) of a participation started (or to start) on
 * start marked in error today: today, or start when it is later. */
long long participation_error_end(long long start, long long today);

/* The admission data as corrected. */
struct participation_admission {
	long long start; /* YYYYMMDD */
	long long contact_id;
	long long hours;
};

/* Each correction of p from a form read at version; the caller has
 * checked the input with the rules above. APP_OK with *out filled, else
 * an error with nothing written. Strings are borrowed. */
enum app_err participation_correct_admission(struct req *,
    const struct participation *p, long long version,
    const struct participation_admission *in,
    struct participation_outcome *out);
enum app_err participation_reopen(struct req *, const struct participation *p,
    long long version, struct str reason, struct participation_outcome *out);
enum app_err participation_mark_error(struct req *,
    const struct participation *p, long long version, struct str reason,
    struct participation_outcome *out);

#endif /* !PARTICIPATION_CORRECT_H */
