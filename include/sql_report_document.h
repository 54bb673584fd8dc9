/* sql_report_document.h: the statements of app/report_document.c (the
 * delårsrapport's texts and its list of insatser). "(T)" is a text's key:
 * (insats id, year, period name). Every statement reads and writes the
 * request's förbund's insatser and texts only (":forbund", db_scope.h):
 * another förbund's insats or text is not found, and not written. */
#ifndef SQL_REPORT_DOCUMENT_H
#define SQL_REPORT_DOCUMENT_H

#include "db.h"

enum sql_report_document {
	/* () -> struct report_doc_forbund: the request's förbund */
	SQL_RD_FORBUND,
	/* (period end, period start) -> struct report_doc_insats: the
	 * förbund's insatser overlapping the period, by name */
	SQL_RD_INSATSER,
	/* (staff id, year, period, admin 0/1, staff id) ->
	 * struct report_doc_insats: the insatser whose texts the staff may
	 * write, with the last save of the period's text */
	SQL_RD_WRITABLE,
	/* (staff id, insats id) -> struct report_doc_insats */
	SQL_RD_INSATS,
	/* (T) -> struct report_text */
	SQL_RD_TEXT_GET,
	/* (T): the empty row, when there is none yet (no-op otherwise) */
	SQL_RD_TEXT_ENSURE,
	/* (T) -> struct report_text, its row locked */
	SQL_RD_TEXT_LOCK,
	/* (the five sections, staff id, text id, version held) */
	SQL_RD_TEXT_UPDATE,
	/* (new version, staff id, the five sections, text id) */
	SQL_RD_TEXT_HISTORY,
	SQL_RD__MAX
};

extern const struct db_query sql_report_document[SQL_RD__MAX];

#endif /* !SQL_REPORT_DOCUMENT_H */
