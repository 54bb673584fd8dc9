/*
 * followup.h: the follow-up six months after the end of a participation
 * (uppföljning 6 månader efter avslut; the seed's "långsiktig mätning upp
 * till 6 månader"): what is due when, the participant's situation then,
 * and its one record per participation.
 *
 * The rule (pure, unit-tested in tests/unit/test_followup.c):
 *   - due: the end date + FOLLOWUP_MONTHS calendar months, clamped to the
 *     last day of a shorter month (2021-08-31 -> 2022-02-28), as MariaDB's
 *     DATE_ADD(end, INTERVAL 6 MONTH) counts it;
 *   - it can be recorded from FOLLOWUP_OPEN_DAYS before the due date (a
 *     call booked ahead), and the staff are reminded from then on;
 *   - it is overdue FOLLOWUP_GRACE_DAYS after the due date (the reminder
 *     says "Försenad");
 *   - FOLLOWUP_CLOSE_DAYS after the due date it is closed: no reminder any
 *     more, and it can no longer be recorded (a situation a year after the
 *     end is not a six-month follow-up); the report counts it as not
 *     followed up;
 *   - only an ended participation (avslutad) is followed up; an erroneous
 *     registration never is;
 *   - once recorded it is done, and the insats staff may correct it.
 *
 * The situation at the end, to compare with, is the end reason's outcome
 * (code_end_reason.outcome): work, studies, job-seeking and further
 * rehabilitation as they are, illness and the rest as "annat".
 *
 * The record (table participation_followup, migration 0029): at most one
 * per participation (its primary key), versioned; a save is an edit_run()
 * (edit.h): lock the participation and its follow-up, refuse by the rule
 * above, compare the form's version (0: none recorded yet), insert or
 * update, a change_history row (record_type participation, field
 * uppfoljning_situation) and an audit row in one transaction. A retry of
 * a save that already went through (the same situation) is saved with
 * nothing changed, never a second row.
 */
#ifndef FOLLOWUP_H
#define FOLLOWUP_H

#include <stddef.h>

#include "app.h"
#include "edit.h"
#include "str.h"

struct arena;
struct req;
struct participation;

#define FOLLOWUP_MONTHS     6
#define FOLLOWUP_MONTHS_SQL "6" /* the same, for SQL's DATE_ADD */
#define FOLLOWUP_OPEN_DAYS  14
#define FOLLOWUP_GRACE_DAYS 30
#define FOLLOWUP_CLOSE_DAYS 90

/* participation_followup.situation */
enum followup_situation {
	FU_SIT_ARBETE,
	FU_SIT_STUDIER,
	FU_SIT_ARBETSSOKANDE,
	FU_SIT_REHABILITERING,
	FU_SIT_ANNAT,
	FU_SIT__MAX
};

/* "arbete", ...; NULL for an out-of-range value. Static. */
const char *followup_situation_name(enum followup_situation);
/* "Arbete", "Studier", "Aktivt arbetssökande", "Rehabilitering mot arbete
 * eller studier", "Annat (t.ex. sjukdom, ingen sysselsättning)". Static. */
const char *followup_situation_label(enum followup_situation);
/* FU_SIT__MAX for a name it does not know. */
enum followup_situation followup_situation_from_name(struct str);
/* The situation names as a NULL-terminated list (a form's FT_ENUM
 * choices, in enum order). Static. */
extern const char *const followup_situation_names[FU_SIT__MAX + 1];

/* The situation at the end from the end reason's outcome
 * (code_end_reason.outcome: arbete, studier, arbetssokande,
 * rehabilitering, sjukdom, annat; "" when there is no end reason):
 * FU_SIT_ANNAT for sjukdom, annat, "" and anything unknown. */
enum followup_situation followup_situation_at_end(struct str outcome);

/* The state of one participation's follow-up. */
enum followup_state {
	FU_NOT_ENDED, /* not ended (or an erroneous registration) */
	FU_NOT_YET,   /* ended; the window opens later */
	FU_DUE,       /* the window is open: remind */
	FU_OVERDUE,   /* past the grace: remind, as late */
	FU_CLOSED,    /* the window has closed, not recorded */
	FU_DONE,      /* recorded */
	FU__MAX
};

/* "Inte avslutad", "Inte ännu", "Dags", "Försenad", "Gjordes inte",
 * "Gjord". Static. */
const char *followup_state_label(enum followup_state);

/* YYYYMMDD + n calendar months, clamped to the month's last day. */
long long followup_add_months(long long ymd, int months);

/* The due date of a participation that ended on end_ymd (YYYYMMDD). */
long long followup_due(long long end_ymd);

/*
 * The state: ended (status avslutad) on end_ymd, recorded or not, on day
 * today (all YYYYMMDD).
 */
enum followup_state followup_state(
    int ended, long long end_ymd, int recorded, long long today);

/* 1 when the staff are reminded in state s (due or overdue). */
int followup_reminded(enum followup_state);

/* The due dates reminded on day today: [*from, *to] (YYYYMMDD), so that
 * due in it <=> followup_reminded(followup_state(1, end, 0, today)). */
void followup_reminder_window(long long today, long long *from, long long *to);

/*
 * May the follow-up be recorded (or corrected) in state s? NULL when it
 * may, else the Swedish reason, with the dates of end_ymd's window (arena,
 * or static when the arena is full).
 */
const char *followup_refusal(
    struct arena *, enum followup_state s, long long end_ymd);

/* ---- the record ---- */

/* The stored follow-up of a participation. */
struct followup_record {
	long long version;      /* 0: none recorded */
	struct str situation;   /* name, "" when none */
	struct str date;        /* "ÅÅÅÅ-MM-DD", "" when none */
	struct str recorded_by; /* the staff member's name */
	struct str outcome;     /* the end reason's outcome, "" when none */
	int tablet;             /* the participant answered it on the tablet */
};
extern const struct db_record followup_record_record;

/* The follow-up of participation_id into *out (version 0 and "" when none
 * is recorded), with the end reason's outcome. Arena. APP_E* from the database. No access check: the
 * caller has loaded the participation through pv_load(). */
enum app_err followup_load(
    struct req *, long long participation_id, struct followup_record *out);

/* A save: the chosen situation and the version the form was read at (0:
 * none was recorded then). */
struct followup_input {
	enum followup_situation situation;
	long long version;
};

struct followup_outcome {
	enum edit_result result;
	int changed;         /* EDIT_SAVED: something was written */
	const char *refused; /* EDIT_REFUSED: the Swedish reason */
};

/* Record or correct the follow-up of p (the caller is its insats staff,
 * pv_load()) as in the header comment. APP_OK with *out; APP_E* with
 * nothing written. */
enum app_err followup_save(struct req *, const struct participation *p,
    const struct followup_input *, struct followup_outcome *out);

/* A participation whose follow-up the staff are reminded of. */
struct followup_due_row {
	long long id;
	struct str first_name, last_name, insats, end_date, due_date;
	int overdue; /* past the grace */
};
extern const struct db_record followup_due_row_record;

/* The reminders of staff_id's insatser today, the oldest due first, at
 * most 200. Arena. */
enum app_err followup_due_list(struct req *, long long staff_id,
    struct followup_due_row **rows, size_t *n);

/* ---- answered by the participant on the questionnaire tablet ----
 *
 * The follow-up questionnaire (QUEST_FOLLOWUP_CODE, quest_state.h: one
 * single choice "situation", the five situations by their names) has the
 * measurement "uppfoljning". The staff open a code for it on the
 * participation page only while the follow-up is open (due or overdue)
 * and not recorded; when the participant sends the answer, it is recorded
 * as the follow-up, by the staff member who opened the code, in the same
 * transaction as the send (quest_response_send()), with a change_history
 * row and an audit row as a staff save has. A record that is already there
 * (the staff's, made meanwhile) wins: the answer is kept as a questionnaire
 * response and nothing else changes. The send happens once (the code is
 * consumed), so the follow-up is never written twice.
 */

#define FOLLOWUP_MSG_TABLET_RECORDED                                             \
	"Uppföljningen är redan registrerad. Den registreringen gäller, så " \
	"den görs inte på surfplattan."

/* Why a code for the follow-up questionnaire cannot be opened in state s
 * (NULL when it can: due or overdue, not recorded): recorded already
 * (FOLLOWUP_MSG_TABLET_RECORDED), or followup_refusal()'s reason. */
const char *followup_tablet_refusal(
    struct arena *, enum followup_state s, long long end_ymd);

/* Does a sent answer record the follow-up? In state s (due or overdue, so
 * not recorded), with a situation answered (not FU_SIT__MAX) and a staff
 * member to record it (staff_id > 0). */
int followup_tablet_writes(enum followup_state s,
    enum followup_situation answered, long long staff_id);

/* followup_tablet_refusal() for participation_id today, read from the
 * database (no lock): *refused NULL when a code may be opened. Arena. */
enum app_err followup_tablet_check(
    struct req *, long long participation_id, const char **refused);

/* In the caller's transaction (the send of the response response_id with
 * code code_id, before the code is deleted): record the answer as the
 * follow-up of participation_id when followup_tablet_writes() says so;
 * *written says whether it did. APP_E* from the database (the caller rolls
 * back). */
enum app_err followup_from_tablet(struct req *, long long participation_id,
    long long response_id, long long code_id, int *written);

#endif /* !FOLLOWUP_H */
