/*
 * page_structural.h: the register of a structural insats (structural.h),
 * kept by its staff (app/page_structural.c), and its goals per year, set
 * by the admin (app/page_structural_goal.c).
 *
 * Only staff who work in the insats reach its register, and only when the
 * insats is structural: anyone else gets 404. Every add and edit is
 * audited; an edit carries the record's version and answers 409 with
 * what was typed kept when someone else saved first (edit.h). Bad input
 * answers 400 with the Swedish messages and the values kept. Nothing here
 * is personal data, so reading writes no access-log row.
 */
#ifndef PAGE_STRUCTURAL_H
#define PAGE_STRUCTURAL_H

#include "app.h"

struct req;

enum app_err page_structural(struct req *); /* GET /struktur/:id */
/* GET and POST /struktur/:id/foretag/ny */
enum app_err page_structural_company_new(struct req *);
enum app_err page_structural_company_create(struct req *);
/* GET and POST /struktur/foretag/:id */
enum app_err page_structural_company(struct req *);
enum app_err page_structural_company_save(struct req *);
/* GET and POST /struktur/:id/utbildning/ny */
enum app_err page_structural_training_new(struct req *);
enum app_err page_structural_training_create(struct req *);
/* GET and POST /struktur/utbildning/:id */
enum app_err page_structural_training(struct req *);
enum app_err page_structural_training_save(struct req *);
/* GET and POST /admin/insatser/:id/strukturmal (admin) */
enum app_err page_structural_goals(struct req *);
enum app_err page_structural_goals_save(struct req *);

#endif /* !PAGE_STRUCTURAL_H */
