/* lint.h — `sofgen check`'s warnings that need the plan, run after planning (the
 * model's own are model/lint.h): an insats that no kommun page shows. */
#ifndef SG_PLAN_LINT_H
#define SG_PLAN_LINT_H

#include "../util/diag.h"
#include "plan.h"

/* Adds warnings to d. */
void sg_plan_lint(const sg_site *site, const sg_plan *plan, sg_diags *d);

#endif
