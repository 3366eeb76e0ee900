/* pipeline.h — one build from start to end: read → model → plan → render → write.
 * `sofgen build` and `sofgen check` are thin wrappers around this; `sofgen serve`'s
 * session (session.h) runs the same sequence and keeps what it made. */
#ifndef SG_PIPELINE_H
#define SG_PIPELINE_H
#include <stdbool.h>

#include "util/diag.h"

typedef struct sg_pipeline_opts {
	const char *content_dir, *templates_dir, *assets_dir, *out_dir;
	/* the installed templates and assets under the site's own, which win file by file
	 * (each may be NULL or a folder that does not exist) */
	const char *default_templates_dir, *default_assets_dir;
	bool drafts; /* include draft insatser */
	const char *base_url; /* --base-url: the site's address over site.yaml's (a preview deploy); or NULL */
	bool write;  /* false: validate only (sofgen check) */
	const char *now; /* "YYYY-MM-DD[THH:MM]": what counts as past (events); NULL: today */
	bool build_future; /* --build-future: publish newsletters dated after `now` too */
	int jobs;        /* threads that render pages; 0: one per core. Output is the same for any number */
	bool incremental; /* files equal to the previous site's are linked from it, not written again */
	/* page kinds beyond the built-in ones (plan/plan.h; a hook for tests), or NULL */
	const struct sg_plan_kinds *page_kinds;
	/* the Decap CMS files for a site with `cms:` (write/cms.h, sg_cms_find_dir), or NULL:
	 * such a site then fails to build with a message saying what to install */
	const char *decap_dir;
	unsigned cms_local_port; /* serve --cms: decap-server's port, for config.yml; 0: none */
	/* whether PDF documents are tagged, as earlier builds found (util/pdfinfo.h), or NULL:
	 * the serve session owns one, so unchanged PDFs are not given to pdfinfo again */
	struct sg_pdf_cache *pdf_cache;
} sg_pipeline_opts;

typedef enum { SG_RUN_OK = 0, SG_RUN_CONTENT_ERRORS = 1, SG_RUN_IO_ERROR = 2 } sg_run_result;

typedef struct sg_build_stats {
	size_t pages, files, insatser, kommuner, forbund;
	size_t reused;   /* files (assets too) linked unchanged from the previous site (--incremental) */
	size_t rendered; /* pages rendered (an incremental rebuild in serve renders only some) */
	size_t written;  /* files written (an incremental rebuild in serve skips unchanged ones) */
	/* seconds spent in each stage of a full build (sofgen build --timings) */
	double t_read;   /* reading and parsing the content files */
	double t_model;  /* checking them into the site model, and loading templates */
	double t_write;  /* planning, rendering and writing the pages and files, swapping in */
	size_t images_made; /* image files encoded (write/images.h); the rest were linked from the previous site */
} sg_build_stats;

/* Runs the pipeline. Every problem found is added to d; nothing is printed. The
 * output folder is replaced only when the whole build succeeds. */
sg_run_result sg_pipeline_run(const sg_pipeline_opts *opts, sg_diags *d, sg_build_stats *stats);

#endif
