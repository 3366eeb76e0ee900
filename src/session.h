/* session.h — a build that can be kept in memory between rebuilds (sofgen serve).
 *
 * A session builds the site as sg_pipeline_run does. When asked to keep it, it holds
 * on to the model, the plan, the page contexts and the templates afterwards; then,
 * when only insatser files changed, sg_session_update re-reads just those files,
 * checks them and what they take part in (references, budgets), and renders again
 * only the pages that show them: the insats and its referral form, the kommun,
 * förbund, kategori and ekonomi pages that list or count it, the front and search
 * pages, and the site-wide files (open data, search index, sitemap). A file is written
 * only when its bytes change. Everything else (site.yaml, a förbund, templates,
 * assets, files added or removed, a change that alters the navigation or the set of
 * pages) is a full build. The result is byte for byte what a full build writes. */
#ifndef SG_SESSION_H
#define SG_SESSION_H
#include <stdbool.h>
#include <stddef.h>

#include "pipeline.h"

typedef struct sg_session sg_session;

/* Copies opts (its strings are borrowed and must outlive the session). keep: hold the
 * model after a build, for sg_session_update. */
sg_session *sg_session_new(const sg_pipeline_opts *opts, bool keep);
void sg_session_free(sg_session *s);
/* "YYYY-MM-DD[THH:MM]" for the builds from now on (NULL: the options' own). */
void sg_session_set_now(sg_session *s, const char *now);

/* A full build. Problems go to d; nothing is printed. */
sg_run_result sg_session_build(sg_session *s, sg_diags *d, sg_build_stats *stats);

/* After the files changed[0..n) (paths as the watcher names them: below the content,
 * templates or assets folder given in the options) changed: the smallest rebuild that
 * gives the same site as a full one. stats->rendered counts the pages rendered again,
 * stats->written the files that changed; *incremental (may be NULL) tells whether it was
 * incremental. When it fails, the files stay pending and are tried again with the next
 * update; the site on disk is the last good one. */
sg_run_result sg_session_update(sg_session *s, const char *const *changed, size_t n, sg_diags *d,
                                sg_build_stats *stats, bool *incremental);

#endif
