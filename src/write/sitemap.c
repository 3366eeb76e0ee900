/* sitemap.c — sitemap.xml and robots.txt (see sitemap.h). */
#include "sitemap.h"

#include <stdlib.h>
#include <string.h>

#include "../util/escape.h"

static void absolute(sg_buf *out, const char *base_url, const char *url)
{
	char *full = sg_url_absolute(base_url, url);
	sg_escape_html(out, full, strlen(full));
	free(full);
}

void sg_sitemap_render(const sg_plan *plan, const char *base_url, sg_buf *out)
{
	sg_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                 "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	for (size_t i = 0; i < plan->n_pages; i++) {
		if (plan->pages[i].kind == SG_PAGE_NOT_FOUND)
			continue;
		sg_buf_puts(out, "<url><loc>");
		absolute(out, base_url, plan->pages[i].url);
		sg_buf_puts(out, "</loc></url>\n");
	}
	sg_buf_puts(out, "</urlset>\n");
}

void sg_robots_render(const char *base_url, sg_buf *out)
{
	char *sitemap = sg_url_absolute(base_url, "/sitemap.xml");
	sg_buf_printf(out, "User-agent: *\nAllow: /\n\nSitemap: %s\n", sitemap);
	free(sitemap);
}
