/* sitemap.c — sitemap.xml and robots.txt (see sitemap.h). */
#include "sitemap.h"

#include <stdlib.h>
#include <string.h>

#include "../util/escape.h"


void sg_sitemap_render(const sg_plan *plan, const char *base_url, sg_buf *out)
{
	sg_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                 "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	/* each address is the site's base (as sg_url_absolute joins them) and the page's path */
	char *base = sg_url_absolute(base_url, "");
	size_t base_len = strlen(base);
	for (size_t i = 0; i < plan->n_pages; i++) {
		if (!sg_plan_kind(plan, plan->pages[i].kind)->in_sitemap)
			continue;
		sg_buf_puts(out, "<url><loc>");
		sg_escape_html(out, base, base_len);
		sg_escape_html(out, plan->pages[i].url, strlen(plan->pages[i].url));
		sg_buf_puts(out, "</loc></url>\n");
	}
	free(base);
	sg_buf_puts(out, "</urlset>\n");
}

void sg_robots_render(const char *base_url, sg_buf *out)
{
	char *sitemap = sg_url_absolute(base_url, "/sitemap.xml");
	sg_buf_printf(out, "User-agent: *\nAllow: /\n\nSitemap: %s\n", sitemap);
	free(sitemap);
}
