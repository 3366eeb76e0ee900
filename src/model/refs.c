/* refs.c — what can only be checked once the whole site is read: references between
 * content in Markdown ("insats:sjuharad/aktiv-halsa", "kommun:boras", …; see refs.h),
 * each resolved to the content it names (its URL is written later, by the render
 * stage: render/links.c), and the referral form each insats uses. */
#include "refs.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/i18n.h"
#include "../util/slug.h"
#include "../util/suggest.h"
#include "builders.h"
#include "image.h"

const char *const sg_ref_prefixes[SG_REF_COUNT + 1] = {"insats:", "kommun:", "forbund:", "nyhetsbrev:",
                                                       "evenemang:", "sida:", NULL};

static char *not_found(const char *what, const char *ref, const char *target, const char **names, size_t n)
{
	const char *close = sg_closest(target, names, n);
	if (close)
		return sg_asprintf(_("the link '%s' points at no %s; did you mean '%s'?"), ref, _(what), close);
	return sg_asprintf(_("the link '%s' points at no %s"), ref, _(what));
}

/* The content a reference names (an sg_ref_kind and what follows the prefix), or NULL
 * with *why set. */
static const void *resolve(void *ctx, size_t kind, const char *target, const char *ref, char **why)
{
	const sg_site *site = ctx;
	const void *found = NULL;
	size_t cap = site->n_insatser + site->n_kommuner + site->n_forbund + site->n_nyhetsbrev + site->n_evenemang +
	             site->n_sidor + 1;
	const char **names = sg_malloc(cap * sizeof *names);
	char **owned = sg_calloc(cap, sizeof *owned);
	size_t n = 0;
	switch ((sg_ref_kind)kind) {
	case SG_REF_INSATS: {
		/* compared in place: the "förbund/insats" names are only made for a suggestion */
		const char *slash = strchr(target, '/');
		size_t fl = slash ? (size_t)(slash - target) : 0;
		for (size_t i = 0; slash && i < site->n_insatser && !found; i++) {
			const sg_insats *x = site->insatser[i];
			if (strlen(x->forbund->slug) == fl && strncmp(x->forbund->slug, target, fl) == 0 &&
			    strcmp(x->slug, slash + 1) == 0)
				found = x;
		}
		if (!found) {
			for (size_t i = 0; i < site->n_insatser; i++, n++) {
				owned[n] = sg_asprintf("%s/%s", site->insatser[i]->forbund->slug, site->insatser[i]->slug);
				names[n] = owned[n];
			}
			*why = not_found("insats (write insats:<förbund>/<insats>)", ref, target, names, n);
		}
		break;
	}
	case SG_REF_KOMMUN: {
		char *slug = sg_slugify(target);
		for (size_t i = 0; i < site->n_kommuner && !found; i++) {
			names[n++] = site->kommuner[i]->slug;
			if (strcmp(site->kommuner[i]->slug, slug) == 0)
				found = site->kommuner[i];
		}
		free(slug);
		if (!found)
			*why = not_found("member kommun", ref, target, names, n);
		break;
	}
	case SG_REF_FORBUND:
		for (size_t i = 0; i < site->n_forbund && !found; i++) {
			names[n++] = site->forbund[i]->slug;
			if (strcmp(site->forbund[i]->slug, target) == 0)
				found = site->forbund[i];
		}
		if (!found)
			*why = not_found("förbund", ref, target, names, n);
		break;
	case SG_REF_NYHETSBREV:
		for (size_t i = 0; i < site->n_nyhetsbrev && !found; i++) {
			names[n++] = site->nyhetsbrev[i]->slug;
			if (strcmp(site->nyhetsbrev[i]->slug, target) == 0)
				found = site->nyhetsbrev[i];
		}
		for (size_t i = 0; i < site->n_nyhetsbrev_later && !found && !*why; i++)
			if (strcmp(site->nyhetsbrev_later[i]->slug, target) == 0) /* not out yet */
				*why = sg_asprintf("the link '%s' points at a newsletter dated %s, which is not published before "
				                   "that day; link to it from then on, or build with --build-future",
				                   ref, site->nyhetsbrev_later[i]->date);
		if (!found && !*why)
			*why = not_found("newsletter", ref, target, names, n);
		break;
	case SG_REF_EVENEMANG:
		for (size_t i = 0; i < site->n_evenemang && !found; i++) {
			names[n++] = site->evenemang[i]->slug;
			if (strcmp(site->evenemang[i]->slug, target) == 0 || strcmp(site->evenemang[i]->file_slug, target) == 0)
				found = site->evenemang[i]; /* by address or by file name */
		}
		if (!found)
			*why = not_found("event", ref, target, names, n);
		break;
	case SG_REF_SIDA:
	case SG_REF_COUNT:
		for (size_t i = 0; i < site->n_sidor && !found; i++) {
			names[n++] = site->sidor[i]->slug;
			if (strcmp(site->sidor[i]->slug, target) == 0)
				found = site->sidor[i];
		}
		if (!found)
			*why = not_found("page", ref, target, names, n);
		break;
	}
	for (size_t i = 0; i < cap; i++)
		free(owned[i]);
	free(owned);
	free(names);
	return found;
}

static sg_blankett *find_form(const sg_site *site, const char *slug)
{
	for (size_t i = 0; i < site->n_blanketter; i++)
		if (strcmp(site->blanketter[i]->slug, slug) == 0)
			return site->blanketter[i];
	return NULL;
}

static void form_error(const sg_site *site, sg_diags *d, const char *file, int line, int col, const char *slug)
{
	const char **names = sg_malloc((site->n_blanketter + 1) * sizeof *names);
	for (size_t i = 0; i < site->n_blanketter; i++)
		names[i] = site->blanketter[i]->slug;
	const char *close = sg_closest(slug, names, site->n_blanketter);
	if (close)
		sg_error(d, file, line, col, "there is no form '%s'; did you mean '%s'?", slug, close);
	else if (!sg_is_slug(slug))
		sg_error(d, file, line, col, "there is no form '%s': write the name of a file in content/blanketter/ without '.yaml'",
		         slug);
	else
		sg_error(d, file, line, col, "there is no form '%s': add content/blanketter/%s.yaml", slug, slug);
	free(names);
}

/* Every Markdown text of the site but the insatser' (sg_insats_each_text). */
static void other_texts(sg_site *site, sg_text_fn fn, void *ctx)
{
	for (size_t i = 0; i < site->n_forbund; i++)
		fn(site->forbund[i]->body, ctx);
	for (size_t i = 0; i < site->n_sidor; i++)
		fn(site->sidor[i]->body, ctx);
	for (size_t i = 0; i < site->n_nyhetsbrev; i++)
		fn(site->nyhetsbrev[i]->body, ctx);
	for (size_t i = 0; i < site->n_evenemang; i++)
		fn(site->evenemang[i]->body, ctx);
	for (size_t i = 0; i < site->n_blanketter; i++) {
		fn(site->blanketter[i]->intro, ctx);
		fn(site->blanketter[i]->consent, ctx);
	}
	for (size_t i = 0; i < site->n_vplaner; i++)
		fn(site->vplaner[i]->body, ctx);
}

void sg_insats_each_text(sg_insats *x, sg_text_fn fn, void *ctx)
{
	fn(x->body, ctx);
	fn(x->referral.how, ctx);
}

void sg_site_each_text(sg_site *site, sg_text_fn fn, void *ctx)
{
	other_texts(site, fn, ctx);
	for (size_t i = 0; i < site->n_insatser; i++)
		sg_insats_each_text(site->insatser[i], fn, ctx);
}

typedef struct {
	sg_site *site;
	sg_diags *d;
	char *content_dir; /* where content/bilder/ is, or NULL (no site.yaml: no image is placed) */
} resolve_job;

/* The markup of an image a text names (sg_image_html): the image is checked and, the first
 * time its file is named, kept in site->body_images for the write stage. */
static bool image_html(void *ctx, const char *src, const char *alt, const char *file, int line, int col,
                       char **before, char **after)
{
	resolve_job *j = ctx;
	if (!j->content_dir)
		return false; /* site.yaml is missing, and that is the error */
	sg_image *img = sg_image_named(j->d, file, line, col, src, alt, j->content_dir);
	if (!img)
		return false;
	const sg_image *same = NULL;
	for (size_t i = 0; i < j->site->n_body_images && !same; i++)
		if (strcmp(j->site->body_images[i]->path, img->path) == 0 &&
		    strcmp(j->site->body_images[i]->hash, img->hash) == 0)
			same = j->site->body_images[i];
	if (!same)
		SG_PUSH(j->site->body_images, j->site->n_body_images, img);
	/* in a text, an image is seldom what the reader sees first: lazy */
	sg_image_picture(same ? same : img, j->site->info.root, true, before, after);
	if (same)
		sg_image_free(img);
	return true;
}

static void resolve_text(sg_markdown *md, void *ctx)
{
	resolve_job *j = ctx;
	sg_markdown_images(md, image_html, j);
	sg_markdown_resolve(md, resolve, (void *)j->site, j->d);
}

static char *content_dir_of(const sg_site *site)
{
	return site->info.path ? sg_image_content_dir(site->info.path, SG_SRC_SITE) : NULL;
}

/* A meeting's `protokoll:` names a document (content/dokument/…/<slug>.yaml). */
static void resolve_protokoll(const sg_site *site, const sg_forbund *fb, sg_meeting *m, sg_diags *d)
{
	if (!m->protokoll_slug)
		return;
	const char **names = sg_malloc((site->n_dokument + 1) * sizeof *names);
	for (size_t i = 0; i < site->n_dokument; i++) {
		names[i] = site->dokument[i]->slug;
		if (strcmp(site->dokument[i]->slug, m->protokoll_slug) == 0)
			m->protokoll = site->dokument[i];
	}
	if (!m->protokoll) {
		const char *close = sg_closest(m->protokoll_slug, names, site->n_dokument);
		if (close)
			sg_error(d, fb->path, m->line, m->col, "there is no document '%s'; did you mean '%s'?", m->protokoll_slug,
			         close);
		else
			sg_error(d, fb->path, m->line, m->col,
			         "there is no document '%s': add content/dokument/%s.yaml (with the minutes beside it), or write "
			         "the name of a .yaml file in content/dokument/ without '.yaml'",
			         m->protokoll_slug, m->protokoll_slug);
	}
	free(names);
}

void sg_resolve_references(sg_site *site, sg_diags *d)
{
	/* the references in every Markdown text the site has */
	resolve_job j = {site, d, content_dir_of(site)};
	other_texts(site, resolve_text, &j);
	free(j.content_dir);

	/* forms: the förbund's default, and each insats' own or its förbund's */
	for (size_t i = 0; i < site->n_forbund; i++) {
		sg_forbund *fb = site->forbund[i];
		if (!fb->default_form_slug)
			continue;
		fb->default_form = find_form(site, fb->default_form_slug);
		if (!fb->default_form)
			form_error(site, d, fb->path, fb->default_form_line, fb->default_form_col, fb->default_form_slug);
	}
	for (size_t i = 0; i < site->n_insatser; i++)
		sg_insats_resolve(site, site->insatser[i], d);
	/* the minutes of the board's meetings: documents */
	for (size_t i = 0; i < site->n_forbund; i++)
		for (size_t k = 0; k < site->forbund[i]->n_meetings; k++)
			resolve_protokoll(site, site->forbund[i], &site->forbund[i]->meetings[k], d);
}

void sg_insats_resolve(sg_site *site, sg_insats *x, sg_diags *d)
{
	resolve_job j = {site, d, content_dir_of(site)};
	sg_insats_each_text(x, resolve_text, &j);
	free(j.content_dir);
	if (x->referral.form) {
		x->referral.blankett = find_form(site, x->referral.form);
		if (!x->referral.blankett)
			form_error(site, d, x->path, x->referral.form_line, x->referral.form_col, x->referral.form);
	} else if (x->area != SG_AREA_STRUKTUR && x->referral.open) {
		/* the förbund's form, for the insatser that take referrals now */
		x->referral.blankett = x->forbund->default_form;
	}
}
