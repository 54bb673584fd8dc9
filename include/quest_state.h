/*
 * quest_state.h: the questionnaires' states and the rules over them, once.
 *
 * Every state a questionnaire, a response or a code can be in is an enum
 * here with its name (the database's ENUM value) and, where the staff see
 * it, its Swedish label. The rules that decide what may happen (open a
 * code for a measurement, use a code on a device, make personal links) are
 * pure functions over those states that return a refusal reason; handlers
 * call them and translate the answer into a page. No I/O: unit-tested in
 * tests/unit/test_quest.c.
 *
 * The *_from_name() functions return the __MAX value for a name they do
 * not know (never the case for a value read from its ENUM column). Names
 * and labels are static strings.
 */
#ifndef QUEST_STATE_H
#define QUEST_STATE_H

#include <stddef.h>

#include "quest_xml.h"
#include "str.h"

/* questionnaire.anonymity */
enum quest_anonymity {
	QANON_ANONYM,  /* answers tied to nobody */
	QANON_KOPPLAD, /* tied to a participation: start and end measurement */
	QANON__MAX
};

/* questionnaire.respondent_group */
enum quest_group {
	QGROUP_DELTAGARE_PAGAENDE,
	QGROUP_DELTAGARE_AVSLUT,
	QGROUP_DELTAGARE,
	QGROUP_INSATSPERSONAL,
	QGROUP_REMITTENT,
	QGROUP_CHEFER,
	QGROUP_STYRELSE,
	QGROUP__MAX
};

/* questionnaire_response.measurement, questionnaire_code.measurement */
enum quest_measurement {
	QMEAS_NONE, /* NULL: an anonymous questionnaire, a personal link */
	QMEAS_START,
	QMEAS_SLUT,
	QMEAS_UPPFOLJNING, /* six months after the end (followup.h) */
	QMEAS__MAX
};

/* The code of the follow-up questionnaire
 * (conf/questionnaires/uppfoljning_6_manader.xml): its only measurement is
 * QMEAS_UPPFOLJNING, and a sent answer records the follow-up
 * (followup_from_tablet()). */
#define QUEST_FOLLOWUP_CODE "uppfoljning_6_manader"

/* questionnaire_response.status */
enum quest_status {
	QSTATUS_PAGAENDE,  /* being answered (only a linked one has a row) */
	QSTATUS_INSKICKAD, /* sent: never changed again */
	QSTATUS__MAX
};

/* questionnaire_code.kind */
enum quest_code_kind {
	QCODE_SURFPLATTA, /* eight digits typed on a tablet */
	QCODE_LANK,       /* a personal link */
	QCODE__MAX
};

/* questionnaire_answer.special: instead of a value */
enum quest_special {
	QSPECIAL_NONE,
	QSPECIAL_VET_EJ,
	QSPECIAL_EJ_AKTUELLT,
	QSPECIAL__MAX
};

/* A linked measurement of a participation as the staff see it. */
enum quest_meas_state {
	QMSTATE_EJ_BESVARAD,
	QMSTATE_KOD_UTLAMNAD, /* a code is out, nothing answered yet */
	QMSTATE_PABORJAD,
	QMSTATE_BESVARAD,
	QMSTATE__MAX
};

const char *quest_anonymity_name(enum quest_anonymity);
enum quest_anonymity quest_anonymity_from_name(struct str);

const char *quest_group_name(enum quest_group);
enum quest_group quest_group_from_name(struct str);
/* 1 for the participants' groups (answered on a tablet, opened by the
 * insats staff for a participation), 0 for the others (personal links). */
int quest_group_is_participants(enum quest_group);

/* "" for QMEAS_NONE. */
const char *quest_measurement_name(enum quest_measurement);
enum quest_measurement quest_measurement_from_name(struct str);
/* "Startmätning", "Slutmätning", "Uppföljning 6 månader"; "" for
 * QMEAS_NONE. */
const char *quest_measurement_label(enum quest_measurement);

/*
 * The measurements of a linked questionnaire with code `code`, in the
 * order the staff see them, into out (room for 2); returns how many. The
 * follow-up questionnaire (QUEST_FOLLOWUP_CODE) has QMEAS_UPPFOLJNING
 * only, every other one QMEAS_START and QMEAS_SLUT.
 */
size_t quest_measurements_of(struct str code, enum quest_measurement out[2]);

/* 1 when measurement m is one of quest_measurements_of(code). */
int quest_measurement_fits(struct str code, enum quest_measurement m);

const char *quest_status_name(enum quest_status);
enum quest_status quest_status_from_name(struct str);

const char *quest_code_kind_name(enum quest_code_kind);
enum quest_code_kind quest_code_kind_from_name(struct str);

/* "" for QSPECIAL_NONE ("" reads as QSPECIAL_NONE too). */
const char *quest_special_name(enum quest_special);
enum quest_special quest_special_from_name(struct str);

/* The item kind stored as name ("skala"), QK__MAX when unknown. */
enum quest_kind quest_kind_from_name(struct str);

/* "Ej besvarad", "Kod utlämnad, ej besvarad", "Påbörjad", "Besvarad". */
const char *quest_meas_state_label(enum quest_meas_state);

/*
 * The state of one linked measurement: its response (has_response, with
 * its status) and whether an unexpired code for it is out. Only a
 * measurement without a response shows the code.
 */
enum quest_meas_state quest_meas_state(
    int has_response, enum quest_status status, int code_open);

/* 1 when a measurement in state s can be opened (given a new code): any
 * state but answered. */
int quest_meas_can_open(enum quest_meas_state s);

/* ---- Opening a questionnaire for a participation (the staff) --------- */

/* What the staff's request for a code gets instead, and why. */
enum quest_open_refusal {
	QOPEN_OK,
	QOPEN_NO_DEF,         /* no such definition, inactive or not for
	                       * participants */
	QOPEN_NO_MEASUREMENT, /* a linked one needs one of its measurements */
	QOPEN_ANSWERED,       /* the measurement was sent already */
	QOPEN__MAX
};

/* The definition part of quest_open_check(): found, active and for
 * participants. */
int quest_open_def_ok(int def_found, int active, enum quest_group group);

/*
 * May a code be opened? def_found with its group and active flag;
 * linked questionnaires need one of their measurements
 * (quest_measurement_fits(code, measurement); QMEAS_NONE or __MAX: none
 * given or not one we know); has_response with its status: the
 * measurement's response so far. An anonymous questionnaire ignores
 * measurement.
 */
enum quest_open_refusal quest_open_check(int def_found, int active,
    enum quest_group group, enum quest_anonymity anonymity, struct str code,
    enum quest_measurement measurement, int has_response,
    enum quest_status status);

/* The Swedish reason for a refusal; NULL for QOPEN_OK. */
const char *quest_open_refusal_text(enum quest_open_refusal);

/* May personal links be made for a definition: only the active version
 * of one not answered by participants. */
int quest_links_allowed(int active, enum quest_group group);

/* ---- Using a code on a device --------------------------------------- */

enum quest_code_check {
	QCHECK_OK,
	QCHECK_UNKNOWN, /* no such code, or not of the kind typed */
	QCHECK_EXPIRED,
	QCHECK_BUSY, /* held by another device seen within its idle time */
	QCHECK__MAX
};

/*
 * May a device start answering with a code? found: the code exists, with
 * its kind, expiry and whether a device seen lately holds it (held); want:
 * the kind the device used (typed digits or a link); mine: the holder is
 * this very device (its cookie names the code).
 */
enum quest_code_check quest_code_check(int found, enum quest_code_kind kind,
    enum quest_code_kind want, int expired, int held, int mine);

/* The Swedish message for a refusal of a code of kind want (a link does
 * not tell an expired link from an unknown one); NULL for QCHECK_OK. */
const char *quest_code_check_text(
    enum quest_code_check, enum quest_code_kind want);

/*
 * Does a device still hold the code its cookie names? Seen within the
 * idle time of its kind (held), not expired, and a linked questionnaire's
 * response made. Otherwise the device lets go (the answers stay).
 */
int quest_code_live(int held, int expired, enum quest_anonymity anonymity,
    long long response_id);

/* Too many wrong codes: mine from this address (or /64) in the window,
 * all from anywhere in the last minute (app_limits.h QUEST_FAIL_*). */
int quest_code_attempts_over(long long mine, long long all);

/* The typed code as 8 ASCII digits into out (NUL-terminated): blanks and
 * dashes are dropped, Arabic-Indic and Persian digits read as digits.
 * 0 when it is not 8 digits. */
int quest_code_digits(struct str in, char out[9]);

/* 1 when s has the shape of a personal link's token: 64 lowercase hex. */
int quest_link_token_ok(struct str s);

#define QUEST_MSG_CODE_BAD                                                     \
	"Koden finns inte. Kontrollera siffrorna eller be personalen om en ny kod."
#define QUEST_MSG_CODE_OLD "Koden har gått ut. Be personalen om en ny kod."
#define QUEST_MSG_CODE_BUSY                                                    \
	"Koden används just nu på en annan surfplatta. Avsluta där, eller vänta några minuter och försök igen."
#define QUEST_MSG_CODE_SHAPE "Skriv koden med åtta siffror."
#define QUEST_MSG_CODE_MANY                                                    \
	"För många felaktiga koder. Vänta en stund och försök igen."
#define QUEST_MSG_LINK_BAD                                                     \
	"Länken gäller inte. Den kan ha använts eller gått ut."
#define QUEST_MSG_LINKS_NOT_ALLOWED                                                  \
	"Personliga länkar görs bara för den aktiva versionen av en enkät till " \
	"personal, remittenter, chefer eller styrelse."
#define QUEST_MSG_LINKS_SENT_AGAIN                                             \
	"Länkarna skapades när formuläret skickades första gången och "   \
	"visades då. De visas inte igen: skapa nya om ingen fick dem."
#define QUEST_MSG_LINKS_COUNT "Ange hur många länkar som behövs (1 till 200)."

#endif /* !QUEST_STATE_H */
