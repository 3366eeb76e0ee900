/* catalog.c — the files that list every insats, piece by piece (see catalog.h). */
#include "catalog.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "opendata.h"
#include "search_index.h"

static void csv_begin(const sg_site *site, sg_buf *out)
{
	(void)site;
	sg_opendata_csv_begin(out);
}
static void csv_end(sg_buf *out) { (void)out; }
static void search_begin(const sg_site *site, sg_buf *out)
{
	(void)site;
	sg_buf_putc(out, '[');
}
static void search_end(sg_buf *out) { sg_buf_puts(out, "]\n"); }

static const struct {
	const char *path;
	void (*begin)(const sg_site *, sg_buf *);
	void (*item)(const sg_site *, const sg_insats *, const char *today, sg_buf *);
	const char *separator;
	void (*end)(sg_buf *);
} files[SG_CATALOG_COUNT] = {
	{"data/insatser.json", sg_opendata_json_begin, sg_opendata_json_item, ",\n", sg_opendata_json_end},
	{"data/insatser.csv", csv_begin, sg_opendata_csv_item, "", csv_end},
	{"search-index.json", search_begin, sg_search_index_item, ",", search_end},
};

const char *sg_catalog_path(sg_catalog_file f) { return files[f].path; }

void sg_catalog_render_site(const sg_site *site, const char *today, sg_catalog_file f, sg_buf *out)
{
	files[f].begin(site, out);
	for (size_t i = 0; i < site->n_insatser; i++) {
		if (i)
			sg_buf_puts(out, files[f].separator);
		files[f].item(site, site->insatser[i], today, out);
	}
	files[f].end(out);
}

typedef struct {
	char *text;
	size_t len;
} piece;

struct sg_catalog {
	const sg_site *site;
	char *today; /* what the computed status is computed against */
	piece *pieces[SG_CATALOG_COUNT]; /* parallel to site->insatser */
};

static piece encode(const sg_catalog *c, sg_catalog_file f, const sg_insats *x)
{
	sg_buf b = SG_BUF_INIT;
	files[f].item(c->site, x, c->today, &b);
	size_t len = b.len;
	return (piece){sg_buf_detach(&b), len};
}

sg_catalog *sg_catalog_new(const sg_site *site, const char *today)
{
	sg_catalog *c = sg_calloc(1, sizeof *c);
	c->site = site;
	c->today = sg_strdup(today);
	for (int f = 0; f < SG_CATALOG_COUNT; f++) {
		c->pieces[f] = sg_calloc(site->n_insatser + 1, sizeof *c->pieces[f]);
		for (size_t i = 0; i < site->n_insatser; i++)
			c->pieces[f][i] = encode(c, (sg_catalog_file)f, site->insatser[i]);
	}
	return c;
}

void sg_catalog_free(sg_catalog *c)
{
	if (!c)
		return;
	for (int f = 0; f < SG_CATALOG_COUNT; f++) {
		for (size_t i = 0; i < c->site->n_insatser; i++)
			free(c->pieces[f][i].text);
		free(c->pieces[f]);
	}
	free(c->today);
	free(c);
}

void sg_catalog_update(sg_catalog *c, sg_insats *const *old_order, sg_insats *const *changed, size_t n)
{
	size_t count = c->site->n_insatser;
	for (int f = 0; f < SG_CATALOG_COUNT; f++) {
		piece *moved = sg_calloc(count + 1, sizeof *moved);
		for (size_t i = 0; i < count; i++)
			moved[old_order[i]->index] = c->pieces[f][i];
		free(c->pieces[f]);
		c->pieces[f] = moved;
		for (size_t i = 0; i < n; i++) {
			piece *p = &moved[changed[i]->index];
			free(p->text);
			*p = encode(c, (sg_catalog_file)f, changed[i]);
		}
	}
}

void sg_catalog_render(const sg_catalog *c, sg_catalog_file f, sg_buf *out)
{
	const sg_site *site = c->site;
	size_t total = 0, sep = strlen(files[f].separator);
	for (size_t i = 0; i < site->n_insatser; i++)
		total += c->pieces[f][i].len + sep;
	files[f].begin(site, out);
	sg_buf_grow(out, total + 64);
	for (size_t i = 0; i < site->n_insatser; i++) {
		if (i)
			sg_buf_put(out, files[f].separator, sep);
		sg_buf_put(out, c->pieces[f][i].text, c->pieces[f][i].len);
	}
	files[f].end(out);
}
