/* page_error.c: the Swedish error pages; see include/pages.h. */
#include "pages.h"
#include "req.h"
#include "view.h"

static const struct {
	int status;
	const char *title;
	const char *message;
} page_errors[] = {
	{ 400, "Felaktig förfrågan",
	    "Det som skickades gick inte att tolka. Gå tillbaka, kontrollera "
	    "uppgifterna och försök igen." },
	{ 403, "Åtkomst nekad",
	    "Du har inte behörighet till sidan, eller så har formuläret hunnit bli "
	    "för gammalt. Ladda om sidan och försök igen." },
	{ 404, "Sidan finns inte",
	    "Sidan du söker finns inte. Kontrollera adressen eller gå till startsidan." },
	{ 405, "Otillåten metod",
	    "Sidan kan inte användas på det sättet. Gå till startsidan och försök igen." },
	{ 413, "För mycket data",
	    "Det du skickade är större än vad Stegvis tar emot (högst 1 MB)." },
	{ 500, "Ett internt fel uppstod",
	    "Något gick fel hos oss. Försök igen om en stund. Kvarstår felet, "
	    "kontakta supporten och uppge felkoden nedan." },
	{ 503, "Tjänsten är tillfälligt otillgänglig",
	    "Stegvis kan inte nå sin databas just nu. Inget av det du gjort har "
	    "gått förlorat på grund av detta. Försök igen om en stund." },
};

enum app_err
page_error_render(struct req *r, int status)
{
	size_t i, n = sizeof(page_errors) / sizeof(page_errors[0]);
	struct view_ctx *ctx;
	enum app_err e;

	for (i = 0; i < n - 1; i++)
		if (page_errors[i].status == status)
			break;
	if (page_errors[i].status != status)
		i = n - 2; /* unknown status: the 500 text */
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_int(ctx, "status", status)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "message", page_errors[i].message)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "request_id", r->request_id)) != APP_OK)
		return e;
	return page_render(r, "error", page_errors[i].title, ctx);
}
