/*
 * visibility.h: which parts of a referral, its person and its
 * participation a caller may see. The one rule; every page, list and
 * search asks it.
 *
 * The caller's inputs come from elsewhere: the roles from the session, the
 * ways they reach the referral from access_referral() (include/access.h),
 * the waiver state for their organisation from a statement (the lists
 * compute it in SQL, ACCESS_SQL_WAIVER in include/sql_access.h), and the
 * protected-identity flag from the record shown. The decision is made
 * here, and only here.
 *
 * The rule (DOMAIN.md "Who sees what of a person"):
 *   - a way counts only with its role: the remittent ways (own,
 *     medremittent, unit) for ROLE_REMITTENT, the insats way for
 *     ROLE_INSATSPERSONAL. The förbund, admin and integration roles see no
 *     person. A caller reaching the referral several ways sees the union.
 *   - the insats staff see the referral, the person and the participation
 *     whatever the waiver says (they keep the participation; the waiver
 *     governs what goes back to the referring side), and they alone see
 *     whether a SUS "yes" is reported with the personnummer (it depends on
 *     the insats's record of the person).
 *   - the remittent side sees that the referral exists (its insats, the
 *     person's name) always, and its details only while the latest given
 *     waiver, in force or expired, still names their organisation or its
 *     parent as an active party, or, before any waiver is given, when the
 *     caller belongs to the referring organisation itself (what its
 *     remittent wrote is theirs; the "samtycke vid VISA" marker only lets
 *     the referral be sent before the waiver), or is the referral's own
 *     remittent, who keeps that rule after moving to another organisation
 *     (vis_remittent_waiver()). A medremittent from another
 *     organisation passes the same waiver test as everyone else: nothing
 *     but that it exists until a waiver names their organisation. A
 *     revoked waiver, one marked in error, or one that does not name them
 *     (any more) leaves only that it exists.
 *   - the participation's course (VIS_FOLLOW: start date, contact
 *     person, the plan's activities and hours, mid-term follow-ups with
 *     their date and who attended, extensions, end date, the summary's
 *     sending) reaches the remittent side only as the waiver lets the
 *     insats disclose it to their organisation (vis_follow()): the waiver
 *     in force names their organisation or its parent, allows disclosure
 *     and names the category planering ("Planering och insatser": the
 *     plan and its course are planning). The end reason (VIS_OUTCOME)
 *     says where the person went (work, studies, job-seeking, illness):
 *     it needs arbete ("Arbete och studier") as well. The internal note
 *     of a mid-term follow-up and the SUS items (occupation and income
 *     after) are the insats's record and never shown to the remittent.
 *     When the summary has gone (the case's purpose fulfilled, which
 *     closes the waiver's case) what was disclosed stays readable until
 *     the participant revokes. Every other state (expired before that,
 *     revoked, in error, another organisation's, none given) shows only
 *     that the participation exists. The insats staff see it all.
 *   - where a person with protected identity lives and is reached
 *     (address, postal code, city, phone) is shown on no page; only the
 *     remittent who made the referral holds it, in their own edit form.
 *
 * Pure: no database, no request. Unit-tested as a matrix of roles x
 * relations x waiver states x protected identity in
 * tests/unit/test_visibility.c.
 */
#ifndef VISIBILITY_H
#define VISIBILITY_H

/*
 * The secrecy waiver of a referral as it applies to the caller's
 * organisation: the latest signed one (drafts say nothing). The values
 * are what ACCESS_SQL_WAIVER computes (checked in app/sql_access.c).
 */
enum vis_waiver {
	VIS_WAIVER_NONE,       /* no waiver given yet; the caller's organisation
	                        * is the referring one */
	VIS_WAIVER_NAMES_ORG,  /* in force (aktiv) and names the org or its
	                        * parent as an active party */
	VIS_WAIVER_OTHER_ORGS, /* in force but does not name the org (never
	                        * did, or its party was revoked) */
	VIS_WAIVER_EXPIRED_NAMES_ORG,  /* expired (utgangen), naming the org */
	VIS_WAIVER_EXPIRED_OTHER_ORGS, /* expired, not naming the org */
	VIS_WAIVER_REVOKED,            /* revoked (aterkallad) */
	VIS_WAIVER_IN_ERROR,           /* signed, then marked in error */
	VIS_WAIVER_NONE_OTHER_ORG,     /* no waiver given yet; the caller's
	                                * organisation is another one (a
	                                * medremittent's) */
	VIS_WAIVER__MAX
};

/* The parts of a referral a caller may see. */
enum vis_part {
	VIS_REFERRAL,      /* that it exists: its insats, the person's name,
	                    * when it was made and by whom */
	VIS_IDENTITY,      /* the person's identity: personnummer, gender,
	                    * birth year, kommun, interpreter */
	VIS_DETAILS,       /* the referral's details: status and decision,
	                    * the texts, income, medremittenter, history,
	                    * consents */
	VIS_ADDRESS,       /* where the person lives and is reached: address,
	                    * postal code, city, phone */
	VIS_EDIT,          /* the referral's record as stored, a protected
	                    * address included: its own remittent's form */
	VIS_PARTICIPATION, /* the participation's details (the insats's
	                    * pages) */
	VIS_SUS_DETAIL,    /* whether a SUS "yes" is reported with the
	                    * personnummer */
	VIS_FOLLOW,        /* the participation as it goes, on the
	                    * remittent's page: start, contact person, plan,
	                    * mid-term follow-ups, extensions, end date, the
	                    * summary (vis_follow()) */
	VIS_OUTCOME,       /* how it ended: the end reason (VIS_FOLLOW and
	                    * the category arbete) */
	VIS__MAX
};

/*
 * What the latest given waiver says beyond its state, as bits (the
 * values ACCESS_SQL_WAIVER_SCOPE computes, checked in app/sql_access.c):
 * the facts the remittent side's follow-up (VIS_FOLLOW) is decided from.
 */
enum vis_scope {
	VIS_SCOPE_DISCLOSE = 1 << 0,  /* direction_disclose: the insats may
	                               * give information to the parties */
	VIS_SCOPE_PLANERING = 1 << 1, /* names the category planering
	                               * ("Planering och insatser") */
	VIS_SCOPE_ARBETE = 1 << 2,    /* names the category arbete ("Arbete
	                               * och studier") */
	VIS_SCOPE_CURRENT = 1 << 3,   /* today within its period, the insats
	                               * still an active party, its case not
	                               * closed: with state aktiv, in force as
	                               * consent.h defines it */
	VIS_SCOPE_DELIVERED = 1 << 4, /* a summary version was sent while it was
	                               * given and not yet ended (the send
	                               * needs it in force, disclosing) */
};

#define VIS_BIT(p) (1u << (p))

/* What the decision depends on. */
struct vis_in {
	unsigned roles;         /* ROLE_BIT()s of the caller (session.h) */
	unsigned via;           /* enum access_via bits (access.h) */
	enum vis_waiver waiver; /* as it applies to the caller's org */
	int protected_identity; /* the record shown says skyddade
	                         * personuppgifter */
	unsigned scope;         /* enum vis_scope bits of the same waiver;
	                         * 0 where a page does not ask VIS_FOLLOW */
};

/*
 * 1 when the remittent side sees the participation's course under waiver
 * w (as vis_remittent_waiver() reads it) with scope: the waiver names
 * their organisation, lets the insats disclose (VIS_SCOPE_DISCLOSE) and
 * names planering, and either it is in force (VIS_WAIVER_NAMES_ORG and
 * VIS_SCOPE_CURRENT) or its case closed by the summary it let the
 * insats send (VIS_SCOPE_DELIVERED, aktiv or expired since). No waiver
 * yet, another organisation's, revoked, in error, expired before the
 * summary went: no.
 */
int vis_follow(enum vis_waiver w, unsigned scope);

/* 1 when a waiver's scope lets the insats share the participation's
 * course: it allows disclosure and names planering (the half of
 * vis_follow() that does not depend on the waiver's state; the summary's
 * send asks it too, summary_may_send()). */
int vis_scope_shares_course(unsigned scope);

/* The parts (VIS_BIT()s) in may see. */
unsigned visibility(const struct vis_in *in);

/* 1 when part is among what in may see. */
int vis_may(const struct vis_in *in, enum vis_part part);

/* A waiver state as a statement returned it (ACCESS_SQL_WAIVER); a value
 * out of range is a bug and reads as VIS_WAIVER_IN_ERROR (shows least). */
enum vis_waiver vis_waiver_from_code(long long code);

/*
 * The waiver states (bit 1u << enum vis_waiver) in which a caller with
 * roles sees part through each single way in via, whichever the protected
 * flag: for a list statement that has to leave rows out in SQL (a LIMIT
 * after the filter) with the decision made here.
 */
unsigned vis_waiver_mask(unsigned roles, unsigned via, enum vis_part part);

/*
 * The waiver state w (as it applies to the caller's organisation) as the
 * remittent side reaching the referral through via reads it: before any
 * waiver, the referral's own remittent (ACCESS_OWN) keeps the referring
 * organisation's rule (VIS_WAIVER_NONE) even from another organisation
 * now; VIS_WAIVER_NONE_OTHER_ORG is left only for one who reaches it
 * otherwise (a medremittent's "not yet").
 */
enum vis_waiver vis_remittent_waiver(enum vis_waiver w, unsigned via);

/*
 * 1 when the remittent side of an organisation sees a referral's details
 * under waiver w: what consent_details_visible() (consent.h) answers.
 */
int vis_remittent_details(enum vis_waiver w);

#endif /* !VISIBILITY_H */
