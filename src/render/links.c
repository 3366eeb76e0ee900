/* links.c — the addresses of references between content (see links.h). */
#include "links.h"

#include <stdlib.h>

#include "../model/refs.h"
#include "../plan/plan.h"
#include "../util/alloc.h"

/* The site-relative URL of what a reference names, below the site's path ("/varend"). */
static char *url_of(void *ctx, size_t kind, const void *target)
{
	const sg_site *site = ctx;
	char *url = NULL;
	switch ((sg_ref_kind)kind) {
	case SG_REF_INSATS: url = sg_url_insats(target); break;
	case SG_REF_KOMMUN: url = sg_url_kommun(target); break;
	case SG_REF_FORBUND: url = sg_url_forbund(target); break;
	case SG_REF_NYHETSBREV: url = sg_url_nyhetsbrev(target); break;
	case SG_REF_EVENEMANG: url = sg_url_evenemang(target); break;
	case SG_REF_SIDA:
	case SG_REF_COUNT: url = sg_url_sida(target); break;
	}
	char *full = sg_asprintf("%s%s", site->info.root ? site->info.root : "", url);
	free(url);
	return full;
}

static void link_text(sg_markdown *md, void *ctx) { sg_markdown_link(md, url_of, ctx); }

void sg_links_write(sg_site *site) { sg_site_each_text(site, link_text, site); }

void sg_links_write_insats(const sg_site *site, sg_insats *x) { sg_insats_each_text(x, link_text, (void *)site); }
