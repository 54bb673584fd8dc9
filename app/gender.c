/* gender.c: the genders' names and labels; see include/gender.h. */
#include "gender.h"

const char *const gender_names[GENDER__MAX + 1] = {
	[GENDER_KVINNA] = "kvinna",
	[GENDER_MAN] = "man",
	[GENDER_ANNAT] = "annat",
	[GENDER__MAX] = NULL,
};

const char *const gender_labels[GENDER__MAX] = {
	[GENDER_KVINNA] = "Kvinna",
	[GENDER_MAN] = "Man",
	[GENDER_ANNAT] = "Annat",
};
_Static_assert(sizeof(gender_labels) / sizeof(gender_labels[0]) == GENDER__MAX,
    "gender_labels[] out of sync with enum gender");

const char *
gender_name(enum gender g)
{
	return (unsigned)g < GENDER__MAX ? gender_names[g] : "";
}

const char *
gender_label(enum gender g)
{
	return (unsigned)g < GENDER__MAX ? gender_labels[g] : "";
}

int
gender_from_name(struct str name, enum gender *out)
{
	for (int g = 0; g < GENDER__MAX; g++)
		if (str_eq_cstr(name, gender_names[g])) {
			*out = (enum gender)g;
			return 1;
		}
	return 0;
}

const char *
gender_label_of(struct str name)
{
	enum gender g;

	return gender_from_name(name, &g) ? gender_labels[g] : "";
}
