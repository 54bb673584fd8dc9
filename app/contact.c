/* contact.c: a person's contact data; see include/contact.h. */
#include <string.h>

#include "arena.h"
#include "contact.h"
#include "db.h"

struct str
contact_postal(struct arena *a, struct str s)
{
	char d[5], *out;
	size_t n = 0;

	for (size_t i = 0; i < s.len; i++) {
		if (s.p[i] >= '0' && s.p[i] <= '9' && n < 5)
			d[n++] = s.p[i];
		else if (!(s.p[i] == ' ' && i == 3 && n == 3))
			return STR_LIT("");
	}
	if (n != 5 || (out = arena_alloc(a, 7)) == NULL)
		return STR_LIT("");
	memcpy(out, d, 3);
	out[3] = ' ';
	memcpy(out + 4, d + 3, 2);
	out[6] = '\0';
	return (struct str){ out, 6 };
}

int
contact_phone_ok(struct str s)
{
	size_t digits = 0;

	for (size_t i = 0; i < s.len; i++) {
		char c = s.p[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c != ' ' && c != '-' && c != '+' && c != '(' &&
		    c != ')')
			return 0;
	}
	return digits >= 5;
}

/* One row a field: its column, its Swedish label and where it lives in
 * struct contact_record (a flag's offset is of an int, else of a str). */
static const struct {
	const char *column, *label;
	size_t off;
	int flag;
} contact_fields[CONTACT__MAX] = {
	[CONTACT_FIRST_NAME] = { "first_name", "Förnamn",
	    offsetof(struct contact_record, first_name), 0 },
	[CONTACT_LAST_NAME] = { "last_name", "Efternamn",
	    offsetof(struct contact_record, last_name), 0 },
	[CONTACT_GENDER] = { "gender", "Kön",
	    offsetof(struct contact_record, gender), 0 },
	[CONTACT_ADDRESS] = { "address", "Adress",
	    offsetof(struct contact_record, address), 0 },
	[CONTACT_POSTAL_CODE] = { "postal_code", "Postnummer",
	    offsetof(struct contact_record, postal_code), 0 },
	[CONTACT_CITY] = { "city", "Ort", offsetof(struct contact_record, city),
	    0 },
	[CONTACT_PHONE] = { "phone", "Telefon",
	    offsetof(struct contact_record, phone), 0 },
	[CONTACT_MUNICIPALITY] = { "home_municipality", "Folkbokföringskommun",
	    offsetof(struct contact_record, municipality), 0 },
	[CONTACT_INTERPRETER_NEEDED] = { "interpreter_needed", "Tolk behövs",
	    offsetof(struct contact_record, interpreter_needed), 1 },
	[CONTACT_INTERPRETER_LANGUAGE] = { "interpreter_language", "Tolkspråk",
	    offsetof(struct contact_record, interpreter_language), 0 },
	[CONTACT_PROTECTED] = { "protected_identity",
	    "Skyddade personuppgifter",
	    offsetof(struct contact_record, protected_identity), 1 },
};
_Static_assert(
    sizeof(contact_fields) / sizeof(contact_fields[0]) == CONTACT__MAX,
    "contact_fields[] out of sync with enum contact_field");

const char *
contact_field_column(enum contact_field f)
{
	return contact_fields[f].column;
}

int
contact_field_is_flag(enum contact_field f)
{
	return contact_fields[f].flag;
}

struct str
contact_field_value(const struct contact_record *c, enum contact_field f)
{
	const char *at = (const char *)c + contact_fields[f].off;

	if (contact_fields[f].flag)
		return *(const int *)(const void *)at ? STR_LIT("1")
		                                      : STR_LIT("0");
	return *(const struct str *)(const void *)at;
}

const char *
contact_field_label(struct str field)
{
	for (int f = 0; f < CONTACT__MAX; f++)
		if (str_eq_cstr(field, contact_fields[f].column))
			return contact_fields[f].label;
	return NULL;
}

int
contact_field_is_address(struct str field)
{
	return str_eq_cstr(field, "address") ||
	    str_eq_cstr(field, "postal_code") || str_eq_cstr(field, "city") ||
	    str_eq_cstr(field, "phone");
}
