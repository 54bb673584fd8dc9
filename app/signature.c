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
