/* sitemap.c — sitemap.xml and robots.txt (see sitemap.h). */
#include "sitemap.h"

#include <string.h>

#include "../util/escape.h"

static void absolute(sg_buf *out, const char *base_url, const char *url)
{
	size_t bl = strlen(base_url);
	if (bl && base_url[bl - 1] == '/')
		bl--;
	sg_escape_html(out, base_url, bl);
	sg_escape_html(out, url, strlen(url));
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
	sg_buf_puts(out, "User-agent: *\nAllow: /\n\nSitemap: ");
	size_t bl = strlen(base_url);
	if (bl && base_url[bl - 1] == '/')
		bl--;
	sg_buf_put(out, base_url, bl);
	sg_buf_puts(out, "/sitemap.xml\n");
}
