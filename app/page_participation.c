/* page_participation.c: the insats staff's pages; see
 * include/page_participation.h. */
#include "page_participation.h"
