/* cms.h — the web editor: Decap CMS (decapcms.org) configured from the same key tables
 * in read/kinds.c that `sofgen check` and `sofgen schema` use, so the editor's forms
 * and the checks never disagree about which keys exist, their types, choices and which
 * are required. When site.yaml has a `cms:` block, a build writes /admin/index.html (a
 * Swedish page that loads the bundle from the site itself), /admin/config.yml and the
 * Decap bundle (decap-cms.js and its chunks, from the npm package `decap-cms`, pinned
 * in mk/decap.mk and fetched by `make decap`). Without `cms:` nothing is written. */
#ifndef SG_WRITE_CMS_H
#define SG_WRITE_CMS_H
#include <stddef.h>

#include "../model/model.h"
#include "../util/diag.h"
#include "output.h"
#include "paths.h"

/* The Decap CMS version this sofgen was built for (mk/decap.mk's DECAP_VERSION). */
const char *sg_cms_decap_version(void);

/* config.yml for Decap CMS (malloc'd YAML, every string double-quoted): site.yaml as a
 * file collection, one folder collection per content kind, and one collection of
 * insatser per förbund whose kommun lists offer exactly that förbund's members. The
 * site must have a `cms:` block (site->info.cms.backend). local_port: the port of
 * decap-server that `sofgen serve --cms` runs (Decap then saves through it, whatever
 * the backend), or 0 (backend local: port 8081). */
char *sg_cms_config_yml(const sg_site *site, unsigned local_port);

/* /admin/index.html (malloc'd): Swedish, loads admin/decap-cms.js (never from another
 * host) and lets Decap find config.yml beside it. */
char *sg_cms_admin_html(const sg_site *site);

/* Where the Decap files are: $SOFGEN_DECAP_DIR, else `datadir`/decap (make install), else
 * build/decap beside the running binary (make decap in a checkout). The folder holds
 * cms/ (decap-cms.js, its chunks, VERSION) and server/ (decap-server). Returns the
 * first that has cms/decap-cms.js (malloc'd), or NULL. `datadir` may be NULL. */
char *sg_cms_find_dir(const char *datadir);

/* Writes admin/index.html, admin/config.yml (local_port as for sg_cms_config_yml) and
 * the bundle from `decap_dir` (may be NULL: not found) into out. A missing or different
 * bundle is an error that says what to run. Returns the number of files written, or -1. */
long sg_cms_write_admin(sg_output *out, const sg_site *site, const char *decap_dir, unsigned local_port,
                        sg_diags *d);

/* Adds the admin files to a site's paths (paths.h), so a page or asset at /admin/ is
 * reported, not silently replaced. Nothing when the site has no `cms:`. */
void sg_cms_paths(const sg_site *site, sg_out_paths *out);

#endif
