/* route.c: the route table and the generic checks; see include/route.h. */
#include <string.h>

#include <sodium.h>

#include "db.h"
#include "log.h"
#include "page_admin.h"
#include "page_admin_forbund.h"
#include "page_consent.h"
#include "page_followup.h"
#include "page_form_stash.h"
#include "page_participation.h"
#include "page_quest.h"
#include "page_referral.h"
#include "forbund.h"
#include "page_report.h"
#include "page_structural.h"
#include "page_summary.h"
#include "page_report_document.h"
#include "page_sus.h"
#include "pages.h"
#include "route.h"
#include "session.h"
#include "tablet.h"

#define ANY_STAFF      ROLES_STAFF
#define ADMIN          ROLE_BIT(ROLE_ADMIN)
#define REMITTENT      ROLE_BIT(ROLE_REMITTENT)
#define INSATSPERSONAL ROLE_BIT(ROLE_INSATSPERSONAL)
#define CASEWORK       (REMITTENT | INSATSPERSONAL)
#define INTEGRATION    ROLE_BIT(ROLE_INTEGRATION)
#define FORBUND        ROLE_BIT(ROLE_FORBUND)

/*
 * Every page of the application, in one place: method, path, the roles
 * that may use it, flags and handler. GET routes answer HEAD too. Every
 * POST is CSRF-checked by route_dispatch(); handlers need not.
 */
static const struct route routes[] = {
	{ METHOD_GET, "/", 0, ROUTE_PUBLIC, page_index },
	{ METHOD_GET, "/logga-in", 0, ROUTE_PUBLIC, page_login_form },
	{ METHOD_POST, "/logga-in", 0, ROUTE_PUBLIC | ROUTE_LOGIN_FORM,
	    page_login },
	{ METHOD_GET, "/logga-in/kod", ANY_STAFF, ROUTE_CODE | ROUTE_PASSWORD,
	    page_login_code_form },
	{ METHOD_POST, "/logga-in/kod", ANY_STAFF, ROUTE_CODE | ROUTE_PASSWORD,
	    page_login_code },
	{ METHOD_POST, "/logga-ut", ANY_STAFF, ROUTE_PASSWORD | ROUTE_CODE,
	    page_logout },
	{ METHOD_POST, "/logga-ut-overallt", ANY_STAFF, ROUTE_PASSWORD,
	    page_logout_everywhere },
	{ METHOD_GET, "/losenord", ANY_STAFF, ROUTE_PASSWORD,
	    page_password_form },
	{ METHOD_POST, "/losenord", ANY_STAFF, ROUTE_PASSWORD, page_password },
	{ METHOD_GET, "/start", ANY_STAFF, 0, page_start },
	{ METHOD_GET, "/tvastegs", ANY_STAFF, 0, page_totp },
	{ METHOD_POST, "/tvastegs/aktivera", ANY_STAFF, 0, page_totp_enable },
	{ METHOD_POST, "/tvastegs/stang", ANY_STAFF, 0, page_totp_disable },
	{ METHOD_GET, "/admin", ADMIN, 0, page_admin },
	{ METHOD_GET, "/admin/konton", ADMIN, 0, page_admin_accounts },
	{ METHOD_GET, "/admin/konton/ny", ADMIN, 0, page_admin_account_new },
	{ METHOD_POST, "/admin/konton/ny", ADMIN, 0,
	    page_admin_account_create },
	{ METHOD_GET, "/admin/konton/:id", ADMIN, 0, page_admin_account },
	{ METHOD_POST, "/admin/konton/:id", ADMIN, 0, page_admin_account_save },
	{ METHOD_POST, "/admin/konton/:id/losenord", ADMIN, 0,
	    page_admin_account_password },
	{ METHOD_POST, "/admin/konton/:id/token", ADMIN, 0,
	    page_admin_account_token },
	{ METHOD_POST, "/admin/konton/:id/lasupp", ADMIN, 0,
	    page_admin_account_unlock },
	{ METHOD_POST, "/admin/konton/:id/tvastegs", ADMIN, 0,
	    page_admin_account_totp_reset },
	{ METHOD_GET, "/admin/organisationer", ADMIN, 0, page_admin_orgs },
	{ METHOD_GET, "/admin/organisationer/ny", ADMIN, 0,
	    page_admin_org_new },
	{ METHOD_POST, "/admin/organisationer/ny", ADMIN, 0,
	    page_admin_org_create },
	{ METHOD_GET, "/admin/organisationer/:id", ADMIN, 0, page_admin_org },
	{ METHOD_POST, "/admin/organisationer/:id", ADMIN, 0,
	    page_admin_org_save },
	{ METHOD_GET, "/admin/insatser", ADMIN, 0, page_admin_insatser },
	{ METHOD_GET, "/admin/insatser/ny", ADMIN, 0, page_admin_insats_new },
	{ METHOD_POST, "/admin/insatser/ny", ADMIN, 0,
	    page_admin_insats_create },
	{ METHOD_GET, "/admin/insatser/:id", ADMIN, 0, page_admin_insats },
	{ METHOD_POST, "/admin/insatser/:id", ADMIN, 0,
	    page_admin_insats_save },
	/* The admin's own förbund: no id (page_admin_forbund.c) */
	{ METHOD_GET, "/admin/forbund", ADMIN, 0, page_admin_forbund },
	{ METHOD_POST, "/admin/forbund", ADMIN, 0, page_admin_forbund_save },
	/* Each förbund's own gallring rules (sql/0074) */
	{ METHOD_GET, "/admin/gallring", ADMIN, 0, page_admin_gallring },
	{ METHOD_POST, "/admin/gallring", ADMIN, 0, page_admin_gallring_save },
	{ METHOD_GET, "/admin/logg", ADMIN, 0, page_admin_log },
	{ METHOD_GET, "/admin/logg.csv", ADMIN, 0, page_admin_log_csv },
	{ METHOD_GET, "/admin/kodlistor", ADMIN, ROUTE_INSTALLATION,
	    page_admin_codes },
	{ METHOD_GET, "/admin/kodlistor/:lista", ADMIN, ROUTE_INSTALLATION,
	    page_admin_code_list },
	{ METHOD_POST, "/admin/kodlistor/:lista", ADMIN, ROUTE_INSTALLATION,
	    page_admin_code_list_save },
	/* The remittent's referrals: page_referral.c */
	{ METHOD_GET, "/ansokningar", REMITTENT, 0, page_referrals },
	{ METHOD_GET, "/ansokningar/ny", REMITTENT, 0, page_referral_new },
	{ METHOD_POST, "/ansokningar/ny", REMITTENT, 0, page_referral_create },
	{ METHOD_POST, "/ansokningar/sok", REMITTENT, 0, page_referral_search },
	{ METHOD_GET, "/ansokningar/:id", REMITTENT, 0, page_referral },
	{ METHOD_GET, "/ansokningar/:id/andra", REMITTENT, 0,
	    page_referral_edit },
	{ METHOD_POST, "/ansokningar/:id/andra", REMITTENT, 0,
	    page_referral_save },
	{ METHOD_GET, "/ansokningar/:id/sammanfattning", REMITTENT, 0,
	    page_summary_read },
	{ METHOD_POST, "/ansokningar/:id/aterkalla", REMITTENT, 0,
	    page_referral_withdraw },
	/* The insats staff's inbox and participations: page_participation.c */
	{ METHOD_GET, "/inkorg", INSATSPERSONAL, 0, page_inbox },
	{ METHOD_GET, "/inkorg/:id", INSATSPERSONAL, 0, page_inbox_referral },
	{ METHOD_POST, "/inkorg/:id/beslut", INSATSPERSONAL, 0,
	    page_inbox_decide },
	{ METHOD_GET, "/deltagare", INSATSPERSONAL, 0, page_participants },
	{ METHOD_POST, "/deltagare/sok", INSATSPERSONAL, 0,
	    page_participants_search },
	{ METHOD_GET, "/deltagande/:id", INSATSPERSONAL, 0,
	    page_participation },
	{ METHOD_GET, "/deltagande/:id/atkomstlogg", INSATSPERSONAL, 0,
	    page_participation_access },
	{ METHOD_GET, "/deltagande/:id/kontaktuppgifter", INSATSPERSONAL, 0,
	    page_participation_contact_form },
	{ METHOD_POST, "/deltagande/:id/kontaktuppgifter", INSATSPERSONAL, 0,
	    page_participation_contact },
	{ METHOD_POST, "/deltagande/:id/plan", INSATSPERSONAL, 0,
	    page_participation_plan },
	{ METHOD_POST, "/deltagande/:id/mittuppfoljning", INSATSPERSONAL, 0,
	    page_participation_midterm },
	{ METHOD_GET, "/deltagande/:id/mittuppfoljning/:mid", INSATSPERSONAL, 0,
	    page_participation_midterm_form },
	{ METHOD_POST, "/deltagande/:id/mittuppfoljning/:mid", INSATSPERSONAL,
	    0, page_participation_midterm_save },
	{ METHOD_GET, "/deltagande/:id/rattelse", INSATSPERSONAL, 0,
	    page_participation_correct_form },
	{ METHOD_POST, "/deltagande/:id/rattelse", INSATSPERSONAL, 0,
	    page_participation_correct },
	{ METHOD_POST, "/deltagande/:id/oppna-igen", INSATSPERSONAL, 0,
	    page_participation_reopen },
	{ METHOD_POST, "/deltagande/:id/felregistrera", INSATSPERSONAL, 0,
	    page_participation_mark_error },
	{ METHOD_POST, "/deltagande/:id/forlangning", INSATSPERSONAL, 0,
	    page_participation_extend },
	{ METHOD_POST, "/deltagande/:id/avslut", INSATSPERSONAL, 0,
	    page_participation_end },
	{ METHOD_GET, "/deltagande/:id/sammanfattning", INSATSPERSONAL, 0,
	    page_summary_form },
	{ METHOD_POST, "/deltagande/:id/sammanfattning", INSATSPERSONAL, 0,
	    page_summary_save },
	/* The follow-up six months after the end: page_followup.c */
	{ METHOD_POST, "/deltagande/:id/uppfoljning", INSATSPERSONAL, 0,
	    page_participation_followup },
	/* Consent: page_consent.c (access per referral in the handlers) */
	{ METHOD_GET, "/samtycken/ansokan/:id", CASEWORK, 0, page_consents },
	{ METHOD_GET, "/samtycken/ansokan/:id/ny", CASEWORK, 0,
	    page_consent_new },
	{ METHOD_POST, "/samtycken/ansokan/:id/ny", CASEWORK, 0,
	    page_consent_create },
	{ METHOD_GET, "/samtycken/:id", CASEWORK, 0, page_consent },
	/* The tablet pages: for staff the handover page (GET) and nothing
	 * else; a consent tablet session reaches them for its own consent
	 * only (include/tablet.h), whatever the roles say. */
	{ METHOD_GET, "/samtycken/:id/surfplatta", CASEWORK, 0,
	    page_consent_tablet },
	{ METHOD_POST, "/samtycken/:id/surfplatta", CASEWORK, ROUTE_TABLET,
	    page_consent_sign },
	{ METHOD_POST, "/samtycken/:id/overlamna", CASEWORK, 0,
	    page_consent_handover },
	{ METHOD_POST, "/samtycken/:id/papper", CASEWORK, 0,
	    page_consent_paper },
	{ METHOD_GET, "/samtycken/:id/kopia", CASEWORK, 0, page_consent_copy },
	{ METHOD_GET, "/samtycken/:id/aterkalla", CASEWORK, 0,
	    page_consent_revoke_tablet },
	{ METHOD_POST, "/samtycken/:id/aterkalla", CASEWORK, 0,
	    page_consent_revoke },
	{ METHOD_POST, "/samtycken/:id/felaktig", CASEWORK, 0,
	    page_consent_error },
	/* Each förbund's own consent texts (sql/0073), its own admin's. */
	{ METHOD_GET, "/admin/samtyckestexter", ADMIN, 0,
	    page_admin_consent_texts },
	{ METHOD_POST, "/admin/samtyckestexter/ny", ADMIN, 0,
	    page_admin_consent_text_add },
	{ METHOD_GET, "/admin/samtyckestexter/:id", ADMIN, 0,
	    page_admin_consent_text },
	{ METHOD_POST, "/admin/samtyckestexter/:id", ADMIN, 0,
	    page_admin_consent_text_save },
	/* The activity report: page_report.c (the förbund: every insats and
	 * the whole förbund; insats staff: their own insatser) */
	{ METHOD_GET, "/rapporter", FORBUND | INSATSPERSONAL, 0, page_report },
	{ METHOD_GET, "/rapporter.csv", FORBUND | INSATSPERSONAL, 0,
	    page_report_csv },
	/* The delårsrapport and its texts: page_report_document.c */
	{ METHOD_GET, "/rapporter/delarsrapport", FORBUND | ADMIN, 0,
	    page_report_document },
	{ METHOD_GET, "/rapporter/texter", INSATSPERSONAL | ADMIN, 0,
	    page_report_texts },
	{ METHOD_GET, "/rapporter/texter/:id", INSATSPERSONAL | ADMIN, 0,
	    page_report_text_form },
	{ METHOD_POST, "/rapporter/texter/:id", INSATSPERSONAL | ADMIN, 0,
	    page_report_text_save },
	/* The SUS export: the integration job's API (bearer token only) and
	 * the pages around it: page_sus.c */
	{ METHOD_POST, "/api/sus/batcher", INTEGRATION, ROUTE_BEARER,
	    page_sus_api_create },
	{ METHOD_GET, "/api/sus/batcher/:id", INTEGRATION, ROUTE_BEARER,
	    page_sus_api_batch },
	{ METHOD_POST, "/api/sus/batcher/:id/kvittens", INTEGRATION,
	    ROUTE_BEARER, page_sus_api_ack },
	{ METHOD_GET, "/api/sus/schema", INTEGRATION, ROUTE_BEARER,
	    page_sus_api_schema },
	{ METHOD_GET, "/sus/kvalitet", INSATSPERSONAL | ADMIN, 0,
	    page_sus_quality },
	{ METHOD_GET, "/sus/finsam", FORBUND | ADMIN, 0, page_sus_finsam },
	{ METHOD_GET, "/sus/finsam.csv", FORBUND | ADMIN, 0,
	    page_sus_finsam_csv },
	{ METHOD_GET, "/admin/sus", ADMIN, 0, page_sus_batches },
	/* Questionnaires: the respondent's pages (page_quest.c: no login, the
	 * forms CSRF-checked by the pre-login double-submit cookie) and the
	 * staff's (page_quest_staff.c) */
	{ METHOD_GET, "/surfplatta", 0, ROUTE_PUBLIC, page_kiosk_lock },
	{ METHOD_POST, "/surfplatta", 0, ROUTE_PUBLIC | ROUTE_LOGIN_FORM,
	    page_kiosk_code },
	{ METHOD_GET, "/enkat/lank/:token", 0, ROUTE_PUBLIC, page_kiosk_link },
	{ METHOD_POST, "/enkat/lank/:token", 0, ROUTE_PUBLIC | ROUTE_LOGIN_FORM,
	    page_kiosk_link_start },
	{ METHOD_GET, "/enkat/sprak", 0, ROUTE_PUBLIC, page_kiosk_lang },
	{ METHOD_POST, "/enkat/sprak", 0, ROUTE_PUBLIC | ROUTE_LOGIN_FORM,
	    page_kiosk_lang_set },
	{ METHOD_GET, "/enkat/fraga/:n", 0, ROUTE_PUBLIC, page_kiosk_item },
	{ METHOD_POST, "/enkat/fraga/:n", 0, ROUTE_PUBLIC | ROUTE_LOGIN_FORM,
	    page_kiosk_item_save },
	{ METHOD_GET, "/enkat/skicka", 0, ROUTE_PUBLIC, page_kiosk_send_form },
	{ METHOD_POST, "/enkat/skicka", 0, ROUTE_PUBLIC | ROUTE_LOGIN_FORM,
	    page_kiosk_send },
	{ METHOD_GET, "/enkat/tack", 0, ROUTE_PUBLIC, page_kiosk_thanks },
	{ METHOD_POST, "/deltagande/:id/enkat", INSATSPERSONAL, 0,
	    page_participation_quest },
	{ METHOD_POST, "/deltagande/:id/enkat/slapp", INSATSPERSONAL, 0,
	    page_participation_quest_release },
	{ METHOD_GET, "/admin/enkater", ADMIN, 0, page_admin_quests },
	{ METHOD_POST, "/admin/enkater", ADMIN, 0, page_admin_quest_import },
	{ METHOD_POST, "/admin/enkater/:id/lankar", ADMIN, 0,
	    page_admin_quest_links },
	/* The SUS registration data, set by the insats staff on the
	 * participation page (page_participation_view.c) */
	{ METHOD_POST, "/deltagande/:id/sus-uppgifter", INSATSPERSONAL, 0,
	    page_participation_sus },
	/* The participant's målgrupp (page_participation_target.c) */
	{ METHOD_POST, "/deltagande/:id/malgrupp", INSATSPERSONAL, 0,
	    page_participation_target_group },
	/* A form sent after its session ended, kept: page_form_stash.c */
	{ METHOD_GET, "/formular/sparat", ANY_STAFF, 0, page_form_stash },
	{ METHOD_POST, "/formular/sparat/skicka", ANY_STAFF, 0,
	    page_form_stash_send },
	{ METHOD_POST, "/formular/sparat/avbryt", ANY_STAFF, 0,
	    page_form_stash_cancel },
	{ METHOD_POST, "/formular/sparat/slang", 0,
	    ROUTE_PUBLIC | ROUTE_LOGIN_FORM, page_form_stash_discard },
	/* Structural insatser: the register their staff keep
	 * (page_structural.c, page_structural_training.c) and the goals the
	 * admin sets (page_structural_goal.c) */
	{ METHOD_GET, "/struktur/:id", INSATSPERSONAL, 0, page_structural },
	{ METHOD_GET, "/struktur/:id/foretag/ny", INSATSPERSONAL, 0,
	    page_structural_company_new },
	{ METHOD_POST, "/struktur/:id/foretag/ny", INSATSPERSONAL, 0,
	    page_structural_company_create },
	{ METHOD_GET, "/struktur/foretag/:id", INSATSPERSONAL, 0,
	    page_structural_company },
	{ METHOD_POST, "/struktur/foretag/:id", INSATSPERSONAL, 0,
	    page_structural_company_save },
	{ METHOD_GET, "/struktur/:id/utbildning/ny", INSATSPERSONAL, 0,
	    page_structural_training_new },
	{ METHOD_POST, "/struktur/:id/utbildning/ny", INSATSPERSONAL, 0,
	    page_structural_training_create },
	{ METHOD_GET, "/struktur/utbildning/:id", INSATSPERSONAL, 0,
	    page_structural_training },
	{ METHOD_POST, "/struktur/utbildning/:id", INSATSPERSONAL, 0,
	    page_structural_training_save },
	{ METHOD_GET, "/admin/insatser/:id/strukturmal", ADMIN, 0,
	    page_structural_goals },
	{ METHOD_POST, "/admin/insatser/:id/strukturmal", ADMIN, 0,
	    page_structural_goals_save },
};

const struct route *
route_table(size_t *n)
{
	*n = sizeof(routes) / sizeof(routes[0]);
	return routes;
}

int
route_match(
    const char *pattern, struct str path, struct str *params, size_t *nparams)
{
	const char *pp = pattern;
	size_t i = 0, np = 0;

	while (*pp != '\0' && i < path.len) {
		if (*pp == ':') {
			/* A parameter takes one non-empty segment. */
			size_t start = i;
			while (*pp != '\0' && *pp != '/')
				pp++;
			while (i < path.len && path.p[i] != '/')
				i++;
			if (i == start || np >= MAX_ROUTE_PARAMS)
				return 0;
			params[np++] =
			    (struct str){ path.p + start, i - start };
			continue;
		}
		if (*pp != path.p[i])
			return 0;
		pp++;
		i++;
	}
	if (*pp != '\0' || i != path.len)
		return 0;
	*nparams = np;
	return 1;
}

static int
route_method_ok(const struct route *rt, enum http_method m)
{
	return rt->method == m ||
	    (rt->method == METHOD_GET && m == METHOD_HEAD);
}

/* The matching route, or NULL with *status 404 (no path) or 405 (method;
 * r->allow then names the methods the path has, for the Allow header). */
static const struct route *
route_find(struct req *r, int *status, unsigned *allow)
{
	*allow = 0;
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		struct str params[MAX_ROUTE_PARAMS];
		size_t np = 0;

		if (!route_match(routes[i].pattern, r->path, params, &np))
			continue;
		*allow |= 1u << routes[i].method;
		if (!route_method_ok(&routes[i], r->method))
			continue;
		memcpy(r->params, params, sizeof(params));
		r->nparams = np;
		return &routes[i];
	}
	*status = *allow ? 405 : 404;
	return NULL;
}

/* "GET, HEAD, POST" as far as the path has them. */
static enum app_err
route_allow_header(struct req *r, unsigned allow)
{
	struct buf b;
	enum app_err e = APP_OK;

	buf_init(&b, r->a);
	if (allow & (1u << METHOD_GET))
		e = buf_puts(&b, "GET, HEAD");
	if (e == APP_OK && (allow & (1u << METHOD_POST)))
		e = buf_puts(&b, b.len ? ", POST" : "POST");
	if (e != APP_OK)
		return e;
	return resp_header(&r->resp, "Allow", buf_str(&b));
}

void
route_error_page(struct req *r, int status)
{
	resp_clear(&r->resp);
	r->resp.status = status;
	r->resp.cacheable = 0;
	if (status == 503)
		(void)resp_header(&r->resp, "Retry-After", STR_LIT("30"));
	if (page_error_render(r, status) != APP_OK) {
		/* Even the error view failed (arena full?): a literal page. */
		resp_clear(&r->resp);
		(void)buf_puts(&r->resp.body,
		    "<!doctype html><html lang=\"sv\">"
		    "<title>Fel</title><h1>Ett fel uppstod</h1>"
		    "<p>Försök igen om en stund.</p></html>");
	}
}

/* 401 for a machine route: one plain line, nothing about why (no token,
 * a wrong one or a session cookie look the same). */
static void
route_unauthorized(struct req *r)
{
	resp_clear(&r->resp);
	r->resp.status = 401;
	r->resp.cacheable = 0;
	r->resp.content_type = "text/plain; charset=utf-8";
	(void)resp_header(
	    &r->resp, "WWW-Authenticate", STR_LIT("Bearer realm=\"stegvis\""));
	(void)buf_puts(&r->resp.body, "Unauthorized\n");
}

static void
route_fail(struct req *r, enum app_err e, const char *stage)
{
	int status = app_err_status(e);

	/* A personal questionnaire link's token is a credential: masked. */
	static const char lank[] = "/enkat/lank/";
	int masked = r->path.len >= sizeof(lank) - 1 &&
	    memcmp(r->path.p, lank, sizeof(lank) - 1) == 0;

	if (status >= 500)
		log_error("%s %.*s -> %d %s (%s)",
		    r->method == METHOD_POST ? "POST" : "GET",
		    masked ? (int)sizeof(lank)
		           : (int)(r->path.len > 200 ? 200 : r->path.len),
		    masked ? "/enkat/lank/-" : r->path.p, status,
		    app_strerror(e), stage);
	route_error_page(r, status);
}

/* The pre-login form's CSRF: the form value must equal the cookie set when
 * the form was shown (double submit; there is no session yet). */
static int
route_login_csrf_ok(const struct req *r)
{
	const struct str *c = kv_get(&r->cookies, LOGIN_CSRF_COOKIE);
	const struct str *f = kv_get(&r->form, "csrf");

	return c != NULL && f != NULL && c->len == 64 && f->len == c->len &&
	    sodium_memcmp(c->p, f->p, c->len) == 0;
}

/* route_access(): a POST refused only because the session has ended, is
 * half (code due) or its CSRF token is stale: page_form_stash_keep() may
 * keep it, else it is a 403. */
#define ROUTE_STALE 1

/*
 * Login, role, forced password change and CSRF, in that order. Returns 0
 * to go on, 303 when a redirect was set, ROUTE_STALE, or the error status.
 */
static int
route_access(struct req *r, const struct route *rt)
{
	/* A tablet session got here only for its own consent's pages
	 * (route_tablet()): no login or role applies, its CSRF token does.
	 * (The staff login, public, is checked as for anyone.) */
	if (r->tablet != NULL && !(rt->flags & ROUTE_PUBLIC)) {
		if (r->method != METHOD_POST)
			return 0;
		return session_csrf_ok(r, kv_get(&r->form, "csrf")) ? 0 : 403;
	}
	if ((rt->flags & ROUTE_BEARER) &&
	    (r->user == NULL || !r->user->via_token))
		return 401;
	if (!(rt->flags & ROUTE_PUBLIC)) {
		if (r->user == NULL) {
			if (r->method == METHOD_POST)
				return ROUTE_STALE;
			return page_redirect_login(r) == APP_OK ? 303 : 500;
		}
		if ((rt->roles & r->user->roles) == 0)
			return 403;
		/* Half logged in: only the code page (and logout) until the
		 * second factor is given. */
		if (r->user->code_pending && !(rt->flags & ROUTE_CODE)) {
			if (r->method == METHOD_POST)
				return ROUTE_STALE;
			return page_redirect(r, "/logga-in/kod") == APP_OK
			    ? 303
			    : 500;
		}
		if (r->user->must_change_password &&
		    !(rt->flags & ROUTE_PASSWORD))
			return page_redirect(r, "/losenord") == APP_OK ? 303
			                                               : 500;
	}
	if ((rt->flags & ROUTE_INSTALLATION) && r->user != NULL &&
	    !forbund_may_manage_installation(r))
		return 403;
	if (r->method != METHOD_POST)
		return 0;
	if (rt->flags & ROUTE_LOGIN_FORM)
		return route_login_csrf_ok(r) ? 0 : 403;
	if (r->user != NULL && r->user->via_token)
		return 0; /* no cookie involved: nothing to forge */
	return session_csrf_ok(r, kv_get(&r->form, "csrf")) ? 0 : ROUTE_STALE;
}

/*
 * A request from a consent tablet (its cookie, live or not): what
 * include/tablet.h says of the route. Returns 0 to go on (the consent's own
 * page as the tablet, the staff login, or the lock screen after the tablet
 * session has ended), 303 when the answer is the redirect to the lock
 * screen (the tablet session ended), or 500.
 */
static int
route_tablet(struct req *r, const struct route *rt)
{
	enum tablet_scope scope = tablet_scope(rt->method, rt->pattern,
	    r->params, r->nparams, r->tablet ? r->tablet->consent_id : 0);

	switch (scope) {
	case TABLET_SCOPE_CONSENT:
		r->user = NULL; /* the tablet, never a staff member */
		return 0;
	case TABLET_SCOPE_LOGIN:
		return 0; /* a successful login ends the tablet session */
	case TABLET_SCOPE_LOCK_SCREEN:
		r->user = NULL;
		return session_tablet_end(r, "lock screen") == APP_OK ? 0 : 500;
	case TABLET_SCOPE_LOCK:
	default:
		r->user = NULL;
		if (session_tablet_end(
		        r, "locked: a page outside the tablet") != APP_OK ||
		    page_redirect(r, TABLET_LOCK_PATH) != APP_OK)
			return 500;
		return 303;
	}
}

/* Runs of one request when each ends as a deadlock victim; only make
 * check-ha's test hook changes it (route_test_deadlock_tries()). */
#define ROUTE_DEADLOCK_TRIES 3
static int route_deadlock_tries = ROUTE_DEADLOCK_TRIES;

void
route_test_deadlock_tries(int n)
{
	route_deadlock_tries = n > 0 ? n : 1;
}

/*
 * Run the handler. A deadlock victim that had committed nothing
 * (db_deadlocked()) had its whole transaction rolled back by the server,
 * and nothing of its answer has been sent (the response is built in
 * memory), so the request runs again from the start, up to
 * ROUTE_DEADLOCK_TRIES times in all: two concurrent creates that deadlock
 * both succeed instead of one getting a 500. A handler that answered
 * (APP_OK), or committed anything before the deadlock, is not run again:
 * it gets a 409 (below), not a 500.
 */
static enum app_err
route_run(struct req *r, const struct route *rt)
{
	enum app_err e;

	for (int tries = 1;; tries++) {
		db_deadlock_reset(r->db);
		if ((e = rt->fn(r)) != APP_EDB)
			return e;
		if (!db_deadlocked(r->db) || tries >= route_deadlock_tries)
			break;
		log_info("%s %.*s: deadlock, running it again (%d)",
		    r->method == METHOD_POST ? "POST" : "GET", (int)r->path.len,
		    r->path.p, tries);
		db_rollback(r->db);
		resp_clear(&r->resp);
		r->resp.status = 200;
	}
	/* Lost a race it may not run again (it committed something first,
	 * or lost every time), or waited for a lock in vain: on a Galera
	 * cluster a failed certification, on one server a deadlock or a lock
	 * wait timeout. The transaction was rolled back: a 409, which offers
	 * to send the same again when the run committed nothing else
	 * (page_error.c), not a 500. */
	if (db_lock_conflict(r->db)) {
		log_warn("%s %.*s: lost a race with another change, 409",
		    r->method == METHOD_POST ? "POST" : "GET", (int)r->path.len,
		    r->path.p);
		db_rollback(r->db);
		route_error_page(r, 409);
		return APP_OK;
	}
	return e;
}

void
route_dispatch(struct req *r)
{
	const struct route *rt;
	enum app_err head, e;
	int status = 404;
	unsigned allow;

	head = req_parse_head(r);
	if (head == APP_EINPUT) {
		route_fail(r, head, "head");
		return;
	}
	if ((rt = route_find(r, &status, &allow)) == NULL) {
		route_error_page(r, status);
		if (status == 405)
			(void)route_allow_header(r, allow);
		return;
	}
	/* 413 is decided from CONTENT_LENGTH alone: no byte of the body read. */
	if (head != APP_OK) {
		route_fail(r, head, "head");
		return;
	}
	if ((e = req_parse_input(r)) != APP_OK) {
		route_fail(r, e, "input");
		return;
	}
	if ((e = session_load(r)) != APP_OK) {
		route_fail(r, e, "session");
		return;
	}
	if (session_tablet_cookie(r) && (status = route_tablet(r, rt)) != 0) {
		r->resp.cacheable = 0;
		if (status != 303)
			route_error_page(r, status);
		return;
	}
	if ((status = route_access(r, rt)) != 0) {
		int kept = 0;

		if (status == ROUTE_STALE &&
		    (e = page_form_stash_keep(r, rt->flags, &kept)) != APP_OK) {
			route_fail(r, e, "keep");
			return;
		}
		if (kept)
			return;
		if (status == ROUTE_STALE)
			status = 403;
		if (status == 401)
			route_unauthorized(r);
		else if (status != 303)
			route_error_page(r, status);
		return;
	}
	/* Cacheable only when nothing on it depends on who is asking. */
	r->resp.cacheable = (rt->flags & ROUTE_PUBLIC) && r->user == NULL;
	if ((e = route_run(r, rt)) != APP_OK)
		route_fail(r, e, "handler");
}

enum app_err
route_replay(struct req *r)
{
	const struct route *rt;
	unsigned allow;
	int status;

	r->method = METHOD_POST;
	if ((rt = route_find(r, &status, &allow)) == NULL)
		return APP_ENOTFOUND;
	/* Every check once more; a redirect or anything stale is a refusal
	 * here (the caller has set the session's own CSRF token). */
	if (route_access(r, rt) != 0)
		return APP_EFORBIDDEN;
	/* Not route_run(): the stash's own handler has committed first. */
	return rt->fn(r);
}
