/*
 * page_referral_form.h: the referral application form, shared by its
 * three files: app/page_referral_form.c (the field table, the choices,
 * reading and checking what was posted), app/page_referral_render.c (the
 * page) and app/page_referral_save.c (the handlers: new, create, edit,
 * save). Internal to those three.
 */
#ifndef PAGE_REFERRAL_FORM_H
#define PAGE_REFERRAL_FORM_H

#include <stddef.h>

#include "app.h"
#include "form.h"
#include "pnr.h"
#include "referral.h"
#include "str.h"

struct req;

/* The form's fields, in the order of rf_spec. */
enum rf {
	RF_PNR,
	RF_FIRST, /* RF_FIRST .. RF_PROTECTED: the person, in the order of
	           * enum contact_field */
	RF_LAST,
	RF_GENDER,
	RF_ADDRESS,
	RF_POSTAL,
	RF_CITY,
	RF_PHONE,
	RF_MUNICIPALITY,
	RF_INTERPRETER,
	RF_LANGUAGE,
	RF_PROTECTED,
	RF_INSATS,
	RF_VISA,
	RF_INCOME,
	RF_SICK,
	RF_EMPLOYED,
	RF_EMPLOYER,
	RF_REHAB,
	RF_SUPPORT,
	RF_EDU,
	RF_BACKGROUND,
	RF_GOALS,
	RF_NEEDS,
	RF_TRIED,
	RF_CONSENT_VISA, /* the consent is taken at the VISA visit */
	RF_M1_ORG,       /* then name, contact, user; three rows of four */
	RF_M1_NAME,
	RF_M1_CONTACT,
	RF_M1_USER,
	RF_M2_ORG,
	RF_M2_NAME,
	RF_M2_CONTACT,
	RF_M2_USER,
	RF_M3_ORG,
	RF_M3_NAME,
	RF_M3_CONTACT,
	RF_M3_USER,
	RF_ACTION,
	RF_ONCE, /* a new one: the one-time key (once.h) */
	RF__MAX
};

/* Field j (0 org, 1 name, 2 contact, 3 user) of medremittent row k. */
#define RF_M(k, j) (RF_M1_ORG + (k)*4 + (j))

/* The form's field table (page_referral_form.c). */
extern const struct field_spec rf_spec[RF__MAX];

/* One code list as offered: the active codes plus any stored one that
 * has been deactivated since (so an old referral stays valid). */
struct ref_codes {
	struct referral_code *rows; /* arena */
	size_t n;
	const char **choices; /* n + 1, NULL-terminated, for FT_ENUM */
};

/* The choices of the form. */
struct ref_lists {
	struct referral_insats_choice *insatser; /* every active one */
	size_t ninsatser;
	/* Those the form offers: the ones that take applications
	 * (referral_insats_takes()), and a stored referral's own. */
	struct referral_insats_choice *offered;
	size_t noffered;
	struct referral_org_choice *orgs;
	size_t norgs;
	struct ref_codes edu, income, support;
};

/* Everything the form shows: typed or stored values, errors. */
struct ref_form {
	long long id;             /* 0: a new application */
	struct str v[RF__MAX];    /* as typed or stored; bools "1" or "" */
	const char *err[RF__MAX]; /* Swedish, next to the field */
	struct str *income;       /* the ticked income codes */
	size_t nincome;
	struct str version;   /* hidden, when editing */
	struct str pnr_shown; /* editing: stored, read-only */
	struct pnr pnr;       /* new: the parsed number */
	int pnr_ok;
	int submit;  /* atgard=skicka */
	int covered; /* editing: a waiver in force names the referring org */
	const char *form_error;
	int conflict, locked;
	const struct referral *stored;             /* editing: as stored */
	const struct referral_links *stored_links; /* with conflict */
	unsigned parts; /* of stored, for the conflict's "current" */
	long long corem_staff[REFERRAL_COREM_MAX]; /* named accounts, 0: none */
	/* The same person's open application or ongoing participation in
	 * the insats, among the caller's referrals (referral_dup.h), and
	 * whether "save anyway" was ticked (dubblett_ok). */
	const struct referral_dup_row *dups;
	size_t ndups;
	int dup_ok;
};

/* The choices; stored and links (NULL for a new referral) keep its
 * deactivated codes valid. */
enum app_err rf_lists_load(struct req *, struct ref_lists *,
    const struct referral *stored, const struct referral_links *links);

/* f from the stored referral (id, values, version, personnummer shown). */
enum app_err rf_from_stored(struct req *, struct ref_form *f,
    const struct referral *stored, const struct referral_links *links);

/*
 * Validate the posted form into f, keeping every typed value. A draft
 * needs a valid personnummer, the names and the insats; submitting needs
 * the rest too, and the consent (rf_consent_check()); anything given must
 * be valid either way. For an existing referral (f->id set) the
 * personnummer is not part of the form. *nerr is the number of errors.
 */
enum app_err rf_read(
    struct req *, struct ref_form *f, const struct ref_lists *, size_t *nerr);

/* f->covered for the stored referral (a new one has no waiver), and on
 * submit the consent rule of referral_submit_consent(). */
enum app_err rf_consent_check(struct req *, struct ref_form *f);

/* The checked form as the referral module takes it. Arena. */
enum app_err rf_input(struct req *, const struct ref_form *f,
    const struct ref_lists *, struct referral_input *out);

/* 1 when s is one of set's n strings. */
int rf_in(struct str s, const struct str *set, size_t n);

/* The label of organisation id among the choices, the name of insats id
 * among them; "" when not one. Borrowed from L. */
struct str rf_org_find(const struct ref_lists *L, struct str id);
struct str rf_insats_find(const struct ref_lists *L, struct str id);

/* page_referral_render.c: the page of the form, new or edit, with f's values and errors. */
enum app_err rf_render(
    struct req *, const struct ref_form *f, const struct ref_lists *);

#endif /* !PAGE_REFERRAL_FORM_H */
