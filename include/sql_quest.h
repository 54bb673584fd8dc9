/*
 * sql_quest.h: the statements of the questionnaires (app/quest.c,
 * app/quest_code.c, app/quest_response.c, app/demo_quest.c,
 * `stegvis questionnaire-import`). Parameters in brackets, result columns
 * after the arrow; "" for NULL. A statement that returns rows declares the
 * record they fill (a struct of quest.h, quest_code.h or quest_response.h;
 * "n" is struct quest_number). The kiosk's statements never return
 * anything of a respondent but through the response id its own device
 * holds.
 */
#ifndef SQL_QUEST_H
#define SQL_QUEST_H

#include "db.h"

/* The participation page's questionnaires, as three branches of a bare
 * UNION ALL whose kinds are k0, k1 and k2 (strings): the page's lists
 * statement (SQL_PARTICIPATION_ITEMS, sql_participation.c) reads them in
 * its round trip, and quest_panel_from_rows() (quest_panel.h) orders and
 * decodes them. Columns: kind, n the id, o2 the version, a..f binary
 * strings. k0, the active definitions for participants (n id, o2
 * version, a code, b title, c respondent_group, d anonymity, e
 * default_lang, f active); k1, the participation's responses (n the
 * questionnaire version's id, a questionnaire code, b measurement, c
 * status, d submitted date); k2, its open codes (n id; a measurement, b
 * expires date, f 1 when a device seen within the idle time holds it).
 * Parameters: participation, idle seconds of a link, of a tablet,
 * participation. */
#define QUEST_SQL_PANEL_ITEMS(k0, k1, k2)                                      \
	"SELECT " k0 ", id, version, CAST(code AS BINARY), "                   \
	"CAST(title AS BINARY), CAST(respondent_group AS BINARY), "            \
	"CAST(anonymity AS BINARY), CAST(default_lang AS BINARY), "            \
	"CAST(is_active AS BINARY) FROM questionnaire "                        \
	"WHERE is_active = 1 AND forbund_id = :forbund "                       \
	"AND respondent_group IN "                                             \
	"('deltagare', 'deltagare_pagaende', 'deltagare_avslut') "             \
	"UNION ALL SELECT " k1 ", r.questionnaire_id, 0, "                     \
	"CAST(q.code AS BINARY), CAST(IFNULL(r.measurement, '') AS BINARY), "  \
	"CAST(r.status AS BINARY), CAST(IFNULL(DATE_FORMAT(r.submitted_at, "   \
	"'%Y-%m-%d %H:%i'), '') AS BINARY), '', '0' "                          \
	"FROM questionnaire_response r "                                       \
	"JOIN questionnaire q ON q.id = r.questionnaire_id "                   \
	"WHERE r.participation_id = ? "                                        \
	"UNION ALL SELECT " k2 ", id, 0, "                                     \
	"CAST(IFNULL(measurement, '') AS BINARY), "                            \
	"CAST(DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i') AS BINARY), "          \
	"'', '', '', CAST((device_hash IS NOT NULL AND device_seen_at > "      \
	"UTC_TIMESTAMP() - INTERVAL IF(kind = 'lank', ?, ?) SECOND) "          \
	"AS BINARY) FROM questionnaire_code WHERE participation_id = ? "       \
	"AND expires_at > UTC_TIMESTAMP()"

enum sql_quest {
	/* The definitions are the request's förbund's (sql/0075): every
	 * statement on one by code or id names :forbund, so one förbund's
	 * import or activation never touches another's. */
	/* (hash, code, version) -> struct quest_stored */
	SQL_QUEST_DEF_FIND,
	/* (code) -> n: highest version loaded, 0 when none */
	SQL_QUEST_DEF_MAX_VERSION,
	/* (code, version, title, respondents, anonymity, default lang,
	 * example, xml, hash, imported by) */
	SQL_QUEST_DEF_INSERT,
	/* (code): no version of it is active */
	SQL_QUEST_DEF_DEACTIVATE,
	/* (id): this version is active */
	SQL_QUEST_DEF_ACTIVATE,
	/* (questionnaire, lang, position, name, dir) */
	SQL_QUEST_LANG_INSERT,
	/* (questionnaire, item code, section, position, kind, min, max,
	 * vet ej, ej aktuellt, max length, is background, background, text) */
	SQL_QUEST_ITEM_INSERT,
	/* (item, position, value, text) */
	SQL_QUEST_OPTION_INSERT,
	/* (questionnaire, ref, lang, text) */
	SQL_QUEST_TEXT_INSERT,
	/* () -> struct quest_info_row: id, code, version, title,
	 * respondents, anonymity, active, example, imported (date),
	 * languages, items, submitted responses */
	SQL_QUEST_DEF_LIST,
	/* (id) -> struct quest_info: id, code, version, title, respondents,
	 * anonymity, active, default lang */
	SQL_QUEST_DEF_GET,
	/* (questionnaire) -> lang, name, dir (ltr/rtl), rtl (1/0), in the
	 * file's order */
	SQL_QUEST_LANGS,
	/* (questionnaire) -> n: number of items */
	SQL_QUEST_ITEM_COUNT,
	/* (lang, item) -> struct quest_option: position, value, text */
	SQL_QUEST_OPTIONS,
	/* (hash, kind, questionnaire, response, participation, measurement,
	 * insats, minutes valid, created_by): the request's förbund is the
	 * code's, its response's owner when it has no insats */
	SQL_QUEST_CODE_INSERT,
	/* (idle seconds for a link, for a tablet, hash) -> struct
	 * quest_code: id, kind, questionnaire, response, participation,
	 * measurement, insats, expired (1/0), held (1/0: by a device seen
	 * within the idle time of its kind), language, sitting, anonymity */
	SQL_QUEST_CODE_BY_HASH,
	/* The same, locking the row (kiosk start) */
	SQL_QUEST_CODE_BY_HASH_LOCK,
	/* (idle seconds for a link, for a tablet, device hash) -> struct
	 * quest_code, as SQL_QUEST_CODE_BY_HASH (held: this device was seen
	 * within the idle time) */
	SQL_QUEST_CODE_BY_DEVICE,
	/* (device hash, response, code id): this device answers now, a new
	 * sitting */
	SQL_QUEST_CODE_BIND,
	/* (code id): seen now */
	SQL_QUEST_CODE_TOUCH,
	/* (device hash): the device lets go (lock screen, idle) */
	SQL_QUEST_CODE_UNBIND,
	/* (code id) -> n: the id, locking the row (submit) */
	SQL_QUEST_CODE_LOCK,
	/* (code id, device hash) -> n: the id, locking the row while this
	 * device holds it (saving an answer) */
	SQL_QUEST_CODE_LOCK_MINE,
	/* (lang, code id): the language of an anonymous questionnaire */
	SQL_QUEST_CODE_SET_LANG,
	/* (code id): consumed */
	SQL_QUEST_CODE_DELETE,
	/* (participation, measurement): older codes of a measurement */
	SQL_QUEST_CODE_DELETE_FOR,
	/* (): expired codes go */
	SQL_QUEST_CODE_SWEEP,
	/* (address) */
	SQL_QUEST_FAIL_INSERT,
	/* (address, minutes) -> n: failures in the window */
	SQL_QUEST_FAIL_COUNT,
	/* () -> n: failures from any address in the last minute */
	SQL_QUEST_FAIL_COUNT_ALL,
	/* (id): an attempt that was not a wrong code */
	SQL_QUEST_FAIL_DELETE,
	/* (minutes): older failures go */
	SQL_QUEST_FAIL_SWEEP,
	/* (random id, language, code id): the code's questionnaire,
	 * participation, measurement and insats; its owner the insats's
	 * förbund, else the code's. No :forbund: the tablet that sends it
	 * has none. */
	SQL_QUEST_RESP_INSERT,
	/* (response) -> struct quest_response: questionnaire, language,
	 * status, anonymity, sitting */
	SQL_QUEST_RESP_GET,
	/* (response): a linked response's code was typed or its link started,
	 * a new sitting */
	SQL_QUEST_RESP_NEW_SITTING,
	/* (lang, response) */
	SQL_QUEST_RESP_SET_LANG,
	/* (participation, measurement, questionnaire id) -> struct
	 * quest_response_ref: response id, status: any version of the same
	 * questionnaire code */
	SQL_QUEST_RESP_FIND_LINKED,
	/* (response): sent, background copied, only while pagaende */
	SQL_QUEST_RESP_SUBMIT,
	/* (response, item, sitting) -> struct quest_answer: value int, has
	 * int (1/0), value text, special: only what was given in this
	 * sitting */
	SQL_QUEST_ANSWERS,
	/* (response, item) */
	SQL_QUEST_ANSWER_DELETE,
	/* (response, item, sitting): an emptied screen clears only what it
	 * showed */
	SQL_QUEST_ANSWER_CLEAR,
	/* (response, item, seq, sitting, value int, value text, special) */
	SQL_QUEST_ANSWER_INSERT,
	/* (response) -> n: items answered, in any sitting */
	SQL_QUEST_ANSWERED_COUNT,
	/* (response) -> n: position of the first item without an answer, 0
	 * when every item has one */
	SQL_QUEST_FIRST_UNANSWERED,
	/* Drafts of anonymous questionnaires, keyed by the code: */
	/* (code, item, sitting) -> struct quest_answer, as
	 * SQL_QUEST_ANSWERS */
	SQL_QUEST_DRAFT_ANSWERS,
	/* (code, item) */
	SQL_QUEST_DRAFT_DELETE,
	/* (code, item, sitting): an emptied screen clears only what it
	 * showed */
	SQL_QUEST_DRAFT_CLEAR,
	/* (code) -> n: items answered, in any sitting */
	SQL_QUEST_DRAFT_COUNT,
	/* (questionnaire, code) -> n: position of the first item without an
	 * answer, 0 when every item has one */
	SQL_QUEST_DRAFT_FIRST_UNANSWERED,
	/* (response, code): the draft becomes the response's answers */
	SQL_QUEST_DRAFT_MOVE,
	/* (participation) -> struct quest_participation: insats,
	 * personnummer, status */
	SQL_QUEST_PARTICIPATION,
	/* Demo data (app/demo_quest.c): */
	/* () -> sent responses */
	SQL_QUEST_DEMO_COUNT,
	/* () -> participation id, status, insats, gender, birth year, start
	 * date, end date ("" when none): every real participation */
	SQL_QUEST_DEMO_PARTICIPATIONS,
	/* (code, förbund) -> id of the förbund's active version */
	SQL_QUEST_DEMO_QID,
	/* (questionnaire) -> item id, kind, min, max, background: in order */
	SQL_QUEST_DEMO_ITEMS,
	/* (date, date, response): the day it was sent (anonymous: the date
	 * only) */
	SQL_QUEST_DEMO_BACKDATE,
	/* (random id, questionnaire, participation, measurement, insats,
	 * language, insats): a response without a code, owned by the
	 * insats's förbund, else the installation's first (the demo's) */
	SQL_QUEST_DEMO_RESP_INSERT,
	/* (code id, participation id): an open code of the participation
	 * let go by whatever device held it */
	SQL_QUEST_CODE_RELEASE,
	/* (code id, item) -> n: the key of the item's screen (its saves with
	 * this code, 0 before the first) */
	SQL_QUEST_SCREEN_KEY,
	/* (code id, item): the item was saved once more with this code */
	SQL_QUEST_SCREEN_SAVED,
	/* Staff let go of an anonymous code held by a tablet, by the code's
	 * own id within its insats (quest_code_release_anonymous()). */
	SQL_QUEST_CODE_RELEASE_ANON,
	/* The kiosk in few statements (issue 19): */
	/* (link idle s, tablet idle s, device hash) -> struct kiosk_device:
	 * the code the device holds with its response, items and the chosen
	 * language's direction */
	SQL_QUEST_KIOSK_DEVICE,
	/* (lang x6, code id, questionnaire, position) -> struct
	 * kiosk_item_row: the item, a row per option, title, intro, key */
	SQL_QUEST_KIOSK_ITEM,
	/* (code id, device hash, item) -> n: the code row locked while the
	 * device holds it, with the item's screen key (read after the lock) */
	SQL_QUEST_CODE_LOCK_KEY,
	/* The kiosk answer save in at most 6 statements (issue 19, step 2): */
	/* (link idle s, tablet idle s, position, device hash) -> struct
	 * kiosk_save_row: SQL_QUEST_KIOSK_DEVICE's row with the item at the
	 * position (no texts), a row per option, and its screen's key */
	SQL_QUEST_KIOSK_SAVE,
	/* (code id, questionnaire): a screen row (saves 0) for every item
	 * the code has none for, when a device takes the code */
	SQL_QUEST_SCREEN_OPEN,
	/* (item, code id, device hash, key, key): while the device holds
	 * the code and the key is current (key < 0: any), the code row
	 * locked and marked seen, the item's screen saved once more; no
	 * row changed when not */
	SQL_QUEST_SCREEN_CLAIM,
	/* (response, item, sitting, value int, value text, special): the
	 * item's answer row 1 stored over whatever row 1 held */
	SQL_QUEST_ANSWER_PUT,
	/* (response, sitting, item, positions "1,3"): the options at the
	 * positions as rows 1.. in position order, over those rows */
	SQL_QUEST_ANSWER_PUT_OPTIONS,
	/* (response, item, n): the item's rows past row n go */
	SQL_QUEST_ANSWER_SHRINK,
	/* As the three above for an anonymous draft, keyed by the code: */
	SQL_QUEST_DRAFT_PUT,
	SQL_QUEST_DRAFT_PUT_OPTIONS,
	SQL_QUEST_DRAFT_SHRINK,
	/* (response): its förbund, as n (the kiosk's request has none) */
	SQL_QUEST_RESP_FORBUND,
	/* () -> n: the first förbund (the demo's surveys without an insats) */
	SQL_QUEST_DEMO_FIRST_FORBUND,
	SQL_QUEST__MAX
};

extern const struct db_query sql_quest[SQL_QUEST__MAX];

#endif /* !SQL_QUEST_H */
