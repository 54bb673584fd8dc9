/*
 * code_list.h: the code lists of sql/0005_code_lists.sql (education, income
 * sources, time in public support, occupation, end reasons, reasons to
 * advise against), as the admin keeps them.
 *
 * A code is added and deactivated, never deleted or renamed (registrations
 * refer to it). Each list is an enum value with its address name, Swedish
 * title and shape (whether it has a SUS code, and its extra column: the
 * income sources' public-support flag, the end reasons' outcome). The rows
 * are decoded by one decode table for every list (include/db.h).
 *
 * The rules for what a code may look like are pure, unit-tested in
 * tests/unit/test_code_list.c.
 */
#ifndef CODE_LIST_H
#define CODE_LIST_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct db_record;
struct req;

enum code_list {
	CODE_LIST_EDUCATION,
	CODE_LIST_INCOME,
	CODE_LIST_SUPPORT_TIME,
	CODE_LIST_OCCUPATION,
	CODE_LIST_END_REASON,
	CODE_LIST_ADVISE_AGAINST,
	CODE_LIST__MAX
};

/* A list's extra column. */
enum code_extra {
	CODE_EXTRA_NONE,
	CODE_EXTRA_SUPPORT, /* code_income.public_support, 0/1 */
	CODE_EXTRA_OUTCOME, /* code_end_reason.outcome, a code_outcome name */
};

/* The list's address name (/admin/kodlistor/:lista, "utbildning") and its
 * Swedish title. Borrowed. */
const char *code_list_slug(enum code_list);
const char *code_list_title(enum code_list);

/* 1 when the list's codes have a SUS code. */
int code_list_has_sus(enum code_list);

enum code_extra code_list_extra(enum code_list);

/* 1 with *out set when slug names a list, else 0. */
int code_list_from_slug(struct str slug, enum code_list *out);

/* What an end reason leads to (code_end_reason.outcome, in the ENUM's
 * order). */
enum code_outcome {
	CODE_OUTCOME_ARBETE,
	CODE_OUTCOME_STUDIER,
	CODE_OUTCOME_ARBETSSOKANDE,
	CODE_OUTCOME_REHABILITERING,
	CODE_OUTCOME_SJUKDOM,
	CODE_OUTCOME_ANNAT,
	CODE_OUTCOME_FELREGISTRERING,
	CODE_OUTCOME__MAX
};

/* The outcomes' names as stored, NULL-terminated (FT_ENUM choices).
 * Borrowed. */
extern const char *const code_outcome_names[CODE_OUTCOME__MAX + 1];

/* The Swedish label of an outcome ("Arbete"). Borrowed. */
const char *code_outcome_label(enum code_outcome);

/* The label of a stored outcome name, "" when it names none. Borrowed. */
const char *code_outcome_label_of(struct str name);

/* One code of a list, by sort order then code. Strings are arena. */
struct code_entry {
	struct str code, label;
	long long sort_order;
	int active;
	struct str sus_code; /* "" for none (and in a list without) */
	struct str extra;    /* per code_list_extra(): "0"/"1", an outcome
	                      * name, or "" */
};

extern const struct db_record code_entry_record; /* for sql_admin.c */

/* What is saved of a code. */
struct code_change {
	struct str label;
	long long sort_order;
	int active;
	struct str sus_code; /* "" for none; ignored in a list without */
	int public_support;  /* CODE_EXTRA_SUPPORT only */
	struct str outcome;  /* CODE_EXTRA_OUTCOME only: an outcome name */
};

/* The codes of list: an arena array (NULL when none). */
enum app_err code_list_load(
    struct req *, enum code_list, struct code_entry **rows, size_t *n);

/* Add code to list. APP_EDUP when the code exists. */
enum app_err code_insert(
    struct req *, enum code_list, struct str code, const struct code_change *c);

/* Save c on code of list. */
enum app_err code_update(
    struct req *, enum code_list, struct str code, const struct code_change *c);

/* 1 when s is a code as stored: a-z, 0-9 and '_' (length is the form's). */
int code_text_ok(struct str s);

/* 1 when s is a SUS code: A-Z, a-z and 0-9. */
int code_sus_ok(struct str s);

#endif /* !CODE_LIST_H */
