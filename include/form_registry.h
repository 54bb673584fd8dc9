/*
 * form_registry.h: every form the application accepts, with the field
 * table its handler validates it with.
 *
 * The page modules declare their forms next to their field tables (each
 * defines one of the functions below, returning a static array), and this
 * module puts them together, so the list is derived from the code that
 * enforces the limits, not written a second time. `stegvis text-fields`
 * prints it (tests/http/test_text_limits.sh sends limit + 1 characters to
 * every typed field in it) and checks it:
 *  - every route named by a form is in the route table;
 *  - every POST route has a form, or is listed here as taking no typed
 *    text (a button, a password or a one-time code; see form_registry.c);
 *  - every FT_TEXT field declares a limit (max > 0, or FF_DATA_MAX), and
 *    four bytes per character of it fit in MAX_FIELD_LEN, so limit + 1
 *    characters of any script reach the field's check and its Swedish
 *    message instead of the parser's 413;
 *  - no two fields of one view share a limit key (form_limit_key()) with
 *    different limits.
 */
#ifndef FORM_REGISTRY_H
#define FORM_REGISTRY_H

#include <stddef.h>

#include "form.h"

/* Every form, in a fixed order; *n is the count. The array is static. */
const struct form_def *const *form_registry(size_t *n);

/*
 * Check the registry against the route table as described above. Writes
 * one English line per problem into err (each ending in '\n', truncated to
 * errlen) and returns the number of problems; 0 means all is well.
 */
size_t form_registry_check(char *err, size_t errlen);

/* The page modules' lists (static arrays; *n is the length). */
const struct form_def *page_admin_forms(size_t *n);
const struct form_def *page_admin_org_forms(size_t *n);
const struct form_def *page_admin_insats_forms(size_t *n);
const struct form_def *page_admin_codes_forms(size_t *n);
const struct form_def *page_admin_log_forms(size_t *n);
const struct form_def *page_admin_consent_forms(size_t *n);
const struct form_def *page_admin_gallring_forms(size_t *n);
const struct form_def *page_referral_forms(size_t *n);
const struct form_def *page_referral_form_forms(size_t *n);
const struct form_def *page_participation_forms(size_t *n);
const struct form_def *page_participation_list_forms(size_t *n);
const struct form_def *page_participation_view_forms(size_t *n);
const struct form_def *page_participation_contact_forms(size_t *n);
const struct form_def *page_participation_sus_forms(size_t *n);
const struct form_def *page_participation_midterm_forms(size_t *n);
const struct form_def *page_participation_correct_forms(size_t *n);
const struct form_def *page_consent_forms(size_t *n);
const struct form_def *page_report_forms(size_t *n);
const struct form_def *page_report_document_forms(size_t *n);
const struct form_def *page_quest_forms(size_t *n);
const struct form_def *page_quest_staff_forms(size_t *n);
const struct form_def *page_structural_forms(size_t *n);
const struct form_def *page_structural_training_forms(size_t *n);
const struct form_def *page_structural_goal_forms(size_t *n);

#endif /* !FORM_REGISTRY_H */
