/* links.h — the addresses of references between content. The model resolves each
 * reference in a Markdown text ("insats:sjuharad/x") to the content it names
 * (model/refs.h); these write the URL of that content into the link and keep only the
 * HTML of texts that are not also sent as e-mail or calendar text (sg_markdown_link).
 * Call once the model is built (or an insats rebuilt), before pages are rendered:
 * afterwards the model is only read. */
#ifndef SG_LINKS_H
#define SG_LINKS_H

#include "../model/model.h"

/* Every text of the site. */
void sg_links_write(sg_site *site);
/* The texts of one insats (after sg_insats_resolve, for serve's rebuilds). */
void sg_links_write_insats(const sg_site *site, sg_insats *x);

#endif
