/* page_quest.c: the respondent's questionnaire pages on a tablet or by
 * personal link; see include/page_quest.h. */
#include <string.h>

#include "app_limits.h"
#include "arena.h"
#include "audit.h"
#include "db.h"
#include "form.h"
#include "form_registry.h"
#include "log.h"
#include "page_quest.h"
#include "quest.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "sql_quest.h"
#include "view.h"

/*
 * The kiosk's own words in each language the shipped definitions use. The
 * Arabic, Somali, Dari and Tigrinya lines are our own best-effort
 * translations, to be checked by a translator. A language missing here
 * gets the Swedish words (marked lang="sv").
 */
struct kiosk_ui {
	const char *lang;
	const char *choose, *progress, *next, *back, *skip, *send_title,
	    *send_text, *send, *thanks, *thanks_text, *done, *dont_know,
	    *not_appl, *vas_help, *error, *your_answer;
	/* The character count of a free text ({n}: the limit, what is left,
	 * or how many too many) and the refusal of a text over the limit. */
	const char *count_hint, *count_left, *count_over, *too_long;
};

static const struct kiosk_ui kiosk_uis[] = {
	{ "sv", "Välj språk", "Fråga {n} av {m}", "Nästa", "Tillbaka",
	    "Hoppa över", "Skicka svaren",
	    "Du har svarat på {n} av {m} frågor. Du kan gå tillbaka och "
	    "ändra innan du skickar.",
	    "Skicka", "Tack!", "Dina svar är skickade.", "Klar", "Vet ej",
	    "Ej aktuellt", "Skriv en siffra från 0 till 100.",
	    "Svaret kunde inte sparas. Kontrollera svaret eller hoppa över "
	    "frågan.",
	    "Ditt svar", "Du kan skriva upp till {n} tecken.",
	    "Du har {n} tecken kvar.", "Du har {n} tecken för mycket.",
	    "Svaret är för långt. Du kan skriva upp till {n} tecken." },
	{ "en", "Choose language", "Question {n} of {m}", "Next", "Back",
	    "Skip", "Send your answers",
	    "You have answered {n} of {m} questions. You can go back and "
	    "change them before you send.",
	    "Send", "Thank you!", "Your answers have been sent.", "Done",
	    "Don't know", "Not applicable", "Enter a number from 0 to 100.",
	    "The answer could not be saved. Check it or skip the question.",
	    "Your answer", "You can enter up to {n} characters.",
	    "You have {n} characters remaining.",
	    "You have {n} characters too many.",
	    "Your answer is too long. You can enter up to {n} characters." },
	{ "ar", "اختر اللغة", "السؤال {n} من {m}", "التالي", "السابق", "تخطي",
	    "إرسال الإجابات",
	    "لقد أجبت على {n} من {m} أسئلة. يمكنك الرجوع وتغيير إجاباتك قبل "
	    "الإرسال.",
	    "إرسال", "شكراً لك!", "تم إرسال إجاباتك.", "انتهيت", "لا أعرف",
	    "لا ينطبق", "اكتب رقماً من 0 إلى 100.",
	    "تعذّر حفظ الإجابة. تحقق منها أو تخطَّ السؤال.", "إجابتك",
	    "يمكنك كتابة {n} حرفًا كحد أقصى.", "تبقّى لك {n} حرفًا.",
	    "لقد تجاوزت الحد بـ {n} حرفًا.",
	    "إجابتك طويلة جدًا. يمكنك كتابة {n} حرفًا كحد أقصى." },
	{ "so", "Dooro luqadda", "Su'aasha {n} ee {m}", "Xiga", "Dib u noqo",
	    "Ka gudub", "Dir jawaabaha",
	    "Waxaad ka jawaabtay {n} ka mid ah {m} su'aalood. Waad dib u "
	    "noqon kartaa oo beddeli kartaa ka hor intaadan dirin.",
	    "Dir", "Mahadsanid!", "Jawaabahaaga waa la diray.", "Dhammaatay",
	    "Ma garanayo", "Ima khuseeyo", "Qor tiro u dhaxaysa 0 ilaa 100.",
	    "Jawaabta lama kaydin karin. Hubi ama ka gudub su'aasha.",
	    "Jawaabtaada", "Waxaad qori kartaa ilaa {n} xaraf.",
	    "Waxaa kuu harsan {n} xaraf.", "Waxaad dheeraysay {n} xaraf.",
	    "Jawaabtaadu way dheer tahay. Waxaad qori kartaa ilaa {n} xaraf." },
	{ "fa-AF", "زبان را انتخاب کنید", "سوال {n} از {m}", "بعدی", "قبلی",
	    "رد شدن", "فرستادن جواب‌ها",
	    "شما به {n} از {m} سوال جواب داده‌اید. پیش از فرستادن می‌توانید "
	    "برگردید و جواب‌ها را تغییر دهید.",
	    "فرستادن", "تشکر!", "جواب‌های شما فرستاده شد.",
	    "تمام", "نمی‌دانم", "مربوط نیست",
	    "عددی از 0 تا 100 بنویسید.",
	    "جواب ذخیره نشد. آن را بررسی کنید یا از سوال بگذرید.", "جواب شما",
	    "شما می‌توانید تا {n} حرف بنویسید.",
	    "{n} حرف باقی مانده است.",
	    "شما {n} حرف بیشتر از حد نوشته‌اید.",
	    "جواب شما بسیار طولانی است. شما می‌توانید تا {n} حرف بنویسید." },
	{ "ti", "ቋንቋ ምረጹ", "ሕቶ {n} ካብ {m}", "ዝቕጽል", "ንድሕሪት", "ሕለፍ", "መልስታት ስደዱ",
	    "ካብ {m} ሕቶታት ን{n} መሊስኩም ኣለኹም። ቅድሚ ምስዳድኩም ተመሊስኩም "
	    "ክትቕይሩ ትኽእሉ ኢኹም።",
	    "ስደድ", "የቐንየልና!", "መልስታትኩም ተላኢኾም ኣለዉ።", "ተወዲኡ", "ኣይፈልጥን",
	    "ኣይምልከተንን", "ካብ 0 ክሳብ 100 ቁጽሪ ጽሓፉ።",
	    "እቲ መልሲ ክዕቀብ ኣይከኣለን። ኣረጋግጹ ወይ ነቲ ሕቶ ሕለፉ።", "መልስኹም",
	    "ክሳብ {n} ፊደላት ክትጽሕፉ ትኽእሉ ኢኹም።", "{n} ፊደላት ተሪፎምኹም።",
	    "ብ{n} ፊደላት ኣብዚሕኩም።", "መልስኹም ነዊሑ እዩ። ክሳብ {n} ፊደላት ክትጽሕፉ ትኽእሉ ኢኹም።" },
};

#define KIOSK_LOCK "/surfplatta"
static const char MSG_CODE_BAD[] =
    "Koden finns inte. Kontrollera siffrorna eller be personalen om en ny kod.";
#define MSG_CODE_OLD "Koden har gått ut. Be personalen om en ny kod."
#define MSG_CODE_BUSY                                                          \
	"Koden används just nu på en annan surfplatta. Avsluta där, eller vänta några minuter och försök igen."
#define MSG_CODE_SHAPE "Skriv koden med åtta siffror."
#define MSG_CODE_MANY                                                          \
	"För många felaktiga koder. Vänta en stund och försök igen."
#define MSG_LINK_BAD "Länken gäller inte. Den kan ha använts eller gått ut."

/* The UI words for lang: exact, then the language without region, then
 * Swedish. *own is 1 when the words are in lang itself. */
static const struct kiosk_ui *
kiosk_ui_for(struct str lang, int *own)
{
	size_t n = sizeof(kiosk_uis) / sizeof(kiosk_uis[0]);

	*own = 1;
	for (size_t i = 0; i < n; i++)
		if (str_eq_cstr(lang, kiosk_uis[i].lang))
			return &kiosk_uis[i];
	for (size_t i = 0; i < n; i++) {
		size_t k = strlen(kiosk_uis[i].lang);
		if (lang.len > k && lang.p[k] == '-' &&
		    memcmp(lang.p, kiosk_uis[i].lang, k) == 0)
			return &kiosk_uis[i];
	}
	*own = 0;
	return &kiosk_uis[0];
}

/* One respondent's state, from the device cookie. Strings are arena. */
struct kiosk {
	long long code_id, qid, response_id, participation_id, insats_id;
	long long sitting; /* anonymous: the code's, linked: the response's
	                    * sitting. Answers show only in their own. */
	struct str kind, measurement, lang, anonymity;
	struct str dev; /* this device's hash */
	int rtl, is_link;
	int anon; /* answers in the draft (by code), no response until sent */
	long long nitems;
	const struct kiosk_ui *ui;
	int ui_own;
};

static enum app_err
kq(struct req *r, unsigned q, const struct db_param *p, size_t n,
    struct db_rows *out)
{
	return db_exec(r->db, r->a, DB_QUEST, q, p, n, out);
}

static struct str
kiosk_hash(struct req *r, struct str token)
{
	unsigned char *h = arena_alloc(r->a, 32);

	if (h == NULL)
		return STR_NULL;
	session_token_hash(token, h);
	return (struct str){ (const char *)h, 32 };
}

/* The device cookie, when it has the shape of one. */
static const struct str *
kiosk_cookie(struct req *r)
{
	const struct str *c = kv_get(&r->cookies, KIOSK_COOKIE);

	return c != NULL && c->len == 64 ? c : NULL;
}

/* Let go of this device's code (if any) and clear the cookie. */
static enum app_err
kiosk_release(struct req *r)
{
	const struct str *c = kiosk_cookie(r);
	enum app_err e;

	if (c != NULL) {
		struct db_param p[1] = { DB_STR(kiosk_hash(r, *c)) };
		if (p[0].s.p == NULL)
			return APP_ENOMEM;
		if ((e = kq(r, SQL_QUEST_CODE_UNBIND, p, 1, NULL)) != APP_OK)
			return e;
	}
	if (kv_get(&r->cookies, KIOSK_COOKIE) == NULL)
		return APP_OK;
	return session_set_cookie(r, KIOSK_COOKIE, STR_LIT(""), 0);
}

/* The respondent of this device, or APP_ENOTFOUND (no code held, idle too
 * long, expired or sent). */
static enum app_err
kiosk_load(struct req *r, struct kiosk *k)
{
	const struct str *c = kiosk_cookie(r);
	struct db_param p[3];
	struct db_rows rows;
	enum app_err e;

	memset(k, 0, sizeof(*k));
	if (c == NULL)
		return APP_ENOTFOUND;
	p[0] = DB_INT(QUEST_LINK_IDLE_SECONDS);
	p[1] = DB_INT(QUEST_IDLE_SECONDS);
	p[2] = DB_STR(kiosk_hash(r, *c));
	if (p[2].s.p == NULL)
		return APP_ENOMEM;
	if ((e = kq(r, SQL_QUEST_CODE_BY_DEVICE, p, 3, &rows)) != APP_OK)
		return e;
	if (rows.nrows != 1)
		return APP_ENOTFOUND;
	k->anon = str_eq_cstr(db_cell(&rows, 0, 11), "anonym");
	if (!str_eq_cstr(db_cell(&rows, 0, 7), "1") ||
	    str_eq_cstr(db_cell(&rows, 0, 8), "1") ||
	    (!k->anon && db_cell(&rows, 0, 3).len == 0)) {
		/* Idle or expired: the tablet lets go; answers stay. */
		if ((e = kq(r, SQL_QUEST_CODE_UNBIND, p + 2, 1, NULL)) !=
		    APP_OK)
			return e;
		return APP_ENOTFOUND;
	}
	k->dev = p[2].s;
	k->code_id = str_to_ll(db_cell(&rows, 0, 0));
	k->kind = db_cell(&rows, 0, 1);
	k->is_link = str_eq_cstr(k->kind, "lank");
	k->qid = str_to_ll(db_cell(&rows, 0, 2));
	k->response_id = str_to_ll(db_cell(&rows, 0, 3));
	k->participation_id = str_to_ll(db_cell(&rows, 0, 4));
	k->measurement = db_cell(&rows, 0, 5);
	k->insats_id = str_to_ll(db_cell(&rows, 0, 6));
	k->lang = db_cell(&rows, 0, 9);
	k->sitting = str_to_ll(db_cell(&rows, 0, 10));
	k->anonymity = db_cell(&rows, 0, 11);
	p[0] = DB_INT(k->code_id);
	if ((e = kq(r, SQL_QUEST_CODE_TOUCH, p, 1, NULL)) != APP_OK)
		return e;
	if (!k->anon) {
		p[0] = DB_INT(k->response_id);
		if ((e = kq(r, SQL_QUEST_RESP_GET, p, 1, &rows)) != APP_OK)
			return e;
		if (rows.nrows != 1 ||
		    !str_eq_cstr(db_cell(&rows, 0, 2), "pagaende"))
			return APP_ENOTFOUND;
		k->lang = db_cell(&rows, 0, 1);
		k->sitting = str_to_ll(db_cell(&rows, 0, 4));
	}
	p[0] = DB_INT(k->qid);
	if ((e = kq(r, SQL_QUEST_ITEM_COUNT, p, 1, &rows)) != APP_OK)
		return e;
	k->nitems = rows.nrows == 1 ? str_to_ll(db_cell(&rows, 0, 0)) : 0;
	if (k->lang.len > 0) {
		if ((e = kq(r, SQL_QUEST_LANGS, p, 1, &rows)) != APP_OK)
			return e;
		for (size_t i = 0; i < rows.nrows; i++)
			if (str_eq(db_cell(&rows, i, 0), k->lang))
				k->rtl =
				    str_eq_cstr(db_cell(&rows, i, 2), "rtl");
	}
	k->ui = kiosk_ui_for(k->lang, &k->ui_own);
	return APP_OK;
}

/* What every kiosk page does first: never cache; the respondent of this
 * device (none: to the lock screen); with need_lang, a language chosen
 * (none: to the language choice). *redirected = 1 when a redirect is the
 * answer, and the caller returns at once. */
static enum app_err
kiosk_enter(struct req *r, struct kiosk *k, int need_lang, int *redirected)
{
	enum app_err e;

	r->resp.cacheable = 0; /* never stored, never revalidated */
	*redirected = 0;
	if ((e = kiosk_load(r, k)) == APP_ENOTFOUND) {
		*redirected = 1;
		return page_redirect(r, KIOSK_LOCK);
	}
	if (e != APP_OK)
		return e;
	if (need_lang && k->lang.len == 0) {
		*redirected = 1;
		return page_redirect(r, "/enkat/sprak");
	}
	return APP_OK;
}

/*
 * Where the answers being given live: a linked questionnaire's on its
 * response (made when the code was typed), an anonymous one's in the draft
 * keyed by the code, moved to a response with a random id only at sending.
 * Either way each answer records the sitting it was given in: the code's
 * (anonymous) or the response's (linked, as a new code for the same
 * measurement resumes the same response).
 */

/* The answers to item to show again: those given in this sitting (another
 * tablet or a later sitting sees none). */
static enum app_err
kiosk_answers(
    struct req *r, const struct kiosk *k, long long item, struct db_rows *out)
{
	struct db_param p[3] = { DB_INT(k->anon ? k->code_id : k->response_id),
		DB_INT(item), DB_INT(k->sitting) };

	return kq(r, k->anon ? SQL_QUEST_DRAFT_ANSWERS : SQL_QUEST_ANSWERS, p,
	    3, out);
}

/* Items answered so far (in any sitting). */
static enum app_err
kiosk_answered(struct req *r, const struct kiosk *k, long long *n)
{
	struct db_param p[1] = { DB_INT(
	    k->anon ? k->code_id : k->response_id) };
	struct db_rows rows;
	enum app_err e;

	if ((e = kq(r,
	         k->anon ? SQL_QUEST_DRAFT_COUNT : SQL_QUEST_ANSWERED_COUNT, p,
	         1, &rows)) != APP_OK)
		return e;
	*n = rows.nrows == 1 ? str_to_ll(db_cell(&rows, 0, 0)) : 0;
	return APP_OK;
}

enum app_err
kiosk_csrf_bind(struct req *r, struct view_ctx *ctx)
{
	const struct str *pre = kv_get(&r->cookies, LOGIN_CSRF_COOKIE);
	struct str token;
	enum app_err e;

	if (pre != NULL && pre->len == 64)
		token = *pre;
	else if ((token = session_random_hex(r, 32)).p == NULL)
		return APP_ENOMEM;
	/* Renewed at every page, so a slow respondent never meets a 403. */
	if ((e = session_set_cookie(r, LOGIN_CSRF_COOKIE, token, 4 * 3600)) !=
	    APP_OK)
		return e;
	return view_ctx_set_str(ctx, "kiosk_csrf", token);
}

/* "{n}" and "{m}" in tpl replaced. Arena. */
static struct str
kiosk_fill(struct req *r, const char *tpl, long long n, long long m)
{
	struct buf b;

	buf_init(&b, r->a);
	for (const char *s = tpl; *s; s++) {
		if (s[0] == '{' && (s[1] == 'n' || s[1] == 'm') &&
		    s[2] == '}') {
			if (buf_printf(&b, "%lld", s[1] == 'n' ? n : m) !=
			    APP_OK)
				return STR_NULL;
			s += 2;
		} else if (buf_append(&b, s, 1) != APP_OK)
			return STR_NULL;
	}
	return buf_str(&b);
}

/* Render page inside the kiosk layout: lang and dir of the respondent,
 * the idle return to the lock screen when on a tablet, never cached. */
static enum app_err
kiosk_render(struct req *r, const char *page, struct str title,
    struct view_ctx *ctx, struct str lang, int rtl, unsigned idle)
{
	enum app_err e;

	r->resp.cacheable = 0;
	if ((e = view_ctx_set_str(ctx, "title", title)) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "lang", lang.len ? lang : STR_LIT("sv"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_kiosk", idle > 0)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "dir", rtl ? "rtl" : "ltr")) != APP_OK)
		return e;
	if (idle &&
	    ((e = view_ctx_set_cstr(ctx, "idle_url", KIOSK_LOCK)) != APP_OK ||
	        (e = view_ctx_set_int(ctx, "idle_seconds", idle)) != APP_OK))
		return e;
	if (r->views == NULL)
		return APP_EIO;
	r->resp.body.len = 0;
	return view_render_page(
	    r->views, "kiosk_layout", page, ctx, &r->resp.body);
}

/* The UI words into ctx (ui_lang set when they are not in lang). */
static enum app_err
kiosk_bind_ui(struct view_ctx *ctx, const struct kiosk *k)
{
	const struct kiosk_ui *u = k->ui;
	enum app_err e;

	if ((!k->ui_own &&
	        (e = view_ctx_set_cstr(ctx, "ui_lang", u->lang)) != APP_OK) ||
	    (e = view_ctx_set_cstr(ctx, "t_next", u->next)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "t_back", u->back)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "t_skip", u->skip)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "t_send", u->send)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "t_send_title", u->send_title)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "t_vas_help", u->vas_help)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "t_your_answer", u->your_answer)) !=
	        APP_OK)
		return e;
	return APP_OK;
}

/* ---- The lock screen and the code ------------------------------------ */

static enum app_err
kiosk_lock_render(struct req *r, const char *error, struct str typed)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "error", error)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "typed", typed)) != APP_OK)
		return e;
	return kiosk_render(r, "kiosk_las", STR_LIT("Enkät – Stegvis"), ctx,
	    STR_LIT("sv"), 0, 0);
}

enum app_err
page_kiosk_lock(struct req *r)
{
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	/* The lock screen ends whatever this device was answering. */
	if ((e = kiosk_release(r)) != APP_OK)
		return e;
	return kiosk_lock_render(r, NULL, STR_LIT(""));
}

/* The typed code as 8 ASCII digits: blanks and dashes are dropped, Arabic
 * and Persian digits read as digits. 0 when it is not 8 digits. */
static int
kiosk_code_digits(struct str in, char out[9])
{
	size_t n = 0;

	for (size_t i = 0; i < in.len; i++) {
		unsigned char c = (unsigned char)in.p[i];

		if (c == ' ' || c == '-' || c == '\t')
			continue;
		if (c >= '0' && c <= '9') {
			if (n >= 8)
				return 0;
			out[n++] = (char)c;
			continue;
		}
		/* U+0660..U+0669 (D9 A0..A9), U+06F0..U+06F9 (DB B0..B9) */
		if (i + 1 < in.len && n < 8) {
			unsigned char d = (unsigned char)in.p[i + 1];
			if (c == 0xD9 && d >= 0xA0 && d <= 0xA9) {
				out[n++] = (char)('0' + (d - 0xA0));
				i++;
				continue;
			}
			if (c == 0xDB && d >= 0xB0 && d <= 0xB9) {
				out[n++] = (char)('0' + (d - 0xB0));
				i++;
				continue;
			}
		}
		return 0;
	}
	out[n] = '\0';
	return n == 8;
}

/*
 * Count this attempt before the code is looked at: the row is written (and
 * committed) first, then counted, so parallel guesses each see the others
 * and no more than QUEST_FAIL_MAX get through in the window. IPv6 counts
 * per /64. Over QUEST_FAIL_ALL_PER_MIN wrong codes from anywhere in a
 * minute every code is refused. *id is the attempt's row, taken back when
 * the code was not a wrong one.
 */
static enum app_err
kiosk_attempt(struct req *r, long long *id, int *too_many)
{
	char key[64];
	struct db_param p[2];
	struct db_rows rows;
	long long all;
	enum app_err e;

	*too_many = 0;
	quest_addr_key(r->remote_addr, key, sizeof(key));
	p[0] = DB_STR(str_cstr(key));
	if ((e = kq(r, SQL_QUEST_FAIL_INSERT, p, 1, NULL)) != APP_OK)
		return e;
	*id = (long long)db_insert_id(r->db);
	p[1] = DB_INT(QUEST_FAIL_WINDOW_MIN);
	if ((e = kq(r, SQL_QUEST_FAIL_COUNT, p, 2, &rows)) != APP_OK)
		return e;
	if (rows.nrows == 1 &&
	    str_to_ll(db_cell(&rows, 0, 0)) > (long long)QUEST_FAIL_MAX)
		*too_many = 1;
	if ((e = kq(r, SQL_QUEST_FAIL_COUNT_ALL, NULL, 0, &rows)) != APP_OK)
		return e;
	all = rows.nrows == 1 ? str_to_ll(db_cell(&rows, 0, 0)) : 0;
	if (all > (long long)QUEST_FAIL_ALL_PER_MIN) {
		log_warn("questionnaire codes: %lld wrong codes in the last "
		         "minute, every code refused",
		    all);
		*too_many = 1;
	}
	p[0] = DB_INT(QUEST_FAIL_WINDOW_MIN * 4);
	return kq(r, SQL_QUEST_FAIL_SWEEP, p, 1, NULL);
}

/* Where a respondent goes on: the language, the first unanswered item,
 * or the send page. k needs anon, qid, code_id, response_id and lang. */
static enum app_err
kiosk_continue(struct req *r, const struct kiosk *k)
{
	struct db_param p[2];
	struct db_rows rows;
	struct buf b;
	enum app_err e;

	if (k->lang.len == 0)
		return page_redirect(r, "/enkat/sprak");
	if (k->anon) {
		p[0] = DB_INT(k->qid);
		p[1] = DB_INT(k->code_id);
		e = kq(r, SQL_QUEST_DRAFT_FIRST_UNANSWERED, p, 2, &rows);
	} else {
		p[0] = DB_INT(k->response_id);
		e = kq(r, SQL_QUEST_FIRST_UNANSWERED, p, 1, &rows);
	}
	if (e != APP_OK)
		return e;
	if (rows.nrows != 1 || db_cell(&rows, 0, 0).len == 0)
		return page_redirect(r, "/enkat/skicka");
	buf_init(&b, r->a);
	if ((e = buf_printf(&b, "/enkat/fraga/%lld",
	         str_to_ll(db_cell(&rows, 0, 0)))) != APP_OK)
		return e;
	return page_redirect(r, b.p);
}

/*
 * Bind this device to the code whose hash is given (kind "surfplatta" or
 * "lank"): a fresh device token, a new sitting, the response of a linked
 * questionnaire made on first use. The code row is locked while it is
 * checked and bound, so two tablets typing the same code at once get one
 * winner. *msg is set (and nothing changed) when the code cannot be used.
 */
static enum app_err
kiosk_start(struct req *r, struct str hash, const char *kind, const char **msg,
    int *status)
{
	const struct str *old = kiosk_cookie(r);
	struct db_param p[8];
	struct db_rows rows;
	struct str token, dev, old_dev = STR_NULL;
	struct kiosk k;
	enum app_err e;

	*msg = NULL;
	memset(&k, 0, sizeof(k));
	if (old != NULL && (old_dev = kiosk_hash(r, *old)).p == NULL)
		return APP_ENOMEM;
	if ((token = session_random_hex(r, 32)).p == NULL ||
	    (dev = kiosk_hash(r, token)).p == NULL)
		return APP_ENOMEM;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	p[0] = DB_INT(QUEST_LINK_IDLE_SECONDS);
	p[1] = DB_INT(QUEST_IDLE_SECONDS);
	p[2] = DB_STR(hash);
	if ((e = kq(r, SQL_QUEST_CODE_BY_HASH_LOCK, p, 3, &rows)) != APP_OK)
		goto fail;
	if (rows.nrows != 1 || !str_eq_cstr(db_cell(&rows, 0, 1), kind)) {
		db_rollback(r->db);
		*msg = kind[0] == 'l' ? MSG_LINK_BAD : MSG_CODE_BAD;
		*status = kind[0] == 'l' ? 404 : 400;
		return APP_OK; /* a wrong tablet code stays counted */
	}
	if (str_eq_cstr(db_cell(&rows, 0, 7), "1")) {
		db_rollback(r->db);
		*msg = kind[0] == 'l' ? MSG_LINK_BAD : MSG_CODE_OLD;
		*status = kind[0] == 'l' ? 404 : 400;
		return APP_OK;
	}
	if (str_eq_cstr(db_cell(&rows, 0, 8), "1")) {
		/* Held by a device seen lately: unless it is this one, no. */
		struct db_param q[3] = { DB_INT(QUEST_LINK_IDLE_SECONDS),
			DB_INT(QUEST_IDLE_SECONDS), DB_STR(old_dev) };
		struct db_rows mine;

		if (old != NULL &&
		    (e = kq(r, SQL_QUEST_CODE_BY_DEVICE, q, 3, &mine)) !=
		        APP_OK)
			goto fail;
		if (old == NULL || mine.nrows != 1 ||
		    !str_eq(db_cell(&mine, 0, 0), db_cell(&rows, 0, 0))) {
			db_rollback(r->db);
			*msg = MSG_CODE_BUSY;
			*status = 409;
			return APP_OK;
		}
	}
	k.code_id = str_to_ll(db_cell(&rows, 0, 0));
	k.qid = str_to_ll(db_cell(&rows, 0, 2));
	k.response_id = str_to_ll(db_cell(&rows, 0, 3));
	k.anon = str_eq_cstr(db_cell(&rows, 0, 11), "anonym");
	k.lang = db_cell(&rows, 0, 9);
	if (!k.anon && k.response_id == 0) {
		/* A linked measurement: its response from the start, with a
		 * random id like every response. */
		k.response_id = quest_random_id();
		p[0] = DB_INT(k.response_id);
		p[1] = DB_INT(k.qid);
		p[2] = db_cell(&rows, 0, 4).len
		    ? DB_INT(str_to_ll(db_cell(&rows, 0, 4)))
		    : DB_NULL;
		p[3] = db_cell(&rows, 0, 5).len ? DB_STR(db_cell(&rows, 0, 5))
		                                : DB_NULL;
		p[4] = db_cell(&rows, 0, 6).len
		    ? DB_INT(str_to_ll(db_cell(&rows, 0, 6)))
		    : DB_NULL;
		p[5] = DB_STR(STR_LIT(""));
		if ((e = kq(r, SQL_QUEST_RESP_INSERT, p, 6, NULL)) != APP_OK)
			goto fail;
	} else if (!k.anon) {
		p[0] = DB_INT(k.response_id);
		if ((e = kq(r, SQL_QUEST_RESP_GET, p, 1, &rows)) != APP_OK)
			goto fail;
		k.lang = rows.nrows == 1 ? db_cell(&rows, 0, 1) : STR_LIT("");
	}
	if (!k.anon) {
		/* A new sitting of the response: what was answered before
		 * is kept and counted but not shown again. */
		p[0] = DB_INT(k.response_id);
		if ((e = kq(r, SQL_QUEST_RESP_NEW_SITTING, p, 1, NULL)) !=
		    APP_OK)
			goto fail;
	}
	p[0] = DB_STR(dev);
	p[1] = k.anon ? DB_NULL : DB_INT(k.response_id);
	p[2] = DB_INT(k.code_id);
	if ((e = kq(r, SQL_QUEST_CODE_BIND, p, 3, NULL)) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	/* The code this device held before (if another) is let go. */
	if ((e = kiosk_release(r)) != APP_OK)
		return e;
	/* A staff member who started the questionnaire on this tablet is
	 * logged out: the participant holds it now. */
	if ((e = session_hand_over(
	         r, STR_LIT("tablet handed to a respondent"))) != APP_OK)
		return e;
	if ((e = session_set_cookie(r, KIOSK_COOKIE, token, -1)) != APP_OK)
		return e;
	return kiosk_continue(r, &k);
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
page_kiosk_code(struct req *r)
{
	const struct str *typed = req_form(r, "kod");
	struct str t = typed ? *typed : STR_LIT("");
	const char *msg = NULL;
	int too_many = 0, status = 400;
	long long attempt = 0;
	char digits[9];
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	if (t.len > 64)
		t = STR_LIT("");
	if (!kiosk_code_digits(t, digits)) {
		r->resp.status = 400;
		return kiosk_lock_render(r, MSG_CODE_SHAPE, t);
	}
	if ((e = kiosk_attempt(r, &attempt, &too_many)) != APP_OK)
		return e;
	if (too_many) {
		r->resp.status = 429;
		return kiosk_lock_render(r, MSG_CODE_MANY, STR_LIT(""));
	}
	e = kiosk_start(
	    r, kiosk_hash(r, str_cstr(digits)), "surfplatta", &msg, &status);
	if (e != APP_OK)
		return e;
	if (msg != MSG_CODE_BAD) { /* not a wrong code: not counted */
		struct db_param p[1] = { DB_INT(attempt) };
		if ((e = kq(r, SQL_QUEST_FAIL_DELETE, p, 1, NULL)) != APP_OK)
			return e;
	}
	if (msg == NULL)
		return APP_OK;
	r->resp.status = status;
	return kiosk_lock_render(r, msg, t);
}

/* The link's token: 64 hex characters. */
static int
kiosk_token_ok(const struct req *r)
{
	if (r->nparams != 1 || r->params[0].len != 64)
		return 0;
	for (size_t i = 0; i < 64; i++) {
		char c = r->params[0].p[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return 0;
	}
	return 1;
}

static enum app_err
kiosk_link_render(struct req *r, const char *error)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "error", error)) != APP_OK ||
	    (!error &&
	        (e = view_ctx_set_str(ctx, "token", r->params[0])) != APP_OK))
		return e;
	return kiosk_render(r, "kiosk_lank", STR_LIT("Enkät – Stegvis"), ctx,
	    STR_LIT("sv"), 0, 0);
}

enum app_err
page_kiosk_link(struct req *r)
{
	struct db_param p[3];
	struct db_rows rows;
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	/* A link opened from e-mail carries no SameSite=Strict cookie, so the
	 * start is a button on our own page (a same-site POST). */
	if (!kiosk_token_ok(r)) {
		r->resp.status = 404;
		return kiosk_link_render(r, MSG_LINK_BAD);
	}
	p[0] = DB_INT(QUEST_LINK_IDLE_SECONDS);
	p[1] = DB_INT(QUEST_IDLE_SECONDS);
	p[2] = DB_STR(kiosk_hash(r, r->params[0]));
	if ((e = kq(r, SQL_QUEST_CODE_BY_HASH, p, 3, &rows)) != APP_OK)
		return e;
	if (rows.nrows != 1 || !str_eq_cstr(db_cell(&rows, 0, 1), "lank") ||
	    str_eq_cstr(db_cell(&rows, 0, 7), "1")) {
		r->resp.status = 404;
		return kiosk_link_render(r, MSG_LINK_BAD);
	}
	return kiosk_link_render(r, NULL);
}

enum app_err
page_kiosk_link_start(struct req *r)
{
	const char *msg = NULL;
	int status = 404;
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	if (!kiosk_token_ok(r)) {
		r->resp.status = 404;
		return kiosk_link_render(r, MSG_LINK_BAD);
	}
	e = kiosk_start(r, kiosk_hash(r, r->params[0]), "lank", &msg, &status);
	if (e != APP_OK || msg == NULL)
		return e;
	r->resp.status = status;
	return kiosk_link_render(r, msg);
}

/* ---- Language --------------------------------------------------------- */

enum app_err
page_kiosk_lang(struct req *r)
{
	struct view_ctx *ctx;
	struct db_param p[1];
	struct db_rows rows;
	struct kiosk k;
	enum app_err e;
	int redirected = 0;

	if ((e = kiosk_enter(r, &k, 0, &redirected)) != APP_OK || redirected)
		return e;
	p[0] = DB_INT(k.qid);
	if ((e = kq(r, SQL_QUEST_LANGS, p, 1, &rows)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "languages")) != APP_OK)
		return e;
	for (size_t i = 0; i < rows.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "languages");
		int own;
		const struct kiosk_ui *u =
		    kiosk_ui_for(db_cell(&rows, i, 0), &own);

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "code", db_cell(&rows, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "name", db_cell(&rows, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "ldir", db_cell(&rows, i, 2))) !=
		        APP_OK ||
		    (own &&
		        (e = view_ctx_set_cstr(it, "choose", u->choose)) !=
		            APP_OK) ||
		    (e = view_ctx_set_bool(it, "current",
		         str_eq(db_cell(&rows, i, 0), k.lang))) != APP_OK)
			return e;
	}
	return kiosk_render(r, "kiosk_sprak",
	    STR_LIT("Välj språk · Choose language"), ctx, STR_LIT("sv"), 0,
	    k.is_link ? 0 : QUEST_IDLE_SECONDS);
}

enum app_err
page_kiosk_lang_set(struct req *r)
{
	const struct str *lang = req_form(r, "sprak");
	struct db_param p[2];
	struct db_rows rows;
	struct kiosk k;
	enum app_err e;
	int redirected = 0;

	if ((e = kiosk_enter(r, &k, 0, &redirected)) != APP_OK || redirected)
		return e;
	p[0] = DB_INT(k.qid);
	if ((e = kq(r, SQL_QUEST_LANGS, p, 1, &rows)) != APP_OK)
		return e;
	for (size_t i = 0; lang != NULL && i < rows.nrows; i++)
		if (str_eq(db_cell(&rows, i, 0), *lang)) {
			p[0] = DB_STR(*lang);
			p[1] = DB_INT(k.anon ? k.code_id : k.response_id);
			if ((e = kq(r,
			         k.anon ? SQL_QUEST_CODE_SET_LANG
			                : SQL_QUEST_RESP_SET_LANG,
			         p, 2, NULL)) != APP_OK)
				return e;
			k.lang = *lang;
			return kiosk_continue(r, &k);
		}
	return page_redirect(r, "/enkat/sprak");
}

/* ---- One question per screen ----------------------------------------- */

/* Columns of SQL_QUEST_ITEM_AT. */
enum ia_col {
	IA_ID,
	IA_CODE,
	IA_KIND,
	IA_MIN,
	IA_MAX,
	IA_DK,
	IA_NA,
	IA_MAXLEN,
	IA_TEXT,
	IA_MINLABEL,
	IA_MAXLABEL,
};

static enum app_err
kiosk_item_get(
    struct req *r, const struct kiosk *k, long long n, struct db_rows *item)
{
	struct db_param p[5] = { DB_STR(k->lang), DB_STR(k->lang),
		DB_STR(k->lang), DB_INT(k->qid), DB_INT(n) };
	enum app_err e;

	if ((e = kq(r, SQL_QUEST_ITEM_AT, p, 5, item)) != APP_OK)
		return e;
	return item->nrows == 1 ? APP_OK : APP_ENOTFOUND;
}

/* The position n from the path, 1..nitems. */
static enum app_err
kiosk_pos(struct req *r, const struct kiosk *k, long long *n)
{
	enum app_err e = req_param_id(r, n);

	if (e != APP_OK)
		return e;
	return *n >= 1 && *n <= k->nitems ? APP_OK : APP_ENOTFOUND;
}

/* What the screen shows as the answer: stored, or typed (after an
 * error). */
struct kiosk_shown {
	long long ints[32]; /* chosen values / options */
	size_t nints;
	struct str text; /* fritext, or the VAS number as typed */
	struct str special;
};

static int
shown_has(const struct kiosk_shown *s, long long v)
{
	for (size_t i = 0; i < s->nints; i++)
		if (s->ints[i] == v)
			return 1;
	return 0;
}

/* kiosk_item_render()'s error: 1 the generic one, this a free text over
 * its item's limit. */
#define KIOSK_TOO_LONG 2

/* 1 when item is a free text and the posted answer is over its limit. */
static int
kiosk_text_too_long(struct req *r, const struct db_rows *item)
{
	const struct str *v = req_form(r, "svar");

	return v != NULL && str_eq_cstr(db_cell(item, 0, IA_KIND), "fritext") &&
	    (long long)form_text_chars(str_trim_blanks(*v)) >
	    str_to_ll(db_cell(item, 0, IA_MAXLEN));
}

static enum app_err
kiosk_item_render(struct req *r, const struct kiosk *k, long long n,
    const struct db_rows *item, const struct kiosk_shown *sh, int error)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct str kind = db_cell(item, 0, IA_KIND);
	struct str lang = k->lang.len ? k->lang : STR_LIT("sv");
	struct db_param p[5];
	struct db_rows rows;
	struct buf back;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	buf_init(&back, r->a);
	if ((e = buf_printf(&back, "/enkat/fraga/%lld", n > 1 ? n - 1 : 1)) !=
	    APP_OK)
		return e;
	if ((e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = kiosk_bind_ui(ctx, k)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "n", n)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "m", k->nitems)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "progress",
	         kiosk_fill(r, k->ui->progress, n, k->nitems))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "text", db_cell(item, 0, IA_TEXT))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "min_label", db_cell(item, 0, IA_MINLABEL))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "max_label", db_cell(item, 0, IA_MAXLABEL))) != APP_OK ||
	    (error == 1 &&
	        (e = view_ctx_set_cstr(ctx, "error", k->ui->error)) !=
	            APP_OK) ||
	    (error == KIOSK_TOO_LONG &&
	        (e = view_ctx_set_str(ctx, "error",
	             kiosk_fill(r, k->ui->too_long,
	                 str_to_ll(db_cell(item, 0, IA_MAXLEN)), 0))) !=
	            APP_OK))
		return e;
	if (n == 1) {
		p[0] = DB_INT(k->qid);
		p[1] = DB_STR(STR_LIT("intro"));
		p[2] = DB_STR(lang);
		p[3] = DB_INT(k->qid);
		p[4] = DB_STR(STR_LIT("intro"));
		if ((e = kq(r, SQL_QUEST_TEXT, p, 5, &rows)) != APP_OK)
			return e;
		if (rows.nrows == 1 &&
		    (e = view_ctx_set_str(
		         ctx, "intro", db_cell(&rows, 0, 0))) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_list(ctx, "choices")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "specials")) != APP_OK)
		return e;
	if (str_eq_cstr(kind, "skala")) {
		long long lo = str_to_ll(db_cell(item, 0, IA_MIN));
		long long hi = str_to_ll(db_cell(item, 0, IA_MAX));

		if ((e = view_ctx_set_bool(ctx, "is_scale", 1)) != APP_OK)
			return e;
		for (long long v = lo; v <= hi; v++) {
			struct view_ctx *it = view_ctx_list_add(ctx, "choices");
			if (it == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_int(it, "value", v)) != APP_OK ||
			    (e = view_ctx_set_int(it, "label_num", v)) !=
			        APP_OK ||
			    (v == lo &&
			        (e = view_ctx_set_str(it, "label",
			             db_cell(item, 0, IA_MINLABEL))) !=
			            APP_OK) ||
			    (v == hi &&
			        (e = view_ctx_set_str(it, "label",
			             db_cell(item, 0, IA_MAXLABEL))) !=
			            APP_OK) ||
			    (e = view_ctx_set_bool(it, "checked",
			         sh->special.len == 0 && shown_has(sh, v))) !=
			        APP_OK)
				return e;
		}
		if ((e = view_ctx_set_cstr(ctx, "input", "radio")) != APP_OK)
			return e;
	} else if (str_eq_cstr(kind, "enval") || str_eq_cstr(kind, "flerval")) {
		p[0] = DB_STR(lang);
		p[1] = DB_INT(str_to_ll(db_cell(item, 0, IA_ID)));
		if ((e = kq(r, SQL_QUEST_OPTIONS, p, 2, &rows)) != APP_OK)
			return e;
		for (size_t i = 0; i < rows.nrows; i++) {
			struct view_ctx *it = view_ctx_list_add(ctx, "choices");
			long long v = str_to_ll(db_cell(&rows, i, 0));
			if (it == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_int(it, "value", v)) != APP_OK ||
			    (e = view_ctx_set_str(it, "label",
			         db_cell(&rows, i, 2))) != APP_OK ||
			    (e = view_ctx_set_bool(it, "checked",
			         sh->special.len == 0 && shown_has(sh, v))) !=
			        APP_OK)
				return e;
		}
		if ((e = view_ctx_set_cstr(ctx, "input",
		         kind.p[0] == 'f' ? "checkbox" : "radio")) != APP_OK ||
		    (e = view_ctx_set_bool(ctx, "is_choice", 1)) != APP_OK)
			return e;
	} else if (str_eq_cstr(kind, "vas")) {
		if ((e = view_ctx_set_bool(ctx, "is_vas", 1)) != APP_OK ||
		    (e = view_ctx_set_str(ctx, "typed",
		         sh->special.len ? STR_LIT("") : sh->text)) != APP_OK)
			return e;
	} else {
		/* The item's own limit, with the count in the participant's
		 * language (views/static/teckenantal.js). */
		long long max = str_to_ll(db_cell(item, 0, IA_MAXLEN));

		if ((e = view_ctx_set_bool(ctx, "is_text", 1)) != APP_OK ||
		    (e = view_ctx_set_str(ctx, "typed", sh->text)) != APP_OK ||
		    (e = view_ctx_set_int(ctx, "svar_max", max)) != APP_OK ||
		    (e = view_ctx_set_bool(ctx, "teckenantal", 1)) != APP_OK ||
		    (e = view_ctx_set_str(ctx, "count_hint",
		         kiosk_fill(r, k->ui->count_hint, max, 0))) != APP_OK ||
		    (e = view_ctx_set_cstr(
		         ctx, "t_count_left", k->ui->count_left)) != APP_OK ||
		    (e = view_ctx_set_cstr(
		         ctx, "t_count_over", k->ui->count_over)) != APP_OK)
			return e;
	}
	if (str_eq_cstr(db_cell(item, 0, IA_DK), "1")) {
		struct view_ctx *it = view_ctx_list_add(ctx, "specials");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(it, "value", "vet_ej")) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "label", k->ui->dont_know)) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         str_eq_cstr(sh->special, "vet_ej"))) != APP_OK)
			return e;
	}
	if (str_eq_cstr(db_cell(item, 0, IA_NA), "1")) {
		struct view_ctx *it = view_ctx_list_add(ctx, "specials");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(it, "value", "ej_aktuellt")) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "label", k->ui->not_appl)) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         str_eq_cstr(sh->special, "ej_aktuellt"))) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_bool(ctx, "has_back", n > 1)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "back_url", buf_str(&back))) != APP_OK)
		return e;
	return kiosk_render(r, "kiosk_fraga", db_cell(item, 0, IA_TEXT), ctx,
	    lang, k->rtl, k->is_link ? 0 : QUEST_IDLE_SECONDS);
}

enum app_err
page_kiosk_item(struct req *r)
{
	struct kiosk_shown sh = { .nints = 0 };
	struct db_rows item, ans;
	struct kiosk k;
	long long n;
	enum app_err e;
	int redirected = 0;

	if ((e = kiosk_enter(r, &k, 1, &redirected)) != APP_OK || redirected)
		return e;
	if ((e = kiosk_pos(r, &k, &n)) != APP_OK ||
	    (e = kiosk_item_get(r, &k, n, &item)) != APP_OK)
		return e;
	if ((e = kiosk_answers(
	         r, &k, str_to_ll(db_cell(&item, 0, IA_ID)), &ans)) != APP_OK)
		return e;
	for (size_t i = 0; i < ans.nrows && sh.nints < 32; i++) {
		if (db_cell(&ans, i, 2).len)
			sh.special = db_cell(&ans, i, 2);
		else if (db_cell(&ans, i, 0).len)
			sh.ints[sh.nints++] = str_to_ll(db_cell(&ans, i, 0));
		if (str_eq_cstr(db_cell(&item, 0, IA_KIND), "fritext"))
			sh.text = db_cell(&ans, i, 1);
		else if (str_eq_cstr(db_cell(&item, 0, IA_KIND), "vas"))
			sh.text = db_cell(&ans, i, 0);
	}
	return kiosk_item_render(r, &k, n, &item, &sh, 0);
}

/* One answer row to store. */
struct kiosk_row {
	long long vint; /* -1: NULL */
	struct str vtext;
	const char *special;
};

/* A non-negative decimal number of at most 4 digits, else -1. */
static long long
kiosk_small_int(struct str s)
{
	long long v = 0;

	s = str_trim_blanks(s);
	if (s.len == 0 || s.len > 4)
		return -1;
	for (size_t i = 0; i < s.len; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return -1;
		v = v * 10 + (s.p[i] - '0');
	}
	return v;
}

/*
 * The rows the form gives for item (none: nothing given). 0 when the
 * input does not fit the item. sh gets what to show again on an error.
 */
static int
kiosk_parse_answer(struct req *r, const struct db_rows *item,
    const struct db_rows *opts, struct kiosk_row *rows, size_t *nrows,
    struct kiosk_shown *sh)
{
	struct str kind = db_cell(item, 0, IA_KIND);
	int dk = str_eq_cstr(db_cell(item, 0, IA_DK), "1");
	int na = str_eq_cstr(db_cell(item, 0, IA_NA), "1");
	long long lo = str_to_ll(db_cell(item, 0, IA_MIN));
	long long hi = str_to_ll(db_cell(item, 0, IA_MAX));
	int multi = str_eq_cstr(kind, "flerval");

	*nrows = 0;
	for (size_t i = 0; i < r->form.n; i++) {
		struct str key = r->form.v[i].key, val = r->form.v[i].val;
		long long v;

		if (!str_eq_cstr(key, "svar") && !str_eq_cstr(key, "special"))
			continue;
		if (str_eq_cstr(val, "vet_ej") ||
		    str_eq_cstr(val, "ej_aktuellt")) {
			if ((val.p[0] == 'v' && !dk) ||
			    (val.p[0] == 'e' && !na))
				return 0;
			sh->special = val;
			rows[0] = (struct kiosk_row){ -1, STR_NULL,
				val.p[0] == 'v' ? "vet_ej" : "ej_aktuellt" };
			*nrows = 1;
			return 1; /* a special answer stands alone */
		}
		if (!str_eq_cstr(key, "svar"))
			return 0;
		if (str_eq_cstr(kind, "fritext")) {
			struct str t = str_trim_blanks(val);
			long long max = str_to_ll(db_cell(item, 0, IA_MAXLEN));
			/* Shown again with LF line breaks, as counted. */
			if ((sh->text = form_text_lf(r->a, val)).p == NULL)
				return 0;
			/* Characters as every limit counts them
			 * (form_text_chars()), not bytes. */
			if ((long long)form_text_chars(t) > max ||
			    str_has_nul(t))
				return 0;
			/* Stored with LF line breaks: as counted. */
			if (t.len > 0 && (t = form_text_lf(r->a, t)).p == NULL)
				return 0;
			if (t.len > 0) {
				rows[0] = (struct kiosk_row){ -1, t, NULL };
				*nrows = 1;
			}
			continue;
		}
		if (str_eq_cstr(kind, "vas")) {
			sh->text = val;
			if (str_trim_blanks(val).len == 0)
				continue;
			v = kiosk_small_int(val);
			if (v < 0 || v > 100)
				return 0;
			rows[0] = (struct kiosk_row){ v, STR_NULL, NULL };
			*nrows = 1;
			continue;
		}
		v = kiosk_small_int(val);
		if (str_eq_cstr(kind, "skala")) {
			if (v < lo || v > hi || *nrows > 0)
				return 0;
			rows[0] = (struct kiosk_row){ v, STR_NULL, NULL };
			*nrows = 1;
			sh->ints[0] = v;
			sh->nints = 1;
			continue;
		}
		/* enval / flerval: an option position */
		if (v < 1 || (size_t)v > opts->nrows ||
		    (!multi && *nrows > 0) || *nrows >= 32)
			return 0;
		int dup = 0;
		for (size_t j = 0; j < *nrows; j++)
			dup |= rows[j].vint == v;
		if (dup)
			continue;
		rows[*nrows] = (struct kiosk_row){ v,
			db_cell(opts, (size_t)v - 1, 1), NULL };
		(*nrows)++;
		if (sh->nints < 32)
			sh->ints[sh->nints++] = v;
	}
	return 1;
}

enum app_err
page_kiosk_item_save(struct req *r)
{
	const struct str *go = req_form(r, "ga");
	struct kiosk_row rows[32];
	struct kiosk_shown sh = { .nints = 0 };
	struct db_rows item, opts = { 0 };
	struct db_param p[7];
	struct kiosk k;
	size_t nrows = 0;
	long long n, item_id;
	int skip = go && str_eq_cstr(*go, "hoppa");
	int back = go && str_eq_cstr(*go, "tillbaka");
	int clearable;
	struct buf next;
	enum app_err e;
	int redirected = 0;

	if ((e = kiosk_enter(r, &k, 1, &redirected)) != APP_OK || redirected)
		return e;
	if ((e = kiosk_pos(r, &k, &n)) != APP_OK ||
	    (e = kiosk_item_get(r, &k, n, &item)) != APP_OK)
		return e;
	item_id = str_to_ll(db_cell(&item, 0, IA_ID));
	/* A text, number or set of boxes left empty on a screen that was
	 * shown (the hidden "visad") clears the answer; radios cannot be
	 * cleared but by skipping. */
	clearable = kv_get(&r->form, "visad") != NULL &&
	    !str_eq_cstr(db_cell(&item, 0, IA_KIND), "skala") &&
	    !str_eq_cstr(db_cell(&item, 0, IA_KIND), "enval");
	p[0] = DB_STR(k.lang);
	p[1] = DB_INT(item_id);
	if ((e = kq(r, SQL_QUEST_OPTIONS, p, 2, &opts)) != APP_OK)
		return e;
	if (!skip && !kiosk_parse_answer(r, &item, &opts, rows, &nrows, &sh)) {
		/* A text over the item's limit comes back with everything
		 * typed, even on "back": it is never dropped unsaid. */
		if (kiosk_text_too_long(r, &item)) {
			r->resp.status = 400;
			return kiosk_item_render(
			    r, &k, n, &item, &sh, KIOSK_TOO_LONG);
		}
		if (back)
			nrows = 0,
			skip = 0; /* going back: keep what is stored */
		else {
			r->resp.status = 400;
			return kiosk_item_render(r, &k, n, &item, &sh, 1);
		}
	}
	/* Saved at once, whole: a skipped item has no row; an empty screen
	 * leaves a stored answer as it was (a cleared text clears it, but
	 * only an answer of this sitting: one given earlier was not shown,
	 * so an empty screen did not clear it). */
	if (skip || nrows > 0 || (clearable && !back && nrows == 0)) {
		struct db_rows held;

		if ((e = db_begin(r->db)) != APP_OK)
			return e;
		/* Still held by this device, and not being sent: the send
		 * locks the code row too and deletes it. */
		p[0] = DB_INT(k.code_id);
		p[1] = DB_STR(k.dev);
		if ((e = kq(r, SQL_QUEST_CODE_LOCK_MINE, p, 2, &held)) !=
		    APP_OK)
			goto fail;
		if (held.nrows != 1) {
			db_rollback(r->db);
			return page_redirect(r, KIOSK_LOCK);
		}
		p[0] = DB_INT(k.anon ? k.code_id : k.response_id);
		p[1] = DB_INT(item_id);
		p[2] = DB_INT(k.sitting);
		if (!skip && nrows == 0)
			e = kq(r,
			    k.anon ? SQL_QUEST_DRAFT_CLEAR
			           : SQL_QUEST_ANSWER_CLEAR,
			    p, 3, NULL);
		else
			e = kq(r,
			    k.anon ? SQL_QUEST_DRAFT_DELETE
			           : SQL_QUEST_ANSWER_DELETE,
			    p, 2, NULL);
		if (e != APP_OK)
			goto fail;
		for (size_t i = 0; !skip && i < nrows; i++) {
			size_t j = 2;

			p[j++] = DB_INT((long long)i + 1);
			p[j++] = DB_INT(k.sitting);
			p[j++] =
			    rows[i].vint >= 0 ? DB_INT(rows[i].vint) : DB_NULL;
			p[j++] =
			    rows[i].vtext.p ? DB_STR(rows[i].vtext) : DB_NULL;
			p[j++] = rows[i].special
			    ? DB_STR(str_cstr(rows[i].special))
			    : DB_NULL;
			if ((e = kq(r,
			         k.anon ? SQL_QUEST_DRAFT_INSERT
			                : SQL_QUEST_ANSWER_INSERT,
			         p, j, NULL)) != APP_OK)
				goto fail;
		}
		if ((e = db_commit(r->db)) != APP_OK)
			goto fail;
	}
	buf_init(&next, r->a);
	if (back)
		e = n > 1 ? buf_printf(&next, "/enkat/fraga/%lld", n - 1)
		          : buf_puts(&next, "/enkat/sprak");
	else if (n < k.nitems)
		e = buf_printf(&next, "/enkat/fraga/%lld", n + 1);
	else
		e = buf_puts(&next, "/enkat/skicka");
	if (e != APP_OK)
		return e;
	return page_redirect(r, next.p);
fail:
	db_rollback(r->db);
	return e;
}

/* ---- Sending ---------------------------------------------------------- */

enum app_err
page_kiosk_send_form(struct req *r)
{
	struct view_ctx *ctx;
	long long answered;
	struct buf back;
	struct kiosk k;
	enum app_err e;
	int redirected = 0;

	if ((e = kiosk_enter(r, &k, 1, &redirected)) != APP_OK || redirected)
		return e;
	if ((e = kiosk_answered(r, &k, &answered)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	buf_init(&back, r->a);
	if ((e = buf_printf(&back, "/enkat/fraga/%lld", k.nitems)) != APP_OK ||
	    (e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = kiosk_bind_ui(ctx, &k)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "summary",
	         kiosk_fill(r, k.ui->send_text, answered, k.nitems))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "back_url", buf_str(&back))) != APP_OK)
		return e;
	return kiosk_render(r, "kiosk_skicka", str_cstr(k.ui->send_title), ctx,
	    k.lang, k.rtl, k.is_link ? 0 : QUEST_IDLE_SECONDS);
}

enum app_err
page_kiosk_send(struct req *r)
{
	struct db_param p[6];
	struct db_rows rows;
	struct buf to;
	struct kiosk k;
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	/* Sent already (a second tap, the back button): the lock screen. */
	if ((e = kiosk_load(r, &k)) == APP_ENOTFOUND)
		return page_redirect(r, KIOSK_LOCK);
	if (e != APP_OK)
		return e;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	p[0] = DB_INT(k.code_id);
	p[1] = DB_STR(k.dev);
	if ((e = kq(r, SQL_QUEST_CODE_LOCK_MINE, p, 2, &rows)) != APP_OK)
		goto fail;
	if (rows.nrows != 1) { /* a parallel send won */
		db_rollback(r->db);
		return page_redirect(r, KIOSK_LOCK);
	}
	if (k.anon) {
		/* Only now a response, with a random id and the date only:
		 * nothing in it says when the code was typed or which. */
		k.response_id = quest_random_id();
		p[0] = DB_INT(k.response_id);
		p[1] = DB_INT(k.qid);
		p[2] = DB_NULL;
		p[3] = DB_NULL;
		p[4] = k.insats_id > 0 ? DB_INT(k.insats_id) : DB_NULL;
		p[5] = DB_STR(k.lang);
		if ((e = kq(r, SQL_QUEST_RESP_INSERT, p, 6, NULL)) != APP_OK)
			goto fail;
		p[1] = DB_INT(k.code_id);
		if ((e = kq(r, SQL_QUEST_DRAFT_MOVE, p, 2, NULL)) != APP_OK)
			goto fail;
	}
	p[0] = DB_INT(k.response_id);
	if ((e = kq(r, SQL_QUEST_RESP_SUBMIT, p, 1, NULL)) != APP_OK)
		goto fail;
	/* The code is consumed (its draft rows go with it): nothing links
	 * the response to it any more. */
	p[0] = DB_INT(k.code_id);
	if ((e = kq(r, SQL_QUEST_CODE_DELETE, p, 1, NULL)) != APP_OK)
		goto fail;
	if (k.participation_id > 0) {
		struct buf d;
		buf_init(&d, r->a);
		if ((e = buf_printf(&d,
		         "questionnaire response %lld (%.*s) sent for "
		         "participation %lld",
		         k.response_id, (int)k.measurement.len, k.measurement.p,
		         k.participation_id)) != APP_OK ||
		    (e = audit_write_anonymous(r, STR_LIT("deltagare"),
		         AUDIT_UPDATE, buf_str(&d))) != APP_OK)
			goto fail;
	}
	if ((e = db_commit(r->db)) != APP_OK)
		goto fail;
	if ((e = session_set_cookie(r, KIOSK_COOKIE, STR_LIT(""), 0)) != APP_OK)
		return e;
	buf_init(&to, r->a);
	if ((e = buf_printf(&to, "/enkat/tack?sprak=%s%s", k.ui->lang,
	         k.is_link ? "" : "&surfplatta=1")) != APP_OK)
		return e;
	return page_redirect(r, to.p);
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
page_kiosk_thanks(struct req *r)
{
	const struct str *lang = req_query(r, "sprak");
	int kiosk = req_query(r, "surfplatta") != NULL, own, rtl;
	struct view_ctx *ctx = view_ctx_new(r->a);
	const struct kiosk_ui *u =
	    kiosk_ui_for(lang ? *lang : STR_LIT("sv"), &own);
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	if (ctx == NULL)
		return APP_ENOMEM;
	rtl = strcmp(u->lang, "ar") == 0 || strcmp(u->lang, "fa-AF") == 0;
	if ((e = view_ctx_set_cstr(ctx, "t_thanks", u->thanks)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "t_thanks_text", u->thanks_text)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "t_done", u->done)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "kiosk", kiosk)) != APP_OK)
		return e;
	/* On a tablet the thank-you goes back to the lock screen by itself
	 * (it shows nothing of the answers). */
	return kiosk_render(r, "kiosk_tack", str_cstr(u->thanks), ctx,
	    str_cstr(u->lang), rtl, kiosk ? 20 : 0);
}

/* The free text's limit is the item's own max-length (1..2000, checked
 * when a definition is loaded, app/quest_xml.c); 2000 is the most any
 * item may have, as answer.value_text holds. */
static const struct field_spec kiosk_text_spec[1] = {
	{ "svar", FT_TEXT, 0, 2000, FF_MULTILINE | FF_DATA_MAX, NULL },
};

static const struct form_def quest_forms[] = {
	{ "POST /enkat/fraga/:n", "kiosk_fraga", kiosk_text_spec, 1 },
};

const struct form_def *
page_quest_forms(size_t *n)
{
	*n = sizeof(quest_forms) / sizeof(quest_forms[0]);
	return quest_forms;
}
