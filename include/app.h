/*
 * app.h: the error type every module returns, and its mapping to HTTP.
 *
 * Modules never print and never exit(); they return an enum app_err and the
 * router logs the failure once and renders the matching Swedish error page.
 */
#ifndef APP_H
#define APP_H

enum app_err {
	APP_OK = 0,
	APP_ENOMEM,     /* request arena exhausted                  -> 500 */
	APP_EINPUT,     /* malformed request or field               -> 400 */
	APP_ETOOBIG,    /* body or field over a hard limit           -> 413 */
	APP_EFORBIDDEN, /* role, session or CSRF check failed        -> 403 */
	APP_ENOTFOUND,  /* no such route or record                   -> 404 */
	APP_EMETHOD,    /* route exists, method does not             -> 405 */
	APP_EDUP,       /* unique constraint hit (a user error)      -> 400 */
	APP_EDB,        /* database error other than unavailability  -> 500 */
	APP_EUNAVAIL,   /* database down or unreachable              -> 503 */
	APP_EIO,        /* I/O on the FastCGI stream or a file       -> 500 */
	APP_ERR__MAX
};

/* Short, stable English name for logs ("ENOMEM"). Never NULL. Borrowed. */
const char *app_strerror(enum app_err);

/* The HTTP status a failure maps to (500 for APP_OK misuse). */
int app_err_status(enum app_err);

#endif /* !APP_H */
