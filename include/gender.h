/*
 * gender.h: a person's gender as Stegvis records it (kön): the one table of
 * its database names and Swedish labels. The columns that hold it are
 * ENUM('kvinna', 'man', 'annat') (sql/0001, sql/0022), and SUS and the
 * reports count by it.
 *
 * Pure: no I/O; unit-tested in tests/unit/test_gender.c.
 */
#ifndef GENDER_H
#define GENDER_H

#include "str.h"

enum gender { GENDER_KVINNA, GENDER_MAN, GENDER_ANNAT, GENDER__MAX };

/* The database names in enum order, NULL-terminated: an FT_ENUM field's
 * choices (so a form's .i is the enum gender). Borrowed. */
extern const char *const gender_names[GENDER__MAX + 1];

/* The Swedish labels in enum order ("Kvinna"): a choice list's labels.
 * Borrowed. */
extern const char *const gender_labels[GENDER__MAX];

/* The name as stored ("kvinna"); "" for an out-of-range value. Borrowed. */
const char *gender_name(enum gender);

/* The Swedish label ("Kvinna"); "" for an out-of-range value. Borrowed. */
const char *gender_label(enum gender);

/* The gender stored as name: 1 with *out set, or 0 when name is none of
 * them ("" included). */
int gender_from_name(struct str name, enum gender *out);

/* The Swedish label of a stored name; "" when it names no gender (a
 * person without one recorded). Borrowed. */
const char *gender_label_of(struct str name);

#endif /* !GENDER_H */
