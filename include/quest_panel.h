/*
 * quest_panel.h: what the participation page shows of questionnaires:
 * the active definitions for participants (the linked ones first, then by
 * code), this participation's responses, and its open codes, read in the
 * page's lists statement (QUEST_SQL_PANEL_ITEMS, sql_quest.h).
 */
#ifndef QUEST_PANEL_H
#define QUEST_PANEL_H

#include <stddef.h>

#include "app.h"
#include "quest.h"
#include "quest_code.h"
#include "quest_response.h"

struct arena;

struct quest_panel {
	struct quest_info *defs;
	size_t ndefs;
	struct quest_response_brief *resp;
	size_t nresp;
	struct quest_code_open *codes;
	size_t ncodes;
};

/* One row of QUEST_SQL_PANEL_ITEMS (sql_quest.h): kind 0 a definition,
 * 1 a response, 2 an open code; a..e and the numbers as its comment
 * says. */
struct quest_panel_row {
	long long kind, id, version;
	struct str a, b, c, d, e;
	int active;
};

/* qsort() order of panel rows: by kind; the definitions (kind 0) linked
 * first (anonymity descending), then by code, then id; the responses and
 * codes by id (a response's questionnaire version, oldest first; the
 * measurement after it, which the panel does not rely on). The order
 * the panel's own statement had in MariaDB (now rows of the participation
 * page's lists statement, QUEST_SQL_PANEL_ITEMS), where its union's text
 * columns were
 * utf8mb4_uca1400_swedish_ai_ci: for names of a-z, 0-9 and _ (a
 * questionnaire's code, quest_xml.c's qp_id_ok(), and the anonymity
 * names) that is '_' before the digits before the letters, case
 * ignored, a prefix first (quest_name_cmp()). */
int quest_panel_row_cmp(const void *a, const void *b);

/* The collation order of two such names, as strcmp() returns. */
int quest_name_cmp(struct str a, struct str b);

/* The panel from its n rows (sorted here, by quest_panel_row_cmp()) into
 * *out: arena arrays, NULL when empty, names resolved to their enums.
 * APP_ENOMEM when the arena is full. */
enum app_err quest_panel_from_rows(struct arena *, struct quest_panel_row *rows,
    size_t n, struct quest_panel *out);

#endif /* !QUEST_PANEL_H */
