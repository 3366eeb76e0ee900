/* refs.c — what can only be checked once the whole site is read: references between
 * content in Markdown ("insats:sjuharad/aktiv-halsa", "kommun:boras", …) and the
 * referral form each insats uses. */
#include <stdlib.h>
#include <string.h>

#include "../plan/plan.h"
#include "../util/alloc.h"
#include "../util/slug.h"
#include "../util/suggest.h"
#include "builders.h"

/* Prefixes the site's path ("/varend") to a site-relative URL (takes url). */
static char *rooted(const sg_site *site, char *url)
{
	char *full = sg_asprintf("%s%s", site->info.root ? site->info.root : "", url);
	free(url);
	return full;
}

static char *not_found(const char *what, const char *ref, const char *target, const char **names, size_t n)
{
	const char *close = sg_closest(target, names, n);
	if (close)
		return sg_asprintf("the link '%s' points at no %s; did you mean '%s'?", ref, what, close);
	return sg_asprintf("the link '%s' points at no %s", ref, what);
}

static char *resolve(void *ctx, const char *ref, char **why)
{
	const sg_site *site = ctx;
	const char *colon = strchr(ref, ':');
	size_t slen = (size_t)(colon - ref);
	const char *target = colon + 1;
	char *url = NULL;
	size_t cap = site->n_insatser + site->n_kommuner + site->n_forbund + site->n_nyhetsbrev + site->n_evenemang +
	             site->n_sidor + 1;
	const char **names = sg_malloc(cap * sizeof *names);
	char **owned = sg_calloc(cap, sizeof *owned);
	size_t n = 0;
	if (strncmp(ref, "insats", slen) == 0) {
		/* compared in place: the "förbund/insats" names are only made for a suggestion */
		const char *slash = strchr(target, '/');
		size_t fl = slash ? (size_t)(slash - target) : 0;
		for (size_t i = 0; slash && i < site->n_insatser && !url; i++) {
			const sg_insats *x = site->insatser[i];
			if (strlen(x->forbund->slug) == fl && strncmp(x->forbund->slug, target, fl) == 0 &&
			    strcmp(x->slug, slash + 1) == 0)
				url = sg_url_insats(x);
		}
		if (!url) {
			for (size_t i = 0; i < site->n_insatser; i++, n++) {
				owned[n] = sg_asprintf("%s/%s", site->insatser[i]->forbund->slug, site->insatser[i]->slug);
				names[n] = owned[n];
			}
			*why = not_found("insats (write insats:<förbund>/<insats>)", ref, target, names, n);
		}
	} else if (strncmp(ref, "kommun", slen) == 0) {
		char *slug = sg_slugify(target);
		for (size_t i = 0; i < site->n_kommuner && !url; i++) {
			names[n++] = site->kommuner[i]->slug;
			if (strcmp(site->kommuner[i]->slug, slug) == 0)
				url = sg_url_kommun(site->kommuner[i]);
		}
		free(slug);
		if (!url)
			*why = not_found("member kommun", ref, target, names, n);
	} else if (strncmp(ref, "forbund", slen) == 0) {
		for (size_t i = 0; i < site->n_forbund && !url; i++) {
			names[n++] = site->forbund[i]->slug;
			if (strcmp(site->forbund[i]->slug, target) == 0)
				url = sg_url_forbund(site->forbund[i]);
		}
		if (!url)
			*why = not_found("förbund", ref, target, names, n);
	} else if (strncmp(ref, "nyhetsbrev", slen) == 0) {
		for (size_t i = 0; i < site->n_nyhetsbrev && !url; i++) {
			names[n++] = site->nyhetsbrev[i]->slug;
			if (strcmp(site->nyhetsbrev[i]->slug, target) == 0)
				url = sg_asprintf("/nyhetsbrev/%s/", target);
		}
		if (!url)
			*why = not_found("newsletter", ref, target, names, n);
	} else if (strncmp(ref, "evenemang", slen) == 0) {
		for (size_t i = 0; i < site->n_evenemang && !url; i++) {
			names[n++] = site->evenemang[i]->slug;
			if (strcmp(site->evenemang[i]->slug, target) == 0)
				url = sg_asprintf("/evenemang/%s/", target);
		}
		if (!url)
			*why = not_found("event", ref, target, names, n);
	} else { /* sida */
		for (size_t i = 0; i < site->n_sidor && !url; i++) {
			names[n++] = site->sidor[i]->slug;
			if (strcmp(site->sidor[i]->slug, target) == 0)
				url = sg_url_sida(site->sidor[i]);
		}
		if (!url)
			*why = not_found("page", ref, target, names, n);
	}
	for (size_t i = 0; i < cap; i++)
		free(owned[i]);
	free(owned);
	free(names);
	return url ? rooted(site, url) : NULL;
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

void sg_resolve_references(sg_site *site, sg_diags *d)
{
	/* the references in every Markdown text the site has */
	for (size_t i = 0; i < site->n_forbund; i++)
		sg_markdown_resolve(site->forbund[i]->body, resolve, site, d);
	for (size_t i = 0; i < site->n_sidor; i++)
		sg_markdown_resolve(site->sidor[i]->body, resolve, site, d);
	for (size_t i = 0; i < site->n_nyhetsbrev; i++)
		sg_markdown_resolve(site->nyhetsbrev[i]->body, resolve, site, d);
	for (size_t i = 0; i < site->n_evenemang; i++)
		sg_markdown_resolve(site->evenemang[i]->body, resolve, site, d);
	for (size_t i = 0; i < site->n_blanketter; i++) {
		sg_markdown_resolve(site->blanketter[i]->intro, resolve, site, d);
		sg_markdown_resolve(site->blanketter[i]->consent, resolve, site, d);
	}

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
}

void sg_insats_resolve(const sg_site *site, sg_insats *x, sg_diags *d)
{
	sg_markdown_resolve(x->body, resolve, (void *)site, d);
	sg_markdown_resolve(x->referral.how, resolve, (void *)site, d);
	if (x->referral.form) {
		x->referral.blankett = find_form(site, x->referral.form);
		if (!x->referral.blankett)
			form_error(site, d, x->path, x->referral.form_line, x->referral.form_col, x->referral.form);
	} else if (x->area != SG_AREA_STRUKTUR && x->referral.open) {
		/* the förbund's form, for the insatser that take referrals now */
		x->referral.blankett = x->forbund->default_form;
	}
}
