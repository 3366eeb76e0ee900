/* sitemap.h — /sitemap.xml (sitemaps.org protocol) and /robots.txt. */
#ifndef SG_SITEMAP_H
#define SG_SITEMAP_H

#include "../plan/plan.h"
#include "../util/buf.h"

void sg_sitemap_render(const sg_plan *plan, const char *base_url, sg_buf *out);
void sg_robots_render(const char *base_url, sg_buf *out);

#endif
