/* tablet_i18n.c: the tablet's words and a language's lang/dir; see
 * include/tablet_i18n.h. */
#include <string.h>

#include "tablet_i18n.h"
#include "view.h"

static const char *const lang_codes[TABLET_LANG__MAX] = {
	[TABLET_SV] = "sv",
	[TABLET_EN] = "en",
	[TABLET_AR] = "ar",
	[TABLET_SO] = "so",
	[TABLET_FA_AF] = "fa-AF",
	[TABLET_TI] = "ti",
};
_Static_assert(sizeof(lang_codes) / sizeof(lang_codes[0]) == TABLET_LANG__MAX,
    "lang_codes[] out of sync");

/* The names the consent pages show; a language without one shows its
 * code (a name is a word we have not been given for so, fa-AF and ti). */
static const char *const lang_names[TABLET_LANG__MAX] = {
	[TABLET_SV] = "Svenska",
	[TABLET_EN] = "English",
	[TABLET_AR] = "العربية",
};

static const char *const msg_keys[TABLET_MSG__MAX] = {
	[TABLET_PARTIES] = "t_parties",
	[TABLET_CATEGORIES] = "t_categories",
	[TABLET_OBTAIN] = "t_obtain",
	[TABLET_DISCLOSE] = "t_disclose",
	[TABLET_PERIOD] = "t_period",
	[TABLET_PURPOSE] = "t_purpose",
	[TABLET_NAME] = "t_name",
	[TABLET_SIGN] = "t_sign",
	[TABLET_CLEAR] = "t_clear",
	[TABLET_AGREE] = "t_agree",
	[TABLET_SUS_YES] = "t_sus_yes",
	[TABLET_SUS_NO] = "t_sus_no",
	[TABLET_SEND] = "t_send",
	[TABLET_ERR_NAME] = "t_err_name",
	[TABLET_ERR_SIG] = "t_err_sig",
	[TABLET_ERR_ANSWER] = "t_err_answer",
	[TABLET_ERRORS] = "t_errors",
	[TABLET_THANKS] = "t_thanks",
	[TABLET_GIVE_BACK] = "t_give_back",
	[TABLET_COPY] = "t_copy",
	[TABLET_REVOKE] = "t_revoke",
	[TABLET_REVOKE_FOR] = "t_revoke_for",
	[TABLET_REVOKED] = "t_revoked",
	[TABLET_WITHDRAWN] = "t_withdrawn",
	[TABLET_SIGNATURE] = "t_signature",
	[TABLET_YOUR_COPY] = "t_your_copy",
	[TABLET_ANSWER] = "t_answer",
	[TABLET_NOTHING_TO_REVOKE] = "t_nothing_to_revoke",
	[TABLET_SIGNED_PAPER] = "t_signed_paper",
	[TABLET_TOO_LATE] = "t_too_late",
	[TABLET_REVOKE_INTRO] = "t_revoke_intro",
	[TABLET_WAIVER] = "t_waiver",
	[TABLET_WAIVER_ABOUT] = "t_waiver_about",
	[TABLET_PARTY_DOES] = "t_party_does",
	[TABLET_WAIVER_ALL] = "t_waiver_all",
	[TABLET_WAIVER_ALL_DOES] = "t_waiver_all_does",
	[TABLET_SUS] = "t_sus",
	[TABLET_SUS_ABOUT] = "t_sus_about",
	[TABLET_SUS_REVOKE] = "t_sus_revoke",
	[TABLET_SUS_DOES] = "t_sus_does",
	[TABLET_CONFIRM] = "t_confirm",
	[TABLET_CONFIRM_YES] = "t_confirm_yes",
	[TABLET_CONFIRM_NO] = "t_confirm_no",
	[TABLET_MORE] = "t_more",
	[TABLET_DONE] = "t_done",
	[TABLET_ERR_NAME_LONG] = "t_err_name_long",
	[TABLET_COUNT_HINT] = "t_count_hint",
	[TABLET_COUNT_LEFT] = "t_count_left",
	[TABLET_COUNT_OVER] = "t_count_over",
	/* The kiosk's: those its views bind as they are (t_next, ...) under
	 * the keys they use; those it fills in ({n}, {m}) or binds per item
	 * under keys of their own. */
	[TABLET_Q_CHOOSE] = "t_choose",
	[TABLET_Q_PROGRESS] = "t_progress",
	[TABLET_Q_NEXT] = "t_next",
	[TABLET_Q_BACK] = "t_back",
	[TABLET_Q_SKIP] = "t_skip",
	[TABLET_Q_SEND_TITLE] = "t_send_title",
	[TABLET_Q_SEND_TEXT] = "t_send_text",
	[TABLET_Q_SEND] = "t_send",
	[TABLET_Q_THANKS] = "t_thanks",
	[TABLET_Q_THANKS_TEXT] = "t_thanks_text",
	[TABLET_Q_DONE] = "t_done",
	[TABLET_Q_DONT_KNOW] = "t_dont_know",
	[TABLET_Q_NOT_APPL] = "t_not_appl",
	[TABLET_Q_VAS_HELP] = "t_vas_help",
	[TABLET_Q_ERROR] = "t_error",
	[TABLET_Q_YOUR_ANSWER] = "t_your_answer",
	[TABLET_Q_COUNT_HINT] = "t_count_hint",
	[TABLET_Q_COUNT_LEFT] = "t_count_left",
	[TABLET_Q_COUNT_OVER] = "t_count_over",
	[TABLET_Q_TOO_LONG] = "t_too_long",
	[TABLET_Q_OFFLINE] = "t_offline",
	[TABLET_Q_SAVING] = "t_saving",
	[TABLET_Q_VAS_UNSET] = "t_vas_unset",
};
_Static_assert(sizeof(msg_keys) / sizeof(msg_keys[0]) == TABLET_MSG__MAX,
    "msg_keys[] out of sync");

/* The words; NULL where a message has not been translated. */
static const char *const words[TABLET_LANG__MAX][TABLET_MSG__MAX] = {
	[TABLET_SV] = {
		/* The consent tablet. */
		[TABLET_PARTIES] = "Parter som får utbyta uppgifter",
		[TABLET_CATEGORIES] = "Uppgifter som omfattas",
		[TABLET_OBTAIN] = "Insatsen får hämta in uppgifter från parterna.",
		[TABLET_DISCLOSE] = "Insatsen får lämna uppgifter till parterna.",
		[TABLET_PERIOD] = "Gäller",
		[TABLET_PURPOSE] = "Syfte",
		[TABLET_NAME] = "Ditt namn",
		[TABLET_SIGN] = "Skriv din namnteckning med fingret i rutan",
		[TABLET_CLEAR] = "Sudda",
		[TABLET_AGREE] = "Jag samtycker",
		[TABLET_SUS_YES] = "Ja, jag samtycker till registrering i SUS",
		[TABLET_SUS_NO] = "Nej, registrera mig anonymt",
		[TABLET_SEND] = "Skicka mitt svar",
		[TABLET_ERR_NAME] = "Skriv ditt namn.",
		[TABLET_ERR_SIG] = "Skriv under i rutan. Går det inte, be " "personalen registrera samtycket på papper.",
		[TABLET_ERR_ANSWER] = "Välj ja eller nej.",
		[TABLET_ERRORS] = "Något saknas. Se nedan.",
		[TABLET_THANKS] = "Tack. Ditt svar är registrerat.",
		[TABLET_GIVE_BACK] = "Lämna tillbaka surfplattan till personalen.",
		[TABLET_COPY] = "Skriv ut en kopia",
		[TABLET_REVOKE] = "Återkalla samtycke",
		[TABLET_REVOKE_FOR] = "Återkalla för",
		[TABLET_REVOKED] = "Återkallelsen är registrerad och gäller nu.",
		[TABLET_WITHDRAWN] = "återkallad",
		[TABLET_SIGNATURE] = "Underskrift",
		[TABLET_YOUR_COPY] = "Din kopia",
		[TABLET_ANSWER] = "Svar",
		[TABLET_NOTHING_TO_REVOKE] = "Det finns inget gällande samtycke " "att återkalla.",
		[TABLET_SIGNED_PAPER] = "Underskrivet på papper",
		[TABLET_TOO_LATE] = "Samtycket kan inte längre skrivas under. Be " "personalen förbereda ett nytt.",
		[TABLET_REVOKE_INTRO] = "Här kan du återkalla dina samtycken. " "Varje samtycke återkallas för sig.",
		[TABLET_WAIVER] = "Sekretesslättnad",
		[TABLET_WAIVER_ABOUT] = "Med sekretesslättnaden får insatsen och " "parterna nedan utbyta uppgifter om dig.",
		[TABLET_PARTY_DOES] = "Återkallar du för en part får insatsen inte " "längre utbyta uppgifter om dig med den " "parten. De andra parterna och ditt samtycke " "till SUS gäller som förut.",
		[TABLET_WAIVER_ALL] = "Återkalla hela sekretesslättnaden",
		[TABLET_WAIVER_ALL_DOES] = "Återkallar du hela sekretesslättnaden får " "insatsen inte längre utbyta uppgifter om " "dig med någon av parterna. Ditt samtycke " "till SUS gäller som förut.",
		[TABLET_SUS] = "Samtycke till SUS",
		[TABLET_SUS_ABOUT] = "SUS är Försäkringskassans uppföljning av " "insatserna. Du har samtyckt till att " "registreras där med ditt personnummer.",
		[TABLET_SUS_REVOKE] = "Återkalla samtycket till SUS",
		[TABLET_SUS_DOES] = "Återkallar du samtycket till SUS rapporteras " "du dit bara anonymt, som en siffra utan " "personnummer. Sekretesslättnaden gäller som " "förut.",
		[TABLET_CONFIRM] = "Vill du återkalla?",
		[TABLET_CONFIRM_YES] = "Ja, återkalla",
		[TABLET_CONFIRM_NO] = "Nej, gå tillbaka",
		[TABLET_MORE] = "Återkalla något mer",
		[TABLET_DONE] = "Klar",
		/* {n}: the limit, or what is left or too many (the
	         * character count, views/static/teckenantal.js). */
		[TABLET_ERR_NAME_LONG] = "Namnet är för långt. Du kan skriva upp " "till {n} tecken.",
		[TABLET_COUNT_HINT] = "Du kan skriva upp till {n} tecken.",
		[TABLET_COUNT_LEFT] = "Du har {n} tecken kvar.",
		[TABLET_COUNT_OVER] = "Du har {n} tecken för mycket.",
		/* The questionnaire kiosk. */
		[TABLET_Q_CHOOSE] = "Välj språk",
		[TABLET_Q_PROGRESS] = "Fråga {n} av {m}",
		[TABLET_Q_NEXT] = "Nästa",
		[TABLET_Q_BACK] = "Tillbaka",
		[TABLET_Q_SKIP] = "Hoppa över",
		[TABLET_Q_SEND_TITLE] = "Skicka svaren",
		[TABLET_Q_SEND_TEXT] = "Du har svarat på {n} av {m} frågor. Du kan gå tillbaka och " "ändra innan du skickar.",
		[TABLET_Q_SEND] = "Skicka",
		[TABLET_Q_THANKS] = "Tack!",
		[TABLET_Q_THANKS_TEXT] = "Dina svar är skickade.",
		[TABLET_Q_DONE] = "Klar",
		[TABLET_Q_DONT_KNOW] = "Vet ej",
		[TABLET_Q_NOT_APPL] = "Ej aktuellt",
		[TABLET_Q_VAS_HELP] = "Skriv en siffra från 0 till 100.",
		[TABLET_Q_ERROR] = "Svaret kunde inte sparas. Kontrollera svaret eller hoppa över " "frågan.",
		[TABLET_Q_YOUR_ANSWER] = "Ditt svar",
		[TABLET_Q_COUNT_HINT] = "Du kan skriva upp till {n} tecken.",
		[TABLET_Q_COUNT_LEFT] = "Du har {n} tecken kvar.",
		[TABLET_Q_COUNT_OVER] = "Du har {n} tecken för mycket.",
		[TABLET_Q_TOO_LONG] = "Svaret är för långt. Du kan skriva upp till {n} tecken.",
		[TABLET_Q_OFFLINE] = "Ingen anslutning just nu. Ditt svar finns kvar och skickas så snart anslutningen är tillbaka.",
		[TABLET_Q_SAVING] = "Sparar ditt svar …",
		[TABLET_Q_VAS_UNSET] = "Inte besvarad än",
	},
	[TABLET_EN] = {
		/* The consent tablet. */
		[TABLET_PARTIES] = "Parties that may exchange information",
		[TABLET_CATEGORIES] = "Information covered",
		[TABLET_OBTAIN] = "The programme may obtain information from the parties.",
		[TABLET_DISCLOSE] = "The programme may give information to the parties.",
		[TABLET_PERIOD] = "Valid",
		[TABLET_PURPOSE] = "Purpose",
		[TABLET_NAME] = "Your name",
		[TABLET_SIGN] = "Sign with your finger in the box",
		[TABLET_CLEAR] = "Clear",
		[TABLET_AGREE] = "I consent",
		[TABLET_SUS_YES] = "Yes, I consent to registration in SUS",
		[TABLET_SUS_NO] = "No, register me anonymously",
		[TABLET_SEND] = "Send my answer",
		[TABLET_ERR_NAME] = "Write your name.",
		[TABLET_ERR_SIG] = "Sign in the box. If you cannot, ask the staff " "to record the consent on paper.",
		[TABLET_ERR_ANSWER] = "Choose yes or no.",
		[TABLET_ERRORS] = "Something is missing. See below.",
		[TABLET_THANKS] = "Thank you. Your answer is recorded.",
		[TABLET_GIVE_BACK] = "Please hand the tablet back to the staff.",
		[TABLET_COPY] = "Print a copy",
		[TABLET_REVOKE] = "Withdraw consent",
		[TABLET_REVOKE_FOR] = "Withdraw for",
		[TABLET_REVOKED] = "The withdrawal is recorded and applies now.",
		[TABLET_WITHDRAWN] = "withdrawn",
		[TABLET_SIGNATURE] = "Signature",
		[TABLET_YOUR_COPY] = "Your copy",
		[TABLET_ANSWER] = "Answer",
		[TABLET_NOTHING_TO_REVOKE] = "There is no consent in force to " "withdraw.",
		[TABLET_SIGNED_PAPER] = "Signed on paper",
		[TABLET_TOO_LATE] = "This consent can no longer be signed. Ask " "the staff to prepare a new one.",
		[TABLET_REVOKE_INTRO] = "Here you can withdraw your consents. " "Each consent is withdrawn on its own.",
		[TABLET_WAIVER] = "Waiver of secrecy",
		[TABLET_WAIVER_ABOUT] = "The waiver lets the programme and the " "parties below exchange information about " "you.",
		[TABLET_PARTY_DOES] = "If you withdraw it for one party, the " "programme may no longer exchange " "information about you with that party. The " "other parties and your consent to SUS stay " "as they are.",
		[TABLET_WAIVER_ALL] = "Withdraw the whole waiver",
		[TABLET_WAIVER_ALL_DOES] = "If you withdraw the whole waiver, the " "programme may no longer exchange " "information about you with any of the " "parties. Your consent to SUS stays as it " "is.",
		[TABLET_SUS] = "Consent to SUS",
		[TABLET_SUS_ABOUT] = "SUS is the Social Insurance Agency's " "follow-up of the programmes. You have agreed " "to be registered there with your personal " "identity number.",
		[TABLET_SUS_REVOKE] = "Withdraw the consent to SUS",
		[TABLET_SUS_DOES] = "If you withdraw the consent to SUS, you are " "reported there only anonymously, as a number " "without your personal identity number. The " "waiver stays as it is.",
		[TABLET_CONFIRM] = "Do you want to withdraw?",
		[TABLET_CONFIRM_YES] = "Yes, withdraw",
		[TABLET_CONFIRM_NO] = "No, go back",
		[TABLET_MORE] = "Withdraw something else",
		[TABLET_DONE] = "Done",
		[TABLET_ERR_NAME_LONG] = "The name is too long. You can enter up " "to {n} characters.",
		[TABLET_COUNT_HINT] = "You can enter up to {n} characters.",
		[TABLET_COUNT_LEFT] = "You have {n} characters remaining.",
		[TABLET_COUNT_OVER] = "You have {n} characters too many.",
		/* The questionnaire kiosk. */
		[TABLET_Q_CHOOSE] = "Choose language",
		[TABLET_Q_PROGRESS] = "Question {n} of {m}",
		[TABLET_Q_NEXT] = "Next",
		[TABLET_Q_BACK] = "Back",
		[TABLET_Q_SKIP] = "Skip",
		[TABLET_Q_SEND_TITLE] = "Send your answers",
		[TABLET_Q_SEND_TEXT] = "You have answered {n} of {m} questions. You can go back and " "change them before you send.",
		[TABLET_Q_SEND] = "Send",
		[TABLET_Q_THANKS] = "Thank you!",
		[TABLET_Q_THANKS_TEXT] = "Your answers have been sent.",
		[TABLET_Q_DONE] = "Done",
		[TABLET_Q_DONT_KNOW] = "Don't know",
		[TABLET_Q_NOT_APPL] = "Not applicable",
		[TABLET_Q_VAS_HELP] = "Enter a number from 0 to 100.",
		[TABLET_Q_ERROR] = "The answer could not be saved. Check it or skip the question.",
		[TABLET_Q_YOUR_ANSWER] = "Your answer",
		[TABLET_Q_COUNT_HINT] = "You can enter up to {n} characters.",
		[TABLET_Q_COUNT_LEFT] = "You have {n} characters remaining.",
		[TABLET_Q_COUNT_OVER] = "You have {n} characters too many.",
		[TABLET_Q_TOO_LONG] = "Your answer is too long. You can enter up to {n} characters.",
		[TABLET_Q_OFFLINE] = "No connection right now. Your answer is kept and is sent as soon as the connection is back.",
		[TABLET_Q_SAVING] = "Saving your answer …",
		[TABLET_Q_VAS_UNSET] = "Not answered yet",
	},
	[TABLET_AR] = {
		/* The consent tablet. */
		[TABLET_PARTIES] = "الجهات التي يجوز لها تبادل المعلومات",
		[TABLET_CATEGORIES] = "المعلومات المشمولة",
		[TABLET_OBTAIN] = "يجوز للبرنامج الحصول على معلومات من الجهات.",
		[TABLET_DISCLOSE] = "يجوز للبرنامج تقديم معلومات إلى الجهات.",
		[TABLET_PERIOD] = "صالحة",
		[TABLET_PURPOSE] = "الغرض",
		[TABLET_NAME] = "اسمك",
		[TABLET_SIGN] = "وقّع بإصبعك في المربع",
		[TABLET_CLEAR] = "مسح",
		[TABLET_AGREE] = "أوافق",
		[TABLET_SUS_YES] = "نعم، أوافق على التسجيل في SUS",
		[TABLET_SUS_NO] = "لا، سجّلني بشكل مجهول",
		[TABLET_SEND] = "أرسل إجابتي",
		[TABLET_ERR_NAME] = "اكتب اسمك.",
		[TABLET_ERR_SIG] = "وقّع في المربع. إذا لم تستطع، اطلب من الموظفين " "تسجيل الموافقة على الورق.",
		[TABLET_ERR_ANSWER] = "اختر نعم أو لا.",
		[TABLET_ERRORS] = "هناك شيء ناقص. انظر أدناه.",
		[TABLET_THANKS] = "شكرًا. تم تسجيل إجابتك.",
		[TABLET_GIVE_BACK] = "يرجى إعادة الجهاز اللوحي إلى الموظفين.",
		[TABLET_COPY] = "اطبع نسخة",
		[TABLET_REVOKE] = "سحب الموافقة",
		[TABLET_REVOKE_FOR] = "سحب الموافقة عن",
		[TABLET_REVOKED] = "تم تسجيل السحب وهو ساري الآن.",
		[TABLET_WITHDRAWN] = "مسحوبة",
		[TABLET_SIGNATURE] = "التوقيع",
		[TABLET_YOUR_COPY] = "نسختك",
		[TABLET_ANSWER] = "الإجابة",
		[TABLET_NOTHING_TO_REVOKE] = "لا توجد موافقة سارية لسحبها.",
		[TABLET_SIGNED_PAPER] = "موقّعة على الورق",
		[TABLET_TOO_LATE] = "لم يعد بالإمكان توقيع هذه الموافقة. اطلب من " "الموظفين إعداد موافقة جديدة.",
		[TABLET_REVOKE_INTRO] = "هنا يمكنك سحب موافقاتك. تُسحب كل موافقة " "على حدة.",
		[TABLET_WAIVER] = "الموافقة على رفع السرية",
		[TABLET_WAIVER_ABOUT] = "تسمح هذه الموافقة للبرنامج وللجهات المذكورة " "أدناه بتبادل المعلومات عنك.",
		[TABLET_PARTY_DOES] = "إذا سحبت الموافقة عن جهة واحدة، فلن يعود " "بإمكان البرنامج تبادل المعلومات عنك مع تلك " "الجهة. تبقى الجهات الأخرى وموافقتك على SUS " "كما هي.",
		[TABLET_WAIVER_ALL] = "سحب الموافقة على رفع السرية بالكامل",
		[TABLET_WAIVER_ALL_DOES] = "إذا سحبت الموافقة على رفع السرية بالكامل، " "فلن يعود بإمكان البرنامج تبادل المعلومات " "عنك مع أي من الجهات. تبقى موافقتك على SUS " "كما هي.",
		[TABLET_SUS] = "الموافقة على SUS",
		[TABLET_SUS_ABOUT] = "SUS هو نظام المتابعة لدى صندوق التأمينات " "الاجتماعية. لقد وافقت على تسجيلك فيه برقمك " "الشخصي.",
		[TABLET_SUS_REVOKE] = "سحب الموافقة على SUS",
		[TABLET_SUS_DOES] = "إذا سحبت الموافقة على SUS، فسيتم الإبلاغ عنك " "هناك بشكل مجهول فقط، كرقم دون رقمك الشخصي. تبقى " "الموافقة على رفع السرية كما هي.",
		[TABLET_CONFIRM] = "هل تريد سحب الموافقة؟",
		[TABLET_CONFIRM_YES] = "نعم، اسحب الموافقة",
		[TABLET_CONFIRM_NO] = "لا، عودة",
		[TABLET_MORE] = "سحب موافقة أخرى",
		[TABLET_DONE] = "انتهيت",
		[TABLET_ERR_NAME_LONG] = "الاسم طويل جدًا. يمكنك كتابة {n} حرفًا " "كحد أقصى.",
		[TABLET_COUNT_HINT] = "يمكنك كتابة {n} حرفًا كحد أقصى.",
		[TABLET_COUNT_LEFT] = "تبقّى لك {n} حرفًا.",
		[TABLET_COUNT_OVER] = "لقد تجاوزت الحد بـ {n} حرفًا.",
		/* The questionnaire kiosk. */
		[TABLET_Q_CHOOSE] = "اختر اللغة",
		[TABLET_Q_PROGRESS] = "السؤال {n} من {m}",
		[TABLET_Q_NEXT] = "التالي",
		[TABLET_Q_BACK] = "السابق",
		[TABLET_Q_SKIP] = "تخطي",
		[TABLET_Q_SEND_TITLE] = "إرسال الإجابات",
		[TABLET_Q_SEND_TEXT] = "لقد أجبت على {n} من {m} أسئلة. يمكنك الرجوع وتغيير إجاباتك قبل " "الإرسال.",
		[TABLET_Q_SEND] = "إرسال",
		[TABLET_Q_THANKS] = "شكراً لك!",
		[TABLET_Q_THANKS_TEXT] = "تم إرسال إجاباتك.",
		[TABLET_Q_DONE] = "انتهيت",
		[TABLET_Q_DONT_KNOW] = "لا أعرف",
		[TABLET_Q_NOT_APPL] = "لا ينطبق",
		[TABLET_Q_VAS_HELP] = "اكتب رقماً من 0 إلى 100.",
		[TABLET_Q_ERROR] = "تعذّر حفظ الإجابة. تحقق منها أو تخطَّ السؤال.",
		[TABLET_Q_YOUR_ANSWER] = "إجابتك",
		[TABLET_Q_COUNT_HINT] = "يمكنك كتابة {n} حرفًا كحد أقصى.",
		[TABLET_Q_COUNT_LEFT] = "تبقّى لك {n} حرفًا.",
		[TABLET_Q_COUNT_OVER] = "لقد تجاوزت الحد بـ {n} حرفًا.",
		[TABLET_Q_TOO_LONG] = "إجابتك طويلة جدًا. يمكنك كتابة {n} حرفًا كحد أقصى.",
		[TABLET_Q_OFFLINE] = "لا يوجد اتصال الآن. إجابتك محفوظة وستُرسل فور عودة الاتصال.",
		[TABLET_Q_SAVING] = "جارٍ حفظ إجابتك …",
		[TABLET_Q_VAS_UNSET] = "لم تتم الإجابة بعد",
	},
	[TABLET_SO] = {
		/* The consent tablet: not translated yet (Swedish). */
		/* The questionnaire kiosk. */
		[TABLET_Q_CHOOSE] = "Dooro luqadda",
		[TABLET_Q_PROGRESS] = "Su'aasha {n} ee {m}",
		[TABLET_Q_NEXT] = "Xiga",
		[TABLET_Q_BACK] = "Dib u noqo",
		[TABLET_Q_SKIP] = "Ka gudub",
		[TABLET_Q_SEND_TITLE] = "Dir jawaabaha",
		[TABLET_Q_SEND_TEXT] = "Waxaad ka jawaabtay {n} ka mid ah {m} su'aalood. Waad dib u " "noqon kartaa oo beddeli kartaa ka hor intaadan dirin.",
		[TABLET_Q_SEND] = "Dir",
		[TABLET_Q_THANKS] = "Mahadsanid!",
		[TABLET_Q_THANKS_TEXT] = "Jawaabahaaga waa la diray.",
		[TABLET_Q_DONE] = "Dhammaatay",
		[TABLET_Q_DONT_KNOW] = "Ma garanayo",
		[TABLET_Q_NOT_APPL] = "Ima khuseeyo",
		[TABLET_Q_VAS_HELP] = "Qor tiro u dhaxaysa 0 ilaa 100.",
		[TABLET_Q_ERROR] = "Jawaabta lama kaydin karin. Hubi ama ka gudub su'aasha.",
		[TABLET_Q_YOUR_ANSWER] = "Jawaabtaada",
		[TABLET_Q_COUNT_HINT] = "Waxaad qori kartaa ilaa {n} xaraf.",
		[TABLET_Q_COUNT_LEFT] = "Waxaa kuu harsan {n} xaraf.",
		[TABLET_Q_COUNT_OVER] = "Waxaad dheeraysay {n} xaraf.",
		[TABLET_Q_TOO_LONG] = "Jawaabtaadu way dheer tahay. Waxaad qori kartaa ilaa {n} xaraf.",
		[TABLET_Q_OFFLINE] = "Hadda xiriir ma jiro. Jawaabtaadu way kaydsan tahay waxaana la diri doonaa marka xiriirku soo laabto.",
		[TABLET_Q_SAVING] = "Jawaabtaada waa la kaydinayaa …",
		[TABLET_Q_VAS_UNSET] = "Weli lama jawaabin",
	},
	[TABLET_FA_AF] = {
		/* The consent tablet: not translated yet (Swedish). */
		/* The questionnaire kiosk. */
		[TABLET_Q_CHOOSE] = "زبان را انتخاب کنید",
		[TABLET_Q_PROGRESS] = "سوال {n} از {m}",
		[TABLET_Q_NEXT] = "بعدی",
		[TABLET_Q_BACK] = "قبلی",
		[TABLET_Q_SKIP] = "رد شدن",
		[TABLET_Q_SEND_TITLE] = "فرستادن جواب‌ها",
		[TABLET_Q_SEND_TEXT] = "شما به {n} از {m} سوال جواب داده‌اید. پیش از فرستادن می‌توانید " "برگردید و جواب‌ها را تغییر دهید.",
		[TABLET_Q_SEND] = "فرستادن",
		[TABLET_Q_THANKS] = "تشکر!",
		[TABLET_Q_THANKS_TEXT] = "جواب‌های شما فرستاده شد.",
		[TABLET_Q_DONE] = "تمام",
		[TABLET_Q_DONT_KNOW] = "نمی‌دانم",
		[TABLET_Q_NOT_APPL] = "مربوط نیست",
		[TABLET_Q_VAS_HELP] = "عددی از 0 تا 100 بنویسید.",
		[TABLET_Q_ERROR] = "جواب ذخیره نشد. آن را بررسی کنید یا از سوال بگذرید.",
		[TABLET_Q_YOUR_ANSWER] = "جواب شما",
		[TABLET_Q_COUNT_HINT] = "شما می‌توانید تا {n} حرف بنویسید.",
		[TABLET_Q_COUNT_LEFT] = "{n} حرف باقی مانده است.",
		[TABLET_Q_COUNT_OVER] = "شما {n} حرف بیشتر از حد نوشته‌اید.",
		[TABLET_Q_TOO_LONG] = "جواب شما بسیار طولانی است. شما می‌توانید تا {n} حرف بنویسید.",
		[TABLET_Q_OFFLINE] = "فعلاً اتصال وجود ندارد. جواب شما نگهداری شده و به محض وصل شدن دوباره فرستاده می‌شود.",
		[TABLET_Q_SAVING] = "جواب شما ذخیره می‌شود …",
		[TABLET_Q_VAS_UNSET] = "هنوز جواب داده نشده",
	},
	[TABLET_TI] = {
		/* The consent tablet: not translated yet (Swedish). */
		/* The questionnaire kiosk. */
		[TABLET_Q_CHOOSE] = "ቋንቋ ምረጹ",
		[TABLET_Q_PROGRESS] = "ሕቶ {n} ካብ {m}",
		[TABLET_Q_NEXT] = "ዝቕጽል",
		[TABLET_Q_BACK] = "ንድሕሪት",
		[TABLET_Q_SKIP] = "ሕለፍ",
		[TABLET_Q_SEND_TITLE] = "መልስታት ስደዱ",
		[TABLET_Q_SEND_TEXT] = "ካብ {m} ሕቶታት ን{n} መሊስኩም ኣለኹም። ቅድሚ ምስዳድኩም ተመሊስኩም " "ክትቕይሩ ትኽእሉ ኢኹም።",
		[TABLET_Q_SEND] = "ስደድ",
		[TABLET_Q_THANKS] = "የቐንየልና!",
		[TABLET_Q_THANKS_TEXT] = "መልስታትኩም ተላኢኾም ኣለዉ።",
		[TABLET_Q_DONE] = "ተወዲኡ",
		[TABLET_Q_DONT_KNOW] = "ኣይፈልጥን",
		[TABLET_Q_NOT_APPL] = "ኣይምልከተንን",
		[TABLET_Q_VAS_HELP] = "ካብ 0 ክሳብ 100 ቁጽሪ ጽሓፉ።",
		[TABLET_Q_ERROR] = "እቲ መልሲ ክዕቀብ ኣይከኣለን። ኣረጋግጹ ወይ ነቲ ሕቶ ሕለፉ።",
		[TABLET_Q_YOUR_ANSWER] = "መልስኹም",
		[TABLET_Q_COUNT_HINT] = "ክሳብ {n} ፊደላት ክትጽሕፉ ትኽእሉ ኢኹም።",
		[TABLET_Q_COUNT_LEFT] = "{n} ፊደላት ተሪፎምኹም።",
		[TABLET_Q_COUNT_OVER] = "ብ{n} ፊደላት ኣብዚሕኩም።",
		[TABLET_Q_TOO_LONG] = "መልስኹም ነዊሑ እዩ። ክሳብ {n} ፊደላት ክትጽሕፉ ትኽእሉ ኢኹም።",
		[TABLET_Q_OFFLINE] = "ሕጂ መራኸቢ የለን። መልስኹም ተዓቂቡ ኣሎ፣ መራኸቢ ምስ ተመልሰ ክለኣኽ እዩ።",
		[TABLET_Q_SAVING] = "መልስኹም ይዕቀብ ኣሎ …",
		[TABLET_Q_VAS_UNSET] = "ገና ኣይተመለሰን",
	},
};
_Static_assert(sizeof(words) / sizeof(words[0]) == TABLET_LANG__MAX,
    "words[] out of sync");

enum tablet_lang
tablet_lang_of(struct str code, int *own)
{
	if (own != NULL)
		*own = 1;
	for (int i = 0; i < TABLET_LANG__MAX; i++)
		if (str_eq_cstr(code, lang_codes[i]))
			return (enum tablet_lang)i;
	/* A tag with a region or more after one of ours: "en-GB" is
	 * English, "fa-AF-x" Dari. */
	for (int i = 0; i < TABLET_LANG__MAX; i++) {
		size_t k = strlen(lang_codes[i]);
		if (code.len > k && code.p[k] == '-' &&
		    memcmp(code.p, lang_codes[i], k) == 0)
			return (enum tablet_lang)i;
	}
	if (own != NULL)
		*own = 0;
	return TABLET_SV;
}

const char *
tablet_lang_code(enum tablet_lang lang)
{
	return (unsigned)lang < TABLET_LANG__MAX ? lang_codes[lang] : "sv";
}

const char *
tablet_dir(struct str code)
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

struct str
tablet_lang_name(struct str code)
{
	for (int i = 0; i < TABLET_LANG__MAX; i++)
		if (lang_names[i] != NULL && str_eq_cstr(code, lang_codes[i]))
			return str_cstr(lang_names[i]);
	return code;
}

int
tablet_word_own(enum tablet_lang lang, enum tablet_msg msg)
{
	return (unsigned)lang < TABLET_LANG__MAX &&
	    (unsigned)msg < TABLET_MSG__MAX && words[lang][msg] != NULL;
}

const char *
tablet_word(enum tablet_lang lang, enum tablet_msg msg)
{
	if ((unsigned)msg >= TABLET_MSG__MAX)
		return "";
	if (tablet_word_own(lang, msg))
		return words[lang][msg];
	return words[TABLET_SV][msg] != NULL ? words[TABLET_SV][msg] : "";
}

const char *
tablet_msg_key(enum tablet_msg msg)
{
	return (unsigned)msg < TABLET_MSG__MAX ? msg_keys[msg] : "";
}

enum app_err
tablet_bind(struct view_ctx *ctx, struct str code, enum tablet_msg first,
    enum tablet_msg last)
{
	enum tablet_lang l = tablet_lang_of(code, NULL);
	enum app_err e;

	if ((e = view_ctx_set_str(ctx, "lang", code)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "dir", tablet_dir(code))) != APP_OK)
		return e;
	for (int m = first; m <= (int)last && m < TABLET_MSG__MAX; m++)
		if ((e = view_ctx_set_cstr(ctx, msg_keys[m],
		         tablet_word(l, (enum tablet_msg)m))) != APP_OK)
			return e;
	return APP_OK;
}
