/* pipeline_stages.h — the stages of a build that both a one-off build (pipeline.c)
 * and a kept build (session.c) run: loading templates, rendering pages on several
 * threads, and the files made from the whole site (sitemap, open data, search index).
 * Where the bytes go is the caller's: a sink gets every finished file. */
#ifndef SG_PIPELINE_STAGES_H
#define SG_PIPELINE_STAGES_H
#include <stddef.h>

#include "model/model.h"
#include "pipeline.h"
#include "plan/plan.h"
#include "render/context.h"
#include "template/mustache.h"

/* Takes one finished file (a path relative to the site root). Called from several
 * threads at once; returns 0, or -1 with an error added to d. */
typedef int (*sg_file_sink)(void *sink_ctx, const char *rel_path, const char *data, size_t len, sg_diags *d);

/* Loads every template of dir and checks that each page kind has one. 0 or -1. */
int sg_stage_load_templates(sg_tpl_set *set, const char *dir, sg_diags *d);

/* Renders the pages plan->pages[which[i]] (all pages when which is NULL) on `jobs`
 * threads (0: one per core) and hands each to the sink. *files counts the pages given
 * to it. The output does not depend on the number of threads. */
sg_run_result sg_stage_render(const sg_plan *plan, sg_contexts *ctx, const sg_tpl_set *tpl, const size_t *which,
                              size_t n_which, sg_file_sink sink, void *sink_ctx, int jobs, sg_diags *d,
                              size_t *files);

/* sitemap.xml, robots.txt, the open data files and the search index. */
sg_run_result sg_stage_site_files(const sg_site *site, const sg_plan *plan, sg_file_sink sink, void *sink_ctx,
                                  sg_diags *d, size_t *files);

#endif
