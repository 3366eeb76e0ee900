/* livereload.c — generation counter, current errors, SSE streams and the injected
 * script (see livereload.h).
 *
 * How the streams are fed: one shared state (generation, errors generation, errors
 * JSON) behind a mutex. A stream remembers the generation and errors generation it has
 * told its page about; sg_sse_stream_read sleeps on the condition variable until either
 * differs (the build thread broadcasts after every build), then writes one event. No
 * per-connection queue is needed: a page only cares about the latest state, so several
 * builds in a row collapse into one `reload`. */
#include "livereload.h"

#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../util/alloc.h"
#include "../util/i18n.h"

struct sg_livereload {
	pthread_mutex_t lock;
	pthread_cond_t changed; /* broadcast when gen, err_gen or stopping change */
	unsigned long gen;      /* successful builds so far */
	unsigned long err_gen;  /* bumped whenever the errors change */
	size_t n_errors;
	size_t n_warnings; /* of the last build, failed or not */
	char *errors_json;
	bool stopping;
	/* the open streams, oldest first: at most SG_LR_MAX_STREAMS */
	sg_sse_stream *oldest, *newest;
	size_t n_streams;
};

struct sg_sse_stream {
	sg_livereload *lr;
	unsigned long seen_gen, seen_err_gen;
	bool stale;   /* the page is older than the site: send reload at once */
	bool greeted; /* the retry: line went out */
	bool evicted; /* too many streams: this one, the oldest, says `bye` and ends */
	bool said_bye;
	sg_sse_stream *prev, *next; /* in lr's list while open and not evicted */
};

/* The diagnostics of d of one severity as a JSON list of {file, line, col, message,
 * text}, text as the terminal shows it; *n set to how many. */
static json_t *diags_json(const sg_diags *d, sg_severity severity, size_t *n)
{
	json_t *list = json_array();
	*n = 0;
	for (size_t i = 0; i < sg_diags_len(d); i++) {
		const sg_diag *x = sg_diags_at(d, i);
		if (x->severity != severity)
			continue;
		sg_buf text = SG_BUF_INIT;
		if (x->file) {
			sg_buf_puts(&text, x->file);
			if (x->line > 0) {
				sg_buf_printf(&text, ":%d", x->line);
				if (x->col > 0)
					sg_buf_printf(&text, ":%d", x->col);
			}
			sg_buf_puts(&text, ": ");
		}
		sg_buf_printf(&text, "%s: %s", severity == SG_DIAG_ERROR ? _("error") : _("warning"), x->message);
		json_t *e = json_object();
		json_object_set_new(e, "file", x->file ? json_string(x->file) : json_null());
		json_object_set_new(e, "line", json_integer(x->line));
		json_object_set_new(e, "col", json_integer(x->col));
		json_object_set_new(e, "message", json_string(x->message));
		json_object_set_new(e, "text", json_string(sg_buf_cstr(&text)));
		json_array_append_new(list, e);
		sg_buf_free(&text);
		(*n)++;
	}
	return list;
}

/* The JSON of the errors endpoint for generation gen and the diagnostics d (NULL: none);
 * *n_errors and *n_warnings set. Returns a string of ours (sg_malloc'd). */
static char *errors_json(unsigned long gen, const sg_diags *d, size_t *n_errors, size_t *n_warnings)
{
	json_t *root = json_object();
	size_t n = 0;
	json_t *errors = diags_json(d, SG_DIAG_ERROR, &n);
	json_t *warnings = diags_json(d, SG_DIAG_WARNING, n_warnings);
	json_object_set_new(root, "generation", json_integer((json_int_t)gen));
	json_object_set_new(root, "ok", json_boolean(n == 0));
	json_object_set_new(root, "errors", errors);
	json_object_set_new(root, "warnings", warnings);
	/* the overlay's own words, in the language of the messages */
	json_t *labels = json_object();
	/* TRANSLATORS: the language code of this translation (the overlay's lang attribute) */
	json_object_set_new(labels, "lang", json_string(_("en")));
	char *title = sg_asprintf(P_("sofgen: the site could not be rebuilt (%zu error)",
	                             "sofgen: the site could not be rebuilt (%zu errors)", n), n);
	json_object_set_new(labels, "errors_title", json_string(title));
	free(title);
	json_object_set_new(labels, "errors_hint", json_string(_("You are looking at the last version that built. Fix "
	                                                         "the file and save it: the page reloads by itself.")));
	title = sg_asprintf(P_("sofgen: %zu warning", "sofgen: %zu warnings", *n_warnings), *n_warnings);
	json_object_set_new(labels, "warnings_title", json_string(title));
	free(title);
	json_object_set_new(labels, "warnings_hint",
	                    json_string(n ? _("Warnings do not stop a build, but something may be missing or written "
	                                      "other than meant.")
	                                  : _("The site was built, but something may be missing or written other than "
	                                      "meant. Fix the file and save it: the page reloads by itself.")));
	json_object_set_new(labels, "hide", json_string(_("Hide")));
	json_object_set_new(root, "labels", labels);
	char *s = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	if (!s)
		sg_out_of_memory(); /* (jansson allocates with sg_malloc in sofgen, so never) */
	/* json_dumps allocates with jansson's allocator (malloc by default); copy into ours */
	char *copy = sg_strdup(s);
	free(s);
	*n_errors = n;
	return copy;
}

sg_livereload *sg_livereload_new(void)
{
	sg_livereload *lr = sg_calloc(1, sizeof *lr);
	pthread_mutex_init(&lr->lock, NULL);
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&lr->changed, &attr);
	pthread_condattr_destroy(&attr);
	lr->errors_json = errors_json(0, NULL, &lr->n_errors, &lr->n_warnings);
	return lr;
}

void sg_livereload_free(sg_livereload *lr)
{
	if (!lr)
		return;
	pthread_cond_destroy(&lr->changed);
	pthread_mutex_destroy(&lr->lock);
	free(lr->errors_json);
	free(lr);
}

void sg_livereload_built(sg_livereload *lr) { sg_livereload_built_warned(lr, NULL); }

void sg_livereload_built_warned(sg_livereload *lr, const sg_diags *d)
{
	pthread_mutex_lock(&lr->lock);
	lr->gen++;
	if (lr->n_errors || lr->n_warnings)
		lr->err_gen++;
	free(lr->errors_json);
	lr->errors_json = errors_json(lr->gen, d, &lr->n_errors, &lr->n_warnings);
	pthread_cond_broadcast(&lr->changed);
	pthread_mutex_unlock(&lr->lock);
}

void sg_livereload_failed(sg_livereload *lr, const sg_diags *d)
{
	pthread_mutex_lock(&lr->lock);
	free(lr->errors_json);
	lr->errors_json = errors_json(lr->gen, d, &lr->n_errors, &lr->n_warnings);
	lr->err_gen++;
	pthread_cond_broadcast(&lr->changed);
	pthread_mutex_unlock(&lr->lock);
}

void sg_livereload_stop(sg_livereload *lr)
{
	pthread_mutex_lock(&lr->lock);
	lr->stopping = true;
	pthread_cond_broadcast(&lr->changed);
	pthread_mutex_unlock(&lr->lock);
}

unsigned long sg_livereload_generation(sg_livereload *lr)
{
	pthread_mutex_lock(&lr->lock);
	unsigned long g = lr->gen;
	pthread_mutex_unlock(&lr->lock);
	return g;
}

char *sg_livereload_errors_json(sg_livereload *lr)
{
	pthread_mutex_lock(&lr->lock);
	char *s = sg_strdup(lr->errors_json);
	pthread_mutex_unlock(&lr->lock);
	return s;
}

/* ---- the page side ---- */

void sg_livereload_tag(sg_buf *out, unsigned long generation)
{
	sg_buf_printf(out, "<script src=\"" SG_LR_SCRIPT_PATH "\" data-sofgen-generation=\"%lu\"></script>\n",
	              generation);
}

/* the start of the last "</body" in html, matched without regard to case; NULL if none */
static const char *last_body_close(const char *html, size_t len)
{
	static const char tag[] = "</body";
	const size_t n = sizeof tag - 1;
	for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;) {
		size_t k = 0;
		while (k < n && (html[i + k] | (tag[k] >= 'a' ? 0x20 : 0)) == tag[k])
			k++;
		if (k == n)
			return html + i;
	}
	return NULL;
}

char *sg_livereload_inject(const char *html, size_t len, unsigned long generation, size_t *out_len)
{
	const char *at = last_body_close(html, len);
	size_t head = at ? (size_t)(at - html) : len;
	sg_buf b = SG_BUF_INIT;
	sg_buf_grow(&b, len + 128);
	sg_buf_put(&b, html, head);
	sg_livereload_tag(&b, generation);
	sg_buf_put(&b, html + head, len - head);
	*out_len = b.len;
	return sg_buf_detach(&b);
}

char *sg_livereload_placeholder_page(size_t *out_len)
{
	sg_buf b = SG_BUF_INIT;
	/* the words are sofgen's own (no markup in a translation can reach the page unescaped:
	 * sv.po is part of sofgen, like this file) */
	sg_buf_printf(&b, "<!doctype html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	                  "<title>%s</title>\n</head>\n<body>\n<main>\n<h1>%s</h1>\n<p>%s</p>\n</main>\n",
	              _("en"), _("sofgen serve: no site yet"), _("The site has not been built yet"),
	              _("sofgen serve is waiting for the content to build. The errors are listed in the "
	                "terminal and below; this page reloads by itself when the build succeeds."));
	sg_livereload_tag(&b, 0);
	sg_buf_puts(&b, "</body>\n</html>\n");
	*out_len = b.len;
	return sg_buf_detach(&b);
}

/* Kept small and dependency-free. Everything shown comes from textContent, never
 * innerHTML, so a message cannot inject markup. */
const char sg_livereload_js[] =
	"/* sofgen serve: live reload and the build-error overlay. Added by `sofgen serve` to the\n"
	"   pages it serves; never part of a built site. */\n"
	"(function () {\n"
	"\t\"use strict\";\n"
	"\tvar me = document.currentScript;\n"
	"\tvar gen = me ? me.getAttribute(\"data-sofgen-generation\") : null;\n"
	"\tvar box = null, shown = \"\", dismissed = \"\";\n"
	"\tfunction remove() {\n"
	"\t\tif (box && box.parentNode) box.parentNode.removeChild(box);\n"
	"\t\tbox = null;\n"
	"\t}\n"
	"\tfunction el(tag, css, text) {\n"
	"\t\tvar e = document.createElement(tag);\n"
	"\t\tif (css) e.style.cssText = css;\n"
	"\t\tif (text) e.textContent = text;\n"
	"\t\treturn e;\n"
	"\t}\n"
	/* section(): a list of messages under its own heading: errors (red, a cross) or
	 * warnings (amber, an exclamation mark in a triangle): the icon and the words tell
	 * them apart, not only the colour */
	"\tfunction section(id, icon, colour, title, intro, items) {\n"
	"\t\tvar s = el(\"section\", \"margin:0 0 .75rem;padding-left:.75rem;border-left:6px solid \" + colour);\n"
	"\t\ts.id = id;\n"
	"\t\ts.setAttribute(\"aria-labelledby\", id + \"-title\");\n"
	"\t\tvar h = el(\"h2\", \"margin:0 0 .5rem;font-size:1.15rem;color:\" + colour);\n"
	"\t\th.id = id + \"-title\";\n"
	"\t\tvar i = el(\"span\", \"\", icon + \" \");\n"
	"\t\ti.setAttribute(\"aria-hidden\", \"true\");\n"
	"\t\th.appendChild(i);\n"
	"\t\th.appendChild(document.createTextNode(title));\n"
	"\t\ts.appendChild(h);\n"
	"\t\ts.appendChild(el(\"p\", \"margin:0 0 .5rem\", intro));\n"
	"\t\tvar ul = el(\"ul\", \"margin:0;padding-left:1.25rem\");\n"
	"\t\tfor (var k = 0; k < items.length; k++) {\n"
	"\t\t\tvar li = el(\"li\");\n"
	"\t\t\tli.appendChild(el(\"code\", \"white-space:pre-wrap;word-break:break-word;"
	"font:14px/1.4 ui-monospace,monospace\", String(items[k].text)));\n"
	"\t\t\tul.appendChild(li);\n"
	"\t\t}\n"
	"\t\ts.appendChild(ul);\n"
	"\t\treturn s;\n"
	"\t}\n"
	"\tfunction show(errors, warnings, L) {\n"
	"\t\tvar key = JSON.stringify([errors, warnings]);\n"
	"\t\tif (box && key === shown) return;\n"
	"\t\tremove();\n"
	"\t\tshown = key;\n"
	"\t\tif ((!errors.length && !warnings.length) || key === dismissed) return;\n"
	"\t\tvar n = errors.length, w = warnings.length;\n"
	"\t\tbox = el(\"div\", \"position:fixed;left:1rem;right:1rem;bottom:1rem;z-index:2147483647;"
	"max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff;color:#111;"
	"border:4px solid \" + (n ? \"#b3001b\" : \"#8a5a00\") + \";border-radius:6px;"
	"box-shadow:0 4px 24px rgba(0,0,0,.35);font:16px/1.45 system-ui,sans-serif;text-align:left\");\n"
	"\t\tbox.id = \"sofgen-overlay\";\n"
	"\t\tbox.setAttribute(\"role\", n ? \"alert\" : \"status\");\n"
	"\t\tbox.setAttribute(\"lang\", L.lang || \"en\");\n"
	"\t\tif (n)\n"
	"\t\t\tbox.appendChild(section(\"sofgen-errors\", \"\\u2716\", \"#b3001b\", L.errors_title, L.errors_hint, errors));\n"
	"\t\tif (w)\n"
	"\t\t\tbox.appendChild(section(\"sofgen-warnings\", \"\\u26a0\", \"#8a5a00\", L.warnings_title, L.warnings_hint, "
	"warnings));\n"
	"\t\tvar b = el(\"button\", \"font:inherit;padding:.25rem .75rem\", L.hide);\n"
	"\t\tb.type = \"button\";\n"
	"\t\tb.addEventListener(\"click\", function () { dismissed = shown; remove(); });\n"
	"\t\tbox.appendChild(b);\n"
	"\t\tdocument.body.appendChild(box);\n"
	"\t}\n"
	"\tfunction check() {\n"
	"\t\tfetch(\"" SG_LR_ERRORS_PATH "\", {cache: \"no-store\"})\n"
	"\t\t\t.then(function (r) { return r.json(); })\n"
	"\t\t\t.then(function (j) { show(j.errors || [], j.warnings || [], j.labels || {}); }, function () {});\n"
	"\t}\n"
	"\tif (!window.EventSource) { check(); return; }\n"
	"\tvar es = null;\n"
	"\tfunction disconnect() {\n"
	"\t\tif (es) es.close();\n"
	"\t\tes = null;\n"
	"\t}\n"
	"\tfunction connect() {\n"
	"\t\tif (es) return;\n"
	"\t\tes = new EventSource(\"" SG_LR_EVENTS_PATH "\" + (gen ? \"?since=\" + encodeURIComponent(gen) : \"\"));\n"
	"\t\tes.addEventListener(\"open\", check);\n"
	"\t\tes.addEventListener(\"errors\", check);\n"
	"\t\tes.addEventListener(\"reload\", function () { disconnect(); location.reload(); });\n"
	"\t\tes.addEventListener(\"bye\", disconnect);\n"
	"\t}\n"
	"\t/* a hidden tab holds no connection (a browser opens only a few per server, and pages\n"
	"\t   need them); shown again, it listens again and reloads at once if the site changed */\n"
	"\tdocument.addEventListener(\"visibilitychange\", function () {\n"
	"\t\tif (document.hidden) disconnect(); else connect();\n"
	"\t});\n"
	"\tif (!document.hidden) connect();\n"
	"})();\n";

/* ---- streams ---- */

/* Takes s out of the list of open streams (lr locked). */
static void unlink_stream(sg_livereload *lr, sg_sse_stream *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		lr->oldest = s->next;
	if (s->next)
		s->next->prev = s->prev;
	else
		lr->newest = s->prev;
	s->prev = s->next = NULL;
	lr->n_streams--;
}

sg_sse_stream *sg_sse_stream_new(sg_livereload *lr, long long since)
{
	sg_sse_stream *s = sg_calloc(1, sizeof *s);
	s->lr = lr;
	pthread_mutex_lock(&lr->lock);
	s->seen_gen = lr->gen;
	s->seen_err_gen = lr->err_gen;
	/* a page from another generation (or from an earlier run of serve) is stale */
	s->stale = since >= 0 && (unsigned long long)since != lr->gen;
	if (lr->n_streams >= SG_LR_MAX_STREAMS) {
		/* the oldest makes room: it says bye (its page stops listening until it is
		 * shown again) and its connection closes, so streams never use up the
		 * connections that pages need */
		sg_sse_stream *old = lr->oldest;
		unlink_stream(lr, old);
		old->evicted = true;
		pthread_cond_broadcast(&lr->changed);
	}
	s->prev = lr->newest;
	if (lr->newest)
		lr->newest->next = s;
	else
		lr->oldest = s;
	lr->newest = s;
	lr->n_streams++;
	pthread_mutex_unlock(&lr->lock);
	return s;
}

void sg_sse_stream_free(sg_sse_stream *s)
{
	if (!s)
		return;
	sg_livereload *lr = s->lr;
	pthread_mutex_lock(&lr->lock);
	if (!s->evicted)
		unlink_stream(lr, s);
	pthread_mutex_unlock(&lr->lock);
	free(s);
}

size_t sg_livereload_streams(sg_livereload *lr)
{
	pthread_mutex_lock(&lr->lock);
	size_t n = lr->n_streams;
	pthread_mutex_unlock(&lr->lock);
	return n;
}

static size_t put(char *buf, size_t max, const char *fmt, unsigned long n)
{
	int k = snprintf(buf, max, fmt, n);
	return k < 0 || (size_t)k >= max ? 0 : (size_t)k;
}

ssize_t sg_sse_stream_read(sg_sse_stream *s, char *buf, size_t max, int keepalive_ms)
{
	sg_livereload *lr = s->lr;
	if (max < 64)
		return 0; /* never happens with MHD's block sizes; the caller tries again */
	if (!s->greeted) {
		/* an immediate first chunk: the headers go out and the page's `open` fires */
		s->greeted = true;
		return (ssize_t)put(buf, max, "retry: 1000\n: sofgen serve, generation %lu\n\n", s->seen_gen);
	}
	struct timespec deadline;
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += keepalive_ms / 1000;
	deadline.tv_nsec += (long)(keepalive_ms % 1000) * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&lr->lock);
	int rc = 0;
	while (!lr->stopping && !s->evicted && !s->stale && lr->gen == s->seen_gen && lr->err_gen == s->seen_err_gen &&
	       rc != ETIMEDOUT)
		rc = pthread_cond_timedwait(&lr->changed, &lr->lock, &deadline);
	ssize_t n;
	if (lr->stopping || s->said_bye) {
		n = -1;
	} else if (s->evicted) {
		s->said_bye = true;
		n = (ssize_t)put(buf, max, "event: bye\ndata: %lu\n\n", (unsigned long)SG_LR_MAX_STREAMS);
	} else if (s->stale || lr->gen != s->seen_gen) {
		s->stale = false;
		s->seen_gen = lr->gen;
		s->seen_err_gen = lr->err_gen; /* the reloaded page fetches the errors anyway */
		n = (ssize_t)put(buf, max, "event: reload\ndata: %lu\n\n", lr->gen);
	} else if (lr->err_gen != s->seen_err_gen) {
		s->seen_err_gen = lr->err_gen;
		n = (ssize_t)put(buf, max, "event: errors\ndata: %lu\n\n", (unsigned long)lr->n_errors);
	} else {
		n = (ssize_t)put(buf, max, ": keep-alive %lu\n\n", lr->gen);
	}
	pthread_mutex_unlock(&lr->lock);
	return n;
}
