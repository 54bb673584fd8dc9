/*
 * app_limits.h: every hard limit in one place.
 *
 * Checked before parsing anything. MAX_BODY must match client_max_body_size
 * in conf/nginx.conf.in so nginx rejects a large body before it reaches us;
 * the application checks again and never trusts CONTENT_LENGTH beyond it.
 */
#ifndef APP_LIMITS_H
#define APP_LIMITS_H

#define MAX_BODY          (1024u * 1024u) /* bytes; nginx client_max_body_size 1m */
#define MAX_FIELDS        512u /* fields in one query string or body */
#define MAX_FIELD_NAME    128u /* bytes in one decoded field name */
/* bytes in one decoded field value: four per character of the largest text
 * limit and more, so that limit + 1 characters of any script reach the
 * field's own Swedish message instead of a 413 (`stegvis text-fields`
 * checks every form against it) */
#define MAX_FIELD_LEN     (256u * 1024u)
#define MAX_COOKIE_HEADER 8192u /* bytes in the Cookie header */
#define MAX_COOKIES       64u   /* cookies in one header */
#define MAX_URI           4096u /* bytes in the decoded path */
#define MAX_QUERY                                                              \
	(40u *                                                                 \
	    1024u) /* bytes in QUERY_STRING; nginx large_client_header_buffers 48k */
#define MAX_ROUTE_PARAMS         4u /* :params in one route pattern */
/* Per-request memory cap. The förbund-wide report with ~15 insatser that
 * pass participants between them used ~8 MB (the path's joint
 * suppression model, then its 300 KB page); pages beyond a worker's
 * WORKER_ARENA_KEEP are given back after the request (worker.c), so the
 * cap costs address space, not resident memory. */
#define REQ_ARENA_SIZE           (16u * 1024u * 1024u)
#define MAX_TEMPLATE_SIZE        (256u * 1024u) /* bytes in one view file */
#define MAX_TEMPLATE_DEPTH       16u            /* nested sections/partials */
#define MAX_CONF_LINE            1024u          /* bytes in one conf line */
#define CONF_MAX_FILE            (256u * 1024u) /* bytes in the conf file */
#define VIEW_NAME_MAX            64u  /* bytes in a template tag or file name */
#define AUTH_PASSWORD_MIN        12u  /* characters in a new password */
#define AUTH_PASSWORD_MAX        128u /* bytes in any typed password */
#define AUTH_LOCK_AFTER          5u /* failed logins in a row lock an account */
#define AUTH_LOCK_MINUTES        15u /* for this long */
#define AUTH_ADDR_MAX_FAILURES   20u /* failed logins from one address ... */
#define AUTH_ADDR_WINDOW_MINUTES 15u /* ... within this window: refused */

#define SUS_PAGE_ROWS 2000u /* participations read per SUS export query */
#define SUS_PART_BYTES                                                         \
	(512u * 1024u) /* bytes per stored chunk of a SUS document */
#define SUS_DOC_KEEP_DAYS       90u  /* acknowledged SUS documents kept, days */
#define SUS_RATE_MAX            60u  /* SUS endpoint requests per account ... */
#define SUS_RATE_WINDOW_SECONDS 600u /* ... within this window, else 429 */
/* Questionnaires (app/page_quest.c) */
#define QUEST_IDLE_SECONDS      300u         /* a tablet idle this long locks */
#define QUEST_LINK_IDLE_SECONDS (4u * 3600u) /* ... a personal link */
#define QUEST_CODE_MINUTES      (7u * 24u * 60u)  /* a tablet code is valid */
#define QUEST_LINK_MINUTES      (30u * 24u * 60u) /* a personal link is valid */
#define QUEST_FAIL_MAX          30u /* wrong codes from one address ... */
#define QUEST_FAIL_WINDOW_MIN   15u /* ... within this window: refused */
#define QUEST_FAIL_ALL_PER_MIN                                                 \
	300u                     /* wrong codes from anywhere in a minute:
                                      * every code refused (a warning logged) */
#define QUEST_LINKS_MAX     200u /* personal links made at once */
/* The consent tablet's session (app/session.c, include/tablet.h) */
#define TABLET_IDLE_SECONDS 300u /* idle this long: the tablet locks */
#define TABLET_MAX_SECONDS                                                     \
	3600u /* and at the latest this long after handover */

#endif /* !APP_LIMITS_H */
