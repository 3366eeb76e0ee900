/* budget.h — reading and checking a förbund's per-year budget (see budget.c). */
#ifndef SG_BUDGET_H
#define SG_BUDGET_H
#include <stddef.h>

#include "fields.h"
#include "model.h"

/* Reads meta's `budget:` map into a new array sorted by year (*out NULL when none). */
void sg_budgets_read(const sg_fields *f, const sg_value *meta, sg_budget **out, size_t *n);
void sg_budgets_free(sg_budget *list, size_t n);
/* Checks every budget against the insatser of its year; errors go to d. */
void sg_budgets_check(const sg_site *site, sg_diags *d);

#endif
