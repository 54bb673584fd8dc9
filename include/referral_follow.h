/*
 * referral_follow.h: the participation as its remittent side follows it
 * (issue 15 item 1): what the application page (GET /ansokningar/:id)
 * loads to show the start, the contact person, the plan, the mid-term
 * follow-ups, the extensions, the end and the summary's sending, and the
 * waiver facts the decision is made from. Whether the caller may see it
 * is include/visibility.h's (VIS_FOLLOW, VIS_OUTCOME), never decided
 * here. Two statements: the head (with the waiver's scope) always, the
 * items only once the rule allows them.
 */
#ifndef REFERRAL_FOLLOW_H
#define REFERRAL_FOLLOW_H

#include <stddef.h>

#include "app.h"
#include "participation.h"
#include "str.h"

struct req;

/* The head: one row per referral with a participation. Strings arena. */
struct referral_follow {
	long long scope; /* enum vis_scope bits of the latest waiver */
	long long participation_id;
	struct str status_name;           /* participation.status */
	enum participation_status status; /* decoded; not a column */
	struct str start_date, planned_end, end_date;
	struct str contact, contact_email; /* the staff record's; "" none */
	long long hours;                   /* per week; 0 when not set */
	struct str end_reason;             /* the label, "" before the end */
	struct str summary_sent;    /* the latest sent version's time (Swedish),
	                          * "" until one is sent */
	long long summary_versions; /* sent versions (a correction is 2...) */
};
extern const struct db_record referral_follow_record;

/* What one item is. */
enum referral_follow_kind {
	RF_ITEM_ACTIVITY = 1, /* text: the activity, n: hours per week */
	RF_ITEM_MIDTERM = 2,  /* d1: held, text: who attended */
	RF_ITEM_EXTENSION = 3 /* d1: old planned end ("" none), d2: the new,
	                       * text: the reason */
};

struct referral_follow_item {
	long long kind; /* enum referral_follow_kind */
	struct str d1, d2, text;
	long long n;
};
extern const struct db_record referral_follow_item_record;

/* The head of referral_id's participation into *out (*found 0 when it
 * has none): the scope as of today (consent_today()). */
enum app_err referral_follow_head(struct req *, long long referral_id,
    struct referral_follow *out, int *found);

/* The items of participation_id (arena; NULL when none). */
enum app_err referral_follow_items(struct req *, long long participation_id,
    struct referral_follow_item **items, size_t *n);

#endif /* !REFERRAL_FOLLOW_H */
