/*
 * participation.h: a participation (deltagande) from inskrivning to the
 * summary to the remittent: its states, the rules of each change, and its
 * typed records as the insats staff's pages read them.
 *
 * The rules are pure functions (no I/O), unit-tested in
 * tests/unit/test_participation.c: which change each state allows, how a
 * participation ends, when its summary is due, what a plan, an extension
 * and a date must be. The records are filled from the statements of
 * app/sql_participation.c through their decode tables (include/db.h), so
 * no page reads a result grid. The changes themselves (the versioned
 * edits) are in include/participation_edit.h; admission is a decision on
 * the referral (include/referral_decision.h).
 */
#ifndef PARTICIPATION_H
#define PARTICIPATION_H

#include <stddef.h>

#include "app.h"
#include "paging.h"
#include "contact.h"
#include "db.h"
#include "followup.h"
#include "quest_panel.h"
#include "str.h"
#include "sus_complete.h"

struct arena;
struct req;

/* ---- states ---- */

/* participation.status (sql/0006). */
enum participation_status {
	PARTICIPATION_INSKRIVEN,      /* admitted and going on */
	PARTICIPATION_AVSLUTAD,       /* ended; the summary follows */
	PARTICIPATION_FELREGISTRERAD, /* registered by mistake; ended */
	PARTICIPATION_STATUS__MAX
};

/* The stored name of s ("inskriven") and its Swedish label
 * ("Inskriven"); "" for PARTICIPATION_STATUS__MAX. Static. */
const char *participation_status_name(enum participation_status s);
const char *participation_status_label(enum participation_status s);

/* The status stored as name; PARTICIPATION_STATUS__MAX when none. */
enum participation_status participation_status_from_name(struct str name);

/* The label of the status stored as name; "" when it is none. Static. */
const char *participation_status_label_of(struct str name);

/* ---- the changes and which state allows them ---- */

enum participation_change {
	PCHANGE_PLAN,         /* the individual plan */
	PCHANGE_MIDTERM,      /* the mid-term follow-ups (midterm.h) */
	PCHANGE_EXTEND,       /* a new planned end */
	PCHANGE_END,          /* avslut (or felregistrering) */
	PCHANGE_CONTACT,      /* the insats's record of the person */
	PCHANGE_SUS,          /* the SUS registration data */
	PCHANGE_TARGET_GROUP, /* the participant's målgrupp */
	PCHANGE__MAX
};

#define PARTICIPATION_MSG_NOT_OPEN                                             \
	"Deltagandet är avslutat och kan inte ändras. Se uppgifterna nedan."
#define PARTICIPATION_MSG_CONTACT_CLOSED                                       \
	"Deltagandet är felregistrerat; kontaktuppgifterna kan inte ändras."
#define PARTICIPATION_MSG_SUS_CLOSED                                           \
	"Deltagandet är felregistrerat och rapporteras inte till SUS. "       \
	"Uppgifterna kan inte ändras."
#define PARTICIPATION_MSG_TARGET_GROUP_CLOSED                                  \
	"Deltagandet är felregistrerat och räknas inte i rapporten. "        \
	"Målgruppen kan inte ändras."

/*
 * May a participation in status s take change
 * ch? NULL when it may, else the Swedish reason it may not (static):
 *   plan, mid-term, extension, end: only while inskriven;
 *   contact data, SUS data and the målgrupp: any time but when
 *   felregistrerad.
 * An unknown status allows nothing.
 */
const char *participation_refusal(
    enum participation_status s, enum participation_change ch);

/* 1 when the summary is still to be sent: avslutad, not sent. */
int participation_summary_open(enum participation_status s, int summary_sent);

/* 1 when p's insats is measured by counts only ("antal"), so SUS gets
 * the participation anonymously. */
struct participation;
int participation_sus_anonymous(const struct participation *p);

/* ---- the rules of the changes ---- */

/* The end reason code that marks a registration made by mistake. */
#define PARTICIPATION_END_MISTAKE "felregistrering"

/* The status an end with end reason code `reason` leaves: felregistrerad
 * for PARTICIPATION_END_MISTAKE, else avslutad. */
enum participation_status participation_end_status(struct str reason);

/* The days from the end to the summary when the insats sets none. */
#define PARTICIPATION_SUMMARY_DEFAULT_DAYS 21

/* YYYYMMDD plus days, as YYYYMMDD (any number of days, leap years). */
long long participation_add_days(long long ymd, long days);

/* The date (YYYYMMDD) the summary of a participation ended on end_ymd is
 * due: the insats's due_days after the end ("" when the insats sets none:
 * PARTICIPATION_SUMMARY_DEFAULT_DAYS). */
long long participation_summary_due(long long end_ymd, struct str due_days);

/* YYYYMMDD as "ÅÅÅÅ-MM-DD" (arena); "" for a negative date or a full
 * arena. */
struct str participation_ymd_str(struct arena *, long long ymd);

/* "ÅÅÅÅ-MM-DD" as YYYYMMDD, 0 when it is not a date. */
long long participation_date_ymd(struct str s);

/* Today in Sweden (date.h) as YYYYMMDD. */
long long participation_today(void);

#define PARTICIPATION_MSG_FUTURE "Datumet kan inte ligga i framtiden."

/* A follow-up or end date ymd: NULL when it is on or after start and not
 * after today (all YYYYMMDD), else the Swedish message (arena or
 * static). */
const char *participation_check_date(
    struct arena *, long long ymd, long long start, long long today);

/* A new planned end: NULL when it is after start and after the current
 * planned end cur ("ÅÅÅÅ-MM-DD", "" when there is none), else the Swedish
 * message (arena or static). */
const char *participation_check_extension(
    struct arena *, long long new_end, long long start, struct str cur);

#define PARTICIPATION_PLAN_MAX_HOURS      40 /* full time */
/* The most activities a plan holds: each takes at least one whole hour of
 * the PARTICIPATION_PLAN_MAX_HOURS, so no more can fit. The one place the
 * bound is defined; the plan form's rows (PLAN_ROWS) and the message
 * follow it. */
#define PARTICIPATION_PLAN_MAX_ACTIVITIES PARTICIPATION_PLAN_MAX_HOURS
#define PARTICIPATION_STR_(n)             #n
#define PARTICIPATION_STR(n)              PARTICIPATION_STR_(n)
#define PARTICIPATION_MSG_PLAN_MAX                                             \
	"Planen kan ha högst " PARTICIPATION_STR(                              \
	    PARTICIPATION_PLAN_MAX_ACTIVITIES) " aktiviteter."

/* A plan of nact activities of total hours a week: NULL when it has at
 * least one and at most PARTICIPATION_PLAN_MAX_ACTIVITIES, and at most
 * PARTICIPATION_PLAN_MAX_HOURS hours, else the Swedish message
 * (static). */
const char *participation_check_plan(size_t nact, long long total);

/* ---- records ---- */

/* One participation as its page shows it (SQL_PARTICIPATION_GET): the
 * participation, the insats's record of the person, the insats, the
 * referral and remittent, code labels, and the SUS registration data with
 * what SUS would find missing (the rule of SQL_SUS_QUALITY). Dates are
 * "ÅÅÅÅ-MM-DD", "" when not set. Strings are arena. */
struct participation {
	long long id, version;
	struct str status_name;
	long long referral_id, insats_id;
	struct str insats;
	struct str due_days; /* the insats's summary_due_days, "" if none */
	struct str personnummer;
	struct contact_record person;
	struct str birth_year;
	struct str start_date, planned_end;
	struct str contact_name, contact_id; /* the contact person, "" */
	struct str hours_per_week;           /* "" when not set */
	/* The målgrupp ("" not set) and the insats's lines to choose from
	 * (include/target_group.h). */
	struct str target_group, target_groups;
	struct str end_date, end_reason_code, end_reason_label;
	struct str occ_after_code, occ_after_label;
	struct str summary_due;
	struct str summary_sent; /* "ÅÅÅÅ-MM-DD HH:MM" (Swedish time) or "" */
	int overdue;             /* summary past due and not sent */
	struct str remittent, remittent_org;
	long long ref_org_id; /* the referring organisation */
	/* The SUS registration data (section "SUS-uppgifter"). */
	long long ref_version, person_version;
	struct str edu_code, edu_label, support_code, support_label;
	struct str occ_before_code, occ_before_label;
	struct str measurement; /* the insats's: "personuppgifter" or "antal" */
	/* The extents of the occupation before and after, percent of full
	 * time ("" not recorded). */
	struct str occ_before_pct, occ_after_pct;
	/* What SUS is sent, as every SUS page reads it: sus_complete_check()
	 * decides what is missing (include/sus_complete.h). The income
	 * lists' items are "" here: the page's lists make them
	 * (participation_page's sus_income_before, _after). */
	struct sus_facts sus;
	/* The loading staff member works in its insats and it is submitted
	 * (ACCESS_SQL_INSATS_WAY; access_insats_reaches() decides). */
	int staff_reaches;
	/* The code label generation (sql/0054) the statement read: the
	 * labels and SUS codes above are named from the worker's copy of
	 * the code lists kept under it (participation_load()). */
	struct str code_gen;
	/* Not a column: status_name as the enum (participation_load()). */
	enum participation_status status;
};
extern const struct db_record participation_record;

/* A planned activity of the individual plan. */
struct participation_activity {
	struct str activity;
	long long hours; /* a week */
};
extern const struct db_record participation_activity_record;

/* An extension: when, from and to which planned end, why, by whom. */
struct participation_extension {
	struct str at, old_end, new_end, reason, who;
};
extern const struct db_record participation_extension_record;

/* An income source, before (the referral's) or after the participation. */
struct participation_income {
	struct str phase; /* "fore" or "efter" (SQL_PARTICIPATION_INCOMES) */
	struct str code, label;
	int has_sus;       /* the code has a SUS code */
	struct str extent; /* percent of full time; "" not recorded */
};
extern const struct db_record participation_income_record;

/* A change_history row. */
struct participation_history {
	struct str at, who, field, old_value, new_value;
	long long id; /* change_history id (the history page's key) */
};
extern const struct db_record participation_history_record;

/* An access_log row of the participant's file ("who has looked"). */
struct participation_access {
	struct str at, who, username, action, object_type;
	struct str what; /* the object in words (sql_audit_object.h) */
	long long id;    /* audit_log id (the access-log page's key) */
};
extern const struct db_record participation_access_record;

/* The code lists of the insats staff's forms. */
enum participation_codes {
	PCODES_ADVISE,       /* code_advise_against */
	PCODES_END,          /* code_end_reason */
	PCODES_OCCUPATION,   /* code_occupation */
	PCODES_INCOME,       /* code_income */
	PCODES_EDUCATION,    /* code_education */
	PCODES_SUPPORT,      /* code_support_time */
	PCODES_MUNICIPALITY, /* code_municipality: label is the kommun's name */
	PCODES__MAX
};

/* One code of a list, active or not. */
struct code_choice {
	struct str list; /* the code list's table */
	struct str code, label;
	int active;  /* may be chosen */
	int has_sus; /* has a SUS code */
	int checked; /* not a column: for binding a checkbox list */
};
extern const struct db_record code_row_record;
/* For binding a checkbox list of codes: code, label, checked. */
extern const struct db_record code_choice_record;

/* A list: n entries, in the list's sort order. Borrowed. */
struct code_choices {
	struct code_choice *v;
	size_t n;
};

/* The entry of code in l, or NULL. With active_only, an inactive code is
 * as if not there. */
const struct code_choice *code_choices_find(
    const struct code_choices *l, struct str code, int active_only);

struct midterm;

/* Everything of a participation's page besides the record itself, loaded
 * in one statement (participation_page_load()). Arrays are arena. */
struct participation_page {
	struct participation_activity *activities;
	size_t nactivities;
	struct participation_extension *extensions;
	size_t nextensions;
	struct participation_income *income_before, *income_after;
	size_t nincome_before, nincome_after;
	struct participation_history *history; /* the participation's */
	size_t nhistory;
	struct participation_history *referral_history; /* SUS fields only */
	size_t nreferral_history;
	/* The participation's own SUS fields' history (sql/0046 sus_field). */
	struct participation_history *sus_history;
	size_t nsus_history;
	struct participation_access *looked; /* the latest reads */
	size_t nlooked;
	struct midterm *midterms; /* mid-term follow-ups (midterm.h) */
	size_t nmidterms;
	struct code_choices codes[PCODES__MAX];
	/* The six-month follow-up as followup_load() reads it (version 0:
	 * none recorded), and the newest summary version (number 0: none)
	 * with its state's name (summary.h). */
	struct followup_record followup;
	long long summary_version_no;
	struct str summary_state;
	/* The SUS facts of the two income lists, as SUS_FACTS_SQL's f_inc_b,
	 * f_inc_b_sus, f_inc_a and f_inc_a_sus give them (the codes in code
	 * order; SUS code[:extent] in SUS code order; "," between), made from
	 * the lists above: participation_load() leaves them "". */
	struct sus_item sus_income_before, sus_income_after;
	/* The questionnaires' panel (quest_panel.h), read with the lists. */
	struct quest_panel quest;
};

/* A row of SQL_PARTICIPATION_ITEMS, whose rows are of several kinds
 * (participation.c decodes them into the lists above), in the order of
 * (kind, n, o2, a); and of SQL_PARTICIPATION_HISTORY_OLDER (kind 5, in
 * its order already). */
struct participation_item {
	long long kind, n, o2;
	struct str a, b, c, d, e, f;
};
extern const struct db_record participation_item_record;

/* The access-log rows the participation's page shows: the latest reads;
 * the whole log is on its own page (participation_access_load()). */
#define PARTICIPATION_PAGE_LOOKED 10
/* The latest rows of each list the page shows (extensions, mid-term
 * follow-ups, change history, SUS history); the whole lists are on
 * /deltagande/:id?visa=historik. */
#define PARTICIPATION_PAGE_LIST   10
/* The most rows of each list ?visa=historik shows (a request's memory
 * holds a few hundred; older ones are said to be left out). */
#define PARTICIPATION_HISTORY_MAX 200
/* The rows of a page of the access-log page (keyset-paged). */
#define PARTICIPATION_ACCESS_PAGE 100

/* The Swedish name of a change_history field of a participation
 * ("end_date" -> "Slutdatum"), the person's fields included; NULL for
 * another. Static. */
const char *participation_field_label(struct str field);

/* The access log's action ("read" -> "Läste") and object type
 * ("consent" -> "samtycke") as the participant's file lists them: the
 * access log's own words (audit_action_verb_of(), audit_object_noun_of()
 * in audit.h). Static. */
const char *participation_access_action_label(struct str action);
const char *participation_access_object_label(struct str object_type);

/* ---- loads ---- */

/* Participation id into *out (status decoded too), today's date deciding
 * "overdue". *found 0: no such participation. No access check: the caller
 * has asked access_participation(). */
enum app_err participation_load(
    struct req *, long long id, struct participation *out, int *found);

/* Make the worker's copy of the code lists (code_labels.h) the one of
 * code label generation gen: read them again (one statement) when the
 * copy is of another. participation_load() does, with the generation its
 * statement read; the page's lists then name their codes from the copy. */
enum app_err participation_code_labels_sync(struct req *, struct str gen);

/* The lists of p's page (*out; arena): plan, extensions, mid-term
 * follow-ups, incomes before and after, change history, the latest
 * PARTICIPATION_PAGE_LOOKED access-log rows, the six-month follow-up, the
 * newest summary version, the questionnaires' panel (quest_panel.h) and,
 * when codes is non-zero, every code list (the forms' options; none
 * otherwise). Of the extensions, mid-term follow-ups
 * and the three change histories only the latest max each (0: all), picked
 * by their indexes. One statement. */
enum app_err participation_page_load(struct req *,
    const struct participation *p, int codes, long long max,
    struct participation_page *out);

/* The change history of p before its row before (a change_history id),
 * newest first, at most max rows (the history page's older pages;
 * keyset). None when that row is not p's. Arena. */
enum app_err participation_history_older(struct req *,
    const struct participation *p, long long before, long long max,
    struct participation_history **rows, size_t *n);

/* Every code list (active and not) into codes[PCODES__MAX]. Arena. */
enum app_err participation_codes_load(struct req *, struct code_choices *codes);

/* The incomes before (the referral's) and after of p. Arena. */
enum app_err participation_incomes_load(struct req *,
    const struct participation *p, struct participation_income **before,
    size_t *nbefore, struct participation_income **after, size_t *nafter);

/* A page of the access log of p's participant's file: the participation,
 * its referral and consents, and the insats staff's searches on the
 * personnummer (never what other organisations did), newest first, at
 * most PARTICIPATION_ACCESS_PAGE rows: the newest (before and after 0),
 * those before the row of audit_log id before, or those after the row of
 * id after. *older / *newer: whether there are older / newer rows than the
 * page's. Arena. */
enum app_err participation_access_load(struct req *,
    const struct participation *p, long long before, long long after,
    struct participation_access **rows, size_t *n, int *older, int *newer);

/* ---- lists ---- */

/* A row of the participant list. */
struct participation_row {
	long long id;
	struct str first_name, last_name, gender, insats, status;
	struct str start_date, planned_end, end_date, contact, summary_due;
	long long overdue; /* the kinds it is late in: OVERDUE_BIT()s */
	int summary_sent;
	long long total; /* rows the list statement matched in all */
};
extern const struct db_record participation_row_record;

/* The participant list's filter; 0 / "" for "any". */
struct participation_filter {
	long long staff_id; /* the caller: only their insatser */
	long long insats_id;
	struct str status; /* a status name */
	long long contact_id;
	struct str gender;      /* a gender name */
	unsigned overdue_kinds; /* OVERDUE_BIT()s (overdue.h): late in one */
};

/* The participant list's sortable columns (paging.h): the name (the
 * default), the insats, the start, the planned end, the contact person. */
enum participation_sort {
	PARTICIPATION_SORT_NAME,
	PARTICIPATION_SORT_INSATS,
	PARTICIPATION_SORT_START,
	PARTICIPATION_SORT_PLANNED_END,
	PARTICIPATION_SORT_CONTACT,
	PARTICIPATION_SORT__MAX
};
extern const struct paging_sort participation_sorts[PARTICIPATION_SORT__MAX];

/* One page (paging.h) of the participations f selects, in pg's order;
 * *total how many match in all (0 past the end). Arena. */
enum app_err participation_list(struct req *,
    const struct participation_filter *f, const struct paging *pg,
    struct participation_row **rows, size_t *n, long long *total);

/* A search hit: a referral of the person in the caller's insatser (not a
 * draft), with its participation if admitted ("" ids when not). */
struct participation_hit {
	struct str referral_id, referral_status;
	struct str participation_id, status;
	struct str insats, submitted, start_date, end_date;
	struct str first_name, last_name;
};
extern const struct db_record participation_hit_record;

/* The search by name: the longest text, and the most hits shown (one
 * more is fetched, to say there are more). */
#define PARTICIPATION_NAME_SEARCH_MAX 100
#define PARTICIPATION_NAME_HITS_MAX   100

/* The referrals and participations of staff_id's insatser whose person,
 * as the insats or the referral records them, has a name containing
 * name (first, last, or "first last"; case-insensitive; % and _ are
 * plain characters), newest first, at most PARTICIPATION_NAME_HITS_MAX +
 * 1. Drafts are never reached. Arena. */
enum app_err participation_search_name(struct req *, long long staff_id,
    struct str name, struct participation_hit **rows, size_t *n);

/* Every referral and participation of personnummer (12 digits) in
 * staff_id's insatser, newest first. Arena. */
enum app_err participation_search(struct req *, long long staff_id,
    struct str personnummer, struct participation_hit **rows, size_t *n);

/* An insats a staff member works in, with its places ("" when not set)
 * and the participants inskrivna now. */
struct my_insats {
	long long id;
	struct str name, places;
	long long inskrivna;
};
extern const struct db_record my_insats_record;

/* The active insatser staff_id works in, by name. Arena. */
enum app_err participation_my_insatser(
    struct req *, long long staff_id, struct my_insats **rows, size_t *n);

/* 1 when places ("" for no limit) are all taken by inskrivna. */
int participation_insats_full(struct str places, long long inskrivna);

/* A staff member to choose (a contact person). */
struct staff_option {
	long long id;
	struct str name;
};
extern const struct db_record staff_option_record;

/* The active insats staff of every insats staff_id works in. Arena. */
enum app_err participation_colleagues(
    struct req *, long long staff_id, struct staff_option **rows, size_t *n);

/* The active insats staff of insats_id (who may be contact person). */
enum app_err participation_insats_staff(
    struct req *, long long insats_id, struct staff_option **rows, size_t *n);

/* ---- the insats's record of the person (sql/0022) ---- */

/* participation_person with its version, the personnummer and the
 * participation's status and insats (the contact page). */
struct participation_person {
	struct contact_record c;
	long long version;
	struct str personnummer, status_name, insats;
	int gallrad;                      /* gallring.h: no change any more */
	enum participation_status status; /* not a column */
};
extern const struct db_record participation_person_record;

/* The record of participation id into *out; with lock, FOR UPDATE (inside
 * the caller's transaction). *found 0: none. Arena. */
enum app_err participation_person_load(struct req *, long long id, int lock,
    struct participation_person *out, int *found);

#endif /* !PARTICIPATION_H */
