/* totp.c: one-time codes and their enrolment QR code; see include/totp.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>

#include "arena.h"
#include "req.h"
#include "totp.h"
#include "view.h"

#define TOTP_STEP   30
#define TOTP_WINDOW 1

int
totp_init(void)
{
	return oath_init() == OATH_OK;
}

void
totp_new_secret(unsigned char out[TOTP_SECRET_BYTES])
{
	randombytes_buf(out, TOTP_SECRET_BYTES);
}

struct str
totp_base32(struct req *r, struct str secret)
{
	char *b32 = NULL, *copy;
	size_t n = 0;

	if (oath_base32_encode(secret.p, secret.len, &b32, &n) != OATH_OK)
		return STR_LIT("");
	/* Apps want it without the '=' padding. */
	while (n > 0 && b32[n - 1] == '=')
		n--;
	copy = arena_memdup(r->a, b32, n);
	free(b32);
	return copy ? (struct str){ copy, n } : STR_LIT("");
}

int
totp_check(struct str secret, struct str code, uint64_t *step)
{
	return totp_check_at(secret, code, time(NULL), step);
}

int
totp_check_at(struct str secret, struct str code, time_t now, uint64_t *step)
{
	char digits[7];
	size_t n = 0;
	int pos = 0;

	for (size_t i = 0; i < code.len; i++) {
		char c = code.p[i];
		if (c == ' ' || c == '\t' || c == '-')
			continue;
		if (c < '0' || c > '9' || n == 6)
			return 0;
		digits[n++] = c;
	}
	if (n != 6 || secret.len == 0)
		return 0;
	digits[6] = '\0';
	return oath_totp_validate3(secret.p, secret.len, now, TOTP_STEP, 0,
	           TOTP_WINDOW, &pos, step, digits) >= 0;
}

/* Percent-encode s for the otpauth URI's path and query. */
static enum app_err
totp_uri_escape(struct buf *b, struct str s)
{
	enum app_err e = APP_OK;

	for (size_t i = 0; i < s.len && e == APP_OK; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')
			e = buf_append(b, &s.p[i], 1);
		else
			e = buf_printf(b, "%%%02X", c);
	}
	return e;
}

enum app_err
totp_qr(
    struct req *r, struct view_ctx *ctx, struct str secret, struct str username)
{
	struct str b32 = totp_base32(r, secret);
	struct buf uri;
	QRcode *qr;
	enum app_err e;

	buf_init(&uri, r->a);
	if ((e = buf_puts(&uri, "otpauth://totp/Stegvis:")) != APP_OK ||
	    (e = totp_uri_escape(&uri, username)) != APP_OK ||
	    (e = buf_puts(&uri, "?secret=")) != APP_OK ||
	    (e = buf_append(&uri, b32.p, b32.len)) != APP_OK ||
	    (e = buf_puts(&uri, "&issuer=Stegvis&digits=6&period=30")) !=
	        APP_OK)
		return e;
	if ((qr = QRcode_encodeString(uri.p, 0, QR_ECLEVEL_M, QR_MODE_8, 1)) ==
	    NULL)
		return APP_ENOMEM;
	e = view_ctx_set_int(ctx, "qr_size", qr->width);
	if (e == APP_OK) /* with the four-module quiet zone on each side */
		e = view_ctx_set_int(ctx, "qr_box", qr->width + 8);
	for (int y = 0; y < qr->width && e == APP_OK; y++)
		for (int x = 0; x < qr->width && e == APP_OK; x++) {
			struct view_ctx *cell;

			if (!(qr->data[y * qr->width + x] & 1))
				continue;
			if ((cell = view_ctx_list_add(ctx, "qr_cells")) ==
			    NULL) {
				e = APP_ENOMEM;
				break;
			}
			if ((e = view_ctx_set_int(cell, "x", x)) == APP_OK)
				e = view_ctx_set_int(cell, "y", y);
		}
	QRcode_free(qr);
	if (e == APP_OK)
		e = view_ctx_set_str(ctx, "secret_b32", b32);
	return e;
}
