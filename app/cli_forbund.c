/* cli_forbund.c: the förbund a command serves; see include/cli_forbund.h. */
#include <stddef.h>
#include <stdio.h>

#include "cli_forbund.h"
#include "db.h"
#include "sql_sus.h"
#include "sus_batch.h"

int
cli_forbund_set(
    struct db *db, struct arena *a, const char *name, const char *several)
{
	struct sus_forbund_pick *rows;
	size_t n;
	long long id;

	if (db_load(db, a, DB_SUS, SQL_SUS_FORBUND_LIST, NULL, 0,
	        (void **)&rows, &n) != APP_OK) {
		fprintf(stderr, "stegvis: förbunden kunde inte läsas\n");
		return 1;
	}
	switch (sus_forbund_choose(rows, n, name, &id)) {
	case SUS_PICK_OK: db_forbund_set(db, id); return 0;
	case SUS_PICK_NONE:
		fprintf(stderr, "stegvis: inget aktivt förbund finns\n");
		return 1;
	case SUS_PICK_SEVERAL:
		fprintf(stderr,
		    "stegvis: installationen har flera förbund%s: ange vilket "
		    "med --forbund (id eller kortnamn):\n",
		    several);
		break;
	case SUS_PICK_UNKNOWN:
		fprintf(stderr,
		    "stegvis: --forbund %s: inget aktivt förbund har det id:t "
		    "eller kortnamnet. De aktiva:\n",
		    name);
		break;
	case SUS_PICK_SHARED:
		fprintf(stderr,
		    "stegvis: --forbund %s: flera aktiva förbund har det "
		    "kortnamnet; ange förbundet med dess id:\n",
		    name);
		break;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "  %lld %.*s\n", rows[i].id,
		    (int)rows[i].short_name.len, rows[i].short_name.p);
	return 1;
}
