/* publications.h — the files besides HTML pages that publications need: Atom feeds,
 * iCalendar files, the plain-text e-mail version of each newsletter, and the
 * documents themselves (copied from content/dokument/). */
#ifndef SG_WRITE_PUBLICATIONS_H
#define SG_WRITE_PUBLICATIONS_H

#include "../model/model.h"
#include "../plan/plan.h"
#include "../util/diag.h"
#include "output.h"
#include "paths.h"

/* Writes them, with the texts the render stage made from the site's Markdown
 * (render/publication_text.h): news_text[i] the whole plain-text version of
 * site->nyhetsbrev[i], event_text[i] the description of site->evenemang[i]. Returns the
 * number of files written, or -1 after an I/O error was added to d. */
long sg_write_publications(sg_output *out, const sg_site *site, char *const *news_text, char *const *event_text,
                           sg_diags *d);
/* The paths of the files sg_write_publications writes, documents excepted (paths.h
 * lists them), added to out in the same order. */
void sg_publications_paths(const sg_site *site, sg_out_paths *out);

#endif
