/* audit.c: the append-only access log; see include/audit.h. */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "date.h"
#include "db.h"
#include "req.h"
#include "session.h"
#include "sql_admin.h"
#include "sql_auth.h"
#include "staff.h"

static const char *const audit_names[AUDIT__MAX] = {
	[AUDIT_READ] = "read",
	[AUDIT_CREATE] = "create",
	[AUDIT_UPDATE] = "update",
	[AUDIT_EXPORT] = "export",
	[AUDIT_PRINT] = "print",
	[AUDIT_SEARCH] = "search",
	[AUDIT_LOGIN] = "login",
	[AUDIT_LOGIN_FAILED] = "login_failed",
	[AUDIT_LOGOUT] = "logout",
	[AUDIT_ADMIN] = "admin",
};
_Static_assert(sizeof(audit_names) / sizeof(audit_names[0]) == AUDIT__MAX,
    "audit_names[] out of sync with enum audit_action");

static const char *const audit_labels[AUDIT__MAX] = {
	[AUDIT_READ] = "Läsning",
	[AUDIT_CREATE] = "Nytt",
	[AUDIT_UPDATE] = "Ändring",
	[AUDIT_EXPORT] = "Export",
	[AUDIT_PRINT] = "Utskrift",
	[AUDIT_SEARCH] = "Sökning",
	[AUDIT_LOGIN] = "Inloggning",
	[AUDIT_LOGIN_FAILED] = "Misslyckad inloggning",
	[AUDIT_LOGOUT] = "Utloggning",
	[AUDIT_ADMIN] = "Administration",
};
_Static_assert(sizeof(audit_labels) / sizeof(audit_labels[0]) == AUDIT__MAX,
    "audit_labels[] out of sync with enum audit_action");

/* The object types the log names, with their Swedish labels, and as a
 * sentence names them ("Läste samtycke 12"). */
static const struct {
	const char *name, *label, *noun;
} audit_objects[] = {
	{ "participant", "Deltagare", "deltagare" },
	{ "participation", "Deltagande", "deltagande" },
	{ "referral", "Ansökan", "ansökan" },
	{ "consent", "Samtycke", "samtycke" },
	{ "staff", "Konto", "konto" },
	{ "organisation", "Organisation", "organisation" },
	{ "insats", "Insats", "insats" },
	{ "audit_log", "Åtkomstlogg", "åtkomstloggen" },
	{ "person", "Person", "personnumret" },
	{ "participation_list", "Deltagarlista", "deltagarlistan" },
	{ "referral_list", "Ansökningslista", "ansökningslistan" },
	{ "consent_text", "Samtyckestext", "samtyckestext" },
	{ "code", "Kodlista", "kodlista" },
	{ "gallring_rule", "Gallringsregel", "gallringsregel" },
	{ "questionnaire", "Enkät", "enkät" },
	{ "questionnaire_code", "Enkätkod", "enkätkod" },
	{ "report", "Rapport", "rapport" },
	{ "report_text", "Text till delårsrapporten",
	    "text till delårsrapporten" },
	{ "sus_batch", "SUS-batch", "SUS-batch" },
	{ "structural_company", "Företag i praktikplatsbanken",
	    "företag i praktikplatsbanken" },
	{ "structural_training", "Handledarutbildning", "handledarutbildning" },
};

/* What a row did, as the first word(s) of a sentence ("Läste"). */
static const char *const audit_verbs[AUDIT__MAX] = {
	[AUDIT_READ] = "Läste",
	[AUDIT_CREATE] = "Skapade",
	[AUDIT_UPDATE] = "Ändrade",
	[AUDIT_EXPORT] = "Exporterade",
	[AUDIT_PRINT] = "Skrev ut",
	[AUDIT_SEARCH] = "Sökte på",
	[AUDIT_LOGIN] = "Öppnade",
	[AUDIT_LOGIN_FAILED] = "Försökte öppna",
	[AUDIT_LOGOUT] = "Stängde",
	[AUDIT_ADMIN] = "Administrerade",
};
_Static_assert(sizeof(audit_verbs) / sizeof(audit_verbs[0]) == AUDIT__MAX,
    "audit_verbs[] out of sync with enum audit_action");

const char *
audit_action_name(enum audit_action a)
{
	return (unsigned)a < AUDIT__MAX ? audit_names[a] : "read";
}

const char *
audit_action_label(enum audit_action a)
{
	return (unsigned)a < AUDIT__MAX ? audit_labels[a] : "";
}

int
audit_action_from_name(struct str name, enum audit_action *out)
{
	for (int a = 0; a < AUDIT__MAX; a++)
		if (str_eq_cstr(name, audit_names[a])) {
			*out = (enum audit_action)a;
			return 1;
		}
	return 0;
}

struct str
audit_action_label_of(struct str name)
{
	enum audit_action a;

	return audit_action_from_name(name, &a) ? str_cstr(audit_labels[a])
	                                        : name;
}

struct str
audit_object_label_of(struct str type)
{
	for (size_t i = 0; i < sizeof(audit_objects) / sizeof(audit_objects[0]);
	     i++)
		if (str_eq_cstr(type, audit_objects[i].name))
			return str_cstr(audit_objects[i].label);
	return type;
}

const char *
audit_action_verb_of(struct str name)
{
	enum audit_action a;

	return audit_action_from_name(name, &a) ? audit_verbs[a] : "Åtgärd:";
}

const char *
audit_object_noun_of(struct str type)
{
	for (size_t i = 0; i < sizeof(audit_objects) / sizeof(audit_objects[0]);
	     i++)
		if (str_eq_cstr(type, audit_objects[i].name))
			return audit_objects[i].noun;
	return "uppgift";
}

static const struct db_field audit_row_fields[] = {
	DB_FIELD(audit_row, at, "at", DB_F_UTC_TIME),
	DB_FIELD(audit_row, username, "username", DB_F_STR),
	DB_FIELD(audit_row, action, "action", DB_F_STR),
	DB_FIELD(audit_row, object_type, "object_type", DB_F_STR),
	DB_FIELD(audit_row, object_id, "object_id", DB_F_STR),
	DB_FIELD(audit_row, personnummer, "personnummer", DB_F_STR),
	DB_FIELD(audit_row, remote_addr, "remote_addr", DB_F_STR),
	DB_FIELD(audit_row, request_id, "request_id", DB_F_STR),
	DB_FIELD(audit_row, detail, "detail", DB_F_STR),
	DB_FIELD(audit_row, what, "what", DB_F_STR),
};
const struct db_record audit_row_record =
    DB_RECORD(audit_row, audit_row_fields);

enum app_err
audit_search(struct req *r, const struct audit_query *q,
    struct audit_row **rows, size_t *n)
{
	struct db_param p[5];
	char from[20], to[20];
	size_t k = 0;
	unsigned stmt;

	*rows = NULL;
	*n = 0;
	if (q->personnummer.len == 0 && q->staff_id == 0)
		return APP_EINPUT;
	if (q->personnummer.len > 0)
		p[k++] = DB_STR(q->personnummer);
	if (q->staff_id != 0)
		p[k++] = DB_INT(q->staff_id);
	stmt = q->personnummer.len > 0 && q->staff_id != 0
	    ? SQL_ADMIN_AUDIT_BY_BOTH
	    : q->personnummer.len > 0 ? SQL_ADMIN_AUDIT_BY_PNR
	                              : SQL_ADMIN_AUDIT_BY_STAFF;
	/* The period is of Swedish days; the log's times are UTC. */
	date_local_day_start_utc(q->from, 0, from, sizeof(from));
	date_local_day_start_utc(q->to, 1, to, sizeof(to));
	p[k++] = DB_STR(str_cstr(from));
	p[k++] = DB_STR(str_cstr(to));
	p[k++] = DB_INT(q->limit);
	return db_load(r->db, r->a, DB_ADMIN, stmt, p, k, (void **)rows, n);
}

enum app_err
audit_staff_id(struct req *r, struct str username, long long *id)
{
	return staff_id_by_username(r, username, STAFF_OWN_FORBUND, id);
}

/* At most n bytes of s, not splitting a UTF-8 sequence. */
static struct str
audit_cut(struct str s, size_t n)
{
	if (s.len <= n)
		return s;
	while (n > 0 && ((unsigned char)s.p[n] & 0xC0) == 0x80)
		n--;
	return (struct str){ s.p, n };
}

/* One row of förbund forbund (0: none, an installation event). The
 * förbund is passed, not bound as ":forbund" by the db layer: that would
 * refuse the rows of anonymous requests, and a failed login names its
 * account's förbund, not the request's (it has none). */
static enum app_err
audit_insert(struct req *r, long long forbund, struct db_param who,
    struct str username, enum audit_action action, const char *object_type,
    long long object_id, struct str personnummer, struct str detail)
{
	struct db_param p[10];

	p[0] = DB_INT(forbund > 0 ? forbund : 0);
	p[1] = who;
	p[2] = DB_STR(audit_cut(username, 64));
	p[3] = DB_STR(str_cstr(audit_action_name(action)));
	p[4] = DB_STR(str_cstr(object_type));
	p[5] = object_id >= 0 ? DB_INT(object_id) : DB_NULL;
	p[6] = personnummer.len > 0 ? DB_STR(personnummer) : DB_NULL;
	p[7] = DB_STR(audit_cut(r->remote_addr, 45));
	p[8] = DB_STR(audit_cut(r->request_id, 64));
	p[9] = detail.len > 0 ? DB_STR(audit_cut(detail, 255)) : DB_NULL;
	/* Only a read or a search may be logged again by a second run of
	 * its request (db.h's log_only); every other row counts as written. */
	return db_exec(r->db, r->a, DB_AUTH,
	    action == AUDIT_READ || action == AUDIT_SEARCH
	        ? SQL_AUDIT_INSERT_READ
	        : SQL_AUDIT_INSERT,
	    p, 10, NULL);
}

/* A consent tablet's row: no staff member (staff_id NULL), the user name
 * "surfplatta:<who handed it over>" (no account name has a colon), and the
 * detail says which tablet session, for which consent, handed over by
 * whom. */
static enum app_err
audit_tablet(struct req *r, enum audit_action action, const char *object_type,
    long long object_id, struct str personnummer, struct str detail)
{
	const struct tablet_session *t = r->tablet;
	struct buf who, what;
	enum app_err e;

	buf_init(&who, r->a);
	buf_init(&what, r->a);
	if ((e = buf_printf(&who, "surfplatta:%.*s", (int)t->staff_username.len,
	         t->staff_username.p)) != APP_OK ||
	    (e = buf_printf(&what,
	         "tablet session %lld for consent %lld, handed over by %.*s "
	         "(staff %lld)%s%.*s",
	         t->id, t->consent_id, (int)t->staff_username.len,
	         t->staff_username.p, t->staff_id, detail.len ? ": " : "",
	         (int)detail.len, detail.p)) != APP_OK)
		return e;
	return audit_insert(r, db_forbund(r->db), DB_NULL, buf_str(&who),
	    action, object_type, object_id, personnummer, buf_str(&what));
}

enum app_err
audit_write(struct req *r, enum audit_action action, const char *object_type,
    long long object_id, struct str personnummer, struct str detail)
{
	if (r->user == NULL && r->tablet != NULL)
		return audit_tablet(
		    r, action, object_type, object_id, personnummer, detail);
	if (r->user == NULL)
		return APP_EFORBIDDEN;
	return audit_insert(r, db_forbund(r->db), DB_INT(r->user->id),
	    r->user->username, action, object_type, object_id, personnummer,
	    detail);
}

enum app_err
audit_write_anonymous(struct req *r, long long forbund, struct str username,
    enum audit_action action, struct str detail)
{
	return audit_insert(r, forbund, DB_NULL, username, action, "staff", -1,
	    STR_LIT(""), detail);
}

/* ==== details in words ==== */

/*
 * The details the code writes (stable, English, as stored) and the
 * Swedish the log pages show. "%" stands for the part kept as stored (a
 * number, a status, a name). Old rows read the same: the stored text is
 * never rewritten (the log is append-only).
 */
static const struct {
	const char *stored, *shown;
} audit_details[] = {
	{ "consent: existence only",
	    "Visade bara att ansökan finns (samtycket omfattar inte "
	    "organisationen)" },
	{ "edit refused: consent",
	    "Ändringsformuläret nekades (samtycket omfattar inte "
	    "organisationen)" },
	{ "decision: %", "Beslut: %" },
	{ "waiver prepared", "Samtycke till sekretesslättnad förberett" },
	{ "sus consent prepared", "SUS-samtycke förberett" },
	{ "handover page", "Sidan för att lämna över surfplattan" },
	{ "handover", "Surfplattan lämnades över" },
	{ "superseded", "Ersatt av ett nytt samtycke" },
	{ "expired", "Giltighetstiden gick ut" },
	{ "entered in error", "Markerat som felregistrerat" },
	{ "party % revoked (%)", "En part (nr %) återkallades (%)" },
	{ "revoked (%)", "Återkallat (%)" },
	{ "list: % rows", "Lista: % rader" },
	{ "search: % hits", "Sökning: % träffar" },
	{ "participant list: % (page %, % in all)",
	    "Deltagarlista: % rader (sida %, % totalt)" },
	{ "participant list: %", "Deltagarlista: % rader" },
	{ "summary version %", "Sammanfattningen, version %" },
	{ "summary: existence only",
	    "Visade bara att en sammanfattning finns (samtycket omfattar "
	    "inte organisationen)" },
	{ "summary: none sent", "Sammanfattningen: ingen skickad" },
	{ "summary draft saved", "Sammanfattningen sparades som utkast" },
	{ "summary sent", "Sammanfattningen skickades" },
	{ "summary", "Sammanfattningen" },
	{ "förbund details saved: %",
	    "Förbundets uppgifter sparades (ändrat: %)" },
	{ "förbund details saved, unchanged",
	    "Förbundets uppgifter sparades utan ändring" },
	{ "förbund % set: %", "Förbund % ändrades av driften: %" },
	{ "förbund % created, admin %: %",
	    "Förbund % skapades av driften, administratör %: %" },
	{ "remittent: follow-up",
	    "Deltagandets förlopp (remittentens ansökningssida)" },
	{ "corrections", "Rättelsesidan" },
	{ "admission corrected", "Inskrivningen rättades" },
	{ "reopened", "Öppnades igen" },
	{ "marked felregistrerad", "Markerades som felregistrerat" },
	{ "midterm follow-up", "Mittuppföljning" },
	{ "search by personnummer: % hits",
	    "Sökning på personnummer: % träffar" },
	{ "inbox: % referrals", "Inkorgen: % ansökningar" },
	{ "overdue summaries: %", "Försenade sammanfattningar: %" },
	{ "overdue: %", "Försenat: %" },
	{ "news: %", "Nytt sedan förra besöket: %" },
	{ "follow-ups due: %", "Uppföljningar att göra: %" },
	{ "questionnaire code: %", "Enkätkod: %" },
	{ "code list %", "Kodlista %" },
	{ "edit form", "Ändringsformuläret" },
	{ "edit conflict", "Krock: någon annan hade ändrat under tiden" },
	{ "contact form", "Formuläret för kontaktuppgifter" },
	{ "copy", "Kopian" },
	{ "consents", "Samtyckena" },
	{ "access log", "Åtkomstloggen" },
	{ "created as draft", "Skapad som utkast" },
	{ "created, submitted", "Skapad och inskickad" },
	{ "new version", "Ny version" },
	{ "new text", "Ny text" },
	{ "corrected unused text", "Rättade en oanvänd text" },
	{ "password changed", "Lösenordet byttes" },
	{ "password reset by admin",
	    "Lösenordet återställdes av administratören" },
	{ "wrong current password", "Fel nuvarande lösenord" },
	{ "wrong code", "Fel kod" },
	{ "second factor", "Andra faktorn" },
	{ "second factor on", "Andra faktorn påslagen" },
	{ "second factor off", "Andra faktorn avstängd" },
	{ "password; code due", "Lösenord; koden återstår" },
	{ "every session", "Alla sessioner" },
	{ "new api token", "Ny API-nyckel" },
	{ "organisation created", "Organisationen skapades" },
	{ "insats created", "Insatsen skapades" },
	{ "account created", "Kontot skapades" },
	{ "tablet released", "Surfplattan frigjordes" },
	{ "tablet session started: sign",
	    "Surfplattan lämnades över för signering" },
	{ "tablet session started: revoke",
	    "Surfplattan lämnades över för återkallelse" },
	{ "tablet locked: idle or too old",
	    "Surfplattan låstes: orörd för länge eller för gammal" },
	{ "follow-up 6 months (answered on the tablet)",
	    "Uppföljning 6 månader (besvarad på surfplattan)" },
	{ "inskriven", "Inskriven" },
	{ "tablet session % for consent %, handed over by % (staff %): %",
	    "Surfplattans session %, samtycke %, överlämnad av % (konto %): "
	    "%" },
	{ "tablet session % for consent %, handed over by % (staff %)",
	    "Surfplattans session %, samtycke %, överlämnad av % (konto %)" },
};

/* Does s match pattern p ("%" matches one or more bytes, shortest first
 * except for the last)? Each part matched by "%" goes into parts[]. */
static int
detail_match(struct str s, const char *p, struct str *parts, int *nparts)
{
	size_t i = 0;

	*nparts = 0;
	while (*p != '\0') {
		if (*p == '%') {
			const char *lit = p + 1, *end = strchr(lit, '%');
			size_t ll = end ? (size_t)(end - lit) : strlen(lit);
			size_t j;

			if (*nparts >= 5)
				return 0;
			/* The literal after "%": its first place for an
			 * inner "%", the very end for the last. */
			if (end == NULL) {
				if (s.len - i < ll + 1 ||
				    memcmp(s.p + s.len - ll, lit, ll) != 0)
					return 0;
				j = s.len - ll;
			} else {
				for (j = i + 1; j + ll <= s.len; j++)
					if (memcmp(s.p + j, lit, ll) == 0)
						break;
				if (j + ll > s.len)
					return 0;
			}
			parts[(*nparts)++] = (struct str){ s.p + i, j - i };
			i = j + ll;
			p = lit + ll;
			continue;
		}
		if (i >= s.len || s.p[i] != *p)
			return 0;
		i++;
		p++;
	}
	return i == s.len;
}

struct str
audit_detail_label(struct arena *a, struct str detail)
{
	for (size_t k = 0; k < sizeof(audit_details) / sizeof(audit_details[0]);
	     k++) {
		struct str parts[5];
		int n, used = 0;
		struct buf b;
		const char *q;

		if (!detail_match(detail, audit_details[k].stored, parts, &n))
			continue;
		buf_init(&b, a);
		for (q = audit_details[k].shown; *q != '\0'; q++) {
			enum app_err e = *q == '%' && used < n
			    ? buf_append(&b, parts[used].p, parts[used].len)
			    : buf_append(&b, q, 1);

			if (*q == '%')
				used++;
			if (e != APP_OK)
				return detail;
		}
		return buf_str(&b);
	}
	return detail;
}
