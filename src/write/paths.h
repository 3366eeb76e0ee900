/* paths.h — every file a build writes, known before anything is written: the pages of
 * the plan, the files made from the whole site, the feeds and calendars, the documents,
 * the assets and the marker file. One path from two sources (an asset `robots.txt`, a
 * document `index.html` where the page /dokument/ is), or a file where another needs a
 * folder, is an error naming both: nothing then silently replaces a generated file, and
 * a full build and serve's rebuilds (which write pages again, but not the assets) can
 * never disagree about which one is on the site. */
#ifndef SG_WRITE_PATHS_H
#define SG_WRITE_PATHS_H
#include <stddef.h>

#include "../model/model.h"
#include "../plan/plan.h"
#include "../util/diag.h"

/* The files of an assets folder: regular files only, found without following symbolic
 * links; src is where it is, rel its path in the site. */
typedef struct sg_assets {
	char **src, **rel;
	size_t n, cap;
} sg_assets;

/* Lists the assets below dir (a missing dir has none). Each symbolic link and special
 * file (named pipe, socket, device) is skipped with a warning saying so. Returns 0, or
 * -1 with an error when a folder cannot be read. */
int sg_assets_list(const char *dir, sg_assets *out, sg_diags *d);
/* Adds the assets below dir (the installed defaults) whose path the list does not have
 * yet: the site's own file of the same name wins. 0 or -1, as sg_assets_list. */
int sg_assets_add_missing(const char *dir, sg_assets *a, sg_diags *d);
void sg_assets_free(sg_assets *a);

/* Where a file of the site comes from, in the order they take precedence: sofgen's
 * own files first, then the documents, then the assets. */
typedef enum { SG_OUT_SOFGEN, SG_OUT_DOCUMENT, SG_OUT_ASSET } sg_out_origin;

typedef struct sg_out_path {
	char *path; /* relative to the site root, e.g. "kommun/boras/index.html" */
	sg_out_origin origin;
	char *what; /* for messages: "the page /kommun/boras/ that sofgen writes (generated from …)" */
	const char *file; /* where an error about it goes (borrowed), and its position */
	int line, col;
	const char *name; /* documents: the file name as written */
} sg_out_path;

typedef struct sg_out_paths {
	sg_out_path *items;
	size_t n, cap;
} sg_out_paths;

/* The names of the files made from the whole site (sitemap, robots.txt, open data,
 * search index), in the order the write stage makes them: SG_SITE_FILES of them. */
#define SG_SITE_FIXED_FILES 5 /* sitemap, robots, schema, catalog.jsonld, catalog.rdf */
#define SG_SITE_FILES 8
const char *sg_site_file_path(int i);

/* Every file a build of site with plan writes (assets may be NULL: none), in order. */
/* Adds a file (path and what are taken over). */
void sg_out_paths_add(sg_out_paths *p, char *path, sg_out_origin origin, char *what, const char *file, int line,
                      int col);
void sg_out_paths_collect(const sg_site *site, const sg_plan *plan, const sg_assets *assets, sg_out_paths *out);
void sg_out_paths_free(sg_out_paths *p);
/* Adds an error for every path written twice and every file where a folder is needed.
 * Returns 0 when there is none, else -1. */
int sg_out_paths_check(const sg_out_paths *p, sg_diags *d);

#endif
