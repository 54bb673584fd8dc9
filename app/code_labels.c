/* code_labels.c: the worker's copy of the code lists' labels; see
 * include/code_labels.h. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "code_labels.h"
#include "db.h"

static const struct db_field row_fields[] = {
	DB_FIELD(code_label_row, list, "list", DB_F_INT),
	DB_FIELD(code_label_row, code, "code", DB_F_STR),
	DB_FIELD(code_label_row, label, "label", DB_F_STR),
	DB_FIELD(code_label_row, sus, "sus", DB_F_STR),
	DB_FIELD(code_label_row, has_sus, "has_sus", DB_F_BOOL),
	DB_FIELD(code_label_row, sort_order, "sort_order", DB_F_INT),
	DB_FIELD(code_label_row, gen, "gen", DB_F_STR),
};
const struct db_record code_label_row_record =
    DB_RECORD(code_label_row, row_fields);

struct entry {
	struct str code, label, sus;
	int has_sus; /* sus_code IS NOT NULL (an empty one counts) */
};

static struct {
	char gen[CODE_LABELS_GEN_MAX + 1];
	size_t gen_len;  /* 0: nothing kept */
	struct entry *v; /* heap: the lists one after another */
	char *text;      /* heap: the entries' bytes */
	size_t first[CODE_LIST__MAX], n[CODE_LIST__MAX];
} kept;

int
code_labels_current(struct str gen)
{
	return kept.gen_len > 0 && gen.len == kept.gen_len &&
	    memcmp(gen.p, kept.gen, gen.len) == 0;
}

void
code_labels_clear(void)
{
	free(kept.v);
	free(kept.text);
	memset(&kept, 0, sizeof(kept));
}

/* s copied to *at, advanced. */
static struct str
copy_at(char **at, struct str s)
{
	struct str c = { *at, s.len };

	if (s.len > 0)
		memcpy(*at, s.p, s.len);
	*at += s.len;
	return c;
}

enum app_err
code_labels_put(const struct code_label_row *rows, size_t n)
{
	struct str gen = STR_LIT("");
	size_t bytes = 1, k = 0;
	char *at;

	code_labels_clear();
	for (size_t i = 0; i < n; i++) {
		if (rows[i].list == -1)
			gen = rows[i].gen;
		else if (rows[i].list >= 0 && rows[i].list < CODE_LIST__MAX)
			bytes += rows[i].code.len + rows[i].label.len +
			    rows[i].sus.len;
	}
	if (gen.len == 0 || gen.len > CODE_LABELS_GEN_MAX)
		return APP_EDB;
	if ((kept.v = calloc(n > 0 ? n : 1, sizeof(*kept.v))) == NULL ||
	    (kept.text = malloc(bytes)) == NULL) {
		code_labels_clear();
		return APP_ENOMEM;
	}
	at = kept.text;
	/* Each list's run, in the statement's order (the list's). */
	for (int l = 0; l < CODE_LIST__MAX; l++) {
		kept.first[l] = k;
		for (size_t i = 0; i < n; i++) {
			if (rows[i].list != l)
				continue;
			kept.v[k].code = copy_at(&at, rows[i].code);
			kept.v[k].label = copy_at(&at, rows[i].label);
			kept.v[k].sus = copy_at(&at, rows[i].sus);
			kept.v[k].has_sus = rows[i].has_sus;
			k++;
		}
		kept.n[l] = k - kept.first[l];
	}
	memcpy(kept.gen, gen.p, gen.len);
	kept.gen_len = gen.len;
	return APP_OK;
}

/* The entry of code in list l, exactly as stored; NULL when none. */
static const struct entry *
find_exact(enum code_list l, struct str code)
{
	if ((unsigned)l >= CODE_LIST__MAX || kept.gen_len == 0)
		return NULL;
	for (size_t i = kept.first[l]; i < kept.first[l] + kept.n[l]; i++)
		if (str_eq(kept.v[i].code, code))
			return &kept.v[i];
	return NULL;
}

struct str
code_labels_label(enum code_list l, struct str code)
{
	const struct entry *e = find_exact(l, code);

	return e != NULL ? e->label : STR_LIT("");
}

struct str
code_labels_sus(enum code_list l, struct str code)
{
	const struct entry *e = find_exact(l, code);

	return e != NULL ? e->sus : STR_LIT("");
}

int
code_labels_has_sus(enum code_list l, struct str code)
{
	const struct entry *e = find_exact(l, code);

	return e != NULL && e->has_sus;
}

/* a = b in the history text's collation, as far as a code can tell (a code
 * is [a-z0-9_]): ASCII letters in either case; trailing spaces ignored
 * when pad (=), not by FIND_IN_SET. */
static int
text_eq(struct str a, struct str b, int pad)
{
	while (pad && a.len > 0 && a.p[a.len - 1] == ' ')
		a.len--;
	while (pad && b.len > 0 && b.p[b.len - 1] == ' ')
		b.len--;
	return str_eq_ascii_nocase(a, b);
}

struct str
code_labels_name(enum code_list l, struct str v)
{
	if ((unsigned)l >= CODE_LIST__MAX || kept.gen_len == 0)
		return v;
	for (size_t i = kept.first[l]; i < kept.first[l] + kept.n[l]; i++)
		if (text_eq(kept.v[i].code, v, 1))
			return kept.v[i].label;
	return v;
}

/* 1 when code is one of the comma-separated items of set (FIND_IN_SET). */
static int
in_set(struct str code, struct str set)
{
	size_t from = 0;

	for (size_t i = 0; i <= set.len; i++) {
		if (i < set.len && set.p[i] != ',')
			continue;
		if (text_eq(code, (struct str){ set.p + from, i - from }, 0))
			return 1;
		from = i + 1;
	}
	return 0;
}

enum app_err
code_labels_names(
    struct arena *a, enum code_list l, struct str v, struct str *out)
{
	struct buf b;
	int any = 0;

	*out = v;
	if ((unsigned)l >= CODE_LIST__MAX || kept.gen_len == 0)
		return APP_OK;
	buf_init(&b, a);
	for (size_t i = kept.first[l]; i < kept.first[l] + kept.n[l]; i++) {
		if (!in_set(kept.v[i].code, v))
			continue;
		if ((any && buf_puts(&b, ", ") != APP_OK) ||
		    buf_append(&b, kept.v[i].label.p, kept.v[i].label.len) !=
		        APP_OK)
			return APP_ENOMEM;
		any = 1;
	}
	if (any)
		*out = buf_str(&b);
	return APP_OK;
}
