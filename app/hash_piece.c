/* hash_piece.c: length-prefixed values into a hash; see
 * include/hash_piece.h. */
#include "hash_piece.h"

void
hash_piece(crypto_generichash_state *st, struct str s)
{
	unsigned char len[8];
	unsigned long long n = s.len;

	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(n >> (8 * i));
	crypto_generichash_update(st, len, sizeof(len));
	if (s.len > 0)
		crypto_generichash_update(
		    st, (const unsigned char *)s.p, s.len);
}
