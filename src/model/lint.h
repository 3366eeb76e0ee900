/* lint.h — `sofgen check`'s warnings for likely mistakes, beyond what a build must
 * refuse: an insats still `active` after its end date, a place with participants but
 * no funds. The one that needs the pages (an insats that no kommun page shows) is
 * the plan's: plan/lint.h. */
#ifndef SG_LINT_H
#define SG_LINT_H

#include "../util/diag.h"
#include "model.h"

/* `now` is "YYYY-MM-DD[THH:MM]". Adds warnings to d. */
void sg_site_lint(const sg_site *site, const char *now, sg_diags *d);

#endif
