/* signature.c: the signature path grammar; see include/signature.h. */
#include "signature.h"

/* Skip one or more spaces; 0 when there is none. */
static int
sig_spaces(struct str d, size_t *i)
{
	size_t start = *i;

	while (*i < d.len && d.p[*i] == ' ')
		(*i)++;
	return *i > start;
}

/* A number: digits [ "." 1..2 digits ], at most SIGNATURE_MAX_COORD. */
static int
sig_number(struct str d, size_t *i)
{
	unsigned long v = 0;
	size_t ndig = 0, nfrac = 0;

	while (*i < d.len && d.p[*i] >= '0' && d.p[*i] <= '9') {
		v = v * 10 + (unsigned long)(d.p[*i] - '0');
		if (v > SIGNATURE_MAX_COORD || ++ndig > 4)
			return 0;
		(*i)++;
	}
	if (ndig == 0)
		return 0;
	if (*i < d.len && d.p[*i] == '.') {
		(*i)++;
		while (*i < d.len && d.p[*i] >= '0' && d.p[*i] <= '9') {
			if (++nfrac > 2)
				return 0;
			(*i)++;
		}
		if (nfrac == 0)
			return 0;
		if (v == SIGNATURE_MAX_COORD)
			return 0; /* 2000.5 is over the bound */
	}
	return 1;
}

/* sp num sp num after a command letter. */
static int
sig_point(struct str d, size_t *i)
{
	return sig_spaces(d, i) && sig_number(d, i) && sig_spaces(d, i) &&
	    sig_number(d, i);
}

int
signature_path_valid(struct str d, size_t *points)
{
	size_t i = 0, n = 0;

	if (points != NULL)
		*points = 0;
	if (d.p == NULL || d.len == 0 || d.len > SIGNATURE_MAX_BYTES)
		return 0;
	while (i < d.len) {
		char c = d.p[i];

		if (n == 0 && c != 'M')
			return 0; /* a path starts with a move */
		if (c != 'M' && c != 'L')
			return 0;
		i++;
		if (!sig_point(d, &i))
			return 0;
		n++;
		if (i == d.len)
			break;
		if (!sig_spaces(d, &i) || i == d.len)
			return 0; /* commands are separated, no trailing space */
	}
	if (n < SIGNATURE_MIN_POINTS)
		return 0;
	if (points != NULL)
		*points = n;
	return 1;
}

/* The next word of s from *i (blanks skipped), or an empty str at the
 * end. A blank is a space, tab, CR or LF, or U+00A0. */
static struct str
sig_word(struct str s, size_t *i)
{
	size_t start;

	for (;;) {
		if (*i < s.len &&
		    (s.p[*i] == ' ' || s.p[*i] == '\t' || s.p[*i] == '\r' ||
		        s.p[*i] == '\n'))
			(*i)++;
		else if (*i + 1 < s.len && (unsigned char)s.p[*i] == 0xc2 &&
		    (unsigned char)s.p[*i + 1] == 0xa0)
			*i += 2;
		else
			break;
	}
	start = *i;
	while (*i < s.len && s.p[*i] != ' ' && s.p[*i] != '\t' &&
	    s.p[*i] != '\r' && s.p[*i] != '\n' &&
	    !(*i + 1 < s.len && (unsigned char)s.p[*i] == 0xc2 &&
	        (unsigned char)s.p[*i + 1] == 0xa0))
		(*i)++;
	return (struct str){ s.p + start, *i - start };
}

int
signature_typed_matches(struct str name, struct str typed)
{
	size_t i = 0, j = 0;
	int words = 0;

	if (name.p == NULL || typed.p == NULL)
		return 0;
	for (;;) {
		struct str a = sig_word(name, &i), b = sig_word(typed, &j);
		if (a.len == 0 || b.len == 0)
			return a.len == 0 && b.len == 0 && words > 0;
		if (!str_eq_ascii_nocase(a, b))
			return 0;
		words++;
	}
}
