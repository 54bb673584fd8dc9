/*
 * hash_piece.h: one value into a BLAKE2b (libsodium generichash) state,
 * its length first, so that the values "ab","c" hash apart from "a","bc".
 * Used for the SUS registration hashes (sus_xml.c) and the create forms'
 * submission digests (once.c).
 */
#ifndef HASH_PIECE_H
#define HASH_PIECE_H

#include <sodium.h>

#include "str.h"

/* Feed s to st: 8 bytes of its length (little-endian), then its bytes. */
void hash_piece(crypto_generichash_state *st, struct str s);

#endif /* !HASH_PIECE_H */
