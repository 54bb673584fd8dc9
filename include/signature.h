/*
 * signature.h: the drawn signature of a consent, as SVG path data.
 *
 * The tablet page draws on a canvas (views/static/surfplatta.js) and posts
 * the strokes as path data: "M x y L x y L x y M x y ...". The server
 * stores it only if it is exactly that grammar, so it is safe to put back
 * into a <path d="..."> attribute and cannot carry anything else:
 *   path    = stroke { " " stroke }
 *   stroke  = "M" sp num sp num { sp "L" sp num sp num }
 *   num     = digits [ "." digits ]   (0 .. SIGNATURE_MAX_COORD, at most
 *             2 decimals)
 *   sp      = one or more spaces
 * Pure function, no I/O: fuzzed by tests/fuzz/fuzz_signature.c.
 *
 * The keyboard's way to sign (issue 16, item 5): the participant types
 * their full name once more as the signature and confirms it; nothing is
 * drawn, and the consent records that it was signed by typed name
 * (consent.signed_with 'namn').
 */
#ifndef SIGNATURE_H
#define SIGNATURE_H

#include <stddef.h>

#include "str.h"

#define SIGNATURE_MAX_BYTES  60000u /* below MAX_FIELD_LEN */
#define SIGNATURE_MAX_COORD  2000u  /* the canvas viewBox is 600 x 200 */
#define SIGNATURE_MIN_POINTS 5u     /* a tap is not a signature */

/* 1 when d is valid path data of at least SIGNATURE_MIN_POINTS points and
 * at most SIGNATURE_MAX_BYTES bytes; *points (may be NULL) gets the number
 * of points. 0 otherwise. */
int signature_path_valid(struct str d, size_t *points);

/* 1 when typed is a signature by name: not blank, and the same name as
 * name (the "Ditt namn" field) but for blanks around and between words
 * and the case of ASCII letters. 0 otherwise. */
int signature_typed_matches(struct str name, struct str typed);

#endif /* !SIGNATURE_H */
