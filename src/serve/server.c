/* server.c — serving the built site and the live-reload endpoints with libmicrohttpd
 * (see server.h).
 *
 * libmicrohttpd would percent-decode request paths before we see them (and a %00 would
 * cut the path short), so it is given an unescape callback that changes nothing, and
 * sg_serve_path decodes and checks the raw path itself. */
#include "server.h"

#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/escape.h"
#include "../util/alloc.h"
#include "../util/fs.h"
#include "../util/i18n.h"
#include "livereload.h"

#define CONNECTION_LIMIT 128
#define CONNECTION_TIMEOUT_S 60
#define SSE_KEEPALIVE_MS 10000
#define MAX_HTML_BYTES (64u << 20)

struct sg_server {
	struct MHD_Daemon *daemon;
	sg_livereload *lr;
	char *site_dir;
	char *prefix; /* "" or e.g. "/varend": the path the built links start with */
	char host[64]; /* the numeric address listened on, for the URL */
	int family;
	unsigned port;
};

/* ---- request paths and types ---- */


char *sg_serve_path(const char *raw, bool *trailing_slash)
{
	if (!raw || raw[0] != '/')
		return NULL;
	size_t n = strlen(raw);
	char *out = sg_malloc(n + 1);
	size_t o = 0, seg = 0; /* out[seg..o) is the segment being decoded */
	for (size_t i = 1; i <= n; i++) {
		char c = raw[i];
		if (c == '/' || c == '\0') {
			size_t len = o - seg;
			if ((len == 1 && out[seg] == '.') || (len == 2 && out[seg] == '.' && out[seg + 1] == '.'))
				goto refuse;
			if (len > 0 && c == '/') {
				out[o++] = '/';
				seg = o;
			}
			continue;
		}
		unsigned char b = (unsigned char)c;
		if (c == '%') {
			int hi = sg_hex_digit(raw[i + 1]), lo = hi >= 0 ? sg_hex_digit(raw[i + 2]) : -1;
			if (hi < 0 || lo < 0)
				goto refuse;
			b = (unsigned char)(hi * 16 + lo);
			i += 2;
			if (b == '/')
				goto refuse; /* an encoded slash would hide a segment boundary */
		}
		if (b < 0x20 || b == 0x7f || b == '\\')
			goto refuse; /* NUL, control characters, Windows-style separators */
		out[o++] = (char)b;
	}
	if (o > 0 && out[o - 1] == '/')
		o--;
	out[o] = '\0';
	*trailing_slash = raw[n - 1] == '/';
	return out;
refuse:
	free(out);
	return NULL;
}

const char *sg_serve_mime(const char *name)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{"html", "text/html; charset=utf-8"},
		{"htm", "text/html; charset=utf-8"},
		{"css", "text/css; charset=utf-8"},
		{"js", "text/javascript; charset=utf-8"},
		{"mjs", "text/javascript; charset=utf-8"},
		{"json", "application/json"},
		{"jsonld", "application/ld+json"},
		{"rdf", "application/rdf+xml"},
		{"map", "application/json"},
		{"webmanifest", "application/manifest+json"},
		{"xml", "application/xml"},
		{"svg", "image/svg+xml"},
		{"png", "image/png"},
		{"jpg", "image/jpeg"},
		{"jpeg", "image/jpeg"},
		{"gif", "image/gif"},
		{"webp", "image/webp"},
		{"avif", "image/avif"},
		{"ico", "image/vnd.microsoft.icon"},
		{"ics", "text/calendar; charset=utf-8"},
		{"txt", "text/plain; charset=utf-8"},
		{"csv", "text/csv; charset=utf-8"},
		{"yml", "text/yaml; charset=utf-8"}, /* the web editor's admin/config.yml */
		{"md", "text/markdown; charset=utf-8"},
		{"pdf", "application/pdf"},
		{"woff", "font/woff"},
		{"woff2", "font/woff2"},
		{"ttf", "font/ttf"},
		{"otf", "font/otf"},
		{"mp4", "video/mp4"},
		{"webm", "video/webm"},
		{"mp3", "audio/mpeg"},
		{"zip", "application/zip"},
	};
	const char *slash = strrchr(name, '/'), *dot = strrchr(slash ? slash + 1 : name, '.');
	if (dot)
		for (size_t i = 0; i < sizeof types / sizeof *types; i++)
			if (strcasecmp(dot + 1, types[i].ext) == 0)
				return types[i].type;
	return "application/octet-stream";
}

static bool is_html(const char *mime) { return strncmp(mime, "text/html", 9) == 0; }

/* ---- files below the site folder ---- */

static char *read_fd(int fd, size_t size, size_t *len)
{
	if (size > MAX_HTML_BYTES)
		return NULL;
	char *data = sg_malloc(size + 1);
	size_t n = 0;
	while (n < size) {
		ssize_t r = read(fd, data + n, size - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break; /* shorter than fstat said (replaced meanwhile): serve what there is */
		n += (size_t)r;
	}
	data[n] = '\0';
	*len = n;
	return data;
}

/* ---- responses ---- */

static enum MHD_Result queue(struct MHD_Connection *c, unsigned status, struct MHD_Response *r, const char *type)
{
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	enum MHD_Result ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result plain(struct MHD_Connection *c, unsigned status, const char *text)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_PERSISTENT);
	return queue(c, status, r, "text/plain; charset=utf-8");
}

static enum MHD_Result html(struct MHD_Connection *c, unsigned status, char *page, size_t len)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, page, MHD_RESPMEM_MUST_FREE);
	if (!r)
		free(page);
	return queue(c, status, r, "text/html; charset=utf-8");
}

/* Serves the open regular file fd (taken over); HTML gets the live-reload tag. */
static enum MHD_Result file(struct MHD_Connection *c, unsigned status, int fd, const struct stat *st,
                            const char *name, unsigned long gen)
{
	const char *type = sg_serve_mime(name);
	if (is_html(type)) {
		size_t len, out_len;
		char *text = read_fd(fd, (size_t)st->st_size, &len);
		close(fd);
		if (!text)
			return plain(c, MHD_HTTP_INTERNAL_SERVER_ERROR, _("sofgen serve: cannot read the page\n"));
		char *page = sg_livereload_inject(text, len, gen, &out_len);
		free(text);
		return html(c, status, page, out_len);
	}
	struct MHD_Response *r = MHD_create_response_from_fd64((uint64_t)st->st_size, fd);
	if (!r)
		close(fd);
	return queue(c, status, r, type);
}

static enum MHD_Result not_found(struct MHD_Connection *c, int root, unsigned long gen)
{
	int fd = root >= 0 ? sg_open_beneath(root, "404.html", O_RDONLY | O_CLOEXEC | O_NONBLOCK) : -1;
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		return file(c, MHD_HTTP_NOT_FOUND, fd, &st, "404.html", gen);
	if (fd >= 0)
		close(fd);
	return plain(c, MHD_HTTP_NOT_FOUND, "404 Not Found\n");
}

static enum MHD_Result redirect(struct MHD_Connection *c, const char *url)
{
	/* exactly one leading slash: a browser reads "//kommun/boras/" as the host "kommun" */
	while (url[0] == '/' && url[1] == '/')
		url++;
	char *to = sg_asprintf("%s/", url);
	struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	if (r)
		MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, to);
	free(to);
	/* 302, not 301: browsers keep 301s, and during development x may become a file */
	return queue(c, MHD_HTTP_FOUND, r, "text/plain; charset=utf-8");
}

static enum MHD_Result serve_site(sg_server *s, struct MHD_Connection *c, const char *url)
{
	/* the generation is read before any file: a page is never older than the number it
	 * carries, so it cannot miss a reload (at worst it reloads once more) */
	unsigned long gen = sg_livereload_generation(s->lr);
	if (gen == 0) {
		size_t len;
		char *page = sg_livereload_placeholder_page(&len);
		return html(c, MHD_HTTP_SERVICE_UNAVAILABLE, page, len);
	}
	/* a site below a path (base_url https://example.se/varend/) links to /varend/…:
	 * serve it there, and send / to it */
	size_t pl = strlen(s->prefix);
	if (pl) {
		if (strncmp(url, s->prefix, pl) == 0 && url[pl] == '/')
			url += pl;
		else if (strncmp(url, s->prefix, pl) == 0 && url[pl] == '\0')
			return redirect(c, s->prefix);
		else if (strcmp(url, "/") == 0)
			return redirect(c, s->prefix);
	}
	int root = open(s->site_dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (root < 0)
		return plain(c, MHD_HTTP_INTERNAL_SERVER_ERROR, _("sofgen serve: the site folder is gone\n"));
	bool slash = false;
	char *rel = sg_serve_path(url, &slash);
	if (!rel) { /* refused before any file is touched; the answer is the usual 404 */
		enum MHD_Result refused = not_found(c, root, gen);
		close(root);
		return refused;
	}
	enum MHD_Result ok;
	const char *name = rel;
	struct stat st;
	int fd = sg_open_beneath(root, *rel ? rel : ".", O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd >= 0 && fstat(fd, &st) != 0) {
		close(fd);
		fd = -1;
	}
	if (fd >= 0 && S_ISDIR(st.st_mode)) {
		if (!slash) {
			close(fd);
			ok = redirect(c, url);
			goto out;
		}
		int index = sg_open_beneath(fd, "index.html", O_RDONLY | O_CLOEXEC | O_NONBLOCK);
		close(fd);
		fd = index;
		name = "index.html";
		if (fd >= 0 && fstat(fd, &st) != 0) {
			close(fd);
			fd = -1;
		}
	} else if (fd >= 0 && (slash || !S_ISREG(st.st_mode))) {
		close(fd); /* a file asked for as a folder, or not a regular file */
		fd = -1;
	}
	if (fd >= 0 && S_ISREG(st.st_mode))
		ok = file(c, MHD_HTTP_OK, fd, &st, name, gen);
	else {
		if (fd >= 0)
			close(fd);
		ok = not_found(c, root, gen);
	}
out:
	free(rel);
	close(root);
	return ok;
}

static ssize_t sse_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	(void)pos;
	ssize_t n = sg_sse_stream_read(cls, buf, max, SSE_KEEPALIVE_MS);
	return n < 0 ? MHD_CONTENT_READER_END_OF_STREAM : n;
}

static void sse_free(void *cls) { sg_sse_stream_free(cls); }

static enum MHD_Result serve_events(sg_server *s, struct MHD_Connection *c)
{
	const char *since = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "since");
	long long g = -1;
	if (since && *since) {
		char *end;
		errno = 0;
		g = strtoll(since, &end, 10);
		if (*end || errno || g < 0)
			g = -1;
	}
	sg_sse_stream *st = sg_sse_stream_new(s->lr, g);
	struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024, sse_read, st, sse_free);
	if (!r) {
		sg_sse_stream_free(st);
		return MHD_NO;
	}
	MHD_add_response_header(r, "X-Accel-Buffering", "no");
	/* when it ends (bye, or the server stopping) the connection goes too */
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
	return queue(c, MHD_HTTP_OK, r, "text/event-stream; charset=utf-8");
}

/* ---- the Host header ---- */

/* True when host (the Host header, or NULL) names this server: localhost, 127.0.0.1,
 * [::1] or the address listened on (any IP address when that is 0.0.0.0 or ::), with
 * our port or none. Any other name could be a web page's own domain pointed at this
 * machine (DNS rebinding), and that page could then read the preview. A request
 * without Host (HTTP/1.0; on_request refuses HTTP/1.1 without one, as RFC 9112 asks)
 * comes from no browser, so from no web page: answered. */
static bool host_allowed(const sg_server *s, const char *host)
{
	if (!host)
		return true;
	const char *name = host, *after;
	size_t len;
	bool bracketed = host[0] == '[';
	if (bracketed) {
		const char *close = strchr(host, ']');
		if (!close)
			return false;
		name = host + 1;
		len = (size_t)(close - name);
		after = close + 1;
	} else {
		len = strcspn(host, ":");
		after = host + len;
	}
	if (*after == ':') {
		char port[8];
		snprintf(port, sizeof port, "%u", s->port);
		if (strcmp(after + 1, port) != 0)
			return false;
	} else if (*after) {
		return false;
	}
	char buf[INET6_ADDRSTRLEN + 8];
	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, name, len);
	buf[len] = '\0';
	unsigned char addr[sizeof(struct in6_addr)];
	bool ip = inet_pton(bracketed ? AF_INET6 : AF_INET, buf, addr) == 1;
	if (!bracketed && strcasecmp(buf, "localhost") == 0)
		return true;
	if (!ip)
		return false; /* a name, or an IPv6 address without brackets */
	if (strcmp(buf, bracketed ? "::1" : "127.0.0.1") == 0 || strcasecmp(buf, s->host) == 0)
		return true;
	return strcmp(s->host, "0.0.0.0") == 0 || strcmp(s->host, "::") == 0; /* every address of the machine */
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_data_size,
                                  void **req_cls)
{
	sg_server *s = cls;
	(void)upload_data;
	if (!*req_cls) { /* the headers are in; the answer comes on the next call */
		*req_cls = s;
		return MHD_YES;
	}
	if (*upload_data_size) { /* a body is ignored */
		*upload_data_size = 0;
		return MHD_YES;
	}
	const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	if (!host && strcmp(version, MHD_HTTP_VERSION_1_0) != 0)
		return plain(c, MHD_HTTP_BAD_REQUEST, "400 Bad Request: an HTTP/1.1 request needs a Host header\n");
	if (!host_allowed(s, host))
		return plain(c, MHD_HTTP_MISDIRECTED_REQUEST,
		             "421 Misdirected Request: sofgen serve answers only requests for localhost, 127.0.0.1, [::1] "
		             "or the address it listens on, so that no web site can read this preview through its own "
		             "domain name (DNS rebinding). Open the address sofgen serve printed.\n");
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
		struct MHD_Response *r = MHD_create_response_from_buffer(
			strlen("only GET and HEAD\n"), (void *)"only GET and HEAD\n", MHD_RESPMEM_PERSISTENT);
		if (r)
			MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
		return queue(c, MHD_HTTP_METHOD_NOT_ALLOWED, r, "text/plain; charset=utf-8");
	}
	if (strncmp(url, SG_LR_PREFIX, strlen(SG_LR_PREFIX)) == 0) {
		if (strcmp(url, SG_LR_EVENTS_PATH) == 0)
			return serve_events(s, c);
		if (strcmp(url, SG_LR_ERRORS_PATH) == 0) {
			char *json = sg_livereload_errors_json(s->lr);
			struct MHD_Response *r = MHD_create_response_from_buffer(strlen(json), json, MHD_RESPMEM_MUST_FREE);
			if (!r)
				free(json);
			return queue(c, MHD_HTTP_OK, r, "application/json");
		}
		if (strcmp(url, SG_LR_SCRIPT_PATH) == 0) {
			struct MHD_Response *r = MHD_create_response_from_buffer(
				strlen(sg_livereload_js), (void *)sg_livereload_js, MHD_RESPMEM_PERSISTENT);
			return queue(c, MHD_HTTP_OK, r, "text/javascript; charset=utf-8");
		}
		return plain(c, MHD_HTTP_NOT_FOUND, "404 Not Found\n");
	}
	return serve_site(s, c, url);
}

/* keeps the request path exactly as sent (see the top of this file) */
static size_t keep_escapes(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

/* ---- the daemon ---- */

static int listen_on(sg_server *s, const char *addr, unsigned port, sg_buf *err)
{
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE | AI_NUMERICSERV};
	struct addrinfo *res;
	char service[16];
	snprintf(service, sizeof service, "%u", port);
	int rc = getaddrinfo(addr, service, &hints, &res);
	if (rc != 0) {
		sg_buf_printf(err, _("cannot listen on '%s': %s"), addr, gai_strerror(rc));
		return -1;
	}
	int fd = -1, e = 0;
	for (struct addrinfo *ai = res; ai && fd < 0; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0) {
			e = errno;
			continue;
		}
		int one = 1;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 64) != 0) {
			e = errno;
			close(fd);
			fd = -1;
			continue;
		}
		s->family = ai->ai_family;
	}
	freeaddrinfo(res);
	if (fd < 0) {
		sg_buf_printf(err, _("cannot listen on %s port %u: %s"), addr, port, strerror(e));
		return -1;
	}
	struct sockaddr_storage sa;
	socklen_t len = sizeof sa;
	char portbuf[16];
	if (getsockname(fd, (struct sockaddr *)&sa, &len) != 0 ||
	    getnameinfo((struct sockaddr *)&sa, len, s->host, sizeof s->host, portbuf, sizeof portbuf,
	                NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
		sg_buf_printf(err, _("cannot listen on %s port %u: %s"), addr, port, strerror(errno));
		close(fd);
		return -1;
	}
	s->port = (unsigned)strtoul(portbuf, NULL, 10);
	return fd;
}

sg_server *sg_server_start(const sg_server_opts *o, sg_buf *err)
{
	sg_server *s = sg_calloc(1, sizeof *s);
	int fd = listen_on(s, o->bind_addr, o->port, err);
	if (fd < 0) {
		free(s);
		return NULL;
	}
	s->site_dir = sg_strdup(o->site_dir);
	s->prefix = sg_strdup(o->prefix ? o->prefix : "");
	s->lr = sg_livereload_new();
	unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL;
	if (s->family == AF_INET6)
		flags |= MHD_USE_IPv6;
	s->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
	                             MHD_OPTION_UNESCAPE_CALLBACK, keep_escapes, NULL, MHD_OPTION_CONNECTION_LIMIT,
	                             (unsigned)CONNECTION_LIMIT, MHD_OPTION_CONNECTION_TIMEOUT,
	                             (unsigned)CONNECTION_TIMEOUT_S, MHD_OPTION_END);
	if (!s->daemon) {
		sg_buf_printf(err, _("cannot start the HTTP server on %s port %u"), s->host, s->port);
		close(fd);
		sg_livereload_free(s->lr);
		free(s->site_dir);
		free(s->prefix);
		free(s);
		return NULL;
	}
	return s;
}

unsigned sg_server_port(const sg_server *s) { return s->port; }

char *sg_server_url(const sg_server *s)
{
	return s->family == AF_INET6 ? sg_asprintf("http://[%s]:%u/", s->host, s->port)
	                             : sg_asprintf("http://%s:%u/", s->host, s->port);
}

void sg_server_built(sg_server *s) { sg_livereload_built(s->lr); }

void sg_server_built_warned(sg_server *s, const sg_diags *d) { sg_livereload_built_warned(s->lr, d); }

void sg_server_failed(sg_server *s, const sg_diags *d) { sg_livereload_failed(s->lr, d); }

void sg_server_stop(sg_server *s)
{
	if (!s)
		return;
	sg_livereload_stop(s->lr); /* streams end, so their threads can be joined */
	MHD_stop_daemon(s->daemon); /* closes the listening socket and every connection */
	sg_livereload_free(s->lr);
	free(s->site_dir);
	free(s->prefix);
	free(s);
}
