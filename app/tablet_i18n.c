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

/* Each language by its own name, as the participant looks for it (the
 * same names the questionnaires give them, conf/questionnaires/). */
static const char *const lang_names[TABLET_LANG__MAX] = {
	[TABLET_SV] = "Svenska",
	[TABLET_EN] = "English",
	[TABLET_AR] = "العربية",
	[TABLET_SO] = "Soomaali",
	[TABLET_FA_AF] = "دری",
	[TABLET_TI] = "ትግርኛ",
};
_Static_assert(sizeof(lang_names) / sizeof(lang_names[0]) == TABLET_LANG__MAX,
    "lang_names[] out of sync");

/* And for staff: the Swedish name, then the language's own. */
static const char *const lang_labels[TABLET_LANG__MAX] = {
	[TABLET_SV] = "Svenska",
	[TABLET_EN] = "Engelska (English)",
	[TABLET_AR] = "Arabiska (العربية)",
	[TABLET_SO] = "Somaliska (Soomaali)",
	[TABLET_FA_AF] = "Dari (دری)",
	[TABLET_TI] = "Tigrinja (ትግርኛ)",
};
_Static_assert(sizeof(lang_labels) / sizeof(lang_labels[0]) == TABLET_LANG__MAX,
    "lang_labels[] out of sync");

static const char *const msg_keys[TABLET_MSG__MAX] = {
	[TABLET_PARTIES] = "t_parties",
	[TABLET_CATEGORIES] = "t_categories",
	[TABLET_OBTAIN] = "t_obtain",
	[TABLET_DISCLOSE] = "t_disclose",
	[TABLET_PERIOD] = "t_period",
	[TABLET_PERIOD_FROM] = "t_period_from",
	[TABLET_PERIOD_UNTIL] = "t_period_until",
	[TABLET_COMMA] = "t_comma",
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
	[TABLET_SIGN_TYPED_LEGEND] = "t_sign_typed_legend",
	[TABLET_SIGN_TYPED] = "t_sign_typed",
	[TABLET_SIGN_TYPED_CONFIRM] = "t_sign_typed_confirm",
	[TABLET_ERR_TYPED_CONFIRM] = "t_err_typed_confirm",
	[TABLET_ERR_TYPED_MATCH] = "t_err_typed_match",
	[TABLET_SIGNED_TYPED] = "t_signed_typed",
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
	[TABLET_Q_CHANGED] = "t_changed",
	[TABLET_Q_LOCKED] = "t_locked",
	/* The lock screen's. */
	[TABLET_L_TITLE] = "t_title",
	[TABLET_L_INTRO] = "t_intro",
	[TABLET_L_CODE] = "t_code",
	[TABLET_L_START] = "t_start",
	[TABLET_L_NOTE] = "t_note",
	[TABLET_L_CODE_BAD] = "t_code_bad",
	[TABLET_L_CODE_OLD] = "t_code_old",
	[TABLET_L_CODE_BUSY] = "t_code_busy",
	[TABLET_L_CODE_SHAPE] = "t_code_shape",
	[TABLET_L_CODE_MANY] = "t_code_many",
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
		[TABLET_PERIOD_FROM] = "från",
		[TABLET_PERIOD_UNTIL] = "till och med",
		[TABLET_COMMA] = ",",
		[TABLET_PURPOSE] = "Syfte",
		[TABLET_NAME] = "Ditt namn",
		[TABLET_SIGN] = "Skriv din namnteckning med fingret i rutan",
		[TABLET_CLEAR] = "Sudda",
		[TABLET_AGREE] = "Jag samtycker",
		[TABLET_SUS_YES] = "Ja, jag samtycker till registrering i SUS",
		[TABLET_SUS_NO] = "Nej, registrera mig anonymt",
		[TABLET_SEND] = "Skicka mitt svar",
		[TABLET_ERR_NAME] = "Skriv ditt namn.",
		[TABLET_ERR_SIG] = "Skriv under i rutan, eller skriv ditt fullständiga namn som underskrift.",
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
		/* The signature by typed name. */
		[TABLET_SIGN_TYPED_LEGEND] = "Kan du inte rita, eller använder du tangentbordet? Skriv då under med ditt fullständiga namn här i stället.",
		[TABLET_SIGN_TYPED] = "Ditt fullständiga namn som underskrift",
		[TABLET_SIGN_TYPED_CONFIRM] = "Jag bekräftar att namnet jag har skrivit är min underskrift.",
		[TABLET_ERR_TYPED_CONFIRM] = "Kryssa i rutan för att bekräfta att namnet är din underskrift.",
		[TABLET_ERR_TYPED_MATCH] = "Skriv samma namn som under Ditt namn.",
		[TABLET_SIGNED_TYPED] = "Underskrivet med skrivet namn (ingen ritad namnteckning)",
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
		[TABLET_Q_CHANGED] = "Ditt svar sparades innan du ändrade det. Här är svaret som sparades. Ändra det om du vill och tryck på Nästa igen.",
		[TABLET_Q_LOCKED] = "Skärmen låstes eftersom ingen har använt den på en stund. Den går till startsidan när anslutningen är tillbaka.",
		/* The lock screen. */
		[TABLET_L_TITLE] = "Enkät",
		[TABLET_L_INTRO] = "Skriv koden du har fått av personalen.",
		[TABLET_L_CODE] = "Kod",
		[TABLET_L_START] = "Börja",
		[TABLET_L_NOTE] = "Har du skrivit under eller återkallat ett samtycke? Lämna tillbaka surfplattan till personalen.",
		[TABLET_L_CODE_BAD] = "Koden finns inte. Kontrollera siffrorna eller be personalen om en ny kod.",
		[TABLET_L_CODE_OLD] = "Koden har gått ut. Be personalen om en ny kod.",
		[TABLET_L_CODE_BUSY] = "Koden används just nu på en annan surfplatta. Avsluta där, eller vänta några minuter och försök igen.",
		[TABLET_L_CODE_SHAPE] = "Skriv koden med åtta siffror.",
		[TABLET_L_CODE_MANY] = "För många felaktiga koder. Vänta en stund och försök igen.",
	},
	[TABLET_EN] = {
		/* The consent tablet. */
		[TABLET_PARTIES] = "Parties that may exchange information",
		[TABLET_CATEGORIES] = "Information covered",
		[TABLET_OBTAIN] = "The programme may obtain information from the parties.",
		[TABLET_DISCLOSE] = "The programme may give information to the parties.",
		[TABLET_PERIOD] = "Valid",
		[TABLET_PERIOD_FROM] = "from",
		[TABLET_PERIOD_UNTIL] = "until",
		[TABLET_COMMA] = ",",
		[TABLET_PURPOSE] = "Purpose",
		[TABLET_NAME] = "Your name",
		[TABLET_SIGN] = "Sign with your finger in the box",
		[TABLET_CLEAR] = "Clear",
		[TABLET_AGREE] = "I consent",
		[TABLET_SUS_YES] = "Yes, I consent to registration in SUS",
		[TABLET_SUS_NO] = "No, register me anonymously",
		[TABLET_SEND] = "Send my answer",
		[TABLET_ERR_NAME] = "Write your name.",
		[TABLET_ERR_SIG] = "Sign in the box, or type your full name as your signature.",
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
		/* The signature by typed name. */
		[TABLET_SIGN_TYPED_LEGEND] = "Cannot draw, or using the keyboard? Then sign with your full name here instead.",
		[TABLET_SIGN_TYPED] = "Your full name as your signature",
		[TABLET_SIGN_TYPED_CONFIRM] = "I confirm that the name I have typed is my signature.",
		[TABLET_ERR_TYPED_CONFIRM] = "Tick the box to confirm that the name is your signature.",
		[TABLET_ERR_TYPED_MATCH] = "Type the same name as under Your name.",
		[TABLET_SIGNED_TYPED] = "Signed with a typed name (no drawn signature)",
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
		[TABLET_Q_CHANGED] = "Your answer was saved before you changed it. This is the answer that was saved. Change it if you like and press Next again.",
		[TABLET_Q_LOCKED] = "The screen was locked because nobody has used it for a while. It goes to the start page when the connection is back.",
		/* The lock screen. */
		[TABLET_L_TITLE] = "Questionnaire",
		[TABLET_L_INTRO] = "Type the code you got from the staff.",
		[TABLET_L_CODE] = "Code",
		[TABLET_L_START] = "Start",
		[TABLET_L_NOTE] = "Have you signed or withdrawn a consent? Please hand the tablet back to the staff.",
		[TABLET_L_CODE_BAD] = "The code does not exist. Check the digits or ask the staff for a new code.",
		[TABLET_L_CODE_OLD] = "The code has expired. Ask the staff for a new code.",
		[TABLET_L_CODE_BUSY] = "The code is in use on another tablet right now. Finish there, or wait a few minutes and try again.",
		[TABLET_L_CODE_SHAPE] = "Type the code with eight digits.",
		[TABLET_L_CODE_MANY] = "Too many wrong codes. Wait a while and try again.",
	},
	[TABLET_AR] = {
		/* The consent tablet. */
		[TABLET_PARTIES] = "الجهات التي يجوز لها تبادل المعلومات",
		[TABLET_CATEGORIES] = "المعلومات المشمولة",
		[TABLET_OBTAIN] = "يجوز للبرنامج الحصول على معلومات من الجهات.",
		[TABLET_DISCLOSE] = "يجوز للبرنامج تقديم معلومات إلى الجهات.",
		[TABLET_PERIOD] = "صالحة",
		[TABLET_PERIOD_FROM] = "من",
		[TABLET_PERIOD_UNTIL] = "إلى",
		[TABLET_COMMA] = "،",
		[TABLET_PURPOSE] = "الغرض",
		[TABLET_NAME] = "اسمك",
		[TABLET_SIGN] = "وقّع بإصبعك في المربع",
		[TABLET_CLEAR] = "مسح",
		[TABLET_AGREE] = "أوافق",
		[TABLET_SUS_YES] = "نعم، أوافق على التسجيل في SUS",
		[TABLET_SUS_NO] = "لا، سجّلني بشكل مجهول",
		[TABLET_SEND] = "أرسل إجابتي",
		[TABLET_ERR_NAME] = "اكتب اسمك.",
		[TABLET_ERR_SIG] = "وقّع في المربع، أو اكتب اسمك الكامل كتوقيع.",
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
		/* The signature by typed name. */
		[TABLET_SIGN_TYPED_LEGEND] = "لا تستطيع الرسم، أو تستخدم لوحة المفاتيح؟ وقّع إذن باسمك الكامل هنا بدلاً من ذلك.",
		[TABLET_SIGN_TYPED] = "اسمك الكامل كتوقيع",
		[TABLET_SIGN_TYPED_CONFIRM] = "أؤكد أن الاسم الذي كتبته هو توقيعي.",
		[TABLET_ERR_TYPED_CONFIRM] = "ضع علامة في المربع لتأكيد أن الاسم هو توقيعك.",
		[TABLET_ERR_TYPED_MATCH] = "اكتب الاسم نفسه الذي كتبته في خانة اسمك.",
		[TABLET_SIGNED_TYPED] = "موقّعة باسم مكتوب (دون توقيع مرسوم)",
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
		[TABLET_Q_CHANGED] = "تم حفظ إجابتك قبل أن تغيّرها. هذه هي الإجابة المحفوظة. غيّرها إن أردت ثم اضغط «التالي» مرة أخرى.",
		[TABLET_Q_LOCKED] = "تم قفل الشاشة لأن أحدًا لم يستخدمها منذ فترة. ستنتقل إلى صفحة البداية عند عودة الاتصال.",
		/* The lock screen. */
		[TABLET_L_TITLE] = "استبيان",
		[TABLET_L_INTRO] = "اكتب الرمز الذي حصلت عليه من الموظفين.",
		[TABLET_L_CODE] = "الرمز",
		[TABLET_L_START] = "ابدأ",
		[TABLET_L_NOTE] = "هل وقّعت على موافقة أو سحبتها؟ يرجى إعادة الجهاز اللوحي إلى الموظفين.",
		[TABLET_L_CODE_BAD] = "الرمز غير موجود. تحقق من الأرقام أو اطلب رمزًا جديدًا من الموظفين.",
		[TABLET_L_CODE_OLD] = "انتهت صلاحية الرمز. اطلب رمزًا جديدًا من الموظفين.",
		[TABLET_L_CODE_BUSY] = "الرمز مستخدم الآن على جهاز لوحي آخر. أنهِ هناك، أو انتظر بضع دقائق وحاول مرة أخرى.",
		[TABLET_L_CODE_SHAPE] = "اكتب الرمز بثمانية أرقام.",
		[TABLET_L_CODE_MANY] = "عدد كبير جدًا من الرموز الخاطئة. انتظر قليلاً وحاول مرة أخرى.",
	},
	[TABLET_SO] = {
		/* The consent tablet. */
		[TABLET_PARTIES] = "Dhinacyada macluumaadka is-weydaarsan kara",
		[TABLET_CATEGORIES] = "Macluumaadka ay khusayso",
		[TABLET_OBTAIN] = "Barnaamijku wuxuu macluumaad ka heli karaa dhinacyada.",
		[TABLET_DISCLOSE] = "Barnaamijku wuxuu macluumaad siin karaa dhinacyada.",
		[TABLET_PERIOD] = "Muddada ansaxa",
		[TABLET_PERIOD_FROM] = "laga bilaabo",
		[TABLET_PERIOD_UNTIL] = "ilaa",
		[TABLET_COMMA] = ",",
		[TABLET_PURPOSE] = "Ujeedada",
		[TABLET_NAME] = "Magacaaga",
		[TABLET_SIGN] = "Farta ku saxeex sanduuqa gudihiisa",
		[TABLET_CLEAR] = "Tirtir",
		[TABLET_AGREE] = "Waan oggolahay",
		[TABLET_SUS_YES] = "Haa, waan oggolahay in laygu diiwaangeliyo SUS",
		[TABLET_SUS_NO] = "Maya, ii diiwaangeli magac la'aan",
		[TABLET_SEND] = "Dir jawaabtayda",
		[TABLET_ERR_NAME] = "Qor magacaaga.",
		[TABLET_ERR_SIG] = "Sanduuqa ku saxeex, ama qor magacaaga oo buuxa sida saxeexaaga.",
		[TABLET_ERR_ANSWER] = "Dooro haa ama maya.",
		[TABLET_ERRORS] = "Wax baa maqan. Hoos eeg.",
		[TABLET_THANKS] = "Mahadsanid. Jawaabtaada waa la diiwaangeliyey.",
		[TABLET_GIVE_BACK] = "Fadlan tablet-ka u celi shaqaalaha.",
		[TABLET_COPY] = "Daabac nuqul",
		[TABLET_REVOKE] = "Ka noqo oggolaanshaha",
		[TABLET_REVOKE_FOR] = "Ka noqo oggolaanshaha dhinaca",
		[TABLET_REVOKED] = "Ka noqoshada waa la diiwaangeliyey, hadda ayayna dhaqan gashay.",
		[TABLET_WITHDRAWN] = "laga noqday",
		[TABLET_SIGNATURE] = "Saxeex",
		[TABLET_YOUR_COPY] = "Nuqulkaaga",
		[TABLET_ANSWER] = "Jawaab",
		[TABLET_NOTHING_TO_REVOKE] = "Ma jiro oggolaansho shaqaynaya oo laga noqon karo.",
		[TABLET_SIGNED_PAPER] = "Waxaa lagu saxeexay warqad",
		[TABLET_TOO_LATE] = "Oggolaanshahan lama saxeexi karo mar dambe. Shaqaalaha ka codso inay mid cusub diyaariyaan.",
		[TABLET_REVOKE_INTRO] = "Halkan waxaad uga noqon kartaa oggolaanshahaaga. Oggolaansho kasta si gaar ah ayaa looga noqdaa.",
		[TABLET_WAIVER] = "Oggolaanshaha ka dhaafista sirta",
		[TABLET_WAIVER_ABOUT] = "Oggolaanshahan wuxuu u oggolaanayaa barnaamijka iyo dhinacyada hoose inay macluumaad adiga kugu saabsan is-weydaarsadaan.",
		[TABLET_PARTY_DOES] = "Haddii aad dhinac keliya uga noqoto, barnaamijku kuma sii is-weydaarsan karo macluumaadkaaga dhinacaas. Dhinacyada kale iyo oggolaanshahaaga SUS sidooda ayay ku sii jiraan.",
		[TABLET_WAIVER_ALL] = "Ka noqo oggolaanshaha ka dhaafista sirta oo dhan",
		[TABLET_WAIVER_ALL_DOES] = "Haddii aad ka noqoto oggolaanshaha oo dhan, barnaamijku kuma sii is-weydaarsan karo macluumaadkaaga mid ka mid ah dhinacyada. Oggolaanshahaaga SUS sidiisa ayuu ku sii jiraa.",
		[TABLET_SUS] = "Oggolaanshaha SUS",
		[TABLET_SUS_ABOUT] = "SUS waa nidaamka Hay'adda Caymiska Bulshada (Försäkringskassan) ay ku raacdo barnaamijyada. Waxaad oggolaatay in lagugu diiwaangeliyo halkaas lambarkaaga shakhsiyeed.",
		[TABLET_SUS_REVOKE] = "Ka noqo oggolaanshaha SUS",
		[TABLET_SUS_DOES] = "Haddii aad ka noqoto oggolaanshaha SUS, halkaas waxaa lagu soo sheegayaa oo keliya magac la'aan, tiro ahaan iyada oo aan lambarkaaga shakhsiyeed lahayn. Oggolaanshaha ka dhaafista sirta sidiisa ayuu ku sii jiraa.",
		[TABLET_CONFIRM] = "Ma rabtaa inaad ka noqoto?",
		[TABLET_CONFIRM_YES] = "Haa, ka noqo",
		[TABLET_CONFIRM_NO] = "Maya, dib u noqo",
		[TABLET_MORE] = "Ka noqo wax kale",
		[TABLET_DONE] = "Dhammaatay",
		[TABLET_ERR_NAME_LONG] = "Magacu aad buu u dheer yahay. Waxaad qori kartaa ilaa {n} xaraf.",
		[TABLET_COUNT_HINT] = "Waxaad qori kartaa ilaa {n} xaraf.",
		[TABLET_COUNT_LEFT] = "Waxaa kuu harsan {n} xaraf.",
		[TABLET_COUNT_OVER] = "Waxaad dheeraysay {n} xaraf.",
		[TABLET_SIGN_TYPED_LEGEND] = "Ma sawiri kartid, mise kiiboodhka ayaad isticmaalaysaa? Markaa halkan ku saxeex magacaaga oo buuxa.",
		[TABLET_SIGN_TYPED] = "Magacaaga oo buuxa oo saxeex ahaan",
		[TABLET_SIGN_TYPED_CONFIRM] = "Waxaan xaqiijinayaa in magaca aan qoray uu yahay saxeexayga.",
		[TABLET_ERR_TYPED_CONFIRM] = "Calaamadee sanduuqa si aad u xaqiijiso in magacu yahay saxeexaaga.",
		[TABLET_ERR_TYPED_MATCH] = "Qor magaca la mid ah kan aad ku qortay Magacaaga.",
		[TABLET_SIGNED_TYPED] = "Waxaa lagu saxeexay magac la qoray (saxeex la sawiray ma jiro)",
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
		[TABLET_Q_CHANGED] = "Jawaabtaada waa la kaydiyay intaadan beddelin. Tani waa jawaabta la kaydiyay. Beddel haddaad rabto, kadibna mar kale riix Xiga.",
		[TABLET_Q_LOCKED] = "Shaashadda waa la xiray sababtoo ah cidna ma isticmaalin muddo. Waxay aadi doontaa bogga bilowga marka xiriirku soo laabto.",
		/* The lock screen. */
		[TABLET_L_TITLE] = "Su'aalo",
		[TABLET_L_INTRO] = "Qor koodhka aad ka heshay shaqaalaha.",
		[TABLET_L_CODE] = "Koodh",
		[TABLET_L_START] = "Bilow",
		[TABLET_L_NOTE] = "Ma saxeexday ama ma ka noqotay oggolaansho? Fadlan tablet-ka u celi shaqaalaha.",
		[TABLET_L_CODE_BAD] = "Koodhku ma jiro. Hubi lambarrada ama shaqaalaha ka codso koodh cusub.",
		[TABLET_L_CODE_OLD] = "Koodhku wuu dhacay. Shaqaalaha ka codso koodh cusub.",
		[TABLET_L_CODE_BUSY] = "Koodhka hadda waxaa lagu isticmaalayaa tablet kale. Halkaas ku dhammee, ama sug dhowr daqiiqo oo isku day mar kale.",
		[TABLET_L_CODE_SHAPE] = "Koodhka ku qor siddeed lambar.",
		[TABLET_L_CODE_MANY] = "Koodhad khaldan oo aad u badan. Wax yar sug oo isku day mar kale.",
	},
	[TABLET_FA_AF] = {
		/* The consent tablet. */
		[TABLET_PARTIES] = "طرف‌هایی که می‌توانند معلومات را تبادله کنند",
		[TABLET_CATEGORIES] = "معلوماتی که شامل است",
		[TABLET_OBTAIN] = "برنامه می‌تواند از طرف‌ها معلومات بگیرد.",
		[TABLET_DISCLOSE] = "برنامه می‌تواند به طرف‌ها معلومات بدهد.",
		[TABLET_PERIOD] = "مدت اعتبار",
		[TABLET_PERIOD_FROM] = "از",
		[TABLET_PERIOD_UNTIL] = "تا",
		[TABLET_COMMA] = "،",
		[TABLET_PURPOSE] = "هدف",
		[TABLET_NAME] = "نام شما",
		[TABLET_SIGN] = "با انگشت خود در این خانه امضا کنید",
		[TABLET_CLEAR] = "پاک کردن",
		[TABLET_AGREE] = "موافقم",
		[TABLET_SUS_YES] = "بلی، با ثبت شدن در SUS موافقم",
		[TABLET_SUS_NO] = "نخیر، مرا بدون نام ثبت کنید",
		[TABLET_SEND] = "جواب مرا بفرستید",
		[TABLET_ERR_NAME] = "نام خود را بنویسید.",
		[TABLET_ERR_SIG] = "در خانه امضا کنید، یا نام کامل خود را به حیث امضا بنویسید.",
		[TABLET_ERR_ANSWER] = "بلی یا نخیر را انتخاب کنید.",
		[TABLET_ERRORS] = "چیزی کم است. پایین را ببینید.",
		[TABLET_THANKS] = "تشکر. جواب شما ثبت شد.",
		[TABLET_GIVE_BACK] = "لطفاً تبلت را دوباره به کارمندان بدهید.",
		[TABLET_COPY] = "یک نقل را چاپ کنید",
		[TABLET_REVOKE] = "پس گرفتن رضایت",
		[TABLET_REVOKE_FOR] = "پس گرفتن رضایت برای",
		[TABLET_REVOKED] = "پس گرفتن ثبت شد و از همین حالا اعتبار دارد.",
		[TABLET_WITHDRAWN] = "پس گرفته شد",
		[TABLET_SIGNATURE] = "امضا",
		[TABLET_YOUR_COPY] = "نقل شما",
		[TABLET_ANSWER] = "جواب",
		[TABLET_NOTHING_TO_REVOKE] = "هیچ رضایت معتبری برای پس گرفتن وجود ندارد.",
		[TABLET_SIGNED_PAPER] = "روی کاغذ امضا شده",
		[TABLET_TOO_LATE] = "این رضایت دیگر امضا شده نمی‌تواند. از کارمندان بخواهید که یک رضایت نو آماده کنند.",
		[TABLET_REVOKE_INTRO] = "در اینجا می‌توانید رضایت‌های خود را پس بگیرید. هر رضایت جداگانه پس گرفته می‌شود.",
		[TABLET_WAIVER] = "رضایت به رفع محرمیت",
		[TABLET_WAIVER_ABOUT] = "با این رضایت، برنامه و طرف‌های زیر می‌توانند دربارهٔ شما معلومات تبادله کنند.",
		[TABLET_PARTY_DOES] = "اگر رضایت را برای یک طرف پس بگیرید، برنامه دیگر نمی‌تواند دربارهٔ شما با آن طرف معلومات تبادله کند. طرف‌های دیگر و رضایت شما به SUS مثل قبل باقی می‌مانند.",
		[TABLET_WAIVER_ALL] = "پس گرفتن تمام رضایت به رفع محرمیت",
		[TABLET_WAIVER_ALL_DOES] = "اگر تمام رضایت به رفع محرمیت را پس بگیرید، برنامه دیگر نمی‌تواند دربارهٔ شما با هیچ‌یک از طرف‌ها معلومات تبادله کند. رضایت شما به SUS مثل قبل باقی می‌ماند.",
		[TABLET_SUS] = "رضایت به SUS",
		[TABLET_SUS_ABOUT] = "SUS سیستم پیگیری برنامه‌ها توسط ادارهٔ بیمهٔ اجتماعی (Försäkringskassan) است. شما موافقت کرده‌اید که با نمبر شخصی خود در آن ثبت شوید.",
		[TABLET_SUS_REVOKE] = "پس گرفتن رضایت به SUS",
		[TABLET_SUS_DOES] = "اگر رضایت به SUS را پس بگیرید، در آنجا فقط بدون نام، به حیث یک عدد بدون نمبر شخصی شما، گزارش داده می‌شوید. رضایت به رفع محرمیت مثل قبل باقی می‌ماند.",
		[TABLET_CONFIRM] = "آیا می‌خواهید رضایت را پس بگیرید؟",
		[TABLET_CONFIRM_YES] = "بلی، پس بگیر",
		[TABLET_CONFIRM_NO] = "نخیر، برگرد",
		[TABLET_MORE] = "چیز دیگری را پس بگیرید",
		[TABLET_DONE] = "تمام",
		[TABLET_ERR_NAME_LONG] = "نام بسیار طولانی است. شما می‌توانید تا {n} حرف بنویسید.",
		[TABLET_COUNT_HINT] = "شما می‌توانید تا {n} حرف بنویسید.",
		[TABLET_COUNT_LEFT] = "{n} حرف باقی مانده است.",
		[TABLET_COUNT_OVER] = "شما {n} حرف بیشتر از حد نوشته‌اید.",
		[TABLET_SIGN_TYPED_LEGEND] = "نمی‌توانید رسم کنید، یا از کیبورد استفاده می‌کنید؟ پس در اینجا با نام کامل خود امضا کنید.",
		[TABLET_SIGN_TYPED] = "نام کامل شما به حیث امضا",
		[TABLET_SIGN_TYPED_CONFIRM] = "تأیید می‌کنم که نامی که نوشته‌ام امضای من است.",
		[TABLET_ERR_TYPED_CONFIRM] = "خانه را علامت بزنید تا تأیید کنید که این نام امضای شما است.",
		[TABLET_ERR_TYPED_MATCH] = "همان نامی را بنویسید که در «نام شما» نوشته‌اید.",
		[TABLET_SIGNED_TYPED] = "با نام نوشته‌شده امضا شده (بدون امضای رسم‌شده)",
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
		[TABLET_Q_CHANGED] = "جواب شما پیش از آن‌که آن را تغییر دهید ذخیره شد. این همان جوابی است که ذخیره شده. اگر می‌خواهید آن را تغییر دهید و دوباره «بعدی» را فشار دهید.",
		[TABLET_Q_LOCKED] = "صفحه قفل شد چون مدتی کسی از آن استفاده نکرده است. وقتی اتصال دوباره برقرار شود، به صفحهٔ آغاز می‌رود.",
		/* The lock screen. */
		[TABLET_L_TITLE] = "پرسشنامه",
		[TABLET_L_INTRO] = "کدی را که از کارمندان گرفته‌اید بنویسید.",
		[TABLET_L_CODE] = "کد",
		[TABLET_L_START] = "شروع",
		[TABLET_L_NOTE] = "آیا رضایتی را امضا کرده یا پس گرفته‌اید؟ لطفاً تبلت را دوباره به کارمندان بدهید.",
		[TABLET_L_CODE_BAD] = "این کد وجود ندارد. رقم‌ها را بررسی کنید یا از کارمندان کد نو بخواهید.",
		[TABLET_L_CODE_OLD] = "مدت این کد تمام شده است. از کارمندان کد نو بخواهید.",
		[TABLET_L_CODE_BUSY] = "این کد همین حالا روی تبلت دیگری استفاده می‌شود. در آنجا تمام کنید، یا چند دقیقه صبر کنید و دوباره کوشش کنید.",
		[TABLET_L_CODE_SHAPE] = "کد را با هشت رقم بنویسید.",
		[TABLET_L_CODE_MANY] = "کدهای غلط زیاد است. کمی صبر کنید و دوباره کوشش کنید.",
	},
	[TABLET_TI] = {
		/* The consent tablet. */
		[TABLET_PARTIES] = "ሓበሬታ ክለዋወጡ ዝኽእሉ ወገናት",
		[TABLET_CATEGORIES] = "ዝሽፈን ሓበሬታ",
		[TABLET_OBTAIN] = "እቲ መደብ ካብ ወገናት ሓበሬታ ክእክብ ይኽእል።",
		[TABLET_DISCLOSE] = "እቲ መደብ ንወገናት ሓበሬታ ክህብ ይኽእል።",
		[TABLET_PERIOD] = "ዘገልግለሉ ግዜ",
		[TABLET_PERIOD_FROM] = "ካብ",
		[TABLET_PERIOD_UNTIL] = "ክሳብ",
		[TABLET_COMMA] = "፣",
		[TABLET_PURPOSE] = "ዕላማ",
		[TABLET_NAME] = "ስምኩም",
		[TABLET_SIGN] = "ኣብቲ ሳጹን ብኣጻብዕኹም ፈርሙ",
		[TABLET_CLEAR] = "ደምስስ",
		[TABLET_AGREE] = "ይሰማማዕ እየ",
		[TABLET_SUS_YES] = "እወ፣ ኣብ SUS ክምዝገብ ይሰማማዕ እየ",
		[TABLET_SUS_NO] = "ኣይፋል፣ ብዘይ ስም መዝግቡኒ",
		[TABLET_SEND] = "መልሰይ ስደድ",
		[TABLET_ERR_NAME] = "ስምኩም ጽሓፉ።",
		[TABLET_ERR_SIG] = "ኣብቲ ሳጹን ፈርሙ፣ ወይ ምሉእ ስምኩም ከም ፊርማ ጽሓፉ።",
		[TABLET_ERR_ANSWER] = "እወ ወይ ኣይፋል ምረጹ።",
		[TABLET_ERRORS] = "ዝጎደለ ኣሎ። ኣብ ታሕቲ ርኣዩ።",
		[TABLET_THANKS] = "የቐንየልና። መልስኹም ተመዝጊቡ ኣሎ።",
		[TABLET_GIVE_BACK] = "በጃኹም ነቲ ታብሌት ናብ ሰራሕተኛታት ምለስዎ።",
		[TABLET_COPY] = "ቅዳሕ ሕተሙ",
		[TABLET_REVOKE] = "ስምምዕ ምስሓብ",
		[TABLET_REVOKE_FOR] = "ስምምዕ ስሓብ፦",
		[TABLET_REVOKED] = "ምስሓብ ተመዝጊቡ ኣሎ፣ ካብ ሕጂ ይሰርሕ።",
		[TABLET_WITHDRAWN] = "ተሳሒቡ",
		[TABLET_SIGNATURE] = "ፊርማ",
		[TABLET_YOUR_COPY] = "ቅዳሕኩም",
		[TABLET_ANSWER] = "መልሲ",
		[TABLET_NOTHING_TO_REVOKE] = "ዝስሓብ ዝሰርሕ ስምምዕ የለን።",
		[TABLET_SIGNED_PAPER] = "ኣብ ወረቐት ዝተፈረመ",
		[TABLET_TOO_LATE] = "እዚ ስምምዕ ድሕሪ ሕጂ ክፍረም ኣይክእልን። ሰራሕተኛታት ሓድሽ ከዳልዉ ሕተቱ።",
		[TABLET_REVOKE_INTRO] = "ኣብዚ ስምምዓትኩም ክትስሕቡ ትኽእሉ። ነፍሲ ወከፍ ስምምዕ በበይኑ ይስሓብ።",
		[TABLET_WAIVER] = "ስምምዕ ምቕላል ምስጢራውነት",
		[TABLET_WAIVER_ABOUT] = "ብዚ ስምምዕ እቲ መደብን ኣብ ታሕቲ ዘለዉ ወገናትን ብዛዕባኹም ሓበሬታ ክለዋወጡ ይኽእሉ።",
		[TABLET_PARTY_DOES] = "ንሓደ ወገን እንተ ሰሒብኩም፣ እቲ መደብ ምስቲ ወገን ብዛዕባኹም ሓበሬታ ክለዋወጥ ኣይክእልን። ካልኦት ወገናትን ስምምዕኩም ን SUSን ከም ዘለዉ ይቕጽሉ።",
		[TABLET_WAIVER_ALL] = "ምሉእ ስምምዕ ምቕላል ምስጢራውነት ስሓብ",
		[TABLET_WAIVER_ALL_DOES] = "ምሉእ ስምምዕ እንተ ሰሒብኩም፣ እቲ መደብ ምስ ዝኾነ ካብቶም ወገናት ብዛዕባኹም ሓበሬታ ክለዋወጥ ኣይክእልን። ስምምዕኩም ን SUS ከም ዘሎ ይቕጽል።",
		[TABLET_SUS] = "ስምምዕ ን SUS",
		[TABLET_SUS_ABOUT] = "SUS ናይ ቤት ጽሕፈት ማሕበራዊ ውሕስና (Försäkringskassan) ናይ መደባት ክትትል እዩ። ብውልቃዊ ቁጽርኹም ኣብኡ ክትምዝገቡ ተሰማሚዕኩም ኣለኹም።",
		[TABLET_SUS_REVOKE] = "ስምምዕ ን SUS ስሓብ",
		[TABLET_SUS_DOES] = "ስምምዕ ን SUS እንተ ሰሒብኩም፣ ኣብኡ ብዘይ ስም ጥራይ፣ ከም ቁጽሪ ብዘይ ውልቃዊ ቁጽርኹም ክትጽብጸቡ ኢኹም። ስምምዕ ምቕላል ምስጢራውነት ከም ዘሎ ይቕጽል።",
		[TABLET_CONFIRM] = "ክትስሕቡ ትደልዩ ዲኹም?",
		[TABLET_CONFIRM_YES] = "እወ፣ ስሓብ",
		[TABLET_CONFIRM_NO] = "ኣይፋል፣ ተመለስ",
		[TABLET_MORE] = "ካልእ ስሓብ",
		[TABLET_DONE] = "ተወዲኡ",
		[TABLET_ERR_NAME_LONG] = "እቲ ስም ነዊሑ እዩ። ክሳብ {n} ፊደላት ክትጽሕፉ ትኽእሉ ኢኹም።",
		[TABLET_COUNT_HINT] = "ክሳብ {n} ፊደላት ክትጽሕፉ ትኽእሉ ኢኹም።",
		[TABLET_COUNT_LEFT] = "{n} ፊደላት ተሪፎምኹም።",
		[TABLET_COUNT_OVER] = "ብ{n} ፊደላት ኣብዚሕኩም።",
		[TABLET_SIGN_TYPED_LEGEND] = "ክትስእሉ ኣይትኽእሉን ዲኹም፣ ወይ ኪቦርድ ትጥቀሙ ዲኹም? ሽዑ ኣብዚ ብምሉእ ስምኩም ፈርሙ።",
		[TABLET_SIGN_TYPED] = "ምሉእ ስምኩም ከም ፊርማ",
		[TABLET_SIGN_TYPED_CONFIRM] = "እቲ ዝጸሓፍክዎ ስም ፊርማይ ምዃኑ የረጋግጽ።",
		[TABLET_ERR_TYPED_CONFIRM] = "እቲ ስም ፊርማኹም ምዃኑ ንምርግጋጽ ነቲ ሳጹን ምልክት ግበሩሉ።",
		[TABLET_ERR_TYPED_MATCH] = "ከምቲ ኣብ ስምኩም ዝጸሓፍኩምዎ ሓደ ዓይነት ስም ጽሓፉ።",
		[TABLET_SIGNED_TYPED] = "ብዝተጻሕፈ ስም ዝተፈረመ (ዝተሰኣለ ፊርማ የለን)",
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
		[TABLET_Q_CHANGED] = "መልስኹም ቅድሚ ምቕያርኩም ተዓቂቡ። እዚ እቲ ዝተዓቀበ መልሲ እዩ። እንተደሊኹም ቀይሩዎ፣ ደጊምኩም «ዝቕጽል» ጠውቑ።",
		[TABLET_Q_LOCKED] = "ንሓጺር እዋን ዝተጠቐመሉ ሰብ ስለ ዘየለ እቲ ስክሪን ተዓጽዩ። መራኸቢ ምስ ተመልሰ ናብ መበገሲ ገጽ ክኸይድ እዩ።",
		/* The lock screen. */
		[TABLET_L_TITLE] = "መጠይቕ",
		[TABLET_L_INTRO] = "ካብ ሰራሕተኛታት ዝረኸብኩምዎ ኮድ ጽሓፉ።",
		[TABLET_L_CODE] = "ኮድ",
		[TABLET_L_START] = "ጀምር",
		[TABLET_L_NOTE] = "ስምምዕ ፈሪምኩም ወይ ሰሒብኩም ዲኹም? በጃኹም ነቲ ታብሌት ናብ ሰራሕተኛታት ምለስዎ።",
		[TABLET_L_CODE_BAD] = "እዚ ኮድ የለን። ነቶም ቁጽርታት ኣረጋግጹ ወይ ካብ ሰራሕተኛታት ሓድሽ ኮድ ሕተቱ።",
		[TABLET_L_CODE_OLD] = "ግዜ እዚ ኮድ ኣኺሉ። ካብ ሰራሕተኛታት ሓድሽ ኮድ ሕተቱ።",
		[TABLET_L_CODE_BUSY] = "እዚ ኮድ ሕጂ ኣብ ካልእ ታብሌት ይጥቀመሉ ኣሎ። ኣብኡ ወድኡ፣ ወይ ቁሩብ ደቓይቕ ተጸበዩ እሞ ደጊምኩም ፈትኑ።",
		[TABLET_L_CODE_SHAPE] = "ነቲ ኮድ ብሸሞንተ ቁጽርታት ጽሓፉ።",
		[TABLET_L_CODE_MANY] = "ብዙሓት ጌጋ ኮዳት። ቁሩብ ተጸበዩ እሞ ደጊምኩም ፈትኑ።",
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

int
tablet_lang_rank(struct str code)
{
	for (int i = 0; i < TABLET_LANG__MAX; i++)
		if (str_eq_cstr(code, lang_codes[i]))
			return i;
	return TABLET_LANG__MAX;
}

struct str
tablet_lang_name(struct str code)
{
	int i = tablet_lang_rank(code);

	return i < TABLET_LANG__MAX ? str_cstr(lang_names[i]) : code;
}

struct str
tablet_lang_label(struct str code)
{
	int i = tablet_lang_rank(code);

	return i < TABLET_LANG__MAX ? str_cstr(lang_labels[i]) : code;
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
	/* Every tablet page's idle lock may need its words offline
	 * (views/static/idle.js). */
	return view_ctx_set_cstr(
	    ctx, msg_keys[TABLET_Q_LOCKED], tablet_word(l, TABLET_Q_LOCKED));
}
