/* tablet.c: what a consent tablet session may reach; see include/tablet.h. */
#include <string.h>

#include "tablet.h"

/* Every route a tablet may reach, and what it is to the tablet. The
 * patterns are the route table's; tests/unit/test_tablet.c checks that
 * each is there, so renaming a route cannot silently widen or break this. */
static const struct {
	enum http_method method;
	const char *pattern;
	enum tablet_scope scope;
} tablet_routes[] = {
	{ METHOD_GET, "/samtycken/:id/surfplatta", TABLET_SCOPE_CONSENT },
	{ METHOD_POST, "/samtycken/:id/surfplatta", TABLET_SCOPE_CONSENT },
	{ METHOD_GET, "/samtycken/:id/kopia", TABLET_SCOPE_CONSENT },
	{ METHOD_GET, "/samtycken/:id/aterkalla", TABLET_SCOPE_CONSENT },
	{ METHOD_POST, "/samtycken/:id/aterkalla", TABLET_SCOPE_CONSENT },
	{ METHOD_GET, TABLET_LOCK_PATH, TABLET_SCOPE_LOCK_SCREEN },
	{ METHOD_POST, "/logga-in", TABLET_SCOPE_LOGIN },
};

enum tablet_scope
tablet_scope(enum http_method method, const char *pattern,
    const struct str *params, size_t nparams, long long consent_id)
{
	if (method == METHOD_HEAD)
		method = METHOD_GET;
	for (size_t i = 0; i < sizeof(tablet_routes) / sizeof(tablet_routes[0]);
	     i++) {
		if (tablet_routes[i].method != method ||
		    strcmp(tablet_routes[i].pattern, pattern) != 0)
			continue;
		if (tablet_routes[i].scope != TABLET_SCOPE_CONSENT)
			return tablet_routes[i].scope;
		/* The consent's own pages: only for its own id, only while
		 * the session lives. */
		if (consent_id > 0 && nparams == 1 &&
		    str_to_ll(params[0]) == consent_id)
			return TABLET_SCOPE_CONSENT;
		return TABLET_SCOPE_LOCK;
	}
	return TABLET_SCOPE_LOCK;
}
