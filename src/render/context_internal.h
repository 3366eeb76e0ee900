/* context_internal.h — private to src/render/: what context.c (the catalogue's pages)
 * and context_publish.c (newsletters, events, documents, forms) share. */
#ifndef SG_CONTEXT_INTERNAL_H
#define SG_CONTEXT_INTERNAL_H

#include "context.h"

struct sg_contexts {
	const sg_site *site;
	const sg_plan *plan;
	sg_value *site_value; /* "site": title, navigation, … */
	sg_value **cards;     /* one per insats, parallel to site->insatser */
	sg_value **forms;     /* one per form, parallel to site->blanketter: what every page of it shares */
};

/* Helpers that build values; each takes ownership of what it is given. */
void sg_ctx_put_take(sg_value *map, const char *key, char *s);   /* s malloc'd */
/* The class of a förbund's pages when its file gives `colors:` ("fb-<slug>"), or NULL (malloc'd). */
char *sg_ctx_palette_class(const struct sg_forbund *fb);
void sg_ctx_put_sv(sg_value *map, const char *key, double v);    /* Swedish number */
sg_value *sg_ctx_html(const sg_markdown *md);                    /* rendered Markdown */
sg_value *sg_ctx_text_list(char **items, size_t n);
sg_value *sg_ctx_contact(const sg_contact *c);
sg_value *sg_ctx_card_list(sg_contexts *c, const sg_insats_list *l);

/* context_publish.c: fills ctx/pg for the publication pages; false if not one. */
bool sg_ctx_publication_page(sg_contexts *c, const sg_page *page, sg_value *ctx, sg_value *pg);
/* context_publish.c: a form's fields and texts, shared by its page and every referral page */
sg_value *sg_ctx_form(const sg_contexts *c, const sg_blankett *b);
/* context_publish.c: additions to the site-wide value and to förbund and home pages */
void sg_ctx_publications_site(const sg_contexts *c, sg_value *site);
void sg_ctx_publications_forbund(const sg_contexts *c, const sg_forbund *f, sg_value *v);
/* "12 mars 2015"; with a time "12 mars 2015 kl. 08.30" (malloc'd) */
char *sg_ctx_date_sv(const char *iso);
const char *sg_ctx_month_sv(int m); /* "januari" for 1 … "december" for 12 */
/* context_refer.c: puts "refer" (the box "Remittera hit": computed against the plan's
 * now), "locations" and "has_locations" into v, an insats page's "insats" map */
void sg_ctx_refer(const sg_contexts *c, const sg_insats *x, sg_value *v);
/* context_image.c: the context of templates/bild.mustache for img (or NULL: none), with
 * the URLs of its files below root; lazy: loading="lazy" (an image further down). */
struct sg_image;
sg_value *sg_ctx_image(const char *root, const struct sg_image *img, bool lazy);
/* context_image.c: puts "image" (sg_ctx_image, not lazy: the first image of the page's
 * main content) into v when img is not NULL */
void sg_ctx_put_image(const sg_contexts *c, sg_value *v, const struct sg_image *img);
/* context_image.c: puts "logo" ({src, width, height}: shown 48 px high) into the site's
 * value, and "favicon" when site.yaml has a logo */
void sg_ctx_site_logo(const sg_site *site, sg_value *v);
/* context_image.c: puts "logo" ({src, width, height}) into a förbund's value v when
 * logo is not NULL */
void sg_ctx_forbund_logo(const sg_contexts *c, sg_value *v, const struct sg_image *logo);

/* context.c: one row per year of the förbund's economies (the förbund page's table) */
sg_value *sg_ctx_economy_years(const sg_contexts *c, const sg_forbund *f);
/* context_plan.c: the plan document of e's förbund and year, "verksamhetsplan" (new value) */
sg_value *sg_ctx_vplan(const sg_contexts *c, const sg_economy *e);
/* context_plan.c: the förbund's plan documents, {year, url}, by year (new list) */
sg_value *sg_ctx_vplan_links(const sg_contexts *c, const sg_forbund *f);

/* context_publish.c: a document's type and size as its links show them, "PDF, 245 kB"
 * (sg_ctx_doc_meta), or the size alone, "245 kB" (sg_ctx_doc_size); malloc'd. */
char *sg_ctx_doc_meta(const sg_dokument *d);
char *sg_ctx_doc_size(const sg_dokument *d);

#endif
