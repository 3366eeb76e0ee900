/* builders.h — private to src/model/: the builders of each content type, shared by
 * build.c (which runs them in order) and the files that implement them: one file per
 * content type (site_info.c, forbund.c, insats.c, sida.c, publications.c, blankett.c),
 * the site-wide kommuner (kommuner.c) and the checks across files (budget.c, refs.c). */
#ifndef SG_BUILDERS_H
#define SG_BUILDERS_H

#include <string.h>

#include "fields.h"
#include "model.h"

/* build.c: the orchestration, and what every builder uses */
void sg_push_ptr(void ***arr, size_t *n, void *p);
#define SG_PUSH(arr, n, p) sg_push_ptr((void ***)&(arr), &(n), (p))
/* The field reader of a source (messages at its file; missing fields at its first line). */
sg_fields sg_fields_for(const sg_source *src, sg_diags *d);
/* Swedish order of two titles from their sort keys (sg_collate_key), then by bytes. */
static inline int sg_title_order(const char *key_a, const char *title_a, const char *key_b, const char *title_b)
{
	int c = strcmp(key_a, key_b);
	return c ? c : strcmp(title_a, title_b);
}

/* site_info.c: site.yaml */
void sg_build_site_info(sg_site *site, const sg_source *src, sg_diags *d);
/* Defaults for what site.yaml left out, and the parse options of texts (after it is read). */
void sg_site_info_complete(sg_site_info *in);
/* The site's address given on the command line (--base-url), over site.yaml's. */
void sg_site_info_base_url(sg_site_info *in, const char *url, sg_diags *d);
void sg_site_info_clear(sg_site_info *in);

/* kommuner.c */
/* The site-wide kommun with this name (made on first use); NULL after an error when
 * another kommun's name has the same slug. v is where the name is written. */
/* The site-wide kommun named `name` (with SCB kommunkod `code`, or NULL), made on first
 * use; NULL after an error. Kommuner are the same when their codes are, or, without
 * codes, when their names are; two names with one slug (Habo, Håbo) are two kommuner
 * only when both have codes, and their pages get the code in the address. */
sg_kommun *sg_kommun_for(sg_site *site, const char *name, const char *code, const sg_fields *f, const sg_value *v);
/* The error for two names that differ in more than case but have one web address. */
void sg_kommun_slug_collision(const sg_fields *f, const sg_value *v, const char *name, const char *other,
                              const char *other_path, int other_line, const char *slug);
/* Once every förbund is built: each kommun's memberships, and the kommuner by name. */
void sg_kommuner_index(sg_site *site);
void sg_kommuner_free(sg_site *site);

/* forbund.c */
void sg_build_forbund(sg_site *site, const sg_source *src, sg_diags *d);
sg_forbund *sg_site_find_forbund(const sg_site *site, const char *slug);
int sg_forbund_order(const sg_forbund *a, const sg_forbund *b); /* by title */
void sg_forbund_sort(sg_site *site);
void sg_forbund_free(sg_forbund *fb);
/* Reads `forbund:` (optional) and resolves it; an unknown slug is an error with the
 * closest one. Returns NULL when absent or unknown. */
sg_forbund *sg_field_forbund(const sg_site *site, const sg_fields *f, const sg_value *meta);

/* insats.c (sg_insats_build and the sorting are in model.h) */
/* Every insats source, on opts->jobs threads; each source's content is dropped once built. */
void sg_build_insatser(sg_site *site, sg_sources *sources, const sg_build_opts *opts, sg_diags *d);
/* Two files for one förbund/slug: the later is an error and left out. */
void sg_drop_duplicate_insatser(sg_site *site, sg_diags *d);

/* verksamhetsplan.c */
/* Builds the plan text of a source planer/<förbund>/<år>.md (errors to d). */
void sg_build_vplan(sg_site *site, const sg_source *src, sg_diags *d);
/* Once the förbund are sorted: plan texts by förbund, then year; a second file for
 * the same förbund and year is an error. */
void sg_vplaner_finish(sg_site *site, sg_diags *d);
void sg_vplaner_free(sg_site *site);

/* sida.c */
void sg_build_sida(sg_site *site, const sg_source *src, sg_diags *d);
/* Once all are built: sorted by title, and the footer's chosen. */
void sg_sidor_finish(sg_site *site, sg_diags *d);
void sg_sidor_free(sg_site *site);

/* publications.c */
/* `publish` false: check only (a draft left out of the build). */
void sg_build_nyhetsbrev(sg_site *site, const sg_source *src, bool publish, sg_diags *d);
/* Leaves out the newsletters dated after `today` ("YYYY-MM-DD…"), into
 * site->nyhetsbrev_later: they are published on their day (sofgen serve builds again
 * when the day changes). */
void sg_nyhetsbrev_drop_future(sg_site *site, const char *today);
void sg_build_evenemang(sg_site *site, const sg_source *src, bool publish, sg_diags *d);
void sg_build_dokument(sg_site *site, const sg_source *src, sg_diags *d);
void sg_publications_sort(sg_site *site);
/* Warns (at a document's 'file:') of each PDF document that is not tagged, that pdfinfo
 * cannot read or that takes pdfinfo too long, and once, at the first PDF, when pdfinfo is
 * not installed (util/pdfinfo.h). Runs pdfinfo once per PDF, in document order, unless
 * cache (or NULL) has the answer for the file as it is. */
void sg_dokument_check_pdfs(const sg_site *site, struct sg_pdf_cache *cache, sg_diags *d);
void sg_publications_free(sg_site *site);
/* blankett.c */
void sg_build_blankett(sg_site *site, const sg_source *src, sg_diags *d);
void sg_blanketter_free(sg_site *site);
/* refs.c: references between content, and which form each insats uses */
void sg_resolve_references(sg_site *site, sg_diags *d);

/* target_groups.c: site.yaml's target-group vocabulary (sg_target_group_find is in model.h) */
/* Reads `target_groups:` from site.yaml's meta into in->target_groups. */
void sg_target_groups_read(sg_site_info *in, const sg_fields *f, const sg_value *meta);
void sg_target_groups_clear(sg_site_info *in);
/* Warns about each term of an insats' `target_groups` value that the vocabulary lacks. */
void sg_target_groups_check(const sg_site_info *in, const sg_fields *f, const sg_value *groups);

/* site.yaml's `cms:` block into c (zeroed first; left empty when absent or wrong, with
 * errors to f->d naming the fix). sg_cms_clear frees what it holds. */
void sg_cms_read(sg_cms *c, const sg_fields *f, const sg_value *meta);
void sg_cms_clear(sg_cms *c);

/* palette.c: `colors:` of `map` (a site.yaml or förbund file whose keys are `keys`) into
 * *p, each colour checked for WCAG AA contrast where the style uses it (errors name a
 * darker colour that passes). */
void sg_palette_read(sg_palette *p, const sg_fields *f, const sg_value *map, const sg_key *keys);

#endif
