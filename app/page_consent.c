/* page_consent.c: taking, showing and revoking consent; see
 * include/page_consent.h. The rules themselves are in consent.c. */
#include <string.h>

#include "access.h"
#include "app_limits.h"
#include "arena.h"
#include "audit.h"
#include "consent.h"
#include "date.h"
#include "db.h"
#include "form.h"
#include "form_registry.h"
#include "page_consent.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "signature.h"
#include "sql_consent.h"
#include "view.h"

/* Columns of SQL_CONSENT_GET. */
enum cg_col {
	CG_ID,
	CG_REFERRAL,
	CG_KIND,
	CG_STATE,
	CG_ANSWER,
	CG_LANGUAGE,
	CG_INTERPRETER,
	CG_INTERPRETER_LANG,
	CG_OBTAIN,
	CG_DISCLOSE,
	CG_PURPOSE,
	CG_FROM,
	CG_UNTIL,
	CG_SIGNED_HOW,
	CG_SIGNER,
	CG_SIGNATURE,
	CG_PAPER_DATE,
	CG_TAKEN_BY,
	CG_SIGNED_AT,
	CG_ENDED_AT,
	CG_VERSION,
	CG_TEXT_TITLE,
	CG_TEXT_BODY,
	CG_TEXT_VERSION,
	CG_TEXT_LANGUAGE,
};

/* Columns of SQL_CONSENT_REFERRAL. */
enum cr_col {
	CR_ID,
	CR_STATUS,
	CR_AT_VISA,
	CR_ORG_ID,
	CR_ORG,
	CR_INSATS_ID,
	CR_INSATS,
	CR_INSATS_END,
	CR_PNR,
	CR_FIRST,
	CR_LAST,
	CR_PROTECTED,
	CR_PART_ID,
	CR_PART_STATUS,
	CR_PART_PLANNED_END,
	CR_PART_END,
	CR_LANGUAGE,
};

/* ------------------------------------------------------------------------
 * The participant's languages: the words around the consent text on the
 * tablet. The text itself is data (consent_text, per language).
 * --------------------------------------------------------------------- */

enum tw {
	TW_PARTIES,
	TW_CATEGORIES,
	TW_OBTAIN,
	TW_DISCLOSE,
	TW_PERIOD,
	TW_PURPOSE,
	TW_NAME,
	TW_SIGN,
	TW_CLEAR,
	TW_AGREE,
	TW_SUS_YES,
	TW_SUS_NO,
	TW_SEND,
	TW_ERR_NAME,
	TW_ERR_SIG,
	TW_ERR_ANSWER,
	TW_ERRORS,
	TW_THANKS,
	TW_GIVE_BACK,
	TW_COPY,
	TW_REVOKE,
	TW_REVOKE_FOR,
	TW_REVOKED,
	TW_WITHDRAWN,
	TW_SIGNATURE,
	TW_YOUR_COPY,
	TW_ANSWER,
	TW_NOTHING_TO_REVOKE,
	TW_SIGNED_PAPER,
	TW_TOO_LATE,
	TW_REVOKE_INTRO,
	TW_WAIVER,
	TW_WAIVER_ABOUT,
	TW_PARTY_DOES,
	TW_WAIVER_ALL,
	TW_WAIVER_ALL_DOES,
	TW_SUS,
	TW_SUS_ABOUT,
	TW_SUS_REVOKE,
	TW_SUS_DOES,
	TW_CONFIRM,
	TW_CONFIRM_YES,
	TW_CONFIRM_NO,
	TW_MORE,
	TW_DONE,
	TW_ERR_NAME_LONG,
	TW_COUNT_HINT,
	TW_COUNT_LEFT,
	TW_COUNT_OVER,
	TW__MAX
};

static const char *const tw_keys[TW__MAX] = {
	[TW_PARTIES] = "t_parties",
	[TW_CATEGORIES] = "t_categories",
	[TW_OBTAIN] = "t_obtain",
	[TW_DISCLOSE] = "t_disclose",
	[TW_PERIOD] = "t_period",
	[TW_PURPOSE] = "t_purpose",
	[TW_NAME] = "t_name",
	[TW_SIGN] = "t_sign",
	[TW_CLEAR] = "t_clear",
	[TW_AGREE] = "t_agree",
	[TW_SUS_YES] = "t_sus_yes",
	[TW_SUS_NO] = "t_sus_no",
	[TW_SEND] = "t_send",
	[TW_ERR_NAME] = "t_err_name",
	[TW_ERR_SIG] = "t_err_sig",
	[TW_ERR_ANSWER] = "t_err_answer",
	[TW_ERRORS] = "t_errors",
	[TW_THANKS] = "t_thanks",
	[TW_GIVE_BACK] = "t_give_back",
	[TW_COPY] = "t_copy",
	[TW_REVOKE] = "t_revoke",
	[TW_REVOKE_FOR] = "t_revoke_for",
	[TW_REVOKED] = "t_revoked",
	[TW_WITHDRAWN] = "t_withdrawn",
	[TW_SIGNATURE] = "t_signature",
	[TW_YOUR_COPY] = "t_your_copy",
	[TW_ANSWER] = "t_answer",
	[TW_NOTHING_TO_REVOKE] = "t_nothing_to_revoke",
	[TW_SIGNED_PAPER] = "t_signed_paper",
	[TW_TOO_LATE] = "t_too_late",
	[TW_REVOKE_INTRO] = "t_revoke_intro",
	[TW_WAIVER] = "t_waiver",
	[TW_WAIVER_ABOUT] = "t_waiver_about",
	[TW_PARTY_DOES] = "t_party_does",
	[TW_WAIVER_ALL] = "t_waiver_all",
	[TW_WAIVER_ALL_DOES] = "t_waiver_all_does",
	[TW_SUS] = "t_sus",
	[TW_SUS_ABOUT] = "t_sus_about",
	[TW_SUS_REVOKE] = "t_sus_revoke",
	[TW_SUS_DOES] = "t_sus_does",
	[TW_CONFIRM] = "t_confirm",
	[TW_CONFIRM_YES] = "t_confirm_yes",
	[TW_CONFIRM_NO] = "t_confirm_no",
	[TW_MORE] = "t_more",
	[TW_DONE] = "t_done",
	[TW_ERR_NAME_LONG] = "t_err_name_long",
	[TW_COUNT_HINT] = "t_count_hint",
	[TW_COUNT_LEFT] = "t_count_left",
	[TW_COUNT_OVER] = "t_count_over",
};

struct tlang {
	const char *code, *name;
	const char *w[TW__MAX];
};

/* Arabic is a best-effort translation, to be checked by a translator. */
static const struct tlang tlangs[] = {
	{ "sv", "Svenska",
	    {
	        [TW_PARTIES] = "Parter som får utbyta uppgifter",
	        [TW_CATEGORIES] = "Uppgifter som omfattas",
	        [TW_OBTAIN] = "Insatsen får hämta in uppgifter från parterna.",
	        [TW_DISCLOSE] = "Insatsen får lämna uppgifter till parterna.",
	        [TW_PERIOD] = "Gäller",
	        [TW_PURPOSE] = "Syfte",
	        [TW_NAME] = "Ditt namn",
	        [TW_SIGN] = "Skriv din namnteckning med fingret i rutan",
	        [TW_CLEAR] = "Sudda",
	        [TW_AGREE] = "Jag samtycker",
	        [TW_SUS_YES] = "Ja, jag samtycker till registrering i SUS",
	        [TW_SUS_NO] = "Nej, registrera mig anonymt",
	        [TW_SEND] = "Skicka mitt svar",
	        [TW_ERR_NAME] = "Skriv ditt namn.",
	        [TW_ERR_SIG] = "Skriv under i rutan. Går det inte, be "
	                       "personalen registrera samtycket på papper.",
	        [TW_ERR_ANSWER] = "Välj ja eller nej.",
	        [TW_ERRORS] = "Något saknas. Se nedan.",
	        [TW_THANKS] = "Tack. Ditt svar är registrerat.",
	        [TW_GIVE_BACK] = "Lämna tillbaka surfplattan till personalen.",
	        [TW_COPY] = "Skriv ut en kopia",
	        [TW_REVOKE] = "Återkalla samtycke",
	        [TW_REVOKE_FOR] = "Återkalla för",
	        [TW_REVOKED] = "Återkallelsen är registrerad och gäller nu.",
	        [TW_WITHDRAWN] = "återkallad",
	        [TW_SIGNATURE] = "Underskrift",
	        [TW_YOUR_COPY] = "Din kopia",
	        [TW_ANSWER] = "Svar",
	        [TW_NOTHING_TO_REVOKE] = "Det finns inget gällande samtycke "
	                                 "att återkalla.",
	        [TW_SIGNED_PAPER] = "Underskrivet på papper",
	        [TW_TOO_LATE] = "Samtycket kan inte längre skrivas under. Be "
	                        "personalen förbereda ett nytt.",
	        [TW_REVOKE_INTRO] = "Här kan du återkalla dina samtycken. "
	                            "Varje samtycke återkallas för sig.",
	        [TW_WAIVER] = "Sekretesslättnad",
	        [TW_WAIVER_ABOUT] = "Med sekretesslättnaden får insatsen och "
	                            "parterna nedan utbyta uppgifter om dig.",
	        [TW_PARTY_DOES] = "Återkallar du för en part får insatsen inte "
	                          "längre utbyta uppgifter om dig med den "
	                          "parten. De andra parterna och ditt samtycke "
	                          "till SUS gäller som förut.",
	        [TW_WAIVER_ALL] = "Återkalla hela sekretesslättnaden",
	        [TW_WAIVER_ALL_DOES] =
	            "Återkallar du hela sekretesslättnaden får "
	            "insatsen inte längre utbyta uppgifter om "
	            "dig med någon av parterna. Ditt samtycke "
	            "till SUS gäller som förut.",
	        [TW_SUS] = "Samtycke till SUS",
	        [TW_SUS_ABOUT] = "SUS är Försäkringskassans uppföljning av "
	                         "insatserna. Du har samtyckt till att "
	                         "registreras där med ditt personnummer.",
	        [TW_SUS_REVOKE] = "Återkalla samtycket till SUS",
	        [TW_SUS_DOES] = "Återkallar du samtycket till SUS rapporteras "
	                        "du dit bara anonymt, som en siffra utan "
	                        "personnummer. Sekretesslättnaden gäller som "
	                        "förut.",
	        [TW_CONFIRM] = "Vill du återkalla?",
	        [TW_CONFIRM_YES] = "Ja, återkalla",
	        [TW_CONFIRM_NO] = "Nej, gå tillbaka",
	        [TW_MORE] = "Återkalla något mer",
	        [TW_DONE] = "Klar",
	        /* {n}: the limit, or what is left or too many (the
	         * character count, views/static/teckenantal.js). */
	        [TW_ERR_NAME_LONG] = "Namnet är för långt. Du kan skriva upp "
	                             "till {n} tecken.",
	        [TW_COUNT_HINT] = "Du kan skriva upp till {n} tecken.",
	        [TW_COUNT_LEFT] = "Du har {n} tecken kvar.",
	        [TW_COUNT_OVER] = "Du har {n} tecken för mycket.",
	    } },
	{ "en", "English",
	    {
	        [TW_PARTIES] = "Parties that may exchange information",
	        [TW_CATEGORIES] = "Information covered",
	        [TW_OBTAIN] =
	            "The programme may obtain information from the parties.",
	        [TW_DISCLOSE] =
	            "The programme may give information to the parties.",
	        [TW_PERIOD] = "Valid",
	        [TW_PURPOSE] = "Purpose",
	        [TW_NAME] = "Your name",
	        [TW_SIGN] = "Sign with your finger in the box",
	        [TW_CLEAR] = "Clear",
	        [TW_AGREE] = "I consent",
	        [TW_SUS_YES] = "Yes, I consent to registration in SUS",
	        [TW_SUS_NO] = "No, register me anonymously",
	        [TW_SEND] = "Send my answer",
	        [TW_ERR_NAME] = "Write your name.",
	        [TW_ERR_SIG] = "Sign in the box. If you cannot, ask the staff "
	                       "to record the consent on paper.",
	        [TW_ERR_ANSWER] = "Choose yes or no.",
	        [TW_ERRORS] = "Something is missing. See below.",
	        [TW_THANKS] = "Thank you. Your answer is recorded.",
	        [TW_GIVE_BACK] = "Please hand the tablet back to the staff.",
	        [TW_COPY] = "Print a copy",
	        [TW_REVOKE] = "Withdraw consent",
	        [TW_REVOKE_FOR] = "Withdraw for",
	        [TW_REVOKED] = "The withdrawal is recorded and applies now.",
	        [TW_WITHDRAWN] = "withdrawn",
	        [TW_SIGNATURE] = "Signature",
	        [TW_YOUR_COPY] = "Your copy",
	        [TW_ANSWER] = "Answer",
	        [TW_NOTHING_TO_REVOKE] = "There is no consent in force to "
	                                 "withdraw.",
	        [TW_SIGNED_PAPER] = "Signed on paper",
	        [TW_TOO_LATE] = "This consent can no longer be signed. Ask "
	                        "the staff to prepare a new one.",
	        [TW_REVOKE_INTRO] = "Here you can withdraw your consents. "
	                            "Each consent is withdrawn on its own.",
	        [TW_WAIVER] = "Waiver of secrecy",
	        [TW_WAIVER_ABOUT] = "The waiver lets the programme and the "
	                            "parties below exchange information about "
	                            "you.",
	        [TW_PARTY_DOES] = "If you withdraw it for one party, the "
	                          "programme may no longer exchange "
	                          "information about you with that party. The "
	                          "other parties and your consent to SUS stay "
	                          "as they are.",
	        [TW_WAIVER_ALL] = "Withdraw the whole waiver",
	        [TW_WAIVER_ALL_DOES] =
	            "If you withdraw the whole waiver, the "
	            "programme may no longer exchange "
	            "information about you with any of the "
	            "parties. Your consent to SUS stays as it "
	            "is.",
	        [TW_SUS] = "Consent to SUS",
	        [TW_SUS_ABOUT] = "SUS is the Social Insurance Agency's "
	                         "follow-up of the programmes. You have agreed "
	                         "to be registered there with your personal "
	                         "identity number.",
	        [TW_SUS_REVOKE] = "Withdraw the consent to SUS",
	        [TW_SUS_DOES] = "If you withdraw the consent to SUS, you are "
	                        "reported there only anonymously, as a number "
	                        "without your personal identity number. The "
	                        "waiver stays as it is.",
	        [TW_CONFIRM] = "Do you want to withdraw?",
	        [TW_CONFIRM_YES] = "Yes, withdraw",
	        [TW_CONFIRM_NO] = "No, go back",
	        [TW_MORE] = "Withdraw something else",
	        [TW_DONE] = "Done",
	        [TW_ERR_NAME_LONG] = "The name is too long. You can enter up "
	                             "to {n} characters.",
	        [TW_COUNT_HINT] = "You can enter up to {n} characters.",
	        [TW_COUNT_LEFT] = "You have {n} characters remaining.",
	        [TW_COUNT_OVER] = "You have {n} characters too many.",
	    } },
	{ "ar", "العربية",
	    {
	        [TW_PARTIES] = "الجهات التي يجوز لها تبادل المعلومات",
	        [TW_CATEGORIES] = "المعلومات المشمولة",
	        [TW_OBTAIN] = "يجوز للبرنامج الحصول على معلومات من الجهات.",
	        [TW_DISCLOSE] = "يجوز للبرنامج تقديم معلومات إلى الجهات.",
	        [TW_PERIOD] = "صالحة",
	        [TW_PURPOSE] = "الغرض",
	        [TW_NAME] = "اسمك",
	        [TW_SIGN] = "وقّع بإصبعك في المربع",
	        [TW_CLEAR] = "مسح",
	        [TW_AGREE] = "أوافق",
	        [TW_SUS_YES] = "نعم، أوافق على التسجيل في SUS",
	        [TW_SUS_NO] = "لا، سجّلني بشكل مجهول",
	        [TW_SEND] = "أرسل إجابتي",
	        [TW_ERR_NAME] = "اكتب اسمك.",
	        [TW_ERR_SIG] = "وقّع في المربع. إذا لم تستطع، اطلب من الموظفين "
	                       "تسجيل الموافقة على الورق.",
	        [TW_ERR_ANSWER] = "اختر نعم أو لا.",
	        [TW_ERRORS] = "هناك شيء ناقص. انظر أدناه.",
	        [TW_THANKS] = "شكرًا. تم تسجيل إجابتك.",
	        [TW_GIVE_BACK] = "يرجى إعادة الجهاز اللوحي إلى الموظفين.",
	        [TW_COPY] = "اطبع نسخة",
	        [TW_REVOKE] = "سحب الموافقة",
	        [TW_REVOKE_FOR] = "سحب الموافقة عن",
	        [TW_REVOKED] = "تم تسجيل السحب وهو ساري الآن.",
	        [TW_WITHDRAWN] = "مسحوبة",
	        [TW_SIGNATURE] = "التوقيع",
	        [TW_YOUR_COPY] = "نسختك",
	        [TW_ANSWER] = "الإجابة",
	        [TW_NOTHING_TO_REVOKE] = "لا توجد موافقة سارية لسحبها.",
	        [TW_SIGNED_PAPER] = "موقّعة على الورق",
	        [TW_TOO_LATE] = "لم يعد بالإمكان توقيع هذه الموافقة. اطلب من "
	                        "الموظفين إعداد موافقة جديدة.",
	        [TW_REVOKE_INTRO] = "هنا يمكنك سحب موافقاتك. تُسحب كل موافقة "
	                            "على حدة.",
	        [TW_WAIVER] = "الموافقة على رفع السرية",
	        [TW_WAIVER_ABOUT] =
	            "تسمح هذه الموافقة للبرنامج وللجهات المذكورة "
	            "أدناه بتبادل المعلومات عنك.",
	        [TW_PARTY_DOES] = "إذا سحبت الموافقة عن جهة واحدة، فلن يعود "
	                          "بإمكان البرنامج تبادل المعلومات عنك مع تلك "
	                          "الجهة. تبقى الجهات الأخرى وموافقتك على SUS "
	                          "كما هي.",
	        [TW_WAIVER_ALL] = "سحب الموافقة على رفع السرية بالكامل",
	        [TW_WAIVER_ALL_DOES] =
	            "إذا سحبت الموافقة على رفع السرية بالكامل، "
	            "فلن يعود بإمكان البرنامج تبادل المعلومات "
	            "عنك مع أي من الجهات. تبقى موافقتك على SUS "
	            "كما هي.",
	        [TW_SUS] = "الموافقة على SUS",
	        [TW_SUS_ABOUT] = "SUS هو نظام المتابعة لدى صندوق التأمينات "
	                         "الاجتماعية. لقد وافقت على تسجيلك فيه برقمك "
	                         "الشخصي.",
	        [TW_SUS_REVOKE] = "سحب الموافقة على SUS",
	        [TW_SUS_DOES] =
	            "إذا سحبت الموافقة على SUS، فسيتم الإبلاغ عنك "
	            "هناك بشكل مجهول فقط، كرقم دون رقمك الشخصي. تبقى "
	            "الموافقة على رفع السرية كما هي.",
	        [TW_CONFIRM] = "هل تريد سحب الموافقة؟",
	        [TW_CONFIRM_YES] = "نعم، اسحب الموافقة",
	        [TW_CONFIRM_NO] = "لا، عودة",
	        [TW_MORE] = "سحب موافقة أخرى",
	        [TW_DONE] = "انتهيت",
	        [TW_ERR_NAME_LONG] = "الاسم طويل جدًا. يمكنك كتابة {n} حرفًا "
	                             "كحد أقصى.",
	        [TW_COUNT_HINT] = "يمكنك كتابة {n} حرفًا كحد أقصى.",
	        [TW_COUNT_LEFT] = "تبقّى لك {n} حرفًا.",
	        [TW_COUNT_OVER] = "لقد تجاوزت الحد بـ {n} حرفًا.",
	    } },
};

/* The words for language code (Swedish when we have none for it). */
static const struct tlang *
tl_find(struct str code)
{
	for (size_t i = 0; i < sizeof(tlangs) / sizeof(tlangs[0]); i++)
		if (str_eq_cstr(code, tlangs[i].code))
			return &tlangs[i];
	return &tlangs[0];
}

/* The language's own name, or the code for one we have no words for. */
static struct str
tl_name(struct str code)
{
	for (size_t i = 0; i < sizeof(tlangs) / sizeof(tlangs[0]); i++)
		if (str_eq_cstr(code, tlangs[i].code))
			return str_cstr(tlangs[i].name);
	return code;
}

/* "rtl" for the scripts written right to left (by the primary subtag, so
 * an admin's fa-AF or ckb text gets it too), else "ltr". */
static const char *
tl_dir(struct str code)
{
	static const char *const rtl[] = { "ar", "fa", "prs", "ps", "ur", "ckb",
		"he", "yi", "dv", "sd" };
	size_t n = 0;

	while (n < code.len && code.p[n] != '-')
		n++;
	for (size_t i = 0; i < sizeof(rtl) / sizeof(rtl[0]); i++)
		if (str_eq((struct str){ code.p, n }, str_cstr(rtl[i])))
			return "rtl";
	return "ltr";
}

/* lang, dir and every t_* word of the consent's language. The text's own
 * language decides lang, so a text we have no words for is still marked
 * right for screen readers. */
static enum app_err
tl_bind(struct view_ctx *ctx, struct str text_lang)
{
	const struct tlang *t = tl_find(text_lang);
	enum app_err e;

	if ((e = view_ctx_set_str(ctx, "lang", text_lang)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "dir", tl_dir(text_lang))) != APP_OK)
		return e;
	for (int i = 0; i < TW__MAX; i++)
		if ((e = view_ctx_set_cstr(ctx, tw_keys[i], t->w[i])) != APP_OK)
			return e;
	return APP_OK;
}

/* ------------------------------------------------------------------------
 * Loading and binding
 * --------------------------------------------------------------------- */

static enum app_err
pc_exec(struct req *r, unsigned q, const struct db_param *p, size_t n,
    struct db_rows *rows)
{
	return db_exec(r->db, r->a, DB_CONSENT, q, p, n, rows);
}

/* Begin a consent change: every change to one referral's consents (prepare,
 * sign, revoke, mark in error) first locks the referral row, so two tablets
 * signing at once, or a signing and a revocation, run one after the other
 * instead of deadlocking on each other's consent rows. */
static enum app_err
pc_begin(struct req *r, long long referral_id)
{
	struct db_param p[1] = { DB_INT(referral_id) };
	struct db_rows rows;
	enum app_err e;

	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = pc_exec(r, SQL_CONSENT_REFERRAL_LOCK, p, 1, &rows)) !=
	    APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return APP_OK;
}

/* The referral behind :id, if r's user may see it. The remittent side
 * whose organisation the consent no longer names sees only that the
 * application exists (on /ansokningar/:id), so not its consents: 403. */
static enum app_err
pc_load_referral(
    struct req *r, long long referral_id, unsigned *via, struct db_rows *ref)
{
	struct db_param p[1] = { DB_INT(referral_id) };
	int visible = 1;
	enum app_err e;

	if ((e = access_referral(r, referral_id, via)) != APP_OK ||
	    (e = pc_exec(r, SQL_CONSENT_REFERRAL, p, 1, ref)) != APP_OK)
		return e;
	if (ref->nrows != 1)
		return APP_ENOTFOUND;
	if (!(*via & ACCESS_INSATS) &&
	    (e = consent_details_visible(
	         r, referral_id, r->user->organisation_id, &visible)) != APP_OK)
		return e;
	return visible ? APP_OK : APP_EFORBIDDEN;
}

/* The consent behind :id and its referral, if r's user may see it; on a
 * consent tablet, its own consent (via 0). */
static enum app_err
pc_load(struct req *r, long long *id, struct db_rows *c, unsigned *via,
    struct db_rows *ref, const char *audit_detail)
{
	struct db_param p[1];
	enum app_err e;

	if ((e = req_param_id(r, id)) != APP_OK)
		return e;
	/* The tablet reaches only its own consent (route_dispatch() asked
	 * include/tablet.h); checked again here, as cheap as it is. */
	if (r->tablet != NULL && *id != r->tablet->consent_id)
		return APP_ENOTFOUND;
	p[0] = DB_INT(*id);
	if ((e = pc_exec(r, SQL_CONSENT_GET, p, 1, c)) != APP_OK)
		return e;
	if (c->nrows != 1)
		return APP_ENOTFOUND;
	if (r->tablet != NULL) {
		/* The participant's own consent, handed over by a staff member
		 * who could see it: no staff access applies. */
		*via = 0;
		p[0] = DB_INT(str_to_ll(db_cell(c, 0, CG_REFERRAL)));
		if ((e = pc_exec(r, SQL_CONSENT_REFERRAL, p, 1, ref)) != APP_OK)
			return e;
		if (ref->nrows != 1)
			return APP_ENOTFOUND;
		p[0] = DB_INT(*id);
	} else if ((e = pc_load_referral(
	                r, str_to_ll(db_cell(c, 0, CG_REFERRAL)), via, ref)) !=
	    APP_OK)
		return e;
	/* Expiry is written back before anything is shown, and every page
	 * of a consent (re-rendered forms too) is a read of the person. */
	if ((e = consent_expire(r, str_to_ll(db_cell(c, 0, CG_REFERRAL)))) !=
	        APP_OK ||
	    (e = pc_exec(r, SQL_CONSENT_GET, p, 1, c)) != APP_OK)
		return e;
	if (c->nrows != 1)
		return APP_ENOTFOUND;
	if (audit_detail == NULL)
		return APP_OK;
	return audit_write(r, AUDIT_READ, "consent", *id,
	    db_cell(ref, 0, CR_PNR), str_cstr(audit_detail));
}

/* A YYYY-MM-DD date as YYYYMMDD (as FT_DATE gives it), 0 when empty or
 * malformed. */
static long long
pc_ymd(struct str d)
{
	int y, m, day;

	if (!date_parse_iso(d, &y, &m, &day))
		return 0;
	return (long long)y * 10000 + m * 100 + day;
}

/* A draft waiver whose last day has passed cannot be signed any more. */
static int
pc_too_late(struct req *r, const struct db_rows *c)
{
	return str_eq_cstr(db_cell(c, 0, CG_STATE), "utkast") &&
	    str_eq_cstr(db_cell(c, 0, CG_KIND), "sekretess") &&
	    pc_ymd(db_cell(c, 0, CG_UNTIL)) < pc_ymd(consent_today(r));
}

/* Taking a consent is for the remittent who applied and the insats staff. */
static int
pc_may_take(unsigned via)
{
	return (via & (ACCESS_OWN | ACCESS_INSATS)) != 0;
}

static const char *
pc_kind_label(struct str kind)
{
	return str_eq_cstr(kind, "sus") ? "SUS-samtycke" : "Sekretesslättnad";
}

static const char *
pc_event_label(struct str ev)
{
	static const char *const map[][2] = {
		{ "forberett", "Förberett" },
		{ "givet", "Givet" },
		{ "andrat", "Ändrat (en part återkallad)" },
		{ "aterkallat", "Återkallat" },
		{ "utganget", "Utgånget" },
		{ "felaktigt", "Markerat som felregistrerat" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (str_eq_cstr(ev, map[i][0]))
			return map[i][1];
	return "";
}

static const char *
pc_how_label(struct str how)
{
	static const char *const map[][2] = {
		{ "surfplatta", "på surfplattan" },
		{ "papper", "på papper" },
		{ "muntligt", "muntligt" },
		{ "skriftligt", "skriftligt" },
		{ "personal", "av personalen" },
		{ "system", "automatiskt" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (str_eq_cstr(how, map[i][0]))
			return map[i][1];
	return "";
}

/* body split at blank lines into list key, each item "text". */
static enum app_err
pc_bind_paragraphs(struct view_ctx *ctx, const char *key, struct str body)
{
	size_t i = 0;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, key)) != APP_OK)
		return e;
	while (i < body.len) {
		size_t start = i, end;
		struct view_ctx *it;

		while (i < body.len &&
		    !(body.p[i] == '\n' && i + 1 < body.len &&
		        (body.p[i + 1] == '\n' ||
		            (body.p[i + 1] == '\r' && i + 2 < body.len &&
		                body.p[i + 2] == '\n'))))
			i++;
		end = i;
		while (i < body.len && (body.p[i] == '\n' || body.p[i] == '\r'))
			i++;
		if (end == start)
			continue;
		if ((it = view_ctx_list_add(ctx, key)) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "text",
		         (struct str){ body.p + start, end - start })) !=
		    APP_OK)
			return e;
	}
	return APP_OK;
}

/* The referral's summary: who, which insats, the referring organisation. */
static enum app_err
pc_bind_referral(struct view_ctx *ctx, const struct db_rows *ref)
{
	enum app_err e;

	if ((e = view_ctx_set_str(
	         ctx, "referral_id", db_cell(ref, 0, CR_ID))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "first_name", db_cell(ref, 0, CR_FIRST))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "last_name", db_cell(ref, 0, CR_LAST))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", db_cell(ref, 0, CR_INSATS))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "referral_org", db_cell(ref, 0, CR_ORG))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "participation_id",
	         db_cell(ref, 0, CR_PART_ID))) != APP_OK)
		return e;
	return APP_OK;
}

/* The consent itself in its language: pinned text, parties, categories,
 * directions, period, signature. */
static enum app_err
pc_bind_consent(struct req *r, struct view_ctx *ctx, const struct db_rows *c)
{
	struct db_param p[1] = { DB_INT(str_to_ll(db_cell(c, 0, CG_ID))) };
	struct db_rows parties, cats;
	struct str lang = db_cell(c, 0, CG_TEXT_LANGUAGE);
	struct str kind = db_cell(c, 0, CG_KIND);
	struct str state = db_cell(c, 0, CG_STATE);
	int label_col;
	enum app_err e;

	if ((e = pc_exec(r, SQL_CONSENT_PARTIES, p, 1, &parties)) != APP_OK ||
	    (e = pc_exec(r, SQL_CONSENT_CATEGORIES, p, 1, &cats)) != APP_OK)
		return e;
	label_col = str_eq_cstr(lang, "en") ? 2
	    : str_eq_cstr(lang, "ar")       ? 3
	                                    : 1;
	if ((e = tl_bind(ctx, lang)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "consent_id", db_cell(c, 0, CG_ID))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "kind", kind)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "kind_label", pc_kind_label(kind))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_sus", str_eq_cstr(kind, "sus"))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "state", state)) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "state_label", consent_state_label(state))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "is_draft", str_eq_cstr(state, "utkast"))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "is_active", str_eq_cstr(state, "aktiv"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "too_late", pc_too_late(r, c))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_revocable",
	         str_eq_cstr(state, "aktiv") ||
	             str_eq_cstr(state, "utgangen"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_signed",
	         db_cell(c, 0, CG_SIGNED_HOW).len > 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "answer_yes",
	         str_eq_cstr(db_cell(c, 0, CG_ANSWER), "ja"))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "language", lang)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "language_name", tl_name(lang))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "interpreter",
	         str_to_ll(db_cell(c, 0, CG_INTERPRETER)) != 0)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "interpreter_language",
	         db_cell(c, 0, CG_INTERPRETER_LANG))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "obtain",
	         str_to_ll(db_cell(c, 0, CG_OBTAIN)) != 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "disclose",
	         str_to_ll(db_cell(c, 0, CG_DISCLOSE)) != 0)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "purpose", db_cell(c, 0, CG_PURPOSE))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "valid_from", db_cell(c, 0, CG_FROM))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "valid_until", db_cell(c, 0, CG_UNTIL))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "on_paper",
	         str_eq_cstr(db_cell(c, 0, CG_SIGNED_HOW), "papper"))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "signer", db_cell(c, 0, CG_SIGNER))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "signature", db_cell(c, 0, CG_SIGNATURE))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "paper_date", db_cell(c, 0, CG_PAPER_DATE))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "taken_by", db_cell(c, 0, CG_TAKEN_BY))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "signed_at", db_cell(c, 0, CG_SIGNED_AT))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "ended_at", db_cell(c, 0, CG_ENDED_AT))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "text_title", db_cell(c, 0, CG_TEXT_TITLE))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "text_version",
	         db_cell(c, 0, CG_TEXT_VERSION))) != APP_OK ||
	    (e = pc_bind_paragraphs(
	         ctx, "paragraphs", db_cell(c, 0, CG_TEXT_BODY))) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "parties")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "active_parties")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "categories")) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_parties", parties.nrows > 0)) !=
	        APP_OK)
		return e;
	for (size_t i = 0; i < parties.nrows; i++) {
		int revoked =
		    str_eq_cstr(db_cell(&parties, i, 2), "aterkallad");
		struct view_ctx *it = view_ctx_list_add(ctx, "parties");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(
		         it, "party_id", db_cell(&parties, i, 0))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "name", db_cell(&parties, i, 1))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "revoked", revoked)) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "revoked_at", db_cell(&parties, i, 3))) != APP_OK)
			return e;
		if (revoked)
			continue;
		if ((it = view_ctx_list_add(ctx, "active_parties")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(
		         it, "party_id", db_cell(&parties, i, 0))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "name", db_cell(&parties, i, 1))) != APP_OK)
			return e;
	}
	for (size_t i = 0; i < cats.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "categories");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "label",
		         db_cell(&cats, i, (size_t)label_col))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* ------------------------------------------------------------------------
 * Changes: events, superseding, signing
 * --------------------------------------------------------------------- */

static enum app_err
pc_event(struct req *r, long long consent_id, const char *event,
    long long party_id, const char *how, struct str reason)
{
	/* On the tablet: the staff member who handed it over, with how
	 * "surfplatta" saying the participant did it. */
	long long who = r->user ? r->user->id : r->tablet->staff_id;
	struct db_param p[6] = { DB_INT(consent_id), DB_STR(str_cstr(event)),
		party_id > 0 ? DB_INT(party_id) : DB_NULL, DB_INT(who),
		DB_STR(str_cstr(how)), DB_STR(reason) };

	return pc_exec(r, SQL_CONSENT_EVENT_INSERT, p, 6, NULL);
}

/* A new consent of a kind replaces the one in force: one waiver and one
 * SUS answer per referral at a time. */
static enum app_err
pc_supersede(struct req *r, long long referral_id, struct str kind,
    long long consent_id, struct str pnr)
{
	struct db_param p[3] = { DB_INT(referral_id), DB_STR(kind),
		DB_INT(consent_id) };
	struct db_rows others;
	struct buf why;
	enum app_err e;

	if ((e = pc_exec(r, SQL_CONSENT_OTHERS_ACTIVE, p, 3, &others)) !=
	    APP_OK)
		return e;
	for (size_t i = 0; i < others.nrows; i++) {
		long long old = str_to_ll(db_cell(&others, i, 0));
		buf_init(&why, r->a);
		p[0] = DB_STR(STR_LIT("aterkallad"));
		p[1] = DB_INT(old);
		p[2] = DB_STR(STR_LIT("aktiv"));
		if ((e = pc_exec(r, SQL_CONSENT_END, p, 3, NULL)) != APP_OK ||
		    (e = pc_exec(r, SQL_CONSENT_PARTY_REVOKE_ALL, &p[1], 1,
		         NULL)) != APP_OK ||
		    (e = buf_printf(&why, "Ersatt av samtycke %lld.",
		         consent_id)) != APP_OK ||
		    (e = pc_event(r, old, "aterkallat", 0, "system",
		         buf_str(&why))) != APP_OK ||
		    (e = audit_write(r, AUDIT_UPDATE, "consent", old, pnr,
		         STR_LIT("superseded"))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* utkast -> aktiv in the caller's transaction, with its event, audit row,
 * the text pinned as used and an earlier consent of the kind replaced.
 * *stale = 1 when it was no longer a draft (nothing written). */
static enum app_err
pc_sign(struct req *r, long long id, const struct db_rows *c,
    const struct db_rows *ref, const char *how, struct str signer,
    struct str signature, struct str paper_date, const char *answer, int *stale)
{
	struct db_param p[6];
	struct db_rows lock;
	struct str kind = db_cell(c, 0, CG_KIND);
	enum app_err e;

	*stale = 0;
	p[0] = DB_INT(id);
	if ((e = pc_exec(r, SQL_CONSENT_LOCK, p, 1, &lock)) != APP_OK)
		return e;
	if (lock.nrows != 1 || !str_eq_cstr(db_cell(&lock, 0, 0), "utkast")) {
		*stale = 1;
		return APP_OK;
	}
	p[0] = DB_STR(str_cstr(how));
	p[1] = DB_STR(signer);
	p[2] = signature.len ? DB_STR(signature) : DB_NULL;
	p[3] = paper_date.len ? DB_STR(paper_date) : DB_NULL;
	p[4] = DB_STR(str_cstr(answer));
	p[5] = DB_INT(id);
	if ((e = pc_exec(r, SQL_CONSENT_SIGN, p, 6, NULL)) != APP_OK)
		return e;
	/* The text version the participant saw is frozen from now on. */
	p[0] = DB_INT(id);
	if ((e = pc_exec(r, SQL_CONSENT_TEXT_MARK_USED, p, 1, NULL)) !=
	        APP_OK ||
	    (e = pc_supersede(r, str_to_ll(db_cell(c, 0, CG_REFERRAL)), kind,
	         id, db_cell(ref, 0, CR_PNR))) != APP_OK ||
	    (e = pc_event(r, id, "givet", 0, how, STR_LIT(""))) != APP_OK ||
	    (e = audit_write(r, AUDIT_CREATE, "consent", id,
	         db_cell(ref, 0, CR_PNR),
	         str_eq_cstr(kind, "sus")
	             ? (str_eq_cstr(str_cstr(answer), "ja")
	                       ? STR_LIT("sus consent given: yes")
	                       : STR_LIT("sus consent given: no"))
	             : STR_LIT("waiver given"))) != APP_OK)
		return e;
	return APP_OK;
}

/* ------------------------------------------------------------------------
 * The overview of one referral
 * --------------------------------------------------------------------- */

enum app_err
page_consents(struct req *r)
{
	struct db_param p[1];
	struct db_rows ref, list;
	struct view_ctx *ctx;
	unsigned via;
	long long rid;
	enum app_err e;

	if ((e = req_param_id(r, &rid)) != APP_OK ||
	    (e = pc_load_referral(r, rid, &via, &ref)) != APP_OK)
		return e;
	if ((e = audit_write(r, AUDIT_READ, "referral", rid,
	         db_cell(&ref, 0, CR_PNR), STR_LIT("consents"))) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	/* consent_bind_status() writes expiry back first. */
	if ((e = consent_bind_status(r, ctx, rid, via)) != APP_OK)
		return e;
	p[0] = DB_INT(rid);
	if ((e = pc_exec(r, SQL_CONSENT_LIST, p, 1, &list)) != APP_OK)
		return e;
	if ((e = pc_bind_referral(ctx, &ref)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "may_take", pc_may_take(via))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_consents", list.nrows > 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "consents")) != APP_OK)
		return e;
	for (size_t i = 0; i < list.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "consents");
		struct str kind = db_cell(&list, i, 1),
		           st = db_cell(&list, i, 2);
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "id", db_cell(&list, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(
		         it, "kind_label", pc_kind_label(kind))) != APP_OK ||
		    (e = view_ctx_set_str(it, "state", st)) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "state_label",
		         consent_state_label(st))) != APP_OK ||
		    (e = view_ctx_set_bool(
		         it, "is_sus", str_eq_cstr(kind, "sus"))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "answer_yes",
		         str_eq_cstr(db_cell(&list, i, 3), "ja"))) != APP_OK ||
		    (e = view_ctx_set_str(it, "language_name",
		         tl_name(db_cell(&list, i, 4)))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "valid_from", db_cell(&list, i, 5))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "valid_until", db_cell(&list, i, 6))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "signed_at", db_cell(&list, i, 8))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "taken_by", db_cell(&list, i, 9))) != APP_OK ||
		    (e = view_ctx_set_str(it, "text_version",
		         db_cell(&list, i, 10))) != APP_OK ||
		    (e = view_ctx_set_str(it, "active_parties",
		         db_cell(&list, i, 12))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "all_parties", db_cell(&list, i, 13))) != APP_OK)
			return e;
	}
	return page_render(r, "samtycken", "Samtycken", ctx);
}

/* ------------------------------------------------------------------------
 * Preparing a consent (staff)
 * --------------------------------------------------------------------- */

enum nf {
	NF_TYP,
	NF_SPRAK,
	NF_TOLK,
	NF_TOLKSPRAK,
	NF_INHAMTA,
	NF_LAMNA,
	NF_SYFTE,
	NF_FRAN,
	NF_TILL,
	NF_SATT,
	NF_PAPPERSDATUM,
	NF_SVAR,
	NF__MAX
};

static const char *const nf_kinds[] = { "sekretess", "sus", NULL };
static const char *const nf_ways[] = { "surfplatta", "papper", NULL };
static const char *const nf_answers[] = { "ja", "nej", NULL };

static const struct field_spec nf_spec[NF__MAX] = {
	[NF_TYP] = { "typ", FT_ENUM, 0, 0, FF_REQUIRED, nf_kinds },
	[NF_SPRAK] = { "sprak", FT_TEXT, 2, 10, FF_REQUIRED, NULL },
	[NF_TOLK] = { "tolk", FT_BOOL, 0, 0, 0, NULL },
	[NF_TOLKSPRAK] = { "tolksprak", FT_TEXT, 0, 100, 0, NULL },
	[NF_INHAMTA] = { "inhamta", FT_BOOL, 0, 0, 0, NULL },
	[NF_LAMNA] = { "lamna", FT_BOOL, 0, 0, 0, NULL },
	[NF_SYFTE] = { "syfte", FT_TEXT, 0, 1000, FF_MULTILINE, NULL },
	[NF_FRAN] = { "fran", FT_DATE, 0, 0, FF_REQUIRED, NULL },
	[NF_TILL] = { "till", FT_DATE, 0, 0, 0, NULL },
	[NF_SATT] = { "satt", FT_ENUM, 0, 0, FF_REQUIRED, nf_ways },
	[NF_PAPPERSDATUM] = { "pappersdatum", FT_DATE, 0, 0, 0, NULL },
	[NF_SVAR] = { "svar", FT_ENUM, 0, 0, 0, nf_answers },
};

static const char *const nf_err_keys[NF__MAX] = {
	[NF_TYP] = "err_typ",
	[NF_SPRAK] = "err_sprak",
	[NF_TOLK] = "err_tolk",
	[NF_TOLKSPRAK] = "err_tolksprak",
	[NF_INHAMTA] = "err_riktning",
	[NF_LAMNA] = "err_riktning",
	[NF_SYFTE] = "err_syfte",
	[NF_FRAN] = "err_fran",
	[NF_TILL] = "err_till",
	[NF_SATT] = "err_satt",
	[NF_PAPPERSDATUM] = "err_pappersdatum",
	[NF_SVAR] = "err_svar",
};

/* The prepare form: typed values, errors, the chosen parties and
 * categories (as "o<id>"/"i<id>" and codes). */
struct nf_form {
	struct field_val v[NF__MAX];
	const char *err[NF__MAX];
	const char *err_parties, *err_categories, *form_error;
	struct str *parties, *categories; /* arena */
	size_t nparties, ncategories;
	int sus;
};

/* Every value of key in r's form, in order. Arena. */
static enum app_err
pc_form_all(struct req *r, const char *key, struct str **out, size_t *n)
{
	size_t k = kv_count(&r->form, key), j = 0;

	*n = 0;
	*out = NULL;
	if (k == 0)
		return APP_OK;
	if ((*out = arena_alloc(r->a, k * sizeof(**out))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < r->form.n && j < k; i++)
		if (str_eq_cstr(r->form.v[i].key, key))
			(*out)[j++] = r->form.v[i].val;
	*n = j;
	return APP_OK;
}

static int
pc_has(const struct str *list, size_t n, struct str s)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(list[i], s))
			return 1;
	return 0;
}

/* The party choices as view list "party_choices" (value "o<id>"/"i<id>",
 * name, checked), and the category choices likewise. */
static enum app_err
pc_bind_choices(struct req *r, struct view_ctx *ctx, const struct db_rows *ref,
    const struct nf_form *f, struct db_rows *parties, struct db_rows *cats,
    struct db_rows *langs)
{
	struct db_param p[2];
	enum app_err e;

	p[0] = DB_INT(str_to_ll(db_cell(ref, 0, CR_INSATS_ID)));
	p[1] = p[0];
	if ((e = pc_exec(r, SQL_CONSENT_PARTY_CHOICES, p, 2, parties)) !=
	        APP_OK ||
	    (e = pc_exec(r, SQL_CONSENT_CATEGORY_ALL, NULL, 0, cats)) != APP_OK)
		return e;
	p[0] = DB_STR(str_cstr(f->sus ? "sus" : "sekretess"));
	if ((e = pc_exec(r, SQL_CONSENT_LANGUAGES, p, 1, langs)) != APP_OK)
		return e;
	if (ctx == NULL)
		return APP_OK;
	if ((e = view_ctx_set_list(ctx, "party_choices")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "category_choices")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "language_choices")) != APP_OK)
		return e;
	for (size_t i = 0; i < parties->nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "party_choices");
		struct buf val;
		buf_init(&val, r->a);
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = buf_printf(&val, "%s%s", db_cell(parties, i, 0).p,
		         db_cell(parties, i, 1).p)) != APP_OK ||
		    (e = view_ctx_set_str(it, "value", buf_str(&val))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "name", db_cell(parties, i, 2))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "is_insats",
		         str_eq_cstr(db_cell(parties, i, 0), "i"))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         pc_has(f->parties, f->nparties, buf_str(&val)))) !=
		        APP_OK)
			return e;
	}
	for (size_t i = 0; i < cats->nrows; i++) {
		struct view_ctx *it =
		    view_ctx_list_add(ctx, "category_choices");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "code", db_cell(cats, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "label", db_cell(cats, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         pc_has(f->categories, f->ncategories,
		             db_cell(cats, i, 0)))) != APP_OK)
			return e;
	}
	for (size_t i = 0; i < langs->nrows; i++) {
		struct view_ctx *it =
		    view_ctx_list_add(ctx, "language_choices");
		struct str code = db_cell(langs, i, 0);
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "code", code)) != APP_OK ||
		    (e = view_ctx_set_str(it, "name", tl_name(code))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         str_eq(code, f->v[NF_SPRAK].s))) != APP_OK)
			return e;
	}
	return APP_OK;
}

static enum app_err
pc_render_new(struct req *r, const struct db_rows *ref, struct nf_form *f)
{
	struct db_rows parties, cats, langs;
	struct view_ctx *ctx;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = pc_bind_referral(ctx, ref)) != APP_OK ||
	    (e = page_form_limits(r, ctx, nf_spec, NF__MAX)) != APP_OK ||
	    (e = pc_bind_choices(r, ctx, ref, f, &parties, &cats, &langs)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_sus", f->sus)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "typ", f->sus ? "sus" : "sekretess")) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "tolk", f->v[NF_TOLK].i != 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "tolksprak", f->v[NF_TOLKSPRAK].s)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "inhamta", f->v[NF_INHAMTA].i != 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "lamna", f->v[NF_LAMNA].i != 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "syfte", f->v[NF_SYFTE].s)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "fran", f->v[NF_FRAN].s)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "till", f->v[NF_TILL].s)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "satt_papper",
	         str_eq_cstr(f->v[NF_SATT].s, "papper"))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "pappersdatum", f->v[NF_PAPPERSDATUM].s)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "svar_ja",
	         str_eq_cstr(f->v[NF_SVAR].s, "ja"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "svar_nej",
	         str_eq_cstr(f->v[NF_SVAR].s, "nej"))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats_end",
	         db_cell(ref, 0, CR_INSATS_END))) != APP_OK ||
	    (e = page_form_error(ctx, "err_parties", f->err_parties)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "err_categories", f->err_categories)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK)
		return e;
	for (int i = 0; i < NF__MAX; i++)
		if ((e = page_form_error(ctx, nf_err_keys[i], f->err[i])) !=
		    APP_OK)
			return e;
	return page_render(r, "samtycke_ny",
	    f->sus ? "Nytt SUS-samtycke" : "Ny sekretesslättnad", ctx);
}

enum app_err
page_consent_new(struct req *r)
{
	struct nf_form f;
	struct db_rows ref;
	const struct str *typ = req_query(r, "typ");
	unsigned via;
	long long rid;
	struct str today;
	enum app_err e;

	if ((e = req_param_id(r, &rid)) != APP_OK ||
	    (e = pc_load_referral(r, rid, &via, &ref)) != APP_OK)
		return e;
	if (!pc_may_take(via))
		return APP_EFORBIDDEN;
	memset(&f, 0, sizeof(f));
	f.sus = typ != NULL && str_eq_cstr(*typ, "sus");
	today = consent_today(r);
	f.v[NF_FRAN].s = today;
	f.v[NF_SATT].s = STR_LIT("surfplatta");
	f.v[NF_SPRAK].s = STR_LIT("sv");
	if (!f.sus) {
		struct buf purpose, party;
		buf_init(&purpose, r->a);
		buf_init(&party, r->a);
		if ((e = buf_printf(&purpose,
		         "Att planera och genomföra insatsen %s och deltagarens "
		         "rehabilitering mot arbete eller studier.",
		         db_cell(&ref, 0, CR_INSATS).p)) != APP_OK)
			return e;
		f.v[NF_SYFTE].s = buf_str(&purpose);
		f.v[NF_TILL].s = db_cell(&ref, 0, CR_INSATS_END);
		/* The referring organisation and the insats are the usual
		 * parties: ticked to start with, each can be unticked. */
		if ((f.parties = arena_alloc(r->a, 2 * sizeof(*f.parties))) ==
		    NULL)
			return APP_ENOMEM;
		if ((e = buf_printf(&party, "o%s",
		         db_cell(&ref, 0, CR_ORG_ID).p)) != APP_OK)
			return e;
		f.parties[0] = buf_str(&party);
		buf_init(&party, r->a);
		if ((e = buf_printf(&party, "i%s",
		         db_cell(&ref, 0, CR_INSATS_ID).p)) != APP_OK)
			return e;
		f.parties[1] = buf_str(&party);
		f.nparties = 2;
	}
	return pc_render_new(r, &ref, &f);
}

/* Validate the prepare form; errors into f. */
static enum app_err
pc_validate_new(
    struct req *r, const struct db_rows *ref, struct nf_form *f, size_t *nerr)
{
	struct db_rows parties, cats, langs;
	struct str today = consent_today(r);
	int found;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, nf_spec, NF__MAX, f->v, nerr)) !=
	    APP_OK)
		return e;
	for (int i = 0; i < NF__MAX; i++)
		f->err[i] = f->v[i].ok ? NULL : f->v[i].error;
	f->sus = f->v[NF_TYP].ok && f->v[NF_TYP].i == 1;
	if ((e = pc_form_all(r, "part", &f->parties, &f->nparties)) != APP_OK ||
	    (e = pc_form_all(r, "kategori", &f->categories, &f->ncategories)) !=
	        APP_OK ||
	    (e = pc_bind_choices(r, NULL, ref, f, &parties, &cats, &langs)) !=
	        APP_OK)
		return e;
	found = 0;
	for (size_t i = 0; i < langs.nrows; i++)
		found |= str_eq(db_cell(&langs, i, 0), f->v[NF_SPRAK].s);
	if (f->err[NF_SPRAK] == NULL && !found) {
		f->err[NF_SPRAK] = "Välj ett språk som det finns en text på.";
		(*nerr)++;
	}
	if (f->v[NF_TOLK].i && f->v[NF_TOLKSPRAK].s.len == 0) {
		f->err[NF_TOLKSPRAK] = "Ange tolkens språk.";
		(*nerr)++;
	}
	if (str_eq_cstr(f->v[NF_SATT].s, "papper")) {
		if (!f->v[NF_PAPPERSDATUM].present) {
			f->err[NF_PAPPERSDATUM] =
			    "Ange datumet på det underskrivna pappret.";
			(*nerr)++;
		} else if (f->v[NF_PAPPERSDATUM].ok &&
		    f->v[NF_PAPPERSDATUM].i > pc_ymd(today)) {
			f->err[NF_PAPPERSDATUM] =
			    "Datumet på pappret kan inte vara senare än i dag.";
			(*nerr)++;
		}
		if (f->sus && !f->v[NF_SVAR].present) {
			f->err[NF_SVAR] =
			    "Ange deltagarens svar: ja eller nej.";
			(*nerr)++;
		}
	}
	if (f->sus)
		return APP_OK;
	/* The waiver: named parties, named categories, a direction, a
	 * purpose and an end; never blanket. */
	for (size_t i = 0; i < f->nparties; i++) {
		int ok = 0;
		for (size_t k = 0; k < parties.nrows && !ok; k++) {
			struct str v = f->parties[i];
			ok = v.len > 1 &&
			    v.p[0] == db_cell(&parties, k, 0).p[0] &&
			    str_eq((struct str){ v.p + 1, v.len - 1 },
			        db_cell(&parties, k, 1));
		}
		if (!ok) {
			f->err_parties = "Välj parterna i listan.";
			(*nerr)++;
			break;
		}
	}
	if (f->nparties == 0 && f->err_parties == NULL) {
		f->err_parties = "Välj minst en part.";
		(*nerr)++;
	}
	for (size_t i = 0; i < f->ncategories; i++) {
		int ok = 0;
		for (size_t k = 0; k < cats.nrows && !ok; k++)
			ok = str_eq(f->categories[i], db_cell(&cats, k, 0));
		if (!ok) {
			f->err_categories = "Välj uppgifterna i listan.";
			(*nerr)++;
			break;
		}
	}
	if (f->ncategories == 0 && f->err_categories == NULL) {
		f->err_categories = "Välj minst ett slags uppgifter.";
		(*nerr)++;
	}
	if (!f->v[NF_INHAMTA].i && !f->v[NF_LAMNA].i) {
		f->err[NF_INHAMTA] = "Välj hämta in, lämna ut eller båda.";
		(*nerr)++;
	}
	if (f->v[NF_SYFTE].s.len == 0) {
		f->err[NF_SYFTE] = "Ange syftet.";
		(*nerr)++;
	}
	if (!f->v[NF_TILL].present) {
		if (f->err[NF_TILL] == NULL) {
			f->err[NF_TILL] = "Ange hur länge samtycket gäller.";
			(*nerr)++;
		}
	} else if (f->v[NF_TILL].ok) {
		long long till = f->v[NF_TILL].i;
		long long end = pc_ymd(db_cell(ref, 0, CR_INSATS_END));
		long long pend = pc_ymd(db_cell(ref, 0, CR_PART_END));
		if (f->v[NF_FRAN].ok && till < f->v[NF_FRAN].i)
			f->err[NF_TILL] = "Slutdatumet är före startdatumet.";
		else if (till < pc_ymd(today))
			f->err[NF_TILL] = "Slutdatumet har redan passerat.";
		else if (end && till > end)
			f->err[NF_TILL] = "Samtycket kan gälla längst till "
			                  "insatsens slut.";
		else if (pend && till > pend)
			f->err[NF_TILL] = "Samtycket kan gälla längst till "
			                  "deltagandets slut.";
		if (f->err[NF_TILL] != NULL)
			(*nerr)++;
	}
	return APP_OK;
}

enum app_err
page_consent_create(struct req *r)
{
	struct nf_form f;
	struct db_rows ref, text, c;
	struct db_param p[12];
	unsigned via;
	long long rid, cid;
	size_t nerr = 0;
	int stale = 0, paper;
	struct buf loc;
	enum app_err e;

	if ((e = req_param_id(r, &rid)) != APP_OK ||
	    (e = pc_load_referral(r, rid, &via, &ref)) != APP_OK)
		return e;
	if (!pc_may_take(via))
		return APP_EFORBIDDEN;
	memset(&f, 0, sizeof(f));
	if ((e = pc_validate_new(r, &ref, &f, &nerr)) != APP_OK)
		return e;
	if (nerr > 0) {
		r->resp.status = 400;
		return pc_render_new(r, &ref, &f);
	}
	paper = str_eq_cstr(f.v[NF_SATT].s, "papper");
	p[0] = DB_STR(str_cstr(f.sus ? "sus" : "sekretess"));
	p[1] = DB_STR(f.v[NF_SPRAK].s);
	if ((e = pc_exec(r, SQL_CONSENT_TEXT_CURRENT, p, 2, &text)) != APP_OK)
		return e;
	if (text.nrows != 1) {
		f.err[NF_SPRAK] = "Det finns ingen text på det språket.";
		r->resp.status = 400;
		return pc_render_new(r, &ref, &f);
	}
	if ((e = pc_begin(r, rid)) != APP_OK)
		return e;
	p[0] = DB_INT(rid);
	p[1] = DB_STR(str_cstr(f.sus ? "sus" : "sekretess"));
	p[2] = DB_INT(str_to_ll(db_cell(&text, 0, 0)));
	p[3] = DB_STR(f.v[NF_SPRAK].s);
	p[4] = DB_INT(f.v[NF_TOLK].i);
	p[5] = DB_STR(f.v[NF_TOLK].i ? f.v[NF_TOLKSPRAK].s : STR_LIT(""));
	p[6] = DB_INT(f.sus ? 0 : f.v[NF_INHAMTA].i);
	p[7] = DB_INT(f.sus ? 0 : f.v[NF_LAMNA].i);
	p[8] = DB_STR(f.sus ? STR_LIT("") : f.v[NF_SYFTE].s);
	p[9] = DB_STR(f.v[NF_FRAN].s);
	p[10] = f.sus ? DB_NULL : DB_STR(f.v[NF_TILL].s);
	p[11] = DB_INT(r->user->id);
	if ((e = pc_exec(r, SQL_CONSENT_INSERT, p, 12, NULL)) != APP_OK)
		goto fail;
	cid = (long long)db_insert_id(r->db);
	for (size_t i = 0; !f.sus && i < f.nparties; i++) {
		struct str v = f.parties[i];
		long long pid = str_to_ll((struct str){ v.p + 1, v.len - 1 });
		p[0] = DB_INT(cid);
		p[1] = v.p[0] == 'o' ? DB_INT(pid) : DB_NULL;
		p[2] = v.p[0] == 'i' ? DB_INT(pid) : DB_NULL;
		if (pc_has(f.parties, i, v))
			continue; /* a repeated tick */
		if ((e = pc_exec(r, SQL_CONSENT_PARTY_INSERT, p, 3, NULL)) !=
		    APP_OK)
			goto fail;
	}
	for (size_t i = 0; !f.sus && i < f.ncategories; i++) {
		if (pc_has(f.categories, i, f.categories[i]))
			continue;
		p[0] = DB_INT(cid);
		p[1] = DB_STR(f.categories[i]);
		if ((e = pc_exec(r, SQL_CONSENT_CATEGORY_INSERT, p, 2, NULL)) !=
		    APP_OK)
			goto fail;
	}
	/* The text is frozen from the moment it is shown to the
	 * participant, so what they read is what they sign. */
	p[0] = DB_INT(cid);
	if ((e = pc_exec(r, SQL_CONSENT_TEXT_MARK_USED, p, 1, NULL)) !=
	        APP_OK ||
	    (e = pc_event(r, cid, "forberett", 0,
	         paper ? "papper" : "surfplatta", STR_LIT(""))) != APP_OK ||
	    (e = audit_write(r, AUDIT_CREATE, "consent", cid,
	         db_cell(&ref, 0, CR_PNR),
	         f.sus ? STR_LIT("sus consent prepared")
	               : STR_LIT("waiver prepared"))) != APP_OK)
		goto fail;
	if (paper) {
		p[0] = DB_INT(cid);
		if ((e = pc_exec(r, SQL_CONSENT_GET, p, 1, &c)) != APP_OK ||
		    (e = pc_sign(r, cid, &c, &ref, "papper", STR_LIT(""),
		         STR_LIT(""), f.v[NF_PAPPERSDATUM].s,
		         f.sus ? (f.v[NF_SVAR].i == 1 ? "nej" : "ja") : "ja",
		         &stale)) != APP_OK)
			goto fail;
	}
	if ((e = db_commit(r->db)) != APP_OK)
		goto fail;
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc,
	         paper ? "/samtycken/%lld?givet=1"
	               : "/samtycken/%lld/surfplatta",
	         cid)) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
fail:
	db_rollback(r->db);
	return e;
}

/* ------------------------------------------------------------------------
 * One consent (staff)
 * --------------------------------------------------------------------- */

/* Staff record a revocation that came orally or in writing; the
 * participant's own on the tablet is pc_revoke_on_tablet(). */
static const char *const rv_ways[] = { "muntligt", "skriftligt", NULL };

enum rv { RV_PART, RV_HUR, RV_SKAL, RV__MAX };

static const struct field_spec rv_spec[RV__MAX] = {
	[RV_PART] = { "part", FT_TEXT, 1, 20, FF_REQUIRED, NULL },
	[RV_HUR] = { "hur", FT_ENUM, 0, 0, FF_REQUIRED, rv_ways },
	[RV_SKAL] = { "skal", FT_TEXT, 0, 1000, FF_MULTILINE, NULL },
};

static const struct field_spec fe_spec[1] = {
	{ "skal", FT_TEXT, 3, 1000, FF_REQUIRED | FF_MULTILINE, NULL },
};

/* What was typed in one field of the page's forms (the paper date, the
 * revocation's or the in-error note), kept when the form comes back with
 * an error next to that field. */
struct pc_kept {
	const char *key;     /* the view's value key */
	const char *err_key; /* and its error's */
	struct str value;
	const char *error;
};

static enum app_err
pc_render_consent_kept(struct req *r, long long id, const struct db_rows *c,
    const struct db_rows *ref, unsigned via, const char *notice,
    const char *error, const struct pc_kept *kept)
{
	struct db_param p[1] = { DB_INT(id) };
	struct db_rows ev;
	struct view_ctx *ctx;
	enum app_err e;

	if ((e = pc_exec(r, SQL_CONSENT_EVENTS, p, 1, &ev)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = pc_bind_referral(ctx, ref)) != APP_OK ||
	    (e = pc_bind_consent(r, ctx, c)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "today", consent_today(r).p)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "may_take", pc_may_take(via))) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "events")) != APP_OK ||
	    (notice != NULL &&
	        (e = view_ctx_set_cstr(ctx, "notice", notice)) != APP_OK) ||
	    (e = page_form_error(ctx, "error", error)) != APP_OK ||
	    (e = page_form_limits(r, ctx, rv_spec, RV__MAX)) != APP_OK ||
	    (e = page_form_limits(r, ctx, fe_spec, 1)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "pappersdatum", consent_today(r).p)) !=
	        APP_OK ||
	    (kept != NULL &&
	        ((e = view_ctx_set_str(ctx, kept->key, kept->value)) !=
	                APP_OK ||
	            (e = page_form_error(ctx, kept->err_key, kept->error)) !=
	                APP_OK)))
		return e;
	for (size_t i = 0; i < ev.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "events");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "at", db_cell(&ev, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "event",
		         str_eq_cstr(db_cell(&ev, i, 4), "system") &&
		                 str_eq_cstr(db_cell(&ev, i, 1), "aterkallat")
		             ? "Ersatt av ett nytt samtycke"
		             : pc_event_label(db_cell(&ev, i, 1)))) != APP_OK ||
		    (e = view_ctx_set_str(it, "party", db_cell(&ev, i, 2))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "who", db_cell(&ev, i, 3))) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "how",
		         pc_how_label(db_cell(&ev, i, 4)))) != APP_OK ||
		    (e = view_ctx_set_str(it, "reason", db_cell(&ev, i, 5))) !=
		        APP_OK)
			return e;
	}
	return page_render(
	    r, "samtycke", pc_kind_label(db_cell(c, 0, CG_KIND)), ctx);
}

static enum app_err
pc_render_consent(struct req *r, long long id, const struct db_rows *c,
    const struct db_rows *ref, unsigned via, const char *notice,
    const char *error)
{
	return pc_render_consent_kept(r, id, c, ref, via, notice, error, NULL);
}

enum app_err
page_consent(struct req *r)
{
	struct db_rows c, ref;
	unsigned via;
	long long id;
	const char *notice = NULL;
	enum app_err e;

	if ((e = pc_load(r, &id, &c, &via, &ref, "")) != APP_OK)
		return e;
	if (req_query(r, "givet") != NULL)
		notice = "Samtycket är registrerat och gäller.";
	else if (req_query(r, "aterkallat") != NULL)
		notice = "Återkallelsen är registrerad och gäller nu.";
	else if (req_query(r, "felaktigt") != NULL)
		notice = "Samtycket är markerat som felregistrerat.";
	return pc_render_consent(r, id, &c, &ref, via, notice, NULL);
}

/* ------------------------------------------------------------------------
 * The tablet: handing it over, reading and signing
 * --------------------------------------------------------------------- */

enum sf { SF_NAMN, SF_SIGNATUR, SF_SVAR, SF__MAX };

static const struct field_spec sf_spec[SF__MAX] = {
	[SF_NAMN] = { "namn", FT_TEXT, 2, 200, FF_REQUIRED, NULL },
	[SF_SIGNATUR] = { "signatur", FT_TEXT, 0, SIGNATURE_MAX_BYTES, 0,
	    NULL },
	[SF_SVAR] = { "svar", FT_ENUM, 0, 0, 0, nf_answers },
};

/* The character count's words on the tablet, in the consent's language:
 * the hint with the limit filled in, and the live count's two templates
 * for teckenantal.js ({n} left to the script). */
static enum app_err
pc_bind_count(
    struct req *r, struct view_ctx *ctx, const struct tlang *t, long long max)
{
	const char *hint = page_fill_n(r, t->w[TW_COUNT_HINT], max);
	enum app_err e;

	if (hint == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_cstr(ctx, "count_hint", hint)) != APP_OK)
		return e;
	return APP_OK;
}

static enum app_err
pc_render_tablet(struct req *r, const struct db_rows *c,
    const struct db_rows *ref, const char *view, const char *err_name,
    const char *err_sig, const char *err_answer, struct str typed_name,
    struct str typed_answer)
{
	struct view_ctx *ctx;
	const struct tlang *t = tl_find(db_cell(c, 0, CG_TEXT_LANGUAGE));
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = pc_bind_referral(ctx, ref)) != APP_OK ||
	    (e = pc_bind_consent(r, ctx, c)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "on_tablet", r->tablet != NULL)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "typed_name", typed_name)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "typed_yes",
	         str_eq_cstr(typed_answer, "ja"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "typed_no",
	         str_eq_cstr(typed_answer, "nej"))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "thanks", req_query(r, "klart") != NULL)) != APP_OK ||
	    (e = page_form_limits(r, ctx, sf_spec, SF__MAX)) != APP_OK ||
	    (e = pc_bind_count(r, ctx, t, sf_spec[SF_NAMN].max)) != APP_OK ||
	    (e = page_form_error(ctx, "err_name",
	         err_name == NULL ? NULL
	             : err_name[0] == 'l'
	             ? page_fill_n(
	                   r, t->w[TW_ERR_NAME_LONG], sf_spec[SF_NAMN].max)
	             : t->w[TW_ERR_NAME])) != APP_OK ||
	    (e = page_form_error(ctx, "err_sig",
	         err_sig ? t->w[TW_ERR_SIG] : NULL)) != APP_OK ||
	    (e = page_form_error(ctx, "err_answer",
	         err_answer ? t->w[TW_ERR_ANSWER] : NULL)) != APP_OK)
		return e;
	return page_render_layout(
	    r, "layout_surfplatta", view, db_cell(c, 0, CG_TEXT_TITLE).p, ctx);
}

/* What a handover is for: the participant signs, or revokes. */
enum ho { HO_SIGN, HO_REVOKE };

/* May consent c be handed over for what (and by whom, via)? NULL when it
 * may, else why not (Swedish, for the staff). */
static const char *
pc_handover_refusal(struct req *r, const struct db_rows *c, unsigned via,
    enum ho what, long long waiver, long long sus)
{
	if (what == HO_SIGN) {
		if (!pc_may_take(via))
			return "Bara remittenten som ansökte och insatsens "
			       "personal tar samtycken.";
		if (!str_eq_cstr(db_cell(c, 0, CG_STATE), "utkast"))
			return "Samtycket är redan signerat eller avslutat, så "
			       "det finns inget att skriva under.";
		if (pc_too_late(r, c))
			return "Giltighetstiden har redan gått ut. Förbered ett "
			       "nytt samtycke.";
		return NULL;
	}
	if (waiver == 0 && sus == 0)
		return "Det finns inget gällande samtycke att återkalla för den "
		       "här ansökan.";
	return NULL;
}

/* The staff's handover page: what the tablet will show, that they are
 * logged out, how they take it back; the button, when it may be done. */
static enum app_err
pc_render_handover(struct req *r, const struct db_rows *c,
    const struct db_rows *ref, enum ho what, const char *refusal)
{
	struct view_ctx *ctx;
	struct str lang = db_cell(c, 0, CG_TEXT_LANGUAGE);
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = pc_bind_referral(ctx, ref)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "consent_id", db_cell(c, 0, CG_ID))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "kind_label",
	         pc_kind_label(db_cell(c, 0, CG_KIND)))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "language_name", tl_name(lang))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "till",
	         what == HO_SIGN ? "surfplatta" : "aterkalla")) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "to_sign", what == HO_SIGN)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(
	         ctx, "idle_minutes", TABLET_IDLE_SECONDS / 60)) != APP_OK ||
	    (e = page_form_error(ctx, "refusal", refusal)) != APP_OK)
		return e;
	return page_render(
	    r, "samtycke_overlamna", "Lämna surfplattan till deltagaren", ctx);
}

/* GET /samtycken/:id/surfplatta or /aterkalla by staff: the handover page. */
static enum app_err
pc_handover_page(struct req *r, enum ho what)
{
	struct db_rows c, ref;
	unsigned via;
	long long id, waiver = 0, sus = 0;
	enum app_err e;

	if ((e = pc_load(r, &id, &c, &via, &ref, "handover page")) != APP_OK)
		return e;
	if (what == HO_SIGN && !pc_may_take(via))
		return APP_EFORBIDDEN;
	if (what == HO_REVOKE &&
	    (e = consent_revocable(r, str_to_ll(db_cell(&c, 0, CG_REFERRAL)),
	         &waiver, &sus)) != APP_OK)
		return e;
	return pc_render_handover(r, &c, &ref, what,
	    pc_handover_refusal(r, &c, via, what, waiver, sus));
}

enum app_err
page_consent_handover(struct req *r)
{
	const struct str *till = req_form(r, "till");
	enum ho what =
	    till && str_eq_cstr(*till, "aterkalla") ? HO_REVOKE : HO_SIGN;
	struct db_rows c, ref;
	unsigned via;
	long long id, waiver = 0, sus = 0, staff;
	const char *refusal;
	struct buf why, loc;
	enum app_err e;

	if ((e = pc_load(r, &id, &c, &via, &ref, "handover")) != APP_OK)
		return e;
	if (what == HO_SIGN && !pc_may_take(via))
		return APP_EFORBIDDEN;
	if (what == HO_REVOKE &&
	    (e = consent_revocable(r, str_to_ll(db_cell(&c, 0, CG_REFERRAL)),
	         &waiver, &sus)) != APP_OK)
		return e;
	if ((refusal = pc_handover_refusal(r, &c, via, what, waiver, sus)) !=
	    NULL) {
		r->resp.status = 409;
		return pc_render_handover(r, &c, &ref, what, refusal);
	}
	/* The staff member's session on this device ends (as the
	 * questionnaire kiosk's "Starta på den här surfplattan" does), and
	 * the tablet's, bound to this consent, begins. */
	staff = r->user->id;
	buf_init(&why, r->a);
	buf_init(&loc, r->a);
	if ((e = buf_printf(&why, "tablet handed over for consent %lld", id)) !=
	        APP_OK ||
	    (e = session_hand_over(r, buf_str(&why))) != APP_OK ||
	    (e = session_tablet_create(r, id, staff)) != APP_OK ||
	    (e = audit_write(r, AUDIT_LOGIN, "consent", id,
	         db_cell(&ref, 0, CR_PNR),
	         what == HO_SIGN
	             ? STR_LIT("tablet session started: sign")
	             : STR_LIT("tablet session started: revoke"))) != APP_OK ||
	    (e = buf_printf(&loc,
	         what == HO_SIGN ? "/samtycken/%lld/surfplatta"
	                         : "/samtycken/%lld/aterkalla",
	         id)) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

enum app_err
page_consent_tablet(struct req *r)
{
	struct db_rows c, ref;
	unsigned via;
	long long id;
	enum app_err e;

	if (r->tablet == NULL)
		return pc_handover_page(r, HO_SIGN);
	if ((e = pc_load(r, &id, &c, &via, &ref, "tablet")) != APP_OK)
		return e;
	return pc_render_tablet(r, &c, &ref, "samtycke_surfplatta", NULL, NULL,
	    NULL, STR_LIT(""), STR_LIT(""));
}

enum app_err
page_consent_sign(struct req *r)
{
	struct field_val v[SF__MAX];
	struct db_rows c, ref;
	unsigned via;
	long long id;
	size_t nerr = 0;
	int sus, bad_sig, bad_answer, stale = 0;
	struct buf loc;
	struct db_param p[1];
	enum app_err e;

	if ((e = pc_load(r, &id, &c, &via, &ref,
	         r->tablet ? "tablet sign" : NULL)) != APP_OK)
		return e;
	/* The participant signs on the tablet after the handover, never in
	 * a staff member's session (paper is the staff's way). */
	if (r->tablet == NULL)
		return APP_EFORBIDDEN;
	if ((e = form_validate(r->a, &r->form, sf_spec, SF__MAX, v, &nerr)) !=
	    APP_OK)
		return e;
	sus = str_eq_cstr(db_cell(&c, 0, CG_KIND), "sus");
	bad_sig =
	    !v[SF_SIGNATUR].ok || !signature_path_valid(v[SF_SIGNATUR].s, NULL);
	bad_answer = sus && !(v[SF_SVAR].ok && v[SF_SVAR].present);
	if (!str_eq_cstr(db_cell(&c, 0, CG_STATE), "utkast")) {
		/* Signed (or ended) since the page was shown: sending twice
		 * stores once. Show where it stands. */
		r->resp.status = 409;
		return pc_render_tablet(r, &c, &ref, "samtycke_surfplatta",
		    NULL, NULL, NULL, STR_LIT(""), STR_LIT(""));
	}
	if (pc_too_late(r, &c)) {
		r->resp.status = 409;
		return pc_render_tablet(r, &c, &ref, "samtycke_surfplatta",
		    NULL, NULL, NULL, STR_LIT(""), STR_LIT(""));
	}
	if (!v[SF_NAMN].ok || bad_sig || bad_answer) {
		r->resp.status = 400;
		/* "long" picks the message for a name over the limit. */
		return pc_render_tablet(r, &c, &ref, "samtycke_surfplatta",
		    v[SF_NAMN].ok ? NULL
		        : form_text_chars(v[SF_NAMN].s) >
		            (size_t)sf_spec[SF_NAMN].max
		        ? "long"
		        : "x",
		    bad_sig ? "x" : NULL, bad_answer ? "x" : NULL, v[SF_NAMN].s,
		    v[SF_SVAR].s);
	}
	if ((e = pc_begin(r, str_to_ll(db_cell(&c, 0, CG_REFERRAL)))) != APP_OK)
		return e;
	if ((e = pc_sign(r, id, &c, &ref, "surfplatta", v[SF_NAMN].s,
	         v[SF_SIGNATUR].s, STR_LIT(""),
	         sus ? (v[SF_SVAR].i == 1 ? "nej" : "ja") : "ja", &stale)) !=
	    APP_OK)
		goto fail;
	if (stale) {
		db_rollback(r->db);
		p[0] = DB_INT(id);
		if ((e = pc_exec(r, SQL_CONSENT_GET, p, 1, &c)) != APP_OK)
			return e;
		r->resp.status = 409;
		return pc_render_tablet(r, &c, &ref, "samtycke_surfplatta",
		    NULL, NULL, NULL, STR_LIT(""), STR_LIT(""));
	}
	if ((e = db_commit(r->db)) != APP_OK)
		goto fail;
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/samtycken/%lld/surfplatta?klart=1", id)) !=
	    APP_OK)
		return e;
	return page_redirect(r, loc.p);
fail:
	db_rollback(r->db);
	return e;
}

enum pf { PF_PAPPERSDATUM, PF_SVAR, PF__MAX };

static const struct field_spec pf_spec[PF__MAX] = {
	[PF_PAPPERSDATUM] = { "pappersdatum", FT_DATE, 0, 0, FF_REQUIRED,
	    NULL },
	[PF_SVAR] = { "svar", FT_ENUM, 0, 0, 0, nf_answers },
};

enum app_err
page_consent_paper(struct req *r)
{
	struct field_val v[PF__MAX];
	struct db_rows c, ref;
	unsigned via;
	long long id;
	size_t nerr = 0;
	int sus, stale = 0;
	const char *err = NULL;
	struct buf loc;
	enum app_err e;

	if ((e = pc_load(r, &id, &c, &via, &ref, "paper")) != APP_OK)
		return e;
	if (!pc_may_take(via))
		return APP_EFORBIDDEN;
	if ((e = form_validate(r->a, &r->form, pf_spec, PF__MAX, v, &nerr)) !=
	    APP_OK)
		return e;
	sus = str_eq_cstr(db_cell(&c, 0, CG_KIND), "sus");
	if (!v[PF_PAPPERSDATUM].ok)
		err = "Ange datumet på det underskrivna pappret som "
		      "ÅÅÅÅ-MM-DD.";
	else if (v[PF_PAPPERSDATUM].i > pc_ymd(consent_today(r)))
		err = "Datumet på pappret kan inte vara senare än i dag.";
	else if (sus && !(v[PF_SVAR].ok && v[PF_SVAR].present))
		err = "Ange deltagarens svar: ja eller nej.";
	if (err == NULL && pc_too_late(r, &c)) {
		r->resp.status = 409;
		return pc_render_consent(r, id, &c, &ref, via, NULL,
		    "Giltighetstiden har redan gått ut. Förbered ett nytt "
		    "samtycke.");
	}
	if (err != NULL) {
		/* The date's own errors stand next to it, what was typed
		 * kept. */
		struct pc_kept k = { "pappersdatum", "pp_datum_fel",
			v[PF_PAPPERSDATUM].s, NULL };

		if (!v[PF_PAPPERSDATUM].ok ||
		    v[PF_PAPPERSDATUM].i > pc_ymd(consent_today(r)))
			k.error = err;
		r->resp.status = 400;
		return pc_render_consent_kept(
		    r, id, &c, &ref, via, NULL, err, &k);
	}
	if ((e = pc_begin(r, str_to_ll(db_cell(&c, 0, CG_REFERRAL)))) != APP_OK)
		return e;
	if ((e = pc_sign(r, id, &c, &ref, "papper", STR_LIT(""), STR_LIT(""),
	         v[PF_PAPPERSDATUM].s,
	         sus ? (v[PF_SVAR].i == 1 ? "nej" : "ja") : "ja", &stale)) !=
	    APP_OK)
		goto fail;
	if (stale) {
		db_rollback(r->db);
		r->resp.status = 409;
		return pc_render_consent(r, id, &c, &ref, via, NULL,
		    "Samtycket är redan signerat eller avslutat.");
	}
	if ((e = db_commit(r->db)) != APP_OK)
		goto fail;
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/samtycken/%lld?givet=1", id)) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
page_consent_copy(struct req *r)
{
	struct db_rows c, ref;
	unsigned via;
	long long id;
	enum app_err e;

	if ((e = pc_load(r, &id, &c, &via, &ref, NULL)) != APP_OK)
		return e;
	if (r->tablet == NULL && !pc_may_take(via))
		return APP_EFORBIDDEN;
	if (db_cell(&c, 0, CG_SIGNED_HOW).len == 0)
		return APP_ENOTFOUND; /* nothing signed to copy yet */
	if ((e = audit_write(r, AUDIT_PRINT, "consent", id,
	         db_cell(&ref, 0, CR_PNR), STR_LIT("copy"))) != APP_OK)
		return e;
	return pc_render_tablet(r, &c, &ref, "samtycke_kopia", NULL, NULL, NULL,
	    STR_LIT(""), STR_LIT(""));
}

/* ------------------------------------------------------------------------
 * Revoking and marking in error
 * --------------------------------------------------------------------- */

/*
 * Revoke consent id of referral_id (pnr for the log): one party, or all of
 * it, in one transaction with its event (how, reason) and an access-log
 * row. Another consent of the referral is never touched: the waiver and
 * the SUS consent are revoked each on its own. *refused says why nothing
 * changed (no longer revocable, or not an active party of it).
 */
static enum app_err
pc_revoke_do(struct req *r, long long id, long long referral_id, struct str pnr,
    long long party, int all, const char *how, struct str reason,
    const char **refused)
{
	struct db_rows lock, left;
	struct db_param p[3];
	struct buf detail;
	enum app_err e;

	*refused = NULL;
	if ((e = pc_begin(r, referral_id)) != APP_OK)
		return e;
	p[0] = DB_INT(id);
	if ((e = pc_exec(r, SQL_CONSENT_LOCK, p, 1, &lock)) != APP_OK)
		goto fail;
	/* An expired waiver can still be revoked: it decides what the
	 * remittent side may still see. */
	if (lock.nrows != 1 ||
	    !(str_eq_cstr(db_cell(&lock, 0, 0), "aktiv") ||
	        str_eq_cstr(db_cell(&lock, 0, 0), "utgangen"))) {
		db_rollback(r->db);
		*refused = "Samtycket är redan återkallat eller avslutat, så "
		           "det finns inget att återkalla.";
		return APP_OK;
	}
	buf_init(&detail, r->a);
	if (!all) {
		p[0] = DB_INT(party);
		p[1] = DB_INT(id);
		if ((e = pc_exec(r, SQL_CONSENT_PARTY_REVOKE, p, 2, NULL)) !=
		    APP_OK)
			goto fail;
		if (db_affected_rows(r->db) != 1) {
			db_rollback(r->db);
			*refused =
			    "Den parten är redan återkallad eller hör inte "
			    "till samtycket.";
			return APP_OK;
		}
		p[0] = DB_INT(id);
		if ((e = pc_exec(r, SQL_CONSENT_PARTY_ACTIVE_COUNT, p, 1,
		         &left)) != APP_OK)
			goto fail;
		/* The last party gone ends the waiver as a whole. */
		all = str_to_ll(db_cell(&left, 0, 0)) == 0;
		if (!all &&
		    ((e = pc_exec(r, SQL_CONSENT_TOUCH, p, 1, NULL)) !=
		            APP_OK ||
		        (e = pc_event(r, id, "andrat", party, how, reason)) !=
		            APP_OK ||
		        (e = buf_printf(&detail, "party %lld revoked (%s)",
		             party, how)) != APP_OK))
			goto fail;
	}
	if (all) {
		p[0] = DB_STR(STR_LIT("aterkallad"));
		p[1] = DB_INT(id);
		p[2] = DB_STR(db_cell(&lock, 0, 0));
		if ((e = pc_exec(r, SQL_CONSENT_END, p, 3, NULL)) != APP_OK ||
		    (e = pc_exec(r, SQL_CONSENT_PARTY_REVOKE_ALL, &p[1], 1,
		         NULL)) != APP_OK ||
		    (e = pc_event(r, id, "aterkallat", party, how, reason)) !=
		        APP_OK ||
		    (e = buf_printf(&detail, "revoked (%s)", how)) != APP_OK)
			goto fail;
	}
	if ((e = audit_write(r, AUDIT_UPDATE, "consent", id, pnr,
	         buf_str(&detail))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(r->db);
	return e;
}

/* s as a positive id of 1 to 18 digits, else 0. */
static long long
pc_id_of(const struct str *s)
{
	long long v = 0;

	if (s == NULL || s->len == 0 || s->len > 18)
		return 0;
	for (size_t i = 0; i < s->len; i++) {
		if (s->p[i] < '0' || s->p[i] > '9')
			return 0;
		v = v * 10 + (s->p[i] - '0');
	}
	return v;
}

/* What the participant may revoke on the tablet (consent_revocable()),
 * and the one choice a link or form names, if it is one of them. */
struct rv_choice {
	long long waiver, sus;  /* revocable consents, 0 for none */
	struct db_rows parties; /* the waiver's */
	long long consent;      /* the choice: 0 when none (or not one) */
	long long party;        /* its party, 0 for all of it */
	struct str party_name;
};

static enum app_err
pc_rv_load(struct req *r, const struct db_rows *c, struct rv_choice *ch,
    const struct str *samtycke, const struct str *part)
{
	long long want = pc_id_of(samtycke);
	struct db_param p[1];
	enum app_err e;

	memset(ch, 0, sizeof(*ch));
	if ((e = consent_revocable(r, str_to_ll(db_cell(c, 0, CG_REFERRAL)),
	         &ch->waiver, &ch->sus)) != APP_OK)
		return e;
	if (ch->waiver > 0) {
		p[0] = DB_INT(ch->waiver);
		if ((e = pc_exec(r, SQL_CONSENT_PARTIES, p, 1, &ch->parties)) !=
		    APP_OK)
			return e;
	}
	if (want == 0 || part == NULL)
		return APP_OK;
	if (want == ch->sus && str_eq_cstr(*part, "alla")) {
		ch->consent = want; /* the SUS consent has no parties */
		return APP_OK;
	}
	if (want != ch->waiver)
		return APP_OK;
	if (str_eq_cstr(*part, "alla")) {
		ch->consent = want;
		return APP_OK;
	}
	for (size_t i = 0; i < ch->parties.nrows; i++)
		if (str_to_ll(db_cell(&ch->parties, i, 0)) == pc_id_of(part) &&
		    str_eq_cstr(db_cell(&ch->parties, i, 2), "aktiv")) {
			ch->consent = want;
			ch->party = pc_id_of(part);
			ch->party_name = db_cell(&ch->parties, i, 1);
		}
	return APP_OK;
}

/* The participant's revocation page on the tablet: each consent on its own
 * (the waiver per party or whole, the SUS consent), each choice saying in
 * their language what it does; with confirm, the one choice to confirm. */
static enum app_err
pc_render_revoke(struct req *r, const struct db_rows *c,
    const struct db_rows *ref, const struct rv_choice *ch, int confirm)
{
	const struct tlang *t = tl_find(db_cell(c, 0, CG_TEXT_LANGUAGE));
	struct view_ctx *ctx;
	struct buf part;
	int parties = 0;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	buf_init(&part, r->a);
	if (ch->party > 0)
		e = buf_printf(&part, "%lld", ch->party);
	else
		e = buf_puts(&part, "alla");
	if (e != APP_OK || (e = pc_bind_referral(ctx, ref)) != APP_OK ||
	    (e = pc_bind_consent(r, ctx, c)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "thanks", req_query(r, "klart") != NULL)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "waiver_parties")) != APP_OK)
		return e;
	for (size_t i = 0; ch->waiver > 0 && i < ch->parties.nrows; i++) {
		struct view_ctx *it;
		if (!str_eq_cstr(db_cell(&ch->parties, i, 2), "aktiv"))
			continue;
		if ((it = view_ctx_list_add(ctx, "waiver_parties")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "party_id",
		         db_cell(&ch->parties, i, 0))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "name", db_cell(&ch->parties, i, 1))) != APP_OK)
			return e;
		parties++;
	}
	confirm = confirm && ch->consent > 0;
	if ((e = view_ctx_set_bool(ctx, "has_waiver", parties > 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "waiver_id", ch->waiver)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_sus", ch->sus > 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "sus_id", ch->sus)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "nothing", parties == 0 && ch->sus == 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "confirm", confirm)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "choice_consent", ch->consent)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "choice_part", buf_str(&part))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "choice_party", ch->party > 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "choice_party_name", ch->party_name)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "choice_waiver_all",
	         ch->consent > 0 && ch->consent == ch->waiver &&
	             ch->party == 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "choice_sus",
	         ch->consent > 0 && ch->consent == ch->sus)) != APP_OK)
		return e;
	return page_render_layout(
	    r, "layout_surfplatta", "samtycke_aterkalla", t->w[TW_REVOKE], ctx);
}

enum app_err
page_consent_revoke_tablet(struct req *r)
{
	struct db_rows c, ref;
	struct rv_choice ch;
	unsigned via;
	long long id;
	enum app_err e;

	if (r->tablet == NULL)
		return pc_handover_page(r, HO_REVOKE);
	if ((e = pc_load(r, &id, &c, &via, &ref, "tablet revoke")) != APP_OK ||
	    (e = pc_rv_load(r, &c, &ch, req_query(r, "samtycke"),
	         req_query(r, "part"))) != APP_OK)
		return e;
	return pc_render_revoke(r, &c, &ref, &ch, ch.consent > 0);
}

/* POST /samtycken/:id/aterkalla on the tablet: the choice (samtycke, part)
 * is revoked only with bekrafta=ja; without it the confirmation screen,
 * nothing changed. */
static enum app_err
pc_revoke_on_tablet(struct req *r)
{
	const struct str *confirm = req_form(r, "bekrafta");
	struct db_rows c, ref;
	struct rv_choice ch;
	const char *refused = NULL;
	unsigned via;
	long long id;
	struct buf loc;
	enum app_err e;

	if ((e = pc_load(r, &id, &c, &via, &ref, "tablet revoke")) != APP_OK ||
	    (e = pc_rv_load(r, &c, &ch, req_form(r, "samtycke"),
	         req_form(r, "part"))) != APP_OK)
		return e;
	if (ch.consent == 0) {
		/* Not a choice (any more: a double tap): where it stands. */
		r->resp.status = 409;
		return pc_render_revoke(r, &c, &ref, &ch, 0);
	}
	if (confirm == NULL || !str_eq_cstr(*confirm, "ja"))
		return pc_render_revoke(r, &c, &ref, &ch, 1);
	if ((e = pc_revoke_do(r, ch.consent,
	         str_to_ll(db_cell(&c, 0, CG_REFERRAL)),
	         db_cell(&ref, 0, CR_PNR), ch.party, ch.party == 0,
	         "surfplatta", STR_LIT(""), &refused)) != APP_OK)
		return e;
	if (refused != NULL) {
		if ((e = pc_rv_load(r, &c, &ch, NULL, NULL)) != APP_OK)
			return e;
		r->resp.status = 409;
		return pc_render_revoke(r, &c, &ref, &ch, 0);
	}
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/samtycken/%lld/aterkalla?klart=1", id)) !=
	    APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

enum app_err
page_consent_revoke(struct req *r)
{
	struct field_val v[RV__MAX];
	struct db_rows c, ref;
	struct db_param p[1];
	unsigned via;
	long long id, party = 0;
	size_t nerr = 0;
	int all;
	const char *refused = NULL;
	struct buf loc;
	enum app_err e;

	if (r->tablet != NULL)
		return pc_revoke_on_tablet(r);
	if ((e = pc_load(r, &id, &c, &via, &ref, "revoke")) != APP_OK)
		return e;
	if ((e = form_validate(r->a, &r->form, rv_spec, RV__MAX, v, &nerr)) !=
	    APP_OK)
		return e;
	all = v[RV_PART].ok && str_eq_cstr(v[RV_PART].s, "alla");
	if (v[RV_PART].ok && !all)
		party = str_to_ll(v[RV_PART].s);
	if (nerr > 0 || (!all && party <= 0)) {
		r->resp.status = 400;
		if (!v[RV_SKAL].ok) {
			struct pc_kept k = { "rv_skal", "rv_skal_fel",
				v[RV_SKAL].s, v[RV_SKAL].error };
			return pc_render_consent_kept(r, id, &c, &ref, via,
			    NULL,
			    "Återkallelsen registrerades inte. Rätta felen "
			    "nedan.",
			    &k);
		}
		return pc_render_consent(r, id, &c, &ref, via, NULL,
		    "Välj vad som återkallas och hur återkallelsen kom in.");
	}
	if ((e = pc_revoke_do(r, id, str_to_ll(db_cell(&c, 0, CG_REFERRAL)),
	         db_cell(&ref, 0, CR_PNR), party, all, rv_ways[v[RV_HUR].i],
	         v[RV_SKAL].s, &refused)) != APP_OK)
		return e;
	if (refused != NULL) {
		p[0] = DB_INT(id);
		if ((e = pc_exec(r, SQL_CONSENT_GET, p, 1, &c)) != APP_OK)
			return e;
		if (c.nrows != 1)
			return APP_ENOTFOUND;
		r->resp.status = 409;
		return pc_render_consent(r, id, &c, &ref, via, NULL, refused);
	}
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/samtycken/%lld?aterkallat=1", id)) !=
	    APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

enum app_err
page_consent_error(struct req *r)
{
	struct field_val v[1];
	struct db_rows c, ref, lock;
	struct db_param p[3];
	unsigned via;
	long long id;
	size_t nerr = 0;
	struct buf loc;
	enum app_err e;

	if ((e = pc_load(r, &id, &c, &via, &ref, "in error")) != APP_OK)
		return e;
	if (!pc_may_take(via))
		return APP_EFORBIDDEN;
	if ((e = form_validate(r->a, &r->form, fe_spec, 1, v, &nerr)) != APP_OK)
		return e;
	if (nerr > 0) {
		struct pc_kept k = { "fe_skal", "fe_skal_fel", v[0].s,
			v[0].error };

		r->resp.status = 400;
		return pc_render_consent_kept(r, id, &c, &ref, via, NULL,
		    "Skriv varför samtycket är felregistrerat.", &k);
	}
	if ((e = pc_begin(r, str_to_ll(db_cell(&c, 0, CG_REFERRAL)))) != APP_OK)
		return e;
	p[0] = DB_INT(id);
	if ((e = pc_exec(r, SQL_CONSENT_LOCK, p, 1, &lock)) != APP_OK)
		goto fail;
	if (lock.nrows != 1 ||
	    !(str_eq_cstr(db_cell(&lock, 0, 0), "utkast") ||
	        str_eq_cstr(db_cell(&lock, 0, 0), "aktiv"))) {
		db_rollback(r->db);
		r->resp.status = 409;
		return pc_render_consent(
		    r, id, &c, &ref, via, NULL, "Samtycket är redan avslutat.");
	}
	p[0] = DB_STR(STR_LIT("felaktig"));
	p[1] = DB_INT(id);
	p[2] = DB_STR(db_cell(&lock, 0, 0));
	if ((e = pc_exec(r, SQL_CONSENT_END, p, 3, NULL)) != APP_OK ||
	    (e = pc_event(r, id, "felaktigt", 0, "personal", v[0].s)) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_UPDATE, "consent", id,
	         db_cell(&ref, 0, CR_PNR), STR_LIT("entered in error"))) !=
	        APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/samtycken/%lld?felaktigt=1", id)) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
fail:
	db_rollback(r->db);
	return e;
}

static const struct form_def consent_forms[] = {
	{ "POST /samtycken/ansokan/:id/ny", "samtycke_ny", nf_spec, NF__MAX },
	{ "POST /samtycken/:id/surfplatta", "samtycke_surfplatta", sf_spec,
	    SF__MAX },
	{ "POST /samtycken/:id/papper", "samtycke", pf_spec, PF__MAX },
	{ "POST /samtycken/:id/aterkalla", "samtycke", rv_spec, RV__MAX },
	{ "POST /samtycken/:id/felaktig", "partials/samtycke_felaktig", fe_spec,
	    1 },
};

const struct form_def *
page_consent_forms(size_t *n)
{
	*n = sizeof(consent_forms) / sizeof(consent_forms[0]);
	return consent_forms;
}
