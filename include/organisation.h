/*
 * organisation.h: the organisations of the förbund, their units, and the
 * insatser they host, as the admin pages keep them (sql/0001).
 *
 * An organisation is a member (FK, AF, a kommun, a region) or another
 * top-level body, or a unit of one of them: two levels, never more. An
 * insats is hosted by one organisation and has goals (insats_goal) that the
 * reports measure it against. Kinds, directions, measurement methods and
 * goal kinds are enums with the name stored in the database and a Swedish
 * label; the records are decoded from their statements by the decode
 * tables below (include/db.h).
 *
 * The rules (which parent an organisation may have, which organisation may
 * be chosen, what an insats's address name may be) are pure functions,
 * unit-tested in tests/unit/test_organisation.c without a database.
 * Functions that take a struct req run inside the caller's transaction
 * when one is open; strings they return are arena.
 */
#ifndef ORGANISATION_H
#define ORGANISATION_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct db_record;
struct req;

/* =====================================================================
 * Organisations and units
 * ===================================================================== */

enum org_kind {
	ORG_FK,     /* Försäkringskassan, a member */
	ORG_AF,     /* Arbetsförmedlingen, a member */
	ORG_KOMMUN, /* a municipality, a member */
	ORG_REGION, /* a region, a member */
	ORG_UNIT,   /* a unit of an organisation */
	ORG_OTHER,  /* e.g. the förbund's own office */
	ORG_KIND__MAX
};

/* The kinds' names as stored (organisation.kind), in enum order,
 * NULL-terminated: an FT_ENUM field's choices. Borrowed. */
extern const char *const org_kind_names[ORG_KIND__MAX + 1];

/* The Swedish label ("Kommun (medlem)"); "" out of range. Borrowed. */
const char *org_kind_label(enum org_kind);

/* 1 with *out set when name is a kind's name, else 0. */
int org_kind_from_name(struct str name, enum org_kind *out);

/* 1 for the members of the förbund (FK, AF, kommun, region). */
int org_kind_is_member(enum org_kind);

/* A row of the organisation list (SQL_ADMIN_ORG_LIST): parents first, each
 * followed by its units. */
struct org_row {
	long long id;
	struct str name, short_name;
	struct str kind;        /* a name of org_kind_names */
	long long parent_id;    /* 0 for a top-level one */
	struct str parent_name; /* "" for a top-level one */
	int share_within_unit, active;
	long long staff_count;
};

/* One organisation as its edit form shows it (SQL_ADMIN_ORG_GET/_LOCK). */
struct organisation {
	long long id;
	struct str name, short_name, kind;
	long long parent_id; /* 0 for none */
	int share_within_unit, active;
	long long version; /* its updated_at as a number */
};

extern const struct db_record org_row_record;
extern const struct db_record organisation_record;

/* What the organisation form saves. */
struct org_change {
	long long parent_id; /* 0 for none */
	enum org_kind kind;
	struct str name, short_name;
	int share_within_unit, active;
};

/* Every organisation, in the list's order: an arena array (NULL when
 * none). */
enum app_err org_list(struct req *, struct org_row **rows, size_t *n);

/* Organisation id into *out; *found 0 when there is none. With lock, the
 * row is locked for the rest of the open transaction. */
enum app_err org_get(
    struct req *, long long id, int lock, struct organisation *out, int *found);

/* Insert c (under its parent's förbund, or the installation's one förbund
 * for a top-level one); *id is the new organisation's. APP_EDUP when the
 * name is taken on that level. */
enum app_err org_insert(
    struct req *, const struct org_change *c, long long *id);

/* Save c on organisation id, moving its version on. APP_EDUP as
 * org_insert(). */
enum app_err org_update(struct req *, long long id, const struct org_change *c);

/* 1 when organisation id (of rows) may be chosen: active, or keep_id (the
 * one chosen now); with top_only, only one without a parent. */
int org_selectable(const struct org_row *rows, size_t n, long long id,
    long long keep_id, int top_only);

/*
 * Why organisation id (0: a new one) of kind (-1: not chosen) may not have
 * parent (0: none), or NULL when it may: a unit has a parent, a member has
 * none, the parent is an organisation on the top level that is selectable
 * (stored_parent: the one it has now) and not itself, and an organisation
 * with units of its own stays on the top level. rows: every organisation.
 * A Swedish message.
 */
const char *org_parent_problem(const struct org_row *rows, size_t n,
    long long id, int kind, long long parent, long long stored_parent);

/* =====================================================================
 * Insatser and their goals
 * ===================================================================== */

enum insats_direction {
	INSATS_INDIVID,  /* individual-oriented: has participants */
	INSATS_STRUKTUR, /* structural: counts what it builds */
	INSATS_DIRECTION__MAX
};

enum insats_measurement {
	INSATS_PERSONUPPGIFTER, /* with personal data */
	INSATS_ANTAL,           /* counts only */
	INSATS_MEASUREMENT__MAX
};

/* What a goal measures (insats_goal.kind). */
enum goal_kind {
	GOAL_ARBETSFORMAGA,
	GOAL_EGENFORSORJNING,
	GOAL_LIVSKVALITET,
	GOAL_ARBETE,
	GOAL_REHABILITERING,
	GOAL_HALSA,
	GOAL_OTHER,
	GOAL_KIND__MAX
};

/* Names as stored, in enum order, NULL-terminated (FT_ENUM choices), and
 * Swedish labels. Borrowed. */
extern const char *const insats_direction_names[INSATS_DIRECTION__MAX + 1];
extern const char *const insats_measurement_names[INSATS_MEASUREMENT__MAX + 1];
extern const char *const goal_kind_names[GOAL_KIND__MAX + 1];
const char *insats_direction_label(enum insats_direction);
const char *insats_measurement_label(enum insats_measurement);
const char *goal_kind_label(enum goal_kind);

/* 1 with *out set when name is a direction's (a measurement's) name, else
 * 0. */
int insats_direction_from_name(struct str name, enum insats_direction *out);
int insats_measurement_from_name(struct str name, enum insats_measurement *out);

/* A row of the insats list (SQL_ADMIN_INSATS_LIST), by name. */
struct insats_row {
	long long id;
	struct str name, slug;
	struct str host;                     /* the host organisation's name */
	struct str period_start, period_end; /* ÅÅÅÅ-MM-DD, end "" if open */
	struct str places;                   /* "" when not set */
	int active;
	struct str direction; /* a name of insats_direction_names */
	long long goals;      /* how many */
	long long staff;      /* active staff assigned */
};

/* One insats as its edit form shows it (SQL_ADMIN_INSATS_GET/_LOCK). The
 * optional numbers are text, "" when not set. */
struct insats {
	long long id;
	struct str name, short_name, slug;
	long long host_organisation_id;
	struct str description, location, target_groups;
	struct str direction, measurement;   /* names */
	struct str period_start, period_end; /* ÅÅÅÅ-MM-DD, end "" if open */
	struct str places, hours_min, hours_max, weeks_min, weeks_max;
	struct str summary_due_days;
	int active;
	long long version; /* its updated_at as a number */
};

/* A goal of an insats (SQL_ADMIN_GOALS): numerator of denominator. */
struct insats_goal {
	struct str kind; /* a name of goal_kind_names */
	struct str label;
	long long numerator, denominator;
};

extern const struct db_record insats_row_record;
extern const struct db_record insats_record;
extern const struct db_record insats_goal_record;

/* What the insats form saves; a number < 0 is not set (NULL). */
struct insats_change {
	long long host_organisation_id;
	struct str name, short_name, slug, description, location;
	struct str target_groups;
	enum insats_direction direction;
	enum insats_measurement measurement;
	struct str period_start; /* ÅÅÅÅ-MM-DD */
	struct str period_end;   /* "" for open-ended */
	long long places, hours_min, hours_max, weeks_min, weeks_max;
	long long summary_due_days;
	int active;
	const struct insats_goal *goals; /* in order; borrowed */
	size_t ngoals;
};

/* Every insats, by name: an arena array (NULL when none). */
enum app_err insats_list(struct req *, struct insats_row **rows, size_t *n);

/* Insats id into *out; *found 0 when there is none. With lock, the row is
 * locked for the rest of the open transaction. */
enum app_err insats_get(
    struct req *, long long id, int lock, struct insats *out, int *found);

/* The goals of insats id in order: an arena array (NULL when none). */
enum app_err insats_goals(
    struct req *, long long id, struct insats_goal **rows, size_t *n);

/* Insert c with its goals (under the host's förbund); *id is the new
 * insats's. APP_EDUP when the name or address name is taken. */
enum app_err insats_insert(
    struct req *, const struct insats_change *c, long long *id);

/* Save c on insats id: its fields (moving its version on) and exactly c's
 * goals. APP_EDUP as insats_insert(). */
enum app_err insats_update(
    struct req *, long long id, const struct insats_change *c);

/* 1 when s is an address name: a-z and 0-9 in groups joined by single
 * hyphens, e.g. trampolinen-lilla-edet. */
int insats_slug_ok(struct str s);

#endif /* !ORGANISATION_H */
