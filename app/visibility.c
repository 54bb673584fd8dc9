/* visibility.c: which parts a caller may see; see include/visibility.h. */
#include "access.h"
#include "session.h"
#include "visibility.h"

/* The ways of the remittent side. */
#define VIA_REMITTENT ACCESS_VIA_REMITTENT

int
vis_remittent_details(enum vis_waiver w)
{
	switch (w) {
	case VIS_WAIVER_NONE:
	case VIS_WAIVER_NAMES_ORG:
	case VIS_WAIVER_EXPIRED_NAMES_ORG: return 1;
	case VIS_WAIVER_OTHER_ORGS:
	case VIS_WAIVER_EXPIRED_OTHER_ORGS:
	case VIS_WAIVER_REVOKED:
	case VIS_WAIVER_IN_ERROR:
	case VIS_WAIVER_NONE_OTHER_ORG:
	case VIS_WAIVER__MAX: break;
	}
	return 0;
}

int
vis_scope_shares_course(unsigned scope)
{
	const unsigned need = VIS_SCOPE_DISCLOSE | VIS_SCOPE_PLANERING;

	return (scope & need) == need;
}

int
vis_follow(enum vis_waiver w, unsigned scope)
{
	if (!vis_scope_shares_course(scope))
		return 0;
	switch (w) {
	case VIS_WAIVER_NAMES_ORG:
		return (scope & (VIS_SCOPE_CURRENT | VIS_SCOPE_DELIVERED)) != 0;
	case VIS_WAIVER_EXPIRED_NAMES_ORG:
		return (scope & VIS_SCOPE_DELIVERED) != 0;
	case VIS_WAIVER_NONE:
	case VIS_WAIVER_OTHER_ORGS:
	case VIS_WAIVER_EXPIRED_OTHER_ORGS:
	case VIS_WAIVER_REVOKED:
	case VIS_WAIVER_IN_ERROR:
	case VIS_WAIVER_NONE_OTHER_ORG:
	case VIS_WAIVER__MAX: break;
	}
	return 0;
}

/* What the insats staff see: everything but the remittent's form. */
static unsigned
vis_insats(const struct vis_in *in)
{
	unsigned parts = VIS_BIT(VIS_REFERRAL) | VIS_BIT(VIS_IDENTITY) |
	    VIS_BIT(VIS_DETAILS) | VIS_BIT(VIS_PARTICIPATION) |
	    VIS_BIT(VIS_SUS_DETAIL) | VIS_BIT(VIS_FOLLOW) |
	    VIS_BIT(VIS_OUTCOME);

	if (!in->protected_identity)
		parts |= VIS_BIT(VIS_ADDRESS);
	return parts;
}

enum vis_waiver
vis_remittent_waiver(enum vis_waiver w, unsigned via)
{
	/* What its own remittent wrote is theirs wherever they work now. */
	if (w == VIS_WAIVER_NONE_OTHER_ORG && (via & ACCESS_OWN))
		return VIS_WAIVER_NONE;
	return w;
}

/* What the remittent side sees through ways (a subset of VIA_REMITTENT). */
static unsigned
vis_remittent(const struct vis_in *in, unsigned ways)
{
	unsigned parts = VIS_BIT(VIS_REFERRAL);
	enum vis_waiver w = vis_remittent_waiver(in->waiver, ways);

	if (!vis_remittent_details(w))
		return parts;
	parts |= VIS_BIT(VIS_IDENTITY) | VIS_BIT(VIS_DETAILS);
	/* The course only as the waiver lets the insats disclose it. */
	if (vis_follow(w, in->scope)) {
		parts |= VIS_BIT(VIS_FOLLOW);
		if (in->scope & VIS_SCOPE_ARBETE)
			parts |= VIS_BIT(VIS_OUTCOME);
	}
	if (!in->protected_identity)
		parts |= VIS_BIT(VIS_ADDRESS);
	/* Only the remittent who made it recorded the person: their form
	 * holds the whole record, a protected address too. */
	if (ways & ACCESS_OWN)
		parts |= VIS_BIT(VIS_EDIT);
	return parts;
}

unsigned
visibility(const struct vis_in *in)
{
	unsigned parts = 0;

	if ((in->roles & ROLE_BIT(ROLE_REMITTENT)) && (in->via & VIA_REMITTENT))
		parts |= vis_remittent(in, in->via & VIA_REMITTENT);
	if ((in->roles & ROLE_BIT(ROLE_INSATSPERSONAL)) &&
	    (in->via & ACCESS_INSATS))
		parts |= vis_insats(in);
	return parts;
}

int
vis_may(const struct vis_in *in, enum vis_part part)
{
	return (visibility(in) & VIS_BIT(part)) != 0;
}

enum vis_waiver
vis_waiver_from_code(long long code)
{
	if (code < 0 || code >= VIS_WAIVER__MAX)
		return VIS_WAIVER_IN_ERROR;
	return (enum vis_waiver)code;
}

unsigned
vis_waiver_mask(unsigned roles, unsigned via, enum vis_part part)
{
	unsigned mask = 0;

	for (int w = 0; w < VIS_WAIVER__MAX; w++) {
		int all = via != 0;

		for (unsigned way = 1; way <= via && all; way <<= 1)
			for (int prot = 0; prot < 2 && (via & way); prot++) {
				struct vis_in in = { roles, way,
					(enum vis_waiver)w, prot, 0 };
				all = all && vis_may(&in, part);
			}
		if (all)
			mask |= 1u << w;
	}
	return mask;
}
