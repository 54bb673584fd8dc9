/*
 * contact.h: the rules for a person's contact data, as a remittent records
 * it on a referral and as the insats staff keep it on a participation
 * (sql/0022): the same checks and messages for both forms.
 *
 * No I/O: the decoding reads a result already in memory; unit-tested in
 * tests/unit/test_contact.c.
 */
#ifndef CONTACT_H
#define CONTACT_H

#include <stddef.h>

#include "db.h"
#include "str.h"

struct arena;

/* A person's contact data as one side recorded it: a referral's
 * (referral_person) or a participation's (participation_person), sql/0022.
 * The fields in the order of both tables' statements. */
enum contact_field {
	CONTACT_FIRST_NAME,
	CONTACT_LAST_NAME,
	CONTACT_GENDER,
	CONTACT_ADDRESS,
	CONTACT_POSTAL_CODE,
	CONTACT_CITY,
	CONTACT_PHONE,
	CONTACT_MUNICIPALITY,
	CONTACT_INTERPRETER_NEEDED,
	CONTACT_INTERPRETER_LANGUAGE,
	CONTACT_PROTECTED,
	CONTACT__MAX
};

struct contact_record {
	struct str first_name, last_name, gender, address, postal_code, city,
	    phone, municipality, interpreter_language;
	int interpreter_needed, protected_identity; /* 0 or 1 */
};

/*
 * The decode-table entries (include/db.h) of a struct contact_record that
 * is member M of struct S, in the order of enum contact_field, each read
 * from the column named as contact_field_column() names it ("first_name",
 * ..., "home_municipality", ...). A statement's SQL aliases its columns
 * so; a record lists these among its fields.
 */
#define CONTACT_DB_FIELDS(S, M)                                                \
	DB_FIELD(S, M.first_name, "first_name", DB_F_STR),                     \
	    DB_FIELD(S, M.last_name, "last_name", DB_F_STR),                   \
	    DB_FIELD(S, M.gender, "gender", DB_F_STR),                         \
	    DB_FIELD(S, M.address, "address", DB_F_STR),                       \
	    DB_FIELD(S, M.postal_code, "postal_code", DB_F_STR),               \
	    DB_FIELD(S, M.city, "city", DB_F_STR),                             \
	    DB_FIELD(S, M.phone, "phone", DB_F_STR),                           \
	    DB_FIELD(S, M.municipality, "home_municipality", DB_F_STR),        \
	    DB_FIELD(                                                          \
	        S, M.interpreter_needed, "interpreter_needed", DB_F_BOOL),     \
	    DB_FIELD(                                                          \
	        S, M.interpreter_language, "interpreter_language", DB_F_STR),  \
	    DB_FIELD(S, M.protected_identity, "protected_identity", DB_F_BOOL)

/* A person's gender and its labels: include/gender.h. */

/* The column (and change_history field) name of f: "first_name", ... */
const char *contact_field_column(enum contact_field f);

/* 1 when f is a 0/1 flag (interpreter needed, protected identity). */
int contact_field_is_flag(enum contact_field f);

/* Field f of c as text, as change_history stores it ("0"/"1" for the
 * flags). Borrowed from c. */
struct str contact_field_value(
    const struct contact_record *c, enum contact_field f);

#define CONTACT_MSG_POSTAL                                                     \
	"Ange postnumret som fem siffror, till exempel 461 30."
#define CONTACT_MSG_PHONE                                                        \
	"Ange telefonnumret med siffror, till exempel 0520-49 70 00. Tillåtet " \
	"är också mellanslag, bindestreck, + och parenteser."
#define CONTACT_MSG_LANGUAGE "Ange vilket språk tolken ska tala."

/* "46130" or "461 30" as "461 30" (arena); "" when s is not a Swedish
 * postal code or the arena is full. */
struct str contact_postal(struct arena *, struct str s);

/* 1 when s is a phone number as people write it: at least five digits,
 * otherwise only blanks, '-', '+' and parentheses. */
int contact_phone_ok(struct str s);

/* The Swedish label of a contact field as change_history names it
 * ("first_name" -> "Förnamn"), the same on a referral and a participation;
 * NULL for any other field. Static. */
const char *contact_field_label(struct str field);

/* 1 for the contact fields that tell where a person with protected
 * identity lives or is reached (address, postal code, city, phone). */
int contact_field_is_address(struct str field);

#endif /* !CONTACT_H */
