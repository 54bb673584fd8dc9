/*
 * totp.h: time-based one-time codes (RFC 6238) for staff, with liboath.
 *
 * 6-digit codes, 30-second steps, one step of clock drift either way. A
 * code is accepted once: the caller stores the returned step and refuses
 * any step not after it (replay). The enrolment QR code is returned as
 * cells for a view to draw, so no markup is built outside the views.
 */
#ifndef TOTP_H
#define TOTP_H

#include <stdint.h>
#include <time.h>

#include "app.h"
#include "str.h"

struct req;
struct view_ctx;

#define TOTP_SECRET_BYTES 20 /* 160 bits, as RFC 4226 recommends */

/* liboath's global set-up; 1 on success. Call once per process. */
int totp_init(void);

/* A new random secret into out. */
void totp_new_secret(unsigned char out[TOTP_SECRET_BYTES]);

/* The secret in base32 (what people type into an app). Arena. */
struct str totp_base32(struct req *, struct str secret);

/*
 * 1 when code (6 digits, blanks ignored) is right for secret now, within
 * one step; *step is then the time step it belongs to. 0 otherwise.
 */
int totp_check(struct str secret, struct str code, uint64_t *step);

/* totp_check() at the time now (for the fuzz target: a fixed time). */
int totp_check_at(
    struct str secret, struct str code, time_t now, uint64_t *step);

/* Bind "qr_size" and the list "qr_cells" (x, y of each dark module) for
 * the otpauth:// URI of secret and username, for views/partials/qr.html. */
enum app_err totp_qr(
    struct req *, struct view_ctx *, struct str secret, struct str username);

#endif /* !TOTP_H */
