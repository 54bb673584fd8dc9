/* page_public.c: pages without personal data; see include/pages.h. */
#include "db.h"
#include "sql_public.h"
#include "pages.h"
#include "req.h"
#include "view.h"

/* Columns of SQL_INSATS_LIST and SQL_INSATS_GOALS (sql_public.h). */
enum {
	IL_ID,
	IL_NAME,
	IL_LOCATION,
	IL_TARGET,
	IL_PLACES,
	IL_START,
	IL_END,
	IL_HOST
};
enum { IG_INSATS, IG_LABEL, IG_NUM, IG_DEN };

/* GET /: every active insats with its places, period and goals. */
enum app_err
page_index(struct req *r)
{
	struct db_rows ins, goals;
	struct view_ctx *ctx;
	enum app_err e;
	size_t g = 0;

	if ((e = db_exec(r->db, r->a, DB_PUBLIC, SQL_INSATS_LIST, NULL, 0,
	         &ins)) != APP_OK ||
	    (e = db_exec(r->db, r->a, DB_PUBLIC, SQL_INSATS_GOALS, NULL, 0,
	         &goals)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < ins.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "insatser");
		struct str id = db_cell(&ins, i, IL_ID);

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(
		         it, "name", db_cell(&ins, i, IL_NAME))) != APP_OK ||
		    (e = view_ctx_set_str(it, "location",
		         db_cell(&ins, i, IL_LOCATION))) != APP_OK ||
		    (e = view_ctx_set_str(it, "target_groups",
		         db_cell(&ins, i, IL_TARGET))) != APP_OK ||
		    (e = view_ctx_set_str(it, "places",
		         db_cell(&ins, i, IL_PLACES))) != APP_OK ||
		    (e = view_ctx_set_str(it, "period_start",
		         db_cell(&ins, i, IL_START))) != APP_OK ||
		    (e = view_ctx_set_str(it, "period_end",
		         db_cell(&ins, i, IL_END))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "host", db_cell(&ins, i, IL_HOST))) != APP_OK)
			return e;
		/* Goals come ordered by insats id; ids are ordered differently
		 * from names, so scan from the start for each insats. */
		for (g = 0; g < goals.nrows; g++) {
			struct view_ctx *gc;

			if (!str_eq(db_cell(&goals, g, IG_INSATS), id))
				continue;
			if ((gc = view_ctx_list_add(it, "goals")) == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_str(gc, "label",
			         db_cell(&goals, g, IG_LABEL))) != APP_OK ||
			    (e = view_ctx_set_str(gc, "numerator",
			         db_cell(&goals, g, IG_NUM))) != APP_OK ||
			    (e = view_ctx_set_str(gc, "denominator",
			         db_cell(&goals, g, IG_DEN))) != APP_OK ||
			    (e = view_ctx_set_bool(gc, "percent",
			         str_eq_cstr(db_cell(&goals, g, IG_DEN),
			             "100"))) != APP_OK)
				return e;
		}
	}
	return page_render(r, "index", "Insatser", ctx);
}
