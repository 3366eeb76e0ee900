/* pipeline_stages.h — the stages of a build (pipeline.c), for a build kept between
 * rebuilds (session.c): the whole sequence, which can hand back what it made, and the
 * stages an incremental rebuild runs again: planning, rendering pages on several
 * threads, and the files made from the whole site (sitemap, open data, search index).
 * Where the bytes go is the caller's: a sink gets every finished file. */
#ifndef SG_PIPELINE_STAGES_H
#define SG_PIPELINE_STAGES_H
#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "pipeline.h"
#include "plan/plan.h"
#include "render/context.h"
#include "template/mustache.h"
#include "write/catalog.h"

/* Takes one finished file (a path relative to the site root). Called from several
 * threads at once; returns 0, or -1 with an error added to d. */
typedef int (*sg_file_sink)(void *sink_ctx, const char *rel_path, const char *data, size_t len, sg_diags *d);

/* What a build is made from and what it made, kept by a session after a full build.
 * Each member owned; sg_build_free frees them and empties the struct. */
typedef struct sg_build {
	sg_site *site;
	sg_tpl_set *tpl;
	sg_plan *plan;
	sg_contexts *ctx;
	sg_catalog *catalog; /* the catalogue's pieces, one per insats */
} sg_build;
void sg_build_free(sg_build *b);

/* A full build, as sg_pipeline_run. With keep non-NULL, a build that wrote the site
 * hands what it was made from to *keep (otherwise *keep is left empty). */
sg_run_result sg_pipeline_build(const sg_pipeline_opts *opts, sg_diags *d, sg_build_stats *stats, sg_build *keep);

/* Loads every template of dir, then those it lacks from `defaults` (the installed
 * templates; may be NULL), and checks that each page kind (the table's and extra's,
 * which may be NULL) has its template. 0 or -1. */
int sg_stage_load_templates(sg_tpl_set *set, const char *dir, const char *defaults, const sg_plan_kinds *extra,
                            sg_diags *d);

/* The plan of a site, with the options' page kinds (owned by the caller). */
sg_plan *sg_stage_plan(const sg_pipeline_opts *opts, const sg_site *site);

/* Renders the pages plan->pages[which[i]] (all pages when which is NULL) on `jobs`
 * threads (0: one per core) and hands each to the sink. *files counts the pages given
 * to it. The output does not depend on the number of threads. */
sg_run_result sg_stage_render(const sg_plan *plan, sg_contexts *ctx, const sg_tpl_set *tpl, const size_t *which,
                              size_t n_which, sg_file_sink sink, void *sink_ctx, int jobs, sg_diags *d,
                              size_t *files);

/* sitemap.xml, robots.txt, the open data files and the search index; the files that
 * list every insats from `catalog`'s kept pieces when it is not NULL. */
sg_run_result sg_stage_site_files(const sg_site *site, const sg_plan *plan, const sg_catalog *catalog,
                                  sg_file_sink sink, void *sink_ctx, sg_diags *d, size_t *files);

/* The same on a thread of its own, so it runs while the pages render (the open data
 * of a big catalogue takes as long as thousands of pages). From `catalog`'s pieces
 * when it is not NULL; else with keep, the pieces are made, kept and handed back by
 * _finish (otherwise *kept is NULL). */
typedef struct sg_site_files_job sg_site_files_job;
sg_site_files_job *sg_stage_site_files_start(const sg_site *site, const sg_plan *plan, const sg_catalog *catalog,
                                             bool keep, sg_file_sink sink, void *sink_ctx);
sg_run_result sg_stage_site_files_finish(sg_site_files_job *job, sg_diags *d, size_t *files, sg_catalog **kept);

#endif
