/* quest_state.c: the questionnaires' states and rules; see
 * include/quest_state.h. */
#include <string.h>

#include "app_limits.h"
#include "quest_state.h"

static const char *const anonymity_names[QANON__MAX] = {
	[QANON_ANONYM] = "anonym",
	[QANON_KOPPLAD] = "kopplad",
};
_Static_assert(
    sizeof(anonymity_names) / sizeof(anonymity_names[0]) == QANON__MAX,
    "anonymity_names[] out of sync");

static const char *const group_names[QGROUP__MAX] = {
	[QGROUP_DELTAGARE_PAGAENDE] = "deltagare_pagaende",
	[QGROUP_DELTAGARE_AVSLUT] = "deltagare_avslut",
	[QGROUP_DELTAGARE] = "deltagare",
	[QGROUP_INSATSPERSONAL] = "insatspersonal",
	[QGROUP_REMITTENT] = "remittent",
	[QGROUP_CHEFER] = "chefer",
	[QGROUP_STYRELSE] = "styrelse",
};
_Static_assert(sizeof(group_names) / sizeof(group_names[0]) == QGROUP__MAX,
    "group_names[] out of sync");

static const char *const measurement_names[QMEAS__MAX] = {
	[QMEAS_NONE] = "",
	[QMEAS_START] = "start",
	[QMEAS_SLUT] = "slut",
	[QMEAS_UPPFOLJNING] = "uppfoljning",
};
_Static_assert(
    sizeof(measurement_names) / sizeof(measurement_names[0]) == QMEAS__MAX,
    "measurement_names[] out of sync");

static const char *const measurement_labels[QMEAS__MAX] = {
	[QMEAS_NONE] = "",
	[QMEAS_START] = "Startmätning",
	[QMEAS_SLUT] = "Slutmätning",
	[QMEAS_UPPFOLJNING] = "Uppföljning 6 månader",
};
_Static_assert(
    sizeof(measurement_labels) / sizeof(measurement_labels[0]) == QMEAS__MAX,
    "measurement_labels[] out of sync");

static const char *const status_names[QSTATUS__MAX] = {
	[QSTATUS_PAGAENDE] = "pagaende",
	[QSTATUS_INSKICKAD] = "inskickad",
};
_Static_assert(sizeof(status_names) / sizeof(status_names[0]) == QSTATUS__MAX,
    "status_names[] out of sync");

static const char *const code_kind_names[QCODE__MAX] = {
	[QCODE_SURFPLATTA] = "surfplatta",
	[QCODE_LANK] = "lank",
};
_Static_assert(
    sizeof(code_kind_names) / sizeof(code_kind_names[0]) == QCODE__MAX,
    "code_kind_names[] out of sync");

static const char *const special_names[QSPECIAL__MAX] = {
	[QSPECIAL_NONE] = "",
	[QSPECIAL_VET_EJ] = "vet_ej",
	[QSPECIAL_EJ_AKTUELLT] = "ej_aktuellt",
};
_Static_assert(
    sizeof(special_names) / sizeof(special_names[0]) == QSPECIAL__MAX,
    "special_names[] out of sync");

static const char *const meas_state_labels[QMSTATE__MAX] = {
	[QMSTATE_EJ_BESVARAD] = "Ej besvarad",
	[QMSTATE_KOD_UTLAMNAD] = "Kod utlämnad, ej besvarad",
	[QMSTATE_PABORJAD] = "Påbörjad",
	[QMSTATE_BESVARAD] = "Besvarad",
};
_Static_assert(
    sizeof(meas_state_labels) / sizeof(meas_state_labels[0]) == QMSTATE__MAX,
    "meas_state_labels[] out of sync");

static const char *const open_refusal_texts[QOPEN__MAX] = {
	[QOPEN_OK] = NULL,
	[QOPEN_NO_DEF] = "Enkäten finns inte eller används inte längre. Ladda "
	                 "om sidan.",
	[QOPEN_NO_MEASUREMENT] = "Välj en av enkätens mätningar (startmätning "
	                         "och slutmätning, eller uppföljning).",
	[QOPEN_ANSWERED] = "Mätningen är redan besvarad och kan inte göras om.",
};
_Static_assert(
    sizeof(open_refusal_texts) / sizeof(open_refusal_texts[0]) == QOPEN__MAX,
    "open_refusal_texts[] out of sync");

const char *
quest_anonymity_name(enum quest_anonymity v)
{
	return str_table_at(anonymity_names, QANON__MAX, v);
}

enum quest_anonymity
quest_anonymity_from_name(struct str s)
{
	return (enum quest_anonymity)str_table_find(
	    anonymity_names, QANON__MAX, s);
}

const char *
quest_group_name(enum quest_group v)
{
	return str_table_at(group_names, QGROUP__MAX, v);
}

enum quest_group
quest_group_from_name(struct str s)
{
	return (enum quest_group)str_table_find(group_names, QGROUP__MAX, s);
}

int
quest_group_is_participants(enum quest_group g)
{
	return g == QGROUP_DELTAGARE_PAGAENDE || g == QGROUP_DELTAGARE_AVSLUT ||
	    g == QGROUP_DELTAGARE;
}

const char *
quest_measurement_name(enum quest_measurement v)
{
	return str_table_at(measurement_names, QMEAS__MAX, v);
}

enum quest_measurement
quest_measurement_from_name(struct str s)
{
	return (enum quest_measurement)str_table_find(
	    measurement_names, QMEAS__MAX, s);
}

const char *
quest_measurement_label(enum quest_measurement v)
{
	return str_table_at(measurement_labels, QMEAS__MAX, v);
}

const char *
quest_status_name(enum quest_status v)
{
	return str_table_at(status_names, QSTATUS__MAX, v);
}

enum quest_status
quest_status_from_name(struct str s)
{
	return (enum quest_status)str_table_find(status_names, QSTATUS__MAX, s);
}

const char *
quest_code_kind_name(enum quest_code_kind v)
{
	return str_table_at(code_kind_names, QCODE__MAX, v);
}

enum quest_code_kind
quest_code_kind_from_name(struct str s)
{
	return (enum quest_code_kind)str_table_find(
	    code_kind_names, QCODE__MAX, s);
}

const char *
quest_special_name(enum quest_special v)
{
	return str_table_at(special_names, QSPECIAL__MAX, v);
}

enum quest_special
quest_special_from_name(struct str s)
{
	return (enum quest_special)str_table_find(
	    special_names, QSPECIAL__MAX, s);
}

enum quest_kind
quest_kind_from_name(struct str s)
{
	for (int k = 0; k < QK__MAX; k++)
		if (str_eq_cstr(s, quest_kind_name((enum quest_kind)k)))
			return (enum quest_kind)k;
	return QK__MAX;
}

const char *
quest_meas_state_label(enum quest_meas_state v)
{
	return str_table_at(meas_state_labels, QMSTATE__MAX, v);
}

enum quest_meas_state
quest_meas_state(int has_response, enum quest_status status, int code_open)
{
	if (has_response)
		return status == QSTATUS_INSKICKAD ? QMSTATE_BESVARAD
		                                   : QMSTATE_PABORJAD;
	return code_open ? QMSTATE_KOD_UTLAMNAD : QMSTATE_EJ_BESVARAD;
}

int
quest_meas_can_open(enum quest_meas_state s)
{
	return s != QMSTATE_BESVARAD;
}

int
quest_open_def_ok(int def_found, int active, enum quest_group group)
{
	return def_found && active && quest_group_is_participants(group);
}

size_t
quest_measurements_of(struct str code, enum quest_measurement out[2])
{
	if (str_eq_cstr(code, QUEST_FOLLOWUP_CODE)) {
		out[0] = QMEAS_UPPFOLJNING;
		return 1;
	}
	out[0] = QMEAS_START;
	out[1] = QMEAS_SLUT;
	return 2;
}

int
quest_measurement_fits(struct str code, enum quest_measurement m)
{
	enum quest_measurement ms[2];
	size_t n = quest_measurements_of(code, ms);

	for (size_t i = 0; i < n; i++)
		if (ms[i] == m)
			return 1;
	return 0;
}

enum quest_open_refusal
quest_open_check(int def_found, int active, enum quest_group group,
    enum quest_anonymity anonymity, struct str code,
    enum quest_measurement measurement, int has_response,
    enum quest_status status)
{
	if (!quest_open_def_ok(def_found, active, group))
		return QOPEN_NO_DEF;
	if (anonymity != QANON_KOPPLAD)
		return QOPEN_OK;
	if (!quest_measurement_fits(code, measurement))
		return QOPEN_NO_MEASUREMENT;
	if (has_response && status == QSTATUS_INSKICKAD)
		return QOPEN_ANSWERED;
	return QOPEN_OK;
}

const char *
quest_open_refusal_text(enum quest_open_refusal v)
{
	return (unsigned)v < QOPEN__MAX ? open_refusal_texts[v] : NULL;
}

int
quest_links_allowed(int active, enum quest_group group)
{
	return active && group < QGROUP__MAX &&
	    !quest_group_is_participants(group);
}

enum quest_code_check
quest_code_check(int found, enum quest_code_kind kind,
    enum quest_code_kind want, int expired, int held, int mine)
{
	if (!found || kind != want)
		return QCHECK_UNKNOWN;
	if (expired)
		return QCHECK_EXPIRED;
	if (held && !mine)
		return QCHECK_BUSY;
	return QCHECK_OK;
}

const char *
quest_code_check_text(enum quest_code_check c, enum quest_code_kind want)
{
	switch (c) {
	case QCHECK_OK:
	case QCHECK__MAX: return NULL;
	case QCHECK_UNKNOWN:
		return want == QCODE_LANK ? QUEST_MSG_LINK_BAD
		                          : QUEST_MSG_CODE_BAD;
	case QCHECK_EXPIRED:
		return want == QCODE_LANK ? QUEST_MSG_LINK_BAD
		                          : QUEST_MSG_CODE_OLD;
	case QCHECK_BUSY: return QUEST_MSG_CODE_BUSY;
	}
	return NULL;
}

int
quest_code_live(int held, int expired, enum quest_anonymity anonymity,
    long long response_id)
{
	return held && !expired &&
	    (anonymity == QANON_ANONYM || response_id > 0);
}

int
quest_code_attempts_over(long long mine, long long all)
{
	return mine > (long long)QUEST_FAIL_MAX ||
	    all > (long long)QUEST_FAIL_ALL_PER_MIN;
}

int
quest_code_digits(struct str in, char out[9])
{
	size_t n = 0;

	for (size_t i = 0; i < in.len; i++) {
		unsigned char c = (unsigned char)in.p[i];

		if (c == ' ' || c == '-' || c == '\t')
			continue;
		if (c >= '0' && c <= '9') {
			if (n >= 8)
				return 0;
			out[n++] = (char)c;
			continue;
		}
		/* U+0660..U+0669 (D9 A0..A9), U+06F0..U+06F9 (DB B0..B9) */
		if (i + 1 < in.len && n < 8) {
			unsigned char d = (unsigned char)in.p[i + 1];
			if (c == 0xD9 && d >= 0xA0 && d <= 0xA9) {
				out[n++] = (char)('0' + (d - 0xA0));
				i++;
				continue;
			}
			if (c == 0xDB && d >= 0xB0 && d <= 0xB9) {
				out[n++] = (char)('0' + (d - 0xB0));
				i++;
				continue;
			}
		}
		return 0;
	}
	out[n] = '\0';
	return n == 8;
}

int
quest_link_token_ok(struct str s)
{
	if (s.len != 64)
		return 0;
	for (size_t i = 0; i < 64; i++) {
		char c = s.p[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return 0;
	}
	return 1;
}
