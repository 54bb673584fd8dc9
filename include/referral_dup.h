/*
 * referral_dup.h: no double participations by accident (issue 15,
 * item 7). The other referrals of one person (by personnummer) to one
 * insats that referral_dup_kind() (referral.h) calls an ongoing
 * participation or an open application, loaded within what the caller
 * may see:
 *   - the remittent: the referrals they reach as a remittent (their own,
 *     as medremittent, their unit's when it shares), and of those only the
 *     ones whose details the waiver shows them (visibility.h), so that the
 *     warning tells nothing a list row would not;
 *   - the insats staff: the referrals of that insats they reach
 *     (ACCESS_SQL_INSATS_WAY: submitted ones of an insats they work in).
 * Nothing anybody else recorded is read, and rows carry no names.
 */
#ifndef REFERRAL_DUP_H
#define REFERRAL_DUP_H

#include <stddef.h>

#include "app.h"
#include "referral.h"
#include "str.h"

struct db_record;
struct req;

/* One other referral that counts. Strings arena. */
struct referral_dup_row {
	long long id;
	struct str status_name;
	enum referral_status status;
	struct str insats;  /* its name */
	struct str created; /* ÅÅÅÅ-MM-DD */
	struct str submitted;
	struct str participation_id, participation_status, start_date;
	int own, co, unit;
	long long waiver_code;
	enum referral_dup kind; /* never REFERRAL_DUP_NONE */
};

extern const struct db_record referral_dup_record;

/* Whose view. */
enum referral_dup_scope {
	REFERRAL_DUP_REMITTENT,
	REFERRAL_DUP_INSATS,
};

/*
 * The referrals of person pnr12 (twelve digits) to insats_id other than
 * exclude_id (0: none) that count, as r's user sees them in scope,
 * newest first. *rows arena; *n 0 when none.
 */
enum app_err referral_duplicates(struct req *, enum referral_dup_scope scope,
    struct str pnr12, long long insats_id, long long exclude_id,
    struct referral_dup_row **rows, size_t *n);

/* "Pågående deltagande (från ÅÅÅÅ-MM-DD)" or "Öppen ansökan (Status)":
 * the Swedish line for one row. Arena; "" when out of memory. */
struct str referral_dup_label(struct req *, const struct referral_dup_row *);

/* Bind rows to ctx for views/partials/dubbletter.html: list "dubbletter"
 * (label, href: the referral's page under prefix, e.g. "/ansokningar/",
 * or for an ongoing participation "/deltagande/" when participations is
 * set) and "has_dubbletter". */
struct view_ctx;
enum app_err referral_dup_bind(struct req *, struct view_ctx *,
    const struct referral_dup_row *rows, size_t n, const char *prefix,
    int participations);

#endif /* !REFERRAL_DUP_H */
