/*
 * person.h: the person link and the referral's record of the person
 * (sql/0022).
 *
 * `person` is only the link between one person's referrals and
 * participations: the personnummer, its kind and the birth year that
 * follows from it. Nothing in it was typed by anybody, and nothing anybody
 * recorded is ever read by personnummer.
 *
 * `referral_person` is the person as the remittent recorded them on their
 * referral (a struct contact_record, include/contact.h), written only by
 * the referral's own form, its changes in the referral's history.
 */
#ifndef PERSON_H
#define PERSON_H

#include "app.h"
#include "pnr.h"
#include "str.h"

struct arena;
struct contact_record;
struct req;

/* The person link as stored. */
struct person {
	long long id;
	struct str personnummer; /* twelve digits */
	struct str id_kind;      /* person_id_kind_name() */
	long long birth_year;
};

/* The record of a statement that returns only a person's id (column
 * "id"). */
extern const struct db_record person_id_record;

/* The id_kind column's value for kind: "personnummer",
 * "samordningsnummer". Static. */
const char *person_id_kind_name(enum pnr_kind kind);

/* 1 when p's number is a samordningsnummer. */
int person_is_samordningsnummer(const struct person *p);

/* A person's gender (referral_person.gender, participation_person.gender)
 * and its labels: include/gender.h, the one table. */

/* The gender a form suggests for a personnummer: its traditional default
 * (odd serial: man), a suggestion only (pnr.h). */
struct str person_gender_default(const struct pnr *p);

/* A stored twelve-digit personnummer as shown, "ÅÅÅÅMMDD-NNNN". Arena;
 * the input itself when it is not twelve digits or the arena is full. */
struct str person_pnr_shown(struct arena *, struct str pnr12);

/*
 * The person link of p inside the caller's transaction: the id of the
 * person row of p's number (locked, so two first referrals of one person
 * serialise), created when there is none. Reads nothing but the id.
 */
enum app_err person_link(struct req *, const struct pnr *p, long long *id);

/* Referral referral_id's record of the person, first written (in the
 * caller's transaction). c is borrowed. */
enum app_err referral_person_insert(
    struct req *, long long referral_id, const struct contact_record *c);

/*
 * Referral referral_id's record of the person from old (as stored, read
 * under the referral's row lock) to new, with a history row under the
 * referral per changed field; nothing is written when nothing changed.
 * In the caller's transaction.
 */
enum app_err referral_person_update(struct req *, long long referral_id,
    const struct contact_record *old, const struct contact_record *new_);

#endif /* !PERSON_H */
