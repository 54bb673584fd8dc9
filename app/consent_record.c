/* consent_record.c: the consent records, loaded and stored; see
 * include/consent_record.h. */
#include <string.h>

#include "arena.h"
#include "consent.h"
#include "consent_record.h"
#include "date.h"
#include "log.h"
#include "sql_consent.h"

/* ------------------------------------------------------------------------
 * Decode tables
 * --------------------------------------------------------------------- */

static const struct db_field consent_fields[] = {
	DB_FIELD(consent, id, "id", DB_F_INT),
	DB_FIELD(consent, referral_id, "referral_id", DB_F_INT),
	DB_FIELD(consent, kind_name, "kind", DB_F_STR),
	DB_FIELD(consent, state_name, "state", DB_F_STR),
	DB_FIELD(consent, answer_name, "answer", DB_F_STR),
	DB_FIELD(consent, language, "language", DB_F_STR),
	DB_FIELD(consent, interpreter_used, "interpreter_used", DB_F_BOOL),
	DB_FIELD(
	    consent, interpreter_language, "interpreter_language", DB_F_STR),
	DB_FIELD(consent, obtain, "direction_obtain", DB_F_BOOL),
	DB_FIELD(consent, disclose, "direction_disclose", DB_F_BOOL),
	DB_FIELD(consent, purpose, "purpose", DB_F_STR),
	DB_FIELD(consent, valid_from, "valid_from", DB_F_STR),
	DB_FIELD(consent, valid_until, "valid_until", DB_F_STR),
	DB_FIELD(consent, signed_how_name, "signed_how", DB_F_STR),
	DB_FIELD(consent, signer_name, "signer_name", DB_F_STR),
	DB_FIELD(consent, signature_svg, "signature_svg", DB_F_STR),
	DB_FIELD(consent, signed_with_name, "signed_with", DB_F_STR),
	DB_FIELD(consent, paper_date, "paper_date", DB_F_STR),
	DB_FIELD(consent, taken_by, "taken_by", DB_F_STR),
	DB_FIELD(consent, signed_at, "signed_at", DB_F_UTC_TIME),
	DB_FIELD(consent, ended_at, "ended_at", DB_F_UTC_TIME),
	DB_FIELD(consent, version, "version", DB_F_INT),
	DB_FIELD(consent, text_title, "text_title", DB_F_STR),
	DB_FIELD(consent, text_body, "text_body", DB_F_STR),
	DB_FIELD(consent, text_version, "text_version", DB_F_INT),
	DB_FIELD(consent, text_language, "text_language", DB_F_STR),
	DB_FIELD(consent, text_to_check, "text_to_check", DB_F_BOOL),
};
const struct db_record consent_record = DB_RECORD(consent, consent_fields);

static const struct db_field consent_status_row_fields[] = {
	DB_FIELD(consent_status_row, kind, "kind", DB_F_INT),
	DB_FIELD(consent_status_row, id, "id", DB_F_INT),
	DB_FIELD(consent_status_row, n1, "n1", DB_F_INT),
	DB_FIELD(consent_status_row, n2, "n2", DB_F_INT),
	DB_FIELD(consent_status_row, n3, "n3", DB_F_INT),
	DB_FIELD(consent_status_row, n4, "n4", DB_F_INT),
	DB_FIELD(consent_status_row, n5, "n5", DB_F_INT),
	DB_FIELD(consent_status_row, n6, "n6", DB_F_INT),
	DB_FIELD(consent_status_row, s1, "s1", DB_F_STR),
	DB_FIELD(consent_status_row, s2, "s2", DB_F_STR),
	DB_FIELD(consent_status_row, s3, "s3", DB_F_STR),
	DB_FIELD(consent_status_row, s4, "s4", DB_F_STR),
	DB_FIELD(consent_status_row, s5, "s5", DB_F_STR),
	DB_FIELD(consent_status_row, s6, "s6", DB_F_STR),
	DB_FIELD(consent_status_row, s7, "s7", DB_F_STR),
	DB_FIELD(consent_status_row, s8, "s8", DB_F_STR),
	DB_FIELD(consent_status_row, s9, "s9", DB_F_STR),
	DB_FIELD(consent_status_row, s10, "s10", DB_F_STR),
	DB_FIELD(consent_status_row, o1, "o1", DB_F_INT),
	DB_FIELD(consent_status_row, o2, "o2", DB_F_STR),
	DB_FIELD(consent_status_row, o3, "o3", DB_F_INT),
	DB_FIELD(consent_status_row, o4, "o4", DB_F_STR),
};
const struct db_record consent_status_row_record =
    DB_RECORD(consent_status_row, consent_status_row_fields);

static const struct db_field consent_list_fields[] = {
	DB_FIELD(consent, id, "id", DB_F_INT),
	DB_FIELD(consent, kind_name, "kind", DB_F_STR),
	DB_FIELD(consent, state_name, "state", DB_F_STR),
	DB_FIELD(consent, answer_name, "answer", DB_F_STR),
	DB_FIELD(consent, language, "language", DB_F_STR),
	DB_FIELD(consent, valid_from, "valid_from", DB_F_STR),
	DB_FIELD(consent, valid_until, "valid_until", DB_F_STR),
	DB_FIELD(consent, signed_how_name, "signed_how", DB_F_STR),
	DB_FIELD(consent, signed_at, "signed_at", DB_F_UTC_TIME),
	DB_FIELD(consent, taken_by, "taken_by", DB_F_STR),
	DB_FIELD(consent, text_version, "text_version", DB_F_INT),
	DB_FIELD(consent, ended_at, "ended_at", DB_F_UTC_TIME),
	DB_FIELD(consent, active_parties, "active_parties", DB_F_INT),
	DB_FIELD(consent, all_parties, "all_parties", DB_F_INT),
};
const struct db_record consent_list_record =
    DB_RECORD(consent, consent_list_fields);

static const struct db_field consent_lock_fields[] = {
	DB_FIELD(consent, state_name, "state", DB_F_STR),
	DB_FIELD(consent, referral_id, "referral_id", DB_F_INT),
	DB_FIELD(consent, kind_name, "kind", DB_F_STR),
	DB_FIELD(consent, version, "version", DB_F_INT),
};
const struct db_record consent_lock_record =
    DB_RECORD(consent, consent_lock_fields);

static const struct db_field consent_given_fields[] = {
	DB_FIELD(consent, id, "id", DB_F_INT),
	DB_FIELD(consent, state_name, "state", DB_F_STR),
};
const struct db_record consent_given_record =
    DB_RECORD(consent, consent_given_fields);

static const struct db_field consent_id_fields[] = {
	DB_FIELD(consent, id, "id", DB_F_INT),
};
const struct db_record consent_id_record =
    DB_RECORD(consent, consent_id_fields);

static const struct db_field consent_count_fields[] = {
	DB_FIELD(consent, active_parties, "active_parties", DB_F_INT),
};
const struct db_record consent_count_record =
    DB_RECORD(consent, consent_count_fields);

static const struct db_field consent_party_fields[] = {
	DB_FIELD(consent_party, id, "id", DB_F_INT),
	DB_FIELD(consent_party, name, "name", DB_F_STR),
	DB_FIELD(consent_party, state_name, "state", DB_F_STR),
	DB_FIELD(consent_party, revoked_at, "revoked_at", DB_F_UTC_TIME),
	DB_FIELD(consent_party, is_insats, "is_insats", DB_F_BOOL),
};
const struct db_record consent_party_record =
    DB_RECORD(consent_party, consent_party_fields);

static const struct db_field consent_category_fields[] = {
	DB_FIELD(consent_category, code, "code", DB_F_STR),
	DB_FIELD(consent_category, label, "label", DB_F_STR),
	DB_FIELD(consent_category, label_en, "label_en", DB_F_STR),
	DB_FIELD(consent_category, label_ar, "label_ar", DB_F_STR),
	DB_FIELD(consent_category, label_so, "label_so", DB_F_STR),
	DB_FIELD(consent_category, label_fa_af, "label_fa_af", DB_F_STR),
	DB_FIELD(consent_category, label_ti, "label_ti", DB_F_STR),
};
const struct db_record consent_category_record =
    DB_RECORD(consent_category, consent_category_fields);

static const struct db_field consent_category_choice_fields[] = {
	DB_FIELD(consent_category, code, "code", DB_F_STR),
	DB_FIELD(consent_category, label, "label", DB_F_STR),
};
const struct db_record consent_category_choice_record =
    DB_RECORD(consent_category, consent_category_choice_fields);

static const struct db_field consent_event_fields[] = {
	DB_FIELD(consent_event, at, "at", DB_F_UTC_TIME),
	DB_FIELD(consent_event, event_name, "event", DB_F_STR),
	DB_FIELD(consent_event, party, "party", DB_F_STR),
	DB_FIELD(consent_event, staff, "staff", DB_F_STR),
	DB_FIELD(consent_event, how_name, "how", DB_F_STR),
	DB_FIELD(consent_event, reason, "reason", DB_F_STR),
};
const struct db_record consent_event_record =
    DB_RECORD(consent_event, consent_event_fields);

static const struct db_field consent_party_choice_fields[] = {
	DB_FIELD(consent_party_choice, kind, "kind", DB_F_STR),
	DB_FIELD(consent_party_choice, id, "id", DB_F_INT),
	DB_FIELD(consent_party_choice, name, "name", DB_F_STR),
};
const struct db_record consent_party_choice_record =
    DB_RECORD(consent_party_choice, consent_party_choice_fields);

static const struct db_field consent_text_current_fields[] = {
	DB_FIELD(consent_text, id, "id", DB_F_INT),
	DB_FIELD(consent_text, title, "title", DB_F_STR),
	DB_FIELD(consent_text, body, "body", DB_F_STR),
	DB_FIELD(consent_text, version, "version", DB_F_INT),
};
const struct db_record consent_text_current_record =
    DB_RECORD(consent_text, consent_text_current_fields);

static const struct db_field consent_text_language_fields[] = {
	DB_FIELD(consent_text, language, "language", DB_F_STR),
	DB_FIELD(consent_text, to_check, "to_check", DB_F_BOOL),
};
const struct db_record consent_text_language_record =
    DB_RECORD(consent_text, consent_text_language_fields);

static const struct db_field consent_text_list_fields[] = {
	DB_FIELD(consent_text, id, "id", DB_F_INT),
	DB_FIELD(consent_text, kind_name, "kind", DB_F_STR),
	DB_FIELD(consent_text, language, "language", DB_F_STR),
	DB_FIELD(consent_text, version, "version", DB_F_INT),
	DB_FIELD(consent_text, title, "title", DB_F_STR),
	DB_FIELD(consent_text, is_current, "is_current", DB_F_BOOL),
	DB_FIELD(consent_text, used, "used", DB_F_BOOL),
	DB_FIELD(consent_text, created_at, "created_at", DB_F_UTC_DAY),
	DB_FIELD(consent_text, to_check, "to_check", DB_F_BOOL),
};
const struct db_record consent_text_list_record =
    DB_RECORD(consent_text, consent_text_list_fields);

static const struct db_field consent_text_fields[] = {
	DB_FIELD(consent_text, id, "id", DB_F_INT),
	DB_FIELD(consent_text, kind_name, "kind", DB_F_STR),
	DB_FIELD(consent_text, language, "language", DB_F_STR),
	DB_FIELD(consent_text, version, "version", DB_F_INT),
	DB_FIELD(consent_text, title, "title", DB_F_STR),
	DB_FIELD(consent_text, body, "body", DB_F_STR),
	DB_FIELD(consent_text, is_current, "is_current", DB_F_BOOL),
	DB_FIELD(consent_text, used, "used", DB_F_BOOL),
};
const struct db_record consent_text_record =
    DB_RECORD(consent_text, consent_text_fields);

static const struct db_field consent_referral_fields[] = {
	DB_FIELD(consent_referral, id, "id", DB_F_INT),
	DB_FIELD(consent_referral, status, "status", DB_F_STR),
	DB_FIELD(consent_referral, at_visa, "at_visa", DB_F_BOOL),
	DB_FIELD(
	    consent_referral, organisation_id, "organisation_id", DB_F_INT),
	DB_FIELD(consent_referral, organisation, "organisation", DB_F_STR),
	DB_FIELD(consent_referral, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(consent_referral, insats, "insats", DB_F_STR),
	DB_FIELD(consent_referral, insats_end, "insats_end", DB_F_STR),
	DB_FIELD(consent_referral, personnummer, "personnummer", DB_F_STR),
	DB_FIELD(consent_referral, first_name, "first_name", DB_F_STR),
	DB_FIELD(consent_referral, last_name, "last_name", DB_F_STR),
	DB_FIELD(consent_referral, protected_identity, "protected_identity",
	    DB_F_BOOL),
	DB_FIELD(
	    consent_referral, participation_id, "participation_id", DB_F_INT),
	DB_FIELD(consent_referral, participation_status, "participation_status",
	    DB_F_STR),
	DB_FIELD(
	    consent_referral, planned_end_date, "planned_end_date", DB_F_STR),
	DB_FIELD(consent_referral, end_date, "end_date", DB_F_STR),
	DB_FIELD(consent_referral, interpreter_language, "interpreter_language",
	    DB_F_STR),
	DB_FIELD(consent_referral, measurement, "measurement", DB_F_STR),
};
const struct db_record consent_referral_record =
    DB_RECORD(consent_referral, consent_referral_fields);

static const struct db_field consent_referral_id_fields[] = {
	DB_FIELD(consent_referral, id, "id", DB_F_INT),
	DB_FIELD(consent_referral, gallrad, "gallrad", DB_F_BOOL),
};
const struct db_record consent_referral_id_record =
    DB_RECORD(consent_referral, consent_referral_id_fields);

static const struct db_field consent_cover_fields[] = {
	DB_FIELD(consent_cover, consent_id, "consent_id", DB_F_INT),
	DB_FIELD(consent_cover, kind_name, "kind", DB_F_STR),
	DB_FIELD(consent_cover, state_name, "state", DB_F_STR),
	DB_FIELD(consent_cover, valid_from, "valid_from", DB_F_STR),
	DB_FIELD(consent_cover, valid_until, "valid_until", DB_F_STR),
	DB_FIELD(consent_cover, disclose, "disclose", DB_F_BOOL),
	DB_FIELD(consent_cover, closed, "closed", DB_F_BOOL),
	DB_FIELD(consent_cover, party_org, "party_org", DB_F_INT),
	DB_FIELD(consent_cover, party_insats, "party_insats", DB_F_BOOL),
	DB_FIELD(consent_cover, party_state_name, "party_state", DB_F_STR),
	DB_FIELD(consent_cover, org_parent, "org_parent", DB_F_INT),
};
const struct db_record consent_cover_record =
    DB_RECORD(consent_cover, consent_cover_fields);

/* ------------------------------------------------------------------------
 * The enums from the names as stored
 * --------------------------------------------------------------------- */

static void
consent_decode(struct consent *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		c[i].kind = consent_kind_from_name(c[i].kind_name);
		c[i].state = consent_state_from_name(c[i].state_name);
		c[i].answer = consent_answer_from_name(c[i].answer_name);
		c[i].signed_how = consent_how_from_name(c[i].signed_how_name);
		c[i].signed_typed = str_eq_cstr(c[i].signed_with_name, "namn");
	}
}

int
consent_is_signed(const struct consent *c)
{
	return c->signed_how != CONSENT_HOW__MAX;
}

struct str
consent_category_label(const struct consent_category *k, struct str language)
{
	struct str l = STR_NULL;

	if (str_eq_cstr(language, "en"))
		l = k->label_en;
	else if (str_eq_cstr(language, "ar"))
		l = k->label_ar;
	else if (str_eq_cstr(language, "so"))
		l = k->label_so;
	else if (str_eq_cstr(language, "fa-AF"))
		l = k->label_fa_af;
	else if (str_eq_cstr(language, "ti"))
		l = k->label_ti;
	return l.len > 0 ? l : k->label;
}

/* ------------------------------------------------------------------------
 * Loading
 * --------------------------------------------------------------------- */

enum app_err
consent_load(struct db *db, struct arena *a, long long id, struct consent *out,
    int *found)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_load_one(db, a, DB_CONSENT, SQL_CONSENT_GET, p, 1, out,
	         found)) != APP_OK)
		return e;
	consent_decode(out, 1);
	return APP_OK;
}

enum app_err
consent_list(struct db *db, struct arena *a, long long referral_id,
    struct consent **out, size_t *n)
{
	struct db_param p[1] = { DB_INT(referral_id) };
	enum app_err e;

	if ((e = db_load(db, a, DB_CONSENT, SQL_CONSENT_LIST, p, 1,
	         (void **)out, n)) != APP_OK)
		return e;
	consent_decode(*out, *n);
	return APP_OK;
}

enum app_err
consent_lock(struct db *db, struct arena *a, long long id, struct consent *out,
    int *found)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_load_one(db, a, DB_CONSENT, SQL_CONSENT_LOCK, p, 1, out,
	         found)) != APP_OK)
		return e;
	out->id = *found ? id : 0;
	consent_decode(out, 1);
	return APP_OK;
}

enum app_err
consent_referral_lock(struct db *db, struct arena *a, long long referral_id,
    int *found, int *gallrad)
{
	struct db_param p[1] = { DB_INT(referral_id) };
	struct consent_referral ref = { 0 };
	enum app_err e = db_load_one(
	    db, a, DB_CONSENT, SQL_CONSENT_REFERRAL_LOCK, p, 1, &ref, found);

	*gallrad = *found && ref.gallrad;
	return e;
}

enum app_err
consent_guard_touch(struct db *db, struct arena *a, long long referral_id)
{
	struct db_param p[1] = { DB_INT(referral_id) };

	return db_exec(db, a, DB_CONSENT, SQL_CONSENT_GUARD_TOUCH, p, 1, NULL);
}

enum app_err
consent_parties(struct db *db, struct arena *a, long long consent_id,
    struct consent_party **out, size_t *n)
{
	struct db_param p[1] = { DB_INT(consent_id) };
	enum app_err e;

	if ((e = db_load(db, a, DB_CONSENT, SQL_CONSENT_PARTIES, p, 1,
	         (void **)out, n)) != APP_OK)
		return e;
	for (size_t i = 0; i < *n; i++)
		(*out)[i].state =
		    consent_party_state_from_name((*out)[i].state_name);
	return APP_OK;
}

enum app_err
consent_categories(struct db *db, struct arena *a, long long consent_id,
    struct consent_category **out, size_t *n)
{
	struct db_param p[1] = { DB_INT(consent_id) };

	return db_load(
	    db, a, DB_CONSENT, SQL_CONSENT_CATEGORIES, p, 1, (void **)out, n);
}

enum app_err
consent_category_choices(
    struct db *db, struct arena *a, struct consent_category **out, size_t *n)
{
	return db_load(db, a, DB_CONSENT, SQL_CONSENT_CATEGORY_ALL, NULL, 0,
	    (void **)out, n);
}

enum app_err
consent_events(struct db *db, struct arena *a, long long consent_id,
    struct consent_event **out, size_t *n)
{
	struct db_param p[1] = { DB_INT(consent_id) };
	enum app_err e;

	if ((e = db_load(db, a, DB_CONSENT, SQL_CONSENT_EVENTS, p, 1,
	         (void **)out, n)) != APP_OK)
		return e;
	for (size_t i = 0; i < *n; i++) {
		(*out)[i].event = consent_event_from_name((*out)[i].event_name);
		(*out)[i].how = consent_how_from_name((*out)[i].how_name);
	}
	return APP_OK;
}

enum app_err
consent_party_choices(struct db *db, struct arena *a, long long insats_id,
    struct consent_party_choice **out, size_t *n)
{
	struct db_param p[2] = { DB_INT(insats_id), DB_INT(insats_id) };

	return db_load(db, a, DB_CONSENT, SQL_CONSENT_PARTY_CHOICES, p, 2,
	    (void **)out, n);
}

enum app_err
consent_text_current(struct db *db, struct arena *a, enum consent_kind kind,
    struct str language, struct consent_text *out, int *found)
{
	struct db_param p[2] = { DB_STR(str_cstr(consent_kind_name(kind))),
		DB_STR(language) };
	enum app_err e;

	if ((e = db_load_one(db, a, DB_CONSENT, SQL_CONSENT_TEXT_CURRENT, p, 2,
	         out, found)) != APP_OK)
		return e;
	out->kind = kind;
	out->language = language;
	return APP_OK;
}

enum app_err
consent_text_languages(struct db *db, struct arena *a, enum consent_kind kind,
    struct consent_text **out, size_t *n)
{
	struct db_param p[1] = { DB_STR(str_cstr(consent_kind_name(kind))) };

	return db_load(
	    db, a, DB_CONSENT, SQL_CONSENT_LANGUAGES, p, 1, (void **)out, n);
}

enum app_err
consent_referral_load(struct db *db, struct arena *a, long long referral_id,
    struct consent_referral *out, int *found)
{
	struct db_param p[1] = { DB_INT(referral_id) };

	return db_load_one(
	    db, a, DB_CONSENT, SQL_CONSENT_REFERRAL, p, 1, out, found);
}

static void
consent_cover_decode(struct consent_cover *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rows[i].kind = consent_kind_from_name(rows[i].kind_name);
		rows[i].state = consent_state_from_name(rows[i].state_name);
		rows[i].party_state =
		    consent_party_state_from_name(rows[i].party_state_name);
	}
}

static enum app_err
consent_cover_query(struct db *db, struct arena *a, unsigned q,
    long long referral_id, long long org, struct consent_cover **out, size_t *n)
{
	struct db_param p[2] = { DB_INT(org), DB_INT(referral_id) };
	enum app_err e;

	if ((e = db_load(db, a, DB_CONSENT, q, p, 2, (void **)out, n)) !=
	    APP_OK)
		return e;
	consent_cover_decode(*out, *n);
	return APP_OK;
}

enum app_err
consent_cover_rows(struct db *db, struct arena *a, long long referral_id,
    long long org, struct consent_cover **out, size_t *n)
{
	return consent_cover_query(
	    db, a, SQL_CONSENT_COVERS, referral_id, org, out, n);
}

enum app_err
consent_latest_given(struct db *db, struct arena *a, long long referral_id,
    struct consent *out, int *found)
{
	struct db_param p[1] = { DB_INT(referral_id) };
	enum app_err e;

	if ((e = db_load_one(db, a, DB_CONSENT, SQL_CONSENT_LATEST_GIVEN, p, 1,
	         out, found)) != APP_OK)
		return e;
	consent_decode(out, 1);
	return APP_OK;
}

enum app_err
consent_sus_yes(
    struct db *db, struct arena *a, long long referral_id, long long *id)
{
	struct db_param p[1] = { DB_INT(referral_id) };
	struct consent c;
	int found;
	enum app_err e;

	if ((e = db_load_one(db, a, DB_CONSENT, SQL_CONSENT_SUS_YES, p, 1, &c,
	         &found)) != APP_OK)
		return e;
	*id = found ? c.id : 0;
	return APP_OK;
}

enum app_err
consent_expirable(struct db *db, struct arena *a, long long referral_id,
    struct str today, struct consent **out, size_t *n)
{
	struct db_param p[2] = { DB_STR(today), DB_INT(referral_id) };

	return db_load(
	    db, a, DB_CONSENT, SQL_CONSENT_EXPIRABLE, p, 2, (void **)out, n);
}

enum app_err
consent_others_active(struct db *db, struct arena *a, long long referral_id,
    enum consent_kind kind, long long except, struct consent **out, size_t *n)
{
	struct db_param p[3] = { DB_INT(referral_id),
		DB_STR(str_cstr(consent_kind_name(kind))), DB_INT(except) };

	return db_load(db, a, DB_CONSENT, SQL_CONSENT_OTHERS_ACTIVE, p, 3,
	    (void **)out, n);
}

enum app_err
consent_active_party_count(
    struct db *db, struct arena *a, long long consent_id, long long *n)
{
	struct db_param p[1] = { DB_INT(consent_id) };
	struct consent c;
	int found;
	enum app_err e;

	if ((e = db_load_one(db, a, DB_CONSENT, SQL_CONSENT_PARTY_ACTIVE_COUNT,
	         p, 1, &c, &found)) != APP_OK)
		return e;
	*n = c.active_parties;
	return APP_OK;
}

enum app_err
consent_text_list(
    struct db *db, struct arena *a, struct consent_text **out, size_t *n)
{
	enum app_err e;

	if ((e = db_load(db, a, DB_CONSENT, SQL_CONSENT_TEXT_LIST, NULL, 0,
	         (void **)out, n)) != APP_OK)
		return e;
	for (size_t i = 0; i < *n; i++)
		(*out)[i].kind = consent_kind_from_name((*out)[i].kind_name);
	return APP_OK;
}

enum app_err
consent_text_lock(struct db *db, struct arena *a, long long id,
    struct consent_text *out, int *found)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_load_one(db, a, DB_CONSENT, SQL_CONSENT_TEXT_LOCK, p, 1,
	         out, found)) != APP_OK)
		return e;
	out->kind = consent_kind_from_name(out->kind_name);
	return APP_OK;
}

/* ------------------------------------------------------------------------
 * Storing
 * --------------------------------------------------------------------- */

enum app_err
consent_insert(struct db *db, struct arena *a, const struct consent_draft *d,
    long long staff_id, long long *id)
{
	int sus = d->kind == CONSENT_SUS;
	struct db_param p[12] = {
		DB_INT(d->interpreter_used),
		DB_STR(d->interpreter_used ? d->interpreter_language
		                           : STR_LIT("")),
		DB_INT(sus ? 0 : d->obtain),
		DB_INT(sus ? 0 : d->disclose),
		DB_STR(sus ? STR_LIT("") : d->purpose),
		DB_STR(d->valid_from),
		sus ? DB_NULL : DB_STR(d->valid_until),
		DB_INT(staff_id),
		DB_INT(d->text_id),
		DB_STR(str_cstr(consent_kind_name(d->kind))),
		DB_STR(d->language),
		DB_INT(d->referral_id),
	};
	enum app_err e;

	*id = 0;
	if ((e = db_exec(db, a, DB_CONSENT, SQL_CONSENT_INSERT, p, 12, NULL)) !=
	    APP_OK)
		return e;
	/* No row: the text or the referral's insats is not the request's
	 * förbund's, or the text is not of the consent's kind and language.
	 * The caller chose the text as its förbund's current one for both
	 * (consent_text_current()), and could read the referral: a bug. */
	if (db_affected_rows(db) != 1) {
		log_error("BUG: consent of referral %lld: text %lld is not "
		          "the förbund's %s text in %.*s",
		    d->referral_id, d->text_id, consent_kind_name(d->kind),
		    (int)d->language.len, d->language.p);
		return APP_EDB;
	}
	*id = (long long)db_insert_id(db);
	return APP_OK;
}

enum app_err
consent_party_insert(struct db *db, struct arena *a, long long consent_id,
    const struct consent_party_ref *party)
{
	struct db_param p[3] = { DB_INT(consent_id),
		party->organisation_id > 0 ? DB_INT(party->organisation_id)
		                           : DB_NULL,
		party->insats_id > 0 ? DB_INT(party->insats_id) : DB_NULL };

	return db_exec(db, a, DB_CONSENT, SQL_CONSENT_PARTY_INSERT, p, 3, NULL);
}

enum app_err
consent_category_insert(
    struct db *db, struct arena *a, long long consent_id, struct str code)
{
	struct db_param p[2] = { DB_INT(consent_id), DB_STR(code) };

	return db_exec(
	    db, a, DB_CONSENT, SQL_CONSENT_CATEGORY_INSERT, p, 2, NULL);
}

enum app_err
consent_sign_update(struct db *db, struct arena *a, long long id,
    const struct consent_signing *s, int *changed)
{
	struct db_param p[7] = {
		DB_STR(str_cstr(consent_how_name(s->how))),
		DB_STR(s->signer),
		s->signature.len ? DB_STR(s->signature) : DB_NULL,
		s->how != CONSENT_HOW_SURFPLATTA ? DB_NULL
		    : s->typed                   ? DB_STR(STR_LIT("namn"))
		                                 : DB_STR(STR_LIT("ritad")),
		s->paper_date.len ? DB_STR(s->paper_date) : DB_NULL,
		DB_STR(str_cstr(consent_answer_name(s->answer))),
		DB_INT(id),
	};
	enum app_err e;

	*changed = 0;
	if ((e = db_exec(db, a, DB_CONSENT, SQL_CONSENT_SIGN, p, 7, NULL)) !=
	    APP_OK)
		return e;
	*changed = db_affected_rows(db) == 1;
	return APP_OK;
}

enum app_err
consent_text_mark_used(struct db *db, struct arena *a, long long consent_id)
{
	struct db_param p[1] = { DB_INT(consent_id) };

	return db_exec(
	    db, a, DB_CONSENT, SQL_CONSENT_TEXT_MARK_USED, p, 1, NULL);
}

enum app_err
consent_end(struct db *db, struct arena *a, long long id,
    enum consent_state from, enum consent_state to, int *changed)
{
	struct db_param p[3] = { DB_STR(str_cstr(consent_state_name(to))),
		DB_INT(id), DB_STR(str_cstr(consent_state_name(from))) };
	enum app_err e;

	*changed = 0;
	if ((e = db_exec(db, a, DB_CONSENT, SQL_CONSENT_END, p, 3, NULL)) !=
	    APP_OK)
		return e;
	*changed = db_affected_rows(db) == 1;
	return APP_OK;
}

enum app_err
consent_event_insert(struct db *db, struct arena *a, long long consent_id,
    enum consent_event_kind event, long long party_id, long long staff_id,
    enum consent_how how, struct str reason)
{
	struct db_param p[6] = {
		DB_INT(consent_id),
		DB_STR(str_cstr(consent_event_name(event))),
		party_id > 0 ? DB_INT(party_id) : DB_NULL,
		staff_id > 0 ? DB_INT(staff_id) : DB_NULL,
		DB_STR(str_cstr(consent_how_name(how))),
		DB_STR(reason),
	};

	return db_exec(db, a, DB_CONSENT, SQL_CONSENT_EVENT_INSERT, p, 6, NULL);
}

enum app_err
consent_party_revoke(struct db *db, struct arena *a, long long consent_id,
    long long party_id, int *changed)
{
	struct db_param p[2] = { DB_INT(party_id), DB_INT(consent_id) };
	enum app_err e;

	*changed = 0;
	if ((e = db_exec(db, a, DB_CONSENT, SQL_CONSENT_PARTY_REVOKE, p, 2,
	         NULL)) != APP_OK)
		return e;
	*changed = db_affected_rows(db) == 1;
	return APP_OK;
}

enum app_err
consent_party_revoke_all(struct db *db, struct arena *a, long long consent_id)
{
	struct db_param p[1] = { DB_INT(consent_id) };

	return db_exec(
	    db, a, DB_CONSENT, SQL_CONSENT_PARTY_REVOKE_ALL, p, 1, NULL);
}

enum app_err
consent_touch(struct db *db, struct arena *a, long long id)
{
	struct db_param p[1] = { DB_INT(id) };

	return db_exec(db, a, DB_CONSENT, SQL_CONSENT_TOUCH, p, 1, NULL);
}

enum app_err
consent_text_update(struct db *db, struct arena *a, long long id,
    struct str title, struct str body)
{
	struct db_param p[3] = { DB_STR(title), DB_STR(body), DB_INT(id) };

	return db_exec(db, a, DB_CONSENT, SQL_CONSENT_TEXT_UPDATE, p, 3, NULL);
}

enum app_err
consent_text_uncurrent(
    struct db *db, struct arena *a, enum consent_kind kind, struct str language)
{
	struct db_param p[2] = { DB_STR(str_cstr(consent_kind_name(kind))),
		DB_STR(language) };

	return db_exec(
	    db, a, DB_CONSENT, SQL_CONSENT_TEXT_UNCURRENT, p, 2, NULL);
}

enum app_err
consent_text_insert(struct db *db, struct arena *a, enum consent_kind kind,
    struct str language, struct str title, struct str body, long long staff_id,
    long long *id)
{
	struct str k = str_cstr(consent_kind_name(kind));
	struct db_param p[7] = { DB_STR(k), DB_STR(language), DB_STR(title),
		DB_STR(body), DB_INT(staff_id), DB_STR(k), DB_STR(language) };
	enum app_err e;

	if ((e = db_exec(db, a, DB_CONSENT, SQL_CONSENT_TEXT_INSERT, p, 7,
	         NULL)) != APP_OK)
		return e;
	*id = (long long)db_insert_id(db);
	return APP_OK;
}

/* ------------------------------------------------------------------------
 * A referral's status box in one statement
 * --------------------------------------------------------------------- */

/* Room for k items of size sz in *p, or APP_ENOMEM (nothing when k = 0). */
static enum app_err
cs_array(struct arena *a, void **p, size_t k, size_t sz)
{
	*p = NULL;
	if (k == 0)
		return APP_OK;
	return (*p = arena_calloc(a, k, sz)) != NULL ? APP_OK : APP_ENOMEM;
}

/* The coverage rows (consent_rows_cover()) of the active waivers in st:
 * one per party of each, with the waiver's facts. closed[j] is list[j]'s
 * case closed flag, party_org[i] parties[i]'s organisation (0: none), both
 * as the statement gave them. */
static enum app_err
cs_cover_rows(struct arena *a, const int *closed, const long long *party_org,
    struct consent_status *st)
{
	enum app_err e;

	if ((e = cs_array(a, (void **)&st->cover, st->nparties,
	         sizeof(*st->cover))) != APP_OK)
		return e;
	for (size_t i = 0; i < st->nparties; i++) {
		const struct consent_party *pt = &st->parties[i];
		const struct consent *c;
		struct consent_cover *cv;
		size_t j = 0;

		while (j < st->n && st->list[j].id != st->party_consent[i])
			j++;
		if (j == st->n)
			continue;
		c = &st->list[j];
		if (c->kind != CONSENT_SEKRETESS || c->state != CONSENT_AKTIV)
			continue;
		cv = &st->cover[st->ncover++];
		cv->consent_id = c->id;
		cv->kind = c->kind;
		cv->state = c->state;
		cv->kind_name = c->kind_name;
		cv->state_name = c->state_name;
		cv->valid_from = c->valid_from;
		cv->valid_until = c->valid_until;
		cv->disclose = c->disclose;
		cv->closed = closed[j];
		cv->party_org = party_org[i];
		cv->party_insats = pt->is_insats;
		cv->party_state = pt->state;
		cv->party_state_name = pt->state_name;
		cv->org_parent = st->org_parent;
	}
	return APP_OK;
}

enum app_err
consent_status_load(struct db *db, struct arena *a, long long referral_id,
    struct str today, struct consent_status *st, int *found)
{
	struct db_param p[3] = { DB_INT(referral_id), DB_INT(referral_id),
		DB_INT(referral_id) };
	struct consent_status_row *rows;
	size_t n, k[3] = { 0, 0, 0 }, nexp = 0;
	int *closed, closed_disclosing = 0, closed_not = 0;
	long long *party_org;
	enum app_err e;

	memset(st, 0, sizeof(*st));
	*found = 0;
	if ((e = db_load(db, a, DB_CONSENT, SQL_CONSENT_STATUS, p, 3,
	         (void **)&rows, &n)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++)
		if (rows[i].kind >= 0 && rows[i].kind < 3)
			k[rows[i].kind]++;
	/* Room for every consent; those that run out are decided below. */
	nexp = k[1];
	if (k[0] == 0)
		return APP_OK;
	if ((e = cs_array(a, (void **)&st->list, k[1], sizeof(*st->list))) !=
	        APP_OK ||
	    (e = cs_array(a, (void **)&st->parties, k[2],
	         sizeof(*st->parties))) != APP_OK ||
	    (e = cs_array(a, (void **)&st->party_consent, k[2],
	         sizeof(*st->party_consent))) != APP_OK ||
	    (e = cs_array(a, (void **)&st->expirable, nexp,
	         sizeof(*st->expirable))) != APP_OK ||
	    (e = cs_array(a, (void **)&closed, k[1], sizeof(*closed))) !=
	        APP_OK ||
	    (e = cs_array(a, (void **)&party_org, k[2], sizeof(*party_org))) !=
	        APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		const struct consent_status_row *w = &rows[i];

		if (w->kind == 0) {
			*found = 1;
			st->ref.id = w->id;
			st->ref.organisation_id = w->n1;
			st->org_parent = w->n2;
			st->ref.at_visa = w->n3 != 0;
			st->ref.protected_identity = w->n4 != 0;
			st->ref.organisation = w->s1;
			st->ref.personnummer = w->s2;
			st->ref.measurement = w->s3;
			closed_disclosing = w->n5 != 0;
			closed_not = w->n6 != 0;
		} else if (w->kind == 1) {
			struct consent *c = &st->list[st->n];
			/* The case's flag for this waiver's direction (the
			 * referral's row, kind 0, comes first). */
			int is_closed =
			    w->n1 != 0 ? closed_disclosing : closed_not;
			closed[st->n++] = is_closed;
			c->id = w->id;
			c->referral_id = referral_id;
			c->disclose = w->n1 != 0;
			c->text_version = w->n4;
			c->active_parties = w->n5;
			c->all_parties = w->n6;
			c->kind_name = w->s1;
			c->state_name = w->s2;
			c->answer_name = w->s3;
			c->language = w->s4;
			c->valid_from = w->s5;
			c->valid_until = w->s6;
			c->signed_how_name = w->s7;
			c->signed_at = date_local_time(a, w->s8);
			c->taken_by = w->s9;
			c->ended_at = date_local_time(a, w->s10);
			consent_decode(c, 1);
			/* Decided here, not in the statement: there it
			 * evaluated the closed case's subqueries twice. */
			if (consent_runs_out(c, is_closed, today))
				st->expirable[st->nexpirable++] = w->id;
		} else if (w->kind == 2) {
			struct consent_party *pt = &st->parties[st->nparties];
			party_org[st->nparties] = w->n2;
			st->party_consent[st->nparties++] = w->n1;
			pt->id = w->id;
			pt->is_insats = w->n3 != 0;
			pt->name = w->s1;
			pt->state_name = w->s2;
			pt->revoked_at = date_local_time(a, w->s3);
			pt->state =
			    consent_party_state_from_name(pt->state_name);
		}
	}
	return cs_cover_rows(a, closed, party_org, st);
}
