/* builders.h — private to src/model/: the builders of each content type, shared by
 * build.c (which runs them in order) and the files that implement them. */
#ifndef SG_BUILDERS_H
#define SG_BUILDERS_H

#include "fields.h"
#include "model.h"

void sg_push_ptr(void ***arr, size_t *n, void *p);
#define SG_PUSH(arr, n, p) sg_push_ptr((void ***)&(arr), &(n), (p))

sg_forbund *sg_site_find_forbund(const sg_site *site, const char *slug);
/* Reads `forbund:` (optional) and resolves it; an unknown slug is an error with the
 * closest one. Returns NULL when absent or unknown. */
sg_forbund *sg_field_forbund(const sg_site *site, const sg_fields *f, const sg_value *meta);

/* publications.c */
/* `publish` false: check only (a draft left out of the build). */
void sg_build_nyhetsbrev(sg_site *site, const sg_source *src, bool publish, sg_diags *d);
void sg_build_evenemang(sg_site *site, const sg_source *src, bool publish, sg_diags *d);
void sg_build_dokument(sg_site *site, const sg_source *src, sg_diags *d);
void sg_publications_sort(sg_site *site);
void sg_publications_free(sg_site *site);
/* blankett.c */
void sg_build_blankett(sg_site *site, const sg_source *src, sg_diags *d);
void sg_blanketter_free(sg_site *site);
/* refs.c: references between content, and which form each insats uses */
void sg_resolve_references(sg_site *site, sg_diags *d);

#endif
