/*
 * quest_response.h: a questionnaire response and its answers: where the
 * answers being given live, saving one screen's answers, and sending.
 *
 * A linked questionnaire's answers live on its response (made when its
 * code is first used, include/quest_code.h); an anonymous one's in the
 * draft keyed by the code, moved to a response with a random id only at
 * sending (sql/0014). Either way each answer records the sitting it was
 * given in: the code's (anonymous) or the response's (linked, as a new
 * code for the same measurement resumes the same response), and a screen
 * shows only the answers of its own sitting (sql/0016).
 *
 * Strings in records are arena (valid until the request ends).
 */
#ifndef QUEST_RESPONSE_H
#define QUEST_RESPONSE_H

#include <stddef.h>

#include "app.h"
#include "db.h"
#include "quest_state.h"
#include "str.h"

struct arena;
struct kv_list;
struct quest_code;
struct quest_item_rec;
struct quest_option_rec;
struct req;

/* A response (SQL_QUEST_RESP_GET). */
struct quest_response {
	long long questionnaire_id;
	struct str language;
	struct str status_name;
	struct str anonymity_name;
	long long sitting;
	enum quest_status status; /* from status_name */
};
extern const struct db_record quest_response_record;

/* The response of a linked measurement (SQL_QUEST_RESP_FIND_LINKED). */
struct quest_response_ref {
	long long id;
	struct str status_name;
	enum quest_status status;
};
extern const struct db_record quest_response_ref_record;

/* A participation's responses, for its page
 * (SQL_QUEST_RESP_FOR_PARTICIPATION). */
struct quest_response_brief {
	struct str code; /* the questionnaire's code */
	struct str measurement_name;
	struct str status_name;
	struct str submitted; /* YYYY-MM-DD (Swedish day), "" before */
	enum quest_measurement measurement;
	enum quest_status status;
};
extern const struct db_record quest_response_brief_record;

/* One stored answer row (SQL_QUEST_ANSWERS, SQL_QUEST_DRAFT_ANSWERS). */
struct quest_answer {
	long long value_int; /* when has_int */
	int has_int;
	struct str value_text;
	struct str special_name;
};
extern const struct db_record quest_answer_record;

/* The participation a code is opened for (SQL_QUEST_PARTICIPATION). */
struct quest_participation {
	long long insats_id;
	struct str personnummer;
	struct str status;
};
extern const struct db_record quest_participation_record;

/* Where the answers being given live. */
struct quest_sheet {
	int draft;       /* anonymous: the draft keyed by the code */
	long long owner; /* the code's id (draft) or the response's */
	long long sitting;
};

enum app_err quest_response_get(struct db *, struct arena *, long long id,
    struct quest_response *out, int *found);

/* The response so far of a participation's linked measurement of the
 * questionnaire qid (any version of its code); *found 0 when none. */
enum app_err quest_response_find_linked(struct db *, struct arena *,
    long long participation_id, enum quest_measurement m, long long qid,
    struct quest_response_ref *out, int *found);

/* The participation id (insats, personnummer); *found 0 when none. */
enum app_err quest_participation_get(struct db *, struct arena *, long long id,
    struct quest_participation *out, int *found);

/* A response id (random, quest_random_id()) of the questionnaire of
 * code code_id (locked by the caller), being answered in lang: the code's
 * participation, measurement and insats, and its owner: the insats's
 * förbund, else the code's (sql/0072). Not the request's: a tablet has
 * none. Runs in the caller's transaction; APP_EDB when the code is gone. */
enum app_err quest_response_insert(struct db *, struct arena *, long long id,
    long long code_id, struct str lang);

/* A linked response's code was used: a new sitting. */
enum app_err quest_response_new_sitting(
    struct db *, struct arena *, long long id);

/* The language chosen for a linked response. */
enum app_err quest_response_set_lang(
    struct db *, struct arena *, long long id, struct str lang);

/* The answers to item given in the sheet's sitting (another device or a
 * later sitting sees none). */
enum app_err quest_sheet_answers(struct db *, struct arena *,
    const struct quest_sheet *, long long item, struct quest_answer **out,
    size_t *n);

/* Items answered so far, in any sitting. */
enum app_err quest_sheet_answered(
    struct db *, struct arena *, const struct quest_sheet *, long long *n);

/* The position of the first item of qid without an answer in any
 * sitting; 0 when every item has one. */
enum app_err quest_sheet_first_unanswered(struct db *, struct arena *,
    const struct quest_sheet *, long long qid, long long *pos);

/* ---- Answering: the rules of one screen (pure) ------------------------ */

/* One answer row to store. */
struct quest_answer_row {
	long long vint; /* -1: NULL */
	struct str vtext;
	enum quest_special special;
};

/* At most this many rows for one item (options chosen). */
#define QUEST_ANSWER_ROWS 32

/* What the screen shows as the answer: stored, or typed (after an
 * error). */
struct quest_shown {
	long long ints[QUEST_ANSWER_ROWS]; /* chosen values / options */
	size_t nints;
	struct str text; /* fritext, or the VAS number as typed */
	enum quest_special special;
};

/* 1 when v is among the shown values. */
int quest_shown_has(const struct quest_shown *, long long v);

/* What the stored answers of an item (of kind) show: the values, the
 * text or VAS number, the special answer. The VAS number is formatted in
 * the arena. */
void quest_shown_from_answers(struct arena *, enum quest_kind kind,
    const struct quest_answer *ans, size_t n, struct quest_shown *sh);

/*
 * The rows a screen's form gives for item (the "svar" and "special"
 * fields of form; none: nothing given), into rows (QUEST_ANSWER_ROWS) and
 * *nrows. 0 when the input does not fit the item: a value out of range, an
 * option that does not exist, two values for one, a special answer the
 * item does not allow, a text over its limit. sh gets what to show again
 * on an error. Texts are stored and shown with LF line breaks (arena).
 */
int quest_answer_parse(struct arena *, const struct quest_item_rec *item,
    const struct quest_option_rec *opts, size_t nopts,
    const struct kv_list *form, struct quest_answer_row *rows, size_t *nrows,
    struct quest_shown *sh);

/* 1 when item is a free text and svar (the posted answer, may be NULL) is
 * over its limit, in characters as every limit counts them. */
int quest_text_too_long(
    const struct quest_item_rec *item, const struct str *svar);

/* A screen's button ("ga"). */
enum quest_go {
	QGO_NEXT,
	QGO_SKIP, /* "hoppa" */
	QGO_BACK, /* "tillbaka" */
};

/* The button the form names (NULL or another value: next). */
enum quest_go quest_go_from_form(const struct str *ga);

/* What saving a screen does. */
enum quest_step {
	QSTEP_ERROR,    /* the answer does not fit: shown again, 400 */
	QSTEP_TOO_LONG, /* a text over its limit: shown again, 400 */
	QSTEP_KEEP,     /* nothing written */
	QSTEP_SKIP,     /* the item's answers go (every sitting) */
	QSTEP_REPLACE,  /* the item's answers go, the rows given are stored */
	QSTEP_CLEAR,    /* the item's answers of this sitting go */
};

/*
 * The rule of a screen: go, whether the screen was shown (the hidden
 * "visad"), whether the input parsed (with nrows rows) and, when it did
 * not, whether it is a text over its limit.
 *   - A text over its limit comes back with everything typed, even on
 *     "back": it is never dropped unsaid.
 *   - Other input that does not fit: back keeps what is stored, else the
 *     screen comes back with an error.
 *   - Skipping removes the answer; answers given replace it.
 *   - A text, number or set of boxes left empty on a screen that was
 *     shown clears this sitting's answer (one given earlier was not shown,
 *     so an empty screen did not clear it); radios are cleared only by
 *     skipping; going back with nothing given keeps what is stored.
 */
enum quest_step quest_step_decide(enum quest_kind kind, enum quest_go go,
    int shown, int parsed, int too_long, size_t nrows);

/* ---- The key of a screen ---------------------------------------------- */

/*
 * A screen is rendered with its key (the form's "nyckel"): how many times
 * its item has been saved with the code (sql/0026). Saving replaces the
 * item's answers whole, so a form sent twice never makes two answers; the
 * key stops a form sent again later (a reload, a retry whose first try
 * arrived, back/forward) from putting an older answer back over a newer
 * one: a save whose key is no longer the item's count writes nothing.
 */
#define QUEST_KEY_NONE (-1LL) /* no key sent: saved unchecked */

/* The key the form names (s may be NULL: QUEST_KEY_NONE) into *key; 0
 * when s is not a key (digits, at most 9). */
int quest_key_from_form(const struct str *s, long long *key);

/* 1 when a save with key given may write, the item's count being
 * current: no key, or the same. */
int quest_key_current(long long given, long long current);

/*
 * What a key says of a save, the item's count being current:
 *   - QKEY_CURRENT: no key, or the same: it writes. A form without a key
 *     (QUEST_KEY_NONE: a page rendered before keys, sql/0026, still open
 *     on a tablet) is still taken, unchecked: the last one sent wins, as
 *     before keys; every screen rendered since carries one.
 *   - QKEY_STALE: a key we gave that is behind: the form was shown before
 *     the item's last save (a retry whose first try arrived, a reload,
 *     back/forward). It writes nothing (quest_rows_same() decides what
 *     the participant is told).
 *   - QKEY_UNKNOWN: ahead of the count: a key we never gave (400).
 */
enum quest_key_state {
	QKEY_CURRENT,
	QKEY_STALE,
	QKEY_UNKNOWN,
};
enum quest_key_state quest_key_judge(long long given, long long current);

/*
 * 1 when the rows a stale form gives (none: a skip or an emptied screen)
 * are what is stored for the item in this sitting (ans, n; any order):
 * the form's first try arrived, so going on as it did loses nothing. 0
 * when they differ: the participant chose again after the answer shown
 * was saved, and is shown the stored answer to decide again.
 */
int quest_rows_same(const struct quest_answer_row *rows, size_t nrows,
    const struct quest_answer *ans, size_t n);

/* The key of item's screen with code code_id (0 before its first save). */
enum app_err quest_screen_key(struct db *, struct arena *, long long code_id,
    long long item, long long *key);

/* ---- Transitions ------------------------------------------------------ */

/* What saving a screen came to. */
enum quest_saved {
	QSAVED_DONE,     /* stored (or nothing to store) */
	QSAVED_STALE,    /* the key was behind and the form gives what is
	                  * stored: nothing written, go on */
	QSAVED_CHANGED,  /* the key was behind and the form gives another
	                  * answer than the one stored: nothing written, the
	                  * screen comes back with the stored one (409) */
	QSAVED_UNKNOWN,  /* a key we never gave: nothing written (400) */
	QSAVED_NOT_HELD, /* the device no longer holds the code: nothing
	                  * written */
};

/* One screen's save (quest_sheet_save()). Borrowed. */
struct quest_save {
	long long code_id;  /* the code being answered */
	struct str dev;     /* the device that must hold it */
	long long item;     /* the item's id */
	int multi;          /* a flerval item: a row per option chosen,
	                      * rows[].vint their positions (or one special) */
	long long key;      /* the form's (QUEST_KEY_NONE: none) */
	long long key_read; /* the screen's key as read before the save,
	                      * without a lock (kiosk_enter_save()) */
	enum quest_step step;
	const struct quest_answer_row *rows;
	size_t nrows;
};

/*
 * Store a screen's step (QSTEP_SKIP, _REPLACE, _CLEAR; nothing for the
 * others) for sv's item in one transaction, while the device still holds
 * the code and it is not being sent (the send locks the code row too and
 * deletes it), and the key is current (quest_key_judge()); a write
 * counts one more save of the item with the code. A key behind is
 * compared with the stored answer in the same transaction
 * (quest_rows_same()). Whatever the step, the device is marked seen
 * while it holds the code. *out says which.
 *
 * In statements: the code row is locked, marked seen and the screen
 * counted in one UPDATE that changes nothing unless the device holds the
 * code and the key is current against the screen row it locks; then the
 * answer goes over the stored rows in one statement (a flerval answer
 * with fewer rows than stored: one more for the rest): START, claim,
 * answer, COMMIT. Otherwise (key_read already says the key is not
 * current, the claim changed nothing, or the code has no screen row:
 * taken before sql/0050) the locked path decides, as before the claim.
 */
enum app_err quest_sheet_save(struct db *, struct arena *,
    const struct quest_sheet *, const struct quest_save *sv,
    enum quest_saved *out);

/*
 * Send the response being answered with code c on the device dev, in one
 * transaction: an anonymous one only now becomes a response (a random
 * id, the date only, in language lang) with the draft's answers; the
 * response is marked sent with its background copied; the code is
 * deleted (with its draft), so nothing links the response to it; a
 * linked one is written to the access log; the follow-up questionnaire's
 * answer records the follow-up (followup_from_tablet()). *sent 0 when the device no
 * longer holds the code (sent already, a parallel send won): nothing
 * changed.
 */
enum app_err quest_response_send(struct req *, const struct quest_code *c,
    struct str dev, struct str lang, int *sent);

#endif /* !QUEST_RESPONSE_H */
