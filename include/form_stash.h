/*
 * form_stash.h: a form sent after its session ended, kept for its author.
 *
 * When route_dispatch() refuses a POST only because the session has ended
 * (idle, "Logga ut överallt", a password change elsewhere) or because the
 * form's CSRF token belongs to an earlier session, the typed fields are
 * kept instead of lost: sealed, stored in table form_stash for at most
 * FORM_STASH_MINUTES, bound to one account, used at most once. The pages
 * around it (the login notice, "Ditt formulär är sparat", "Skicka igen")
 * are in page_form_stash.h.
 *
 * The key is the browser's, not the server's. Each kept form gets a fresh
 * 256-bit secret that is sent only to the browser, in the cookie
 * FORM_STASH_COOKIE (HttpOnly; SameSite=Strict; Max-Age the lifetime).
 * From it two values are derived (crypto_kdf, BLAKE2b): the handle, which
 * is stored and finds the row, and the key of XChaCha20-Poly1305, which is
 * never stored. So the row alone (a database dump, a backup, a reader with
 * the app's password) gives nothing of what was typed, and only the
 * browser it was typed in can have it back, after logging in as the same
 * account. One browser keeps one form: a new one replaces the old.
 *
 * What is sealed: the path it was sent to and every field but "csrf", in
 * the binary layout of form_stash_pack(). Nothing of it is ever logged or
 * put in a URL.
 *
 * The pure functions (pack, unpack, seal, open, the checks) do no I/O and
 * are unit-tested; form_stash_unpack() is fuzzed (tests/fuzz).
 */
#ifndef FORM_STASH_H
#define FORM_STASH_H

#include <stddef.h>

#include "app.h"
#include "form.h"
#include "str.h"

struct arena;
struct req;

#define FORM_STASH_COOKIE       "stegvis_form"
#define FORM_STASH_SECRET_BYTES 32 /* the cookie: 64 lower-case hex */
#define FORM_STASH_HANDLE_BYTES 32
#define FORM_STASH_MINUTES      120 /* a kept form is refused after this */

/* ---- Pure ------------------------------------------------------------ */

/*
 * Lay out path and the fields of form (in order, duplicates kept, every
 * "csrf" left out) as:
 *   version byte 1; u16 path length, path, NUL; u32 field count; per
 *   field: u16 key length, key, NUL, u32 value length, value, NUL
 * (lengths big-endian). path must be 1..MAX_URI bytes starting with '/'.
 * *out is arena. APP_EINPUT for a bad path, APP_ENOMEM.
 */
enum app_err form_stash_pack(struct arena *, struct str path,
    const struct kv_list *form, struct str *out);

/*
 * Parse what form_stash_pack() made. *path and every key and value point
 * into in (NUL-terminated there), out->v is arena. Refuses (APP_EINPUT,
 * with *path empty and *out the empty list) anything else: another
 * version, a length past the end or over the limits of app_limits.h
 * (MAX_URI, MAX_FIELDS, MAX_FIELD_NAME, MAX_FIELD_LEN), an empty key, a
 * missing NUL, NUL inside or invalid UTF-8 in any string, a path not
 * starting with '/', bytes after the last field. APP_ENOMEM.
 */
enum app_err form_stash_unpack(
    struct arena *, struct str in, struct str *path, struct kv_list *out);

/* The handle (stored, finds the row) derived from the browser's secret. */
void form_stash_handle(const unsigned char secret[FORM_STASH_SECRET_BYTES],
    unsigned char handle[FORM_STASH_HANDLE_BYTES]);

/*
 * Seal plain under the key derived from secret: a random 24-byte nonce
 * followed by the XChaCha20-Poly1305 ciphertext, with the handle as
 * additional data (a sealed value moved to another row does not open).
 * *sealed is arena. APP_ENOMEM.
 */
enum app_err form_stash_seal(struct arena *,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], struct str plain,
    struct str *sealed);

/* Open what form_stash_seal() made with the same secret. *plain is arena.
 * APP_EINPUT when it does not authenticate (wrong secret, changed bytes,
 * too short), APP_ENOMEM. */
enum app_err form_stash_open(struct arena *,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], struct str sealed,
    struct str *plain);

/* The cookie's value: 1 and the secret when hex is exactly 64 lower-case
 * hex digits, else 0. */
int form_stash_secret_parse(
    struct str hex, unsigned char secret[FORM_STASH_SECRET_BYTES]);

/* 1 when a refused POST to a route with these flags (enum route_flag) may
 * be kept: not the login, code, password or logout forms (what they carry
 * is a credential or nothing), not a public or machine route, and not a
 * participant's signing on a consent tablet (ROUTE_TABLET: it must never
 * reach the staff member who logs in on the device next). */
int form_stash_route_ok(unsigned route_flags);

/* The longest base_url origin (scheme, host, port) compared with. */
#define FORM_STASH_ORIGIN_MAX 512

/*
 * 1 when a POST came from one of our own pages, so that keeping it cannot
 * be set off by another site: the browser's Sec-Fetch-Site is
 * "same-origin", or without it the Origin header equals the scheme, host
 * and port of base_url, or base_url's scheme and port with the host name
 * the request came to (host: the HTTP_HOST param, which Debian's nginx
 * fills with $host, the name without a port; a förbund on a host name of
 * its own, sql/0071; include/public_host.h says what a name is). Any may
 * be NULL (absent); without Sec-Fetch-Site and Origin, 0.
 *
 * Why the host asked for is safe to compare with: a browser sets Origin
 * itself (no page's script can), and the name it connects to is the one
 * nginx passes, so they match only when the posting page has the origin
 * the form is sent to: our own page under that name. A name of another's
 * that resolves to this server (DNS rebinding) gets neither our
 * certificate nor our session cookie (host-only, SameSite=Strict), and
 * nothing is kept without the account's session cookie. A client that
 * forges the headers is no browser and sends only its own cookies.
 */
int form_stash_same_origin(const char *sec_fetch_site, const char *origin,
    const char *base_url, const char *host);

/* ---- With the database (table form_stash) ------------------------------ */

/* A kept form as found for the browser of a request. */
struct form_stash {
	long long staff_id; /* the account whose session it was sent in */
	long long minutes_left;
	struct str sealed; /* arena */
};

/* The secret of r's FORM_STASH_COOKIE: 1 when there is a well-formed one.
 * Read from the request's Cookie header, also after session_create() has
 * replaced r->cookies. */
int form_stash_cookie(
    const struct req *, unsigned char secret[FORM_STASH_SECRET_BYTES]);

/* Remove every expired form, and the record of sessions ended more than
 * a day ago (run at every login and every keeping). */
enum app_err form_stash_sweep(struct req *);

/*
 * Keep r's form (r->path and r->form) for staff_id, the account whose
 * session it was sent in (form_stash_owner()): a fresh secret, the sealed
 * row, the cookie set on r->resp.
 * A form this browser kept before is deleted, and so is every expired one.
 */
enum app_err form_stash_store(struct req *, long long staff_id);

/*
 * The account an ended session belonged to, found by the form's CSRF token
 * or else the session cookie's token, in the session table (live or
 * expired) or, once the row is gone (logout, "Logga ut överallt", the
 * sweep), in session_ended (sql/0023, kept a day). *staff_id 0 when
 * neither finds an active account: then nothing is kept.
 */
enum app_err form_stash_owner(struct req *, long long *staff_id);

/* The unclaimed, unexpired form of this browser's secret: 1 in *found and
 * *out filled, or 0. */
enum app_err form_stash_find(struct req *,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], struct form_stash *out,
    int *found);

/*
 * Take the form for sending: atomically marks it claimed if it is
 * staff_id's, unclaimed and unexpired. *claimed 1 only for the one request
 * that got it; a second (or concurrent) one gets 0.
 */
enum app_err form_stash_claim(struct req *,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], long long staff_id,
    int *claimed);

/* Give a claimed form back (sending it failed before anything was done). */
enum app_err form_stash_release(struct req *,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], long long staff_id);

/* Delete this browser's form (staff_id 0: whoever it is bound to) and
 * clear the cookie. */
enum app_err form_stash_drop(struct req *,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], long long staff_id);

#endif /* !FORM_STASH_H */
