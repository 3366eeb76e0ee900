/* decap.h — `sofgen serve --cms`: decap-server (npm package, installed by make decap /
 * make install under the Decap folder, write/cms.h) run with node as a child process,
 * so Decap CMS at /admin/ saves into the site's own files on this computer; serve sees
 * the change and rebuilds, as for any edit. The child listens on 127.0.0.1 only and
 * is stopped with the server. */
#ifndef SG_SERVE_DECAP_H
#define SG_SERVE_DECAP_H
#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>

#include "../util/buf.h"

typedef struct sg_decap_server sg_decap_server;

/* Starts decap-server from decap_dir/server in site_dir (the folder with content/) on
 * 127.0.0.1:port, with the signal mask `child_mask` (serve blocks its stop signals;
 * the child must not). Waits until it answers (at most about 15 s). NULL with the
 * reason in err when node or decap-server is missing, or the server does not come up
 * (e.g. the port is taken). The node program is $SOFGEN_NODE, else `node` on PATH. */
sg_decap_server *sg_decap_start(const char *decap_dir, const char *site_dir, unsigned port,
                                const sigset_t *child_mask, sg_buf *err);
/* Stops it (SIGTERM, then SIGKILL after 3 s) and frees it. NULL is fine. */
void sg_decap_stop(sg_decap_server *s);

#endif
