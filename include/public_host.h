/*
 * public_host.h: the host name of a request, as the förbund's public page
 * is looked up by it (forbund.public_host, sql/0071).
 *
 * From the Host header's value: the port dropped, lower case. Only a name
 * of letters, digits, '.' and '-' (no leading or trailing '.' or '-') of
 * at most PUBLIC_HOST_MAX bytes is a host name here; an IP literal in
 * brackets, an empty or odd value is none, and the page falls back to the
 * installation's one förbund (include/insats_public.h).
 *
 * Pure: no I/O.
 */
#ifndef PUBLIC_HOST_H
#define PUBLIC_HOST_H

#include <stddef.h>

#include "str.h"

#define PUBLIC_HOST_MAX 253

/* The host name of header (NULL: none) into out (room for
 * PUBLIC_HOST_MAX + 1 bytes), NUL-terminated. 1 when it is one, else 0
 * with out "". */
int public_host_of(const char *header, char out[PUBLIC_HOST_MAX + 1]);

/*
 * base_url ("scheme://host[:port][/path]", conf base_url) with its host
 * replaced by host (a förbund's public_host): the same installation under
 * the förbund's own name, scheme, port and path kept. Into out (outlen
 * bytes, NUL-terminated). 1 on success; 0 with out "" when base_url has no
 * "://" or no host, host is empty, or out is too small (strlen(base_url) +
 * host.len + 1 is always enough).
 */
int public_host_url(
    const char *base_url, struct str host, char *out, size_t outlen);

#endif /* !PUBLIC_HOST_H */
