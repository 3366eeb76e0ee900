/* atom.h — Atom feeds (RFC 4287) of informationsbrev. */
#ifndef SG_ATOM_H
#define SG_ATOM_H
#include <stddef.h>

#include "../model/model.h"
#include "../util/buf.h"

/* A feed of `items` (newest first). `self` is the feed's own path ("/nyhetsbrev/feed.xml")
 * and `alternate` the page it belongs to; both are made absolute with the site's
 * base_url. Entry ids are the newsletters' absolute URLs: stable across builds. */
void sg_atom_render(const sg_site *site, const char *title, const char *self, const char *alternate,
                    sg_nyhetsbrev *const *items, size_t n, sg_buf *out);

#endif
