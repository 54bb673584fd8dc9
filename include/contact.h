/*
 * contact.h: the rules for a person's contact data, as a remittent records
 * it on a referral and as the insats staff keep it on a participation
 * (sql/0022): the same checks and messages for both forms.
 *
 * Pure functions: no database, no request; unit-tested in
 * tests/unit/test_contact.c.
 */
#ifndef CONTACT_H
#define CONTACT_H

#include "str.h"

struct arena;

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
