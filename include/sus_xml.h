/*
 * sus_xml.h: the SUS export document (conf/sus-export-1.xsd), written as a
 * stream with libxml2's xmlTextWriter straight to a file descriptor, so the
 * memory used does not grow with the document: each call writes one
 * element and forgets it.
 *
 * Call order (each step closes the section before it):
 *
 *	sus_xml_open()
 *	sus_xml_begin()                        root and samverkansorganisation
 *	sus_xml_insats() ...                   every insats
 *	sus_xml_registration() / sus_xml_removal() ...  in participation order
 *	sus_xml_count() ...                    anonymous groups
 *	sus_xml_finish()                       summary, close, flush
 *	sus_xml_free()
 *
 * A step out of order returns APP_EINPUT. Every string is borrowed for the
 * call only; text is written escaped, and characters XML 1.0 cannot carry
 * (control characters other than tab and line breaks) become spaces, so a
 * stray byte in a description can never make the document ill-formed.
 * Never the writer's raw-output call: make lint bans it.
 */
#ifndef SUS_XML_H
#define SUS_XML_H

#include <stddef.h>

#include "app.h"
#include "str.h"

#define SUS_XML_NS      "urn:stegvis:sus-export:1"
#define SUS_XML_VERSION "1.0"
#define SUS_HASH_BYTES  16

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

/* One participation's registration, values as exported (SUS codes). */
struct sus_reg {
	long long participation_id, insats_id;
	struct str start_date, personnummer, gender, birth_year, municipality;
	struct str education;
	struct str income_before; /* SUS codes, comma-separated, sorted */
	struct str occupation_before, support_time;
	const struct sus_answer *answers;
	size_t nanswers;
	int has_end; /* 1: the utregistrering follows */
	struct str end_date, end_reason, income_after, occupation_after;
};

enum sus_event { SUS_EVENT_NEW, SUS_EVENT_END, SUS_EVENT_CORRECTION };
enum sus_removal { SUS_REMOVAL_ANONYMISED, SUS_REMOVAL_FELREG };

struct sus_count {
	long long insats_id;
	int year;
	struct str gender;
	long long started, ended;
};

struct sus_summary {
	long long n_new, n_changed, n_removed, n_groups;
};

/* A writer on fd (borrowed: not closed by sus_xml_free()). NULL when out
 * of memory. The first write error is sticky: every later call returns
 * APP_EIO. */
struct sus_xml *sus_xml_open(int fd);

enum app_err sus_xml_begin(struct sus_xml *, const struct sus_header *);
enum app_err sus_xml_insats(struct sus_xml *, const struct sus_insats *);
enum app_err sus_xml_registration(
    struct sus_xml *, const struct sus_reg *, enum sus_event);
enum app_err sus_xml_removal(struct sus_xml *, long long participation_id,
    long long insats_id, enum sus_removal);
enum app_err sus_xml_count(struct sus_xml *, const struct sus_count *);

/* Close every open element and flush to the fd (no fsync). */
enum app_err sus_xml_finish(struct sus_xml *, const struct sus_summary *);

void sus_xml_free(struct sus_xml *);

/* BLAKE2b-128 over every value of the registration as it would be written
 * (the event aside): equal hashes, equal registration elements. */
void sus_reg_hash(const struct sus_reg *, unsigned char out[SUS_HASH_BYTES]);

/* Validate the document at doc_path against the XSD at xsd_path with a
 * streaming (SAX) validator: constant memory. APP_OK when valid;
 * APP_EINPUT with where the first problem is in err when not ("line N,
 * element E[, attribute A][, deltagande ID] (libxml2 error C)": never the
 * offending value, which may be a personnummer);
 * APP_EIO when the schema cannot be loaded. */
enum app_err sus_xml_validate(
    const char *xsd_path, const char *doc_path, char *err, size_t errlen);

#endif /* !SUS_XML_H */
