/* server.h — the HTTP side of `sofgen serve`: serves a built site folder with
 * libmicrohttpd, plus the live-reload endpoints of livereload.h.
 *
 * - GET and HEAD only; every response has Cache-Control: no-store (a development
 *   server: a reload must show the newest build) and X-Content-Type-Options: nosniff.
 * - A folder is served as its index.html; /x where x is a folder redirects to /x/
 *   (with one leading slash: //x goes to /x/, which a browser never reads as a host).
 * - Only requests for this server's own names are answered: Host localhost, 127.0.0.1,
 *   [::1] or the address listened on (any IP address when that is a wildcard), with its
 *   port or none; anything else is 421 (DNS rebinding). No Host: HTTP/1.0 is answered,
 *   HTTP/1.1 is 400.
 * - Anything that is not a file of the site is the site's own 404.html with status 404.
 * - Request paths are checked before any file is touched (sg_serve_path): a `.` or
 *   `..` segment, a backslash, a NUL or other control character, an encoded slash
 *   (%2f) and a malformed %-escape are all refused (404) — after percent-decoding, so
 *   %2e%2e is `..`. Files are then opened below the site folder with openat2
 *   RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS where the kernel has it.
 * - HTML responses get the live-reload <script> tag before </body>; the files on disk
 *   are never changed.
 *
 * Threads: libmicrohttpd runs a listening thread and one thread per connection, so a
 * Server-Sent Events stream may block in its own thread until there is news. At most
 * SG_LR_MAX_STREAMS (32) of the 128 connections are streams (the oldest makes room, and
 * its connection closes), so pages always find a connection and a thread. The
 * server owns all the state it shares with those threads (the site folder's path and
 * the sg_livereload); there is no global state. */
#ifndef SG_SERVER_H
#define SG_SERVER_H
#include <stdbool.h>

#include "../util/buf.h"
#include "../util/diag.h"

typedef struct sg_server sg_server;

typedef struct sg_server_opts {
	const char *bind_addr; /* an IPv4 or IPv6 address (or a host name) to listen on */
	unsigned port;         /* 0: any free port (see sg_server_port) */
	const char *site_dir;  /* the folder to serve; it may be replaced (renamed over) at any time */
	const char *prefix;    /* the site's path ("/varend" when base_url has one), or NULL/"" */
} sg_server_opts;

/* Starts listening and serving in background threads. Returns NULL with a message in
 * err when the address cannot be used (e.g. the port is taken). Until sg_server_built is
 * called, every page is a placeholder saying the site is not built yet. */
sg_server *sg_server_start(const sg_server_opts *o, sg_buf *err);
/* The port actually listened on. */
unsigned sg_server_port(const sg_server *s);
/* The site's address, "http://127.0.0.1:1313/" or "http://[::1]:1313/" (malloc'd). */
char *sg_server_url(const sg_server *s);
/* A new build is in place in site_dir: open pages reload. */
void sg_server_built(sg_server *s);
/* The same, and the warnings in d (only read) are shown on every page, apart from
 * errors, until the next build. */
void sg_server_built_warned(sg_server *s, const sg_diags *d);
/* A build failed; the errors and warnings in d are shown on every page until the next
 * build. */
void sg_server_failed(sg_server *s, const sg_diags *d);
/* Ends every stream, closes every connection, joins the threads and frees s. */
void sg_server_stop(sg_server *s);

/* The file path that a request path asks for, relative to the site folder, or NULL
 * when the request path is refused (see above). "/" gives "", "/a/b/" gives "a/b";
 * *trailing_slash tells whether the request path ended with '/'. malloc'd. */
char *sg_serve_path(const char *raw_path, bool *trailing_slash);
/* The Content-Type for a file name, by its extension (application/octet-stream when
 * unknown; text types with charset=utf-8). */
const char *sg_serve_mime(const char *name);

#endif
