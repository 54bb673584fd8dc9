/*
 * page_participation.h: the insats staff's pages: the inbox of submitted
 * referrals and its decisions, and the participation from inskrivning to
 * avslut and the summary to the remittent.
 */
#ifndef PAGE_PARTICIPATION_H
#define PAGE_PARTICIPATION_H

#include "app.h"

struct req;

#endif /* !PAGE_PARTICIPATION_H */
