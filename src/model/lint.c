/* lint.c — warnings for likely mistakes (see lint.h). */
#include "lint.h"

#include <string.h>

void sg_site_lint(const sg_site *site, const char *now, sg_diags *d)
{
	for (size_t i = 0; i < site->n_insatser; i++) {
		const sg_insats *x = site->insatser[i];
		if (x->status == SG_STATUS_ACTIVE && x->end && strncmp(x->end, now, 10) < 0)
			sg_warning(d, x->path, x->status_line, x->status_col,
			           "status is active, but the insats ended on %s; set 'status: ended' (or a later 'end')",
			           x->end);
		if (x->status == SG_STATUS_PLANNED && x->start && strncmp(x->start, now, 10) < 0 && x->end &&
		    strncmp(x->end, now, 10) < 0)
			sg_warning(d, x->path, x->status_line, x->status_col, "status is planned, but start and end (%s) are past",
			           x->end);
		for (size_t k = 0; k < x->n_places; k++) {
			const sg_place *p = &x->places[k];
			if (p->participants > 0 && (!p->has_funds || p->funds.forbund + p->funds.esf + p->funds.cofunding == 0))
				sg_warning(d, x->path, p->line, p->col,
				           "the place %s has %ld participants but no funds; add 'funds: {forbund: …}'",
				           p->member ? p->member->name : "for the whole förbund", p->participants);
		}
	}
}
