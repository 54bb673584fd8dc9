/*
 * quest_code.h: the one-time codes that open a questionnaire: eight digits
 * typed on a tablet, or a personal link (sql/0009, 0014).
 *
 * A code is stored only as its hash. A device that uses it is bound to it
 * by the hash of a random token in the device's cookie (the caller's: see
 * include/kiosk.h); while the device is seen within the idle time of the
 * code's kind it holds the code and no other device may use it. Sending
 * the response deletes the code, so nothing links the two afterwards.
 *
 * Strings in records are arena (valid until the request ends).
 */
#ifndef QUEST_CODE_H
#define QUEST_CODE_H

#include <stddef.h>

#include "app.h"
#include "db.h"
#include "quest_state.h"
#include "str.h"

struct arena;
struct quest_info;
struct req;

/* A code row with its questionnaire's anonymity (SQL_QUEST_CODE_BY_HASH,
 * _BY_HASH_LOCK, _BY_DEVICE). */
struct quest_code {
	long long id;
	struct str kind_name;
	long long questionnaire_id;
	long long response_id;      /* linked: its response once made; else 0 */
	long long participation_id; /* linked; else 0 */
	struct str measurement_name;
	long long insats_id; /* where it was opened; 0 for a link */
	int expired;
	int held; /* a device seen within the idle time of its kind holds it */
	struct str language; /* anonymous: the language chosen; "" before */
	long long sitting;   /* anonymous: times the code was used */
	struct str anonymity_name;
	/* From the names, by the loaders: */
	enum quest_code_kind kind;
	enum quest_measurement measurement;
	enum quest_anonymity anonymity;
};
extern const struct db_record quest_code_record;

/* An open (unexpired) code of a participation (SQL_QUEST_CODES_OPEN). */
struct quest_code_open {
	long long id;
	struct str measurement_name;
	struct str expires; /* YYYY-MM-DD, the Swedish day */
	int held;           /* a tablet seen within the idle time holds it */
	enum quest_measurement measurement;
};

/* The code held by the device whose token hash is dev (32 bytes), fresh
 * or not; *found 0 when none. */
enum app_err quest_code_by_device(struct db *, struct arena *, struct str dev,
    struct quest_code *out, int *found);

/* The code whose hash (of the code or link token) is hash; *found 0 when
 * none. */
enum app_err quest_code_by_hash(struct db *, struct arena *, struct str hash,
    struct quest_code *out, int *found);

/* The device is seen now (its code's idle time starts again). */
enum app_err quest_code_touch(struct db *, struct arena *, long long code_id);

/* The device dev lets go of whatever code it held (lock screen, idle);
 * the answers stay with the code. */
enum app_err quest_code_unbind(struct db *, struct arena *, struct str dev);

/* Staff let go of participation_id's open code code_id for the tablet
 * that holds it (lost or broken), so the participant can go on at once on
 * another instead of waiting QUEST_IDLE_SECONDS; the answers stay with the
 * code. *released is 1 when a device held it. */
enum app_err quest_code_release(struct db *, struct arena *, long long code_id,
    long long participation_id, int *released);

/*
 * Staff let go of an anonymous questionnaire's code for the tablet that
 * holds it, the code typed as the staff have it (typed: blanks allowed,
 * quest_code_digits()): nothing links an anonymous code to a
 * participation, so the code itself is what names it, and only within the
 * insats insats_id the staff work in (the participation page's). The
 * answers stay with the code. *released 1 when a tablet held it; 0 for a
 * code that is not one (also not of that insats, or linked, or expired:
 * the same answer, so the form says nothing about codes it did not name);
 * *shape_ok 0 when typed is not eight digits (nothing looked up).
 */
enum app_err quest_code_release_anonymous(struct db *, struct arena *,
    struct str typed, long long insats_id, int *shape_ok, int *released);

/* The language of an anonymous questionnaire being answered. */
enum app_err quest_code_set_lang(
    struct db *, struct arena *, long long code_id, struct str lang);

/*
 * Use a code: the device whose new token hashes to dev starts answering
 * with the code whose hash is hash, of kind want. old_dev is the hash of
 * the token the device had before ({NULL, 0}: none), which may hold the
 * code already. In one transaction, with the code's row locked so two
 * devices using it at once get one winner: the code is checked
 * (quest_code_check()); a linked questionnaire gets its response on first
 * use (random id); a linked response and an anonymous code start a new
 * sitting; the code is bound to dev, with a screen row (saves 0) for each
 * item it has none for (quest_sheet_save()). On APP_OK *check says whether it was
 * used (QCHECK_OK: *out is the code as bound, its response_id set and
 * language the one chosen so far) or why not (nothing changed).
 */
enum app_err quest_code_use(struct db *, struct arena *, struct str hash,
    enum quest_code_kind want, struct str old_dev, struct str dev,
    struct quest_code *out, enum quest_code_check *check);

/*
 * A new code of questionnaire qid: 8 digits for a tablet, 64 hex
 * characters for a link, valid QUEST_CODE_MINUTES or QUEST_LINK_MINUTES.
 * resp_id, participation_id, insats_id 0 and measurement QMEAS_NONE for
 * none; created_by: the staff member who opens a participation's code, 0
 * for none (a link). The code itself is returned once in *code (arena);
 * only its hash is stored. Runs in the caller's transaction if there is
 * one.
 */
enum app_err quest_code_create(struct db *, struct arena *,
    enum quest_code_kind kind, long long qid, long long resp_id,
    long long participation_id, enum quest_measurement measurement,
    long long insats_id, long long created_by, struct str *code);

/*
 * One code for a participation's questionnaire, as the staff open it
 * (POST /deltagande/:id/enkat), in one transaction: a linked
 * questionnaire's older codes for the same measurement go (one code per
 * measurement; resp_id is the measurement's response so far, 0 for none),
 * long-expired codes are swept, the new code is made (with the caller as
 * its created_by) and the access log says who made it (for a linked questionnaire with the person's
 * personnummer; an anonymous one names only the insats).
 */
enum app_err quest_code_open_for(struct req *, const struct quest_info *def,
    long long participation_id, struct str personnummer, long long insats_id,
    enum quest_measurement measurement, long long resp_id, struct str *code);

/*
 * n personal links to questionnaire qid, with one audit row, in the
 * caller's transaction (with the form's one-time key, page_create.h).
 * *tokens gets n tokens (arena), shown once.
 */
enum app_err quest_code_links(
    struct req *, long long qid, long long n, struct str **tokens);

/*
 * A typed code is counted before it is looked at: the attempt is written
 * (and committed) first, then counted, so parallel guesses each see the
 * others and no more than QUEST_FAIL_MAX get through in the window. addr
 * counts per address, an IPv6 one per /64 (quest_addr_key()). *too_many
 * when this address or all addresses are over their limits
 * (quest_code_attempts_over()). *id is the attempt's row, for
 * quest_code_attempt_forget().
 */
enum app_err quest_code_attempt(
    struct db *, struct arena *, struct str addr, long long *id, int *too_many);

/* The attempt id was not a wrong code: it is not counted. */
enum app_err quest_code_attempt_forget(
    struct db *, struct arena *, long long id);

/* The hash of a code or a device token: BLAKE2b-256, 32 bytes (arena);
 * {NULL, 0} when the arena is full. */
struct str quest_code_hash(struct arena *, struct str token);

#endif /* !QUEST_CODE_H */
