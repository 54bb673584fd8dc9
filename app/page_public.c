/* page_public.c: pages without personal data; see include/pages.h. */
#include "bind.h"
#include "insats_public.h"
#include "pages.h"
#include "public_cache.h"
#include "public_host.h"
#include "req.h"
#include "view.h"

static const struct bind_key insats_keys[] = {
	{ "name", "name" },
	{ "location", "location" },
	{ "target_groups", "target_groups" },
	{ "places", "places" },
	{ "period_start", "period_start" },
	{ "period_end", "period_end" },
	{ "host", "host" },
};

static const struct bind_key goal_keys[] = {
	{ "label", "label" },
	{ "numerator", "numerator" },
	{ "denominator", "denominator" },
	{ "percent", "percent" },
};

/* The page from the database into r->resp.body. */
static enum app_err
page_index_render(struct req *r)
{
	struct insats_public *ins;
	struct insats_public_goal *goals;
	size_t nins, ngoals;
	struct view_ctx *ctx;
	enum app_err e;

	if ((e = insats_public_load(
	         r->db, r->a, &ins, &nins, &goals, &ngoals)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_list(ctx, "insatser")) != APP_OK)
		return e;
	for (size_t i = 0; i < nins; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "insatser");
		size_t first, n;

		if (it == NULL)
			return APP_ENOMEM;
		n = insats_public_goals_of(goals, ngoals, ins[i].id, &first);
		if ((e = bind_record(it, &insats_public_record, insats_keys,
		         BIND_N(insats_keys), &ins[i])) != APP_OK ||
		    (e = bind_list(it, "goals", &insats_public_goal_record,
		         goal_keys, BIND_N(goal_keys), n ? &goals[first] : NULL,
		         n)) != APP_OK)
			return e;
	}
	return page_render(r, "index", "Insatser", ctx);
}

/*
 * GET /: every active insats of one förbund with its places, period and
 * goals. Signed-in staff and a consent tablet see their own förbund's; an
 * anonymous visitor the förbund of the host name asked for (sql/0071), or
 * the one without a host name; with none of them, 404.
 *
 * Anonymous visitors of a förbund get the same bytes, so the worker keeps
 * the page it rendered for them (include/public_cache.h) and serves it
 * again while the database's public page generation is the one it was
 * rendered under: one statement (the generation and the förbund together)
 * instead of two and no rendering. The generation is read before the
 * insatser: a change committed in between makes the kept page newer than
 * its generation says, never older. Signed-in staff and a consent tablet
 * get their own layout (name, CSRF token): always rendered, never kept.
 */
enum app_err
page_index(struct req *r)
{
	char host[PUBLIC_HOST_MAX + 1];
	struct str gen, kept;
	long long forbund;
	enum app_err e;

	if (r->user != NULL || r->tablet != NULL)
		return page_index_render(r);
	(void)public_host_of(r->src.param(r->src.ctx, "HTTP_HOST"), host);
	if ((e = insats_public_generation(
	         r->db, r->a, str_cstr(host), &gen, &forbund)) != APP_OK)
		return e;
	if (forbund == 0)
		return APP_ENOTFOUND;
	db_forbund_set(r->db, forbund);
	if (public_cache_get(forbund, gen, &kept)) {
		r->resp.body.len = 0;
		return buf_append(&r->resp.body, kept.p, kept.len);
	}
	if ((e = page_index_render(r)) != APP_OK)
		return e;
	public_cache_put(
	    forbund, gen, (struct str){ r->resp.body.p, r->resp.body.len });
	return APP_OK;
}
