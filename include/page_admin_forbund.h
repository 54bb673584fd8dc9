/*
 * page_admin_forbund.h: the förbund's own details, for its admin
 * (ROLE_ADMIN): organisationsnummer, SUS code, member municipalities and
 * description (include/forbund.h has the rules).
 *
 * The page is always the request's förbund (":forbund"): no id in the
 * URL, and a posted id of any kind is not read, so no admin sees or
 * changes another förbund's details. The name, short name, host name and
 * whether it is active are shown, not edited: the installation's operator
 * changes them (`stegvis forbund-set`), since they change how the
 * installation names and routes the förbund.
 *
 * As every admin edit form (page_admin.h): a hidden version, saved through
 * edit.h's versioned edit with an access-log row (action admin, type
 * forbund); bad input is a 400 with the messages at the fields, someone
 * else's save meanwhile a 409, both with what was typed kept.
 */
#ifndef PAGE_ADMIN_FORBUND_H
#define PAGE_ADMIN_FORBUND_H

#include <stddef.h>

#include "app.h"
#include "form.h"

struct req;

enum app_err page_admin_forbund(struct req *);      /* GET /admin/forbund */
enum app_err page_admin_forbund_save(struct req *); /* POST /admin/forbund */

/* Its form for form_registry.c (a static array; *n is the length). */
const struct form_def *page_admin_forbund_forms(size_t *n);

#endif /* !PAGE_ADMIN_FORBUND_H */
