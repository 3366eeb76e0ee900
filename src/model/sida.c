/* sida.c — sidor: pages of free text, and which of them every page's footer links. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "builders.h"
#include "image.h"

void sg_build_sida(sg_site *site, const sg_source *src, sg_diags *d)
{
	sg_fields f = sg_fields_for(src, d);
	const sg_key *keys = sg_keys_of(SG_SRC_SIDA);
	sg_fields_check_keys(&f, src->meta, keys, "a page");
	sg_sida *p = sg_calloc(1, sizeof *p);
	p->slug = sg_strdup(src->slug);
	p->path = src->path;
	p->title = sg_field_text(&f, src->meta, "title", true, "every page needs a title");
	if (!p->title)
		p->title = sg_strdup(src->slug);
	p->summary = sg_field_text(&f, src->meta, "summary", false, NULL);
	p->image = sg_image_of_source(&f, src, "image", false);
	const sg_value *fv = sg_value_get(src->meta, "footer");
	p->footer = fv && sg_value_kind_of(fv) != SG_VAL_NULL ? sg_field_bool(&f, src->meta, "footer", false) : -1;
	p->footer_line = sg_fields_line(&f, fv);
	p->footer_col = sg_fields_col(fv);
	p->body = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &site->info.markdown, d);
	SG_PUSH(site->sidor, site->n_sidor, p);
}

/* Which sidor every page's footer links (sidor sorted by title). With `footer: true` on
 * some: exactly those, at most SG_FOOTER_MAX_SIDOR. Otherwise, on a site with at most
 * that many sidor: all but those with `footer: false`; with more: none. When one is
 * left out, the page /sidor/ lists them all (and the footer links it). */
static void choose_footer_sidor(sg_site *site, sg_diags *d)
{
	size_t marked = 0;
	for (size_t i = 0; i < site->n_sidor; i++)
		if (site->sidor[i]->footer == 1 && ++marked > SG_FOOTER_MAX_SIDOR) {
			const sg_sida *p = site->sidor[i];
			sg_error(d, p->path, p->footer_line, p->footer_col,
			         "at most %d pages can have 'footer: true' (every page of the site links them); this is "
			         "number %zu in title order: remove 'footer: true' from this page or another one (the page "
			         "/sidor/ lists every page)",
			         SG_FOOTER_MAX_SIDOR, marked);
		}
	site->sidor_index = false;
	for (size_t i = 0; i < site->n_sidor; i++) {
		sg_sida *p = site->sidor[i];
		p->in_footer = marked ? p->footer == 1 : site->n_sidor <= SG_FOOTER_MAX_SIDOR && p->footer != 0;
		if (!p->in_footer)
			site->sidor_index = true;
	}
}

static int by_sida_title(const void *a, const void *b)
{
	return sg_collate((*(sg_sida *const *)a)->title, (*(sg_sida *const *)b)->title);
}

void sg_sidor_finish(sg_site *site, sg_diags *d)
{
	if (site->n_sidor)
		qsort(site->sidor, site->n_sidor, sizeof *site->sidor, by_sida_title);
	choose_footer_sidor(site, d);
}

void sg_sidor_free(sg_site *site)
{
	for (size_t i = 0; i < site->n_sidor; i++) {
		free(site->sidor[i]->slug);
		free(site->sidor[i]->title);
		free(site->sidor[i]->summary);
		sg_image_free(site->sidor[i]->image);
		sg_markdown_free(site->sidor[i]->body);
		free(site->sidor[i]);
	}
	free(site->sidor);
}
