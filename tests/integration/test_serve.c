/* Integration: `sofgen serve` on a copy of the example content. Each test starts the
 * binary ($SOFGEN, default build/release/sofgen) as a child process on a free port and
 * talks to it over plain sockets with a small HTTP/1.1 client (no curl): file types,
 * folders, the site's 404 page, path traversal, the injected live-reload script, the
 * Server-Sent Events stream, and a file that breaks and is fixed again. Every test ends
 * with SIGTERM, after which the server must exit with status 0 and leave no build
 * folder behind (its TMPDIR is checked).
 *
 * $SOFGEN_SERVE_WRAPPER runs the server under another program, e.g.
 *   SOFGEN_SERVE_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full"
 * and $SOFGEN_SERVE_RELOAD_MS (default 1000) is how soon a reload must follow an edit. */
#include <criterion/criterion.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "serve/livereload.h"
#include "serve/server.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/fs.h"

#define INSATS_FILE "content/insatser/sjuharad/aktiv-halsa.md"
#define INSATS_PAGE "/insats/sjuharad/aktiv-halsa/"


static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void sleep_ms(int ms)
{
	struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&t, NULL);
}

static int env_int(const char *name, int fallback)
{
	const char *s = getenv(name);
	return s && *s ? atoi(s) : fallback;
}


/* ---- a tiny HTTP/1.1 client ---- */

static int connect_port(unsigned port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	cr_assert_geq(fd, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static void send_all(int fd, const char *s)
{
	size_t n = strlen(s);
	while (n) {
		ssize_t w = send(fd, s, n, MSG_NOSIGNAL);
		cr_assert_gt(w, 0, "send: %s", strerror(errno));
		s += w;
		n -= (size_t)w;
	}
}

/* Reads what is there within timeout_ms into b; returns bytes read, 0 at EOF, -1 on timeout. */
static ssize_t read_some(int fd, sg_buf *b, int timeout_ms)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	int r = poll(&p, 1, timeout_ms);
	if (r <= 0)
		return -1;
	char chunk[8192];
	ssize_t n = recv(fd, chunk, sizeof chunk, 0);
	if (n > 0)
		sg_buf_put(b, chunk, (size_t)n);
	return n < 0 ? 0 : n;
}

typedef struct {
	int status;
	sg_buf head, body;
} response;

static void response_free(response *r)
{
	sg_buf_free(&r->head);
	sg_buf_free(&r->body);
}

/* The value of a response header (malloc'd), or NULL. */
static char *header(const response *r, const char *name)
{
	char *key = sg_asprintf("\r\n%s:", name);
	const char *at = strcasestr(sg_buf_cstr(&r->head), key);
	char *value = NULL;
	if (at) {
		at += strlen(key);
		while (*at == ' ')
			at++;
		value = sg_strndup(at, strcspn(at, "\r\n"));
	}
	free(key);
	return value;
}

static void dechunk(sg_buf *body)
{
	sg_buf out = SG_BUF_INIT;
	const char *p = sg_buf_cstr(body), *end = p + body->len;
	while (p < end) {
		char *after;
		unsigned long n = strtoul(p, &after, 16);
		const char *data = strstr(after, "\r\n");
		if (!n || !data)
			break;
		data += 2;
		if ((size_t)(end - data) < n)
			break;
		sg_buf_put(&out, data, n);
		p = data + n + 2;
	}
	sg_buf_free(body);
	*body = out;
}

/* Sends the request text as it is and reads the whole answer. false when nothing
 * listens on the port. */
static bool http_raw(unsigned port, const char *req, response *r)
{
	memset(r, 0, sizeof *r);
	int fd = connect_port(port);
	if (fd < 0)
		return false;
	int path_len = (int)strcspn(req, "\r"); /* the request line, for the messages */
	send_all(fd, req);
	sg_buf all = SG_BUF_INIT;
	ssize_t n;
	while ((n = read_some(fd, &all, 10000)) > 0)
		;
	close(fd);
	cr_assert_eq(n, 0, "no complete answer to %.*s within 10 s", path_len, req);
	const char *text = sg_buf_cstr(&all), *split = strstr(text, "\r\n\r\n");
	cr_assert_not_null(split, "no end of headers in the answer to %.*s:\n%s", path_len, req, text);
	cr_assert_eq(sscanf(text, "HTTP/1.%*d %d", &r->status), 1, "bad status line: %.80s", text);
	sg_buf_put(&r->head, text, (size_t)(split - text) + 2);
	sg_buf_put(&r->body, split + 4, all.len - (size_t)(split + 4 - text));
	sg_buf_free(&all);
	char *te = header(r, "Transfer-Encoding");
	if (te && strcasecmp(te, "chunked") == 0)
		dechunk(&r->body);
	free(te);
	return true;
}

/* Sends `METHOD path` (the path exactly as given, not encoded) and reads the whole
 * answer. false when nothing listens on the port. */
static bool http(unsigned port, const char *method, const char *path, response *r)
{
	char *req = sg_asprintf("%s %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nConnection: close\r\n\r\n", method, path, port);
	bool ok = http_raw(port, req, r);
	free(req);
	return ok;
}

static int get(unsigned port, const char *path, response *r)
{
	cr_assert(http(port, "GET", path, r), "nothing answers on port %u", port);
	return r->status;
}

/* ---- an event stream ---- */

typedef struct {
	int fd;
	sg_buf data;
	size_t seen; /* what earlier waits consumed */
} stream;

static void stream_open(stream *s, unsigned port, const char *path)
{
	memset(s, 0, sizeof *s);
	s->fd = connect_port(port);
	cr_assert_geq(s->fd, 0);
	char *req = sg_asprintf("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nAccept: text/event-stream\r\n\r\n", path, port);
	send_all(s->fd, req);
	free(req);
	long long deadline = now_ms() + 10000;
	while (!has(sg_buf_cstr(&s->data), "\r\n\r\n")) {
		cr_assert_lt(now_ms(), deadline, "the event stream sent no headers");
		cr_assert_neq(read_some(s->fd, &s->data, 10000), 0, "the event stream closed");
	}
	const char *text = sg_buf_cstr(&s->data);
	cr_assert(strncmp(text, "HTTP/1.1 200", 12) == 0, "%s", text);
	cr_assert(strcasestr(text, "\r\nContent-Type: text/event-stream"), "%s", text);
	s->seen = (size_t)(strstr(text, "\r\n\r\n") + 4 - text);
}

/* Waits up to timeout_ms for `event: NAME` after what was seen; true when it came. */
static bool stream_wait(stream *s, const char *event, int timeout_ms)
{
	char *needle = sg_asprintf("event: %s\n", event);
	long long deadline = now_ms() + timeout_ms;
	bool found = false;
	for (;;) {
		const char *text = sg_buf_cstr(&s->data), *at = strstr(text + s->seen, needle);
		if (at) {
			s->seen = (size_t)(at - text) + strlen(needle);
			found = true;
			break;
		}
		long long left = deadline - now_ms();
		if (left <= 0 || read_some(s->fd, &s->data, (int)left) == 0)
			break;
	}
	free(needle);
	return found;
}

static void stream_close(stream *s)
{
	close(s->fd);
	sg_buf_free(&s->data);
}

/* ---- the server process ---- */

typedef struct {
	char *dir; /* a copy of the example project; the server runs here */
	pid_t pid;
	unsigned port;
	const char *content; /* the content copied in: "content" unless set */
	const char *ready;   /* the path that answers 200 once the site is built: "/" unless set */
} server;

static unsigned free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in a = {.sin_family = AF_INET};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof a;
	cr_assert_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	cr_assert_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	close(fd);
	return ntohs(a.sin_port);
}

static char *in_dir(const server *s, const char *rel) { return sg_path_join(s->dir, rel); }

static char *server_log(const server *s)
{
	char *path = in_dir(s, "serve.log");
	size_t len;
	char *log = sg_read_file(path, &len, 1 << 24);
	free(path);
	return log ? log : sg_strdup("(no log)");
}

static void write_in(const server *s, const char *rel, const char *text)
{
	char *path = in_dir(s, rel);
	char *dir = sg_strdup(path);
	*strrchr(dir, '/') = '\0';
	cr_assert_eq(sg_mkdirs(dir), 0);
	cr_assert_eq(sg_write_file(path, text, strlen(text)), 0, "cannot write %s", path);
	free(dir);
	free(path);
}

static char *read_in(const server *s, const char *rel)
{
	char *path = in_dir(s, rel);
	size_t len;
	char *text = sg_read_file(path, &len, 1 << 26);
	cr_assert_not_null(text, "cannot read %s", path);
	free(path);
	return text;
}

/* Copies the example project, adds a few probe files of other types to assets/, starts
 * `sofgen serve` there and waits until it serves the home page. */
static void server_start(server *s)
{
	char tmpl[] = "/tmp/sofgen-serve-test-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	s->dir = sg_strdup(tmpl);
	const char *parts[] = {s->content ? s->content : "content", "templates", "assets"};
	const char *names[] = {"content", "templates", "assets"};
	for (size_t i = 0; i < 3; i++) {
		char *to = in_dir(s, names[i]);
		cr_assert_eq(fixture_copy_tree(parts[i], to), 0, "cannot copy %s", parts[i]);
		free(to);
	}
	const char *probes[][2] = {{"assets/probe/a.png", "\x89PNG\r\n"}, {"assets/probe/a.jpg", "\xff\xd8\xff"},
	                           {"assets/probe/a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
	                           {"assets/probe/a.pdf", "%PDF-1.4\n"}, {"assets/probe/a.txt", "text\n"},
	                           {"assets/probe/a.json", "{}"}, {"assets/probe/a.xml", "<a/>"},
	                           {"assets/probe/a.csv", "a,b\n"}, {"assets/probe/a.ics", "BEGIN:VCALENDAR\r\n"},
	                           {"assets/probe/a.js", "1;\n"}, {"assets/probe/page.html", "<p>no body tag</p>\n"}};
	for (size_t i = 0; i < sizeof probes / sizeof *probes; i++)
		write_in(s, probes[i][0], probes[i][1]);
	char *tmp = in_dir(s, "tmp");
	cr_assert_eq(sg_mkdirs(tmp), 0);
	char bin[PATH_MAX];
	cr_assert_not_null(realpath(sofgen(), bin), "no sofgen binary at %s", sofgen());
	s->port = free_port();
	const char *wrap = getenv("SOFGEN_SERVE_WRAPPER");
	char *cmd = sg_asprintf("cd '%s' && export TMPDIR='%s' && exec %s '%s' serve --port %u >serve.log 2>&1", s->dir,
	                        tmp, wrap ? wrap : "", bin, s->port);
	free(tmp);
	fflush(NULL);
	s->pid = fork();
	cr_assert_geq(s->pid, 0);
	if (s->pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive a failed test */
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	free(cmd);
	long long deadline = now_ms() + 1000LL * env_int("SOFGEN_SERVE_START_S", 60);
	for (;;) {
		int st;
		if (waitpid(s->pid, &st, WNOHANG) == s->pid) {
			char *log = server_log(s);
			cr_assert_fail("sofgen serve exited early (status %d):\n%s", st, log);
		}
		response r;
		if (http(s->port, "GET", s->ready ? s->ready : "/", &r)) {
			int status = r.status;
			response_free(&r);
			if (status == 200)
				break;
		}
		cr_assert_lt(now_ms(), deadline, "sofgen serve did not answer on port %u", s->port);
		sleep_ms(50);
	}
}

/* SIGTERM; the server must exit 0 and remove its build folder. */
static void server_stop(server *s)
{
	cr_assert_eq(kill(s->pid, SIGTERM), 0);
	long long deadline = now_ms() + 1000LL * env_int("SOFGEN_SERVE_START_S", 60);
	int st = 0;
	while (waitpid(s->pid, &st, WNOHANG) != s->pid) {
		if (now_ms() > deadline) {
			kill(s->pid, SIGKILL);
			waitpid(s->pid, &st, 0);
			cr_assert_fail("sofgen serve did not stop on SIGTERM");
		}
		sleep_ms(20);
	}
	char *log = server_log(s);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "sofgen serve ended with status %d:\n%s", st, log);
	cr_assert(has(log, "stopping"), "%s", log);
	free(log);
	char *tmp = in_dir(s, "tmp");
	size_t n;
	char **left = sg_list_dir(tmp, &n);
	cr_assert_not_null(left);
	for (size_t i = 0; i < n; i++) /* (a wrapper such as valgrind may leave files of its own) */
		cr_expect(strncmp(left[i], "sofgen-serve-", 13) != 0, "sofgen serve left %s/%s behind", tmp, left[i]);
	sg_free_names(left, n);
	free(tmp);
	sg_remove_tree(s->dir);
	free(s->dir);
}

/* The site folder serve builds into (under its TMPDIR), while it runs. */
static char *served_tree(const server *s)
{
	char *tmp = in_dir(s, "tmp");
	size_t n, found = 0;
	char **names = sg_list_dir(tmp, &n);
	cr_assert_not_null(names);
	char *site = NULL;
	for (size_t i = 0; i < n; i++)
		if (strncmp(names[i], "sofgen-serve-", 13) == 0 && !found++)
			site = sg_asprintf("%s/%s/site", tmp, names[i]);
	cr_assert_eq(found, 1, "expected one build folder in %s", tmp);
	sg_free_names(names, n);
	free(tmp);
	return site;
}

/* ---- the functions behind the server ---- */

Test(serve_paths, request_paths_are_decoded_and_checked)
{
	const struct {
		const char *raw, *want; /* want NULL: refused */
		bool slash;
	} cases[] = {
		{"/", "", true},
		{"/kommun/boras/", "kommun/boras", true},
		{"/kommun/boras", "kommun/boras", false},
		{"/style.css", "style.css", false},
		{"//a///b//", "a/b", true},
		{"/%C3%A5r%20x", "\xc3\xa5r x", false},
		{"/a/...", "a/...", false},
		{"/.well-known/x", ".well-known/x", false},
		{"/../etc/passwd", NULL, false},
		{"/..", NULL, false},
		{"/a/../../b", NULL, false},
		{"/a/./b", NULL, false},
		{"/%2e%2e/%2e%2e/etc/passwd", NULL, false},
		{"/%2E%2e/x", NULL, false},
		{"/.%2e/x", NULL, false},
		{"/insats/..%2f..%2f..%2fetc%2fpasswd", NULL, false},
		{"/a%2fb", NULL, false},
		{"/a%2Fb", NULL, false},
		{"/..\\..\\", NULL, false},
		{"/a\\b", NULL, false},
		{"/a%5cb", NULL, false},
		{"/a%00.html", NULL, false},
		{"/a%0a", NULL, false},
		{"/a%", NULL, false},
		{"/a%2", NULL, false},
		{"/a%zz", NULL, false},
		{"a/b", NULL, false},
		{"", NULL, false},
		{"http://example.se/", NULL, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		bool slash = !cases[i].slash;
		char *got = sg_serve_path(cases[i].raw, &slash);
		if (!cases[i].want) {
			cr_expect_null(got, "%s should be refused, got '%s'", cases[i].raw, got);
		} else {
			cr_expect(got && strcmp(got, cases[i].want) == 0, "%s gave '%s', not '%s'", cases[i].raw,
			          got ? got : "(refused)", cases[i].want);
			cr_expect_eq(slash, cases[i].slash, "%s: trailing slash", cases[i].raw);
		}
		free(got);
	}
}

Test(serve_paths, types_by_extension)
{
	const char *cases[][2] = {{"index.html", "text/html; charset=utf-8"},    {"a/b.CSS", "text/css; charset=utf-8"},
	                          {"x.js", "text/javascript; charset=utf-8"},    {"c.svg", "image/svg+xml"},
	                          {"p.png", "image/png"},                        {"p.jpg", "image/jpeg"},
	                          {"p.jpeg", "image/jpeg"},                      {"d.json", "application/json"},
	                          {"sitemap.xml", "application/xml"},            {"k.ics", "text/calendar; charset=utf-8"},
	                          {"r.txt", "text/plain; charset=utf-8"},        {"i.csv", "text/csv; charset=utf-8"},
	                          {"v.pdf", "application/pdf"},                  {"catalog.jsonld", "application/ld+json"},
	                          {"noext", "application/octet-stream"},         {"dir.d/noext", "application/octet-stream"}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		cr_expect_str_eq(sg_serve_mime(cases[i][0]), cases[i][1], "%s", cases[i][0]);
}

Test(serve_paths, the_script_goes_before_the_last_body_end)
{
	size_t len;
	const char *page = "<html><body><p>&lt;/body&gt;</p></BODY>\n</html>\n";
	char *out = sg_livereload_inject(page, strlen(page), 7, &len);
	cr_assert_eq(len, strlen(out));
	const char *tag = strstr(out, "<script src=\"/__sofgen/livereload.js\" data-sofgen-generation=\"7\">");
	cr_assert_not_null(tag, "%s", out);
	cr_expect(tag < strstr(out, "</BODY>"), "%s", out);
	cr_expect(strncmp(out, "<html><body><p>&lt;/body&gt;</p>", 32) == 0, "%s", out);
	free(out);
	out = sg_livereload_inject("<p>x</p>", 8, 1, &len);
	cr_expect(strncmp(out, "<p>x</p><script", 15) == 0, "appended without </body>: %s", out);
	free(out);
}

Test(serve_paths, the_oldest_stream_makes_room)
{
	sg_livereload *lr = sg_livereload_new();
	sg_sse_stream *st[SG_LR_MAX_STREAMS + 2];
	char buf[256];
	for (size_t i = 0; i < SG_LR_MAX_STREAMS + 2; i++) {
		st[i] = sg_sse_stream_new(lr, -1);
		cr_assert_gt(sg_sse_stream_read(st[i], buf, sizeof buf, 10), 0, "the greeting");
		cr_expect_leq(sg_livereload_streams(lr), SG_LR_MAX_STREAMS);
	}
	cr_expect_eq(sg_livereload_streams(lr), SG_LR_MAX_STREAMS);
	for (size_t i = 0; i < 2; i++) { /* the two oldest say bye, then end */
		ssize_t n = sg_sse_stream_read(st[i], buf, sizeof buf - 1, 10000);
		cr_assert_gt(n, 0);
		buf[n] = '\0';
		cr_expect(strncmp(buf, "event: bye\n", 11) == 0, "stream %zu: %s", i, buf);
		cr_expect_eq(sg_sse_stream_read(st[i], buf, sizeof buf, 10000), -1, "stream %zu ends after bye", i);
	}
	ssize_t n = sg_sse_stream_read(st[2], buf, sizeof buf - 1, 10);
	cr_assert_gt(n, 0);
	buf[n] = '\0';
	cr_expect(strncmp(buf, ": keep-alive", 12) == 0, "the others stay: %s", buf);
	sg_livereload_built(lr);
	n = sg_sse_stream_read(st[SG_LR_MAX_STREAMS + 1], buf, sizeof buf - 1, 10000);
	cr_assert_gt(n, 0);
	buf[n] = '\0';
	cr_expect(strncmp(buf, "event: reload\n", 14) == 0, "%s", buf);
	for (size_t i = 0; i < SG_LR_MAX_STREAMS + 2; i++)
		sg_sse_stream_free(st[i]);
	cr_expect_eq(sg_livereload_streams(lr), 0);
	sg_livereload_free(lr);
}

/* ---- the server ---- */

static void expect_type(unsigned port, const char *path, const char *type)
{
	response r;
	cr_expect_eq(get(port, path, &r), 200, "%s: status %d", path, r.status);
	char *ct = header(&r, "Content-Type");
	cr_expect(ct && strcmp(ct, type) == 0, "%s: Content-Type '%s', not '%s'", path, ct ? ct : "(none)", type);
	free(ct);
	response_free(&r);
}

Test(serve, files_folders_types_and_404, .timeout = 180)
{
	server s = {0};
	server_start(&s);
	response r;

	/* a folder is its index.html, with the script; /x redirects to /x/ */
	cr_assert_eq(get(s.port, "/", &r), 200);
	cr_expect(has(sg_buf_cstr(&r.body), "<html lang=\"sv\">"));
	const char *tag = strstr(sg_buf_cstr(&r.body), "<script src=\"/__sofgen/livereload.js\"");
	cr_expect_not_null(tag, "the live-reload script is injected into served HTML");
	cr_expect(tag && tag < strstr(sg_buf_cstr(&r.body), "</body>"), "the script comes before </body>");
	char *cc = header(&r, "Cache-Control");
	cr_expect(cc && strcmp(cc, "no-store") == 0);
	free(cc);
	response_free(&r);

	cr_assert_eq(get(s.port, "/kommun/boras", &r), 302);
	char *loc = header(&r, "Location");
	cr_expect(loc && strcmp(loc, "/kommun/boras/") == 0, "Location: %s", loc ? loc : "(none)");
	free(loc);
	response_free(&r);
	cr_assert_eq(get(s.port, "/kommun/boras/", &r), 200);
	cr_expect(has(sg_buf_cstr(&r.body), "Borås"));
	cr_expect(has(sg_buf_cstr(&r.body), "/__sofgen/livereload.js"));
	response_free(&r);
	cr_expect_eq(get(s.port, "/style.css/", &r), 404, "a file asked for as a folder");
	response_free(&r);

	/* types: the site's own files and probes of the other kinds in assets/ */
	expect_type(s.port, "/", "text/html; charset=utf-8");
	expect_type(s.port, "/style.css", "text/css; charset=utf-8");
	expect_type(s.port, "/blankett.js", "text/javascript; charset=utf-8");
	expect_type(s.port, "/sitemap.xml", "application/xml");
	expect_type(s.port, "/data/insatser.json", "application/json");
	expect_type(s.port, "/data/insatser.csv", "text/csv; charset=utf-8");
	expect_type(s.port, "/evenemang/kalender.ics", "text/calendar; charset=utf-8");
	expect_type(s.port, "/robots.txt", "text/plain; charset=utf-8");
	const char *probes[][2] = {{"/probe/a.png", "image/png"},         {"/probe/a.jpg", "image/jpeg"},
	                           {"/probe/a.svg", "image/svg+xml"},     {"/probe/a.pdf", "application/pdf"},
	                           {"/probe/a.txt", "text/plain; charset=utf-8"}, {"/probe/a.json", "application/json"},
	                           {"/probe/a.xml", "application/xml"},   {"/probe/a.csv", "text/csv; charset=utf-8"},
	                           {"/probe/a.ics", "text/calendar; charset=utf-8"},
	                           {"/probe/a.js", "text/javascript; charset=utf-8"}};
	for (size_t i = 0; i < sizeof probes / sizeof *probes; i++)
		expect_type(s.port, probes[i][0], probes[i][1]);
	cr_assert_eq(get(s.port, "/probe/a.pdf", &r), 200);
	cr_expect(r.body.len == 9 && memcmp(r.body.ptr, "%PDF-1.4\n", 9) == 0, "files are served byte for byte");
	response_free(&r);
	cr_assert_eq(get(s.port, "/probe/page.html", &r), 200);
	cr_expect(has(sg_buf_cstr(&r.body), "<p>no body tag</p>\n<script src=\"/__sofgen/livereload.js\""),
	          "appended when a page has no </body>: %s", sg_buf_cstr(&r.body));
	response_free(&r);

	/* the site's own 404 page, with status 404 */
	cr_assert_eq(get(s.port, "/finns-inte/", &r), 404);
	cr_expect(has(sg_buf_cstr(&r.body), "Sidan finns inte"), "%s", sg_buf_cstr(&r.body));
	cr_expect(has(sg_buf_cstr(&r.body), "/__sofgen/livereload.js"));
	response_free(&r);

	/* no way out of the site folder */
	const char *evil[] = {"/../etc/passwd",
	                      "/%2e%2e/%2e%2e/etc/passwd",
	                      "/insats/..%2f..%2f..%2fetc%2fpasswd",
	                      "/..\\..\\",
	                      "/..\\..\\etc\\passwd",
	                      "/insats/../../../../etc/passwd",
	                      "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
	                      "/.%2e/.%2e/etc/passwd",
	                      "/%5c..%5c..%5cetc%5cpasswd",
	                      "/index.html%00.css",
	                      "/%2fetc%2fpasswd",
	                      "//etc/passwd",
	                      "/../serve.log",
	                      "/../../serve.log"};
	for (size_t i = 0; i < sizeof evil / sizeof *evil; i++) {
		cr_expect_eq(get(s.port, evil[i], &r), 404, "%s: status %d", evil[i], r.status);
		cr_expect(!has(sg_buf_cstr(&r.body), "root:"), "%s leaked /etc/passwd", evil[i]);
		cr_expect(!has(sg_buf_cstr(&r.body), "sofgen serve:"), "%s leaked a file beside the site", evil[i]);
		cr_expect(has(sg_buf_cstr(&r.body), "Sidan finns inte"), "%s: the site's 404 page", evil[i]);
		response_free(&r);
	}

	/* only GET and HEAD */
	cr_assert(http(s.port, "POST", "/", &r));
	cr_expect_eq(r.status, 405);
	response_free(&r);
	cr_assert(http(s.port, "HEAD", "/style.css", &r));
	cr_expect_eq(r.status, 200);
	cr_expect_eq(r.body.len, 0);
	response_free(&r);

	/* the script and the errors endpoint */
	cr_assert_eq(get(s.port, "/__sofgen/livereload.js", &r), 200);
	cr_expect(has(sg_buf_cstr(&r.body), "new EventSource(\"/__sofgen/events\""));
	cr_expect(has(sg_buf_cstr(&r.body), "role\", n ? \"alert\" : \"status\""), "errors alert, warnings do not");
	cr_expect(!has(sg_buf_cstr(&r.body), "innerHTML"), "messages are shown as text, never as markup");
	response_free(&r);
	cr_assert_eq(get(s.port, "/__sofgen/errors", &r), 200);
	cr_expect(has(sg_buf_cstr(&r.body), "\"ok\":true"), "%s", sg_buf_cstr(&r.body));
	response_free(&r);

	/* a page older than the site reloads at once */
	stream old;
	stream_open(&old, s.port, "/__sofgen/events?since=0");
	cr_expect(stream_wait(&old, "reload", 2000), "a stale page is told to reload");
	stream_close(&old);

	/* the files on disk never have the script: not the served tree, not `sofgen build` */
	char *site = served_tree(&s);
	char *home = sg_path_join(site, "index.html");
	size_t len;
	char *text = sg_read_file(home, &len, 1 << 24);
	cr_assert_not_null(text, "no %s", home);
	cr_expect(has(text, "</body>") && !has(text, "__sofgen"), "the built file has no live-reload script");
	free(text);
	free(home);
	free(site);
	sg_buf cmd = SG_BUF_INIT;
	char bin[PATH_MAX];
	cr_assert_not_null(realpath(sofgen(), bin));
	sg_buf_printf(&cmd, "cd '%s' && '%s' build --out built >build.log 2>&1 && grep -rl __sofgen built", s.dir, bin);
	int st = system(cmd.ptr);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 1, "sofgen build output mentions __sofgen (status %d)", st);
	char *built_home = in_dir(&s, "built/index.html");
	cr_expect(sg_is_file(built_home), "sofgen build did not run");
	free(built_home);
	sg_buf_free(&cmd);

	server_stop(&s);
}

/* The front matter's title line of the insats, replaced by `line`; returns the old text. */
static char *replace_title(const server *s, const char *line)
{
	char *old = read_in(s, INSATS_FILE);
	const char *t = strstr(old, "\ntitle: ");
	cr_assert_not_null(t, "%s has no title line", INSATS_FILE);
	t++;
	size_t end = strcspn(t, "\n");
	sg_buf b = SG_BUF_INIT;
	sg_buf_put(&b, old, (size_t)(t - old));
	sg_buf_puts(&b, line);
	sg_buf_puts(&b, t + end);
	write_in(s, INSATS_FILE, sg_buf_cstr(&b));
	sg_buf_free(&b);
	return old;
}

static char *page(const server *s, const char *path)
{
	response r;
	cr_assert_eq(get(s->port, path, &r), 200, "%s: status %d", path, r.status);
	char *body = sg_buf_detach(&r.body);
	response_free(&r);
	return body;
}

static json_t *errors_json(const server *s)
{
	char *body = page(s, "/__sofgen/errors");
	json_error_t e;
	json_t *j = json_loads(body, 0, &e);
	cr_assert_not_null(j, "/__sofgen/errors is not JSON (%s): %s", e.text, body);
	free(body);
	return j;
}

Test(serve, live_reload_and_build_errors, .timeout = 180)
{
	int reload_ms = env_int("SOFGEN_SERVE_RELOAD_MS", 1000);
	server s = {0};
	server_start(&s);
	stream ev;
	stream_open(&ev, s.port, "/__sofgen/events");

	/* an edit: the new title is served and open pages are told to reload, within a second */
	long long t0 = now_ms();
	char *original = replace_title(&s, "title: Aktiv hälsa i serve-testet");
	cr_assert(stream_wait(&ev, "reload", reload_ms), "no reload event within %d ms of the edit", reload_ms);
	long long took = now_ms() - t0;
	char *html = page(&s, INSATS_PAGE);
	cr_expect(has(html, "Aktiv hälsa i serve-testet"), "the new title is served");
	cr_expect(has(html, "/__sofgen/livereload.js"));
	free(html);
	cr_log_info("edit → reload event in %lld ms", took);

	/* a broken file: the last good site stays, the errors are reported with their place */
	char *edited = replace_title(&s, "title: [Aktiv hälsa i serve-testet");
	free(edited);
	cr_assert(stream_wait(&ev, "errors", 5000), "no errors event after breaking %s", INSATS_FILE);
	html = page(&s, INSATS_PAGE);
	cr_expect(has(html, "Aktiv hälsa i serve-testet"), "the last good page is still served");
	cr_expect(has(html, "/__sofgen/livereload.js"), "and its script shows the overlay");
	free(html);
	json_t *j = errors_json(&s);
	cr_expect(json_is_false(json_object_get(j, "ok")));
	json_t *list = json_object_get(j, "errors");
	cr_assert(json_is_array(list) && json_array_size(list) > 0);
	bool found = false;
	for (size_t i = 0; i < json_array_size(list); i++) {
		json_t *e = json_array_get(list, i);
		const char *file = json_string_value(json_object_get(e, "file"));
		const char *text = json_string_value(json_object_get(e, "text"));
		json_int_t line = json_integer_value(json_object_get(e, "line"));
		json_int_t col = json_integer_value(json_object_get(e, "col"));
		if (!file || strcmp(file, INSATS_FILE) != 0)
			continue;
		found = true;
		cr_expect(line > 0 && col > 0, "an error has its line and column");
		char *prefix = sg_asprintf("%s:%lld:%lld: error: ", INSATS_FILE, (long long)line, (long long)col);
		cr_expect(text && strncmp(text, prefix, strlen(prefix)) == 0, "text '%s' starts with '%s'", text, prefix);
		cr_expect(has(text, "YAML"), "%s", text);
		char *log = server_log(&s);
		cr_expect(has(log, prefix), "the terminal shows %s:\n%s", prefix, log);
		free(log);
		free(prefix);
	}
	cr_expect(found, "no error in %s", INSATS_FILE);
	json_decref(j);

	/* fixed again: reload, and the errors are gone */
	write_in(&s, INSATS_FILE, original);
	free(original);
	cr_assert(stream_wait(&ev, "reload", 5000), "no reload event after the fix");
	j = errors_json(&s);
	cr_expect(json_is_true(json_object_get(j, "ok")));
	cr_expect_eq(json_array_size(json_object_get(j, "errors")), 0);
	json_decref(j);
	html = page(&s, INSATS_PAGE);
	cr_expect(has(html, "Aktiv hälsa") && !has(html, "serve-testet"), "the original title is back");
	free(html);

	/* a new folder is watched too */
	write_in(&s, "assets/ny/mapp/fil.txt", "ny fil\n");
	cr_assert(stream_wait(&ev, "reload", 5000), "no reload after adding a new folder");
	sleep_ms(50);
	write_in(&s, "assets/ny/mapp/fil.txt", "ändrad fil\n");
	cr_assert(stream_wait(&ev, "reload", 5000), "no reload after changing a file in a new folder");
	html = page(&s, "/ny/mapp/fil.txt");
	cr_expect_str_eq(html, "ändrad fil\n");
	free(html);

	/* stopping with a page still connected (as when a browser tab stays open) */
	server_stop(&s);
	ssize_t n;
	while ((n = read_some(ev.fd, &ev.data, 5000)) > 0)
		; /* what was still on its way */
	cr_expect_eq(n, 0, "the event stream ends when the server stops");
	stream_close(&ev);
}

/* GET path with the given HTTP version and Host header (none when NULL). */
static int get_as(unsigned port, const char *version, const char *host, const char *path, response *r)
{
	char *req = host ? sg_asprintf("GET %s %s\r\nHost: %s\r\nConnection: close\r\n\r\n", path, version, host)
	                 : sg_asprintf("GET %s %s\r\nConnection: close\r\n\r\n", path, version);
	cr_assert(http_raw(port, req, r), "nothing answers on port %u", port);
	free(req);
	return r->status;
}

Test(serve, redirects_and_host_names, .timeout = 180)
{
	server s = {0};
	server_start(&s);
	response r;

	/* a redirect never leaves the host: "//kommun/boras/" would be a link to the host "kommun" */
	const char *redirects[][2] = {{"/kommun/boras", "/kommun/boras/"},
	                              {"//kommun/boras", "/kommun/boras/"},
	                              {"///kommun/boras", "/kommun/boras/"},
	                              {"//kommun//boras", "/kommun//boras/"}};
	for (size_t i = 0; i < sizeof redirects / sizeof *redirects; i++) {
		cr_expect_eq(get(s.port, redirects[i][0], &r), 302, "%s: status %d", redirects[i][0], r.status);
		char *loc = header(&r, "Location");
		cr_expect(loc && strcmp(loc, redirects[i][1]) == 0, "%s: Location %s, not %s", redirects[i][0],
		          loc ? loc : "(none)", redirects[i][1]);
		free(loc);
		response_free(&r);
	}

	/* its own names, with our port or none, are answered */
	char *own[] = {sg_strdup("localhost"),
	               sg_asprintf("localhost:%u", s.port),
	               sg_asprintf("LocalHost:%u", s.port),
	               sg_strdup("127.0.0.1"),
	               sg_asprintf("127.0.0.1:%u", s.port),
	               sg_strdup("[::1]"),
	               sg_asprintf("[::1]:%u", s.port)};
	for (size_t i = 0; i < sizeof own / sizeof *own; i++) {
		cr_expect_eq(get_as(s.port, "HTTP/1.1", own[i], "/", &r), 200, "Host: %s: status %d", own[i], r.status);
		cr_expect(has(sg_buf_cstr(&r.body), "<html lang=\"sv\">"), "Host: %s", own[i]);
		response_free(&r);
		free(own[i]);
	}
	/* any other name may be a web site's own domain pointed at this machine (DNS rebinding) */
	char *foreign[] = {sg_strdup("evil.example"),
	                   sg_asprintf("evil.example:%u", s.port),
	                   sg_asprintf("localhost.evil.example:%u", s.port),
	                   sg_asprintf("127.0.0.1.nip.io:%u", s.port),
	                   sg_asprintf("localhost.:%u", s.port),
	                   sg_asprintf("127.0.0.1:%u", s.port + 1),
	                   sg_asprintf("localhost:%u0", s.port),
	                   sg_strdup("::1"),
	                   sg_strdup("[::1"),
	                   sg_strdup(""),
	                   sg_asprintf("evil.example:%u@127.0.0.1", s.port)};
	const char *paths[] = {"/", "/kommun/boras/", "/__sofgen/errors", "/__sofgen/events", "/__sofgen/livereload.js"};
	for (size_t i = 0; i < sizeof foreign / sizeof *foreign; i++) {
		for (size_t k = 0; k < sizeof paths / sizeof *paths; k++) {
			cr_expect_eq(get_as(s.port, "HTTP/1.1", foreign[i], paths[k], &r), 421, "Host: %s, %s: status %d",
			             foreign[i], paths[k], r.status);
			cr_expect(has(sg_buf_cstr(&r.body), "DNS rebinding") && !has(sg_buf_cstr(&r.body), "<html"),
			          "Host: %s, %s: %s", foreign[i], paths[k], sg_buf_cstr(&r.body));
			response_free(&r);
		}
		free(foreign[i]);
	}
	/* no Host: HTTP/1.0 (no browser sends that) is answered, HTTP/1.1 needs one */
	cr_expect_eq(get_as(s.port, "HTTP/1.0", NULL, "/", &r), 200);
	response_free(&r);
	cr_expect_eq(get_as(s.port, "HTTP/1.1", NULL, "/", &r), 400);
	response_free(&r);
	server_stop(&s);
}

/* Reads until the stream's connection closes; false when it stays open timeout_ms. */
static bool stream_ends(stream *s, int timeout_ms)
{
	long long deadline = now_ms() + timeout_ms;
	for (;;) {
		long long left = deadline - now_ms();
		if (left <= 0)
			return false;
		ssize_t n = read_some(s->fd, &s->data, (int)left);
		if (n == 0)
			return true;
		if (n < 0)
			return false;
	}
}

/* Many open tabs: streams beyond SG_LR_MAX_STREAMS make the oldest say bye and close,
 * and a page is still answered at once. */
Test(serve, many_event_streams_never_block_pages, .timeout = 300)
{
	int limit_ms = 3 * env_int("SOFGEN_SERVE_RELOAD_MS", 1000);
	enum { N = 128 };
	server s = {0};
	server_start(&s);
	stream *ev = sg_calloc(N, sizeof *ev);
	for (size_t i = 0; i < N; i++)
		stream_open(&ev[i], s.port, "/__sofgen/events");
	response r;
	long long t0 = now_ms();
	cr_assert_eq(get(s.port, "/kommun/boras/", &r), 200);
	long long took = now_ms() - t0;
	cr_expect(has(sg_buf_cstr(&r.body), "Borås"));
	response_free(&r);
	cr_expect_lt(took, limit_ms, "with %d event streams open a page took %lld ms", N, took);
	cr_log_info("a page with %d event streams open: %lld ms", N, took);
	for (size_t i = 0; i < N - SG_LR_MAX_STREAMS; i++) {
		cr_expect(stream_wait(&ev[i], "bye", limit_ms), "stream %zu of %d: no bye", i, N);
		cr_expect(stream_ends(&ev[i], limit_ms), "stream %zu of %d: its connection stays open", i, N);
	}
	/* the newest still get their reload */
	char *original = replace_title(&s, "title: Aktiv hälsa med många flikar");
	for (size_t i = N - SG_LR_MAX_STREAMS; i < N; i++)
		cr_expect(stream_wait(&ev[i], "reload", 5000 + limit_ms), "stream %zu of %d: no reload", i, N);
	free(original);
	for (size_t i = 0; i < N; i++)
		stream_close(&ev[i]);
	free(ev);
	server_stop(&s);
}

/* A file name that is not UTF-8 (Latin-1) or holds a newline and an escape sequence:
 * the overlay gets its error like any other, shown as the terminal shows it. */
Test(serve, the_overlay_shows_errors_of_any_file_name, .timeout = 180)
{
	server s = {0};
	server_start(&s);
	stream ev;
	stream_open(&ev, s.port, "/__sofgen/events");
	char *text = read_in(&s, INSATS_FILE);
	write_in(&s, "content/insatser/sjuharad/h\xe4lsa.md", text);
	write_in(&s, "content/insatser/sjuharad/x\n: error\x1b[2K.md", text);
	free(text);
	cr_assert(stream_wait(&ev, "errors", 5000), "no errors event after adding badly named files");
	const char *want[][2] = {
		{"content/insatser/sjuharad/h\\xE4lsa.md",
		 "content/insatser/sjuharad/h\\xE4lsa.md:1:1: error: the file name 'h\\xE4lsa.md' cannot be used in a web "
		 "address; rename the file to 'h-lsa.md' (lowercase a-z, 0-9 and '-'; å ä → a, ö → o)"},
		{"content/insatser/sjuharad/x\\n: error\\x1B[2K.md",
		 "content/insatser/sjuharad/x\\n: error\\x1B[2K.md:1:1: error: the file name 'x\\n: error\\x1B[2K.md' cannot "
		 "be used in a web address; rename the file to 'x-error-2k.md' (lowercase a-z, 0-9 and '-'; å ä → a, ö → o)"},
	};
	/* the errors event may come before both files are seen: wait for both */
	long long deadline = now_ms() + 5000;
	json_t *j = NULL;
	for (;;) {
		j = errors_json(&s);
		if (json_array_size(json_object_get(j, "errors")) == 2 || now_ms() > deadline)
			break;
		json_decref(j);
		sleep_ms(50);
	}
	json_t *list = json_object_get(j, "errors");
	cr_assert_eq(json_array_size(list), 2, "both errors are listed");
	for (size_t i = 0; i < 2; i++) {
		json_t *e = json_array_get(list, i);
		const char *file = json_string_value(json_object_get(e, "file"));
		const char *shown = json_string_value(json_object_get(e, "text"));
		cr_expect(file && strcmp(file, want[i][0]) == 0, "file %s, not %s", file ? file : "(none)", want[i][0]);
		cr_expect(shown && strcmp(shown, want[i][1]) == 0, "text %s, not %s", shown ? shown : "(none)", want[i][1]);
		char *log = server_log(&s);
		cr_expect(has(log, want[i][1]), "the terminal shows %s:\n%s", want[i][1], log);
		free(log);
	}
	json_decref(j);
	stream_close(&ev);
	server_stop(&s);
}

Test(serve, refuses_bad_options_and_a_taken_port, .timeout = 60)
{
	char bin[PATH_MAX];
	cr_assert_not_null(realpath(sofgen(), bin));
	char *cmd = sg_asprintf("'%s' serve --port 70000 >/dev/null 2>&1", bin);
	int st = system(cmd);
	free(cmd);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 2, "--port 70000 is a usage error");
	cmd = sg_asprintf("'%s' serve --content /nonexistent-sofgen >/dev/null 2>&1", bin);
	st = system(cmd);
	free(cmd);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 2, "a missing content folder is a usage error");

	/* a port that is taken: a clear message and status 2, not a hang */
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in a = {.sin_family = AF_INET};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof a;
	cr_assert_eq(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	cr_assert_eq(listen(fd, 1), 0);
	cr_assert_eq(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	char tmpl[] = "/tmp/sofgen-serve-test-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	cmd = sg_asprintf("TMPDIR='%s' '%s' serve --port %u 2>&1", tmpl, bin, ntohs(a.sin_port));
	FILE *p = popen(cmd, "r");
	free(cmd);
	sg_buf out = SG_BUF_INIT;
	char chunk[1024];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		sg_buf_put(&out, chunk, n);
	st = pclose(p);
	close(fd);
	cr_expect(WIFEXITED(st) && WEXITSTATUS(st) == 2, "status %d:\n%s", st, sg_buf_cstr(&out));
	cr_expect(has(sg_buf_cstr(&out), "cannot listen on 127.0.0.1 port"), "%s", sg_buf_cstr(&out));
	size_t left;
	char **names = sg_list_dir(tmpl, &left);
	cr_expect_eq(left, 0, "the build folder is removed");
	sg_free_names(names, left);
	sg_remove_tree(tmpl);
	sg_buf_free(&out);
}

Test(serve, a_site_below_a_path_is_served_there, .timeout = 180)
{
	/* Värend's base_url is https://example.se/varend/: its links start with /varend/ */
	server s = {.content = "examples/varend/content", .ready = "/varend/"};
	server_start(&s);
	response r;
	cr_assert_eq(get(s.port, "/", &r), 302);
	char *to = header(&r, "Location");
	cr_expect(has(to, "/varend/"), "/ leads to the site: %s", to);
	free(to);
	response_free(&r);
	cr_assert_eq(get(s.port, "/varend/", &r), 200);
	cr_expect(has(sg_buf_cstr(&r.body), "href=\"/varend/style.css\""));
	response_free(&r);
	cr_expect_eq(get(s.port, "/varend/style.css", &r), 200);
	response_free(&r);
	cr_expect_eq(get(s.port, "/varend/kommun/vaxjo/", &r), 200);
	response_free(&r);
	cr_expect_eq(get(s.port, "/varend/%2e%2e/%2e%2e/etc/passwd", &r), 404);
	response_free(&r);
	server_stop(&s);
}

/* ---- issue 15: warnings reach the browser, apart from errors ---- */

/* The entry of list (errors or warnings of the errors endpoint) whose text is `text`. */
static bool listed(json_t *list, const char *text)
{
	for (size_t i = 0; i < json_array_size(list); i++) {
		const char *t = json_string_value(json_object_get(json_array_get(list, i), "text"));
		if (t && strcmp(t, text) == 0)
			return true;
	}
	return false;
}

Test(serve_paths, warnings_are_kept_apart_from_errors)
{
	sg_livereload *lr = sg_livereload_new();
	sg_diags *d = sg_diags_new();
	sg_warning(d, "content/x.md", 3, 7, "unknown key 'notes' in an insats is ignored");
	sg_livereload_built_warned(lr, d);
	char *s = sg_livereload_errors_json(lr);
	json_t *j = json_loads(s, 0, NULL);
	cr_assert_not_null(j, "%s", s);
	cr_expect(json_is_true(json_object_get(j, "ok")), "a build with warnings is ok: %s", s);
	cr_expect_eq(json_array_size(json_object_get(j, "errors")), 0, "%s", s);
	cr_expect(listed(json_object_get(j, "warnings"),
	                 "content/x.md:3:7: warning: unknown key 'notes' in an insats is ignored"), "%s", s);
	json_decref(j);
	free(s);
	/* a failed build: both, each in its own list */
	sg_error(d, "content/y.md", 2, 1, "missing 'title'");
	sg_livereload_failed(lr, d);
	s = sg_livereload_errors_json(lr);
	j = json_loads(s, 0, NULL);
	cr_assert_not_null(j, "%s", s);
	cr_expect(json_is_false(json_object_get(j, "ok")), "%s", s);
	cr_expect_eq(json_array_size(json_object_get(j, "errors")), 1, "%s", s);
	cr_expect_eq(json_array_size(json_object_get(j, "warnings")), 1, "%s", s);
	cr_expect(listed(json_object_get(j, "errors"), "content/y.md:2:1: error: missing 'title'"), "%s", s);
	json_decref(j);
	free(s);
	/* a clean build: none of either */
	sg_livereload_built_warned(lr, NULL);
	s = sg_livereload_errors_json(lr);
	cr_expect(has(s, "\"errors\":[]") && has(s, "\"warnings\":[]"), "%s", s);
	free(s);
	sg_diags_free(d);
	sg_livereload_free(lr);
	/* the overlay has a section of its own for warnings: heading, icon and colour */
	cr_expect(has(sg_livereload_js, "section(\"sofgen-warnings\", \"\\u26a0\", \"#8a5a00\", L.warnings_title"));
	cr_expect(has(sg_livereload_js, "section(\"sofgen-errors\", \"\\u2716\", \"#b3001b\""));
	cr_expect(has(sg_livereload_js, "show(j.errors || [], j.warnings || [], j.labels || {})"));
}

Test(serve, the_overlay_shows_warnings_of_a_good_build, .timeout = 180)
{
	server s = {0};
	server_start(&s);
	stream ev;
	stream_open(&ev, s.port, "/__sofgen/events");
	/* a key the insats does not have: the site builds, the page is told to reload, and
	 * the warning is there for the overlay, with its place */
	char *original = replace_title(&s, "title: Aktiv hälsa\nanteckning: ej klar");
	cr_assert(stream_wait(&ev, "reload", 5000), "no reload after a change with a warning");
	const char *want = INSATS_FILE ":6:13: warning: unknown key 'anteckning' in an insats is ignored";
	json_t *j = errors_json(&s);
	cr_expect(json_is_true(json_object_get(j, "ok")));
	cr_expect_eq(json_array_size(json_object_get(j, "errors")), 0);
	cr_expect(listed(json_object_get(j, "warnings"), want), "no warning '%s'", want);
	json_decref(j);
	/* and a misplaced contact block above it: an error, with the warning still beside it */
	char *edited = replace_title(&s, "title: Aktiv hälsa\ncontact:\nname: Anna Berg");
	free(edited);
	cr_assert(stream_wait(&ev, "errors", 5000), "no errors event after the misplaced contact");
	j = errors_json(&s);
	cr_expect(json_is_false(json_object_get(j, "ok")));
	cr_expect(listed(json_object_get(j, "errors"),
	                 INSATS_FILE ":7:7: error: 'name' is not a key of an insats; it looks like it belongs to "
	                             "'contact:' above — indent it under 'contact:'"),
	          "the misplaced name is an error");
	cr_expect(listed(json_object_get(j, "warnings"),
	                 INSATS_FILE ":8:13: warning: unknown key 'anteckning' in an insats is ignored"),
	          "the warning stays");
	json_decref(j);
	/* fixed: nothing left to show */
	write_in(&s, INSATS_FILE, original);
	free(original);
	cr_assert(stream_wait(&ev, "reload", 5000), "no reload after the fix");
	j = errors_json(&s);
	cr_expect_eq(json_array_size(json_object_get(j, "errors")), 0);
	cr_expect_eq(json_array_size(json_object_get(j, "warnings")), 0);
	json_decref(j);
	stream_close(&ev);
	server_stop(&s);
}
