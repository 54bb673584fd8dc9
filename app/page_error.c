/* page_error.c: the Swedish error pages; see include/pages.h. */
#include <string.h>

#include "conf.h"
#include "db.h"
#include "form_stash.h"
#include "once.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "view.h"

static const struct {
	int status;
	const char *title;
	const char *message;
} page_errors[] = {
	{ 400, "Felaktig förfrågan",
	    "Det som skickades gick inte att tolka. Gå tillbaka, kontrollera "
	    "uppgifterna och försök igen." },
	{ 403, "Åtkomst nekad",
	    "Du har inte behörighet till sidan, eller så har formuläret hunnit bli "
	    "för gammalt. Ladda om sidan och försök igen." },
	{ 404, "Sidan finns inte",
	    "Sidan du söker finns inte. Kontrollera adressen eller gå till startsidan." },
	{ 405, "Otillåten metod",
	    "Sidan kan inte användas på det sättet. Gå till startsidan och försök igen." },
	{ 409, "Någon annan ändrade samtidigt",
	    "Någon annan ändrade samma uppgifter i samma ögonblick, så det du "
	    "skickade kunde inte sparas. Kontrollera uppgifterna och försök "
	    "igen." },
	{ 413, "För mycket data",
	    "Det du skickade är större än vad Stegvis tar emot (högst 1 MB)." },
	{ 500, "Ett internt fel uppstod",
	    "Något gick fel hos oss. Försök igen om en stund. Kvarstår felet, "
	    "kontakta supporten och uppge felkoden nedan." },
	{ 503, "Tjänsten är tillfälligt otillgänglig",
	    "Stegvis kan inte läsa eller spara i sin databas just nu, ett "
	    "tillfälligt fel. Inget av det du gjort har gått förlorat på grund "
	    "av detta. Försök igen om en stund." },
};

/* A field whose value is never written into a page: a password or a
 * one-time code. */
static int
page_error_secret(struct str key)
{
	static const char pw[] = "losenord";

	if (key.len == 3 && memcmp(key.p, "kod", 3) == 0)
		return 1;
	for (size_t i = 0; i + sizeof(pw) - 1 <= key.len; i++)
		if (memcmp(key.p + i, pw, sizeof(pw) - 1) == 0)
			return 1;
	return 0;
}

/*
 * Whether a 503 (or a 409 of a lost race, route.c) keeps what was sent: a
 * staff member's POST from one of our own pages (not a consent tablet's,
 * not a machine's) without a password or code in it. Then the page shows
 * what was typed and offers to send the same fields again; its CSRF token
 * and one-time key go with it, so the route checks it all once more and a
 * retry never creates a second one.
 */
static int
page_error_resend_ok(const struct req *r)
{
	if (r->method != METHOD_POST || r->form.n == 0 || r->conf == NULL ||
	    r->src.param == NULL || r->tablet != NULL ||
	    kv_get(&r->cookies, SESSION_COOKIE) == NULL)
		return 0;
	/* A page cannot send a chosen file again: promising to keep the
	 * form would lose the file. */
	if (r->files.n > 0)
		return 0;
	if (!form_stash_same_origin(
	        r->src.param(r->src.ctx, "HTTP_SEC_FETCH_SITE"),
	        r->src.param(r->src.ctx, "HTTP_ORIGIN"), r->conf->base_url,
	        r->src.param(r->src.ctx, "HTTP_HOST")))
		return 0;
	for (size_t i = 0; i < r->form.n; i++)
		if (page_error_secret(r->form.v[i].key))
			return 0;
	return 1;
}

/* Bind "resend" and, when it is on, the form to send again: "action" (the
 * path and query it was sent to), "hidden" (every field as sent) and
 * "fields" (what was typed, without the token and the one-time key). */
static enum app_err
page_error_resend(struct req *r, struct view_ctx *ctx)
{
	struct buf action;
	enum app_err e;
	int on = page_error_resend_ok(r);

	if ((e = view_ctx_set_bool(ctx, "resend", on)) != APP_OK || !on)
		return e;
	buf_init(&action, r->a);
	if ((e = buf_append(&action, r->path.p, r->path.len)) != APP_OK ||
	    (r->query_raw.len > 0 &&
	        ((e = buf_puts(&action, "?")) != APP_OK ||
	            (e = buf_append(&action, r->query_raw.p,
	                 r->query_raw.len)) != APP_OK)) ||
	    (e = view_ctx_set_str(ctx, "action", buf_str(&action))) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "hidden")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "fields")) != APP_OK)
		return e;
	for (size_t i = 0; i < r->form.n; i++) {
		const struct kv *f = &r->form.v[i];
		struct view_ctx *it = view_ctx_list_add(ctx, "hidden");

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "name", f->key)) != APP_OK ||
		    (e = view_ctx_set_str(it, "value", f->val)) != APP_OK)
			return e;
		if (str_eq_cstr(f->key, "csrf") ||
		    str_eq_cstr(f->key, ONCE_FIELD))
			continue;
		if ((it = view_ctx_list_add(ctx, "fields")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "name", f->key)) != APP_OK ||
		    (e = view_ctx_set_str(it, "value", f->val)) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
page_error_render(struct req *r, int status)
{
	size_t i, n = sizeof(page_errors) / sizeof(page_errors[0]);
	struct view_ctx *ctx;
	enum app_err e;

	for (i = 0; i < n - 1; i++)
		if (page_errors[i].status == status)
			break;
	if (page_errors[i].status != status)
		i = n - 2; /* unknown status: the 500 text */
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_int(ctx, "status", status)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "message", page_errors[i].message)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "request_id", r->request_id)) != APP_OK)
		return e;
	/* Worth sending again as it was when nothing was saved: a 503, or a
	 * lost race (route.c) of a run that committed nothing. */
	if (status == 503 || (status == 409 && !db_committed(r->db)))
		e = page_error_resend(r, ctx);
	else
		e = view_ctx_set_bool(ctx, "resend", 0);
	if (e != APP_OK)
		return e;
	return page_render(r, "error", page_errors[i].title, ctx);
}
