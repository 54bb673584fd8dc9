/* code_list.c: the code lists; see include/code_list.h. */
#include "code_list.h"
#include "db.h"
#include "req.h"
#include "sql_admin.h"

static const struct {
	const char *slug, *title;
	int has_sus;
	enum code_extra extra;
	enum sql_admin q_list, q_insert, q_update;
} code_lists[CODE_LIST__MAX] = {
	[CODE_LIST_EDUCATION] = { "utbildning", "Utbildning", 1,
	    CODE_EXTRA_NONE, SQL_ADMIN_CODE_EDUCATION_LIST,
	    SQL_ADMIN_CODE_EDUCATION_INSERT, SQL_ADMIN_CODE_EDUCATION_UPDATE },
	[CODE_LIST_INCOME] = { "forsorjning", "Försörjning", 1,
	    CODE_EXTRA_SUPPORT, SQL_ADMIN_CODE_INCOME_LIST,
	    SQL_ADMIN_CODE_INCOME_INSERT, SQL_ADMIN_CODE_INCOME_UPDATE },
	[CODE_LIST_SUPPORT_TIME] = { "offentlig-tid",
	    "Tid i offentlig försörjning", 1, CODE_EXTRA_NONE,
	    SQL_ADMIN_CODE_SUPPORT_TIME_LIST,
	    SQL_ADMIN_CODE_SUPPORT_TIME_INSERT,
	    SQL_ADMIN_CODE_SUPPORT_TIME_UPDATE },
	[CODE_LIST_OCCUPATION] = { "sysselsattning", "Sysselsättning", 1,
	    CODE_EXTRA_NONE, SQL_ADMIN_CODE_OCCUPATION_LIST,
	    SQL_ADMIN_CODE_OCCUPATION_INSERT,
	    SQL_ADMIN_CODE_OCCUPATION_UPDATE },
	[CODE_LIST_END_REASON] = { "avslutsorsak", "Avslutsorsaker", 1,
	    CODE_EXTRA_OUTCOME, SQL_ADMIN_CODE_END_REASON_LIST,
	    SQL_ADMIN_CODE_END_REASON_INSERT,
	    SQL_ADMIN_CODE_END_REASON_UPDATE },
	[CODE_LIST_ADVISE_AGAINST] = { "avradan", "Skäl att avråda", 0,
	    CODE_EXTRA_NONE, SQL_ADMIN_CODE_ADVISE_AGAINST_LIST,
	    SQL_ADMIN_CODE_ADVISE_AGAINST_INSERT,
	    SQL_ADMIN_CODE_ADVISE_AGAINST_UPDATE },
};
_Static_assert(sizeof(code_lists) / sizeof(code_lists[0]) == CODE_LIST__MAX,
    "code_lists[] out of sync with enum code_list");

const char *
code_list_slug(enum code_list l)
{
	return (unsigned)l < CODE_LIST__MAX ? code_lists[l].slug : "";
}

const char *
code_list_title(enum code_list l)
{
	return (unsigned)l < CODE_LIST__MAX ? code_lists[l].title : "";
}

int
code_list_has_sus(enum code_list l)
{
	return (unsigned)l < CODE_LIST__MAX && code_lists[l].has_sus;
}

enum code_extra
code_list_extra(enum code_list l)
{
	return (unsigned)l < CODE_LIST__MAX ? code_lists[l].extra
	                                    : CODE_EXTRA_NONE;
}

int
code_list_from_slug(struct str slug, enum code_list *out)
{
	for (int l = 0; l < CODE_LIST__MAX; l++)
		if (str_eq_cstr(slug, code_lists[l].slug)) {
			*out = (enum code_list)l;
			return 1;
		}
	return 0;
}

const char *const code_outcome_names[CODE_OUTCOME__MAX + 1] = {
	[CODE_OUTCOME_ARBETE] = "arbete",
	[CODE_OUTCOME_STUDIER] = "studier",
	[CODE_OUTCOME_ARBETSSOKANDE] = "arbetssokande",
	[CODE_OUTCOME_REHABILITERING] = "rehabilitering",
	[CODE_OUTCOME_SJUKDOM] = "sjukdom",
	[CODE_OUTCOME_ANNAT] = "annat",
	[CODE_OUTCOME_FELREGISTRERING] = "felregistrering",
	[CODE_OUTCOME__MAX] = NULL,
};

static const char *const code_outcome_labels[CODE_OUTCOME__MAX] = {
	[CODE_OUTCOME_ARBETE] = "Arbete",
	[CODE_OUTCOME_STUDIER] = "Studier",
	[CODE_OUTCOME_ARBETSSOKANDE] = "Arbetssökande",
	[CODE_OUTCOME_REHABILITERING] = "Rehabilitering",
	[CODE_OUTCOME_SJUKDOM] = "Sjukdom",
	[CODE_OUTCOME_ANNAT] = "Annat",
	[CODE_OUTCOME_FELREGISTRERING] = "Felregistrering",
};
_Static_assert(sizeof(code_outcome_labels) / sizeof(code_outcome_labels[0]) ==
        CODE_OUTCOME__MAX,
    "code_outcome_labels[] out of sync with enum code_outcome");

const char *
code_outcome_label(enum code_outcome o)
{
	return (unsigned)o < CODE_OUTCOME__MAX ? code_outcome_labels[o] : "";
}

const char *
code_outcome_label_of(struct str name)
{
	for (int o = 0; o < CODE_OUTCOME__MAX; o++)
		if (str_eq_cstr(name, code_outcome_names[o]))
			return code_outcome_labels[o];
	return "";
}

static const struct db_field code_entry_fields[] = {
	DB_FIELD(code_entry, code, "code", DB_F_STR),
	DB_FIELD(code_entry, label, "label", DB_F_STR),
	DB_FIELD(code_entry, sort_order, "sort_order", DB_F_INT),
	DB_FIELD(code_entry, active, "active", DB_F_BOOL),
	DB_FIELD(code_entry, sus_code, "sus_code", DB_F_STR),
	DB_FIELD(code_entry, extra, "extra", DB_F_STR),
};
const struct db_record code_entry_record =
    DB_RECORD(code_entry, code_entry_fields);

enum app_err
code_list_load(
    struct req *r, enum code_list l, struct code_entry **rows, size_t *n)
{
	return db_load(r->db, r->a, DB_ADMIN, code_lists[l].q_list, NULL, 0,
	    (void **)rows, n);
}

/* Fill p with (label, sort_order, active[, sus][, extra]); the count. */
static size_t
code_params(enum code_list l, const struct code_change *c, struct db_param *p)
{
	size_t k = 0;

	p[k++] = DB_STR(c->label);
	p[k++] = DB_INT(c->sort_order);
	p[k++] = DB_INT(c->active != 0);
	if (code_lists[l].has_sus)
		p[k++] = c->sus_code.len ? DB_STR(c->sus_code) : DB_NULL;
	if (code_lists[l].extra == CODE_EXTRA_SUPPORT)
		p[k++] = DB_INT(c->public_support != 0);
	else if (code_lists[l].extra == CODE_EXTRA_OUTCOME)
		p[k++] = DB_STR(c->outcome);
	return k;
}

enum app_err
code_insert(struct req *r, enum code_list l, struct str code,
    const struct code_change *c)
{
	struct db_param p[8];
	size_t n;

	p[0] = DB_STR(code);
	n = 1 + code_params(l, c, p + 1);
	return db_exec(
	    r->db, r->a, DB_ADMIN, code_lists[l].q_insert, p, n, NULL);
}

enum app_err
code_update(struct req *r, enum code_list l, struct str code,
    const struct code_change *c)
{
	struct db_param p[8];
	size_t n = code_params(l, c, p);

	p[n++] = DB_STR(code);
	return db_exec(
	    r->db, r->a, DB_ADMIN, code_lists[l].q_update, p, n, NULL);
}

int
code_text_ok(struct str s)
{
	for (size_t i = 0; i < s.len; i++) {
		char c = s.p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		        c == '_'))
			return 0;
	}
	return 1;
}

int
code_sus_ok(struct str s)
{
	for (size_t i = 0; i < s.len; i++) {
		char c = s.p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		        (c >= 'A' && c <= 'Z')))
			return 0;
	}
	return 1;
}
