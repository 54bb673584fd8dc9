/*
 * page_sus.h: the SUS export over HTTP for the integration job, and the
 * pages around it (app/page_sus.c).
 *
 * The /api/sus/ routes take only the integration account's bearer token
 * (route flag ROUTE_BEARER: no token or a bad one is a 401, a browser
 * session too); each request counts against the account's rate limit
 * (429 with Retry-After). Their answers are XML documents or one line of
 * plain text, never an HTML page.
 */
#ifndef PAGE_SUS_H
#define PAGE_SUS_H

#include "app.h"

struct req;

/* POST /api/sus/batcher: make the next batch; 201 with the document, or
 * 204 when nothing changed. Optional form field since=N. */
enum app_err page_sus_api_create(struct req *);
/* GET /api/sus/batcher/:id: the batch's document again, byte for byte. */
enum app_err page_sus_api_batch(struct req *);
/* POST /api/sus/batcher/:id/kvittens: acknowledge the batch. */
enum app_err page_sus_api_ack(struct req *);
/* GET /api/sus/schema: the XSD the documents follow. */
enum app_err page_sus_api_schema(struct req *);

/* GET /sus/kvalitet: the caller's participations that cannot be exported
 * yet, with what is missing (insatspersonal). */
enum app_err page_sus_quality(struct req *);
/* GET /sus/finsam and /sus/finsam.csv: participants per insats and gender
 * in a period, for Uppföljning Finsam (counts only). */
enum app_err page_sus_finsam(struct req *);
enum app_err page_sus_finsam_csv(struct req *);
/* GET /admin/sus: the batch log (admin). */
enum app_err page_sus_batches(struct req *);

#endif /* !PAGE_SUS_H */
