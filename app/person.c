/* person.c: the person link and the referral's record of the person; see
 * include/person.h. */
#include <string.h>

#include "gallring.h"
#include "gender.h"
#include "arena.h"
#include "contact.h"
#include "db.h"
#include "history.h"
#include "person.h"
#include "req.h"
#include "sql_referral.h"

static const char *const person_id_kinds[PNR_KIND__MAX] = {
	[PNR_PERSONNUMMER] = "personnummer",
	[PNR_SAMORDNINGSNUMMER] = "samordningsnummer",
};
_Static_assert(
    sizeof(person_id_kinds) / sizeof(person_id_kinds[0]) == PNR_KIND__MAX,
    "person_id_kinds[] out of sync with enum pnr_kind");

static const struct db_field person_id_fields[] = {
	DB_FIELD(person, id, "id", DB_F_INT),
};
const struct db_record person_id_record = DB_RECORD(person, person_id_fields);

const char *
person_id_kind_name(enum pnr_kind kind)
{
	return (unsigned)kind < PNR_KIND__MAX ? person_id_kinds[kind] : "";
}

int
person_is_samordningsnummer(const struct person *p)
{
	return str_eq_cstr(p->id_kind, person_id_kinds[PNR_SAMORDNINGSNUMMER]);
}

struct str
person_gender_default(const struct pnr *p)
{
	return str_cstr(
	    gender_name(p->odd_serial ? GENDER_MAN : GENDER_KVINNA));
}

struct str
person_pnr_shown(struct arena *a, struct str pnr12)
{
	struct pnr p = { 0 };
	char *buf;

	if (gallring_pnr_is_standin(pnr12))
		return STR_LIT(GALLRING_PNR_SHOWN);
	if (pnr12.len != 12)
		return pnr12;
	for (size_t i = 0; i < 12; i++)
		if (pnr12.p[i] < '0' || pnr12.p[i] > '9')
			return pnr12;
	if ((buf = arena_alloc(a, PNR_FORMAT_LEN)) == NULL)
		return pnr12;
	memcpy(p.digits, pnr12.p, 12);
	pnr_format(&p, buf, PNR_FORMAT_LEN);
	return str_cstr(buf);
}

enum app_err
person_link(struct req *r, const struct pnr *pn, long long *id)
{
	struct db_param p[3];
	struct person found;
	int any;
	enum app_err e;

	p[0] = DB_STR(str_cstr(pn->digits));
	if ((e = db_load_one(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_PERSON_FIND,
	         p, 1, &found, &any)) != APP_OK)
		return e;
	if (any) {
		*id = found.id;
		return APP_OK;
	}
	p[1] = DB_STR(str_cstr(person_id_kind_name(pn->kind)));
	p[2] = DB_INT(pn->year);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_PERSON_INSERT,
	         p, 3, NULL)) != APP_OK)
		return e;
	*id = (long long)db_insert_id(r->db);
	return *id > 0 ? APP_OK : APP_EDB;
}

/* The parameters of SQL_REFERRAL_RPERSON_INSERT/_UPDATE: c's fields in
 * the order of enum contact_field, then the referral id. */
static void
referral_person_params(
    const struct contact_record *c, long long referral_id, struct db_param *p)
{
	for (int f = 0; f < CONTACT__MAX; f++) {
		struct str v = contact_field_value(c, (enum contact_field)f);
		p[f] = contact_field_is_flag((enum contact_field)f)
		    ? DB_INT(str_eq_cstr(v, "1"))
		    : DB_STR(v);
	}
	p[CONTACT__MAX] = DB_INT(referral_id);
}

enum app_err
referral_person_insert(
    struct req *r, long long referral_id, const struct contact_record *c)
{
	struct db_param p[CONTACT__MAX + 1];

	referral_person_params(c, referral_id, p);
	return db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_RPERSON_INSERT, p,
	    CONTACT__MAX + 1, NULL);
}

enum app_err
referral_person_update(struct req *r, long long referral_id,
    const struct contact_record *old, const struct contact_record *new_)
{
	struct db_param p[CONTACT__MAX + 1];
	int changed = 0;
	enum app_err e;

	for (int f = 0; f < CONTACT__MAX; f++) {
		struct str was =
		    contact_field_value(old, (enum contact_field)f);
		struct str now =
		    contact_field_value(new_, (enum contact_field)f);

		if (str_eq(was, now))
			continue;
		changed = 1;
		if ((e = history_field(r, HISTORY_REFERRAL, referral_id,
		         contact_field_column((enum contact_field)f), was,
		         now)) != APP_OK)
			return e;
	}
	if (!changed)
		return APP_OK;
	referral_person_params(new_, referral_id, p);
	return db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_RPERSON_UPDATE, p,
	    CONTACT__MAX + 1, NULL);
}
