/* once.c: idempotency keys of the create forms; see include/once.h. */
#include "once.h"

#include <string.h>

#include <sodium.h>

#include "db.h"
#include "hash_piece.h"
#include "req.h"
#include "session.h"
#include "sql_once.h"

struct str
once_key_new(struct req *r)
{
	return edit_key_new(r);
}

enum once_key_kind
once_key_kind(struct str key)
{
	if (key.p == NULL || key.len == 0)
		return ONCE_KEY_NONE;
	return edit_key_ok(key) ? ONCE_KEY_OK : ONCE_KEY_BAD;
}

int
once_location_ok(struct str loc)
{
	if (loc.p == NULL || loc.len == 0 || loc.len > ONCE_LOCATION_MAX ||
	    loc.p[0] != '/')
		return 0;
	/* "//host" and "/\host" lead a browser to another site. */
	if (loc.len > 1 && (loc.p[1] == '/' || loc.p[1] == '\\'))
		return 0;
	for (size_t i = 0; i < loc.len; i++)
		if (loc.p[i] < 0x21 || loc.p[i] > 0x7e || loc.p[i] == '\\')
			return 0;
	return 1;
}

/* Lower-case hex of a BLAKE2b state's 16-byte digest into out. */
static void
once_hex_final(crypto_generichash_state *h, char out[ONCE_DIGEST_LEN + 1])
{
	unsigned char d[ONCE_DIGEST_LEN / 2];

	crypto_generichash_final(h, d, sizeof(d));
	sodium_bin2hex(out, ONCE_DIGEST_LEN + 1, d, sizeof(d));
}

void
once_digest_of(
    struct str path, const struct kv_list *form, char out[ONCE_DIGEST_LEN + 1])
{
	crypto_generichash_state h;

	crypto_generichash_init(&h, NULL, 0, ONCE_DIGEST_LEN / 2);
	hash_piece(&h, path);
	for (size_t i = 0; form != NULL && i < form->n; i++) {
		const struct kv *kv = &form->v[i];

		/* The token changes with the session, the key is the key. */
		if (str_eq_cstr(kv->key, "csrf") ||
		    str_eq_cstr(kv->key, ONCE_FIELD))
			continue;
		hash_piece(&h, kv->key);
		hash_piece(&h, kv->val);
	}
	once_hex_final(&h, out);
}

void
once_key_derived(struct str key, struct str digest, char out[ONCE_KEY_LEN + 1])
{
	crypto_generichash_state h;

	crypto_generichash_init(&h, NULL, 0, ONCE_KEY_LEN / 2);
	hash_piece(&h, key);
	hash_piece(&h, digest);
	once_hex_final(&h, out);
}

/* Claim (staff, key) for digest: *taken 0 when claimed now, else 1 with
 * the row that holds it. */
static enum app_err
once_claim_row(struct req *r, struct str key, struct str digest, int *taken,
    struct once_row *row)
{
	struct db_param p[3];
	enum app_err e;
	int found;

	p[0] = DB_INT(r->user->id);
	p[1] = DB_STR(key);
	p[2] = DB_STR(digest);
	/* The insert waits while another POST with this key holds the row,
	 * and is a duplicate once that POST has committed. */
	e = db_exec(r->db, r->a, DB_ONCE, SQL_ONCE_CLAIM, p, 3, NULL);
	*taken = e == APP_EDUP;
	if (e != APP_EDUP)
		return e;
	return db_load_one(
	    r->db, r->a, DB_ONCE, SQL_ONCE_FIND, p, 2, row, &found);
}

enum app_err
once_claim(
    struct req *r, struct str key, enum once_claim *claim, struct str *location)
{
	char digest[ONCE_DIGEST_LEN + 1], derived[ONCE_KEY_LEN + 1];
	struct str d;
	struct once_row row;
	enum app_err e;
	int taken;

	*location = STR_LIT("");
	switch (once_key_kind(key)) {
	case ONCE_KEY_NONE: *claim = ONCE_WITHOUT; return APP_OK;
	case ONCE_KEY_BAD: return APP_EINPUT;
	case ONCE_KEY_OK: break;
	}
	if (r->user == NULL)
		return APP_EFORBIDDEN;
	once_digest_of(r->path, &r->form, digest);
	d = (struct str){ digest, ONCE_DIGEST_LEN };
	if ((e = once_claim_row(r, key, d, &taken, &row)) != APP_OK)
		return e;
	if (taken && !str_eq(row.digest, d)) {
		/* The key came back with other content (the Back button,
		 * the form filled in again): a new submission, claimed
		 * under a key of its own so that its retries are answered
		 * as it is. */
		once_key_derived(key, d, derived);
		if ((e = once_claim_row(r,
		         (struct str){ derived, ONCE_KEY_LEN }, d, &taken,
		         &row)) != APP_OK)
			return e;
	}
	*claim = taken ? ONCE_REPEAT : ONCE_NEW;
	if (taken && once_location_ok(row.location))
		*location = row.location;
	return APP_OK;
}

enum app_err
once_done(struct req *r, struct str key, struct str location)
{
	char digest[ONCE_DIGEST_LEN + 1], derived[ONCE_KEY_LEN + 1];
	struct str d;
	struct db_param p[5];

	if (once_key_kind(key) != ONCE_KEY_OK)
		return APP_OK;
	if (!once_location_ok(location))
		return APP_EINPUT;
	if (r->user == NULL)
		return APP_EFORBIDDEN;
	once_digest_of(r->path, &r->form, digest);
	d = (struct str){ digest, ONCE_DIGEST_LEN };
	once_key_derived(key, d, derived);
	p[0] = DB_STR(location);
	p[1] = DB_INT(r->user->id);
	p[2] = DB_STR(key);
	p[3] = DB_STR(((struct str){ derived, ONCE_KEY_LEN }));
	p[4] = DB_STR(d);
	return db_exec(r->db, r->a, DB_ONCE, SQL_ONCE_DONE, p, 5, NULL);
}
