/*
 * participation_correct.h: the corrections of a participation (issue 15,
 * item 5), each a transition with its rule and a versioned edit:
 *
 *   - the admission data (start date, contact person, hours a week),
 *     while inskriven or avslutad: the start as participation_check_
 *     start() allows (not after the planned end, the end, the first
 *     mid-term follow-up or the first extension; not in the future once
 *     the participant has started or been followed up), the contact
 *     person one of the insats's staff, hours 1..PARTICIPATION_PLAN_MAX_
 *     HOURS and, when the plan has activities, their sum (the plan wins:
 *     hours are changed by changing the plan). The start and the hours
 *     are checked again under the lock. A changed start date reaches
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

/* What a corrected start is checked against (all YYYYMMDD, 0 when
 * none). */
struct participation_start_facts {
	long long current;     /* the start as stored */
	long long planned_end; /* the planned end */
	long long end;         /* the end, once ended */
	/* The earliest mid-term follow-up's held date. */
	long long first_midterm;
	/* The Swedish day the earliest extension was recorded. */
	long long first_extension;
	long long today; /* in Sweden */
};

#define PCORRECT_MSG_START_FUTURE                                              \
	"Deltagaren har redan börjat; startdatumet kan inte ligga i "         \
	"framtiden."

/*
 * A corrected start (YYYYMMDD): NULL when allowed, else the Swedish
 * message (arena or static). Refused, in this order: after the end;
 * after the planned end; after the first mid-term follow-up (the
 * follow-up form refuses a held date before the start: midterm_check_
 * date(), the same rule seen from the other side); after the day the
 * first extension was recorded (it extended an ongoing participation);
 * in the future when the stored start is today or past or a follow-up is
 * recorded (a participant already in the insats cannot start later).
 */
const char *participation_check_start(
    struct arena *, long long start, const struct participation_start_facts *f);

/* Hours a week against the plan's sum plan_hours (0: the plan has no
 * activities): NULL when 1..PARTICIPATION_PLAN_MAX_HOURS and, with a
 * plan, its sum; else PCORRECT_MSG_HOURS, or a message (arena) that the
 * hours follow the plan. */
const char *participation_check_hours(
    struct arena *, long long hours, long long plan_hours);

/* What the rules above need of p that its page does not hold: the start
 * facts (today included) and the plan's sum. */
struct pcorrect_facts {
	struct participation_start_facts start;
	long long plan_hours; /* 0: no activities */
};
/* One row of SQL_PC_FACTS. Strings are arena. */
struct pcorrect_facts_row {
	struct str first_midterm;   /* ÅÅÅÅ-MM-DD, "" none */
	struct str first_extension; /* its Swedish day, "" none */
	long long plan_hours;       /* 0: no activities */
};
extern const struct db_record pcorrect_facts_record;

enum app_err participation_correct_facts(
    struct req *, const struct participation *p, struct pcorrect_facts *out);

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
