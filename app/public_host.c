/* public_host.c: a request's host name; see include/public_host.h. */
#include <string.h>

#include "public_host.h"

static int
public_host_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
	    c == '-';
}

int
public_host_of(const char *header, char out[PUBLIC_HOST_MAX + 1])
{
	size_t n = 0;
	const char *p;

	out[0] = '\0';
	if (header == NULL)
		return 0;
	for (p = header; *p != '\0' && *p != ':'; p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;

		if (!public_host_char(c) || n == PUBLIC_HOST_MAX) {
			out[0] = '\0';
			return 0;
		}
		out[n++] = c;
	}
	/* After the name only a port: digits, 1 to 5 of them. */
	if (*p == ':') {
		size_t digits = strspn(p + 1, "0123456789");

		if (digits == 0 || digits > 5 || p[1 + digits] != '\0')
			n = 0;
	}
	if (n == 0 || strchr(".-", out[0]) != NULL ||
	    strchr(".-", out[n - 1]) != NULL) {
		out[0] = '\0';
		return 0;
	}
	out[n] = '\0';
	return 1;
}

int
public_host_url(const char *base_url, struct str host, char *out, size_t outlen)
{
	const char *auth, *end, *bracket, *port;
	size_t scheme, rest;

	if (outlen > 0)
		out[0] = '\0';
	if (base_url == NULL || host.len == 0 ||
	    (auth = strstr(base_url, "://")) == NULL)
		return 0;
	auth += 3;
	end = auth + strcspn(auth, "/?#");
	/* The port follows the host: after an IPv6 literal's ']', if any. */
	bracket = memchr(auth, ']', (size_t)(end - auth));
	port = memchr(bracket != NULL ? bracket : auth, ':',
	    (size_t)(end - (bracket != NULL ? bracket : auth)));
	if (port == NULL)
		port = end;
	if (port == auth)
		return 0;
	scheme = (size_t)(auth - base_url);
	rest = strlen(port);
	if (scheme + host.len + rest + 1 > outlen)
		return 0;
	memcpy(out, base_url, scheme);
	memcpy(out + scheme, host.p, host.len);
	memcpy(out + scheme + host.len, port, rest + 1);
	return 1;
}
