/* contact.c: a person's contact data; see include/contact.h. */
#include <string.h>

#include "arena.h"
#include "contact.h"

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

const char *
contact_field_label(struct str field)
{
	static const char *const map[][2] = {
		{ "first_name", "Förnamn" },
		{ "last_name", "Efternamn" },
		{ "gender", "Kön" },
		{ "address", "Adress" },
		{ "postal_code", "Postnummer" },
		{ "city", "Ort" },
		{ "phone", "Telefon" },
		{ "home_municipality", "Folkbokföringskommun" },
		{ "interpreter_needed", "Tolk behövs" },
		{ "interpreter_language", "Tolkspråk" },
		{ "protected_identity", "Skyddade personuppgifter" },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (str_eq_cstr(field, map[i][0]))
			return map[i][1];
	return NULL;
}

int
contact_field_is_address(struct str field)
{
	return str_eq_cstr(field, "address") ||
	    str_eq_cstr(field, "postal_code") || str_eq_cstr(field, "city") ||
	    str_eq_cstr(field, "phone");
}
