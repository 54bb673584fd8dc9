/* page_referral.c: the remittent's pages; see include/page_referral.h. */
#include "page_referral.h"
