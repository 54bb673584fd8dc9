/* form_stash.c: forms kept over an ended session; see include/form_stash.h. */
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "app_limits.h"
#include "arena.h"
#include "conf.h"
#include "db.h"
#include "form_stash.h"
#include "public_host.h"
#include "req.h"
#include "route.h"
#include "session.h"
#include "sql_form_stash.h"

#define FS_VERSION 1
#define FS_KDF_CTX "stgvform" /* crypto_kdf_CONTEXTBYTES (8) */
enum { FS_SUBKEY_HANDLE = 1, FS_SUBKEY_SEAL = 2 };

_Static_assert(FORM_STASH_SECRET_BYTES == crypto_kdf_KEYBYTES,
    "the browser's secret is the KDF's master key");
_Static_assert(FORM_STASH_HANDLE_BYTES >= crypto_kdf_BYTES_MIN &&
        FORM_STASH_HANDLE_BYTES <= crypto_kdf_BYTES_MAX,
    "handle size");
_Static_assert(sizeof(FS_KDF_CTX) - 1 == crypto_kdf_CONTEXTBYTES,
    "KDF context is 8 bytes");
_Static_assert(MAX_URI <= 0xffffu && MAX_FIELD_NAME <= 0xffffu,
    "u16 lengths in the packed layout");

/* ---- Pack and unpack --------------------------------------------------- */

static int
fs_is_csrf(struct str key)
{
	return str_eq_cstr(key, "csrf");
}

static void
fs_put16(unsigned char *p, size_t v)
{
	p[0] = (unsigned char)(v >> 8);
	p[1] = (unsigned char)v;
}

static void
fs_put32(unsigned char *p, size_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static int
fs_path_ok(struct str path)
{
	return path.len >= 1 && path.len <= MAX_URI && path.p[0] == '/' &&
	    !str_has_nul(path) && str_utf8_valid(path);
}

enum app_err
form_stash_pack(struct arena *a, struct str path, const struct kv_list *form,
    struct str *out)
{
	size_t n = 1 + 2 + path.len + 1 + 4, count = 0, at;
	unsigned char *p;

	*out = STR_LIT("");
	if (!fs_path_ok(path))
		return APP_EINPUT;
	for (size_t i = 0; i < form->n; i++) {
		const struct kv *kv = &form->v[i];
		if (fs_is_csrf(kv->key))
			continue;
		/* The parser's limits hold already; checked again so that
		 * unpack never refuses what pack made. */
		if (kv->key.len == 0 || kv->key.len > MAX_FIELD_NAME ||
		    kv->val.len > MAX_FIELD_LEN)
			return APP_EINPUT;
		n += 2 + kv->key.len + 1 + 4 + kv->val.len + 1;
		count++;
	}
	if (count > MAX_FIELDS)
		return APP_EINPUT;
	if ((p = arena_alloc(a, n)) == NULL)
		return APP_ENOMEM;
	p[0] = FS_VERSION;
	fs_put16(p + 1, path.len);
	memcpy(p + 3, path.p, path.len);
	at = 3 + path.len;
	p[at++] = '\0';
	fs_put32(p + at, count);
	at += 4;
	for (size_t i = 0; i < form->n; i++) {
		const struct kv *kv = &form->v[i];
		if (fs_is_csrf(kv->key))
			continue;
		fs_put16(p + at, kv->key.len);
		at += 2;
		memcpy(p + at, kv->key.p, kv->key.len);
		at += kv->key.len;
		p[at++] = '\0';
		fs_put32(p + at, kv->val.len);
		at += 4;
		memcpy(p + at, kv->val.p, kv->val.len);
		at += kv->val.len;
		p[at++] = '\0';
	}
	*out = (struct str){ (const char *)p, n };
	return APP_OK;
}

/* A reader over the packed bytes; every read checks the bounds. */
struct fs_reader {
	const unsigned char *p;
	size_t len, at;
};

static int
fs_get(struct fs_reader *rd, size_t width, size_t *v)
{
	*v = 0;
	if (rd->len - rd->at < width)
		return 0;
	for (size_t i = 0; i < width; i++)
		*v = (*v << 8) | rd->p[rd->at + i];
	rd->at += width;
	return 1;
}

/* A string of len bytes followed by its NUL: valid UTF-8, no NUL inside. */
static int
fs_get_str(struct fs_reader *rd, size_t len, struct str *s)
{
	if (rd->len - rd->at < len + 1 || rd->p[rd->at + len] != '\0')
		return 0;
	*s = (struct str){ (const char *)rd->p + rd->at, len };
	rd->at += len + 1;
	return !str_has_nul(*s) && str_utf8_valid(*s);
}

enum app_err
form_stash_unpack(
    struct arena *a, struct str in, struct str *path, struct kv_list *out)
{
	struct fs_reader rd = { (const unsigned char *)in.p, in.len, 0 };
	size_t version, n, count;
	struct kv *v = NULL;

	*path = STR_LIT("");
	*out = (struct kv_list){ NULL, 0 };
	if (!fs_get(&rd, 1, &version) || version != FS_VERSION ||
	    !fs_get(&rd, 2, &n) || n > MAX_URI || !fs_get_str(&rd, n, path) ||
	    !fs_path_ok(*path) || !fs_get(&rd, 4, &count) || count > MAX_FIELDS)
		goto bad;
	/* Each field takes at least 8 bytes: no allocation past the input. */
	if (count > (rd.len - rd.at) / 8)
		goto bad;
	if (count > 0 && (v = arena_calloc(a, count, sizeof(*v))) == NULL) {
		*path = STR_LIT("");
		return APP_ENOMEM;
	}
	for (size_t i = 0; i < count; i++) {
		if (!fs_get(&rd, 2, &n) || n == 0 || n > MAX_FIELD_NAME ||
		    !fs_get_str(&rd, n, &v[i].key) || !fs_get(&rd, 4, &n) ||
		    n > MAX_FIELD_LEN || !fs_get_str(&rd, n, &v[i].val))
			goto bad;
	}
	if (rd.at != rd.len)
		goto bad;
	out->v = v;
	out->n = count;
	return APP_OK;
bad:
	*path = STR_LIT("");
	*out = (struct kv_list){ NULL, 0 };
	return APP_EINPUT;
}

/* ---- Keys and sealing -------------------------------------------------- */

void
form_stash_handle(const unsigned char secret[FORM_STASH_SECRET_BYTES],
    unsigned char handle[FORM_STASH_HANDLE_BYTES])
{
	crypto_kdf_derive_from_key(handle, FORM_STASH_HANDLE_BYTES,
	    FS_SUBKEY_HANDLE, FS_KDF_CTX, secret);
}

enum app_err
form_stash_seal(struct arena *a,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], struct str plain,
    struct str *sealed)
{
	unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
	unsigned char handle[FORM_STASH_HANDLE_BYTES];
	size_t nb = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	unsigned long long clen = 0;
	unsigned char *p;

	*sealed = STR_LIT("");
	if ((p = arena_alloc(a,
	         nb + plain.len + crypto_aead_xchacha20poly1305_ietf_ABYTES)) ==
	    NULL)
		return APP_ENOMEM;
	crypto_kdf_derive_from_key(
	    key, sizeof(key), FS_SUBKEY_SEAL, FS_KDF_CTX, secret);
	form_stash_handle(secret, handle);
	randombytes_buf(p, nb);
	crypto_aead_xchacha20poly1305_ietf_encrypt(p + nb, &clen,
	    (const unsigned char *)plain.p, plain.len, handle, sizeof(handle),
	    NULL, p, key);
	sodium_memzero(key, sizeof(key));
	*sealed = (struct str){ (const char *)p, nb + (size_t)clen };
	return APP_OK;
}

enum app_err
form_stash_open(struct arena *a,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], struct str sealed,
    struct str *plain)
{
	unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
	unsigned char handle[FORM_STASH_HANDLE_BYTES];
	size_t nb = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	size_t ab = crypto_aead_xchacha20poly1305_ietf_ABYTES;
	const unsigned char *s = (const unsigned char *)sealed.p;
	unsigned long long mlen = 0;
	unsigned char *m;
	int rc;

	*plain = STR_LIT("");
	if (sealed.len < nb + ab)
		return APP_EINPUT;
	/* One byte more, so that an empty plain text is not a NULL. */
	if ((m = arena_alloc(a, sealed.len - nb - ab + 1)) == NULL)
		return APP_ENOMEM;
	crypto_kdf_derive_from_key(
	    key, sizeof(key), FS_SUBKEY_SEAL, FS_KDF_CTX, secret);
	form_stash_handle(secret, handle);
	rc = crypto_aead_xchacha20poly1305_ietf_decrypt(m, &mlen, NULL, s + nb,
	    sealed.len - nb, handle, sizeof(handle), s, key);
	sodium_memzero(key, sizeof(key));
	if (rc != 0)
		return APP_EINPUT;
	*plain = (struct str){ (const char *)m, (size_t)mlen };
	return APP_OK;
}

int
form_stash_secret_parse(
    struct str hex, unsigned char secret[FORM_STASH_SECRET_BYTES])
{
	if (hex.len != 2 * FORM_STASH_SECRET_BYTES)
		return 0;
	for (size_t i = 0; i < hex.len; i++) {
		char c = hex.p[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return 0;
	}
	return sodium_hex2bin(secret, FORM_STASH_SECRET_BYTES, hex.p, hex.len,
	           NULL, NULL, NULL) == 0;
}

int
form_stash_route_ok(unsigned route_flags)
{
	return (route_flags &
	           (ROUTE_PUBLIC | ROUTE_LOGIN_FORM | ROUTE_PASSWORD |
	               ROUTE_CODE | ROUTE_BEARER | ROUTE_TABLET)) == 0;
}

int
form_stash_same_origin(const char *sec_fetch_site, const char *origin,
    const char *base_url, const char *host)
{
	const char *auth, *end;
	char name[PUBLIC_HOST_MAX + 1], base[FORM_STASH_ORIGIN_MAX],
	    want[FORM_STASH_ORIGIN_MAX + PUBLIC_HOST_MAX];
	size_t n;

	/* A browser that says where the request came from is believed;
	 * "same-site" is not enough (another host of the same site). */
	if (sec_fetch_site != NULL)
		return strcmp(sec_fetch_site, "same-origin") == 0;
	if (origin == NULL || base_url == NULL ||
	    (auth = strstr(base_url, "://")) == NULL)
		return 0;
	end = strchr(auth + 3, '/');
	n = end != NULL ? (size_t)(end - base_url) : strlen(base_url);
	if (n > 0 && strlen(origin) == n && strncmp(origin, base_url, n) == 0)
		return 1;
	/* Or base_url's origin under the host name the request came to (a
	 * förbund's own, sql/0071): the browser sets Origin and nginx passes
	 * the name it was asked for; they are equal only for a page of that
	 * very origin. */
	if (host == NULL || n >= sizeof(base) || !public_host_of(host, name))
		return 0;
	memcpy(base, base_url, n);
	base[n] = '\0';
	return public_host_url(base, (struct str){ name, strlen(name) }, want,
	           sizeof(want)) &&
	    strcmp(origin, want) == 0;
}

/* ---- With the database ------------------------------------------------- */

#define FS_HANDLE_PARAM(h)                                                     \
	DB_STR(((struct str){ (const char *)(h), FORM_STASH_HANDLE_BYTES }))

int
form_stash_cookie(
    const struct req *r, unsigned char secret[FORM_STASH_SECRET_BYTES])
{
	const struct str *c = kv_get(&r->cookies, FORM_STASH_COOKIE);
	struct kv_list all;

	/* session_create() leaves only the new session's cookie in
	 * r->cookies: after a login, read the header again. */
	if (c == NULL && r->src.param != NULL &&
	    form_parse_cookies(r->a,
	        str_cstr(r->src.param(r->src.ctx, "HTTP_COOKIE")),
	        &all) == APP_OK)
		c = kv_get(&all, FORM_STASH_COOKIE);
	return c != NULL && form_stash_secret_parse(*c, secret);
}

enum app_err
form_stash_sweep(struct req *r)
{
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_FORM_STASH, SQL_FS_SWEEP, NULL, 0,
	         NULL)) != APP_OK)
		return e;
	return db_exec(
	    r->db, r->a, DB_FORM_STASH, SQL_FS_SWEEP_ENDED, NULL, 0, NULL);
}

enum app_err
form_stash_store(struct req *r, long long staff_id)
{
	unsigned char secret[FORM_STASH_SECRET_BYTES];
	unsigned char handle[FORM_STASH_HANDLE_BYTES];
	char hex[2 * FORM_STASH_SECRET_BYTES + 1];
	struct str plain, sealed;
	struct db_param p[5];
	enum app_err e;

	if ((e = form_stash_pack(r->a, r->path, &r->form, &plain)) != APP_OK)
		return e;
	if ((e = form_stash_sweep(r)) != APP_OK)
		return e;
	/* One form per browser: the one it kept before goes. */
	if (form_stash_cookie(r, secret)) {
		form_stash_handle(secret, handle);
		p[0] = FS_HANDLE_PARAM(handle);
		if ((e = db_exec(r->db, r->a, DB_FORM_STASH,
		         SQL_FS_DELETE_HANDLE, p, 1, NULL)) != APP_OK)
			return e;
	}
	randombytes_buf(secret, sizeof(secret));
	form_stash_handle(secret, handle);
	e = form_stash_seal(r->a, secret, plain, &sealed);
	sodium_memzero(
	    (void *)plain.p, plain.len); /* arena, ours: no copy lingers */
	if (e != APP_OK)
		goto out;
	p[0] = FS_HANDLE_PARAM(handle);
	p[1] = DB_INT(staff_id);
	p[2] = DB_STR(sealed);
	p[3] = DB_INT(FORM_STASH_MINUTES);
	if ((e = db_exec(r->db, r->a, DB_FORM_STASH, SQL_FS_INSERT, p, 4,
	         NULL)) != APP_OK)
		goto out;
	sodium_bin2hex(hex, sizeof(hex), secret, sizeof(secret));
	e = session_set_cookie(r, FORM_STASH_COOKIE,
	    (struct str){ hex, sizeof(hex) - 1 }, FORM_STASH_MINUTES * 60L);
	sodium_memzero(hex, sizeof(hex));
out:
	sodium_memzero(secret, sizeof(secret));
	return e;
}

/* 1 when s is 64 lower-case hex digits (our tokens). */
static int
fs_hex64(const struct str *s)
{
	unsigned char tmp[32];

	return s != NULL && form_stash_secret_parse(*s, tmp);
}

static enum app_err
fs_owner_query(
    struct req *r, enum sql_form_stash q, struct str key, long long *staff_id)
{
	struct db_param p[2] = { DB_STR(key), DB_STR(key) };
	struct form_stash_owner owner;
	int found;
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_FORM_STASH, q, p, 2, &owner,
	         &found)) != APP_OK)
		return e;
	if (found)
		*staff_id = owner.staff_id;
	return APP_OK;
}

enum app_err
form_stash_owner(struct req *r, long long *staff_id)
{
	const struct str *csrf = kv_get(&r->form, "csrf");
	const struct str *tok = kv_get(&r->cookies, SESSION_COOKIE);
	unsigned char hash[32];
	enum app_err e;

	*staff_id = 0;
	/* The form's own token names the session it was shown in. */
	if (fs_hex64(csrf) &&
	    (e = fs_owner_query(r, SQL_FS_OWNER_BY_CSRF, *csrf, staff_id)) !=
	        APP_OK)
		return e;
	/* The cookie names it too, unless it is already a newer, live one. */
	if (*staff_id == 0 && r->user == NULL && fs_hex64(tok)) {
		session_token_hash(*tok, hash);
		return fs_owner_query(r, SQL_FS_OWNER_BY_TOKEN,
		    (struct str){ (const char *)hash, sizeof(hash) }, staff_id);
	}
	return APP_OK;
}

enum app_err
form_stash_find(struct req *r,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], struct form_stash *out,
    int *found)
{
	unsigned char handle[FORM_STASH_HANDLE_BYTES];
	struct db_param p[1];

	form_stash_handle(secret, handle);
	p[0] = FS_HANDLE_PARAM(handle);
	return db_load_one(
	    r->db, r->a, DB_FORM_STASH, SQL_FS_GET, p, 1, out, found);
}

enum app_err
form_stash_claim(struct req *r,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], long long staff_id,
    int *claimed)
{
	unsigned char handle[FORM_STASH_HANDLE_BYTES];
	struct db_param p[2];
	enum app_err e;

	*claimed = 0;
	form_stash_handle(secret, handle);
	p[0] = FS_HANDLE_PARAM(handle);
	p[1] = DB_INT(staff_id);
	/* One UPDATE decides: of two requests at once, one changes the
	 * row and the other finds it claimed. */
	if ((e = db_exec(r->db, r->a, DB_FORM_STASH, SQL_FS_CLAIM, p, 2,
	         NULL)) != APP_OK)
		return e;
	*claimed = db_affected_rows(r->db) == 1;
	return APP_OK;
}

enum app_err
form_stash_release(struct req *r,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], long long staff_id)
{
	unsigned char handle[FORM_STASH_HANDLE_BYTES];
	struct db_param p[2];

	form_stash_handle(secret, handle);
	p[0] = FS_HANDLE_PARAM(handle);
	p[1] = DB_INT(staff_id);
	return db_exec(r->db, r->a, DB_FORM_STASH, SQL_FS_RELEASE, p, 2, NULL);
}

enum app_err
form_stash_drop(struct req *r,
    const unsigned char secret[FORM_STASH_SECRET_BYTES], long long staff_id)
{
	unsigned char handle[FORM_STASH_HANDLE_BYTES];
	struct db_param p[2];
	enum app_err e;

	form_stash_handle(secret, handle);
	p[0] = FS_HANDLE_PARAM(handle);
	p[1] = DB_INT(staff_id);
	if ((e = db_exec(r->db, r->a, DB_FORM_STASH,
	         staff_id > 0 ? SQL_FS_DELETE_OWN : SQL_FS_DELETE_HANDLE, p,
	         staff_id > 0 ? 2 : 1, NULL)) != APP_OK)
		return e;
	return session_set_cookie(r, FORM_STASH_COOKIE, STR_LIT(""), 0);
}
