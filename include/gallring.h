/*
 * gallring.h: gallring (retention) by rule: the record types, what starts
 * each one's clock, when a record is due, and what an edited rule may say.
 * The rules themselves are data (table gallring_rule, sql/0033): this
 * module knows the codes, their Swedish words and their bounds. Pure: no
 * database, unit-tested in tests/unit/test_gallring.c. The command that
 * applies them is app/gallring_cli.c; the admin page
 * app/page_admin_gallring.c.
 *
 * A record is due when its clock started and clock + keep_days < today
 * (both as day numbers, date_days()): on the day the period has run out it
 * is still kept, it goes the day after.
 *
 * What "goes" means per type (README "Gallring"): a participation or an
 * application is anonymised in place (the reports read it), the rest is
 * deleted.
 */
#ifndef GALLRING_H
#define GALLRING_H

#include <stddef.h>

#include "str.h"

enum gallring_code {
	GR_DELTAGANDE,   /* an ended participation, with its referral */
	GR_ANSOKAN,      /* an application that never became one */
	GR_SAMTYCKE,     /* an ended consent and its events */
	GR_ENKATSVAR,    /* linked questionnaire responses: free text */
	GR_ENKATKOD,     /* questionnaire codes and their drafts */
	GR_SUS_DOKUMENT, /* SUS batch documents, acknowledged or not */
	GR_INLOGGNING,   /* sessions, login failures, form stashes */
	GR_ATKOMSTLOGG,  /* the access log */
	GR__MAX
};

struct gallring_def {
	const char *code;        /* gallring_rule.code */
	const char *clock;       /* gallring_rule.clock */
	const char *label;       /* Swedish: the record type */
	const char *clock_label; /* Swedish: what starts the clock */
	long min_days, max_days; /* what an admin may set */
	long default_days;       /* sql/0033's value */
};

/* The access log is never kept less than this, whatever its rule says:
 * the rule's minimum (gallring.c), the count of /admin/gallring
 * (sql_gallring.c, as text) and sql/0033's gallring_audit_log() floor
 * (tests/unit/test_gallring.c checks that it agrees). */
#define GALLRING_LOG_MIN_DAYS     365
#define GALLRING_LOG_MIN_DAYS_SQL "365"

/* The definition of code c (c < GR__MAX); borrowed, static. */
const struct gallring_def *gallring_def(enum gallring_code c);

/* The code named s; 1 and *out set, or 0 when s names none. */
int gallring_code_parse(struct str s, enum gallring_code *out);

/* 1 when a record whose clock started on day `start` (date_days()) is
 * past keep_days on day `today`; 0 when not yet, or when keep_days < 1
 * (a broken rule removes nothing). */
int gallring_past(long start, long today, long keep_days);

/* The states each rule applies to, written once as SQL lists: the
 * candidate queries (sql_gallring.c) pre-select by them and the
 * predicates below test them again under the row lock. */
#define GALLRING_PARTICIPATION_STATES "'avslutad', 'felregistrerad'"
#define GALLRING_REFERRAL_STATES      "'utkast', 'avradd', 'aterford', 'aterkallad'"
#define GALLRING_CONSENT_STATES       "'aterkallad', 'utgangen', 'felaktig'"

/* 1 when s is one of the quoted names in list (a GALLRING_*_STATES). */
int gallring_state_in(struct str s, const char *list);

/* An ended participation: status avslutad or felregistrerad with an end
 * date (end_day, date_days()); inskriven is never due. */
int gallring_participation_due(
    struct str status, long end_day, long today, long keep_days);

/* An application that never became a participation: an abandoned draft
 * (utkast), advised against (avradd), sent back (aterford) or withdrawn
 * (aterkallad), none with a participation; clock_day is the decision's or
 * the withdrawal's day, for a draft its last change. inskickad, vantelista and antagen are never due. */
int gallring_referral_due(struct str status, int has_participation,
    long clock_day, long today, long keep_days);

/* A consent that ended (aterkallad, utgangen, felaktig), its clock the end;
 * utkast and aktiv are never due by this rule (they go with their
 * referral or participation). */
int gallring_consent_due(
    struct str state, long end_day, long today, long keep_days);

/*
 * The stand-in for a removed person's personnummer. The reports compute
 * the age at each start from the date of birth in it (report_people.h), so
 * the stand-in keeps the birth year and a month and day that gives the
 * same whole years at each of the person's start dates (start_mmdd[],
 * MMDD as 101..1231): the first start on or after the birthday, else
 * 1231. Nothing else of the number is kept: the serial and check digit
 * are made up, and the check digit is always wrong, so the stand-in never
 * equals a real personnummer anybody can type (pnr_luhn_ok()).
 * real: 12 digits; attempt: 0, 1, ... for another stand-in of the same
 * date when one is taken (unique key). Writes 12 digits and a NUL into
 * out; 0 when real is not 12 digits with a date.
 */
int gallring_standin(const char *real, const int *start_mmdd, size_t n,
    unsigned attempt, char out[13]);

/*
 * 1 when pnr12 (borrowed) is a removed person's stand-in: 12 digits whose
 * check digit is wrong. Every personnummer and samordningsnummer Stegvis
 * stores passed pnr_parse()'s check, and gallring writes the stand-in and
 * the person's person_gallrad row in one transaction, so this is the one
 * test of "marked in person_gallrad" the pages need without a query.
 * Wherever a person's number is shown, such a number is shown as
 * GALLRING_PNR_SHOWN (person_pnr_shown(), part_pnr_show()).
 */
int gallring_pnr_is_standin(struct str pnr12);
#define GALLRING_PNR_SHOWN "Gallrad"

/* What staff read when they try to change a removed (gallrad)
 * participation, referral or their consents. */
#define GALLRING_MSG_REMOVED                                                   \
	"Uppgifterna har gallrats enligt gallringsreglerna och kan inte "      \
	"ändras."

/* May a record be changed? NULL when it may, GALLRING_MSG_REMOVED when
 * it, or the referral or participation it belongs to, was gallrad
 * (gallrad_at set). Every edit path of a participation, a referral and
 * their consents and follow-ups asks this under its row lock. */
const char *gallring_edit_refusal(int gallrad);

enum gallring_refusal {
	GR_REF_OK,
	GR_REF_RANGE,     /* outside the rule's min_days..max_days */
	GR_REF_LOG_SHORT, /* the access log would not outlive another rule */
	GR_REF_FOLLOWUP,  /* a participation would go before its follow-up */
	GR_REF__MAX
};

/*
 * Validate a full set of rules (days[c] for every code) as the admin page
 * would save them. The first refusal found, with *which set to the rule it
 * concerns; GR_REF_OK when every rule is within its bounds and the access
 * log is kept at least as long as every other rule.
 */
enum gallring_refusal gallring_validate(
    const long days[GR__MAX], enum gallring_code *which);

/*
 * As gallring_validate(), for a form: every refusal at once, out[c] for
 * rule c (GR_REF_OK where the rule may be saved). A rule marked skip[c]
 * (its field was not a number; NULL: none) gets no refusal and takes no
 * part in the access-log comparison. Returns how many were refused.
 */
size_t gallring_validate_all(const long days[GR__MAX], const int skip[GR__MAX],
    enum gallring_refusal out[GR__MAX]);

/*
 * keep_days as a person reads it, into buf (always NUL-terminated):
 * whole years or months first, the days after ("3 år (1095 dagar)",
 * "1 månad (30 dagar)", "2 veckor (14 dagar)"), else only the days
 * ("400 dagar", "1 dag"). A year is 365 days, a month 30. Returns buf.
 */
const char *gallring_days_text(long days, char *buf, size_t n);

/* The Swedish sentence for a refusal of rule c, written into buf (always
 * NUL-terminated). Returns buf. */
const char *gallring_refusal_text(
    enum gallring_refusal r, enum gallring_code c, char *buf, size_t n);

#endif /* !GALLRING_H */
