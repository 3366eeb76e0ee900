/* context.h — the data each template sees: the model turned into value trees.
 * Values shared by many pages (the site navigation, one card per insats) are built
 * once and referenced from every page context. The keys are the template authors'
 * contract and are documented in docs/templates.md. */
#ifndef SG_CONTEXT_H
#define SG_CONTEXT_H

#include "../model/model.h"
#include "../plan/plan.h"
#include "../util/value.h"

typedef struct sg_contexts sg_contexts;

/* Borrows site and plan, which must outlive the result. */
sg_contexts *sg_contexts_new(const sg_site *site, const sg_plan *plan);
void sg_contexts_free(sg_contexts *c);
/* After insatser were rebuilt in place (sofgen serve): `plan` is the new plan (the old
 * one may be freed afterwards); old_order[i] is the insats that had index i before
 * site->insatser was sorted again; changed[0..n_changed) are the insatser whose content
 * changed. Their cards and the site-wide values are built again. Returns true when the
 * site-wide values (navigation, counts) differ: then every page must be rendered again. */
bool sg_contexts_update(sg_contexts *c, const sg_plan *plan, sg_insats *const *old_order,
                        sg_insats *const *changed, size_t n_changed);
/* The context of one page (a new reference, owned by the caller). Not thread-safe:
 * it takes references to shared values. */
sg_value *sg_contexts_page(sg_contexts *c, const sg_page *page);

#endif
