/* lint.c — warnings that need the plan (see lint.h). */
#include "lint.h"

static bool listed(const sg_insats_list *l, const sg_insats *x)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i] == x)
			return true;
	return false;
}

void sg_plan_lint(const sg_site *site, const sg_plan *plan, sg_diags *d)
{
	/* every insats should be reachable from some kommun page */
	for (size_t i = 0; i < site->n_insatser; i++) {
		const sg_insats *x = site->insatser[i];
		bool shown = false;
		for (size_t k = 0; k < plan->n_kommuner && !shown; k++) {
			const sg_kommun_index *ki = &plan->kommuner[k];
			shown = listed(&ki->local, x) || listed(&ki->shared, x) || listed(&ki->other, x) ||
			        listed(&ki->structural, x);
		}
		if (!shown)
			sg_warning(d, x->path, 1, 1,
			           "no kommun page shows this insats: give it a place in a member kommun, a place for the whole "
			           "förbund (no 'municipality'), or 'referral: {open: true}'");
	}
}
