/* consent.c: the consent domain: states, rules and transitions; see
 * include/consent.h. The records it reads and writes are in
 * consent_record.c. */
#include "gallring.h"
#include "access.h"
#include "arena.h"
#include "audit.h"
#include "consent.h"
#include "consent_record.h"
#include "date.h"
#include "db.h"
#include "req.h"
#include "session.h"
#include "view.h"

/* ------------------------------------------------------------------------
 * Names and labels
 * --------------------------------------------------------------------- */

static const char *const kind_names[CONSENT_KIND__MAX] = {
	[CONSENT_SEKRETESS] = "sekretess",
	[CONSENT_SUS] = "sus",
};
static const char *const kind_labels[CONSENT_KIND__MAX] = {
	[CONSENT_SEKRETESS] = "Sekretesslättnad",
	[CONSENT_SUS] = "SUS-samtycke",
};
_Static_assert(sizeof(kind_names) / sizeof(kind_names[0]) == CONSENT_KIND__MAX,
    "kind_names[] out of sync");
_Static_assert(
    sizeof(kind_labels) / sizeof(kind_labels[0]) == CONSENT_KIND__MAX,
    "kind_labels[] out of sync");

static const char *const state_names[CONSENT_STATE__MAX] = {
	[CONSENT_UTKAST] = "utkast",
	[CONSENT_AKTIV] = "aktiv",
	[CONSENT_ATERKALLAD] = "aterkallad",
	[CONSENT_UTGANGEN] = "utgangen",
	[CONSENT_FELAKTIG] = "felaktig",
};
static const char *const state_labels[CONSENT_STATE__MAX] = {
	[CONSENT_UTKAST] = "Förberett, inte signerat",
	[CONSENT_AKTIV] = "Gäller",
	[CONSENT_ATERKALLAD] = "Återkallat",
	[CONSENT_UTGANGEN] = "Utgånget",
	[CONSENT_FELAKTIG] = "Felregistrerat",
};
_Static_assert(
    sizeof(state_names) / sizeof(state_names[0]) == CONSENT_STATE__MAX,
    "state_names[] out of sync");
_Static_assert(
    sizeof(state_labels) / sizeof(state_labels[0]) == CONSENT_STATE__MAX,
    "state_labels[] out of sync");

static const char *const party_state_names[CONSENT_PARTY_STATE__MAX] = {
	[CONSENT_PARTY_AKTIV] = "aktiv",
	[CONSENT_PARTY_ATERKALLAD] = "aterkallad",
};
_Static_assert(sizeof(party_state_names) / sizeof(party_state_names[0]) ==
        CONSENT_PARTY_STATE__MAX,
    "party_state_names[] out of sync");

static const char *const answer_names[CONSENT_ANSWER__MAX] = {
	[CONSENT_JA] = "ja",
	[CONSENT_NEJ] = "nej",
};
_Static_assert(
    sizeof(answer_names) / sizeof(answer_names[0]) == CONSENT_ANSWER__MAX,
    "answer_names[] out of sync");

static const char *const event_names[CONSENT_EV__MAX] = {
	[CONSENT_EV_FORBERETT] = "forberett",
	[CONSENT_EV_GIVET] = "givet",
	[CONSENT_EV_ANDRAT] = "andrat",
	[CONSENT_EV_ATERKALLAT] = "aterkallat",
	[CONSENT_EV_UTGANGET] = "utganget",
	[CONSENT_EV_FELAKTIGT] = "felaktigt",
};
static const char *const event_labels[CONSENT_EV__MAX] = {
	[CONSENT_EV_FORBERETT] = "Förberett",
	[CONSENT_EV_GIVET] = "Givet",
	[CONSENT_EV_ANDRAT] = "Ändrat (en part återkallad)",
	[CONSENT_EV_ATERKALLAT] = "Återkallat",
	[CONSENT_EV_UTGANGET] = "Utgånget",
	[CONSENT_EV_FELAKTIGT] = "Markerat som felregistrerat",
};
_Static_assert(sizeof(event_names) / sizeof(event_names[0]) == CONSENT_EV__MAX,
    "event_names[] out of sync");
_Static_assert(
    sizeof(event_labels) / sizeof(event_labels[0]) == CONSENT_EV__MAX,
    "event_labels[] out of sync");

static const char *const how_names[CONSENT_HOW__MAX] = {
	[CONSENT_HOW_SURFPLATTA] = "surfplatta",
	[CONSENT_HOW_PAPPER] = "papper",
	[CONSENT_HOW_MUNTLIGT] = "muntligt",
	[CONSENT_HOW_SKRIFTLIGT] = "skriftligt",
	[CONSENT_HOW_PERSONAL] = "personal",
	[CONSENT_HOW_SYSTEM] = "system",
};
static const char *const how_labels[CONSENT_HOW__MAX] = {
	[CONSENT_HOW_SURFPLATTA] = "på surfplattan",
	[CONSENT_HOW_PAPPER] = "på papper",
	[CONSENT_HOW_MUNTLIGT] = "muntligt",
	[CONSENT_HOW_SKRIFTLIGT] = "skriftligt",
	[CONSENT_HOW_PERSONAL] = "av personalen",
	[CONSENT_HOW_SYSTEM] = "automatiskt",
};
_Static_assert(sizeof(how_names) / sizeof(how_names[0]) == CONSENT_HOW__MAX,
    "how_names[] out of sync");
_Static_assert(sizeof(how_labels) / sizeof(how_labels[0]) == CONSENT_HOW__MAX,
    "how_labels[] out of sync");

const char *
consent_kind_name(enum consent_kind k)
{
	return str_table_at(kind_names, CONSENT_KIND__MAX, k);
}

const char *
consent_kind_label(enum consent_kind k)
{
	return str_table_at(kind_labels, CONSENT_KIND__MAX, k);
}

enum consent_kind
consent_kind_from_name(struct str s)
{
	return (enum consent_kind)str_table_find(
	    kind_names, CONSENT_KIND__MAX, s);
}

const char *
consent_state_name(enum consent_state st)
{
	return str_table_at(state_names, CONSENT_STATE__MAX, st);
}

const char *
consent_state_label(enum consent_state st)
{
	return str_table_at(state_labels, CONSENT_STATE__MAX, st);
}

enum consent_state
consent_state_from_name(struct str s)
{
	return (enum consent_state)str_table_find(
	    state_names, CONSENT_STATE__MAX, s);
}

const char *
consent_party_state_name(enum consent_party_state st)
{
	return str_table_at(party_state_names, CONSENT_PARTY_STATE__MAX, st);
}

enum consent_party_state
consent_party_state_from_name(struct str s)
{
	return (enum consent_party_state)str_table_find(
	    party_state_names, CONSENT_PARTY_STATE__MAX, s);
}

const char *
consent_answer_name(enum consent_answer a)
{
	return str_table_at(answer_names, CONSENT_ANSWER__MAX, a);
}

enum consent_answer
consent_answer_from_name(struct str s)
{
	return (enum consent_answer)str_table_find(
	    answer_names, CONSENT_ANSWER__MAX, s);
}

const char *
consent_event_name(enum consent_event_kind ev)
{
	return str_table_at(event_names, CONSENT_EV__MAX, ev);
}

const char *
consent_event_label(enum consent_event_kind ev, enum consent_how how)
{
	if (ev == CONSENT_EV_ATERKALLAT && how == CONSENT_HOW_SYSTEM)
		return "Ersatt av ett nytt samtycke";
	return str_table_at(event_labels, CONSENT_EV__MAX, ev);
}

enum consent_event_kind
consent_event_from_name(struct str s)
{
	return (enum consent_event_kind)str_table_find(
	    event_names, CONSENT_EV__MAX, s);
}

const char *
consent_how_name(enum consent_how how)
{
	return str_table_at(how_names, CONSENT_HOW__MAX, how);
}

const char *
consent_how_label(enum consent_how how)
{
	return str_table_at(how_labels, CONSENT_HOW__MAX, how);
}

enum consent_how
consent_how_from_name(struct str s)
{
	return (enum consent_how)str_table_find(how_names, CONSENT_HOW__MAX, s);
}

/* ------------------------------------------------------------------------
 * The rules
 * --------------------------------------------------------------------- */

/* Which transitions each state allows: a draft is signed or found to be
 * in error; a given consent is revoked, found in error, expires or is
 * replaced; an expired waiver can still be revoked. */
static const unsigned char allows[CONSENT_STATE__MAX][CONSENT_ACTION__MAX] = {
	[CONSENT_UTKAST] = { [CONSENT_DO_SIGN] = 1,
	    [CONSENT_DO_MARK_ERROR] = 1 },
	[CONSENT_AKTIV] = { [CONSENT_DO_REVOKE] = 1,
	    [CONSENT_DO_MARK_ERROR] = 1,
	    [CONSENT_DO_EXPIRE] = 1,
	    [CONSENT_DO_REPLACE] = 1 },
	[CONSENT_UTGANGEN] = { [CONSENT_DO_REVOKE] = 1 },
};

int
consent_state_allows(enum consent_state st, enum consent_action act)
{
	return (unsigned)st < CONSENT_STATE__MAX &&
	    (unsigned)act < CONSENT_ACTION__MAX && allows[st][act];
}

static const char *const refusal_texts[CONSENT_REFUSAL__MAX] = {
	[CONSENT_R_NOT_TAKER] = "Bara remittenten som ansökte och insatsens "
	                        "personal tar samtycken.",
	[CONSENT_R_NOTHING_TO_SIGN] = "Samtycket är redan signerat eller "
	                              "avslutat, så det finns inget att skriva "
	                              "under.",
	[CONSENT_R_SIGNED] = "Samtycket är redan signerat eller avslutat.",
	[CONSENT_R_TOO_LATE] =
	    "Giltighetstiden har redan gått ut. Förbered ett "
	    "nytt samtycke.",
	[CONSENT_R_NOT_REVOCABLE] = "Samtycket är redan återkallat eller "
	                            "avslutat, så det finns inget att "
	                            "återkalla.",
	[CONSENT_R_PARTY_GONE] = "Den parten är redan återkallad eller hör "
	                         "inte till samtycket.",
	[CONSENT_R_NOTHING_TO_REVOKE] = "Det finns inget gällande samtycke att "
	                                "återkalla för den här ansökan.",
	[CONSENT_R_ENDED] = "Samtycket är redan avslutat.",
	[CONSENT_R_TEXT_OLD] = "En äldre version ändras inte. Öppna den "
	                       "gällande versionen.",
	[CONSENT_R_GALLRAD] = GALLRING_MSG_REMOVED,
};

const char *
consent_refusal_text(enum consent_refusal why)
{
	if (why == CONSENT_OK || (unsigned)why >= CONSENT_REFUSAL__MAX)
		return NULL;
	return refusal_texts[why];
}

long long
consent_ymd(struct str d)
{
	int y, m, day;

	if (!date_parse_iso(d, &y, &m, &day))
		return 0;
	return (long long)y * 10000 + m * 100 + day;
}

const char *
consent_period_error(long long from, long long until, long long today,
    long long insats_end, long long participation_end)
{
	if (from != 0 && until < from)
		return "Slutdatumet är före startdatumet.";
	if (until < today)
		return "Slutdatumet har redan passerat.";
	if (insats_end != 0 && until > insats_end)
		return "Samtycket kan gälla längst till insatsens slut.";
	if (participation_end != 0 && until > participation_end)
		return "Samtycket kan gälla längst till deltagandets slut.";
	return NULL;
}

const char *
consent_paper_date_error(long long paper, long long today)
{
	return paper > today ? "Datumet på pappret kan inte vara senare än i "
	                       "dag."
	                     : NULL;
}

int
consent_too_late(const struct consent *c, struct str today)
{
	return c->state == CONSENT_UTKAST && c->kind == CONSENT_SEKRETESS &&
	    consent_ymd(c->valid_until) < consent_ymd(today);
}

int
consent_runs_out(const struct consent *c, int closed, struct str today)
{
	/* No last day (NULL, read as "") never runs out by date. */
	long long until = consent_ymd(c->valid_until);

	return c->kind == CONSENT_SEKRETESS && c->state == CONSENT_AKTIV &&
	    (closed || (until != 0 && until < consent_ymd(today)));
}

enum consent_refusal
consent_sign_refusal(const struct consent *c, struct str today)
{
	if (!consent_state_allows(c->state, CONSENT_DO_SIGN))
		return CONSENT_R_SIGNED;
	if (consent_too_late(c, today))
		return CONSENT_R_TOO_LATE;
	return CONSENT_OK;
}

int
consent_may_take(unsigned via)
{
	return (via & (ACCESS_OWN | ACCESS_INSATS)) != 0;
}

enum consent_refusal
consent_handover_refusal(const struct consent *c, unsigned via,
    enum consent_handover what, int revocable, struct str today)
{
	if (what == CONSENT_HANDOVER_REVOKE)
		return revocable ? CONSENT_OK : CONSENT_R_NOTHING_TO_REVOKE;
	if (!consent_may_take(via))
		return CONSENT_R_NOT_TAKER;
	switch (consent_sign_refusal(c, today)) {
	case CONSENT_OK: return CONSENT_OK;
	case CONSENT_R_TOO_LATE: return CONSENT_R_TOO_LATE;
	default: return CONSENT_R_NOTHING_TO_SIGN;
	}
}

int
consent_names_org(enum consent_party_state st, long long party_org,
    long long org, long long org_parent)
{
	return st == CONSENT_PARTY_AKTIV && party_org > 0 &&
	    (party_org == org || (org_parent > 0 && party_org == org_parent));
}

/* Is waiver id of rows (its facts on every row of it) in force today? */
static int
cs_in_force(
    const struct consent_cover *rows, size_t n, long long id, long long today)
{
	const struct consent_cover *w = NULL;
	int insats = 0;

	for (size_t i = 0; i < n; i++) {
		if (rows[i].consent_id != id)
			continue;
		w = &rows[i];
		/* Without the insats as a party the insats may exchange
		 * nothing with anyone. */
		insats |= rows[i].party_insats &&
		    rows[i].party_state == CONSENT_PARTY_AKTIV;
	}
	return w != NULL && insats && w->kind == CONSENT_SEKRETESS &&
	    w->state == CONSENT_AKTIV && consent_ymd(w->valid_from) <= today &&
	    consent_ymd(w->valid_until) >= today && !w->closed;
}

int
consent_rows_cover(const struct consent_cover *rows, size_t n, struct str today,
    long long org, long long org_parent, int need_disclose)
{
	long long t = consent_ymd(today);

	for (size_t i = 0; i < n; i++)
		if (consent_names_org(rows[i].party_state, rows[i].party_org,
		        org, org_parent) &&
		    (!need_disclose || rows[i].disclose) &&
		    cs_in_force(rows, n, rows[i].consent_id, t))
			return 1;
	return 0;
}

long long
consent_revoke_choice(long long waiver, long long sus,
    const struct consent_party *parties, size_t n, long long want,
    long long party, size_t *index)
{
	*index = 0;
	if (want <= 0)
		return 0;
	if (party == 0)
		return want == sus || want == waiver ? want : 0;
	if (want != waiver)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (parties[i].id == party &&
		    parties[i].state == CONSENT_PARTY_AKTIV) {
			*index = i;
			return want;
		}
	return 0;
}

long
consent_pick(const struct consent *list, size_t n, enum consent_kind kind)
{
	long newest = -1;

	for (size_t i = 0; i < n; i++) {
		if (list[i].kind != kind || list[i].state == CONSENT_UTKAST ||
		    list[i].state == CONSENT_FELAKTIG)
			continue;
		if (list[i].state == CONSENT_AKTIV)
			return (long)i;
		if (newest < 0)
			newest = (long)i;
	}
	return newest;
}

/* ------------------------------------------------------------------------
 * The rules asked of the database
 * --------------------------------------------------------------------- */

struct str
consent_today(struct req *r)
{
	char *d = arena_alloc(r->a, 11);

	if (d == NULL)
		return STR_LIT("1970-01-01");
	date_today_iso(d, 11);
	return str_cstr(d);
}

/* End the active waivers ids (n of them) that ran out, each with its
 * event and audit row (pnr: the person's), unless someone ended it
 * meanwhile. */
static enum app_err
consent_expire_ids(
    struct req *r, const long long *ids, size_t n, struct str pnr)
{
	int own_tx = !db_in_tx(r->db), changed;
	enum app_err e;

	if (n == 0)
		return APP_OK;
	if (own_tx && (e = db_begin(r->db)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		long long id = ids[i];
		if ((e = consent_end(r->db, r->a, id, CONSENT_AKTIV,
		         CONSENT_UTGANGEN, &changed)) != APP_OK)
			goto fail;
		/* Ended meanwhile (a revocation, another reader's sweep): the
		 * one who changed it wrote its event. */
		if (!changed)
			continue;
		if ((e = consent_event_insert(r->db, r->a, id,
		         CONSENT_EV_UTGANGET, 0, 0, CONSENT_HOW_SYSTEM,
		         STR_LIT("Giltighetstiden har gått ut eller "
		                 "deltagandet är avslutat."))) != APP_OK ||
		    (e = audit_write(r, AUDIT_UPDATE, "consent", id, pnr,
		         STR_LIT("expired"))) != APP_OK)
			goto fail;
	}
	if (own_tx && (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	if (own_tx)
		db_rollback(r->db);
	return e;
}

enum app_err
consent_expire(struct req *r, long long referral_id)
{
	struct consent *list;
	struct consent_referral ref;
	long long *ids;
	size_t n;
	int found;
	enum app_err e;

	if ((e = consent_expirable(r->db, r->a, referral_id, consent_today(r),
	         &list, &n)) != APP_OK)
		return e;
	if (n == 0)
		return APP_OK;
	if ((e = consent_referral_load(
	         r->db, r->a, referral_id, &ref, &found)) != APP_OK)
		return e;
	if ((ids = arena_calloc(r->a, n, sizeof(*ids))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < n; i++)
		ids[i] = list[i].id;
	return consent_expire_ids(r, ids, n, ref.personnummer);
}

enum app_err
consent_covers(struct req *r, long long referral_id, long long org_id,
    int need_disclose, int *covered)
{
	struct consent_cover *rows;
	size_t n;
	enum app_err e;

	*covered = 0;
	/* Inside a guarded action's transaction: write the referral's guard
	 * row too (sql/0065), which a consent change writes as well, so that
	 * the two are ordered on a Galera cluster and not only by this
	 * node's locks. A page that only shows coverage writes nothing. */
	if (db_in_tx(r->db) &&
	    (e = consent_guard_touch(r->db, r->a, referral_id)) != APP_OK)
		return e;
	if ((e = consent_cover_rows(
	         r->db, r->a, referral_id, org_id, &rows, &n)) != APP_OK)
		return e;
	*covered = consent_rows_cover(rows, n, consent_today(r), org_id,
	    n > 0 ? rows[0].org_parent : 0, need_disclose);
	return APP_OK;
}

enum app_err
consent_details_visible(struct req *r, long long referral_id, long long org_id,
    unsigned via, int *visible)
{
	/* The one rule of who sees what of a referral (visibility.h). */
	return access_details_visible(r, referral_id, org_id, via, visible);
}

enum app_err
consent_revocable(
    struct req *r, long long referral_id, long long *waiver, long long *sus)
{
	struct consent latest;
	int found;
	enum app_err e;

	*waiver = *sus = 0;
	if ((e = consent_latest_given(
	         r->db, r->a, referral_id, &latest, &found)) != APP_OK)
		return e;
	if (found && consent_state_allows(latest.state, CONSENT_DO_REVOKE))
		*waiver = latest.id;
	return consent_sus_yes(r->db, r->a, referral_id, sus);
}

enum app_err
consent_bind_status(struct req *r, struct view_ctx *ctx, long long referral_id,
    unsigned via, struct consent_status_facts *facts)
{
	struct consent_status st;
	const struct consent_referral *ref = &st.ref;
	const struct consent *list;
	size_t n;
	long w, s;
	struct str today = consent_today(r);
	int found, covered;
	enum app_err e;

	/* One statement; a second only when a waiver ran out: it is ended
	 * (with its audit row) and the box read again. */
	if ((e = consent_status_load(
	         r->db, r->a, referral_id, today, &st, &found)) != APP_OK)
		return e;
	if (found && st.nexpirable > 0 &&
	    ((e = consent_expire_ids(r, st.expirable, st.nexpirable,
	          st.ref.personnummer)) != APP_OK ||
	        (e = consent_status_load(
	             r->db, r->a, referral_id, today, &st, &found)) != APP_OK))
		return e;
	if (!found)
		return APP_ENOTFOUND;
	list = st.list;
	n = st.n;
	covered = consent_rows_cover(
	    st.cover, st.ncover, today, ref->organisation_id, st.org_parent, 0);
	if (facts != NULL) {
		facts->covered = covered;
		facts->disclose_covered = consent_rows_cover(st.cover,
		    st.ncover, today, ref->organisation_id, st.org_parent, 1);
	}
	w = consent_pick(list, n, CONSENT_SEKRETESS);
	s = consent_pick(list, n, CONSENT_SUS);
	if ((e = view_ctx_set_int(ctx, "consent_referral_id", referral_id)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "consent_covered", covered)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "consent_referral_org", ref->organisation)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "consent_at_visa", ref->at_visa)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "consent_has_waiver", w >= 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "consent_has_sus", s >= 0)) != APP_OK)
		return e;
	if (w >= 0) {
		const struct consent *c = &list[w];
		if ((e = view_ctx_set_int(ctx, "waiver_id", c->id)) != APP_OK ||
		    (e = view_ctx_set_cstr(ctx, "waiver_state",
		         consent_state_name(c->state))) != APP_OK ||
		    (e = view_ctx_set_cstr(ctx, "waiver_state_label",
		         consent_state_label(c->state))) != APP_OK ||
		    (e = view_ctx_set_str(
		         ctx, "waiver_until", c->valid_until)) != APP_OK ||
		    (e = view_ctx_set_list(ctx, "waiver_parties")) != APP_OK)
			return e;
		for (size_t i = 0; i < st.nparties; i++) {
			struct view_ctx *it;
			if (st.party_consent[i] != c->id)
				continue;
			if ((it = view_ctx_list_add(ctx, "waiver_parties")) ==
			    NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_str(
			         it, "name", st.parties[i].name)) != APP_OK ||
			    (e = view_ctx_set_bool(it, "revoked",
			         st.parties[i].state ==
			             CONSENT_PARTY_ATERKALLAD)) != APP_OK)
				return e;
		}
	}
	if (s >= 0) {
		const struct consent *c = &list[s];
		int yes = c->state == CONSENT_AKTIV && c->answer == CONSENT_JA;
		/* Whether a "yes" is reported with the personnummer also
		 * depends on the insats's own record of the person (protected
		 * identity): only its staff are told which; the remittent side
		 * sees the consent, not what the insats recorded. */
		if ((e = view_ctx_set_bool(ctx, "sus_detail_hidden",
		         yes && !(via & ACCESS_INSATS))) != APP_OK ||
		    (e = view_ctx_set_cstr(ctx, "sus_state",
		         consent_state_name(c->state))) != APP_OK ||
		    (e = view_ctx_set_bool(ctx, "sus_yes",
		         yes &&
		             /* as the SUS export decides it */
		             !ref->protected_identity &&
		             str_eq_cstr(ref->measurement,
		                 "personuppgifter"))) != APP_OK ||
		    (e = view_ctx_set_cstr(ctx, "sus_state_label",
		         c->state == CONSENT_AKTIV && c->answer == CONSENT_NEJ
		             ? "Nej: rapporteras anonymt"
		             : consent_state_label(c->state))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* ------------------------------------------------------------------------
 * The transitions
 * --------------------------------------------------------------------- */

/* Who records it: the staff member, or on the tablet the one who handed
 * it over (with how "surfplatta" saying the participant did it). */
static long long
cs_staff(const struct req *r)
{
	if (r->user != NULL)
		return r->user->id;
	return r->tablet != NULL ? r->tablet->staff_id : 0;
}

/* Lock referral_id for a change to its consents, in the open transaction,
 * and write its guard row (consent_guard_touch(): Galera orders the change
 * with any guard of the referral on another node).
 * A referral gallring removed takes no change (gallring.h): the
 * transaction is rolled back and *refused says so (APP_OK); with refused
 * NULL, APP_ENOTFOUND. */
static enum app_err
cs_lock(struct req *r, long long referral_id, enum consent_refusal *refused)
{
	int found, gallrad;
	enum app_err e;

	if ((e = consent_referral_lock(
	         r->db, r->a, referral_id, &found, &gallrad)) != APP_OK ||
	    (found &&
	        (e = consent_guard_touch(r->db, r->a, referral_id)) !=
	            APP_OK)) {
		db_rollback(r->db);
		return e;
	}
	if (gallring_edit_refusal(gallrad) != NULL) {
		db_rollback(r->db);
		if (refused == NULL)
			return APP_ENOTFOUND;
		*refused = CONSENT_R_GALLRAD;
	}
	return APP_OK;
}

/* cs_lock() in a new transaction. */
static enum app_err
cs_begin(struct req *r, long long referral_id, enum consent_refusal *refused)
{
	enum app_err e;

	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	return cs_lock(r, referral_id, refused);
}

/* A new consent of a kind replaces the one in force: one waiver and one
 * SUS answer per referral at a time. */
static enum app_err
cs_replace(struct req *r, const struct consent *c, struct str pnr)
{
	struct consent *others;
	size_t n;
	int changed;
	enum app_err e;

	if ((e = consent_others_active(r->db, r->a, c->referral_id, c->kind,
	         c->id, &others, &n)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		long long old = others[i].id;
		struct buf why;
		buf_init(&why, r->a);
		if ((e = consent_end(r->db, r->a, old, CONSENT_AKTIV,
		         CONSENT_ATERKALLAD, &changed)) != APP_OK ||
		    (e = consent_party_revoke_all(r->db, r->a, old)) !=
		        APP_OK ||
		    (e = buf_printf(&why, "%s",
		         "Ersatt av ett nytt samtycke av samma slag, "
		         "givet vid samma tillfälle.")) != APP_OK ||
		    (e = consent_event_insert(r->db, r->a, old,
		         CONSENT_EV_ATERKALLAT, 0, cs_staff(r),
		         CONSENT_HOW_SYSTEM, buf_str(&why))) != APP_OK ||
		    (e = audit_write(r, AUDIT_UPDATE, "consent", old, pnr,
		         STR_LIT("superseded"))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* utkast -> aktiv in the caller's transaction (see consent_sign()). */
static enum app_err
cs_sign(struct req *r, const struct consent *c, const struct consent_signing *s,
    struct str pnr, enum consent_refusal *refused)
{
	struct consent lock;
	int found, changed;
	struct str detail;
	enum app_err e;

	*refused = CONSENT_OK;
	if ((e = consent_lock(r->db, r->a, c->id, &lock, &found)) != APP_OK)
		return e;
	if (!found || !consent_state_allows(lock.state, CONSENT_DO_SIGN)) {
		*refused = CONSENT_R_SIGNED;
		return APP_OK;
	}
	/* A signature by typed name is said so in the access log too. */
	if (c->kind == CONSENT_SUS && s->typed)
		detail = s->answer == CONSENT_JA
		    ? STR_LIT("sus consent given: yes, by typed name")
		    : STR_LIT("sus consent given: no, by typed name");
	else if (c->kind == CONSENT_SUS)
		detail = s->answer == CONSENT_JA
		    ? STR_LIT("sus consent given: yes")
		    : STR_LIT("sus consent given: no");
	else
		detail = s->typed ? STR_LIT("waiver given by typed name")
		                  : STR_LIT("waiver given");
	/* The text version the participant saw is frozen from now on. */
	if ((e = consent_sign_update(r->db, r->a, c->id, s, &changed)) !=
	        APP_OK ||
	    (e = consent_text_mark_used(r->db, r->a, c->id)) != APP_OK ||
	    (e = cs_replace(r, c, pnr)) != APP_OK ||
	    (e = consent_event_insert(r->db, r->a, c->id, CONSENT_EV_GIVET, 0,
	         cs_staff(r), s->how, STR_LIT(""))) != APP_OK ||
	    (e = audit_write(r, AUDIT_CREATE, "consent", c->id, pnr, detail)) !=
	        APP_OK)
		return e;
	return APP_OK;
}

/* 1 when ref is among the first n of list. */
static int
cs_party_seen(const struct consent_party_ref *list, size_t n,
    const struct consent_party_ref *ref)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].organisation_id == ref->organisation_id &&
		    list[i].insats_id == ref->insats_id)
			return 1;
	return 0;
}

static int
cs_str_seen(const struct str *list, size_t n, struct str s)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(list[i], s))
			return 1;
	return 0;
}

enum app_err
consent_prepare(
    struct req *r, const struct consent_draft *d, struct str pnr, long long *id)
{
	int waiver = d->kind == CONSENT_SEKRETESS;
	enum consent_refusal refused;
	enum app_err e;

	if (!db_in_tx(r->db))
		return APP_EDB; /* the caller's transaction: see consent.h */
	if ((e = cs_lock(r, d->referral_id, NULL)) != APP_OK)
		return e;
	if ((e = consent_insert(r->db, r->a, d, cs_staff(r), id)) != APP_OK)
		goto fail;
	for (size_t i = 0; waiver && i < d->nparties; i++)
		if (!cs_party_seen(d->parties, i, &d->parties[i]) &&
		    (e = consent_party_insert(
		         r->db, r->a, *id, &d->parties[i])) != APP_OK)
			goto fail;
	for (size_t i = 0; waiver && i < d->ncategories; i++)
		if (!cs_str_seen(d->categories, i, d->categories[i]) &&
		    (e = consent_category_insert(
		         r->db, r->a, *id, d->categories[i])) != APP_OK)
			goto fail;
	/* The text is frozen from the moment it is shown to the
	 * participant, so what they read is what they sign. */
	if ((e = consent_text_mark_used(r->db, r->a, *id)) != APP_OK ||
	    (e = consent_event_insert(r->db, r->a, *id, CONSENT_EV_FORBERETT, 0,
	         cs_staff(r), d->how, STR_LIT(""))) != APP_OK ||
	    (e = audit_write(r, AUDIT_CREATE, "consent", *id, pnr,
	         waiver ? STR_LIT("waiver prepared")
	                : STR_LIT("sus consent prepared"))) != APP_OK)
		goto fail;
	if (d->how == CONSENT_HOW_PAPPER) {
		struct consent c = { .id = *id,
			.referral_id = d->referral_id,
			.kind = d->kind };
		struct consent_signing s = { .how = CONSENT_HOW_PAPPER,
			.signer = STR_LIT(""),
			.signature = STR_LIT(""),
			.paper_date = d->paper_date,
			.answer = waiver ? CONSENT_JA : d->answer };
		if ((e = cs_sign(r, &c, &s, pnr, &refused)) != APP_OK)
			goto fail;
	}
	return APP_OK;
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
consent_sign(struct req *r, const struct consent *c,
    const struct consent_signing *s, struct str pnr,
    enum consent_refusal *refused)
{
	enum app_err e;

	*refused = CONSENT_OK;
	if ((e = cs_begin(r, c->referral_id, refused)) != APP_OK ||
	    *refused != CONSENT_OK)
		return e;
	if ((e = cs_sign(r, c, s, pnr, refused)) != APP_OK)
		goto fail;
	if (*refused != CONSENT_OK) {
		db_rollback(r->db);
		return APP_OK;
	}
	if ((e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
consent_revoke(struct req *r, long long id, long long referral_id,
    long long party, enum consent_how how, struct str reason, struct str pnr,
    enum consent_refusal *refused)
{
	struct consent lock;
	struct buf detail;
	long long left;
	int found, changed, all = party <= 0;
	enum app_err e;

	*refused = CONSENT_OK;
	if ((e = cs_begin(r, referral_id, refused)) != APP_OK ||
	    *refused != CONSENT_OK)
		return e;
	if ((e = consent_lock(r->db, r->a, id, &lock, &found)) != APP_OK)
		goto fail;
	if (!found || !consent_state_allows(lock.state, CONSENT_DO_REVOKE)) {
		db_rollback(r->db);
		*refused = CONSENT_R_NOT_REVOCABLE;
		return APP_OK;
	}
	buf_init(&detail, r->a);
	if (!all) {
		if ((e = consent_party_revoke(
		         r->db, r->a, id, party, &changed)) != APP_OK)
			goto fail;
		if (!changed) {
			db_rollback(r->db);
			*refused = CONSENT_R_PARTY_GONE;
			return APP_OK;
		}
		if ((e = consent_active_party_count(r->db, r->a, id, &left)) !=
		    APP_OK)
			goto fail;
		/* The last party gone ends the waiver as a whole. */
		all = left == 0;
		if (!all &&
		    ((e = consent_touch(r->db, r->a, id)) != APP_OK ||
		        (e = consent_event_insert(r->db, r->a, id,
		             CONSENT_EV_ANDRAT, party, cs_staff(r), how,
		             reason)) != APP_OK ||
		        (e = buf_printf(&detail, "party %lld revoked (%s)",
		             party, consent_how_name(how))) != APP_OK))
			goto fail;
	}
	if (all &&
	    ((e = consent_end(r->db, r->a, id, lock.state, CONSENT_ATERKALLAD,
	          &changed)) != APP_OK ||
	        (e = consent_party_revoke_all(r->db, r->a, id)) != APP_OK ||
	        (e = consent_event_insert(r->db, r->a, id,
	             CONSENT_EV_ATERKALLAT, party, cs_staff(r), how, reason)) !=
	            APP_OK ||
	        (e = buf_printf(&detail, "revoked (%s)",
	             consent_how_name(how))) != APP_OK))
		goto fail;
	if ((e = audit_write(r, AUDIT_UPDATE, "consent", id, pnr,
	         buf_str(&detail))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
consent_mark_error(struct req *r, long long id, long long referral_id,
    struct str reason, struct str pnr, enum consent_refusal *refused)
{
	struct consent lock;
	int found, changed;
	enum app_err e;

	*refused = CONSENT_OK;
	if ((e = cs_begin(r, referral_id, refused)) != APP_OK ||
	    *refused != CONSENT_OK)
		return e;
	if ((e = consent_lock(r->db, r->a, id, &lock, &found)) != APP_OK)
		goto fail;
	if (!found ||
	    !consent_state_allows(lock.state, CONSENT_DO_MARK_ERROR)) {
		db_rollback(r->db);
		*refused = CONSENT_R_ENDED;
		return APP_OK;
	}
	if ((e = consent_end(r->db, r->a, id, lock.state, CONSENT_FELAKTIG,
	         &changed)) != APP_OK ||
	    (e = consent_event_insert(r->db, r->a, id, CONSENT_EV_FELAKTIGT, 0,
	         cs_staff(r), CONSENT_HOW_PERSONAL, reason)) != APP_OK ||
	    (e = audit_write(r, AUDIT_UPDATE, "consent", id, pnr,
	         STR_LIT("entered in error"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
consent_text_save(struct req *r, long long id, struct str title,
    struct str body, struct consent_text *t, enum consent_refusal *refused)
{
	long long next;
	int found;
	enum app_err e;

	*refused = CONSENT_OK;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = consent_text_lock(r->db, r->a, id, t, &found)) != APP_OK)
		goto fail;
	if (!found || !t->is_current) {
		db_rollback(r->db);
		*refused = CONSENT_R_TEXT_OLD;
		return APP_OK;
	}
	if (!t->used)
		e = consent_text_update(r->db, r->a, id, title, body);
	/* Used: the wording a participant saw stays; this is the next
	 * version. */
	else if ((e = consent_text_uncurrent(
	              r->db, r->a, t->kind, t->language)) == APP_OK)
		e = consent_text_insert(r->db, r->a, t->kind, t->language,
		    title, body, cs_staff(r), &next);
	if (e != APP_OK)
		goto fail;
	if ((e = audit_write(r, AUDIT_ADMIN, "consent_text", id, STR_LIT(""),
	         t->used ? STR_LIT("new version")
	                 : STR_LIT("corrected unused text"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
consent_text_add(struct req *r, enum consent_kind kind, struct str language,
    struct str title, struct str body, long long *id)
{
	enum app_err e;

	if ((e = consent_text_uncurrent(r->db, r->a, kind, language)) !=
	        APP_OK ||
	    (e = consent_text_insert(r->db, r->a, kind, language, title, body,
	         cs_staff(r), id)) != APP_OK)
		return e;
	return audit_write(r, AUDIT_ADMIN, "consent_text", *id, STR_LIT(""),
	    STR_LIT("new text"));
}
