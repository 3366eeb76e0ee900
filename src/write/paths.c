/* paths.c — the list of a build's files and the check that no two collide (see
 * paths.h). */
#include "paths.h"
#include "cms.h"
#include "images.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../read/content.h"
#include "../util/alloc.h"
#include "../util/fs.h"
#include "catalog.h"
#include "publications.h"
#include "../util/i18n.h"

/* ---- assets ------------------------------------------------------------------- */

static void assets_add(sg_assets *a, char *src, char *rel)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->src = sg_realloc(a->src, a->cap * sizeof *a->src);
		a->rel = sg_realloc(a->rel, a->cap * sizeof *a->rel);
	}
	a->src[a->n] = src;
	a->rel[a->n++] = rel;
}

static int assets_walk(const char *from, const char *rel, sg_assets *out, sg_diags *d)
{
	size_t n;
	char **names = sg_list_dir(from, &n);
	if (!names) {
		sg_error(d, from, 0, 0, "cannot copy the assets: %s", strerror(errno));
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *src = sg_path_join(from, names[i]);
		char *r = *rel ? sg_path_join(rel, names[i]) : sg_strdup(names[i]);
		struct stat st;
		if (lstat(src, &st) != 0) {
			sg_error(d, src, 0, 0, "cannot copy the assets: %s", strerror(errno));
			rc = -1;
		} else if (S_ISREG(st.st_mode)) {
			assets_add(out, src, r);
			continue;
		} else if (S_ISDIR(st.st_mode)) {
			rc = assets_walk(src, r, out, d);
		} else if (S_ISLNK(st.st_mode)) {
			sg_warning(d, src, 0, 0, "this is a symbolic link, which is not copied to the site (links could publish "
			           "any file on this computer); put the file itself here");
		} else {
			sg_warning(d, src, 0, 0, "this is %s, not a file; it is not copied to the site", sg_mode_kind(st.st_mode));
		}
		free(src);
		free(r);
	}
	sg_free_names(names, n);
	return rc;
}

int sg_assets_list(const char *dir, sg_assets *out, sg_diags *d)
{
	memset(out, 0, sizeof *out);
	if (!dir || !sg_is_dir(dir))
		return 0;
	return assets_walk(dir, "", out, d);
}

int sg_assets_add_missing(const char *dir, sg_assets *a, sg_diags *d)
{
	sg_assets more;
	if (sg_assets_list(dir, &more, d) != 0)
		return -1;
	size_t own = a->n;
	for (size_t i = 0; i < more.n; i++) {
		bool have = false;
		for (size_t j = 0; j < own && !have; j++)
			have = strcmp(a->rel[j], more.rel[i]) == 0;
		if (have) { /* the site's own file wins */
			free(more.src[i]), free(more.rel[i]);
			continue;
		}
		if (a->n == a->cap) {
			a->cap = a->cap ? a->cap * 2 : 16;
			a->src = sg_realloc(a->src, a->cap * sizeof *a->src);
			a->rel = sg_realloc(a->rel, a->cap * sizeof *a->rel);
		}
		a->src[a->n] = more.src[i];
		a->rel[a->n++] = more.rel[i];
	}
	free(more.src);
	free(more.rel);
	return 0;
}

void sg_assets_free(sg_assets *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->src[i]), free(a->rel[i]);
	free(a->src);
	free(a->rel);
	memset(a, 0, sizeof *a);
}

/* ---- the list ----------------------------------------------------------------- */

_Static_assert(SG_SITE_FILES == SG_SITE_FIXED_FILES + SG_CATALOG_COUNT,
               "sitemap, robots, schema, catalog (JSON-LD and RDF/XML) and the catalogue files");

const char *sg_site_file_path(int i)
{
	static const char *const fixed[SG_SITE_FIXED_FILES] = {"sitemap.xml", "robots.txt", "data/insatser.schema.json",
	                                                       "data/catalog.jsonld", "data/catalog.rdf"};
	return i < SG_SITE_FIXED_FILES ? fixed[i] : sg_catalog_path((sg_catalog_file)(i - SG_SITE_FIXED_FILES));
}

void sg_out_paths_add(sg_out_paths *p, char *path, sg_out_origin origin, char *what, const char *file, int line,
                      int col)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->items = sg_realloc(p->items, p->cap * sizeof *p->items);
	}
	p->items[p->n++] = (sg_out_path){path, origin, what, file, line, col, NULL};
}

static const char *site_yaml(const sg_site *site)
{
	for (size_t i = 0; i < sg_sources_count(site->sources); i++) {
		const sg_source *s = sg_sources_at(site->sources, i);
		if (s->kind == SG_SRC_SITE)
			return s->path;
	}
	return "site.yaml";
}

void sg_out_paths_collect(const sg_site *site, const sg_plan *plan, const sg_assets *assets, sg_out_paths *out)
{
	memset(out, 0, sizeof *out);
	const char *yaml = site_yaml(site);
	sg_out_paths_add(out, sg_strdup(".sofgen-output"), SG_OUT_SOFGEN,
	                 sg_strdup(_("the file /.sofgen-output that marks the folder as made by sofgen")), yaml, 0, 0);
	for (size_t i = 0; i < plan->n_pages; i++) {
		const sg_page *p = &plan->pages[i];
		const char *list = sg_plan_kind(plan, p->kind)->list_of;
		const char *from = list ? NULL : sg_page_source(p);
		if (!list && !from)
			from = yaml; /* a page of the whole site */
		sg_out_paths_add(out, sg_strdup(p->out_path), SG_OUT_SOFGEN,
		                 from ? sg_asprintf(_("the page %s that sofgen writes (generated from %s)"), p->url, from)
		                      : sg_asprintf(_("the page %s that sofgen writes (%s)"), p->url, list),
		                 from ? from : yaml, 0, 0);
	}
	for (int i = 0; i < SG_SITE_FILES; i++) {
		const char *path = sg_site_file_path(i);
		sg_out_paths_add(out, sg_strdup(path), SG_OUT_SOFGEN,
		                 i == 1 ? sg_asprintf(_("the file /%s that sofgen writes (generated from %s)"), path, yaml)
		                        : sg_asprintf(_("the file /%s that sofgen writes (%s)"), path,
		                                      i == 0 ? _("the list of every page") : _("generated from the insatser")),
		                 yaml, 0, 0);
	}
	sg_publications_paths(site, out);
	sg_cms_paths(site, out);
	sg_images_paths(site, out);
	for (size_t i = 0; i < site->n_dokument; i++) {
		const sg_dokument *doc = site->dokument[i];
		char *url = sg_url_dokument(doc);
		sg_out_paths_add(out, sg_url_out_path(url), SG_OUT_DOCUMENT,
		                 sg_asprintf(_("the document %s (from %s)"), url, doc->path), doc->path, doc->file_line,
		                 doc->file_col);
		free(url);
		out->items[out->n - 1].name = doc->file;
	}
	for (size_t i = 0; assets && i < assets->n; i++)
		sg_out_paths_add(out, sg_strdup(assets->rel[i]), SG_OUT_ASSET,
		                 sg_asprintf(_("the asset %s"), assets->src[i]), assets->src[i], 0, 0);
}

void sg_out_paths_free(sg_out_paths *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->items[i].path), free(p->items[i].what);
	free(p->items);
	memset(p, 0, sizeof *p);
}

/* ---- the check ------------------------------------------------------------------ */

/* A set of strings (borrowed) with a value each: open addressing, FNV-1a. */
typedef struct {
	const char **keys;
	size_t *vals;
	size_t cap, n;
} strmap;

static uint64_t hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static size_t slot(const strmap *m, const char *key, size_t len)
{
	size_t i = (size_t)hash(key, len) & (m->cap - 1);
	while (m->keys[i] && !(strncmp(m->keys[i], key, len) == 0 && m->keys[i][len] == '\0'))
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* The value of key[0..len), or SIZE_MAX. */
static size_t map_get(const strmap *m, const char *key, size_t len)
{
	size_t i = slot(m, key, len);
	return m->keys[i] ? m->vals[i] : SIZE_MAX;
}

/* Puts key (NUL-terminated at len, borrowed) unless it is there. */
static void map_put(strmap *m, const char *key, size_t len, size_t val)
{
	size_t i = slot(m, key, len);
	if (m->keys[i])
		return;
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
}

/* How a file calls itself in a message about it, and what would fix it. */
static char *subject_of(const sg_out_path *e)
{
	switch (e->origin) {
	case SG_OUT_ASSET: return sg_strdup(_("this file"));
	case SG_OUT_DOCUMENT: return sg_asprintf(_("the document file '%s', published as /%s,"), e->name, e->path);
	default: return sg_strdup(e->what);
	}
}

static const char *fix_of(const sg_out_path *e)
{
	switch (e->origin) {
	case SG_OUT_ASSET: return _("rename or remove it");
	case SG_OUT_DOCUMENT: return _("rename the file, and write its new name after 'file:'");
	default: return _("rename one of them");
	}
}

int sg_out_paths_check(const sg_out_paths *p, sg_diags *d)
{
	/* files by path, and each folder by the first file below it */
	strmap files = {0}, dirs = {0};
	files.cap = dirs.cap = 64;
	while (files.cap < 4 * p->n)
		files.cap *= 2;
	dirs.cap = files.cap;
	files.keys = sg_calloc(files.cap, sizeof *files.keys);
	files.vals = sg_calloc(files.cap, sizeof *files.vals);
	/* a path has many folders; grows as needed */
	dirs.keys = sg_calloc(dirs.cap, sizeof *dirs.keys);
	dirs.vals = sg_calloc(dirs.cap, sizeof *dirs.vals);
	char **dir_names = NULL; /* owned copies of folder names, freed at the end */
	size_t n_dir_names = 0, cap_dir_names = 0;
	int rc = 0;
	for (size_t i = 0; i < p->n; i++) {
		const sg_out_path *e = &p->items[i];
		const char *path = e->path;
		size_t len = strlen(path);
		size_t other = map_get(&files, path, len);
		const char *problem = NULL;
		char *where = NULL;
		if (other != SIZE_MAX && e->origin == SG_OUT_DOCUMENT && p->items[other].origin == SG_OUT_DOCUMENT) {
			continue; /* one file described twice (for two förbund, say): the same bytes */
		} else if (other != SIZE_MAX) {
			problem = _("would replace");
		} else if ((other = map_get(&dirs, path, len)) != SIZE_MAX) {
			problem = _("would take the place of");
			where = sg_asprintf(_("the folder /%s/, which holds "), path);
		} else {
			for (const char *s = strchr(path, '/'); s && other == SIZE_MAX; s = strchr(s + 1, '/'))
				if ((other = map_get(&files, path, (size_t)(s - path))) != SIZE_MAX) {
					problem = _("needs a folder where there is");
					where = sg_asprintf("/%.*s, ", (int)(s - path), path);
				}
		}
		if (problem) {
			char *subject = subject_of(e);
			sg_error(d, e->file, e->line, e->col, "%s %s %s%s; %s", subject, problem, where ? where : "",
			         p->items[other].what, fix_of(e));
			free(subject);
			free(where);
			rc = -1;
			continue;
		}
		map_put(&files, path, len, i);
		for (const char *s = strchr(path, '/'); s; s = strchr(s + 1, '/')) {
			size_t dl = (size_t)(s - path);
			if (map_get(&dirs, path, dl) != SIZE_MAX)
				continue;
			if ((dirs.n + 1) * 2 > dirs.cap) { /* grow: put every folder again */
				strmap bigger = {sg_calloc(dirs.cap * 2, sizeof *dirs.keys), sg_calloc(dirs.cap * 2, sizeof *dirs.vals),
				                 dirs.cap * 2, 0};
				for (size_t k = 0; k < dirs.cap; k++)
					if (dirs.keys[k])
						map_put(&bigger, dirs.keys[k], strlen(dirs.keys[k]), dirs.vals[k]);
				free(dirs.keys);
				free(dirs.vals);
				dirs = bigger;
			}
			if (n_dir_names == cap_dir_names)
				dir_names = sg_realloc(dir_names, (cap_dir_names = cap_dir_names ? cap_dir_names * 2 : 64) *
				                                      sizeof *dir_names);
			dir_names[n_dir_names] = sg_strndup(path, dl);
			map_put(&dirs, dir_names[n_dir_names], dl, i);
			n_dir_names++;
		}
	}
	for (size_t i = 0; i < n_dir_names; i++)
		free(dir_names[i]);
	free(dir_names);
	free(files.keys), free(files.vals);
	free(dirs.keys), free(dirs.vals);
	return rc;
}
