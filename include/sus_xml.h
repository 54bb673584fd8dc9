/*
 * sus_xml.h: the SUS export document (conf/sus-export-N.xsd, N the schema
 * version: 2 by default, 1 for a job that asks for it), written as a
 * stream with libxml2's xmlTextWriter straight to a file descriptor, so the
 * memory used does not grow with the document: each call writes one
 * element and forgets it.
 *
 * Call order (each step closes the section before it):
 *
 *	sus_xml_open()
 *	sus_xml_begin()                        root and samverkansorganisation
 *	sus_xml_insats() ...                   every insats
 *	sus_xml_registration() / sus_xml_removal() / sus_xml_kept() ...
 *	                                       in participation order
 *	sus_xml_count() ...                    anonymous groups
 *	sus_xml_finish()                       summary, close, flush
 *	sus_xml_free()
 *
 * A step out of order returns APP_EINPUT. Every string is borrowed for the
 * call only; text is written escaped, and characters XML 1.0 cannot carry
 * (control characters other than tab and line breaks, U+FFFE and U+FFFF)
 * become spaces, so a
 * stray byte in a description can never make the document ill-formed.
 * Never the writer's raw-output call: make lint bans it.
 */
#ifndef SUS_XML_H
#define SUS_XML_H

#include <stddef.h>

#include "app.h"
#include "str.h"

#define SUS_HASH_BYTES 16

/* The schema versions: conf/sus-export-1.xsd and -2.xsd. */
#define SUS_SCHEMA_MIN     1
#define SUS_SCHEMA_MAX     2
#define SUS_SCHEMA_DEFAULT 2

/* The namespace of version v ("urn:stegvis:sus-export:2") and its
 * @version ("2.0"); "" for no such version. Static. */
const char *sus_xml_ns(int v);
const char *sus_xml_version(int v);

/* The XSD of version v beside the one at default_path (the conf's
 * sus_schema, the default version's): the same directory, file
 * sus-export-V.xsd. Into out; 0 when it does not fit. */
int sus_schema_path(const char *default_path, int v, char *out, size_t n);

struct sus_xml; /* heap; sus_xml_free() */

struct sus_header {
	long long batch_no;
	long long base_no;  /* 0: a full replacement (attribute fullstandig) */
	struct str created; /* xs:dateTime, e.g. 2024-05-01T10:00:00Z */
	long long forbund_id;
	struct str forbund_name;
	struct str forbund_sus_code; /* "" when not registered in SUS */
	struct str forbund_orgnr;    /* "" when not known */
};

struct sus_budget {
	int year;
	long long planned;
	long long budget_sek; /* < 0: not known */
};

struct sus_insats {
	long long id;
	struct str sus_code; /* "" when not registered in SUS */
	struct str name, description;
	struct str period_start, period_end; /* end "" while open-ended */
	struct str direction;                /* individ | struktur */
	struct str measurement;              /* personuppgifter | antal */
	struct str target_groups;            /* one group per line */
	const struct sus_budget *budgets;
	size_t nbudgets;
};

struct sus_answer {
	struct str question; /* the question's code */
	struct str answer;
};

/* One participation's registration, values as exported (SUS codes).
 * Version 1 writes the kommun's name (municipality); version 2 its SCB
 * code (municipality_code), the SUS consent's date and the extents. */
struct sus_reg {
	long long participation_id, insats_id;
	struct str start_date, personnummer, gender, birth_year, municipality;
	struct str
	    municipality_code;   /* "1488"; "" when the name maps to none */
	struct str consent_date; /* ÅÅÅÅ-MM-DD */
	struct str education;
	/* SUS codes, comma-separated, sorted; each may carry its extent in
	 * percent after a colon ("F01:50,F09"): version 1 ignores it. A code
	 * twice (two of our codes map to one) is written once, with the sum
	 * of the extents when every one is known. */
	struct str income_before;
	struct str occupation_before, support_time;
	struct str occupation_before_pct; /* "0".."100", "" not recorded */
	const struct sus_answer *answers;
	size_t nanswers;
	int has_end; /* 1: the utregistrering follows */
	struct str end_date, end_reason, income_after, occupation_after;
	struct str occupation_after_pct;
};

enum sus_event { SUS_EVENT_NEW, SUS_EVENT_END, SUS_EVENT_CORRECTION };
enum sus_removal { SUS_REMOVAL_ANONYMISED, SUS_REMOVAL_FELREG };

struct sus_count {
	long long insats_id;
	int year;
	struct str gender;
	long long started, ended;
	/* Of started and ended: registrations held back, counted here until
	 * they are complete (version 2 writes them; version 1 never counts
	 * them). */
	long long held_started, held_ended;
};

struct sus_summary {
	long long n_new, n_changed, n_removed, n_groups;
	/* Version 2 only: */
	long long n_anonymised, n_felreg; /* n_removed split by reason */
	long long n_kept;                 /* kvarhallen elements */
	long long n_held_regs; /* registrations held back now (all) */
	long long n_held_ends; /* registrations sent without their end */
};

/* A writer of schema version v on fd (borrowed: not closed by
 * sus_xml_free()). NULL when out of memory or v is no version. The first
 * write error is sticky: every later call returns APP_EIO. */
struct sus_xml *sus_xml_open(int fd, int v);

enum app_err sus_xml_begin(struct sus_xml *, const struct sus_header *);
enum app_err sus_xml_insats(struct sus_xml *, const struct sus_insats *);
enum app_err sus_xml_registration(
    struct sus_xml *, const struct sus_reg *, enum sus_event);
enum app_err sus_xml_removal(struct sus_xml *, long long participation_id,
    long long insats_id, enum sus_removal);
/* Version 2: <kvarhallen>: the registration the receiver holds for this
 * participation is incomplete now: keep it as last sent. APP_EINPUT in
 * version 1, which has no such element. */
enum app_err sus_xml_kept(
    struct sus_xml *, long long participation_id, long long insats_id);
enum app_err sus_xml_count(struct sus_xml *, const struct sus_count *);

/* Close every open element and flush to the fd (no fsync). */
enum app_err sus_xml_finish(struct sus_xml *, const struct sus_summary *);

void sus_xml_free(struct sus_xml *);

/* BLAKE2b-128 over every value of the registration as version v would
 * write it (the event aside): equal hashes, equal registration elements. */
void sus_reg_hash(
    const struct sus_reg *, int v, unsigned char out[SUS_HASH_BYTES]);

/* 1 when the registration holds everything version v needs to be sent
 * (its inregistrering; the utregistrering is has_end's matter), by
 * sus_complete_check() (include/sus_complete.h), the one rule. */
int sus_reg_complete(const struct sus_reg *, int v);

/* Validate the document at doc_path against the XSD at xsd_path with a
 * streaming (SAX) validator: constant memory. APP_OK when valid;
 * APP_EINPUT with where the first problem is in err when not ("line N,
 * element E[, attribute A][, deltagande ID] (libxml2 error C)": never the
 * offending value, which may be a personnummer);
 * APP_EIO when the schema cannot be loaded. */
enum app_err sus_xml_validate(
    const char *xsd_path, const char *doc_path, char *err, size_t errlen);

/* The same validation, run once over the bytes as they are written rather
 * than over the file afterwards: from this call (before sus_xml_begin())
 * every block the writer hands its fd also goes through a pipe to a
 * thread of the writer's, whose parser validates it as it comes (what
 * sus_xml_validate() runs, reading the pipe instead of the file). So the
 * check overlaps the export's reads, and nothing is read twice. APP_EIO
 * (err says why) when the schema cannot be loaded or the thread not
 * started; APP_EINPUT when called twice or late. */
enum app_err sus_xml_check_start(
    struct sus_xml *, const char *xsd_path, char *err, size_t errlen);

/* What went through the pipe: every byte of the document, in order. */
struct sus_xml_digest {
	unsigned char sha256[32];
	unsigned long long bytes;
};

/* After sus_xml_finish(): wait for the thread and give its verdict as
 * sus_xml_validate() does (doc_path, the file written, is read again only
 * to name the participation of an error), and into *d (when not NULL)
 * the SHA-256 and length of the document, which the thread computes as it
 * reads (so the writer does not). APP_EIO when the document was not
 * finished or a write failed. sus_xml_free() ends a thread that was not
 * asked for its verdict. */
enum app_err sus_xml_check_end(struct sus_xml *, const char *doc_path,
    struct sus_xml_digest *d, char *err, size_t errlen);

#endif /* !SUS_XML_H */
