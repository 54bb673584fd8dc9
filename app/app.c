/* app.c: error names and their HTTP statuses; see include/app.h. */
#include "app.h"

static const struct {
	const char *name;
	int status;
} app_errs[APP_ERR__MAX] = {
	[APP_OK] = { "OK", 500 },
	[APP_ENOMEM] = { "ENOMEM", 500 },
	[APP_EINPUT] = { "EINPUT", 400 },
	[APP_ETOOBIG] = { "ETOOBIG", 413 },
	[APP_EFORBIDDEN] = { "EFORBIDDEN", 403 },
	[APP_ENOTFOUND] = { "ENOTFOUND", 404 },
	[APP_EMETHOD] = { "EMETHOD", 405 },
	[APP_EDUP] = { "EDUP", 400 },
	[APP_EDB] = { "EDB", 500 },
	[APP_EUNAVAIL] = { "EUNAVAIL", 503 },
	[APP_EIO] = { "EIO", 500 },
};
_Static_assert(sizeof(app_errs) / sizeof(app_errs[0]) == APP_ERR__MAX,
    "app_errs[] out of sync with enum app_err");

const char *
app_strerror(enum app_err e)
{
	if ((unsigned)e >= APP_ERR__MAX)
		return "EUNKNOWN";
	return app_errs[e].name;
}

int
app_err_status(enum app_err e)
{
	if ((unsigned)e >= APP_ERR__MAX)
		return 500;
	return app_errs[e].status;
}
