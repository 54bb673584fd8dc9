/*
 * sus_complete.h: the one rule for what a SUS registration lacks.
 *
 * The export (sus_batch.c: a registration is held back while it lacks
 * something, never sent half filled), /sus/kvalitet (sus_quality.c) and
 * the participation page's section SUS-uppgifter all decide with
 * sus_complete_check(), from the same facts (read by the SQL of
 * include/sql_sus_facts.h), and name what is missing with
 * sus_gaps_text(). Pure: no database, no I/O.
 *
 * An item is missing when nothing is stored (SUS_GAP_EMPTY) or when what
 * is stored has nothing SUS can take (SUS_GAP_NO_CODE: a code without a
 * SUS code, income codes none of which has one, a kommun that maps to no
 * SCB kommunkod). Schema version 1 sends the kommun's name, so there any
 * text will do.
 *
 * The extent (omfattning, percent of full time) of an income source or of
 * the occupation is NOT required: the XSD marks it optional, SUS takes a
 * registration without it, and requiring it would hold back every
 * registration made before it could be entered. It is sent when recorded.
 */
#ifndef SUS_COMPLETE_H
#define SUS_COMPLETE_H

#include "str.h"

struct arena;

/* What a registration may lack, in the order the pages name them. */
enum sus_missing {
	SUS_MISSING_EDUCATION,
	SUS_MISSING_INCOME_BEFORE,
	SUS_MISSING_OCCUPATION_BEFORE,
	SUS_MISSING_SUPPORT_TIME,
	SUS_MISSING_MUNICIPALITY,
	SUS_MISSING_PERSON,           /* registry facts only (see below) */
	SUS_MISSING_CONSENT_DATE,     /* registry facts only, version 2 */
	SUS_MISSING_END_DATE,         /* ended participations only */
	SUS_MISSING_END_REASON,       /* ended participations only */
	SUS_MISSING_OCCUPATION_AFTER, /* ended participations only */
	SUS_MISSING_INCOME_AFTER,     /* ended participations only */
	SUS_MISSING__MAX
};

/* Why an item is missing. */
enum sus_gap {
	SUS_GAP_NONE = 0, /* not missing */
	SUS_GAP_EMPTY,    /* nothing stored */
	SUS_GAP_NO_CODE,  /* stored, but SUS cannot take it */
};

/* One item: what is stored ("" nothing; for income the codes, any
 * separator) and what the export sends for it ("" nothing: the SUS code,
 * the SUS codes of the incomes, the kommun's SCB code). Borrowed. */
struct sus_item {
	struct str value, sus;
};

/* The facts of one participation's registration. Strings borrowed. */
struct sus_facts {
	struct sus_item education, income_before, occupation_before;
	struct sus_item support_time, municipality;
	int ended; /* status avslutad: the end items count */
	struct str end_date;
	struct sus_item end_reason, occupation_after, income_after;
	/* The export also checks what a registration by identity carries
	 * that no form on the pages sets: registry set, the start date,
	 * personnummer, gender and birth year (SUS_MISSING_PERSON) and, in
	 * version 2, the SUS consent's date. */
	int registry;
	struct str start_date, personnummer, gender, birth_year;
	struct str consent_date;
};

/* What the facts lack. */
struct sus_gaps {
	unsigned char gap[SUS_MISSING__MAX]; /* enum sus_gap */
	int start; /* the inregistrering lacks something: held back */
	int end;   /* ended, and the utregistrering lacks something */
};

/* Decide what f lacks for schema version v (1 or 2) into *out. */
void sus_complete_check(const struct sus_facts *f, int v, struct sus_gaps *out);

/* 1 when g names nothing missing. */
int sus_gaps_none(const struct sus_gaps *g);

/* The item's Swedish name as the pages list it ("utbildning"); "" for
 * none. Static. */
const char *sus_missing_label(enum sus_missing);

/* Why, in Swedish words, for a gap other than SUS_GAP_NONE/_EMPTY ("finns
 * inte i kommunlistan", "koden har ingen SUS-kod"); "" otherwise. Static. */
const char *sus_gap_reason(enum sus_missing, enum sus_gap);

/* What g lacks as the pages say it: "utbildning, folkbokföringskommun
 * (finns inte i kommunlistan)". Arena; "" when nothing (or on a full
 * arena). */
struct str sus_gaps_text(struct arena *, const struct sus_gaps *g);

/* An extent as typed: "" (not recorded: *out -1) or a whole percent
 * 0..100 in digits ("50", " 50 "). 1 when valid, else 0 (say
 * SUS_EXTENT_MSG). */
int sus_extent_parse(struct str typed, long long *out);
#define SUS_EXTENT_MSG                                                         \
	"Ange ett heltal mellan 0 och 100: omfattningen i procent av "         \
	"heltid (100 = 40 timmar i veckan)."

#endif /* !SUS_COMPLETE_H */
