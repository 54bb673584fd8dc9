/*
 * multipart.h: parse a multipart/form-data body (RFC 7578), the encoding of
 * a form with a file upload (<form enctype="multipart/form-data">).
 *
 * Pure functions over (struct arena *, struct str): no I/O, no globals, so
 * the parser has a fuzz target (tests/fuzz/fuzz_multipart.c). Our own small
 * parser rather than a library: Debian packages no C library for
 * form-data (GMime is a mail MIME library on GLib, far more code than the
 * small subset browsers send), and a parser of our own keeps the arena and
 * the limits of app_limits.h.
 *
 * What is accepted (anything else is APP_EINPUT, a 400):
 *  - the boundary from the Content-Type parameter boundary=, a token or a
 *    quoted string of 1 to 70 of RFC 2046's bchars, not ending in a space;
 *  - the body starts with "--" boundary (no preamble), every delimiter is
 *    followed by optional spaces or tabs and CRLF, the last one by "--"
 *    (whatever follows that, the epilogue, is ignored). A body without the
 *    closing delimiter is refused: it may have been cut short;
 *  - each part's header block is CRLF-ended lines "Name: value", at most
 *    MP_MAX_HEADER bytes, no NUL or control characters other than HTAB, no
 *    folded lines; it ends with an empty line. Content-Disposition must be
 *    form-data with a non-empty name; filename marks a file. The part's
 *    Content-Type is kept; a nested multipart one (RFC 7578 4.3) is refused.
 *    Other headers are ignored. Parameter values are tokens or quoted
 *    strings; as browsers send them (HTML's encoding algorithm), a quoted
 *    string ends at the next '"' and a backslash is an ordinary character;
 *  - at most MP_MAX_PARTS parts.
 *
 * Parts without a filename are form fields and are checked as
 * form_parse_urlenc() checks its pairs: name and value valid UTF-8 without
 * NUL, the name at most MAX_FIELD_NAME bytes, the value at most
 * MAX_FIELD_LEN bytes (else APP_ETOOBIG). So req->form looks the same
 * whichever encoding the browser chose, and the CSRF check and
 * form_validate() work unchanged. Parts with a filename (even an empty one:
 * a file input with no file chosen) are files: their bytes are anything,
 * limited only by the body (MAX_BODY), and their handler checks them.
 */
#ifndef MULTIPART_H
#define MULTIPART_H

#include <stddef.h>

#include "app.h"
#include "form.h"
#include "str.h"

struct arena;

#define MP_MAX_BOUNDARY 70u   /* bytes in a boundary (RFC 2046) */
#define MP_MAX_PARTS    64u   /* parts in one body */
#define MP_MAX_HEADER   4096u /* bytes in one part's header block */

struct mp_file {
	struct str name;     /* the field's name: UTF-8, no NUL; arena */
	struct str filename; /* as sent, "" for none; UTF-8, no NUL; arena */
	struct str type; /* the part's Content-Type, "" when absent; arena */
	struct str data; /* the bytes; borrowed from the body */
};

struct mp_files {
	struct mp_file *v; /* arena; NULL when n == 0 */
	size_t n;          /* in body order */
};

/*
 * Whether a CONTENT_TYPE is multipart/form-data (the media type compared
 * without case, parameters ignored). Pure.
 */
int multipart_is(struct str content_type);

/*
 * The boundary parameter of a multipart/form-data CONTENT_TYPE in *out
 * (borrowed from content_type; quotes removed). APP_EINPUT when the media
 * type is another, or the boundary is missing, repeated, empty, longer
 * than MP_MAX_BOUNDARY or holds a character outside bchars.
 */
enum app_err multipart_boundary(struct str content_type, struct str *out);

/*
 * Parse "body" sent with "content_type" into its form fields ("fields", in
 * body order, duplicates kept, as form_parse_urlenc() gives them: keys and
 * values in the arena and NUL-terminated) and its files ("files").
 * Returns APP_OK; APP_EINPUT for a bad boundary or a malformed body (see
 * above); APP_ETOOBIG when the body is longer than MAX_BODY or a field's
 * name or value is over its limit; APP_ENOMEM when the arena is full. On
 * error both lists are empty. Nothing is read beyond body.len.
 */
enum app_err multipart_parse(struct arena *, struct str content_type,
    struct str body, struct kv_list *fields, struct mp_files *files);

/* The first file part named "name" (a trusted C string), or NULL.
 * Borrowed. */
const struct mp_file *mp_file_get(const struct mp_files *, const char *name);

#endif /* !MULTIPART_H */
