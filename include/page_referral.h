/*
 * page_referral.h: the remittent's pages: referral applications (ansökan),
 * drafts, submitting, their list and what was decided.
 */
#ifndef PAGE_REFERRAL_H
#define PAGE_REFERRAL_H

#include "app.h"

struct req;

#endif /* !PAGE_REFERRAL_H */
