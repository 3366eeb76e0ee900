/* fuzz_content.c — libFuzzer harness for the whole path of one content file: the input
 * is the bytes of a file, read as sofgen reads it (sg_source_parse: UTF-8 check, line
 * ends, front matter, YAML), its Markdown body parsed, checked, resolved and rendered
 * (HTML, e-mail HTML, plain text), and the file built into a small site
 * (sg_site_build) in each role it can have: an insats, a förbund, a page, a
 * newsletter and an event (as Markdown with front matter), and a form and a document
 * description (as YAML). Each site is the same fixed site.yaml, förbund and form plus
 * the input. A site that builds without errors is planned and every page rendered
 * with the project's templates/, as are its open data, sitemap, Atom feed and
 * calendar; one with errors has its diagnostics sorted and printed, as `sofgen build`
 * does. Nothing touches the disk per input except lstat for a document's file.
 *
 * The sources are made in memory: content.c is compiled into this file so the harness
 * can fill its private sg_sources (sg_sources_read would need a folder per input);
 * mk/fuzz.mk links the harness with every other object of src/.
 *
 * Contracts checked besides the sanitizers: sg_source_parse returns -1 exactly when
 * it added an error, and on success gives a map and a NUL-free body of body_len bytes.
 *
 * Paths (templates/, content/dokument/) are relative to the project root, where
 * `make fuzz` and the unit tests run. tests/unit/test_fuzz_regressions.c includes this
 * file with SG_FUZZ_NO_MAIN defined and calls ct_run, the code path the fuzzer runs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/read/content.c"
#include "markdown/markdown.h"
#include "markdown/markdown_mail.h"
#include "model/model.h"
#include "model/refs.h"
#include "plan/plan.h"
#include "render/context.h"
#include "render/links.h"
#include "template/mustache.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/diag.h"
#include "write/atom.h"
#include "write/ical.h"
#include "write/catalog.h"
#include "write/opendata.h"
#include "write/sitemap.h"

#define CT_CHECK(cond)                                                                                       \
	do {                                                                                                     \
		if (!(cond)) {                                                                                       \
			fprintf(stderr, "%s:%d: contract broken: %s\n", __FILE__, __LINE__, #cond);                    \
			abort();                                                                                         \
		}                                                                                                    \
	} while (0)

#define CT_TEMPLATES "templates"
#define CT_NOW "2020-06-01T12:00"

/* The fixed part of every site. */
static const char ct_site_yaml[] = "title: Fuzzportal\n"
                                   "base_url: https://example.se/fuzz/\n"
                                   "region: Testlän\n";
static const char ct_forbund_md[] = "---\n"
                                    "title: Alfa samordningsförbund\n"
                                    "orgnr: \"222000-2105\"\n"
                                    "default_form: remiss\n"
                                    "members:\n"
                                    "  - {name: Borås, code: \"1490\"}\n"
                                    "  - {name: Mark, code: \"1463\"}\n"
                                    "parties: [Försäkringskassan, Arbetsförmedlingen, Regionen]\n"
                                    "contact: {name: Kansliet, email: kansli@example.se, address: Gatan 1}\n"
                                    "---\n"
                                    "Om [förbundet](forbund:alfa), se [Borås](kommun:boras).\n";
static const char ct_form_yaml[] = "title: Remiss\n"
                                   "intro: Fyll i och **skriv ut**.\n"
                                   "sections:\n"
                                   "  - title: Personen\n"
                                   "    fields:\n"
                                   "      - {name: namn, label: Namn, type: text, required: true}\n"
                                   "      - {name: kommun, label: Kommun, type: select, options: [Borås, Mark]}\n"
                                   "consent: Jag samtycker.\n"
                                   "send_to: \"Förbundet, Box 1, 123 45 Exempelstad\"\n";

typedef struct {
	sg_source_kind kind;
	const char *path, *slug, *folder;
} ct_role;

static const ct_role ct_fixed_roles[] = {
	{SG_SRC_SITE, "content/site.yaml", "site", NULL},
	{SG_SRC_FORBUND, "content/forbund/alfa.md", "alfa", NULL},
	{SG_SRC_BLANKETT, "content/blanketter/remiss.yaml", "remiss", NULL},
};
static const char *const ct_fixed_texts[] = {ct_site_yaml, ct_forbund_md, ct_form_yaml};
#define CT_N_FIXED (sizeof ct_fixed_roles / sizeof *ct_fixed_roles)

/* What the input is built as; Markdown roles first. */
static const ct_role ct_md_roles[] = {
	{SG_SRC_INSATS, "content/insatser/alfa/fuzz.md", "fuzz", "alfa"},
	{SG_SRC_FORBUND, "content/forbund/beta.md", "beta", NULL},
	{SG_SRC_SIDA, "content/sidor/fuzz.md", "fuzz", NULL},
	{SG_SRC_NYHETSBREV, "content/nyhetsbrev/fuzz.md", "fuzz", NULL},
	{SG_SRC_EVENEMANG, "content/evenemang/fuzz.md", "fuzz", NULL},
};
static const ct_role ct_yaml_roles[] = {
	{SG_SRC_BLANKETT, "content/blanketter/fuzz.yaml", "fuzz", NULL},
	/* the folder holds real files, so `file:` can name one that exists */
	{SG_SRC_DOKUMENT, "content/dokument/fuzz.yaml", "fuzz", "content/dokument"},
};

typedef struct {
	sg_source fixed[CT_N_FIXED];
	sg_tpl_set *templates;
	FILE *devnull;
} ct_world;

static ct_world *ct_world_get(void);

/* A deep copy of src (the meta shared by reference), as content.c would have read it. */
static sg_source ct_clone(const sg_source *src, const ct_role *role)
{
	return (sg_source){.kind = role->kind,
	                   .path = sg_strdup(role->path),
	                   .slug = sg_strdup(role->slug),
	                   .folder = role->folder ? sg_strdup(role->folder) : NULL,
	                   .meta = sg_value_ref(src->meta),
	                   .body = sg_strndup(src->body, src->body_len),
	                   .body_len = src->body_len,
	                   .body_line = src->body_line};
}

static void ct_push(sg_sources *s, sg_source src)
{
	if (s->len == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->items = sg_realloc(s->items, s->cap * sizeof *s->items);
	}
	s->items[s->len++] = src;
}

/* Reads text as content.c does, under role's path; checks sg_source_parse's contract. */
static int ct_parse(sg_source *src, const ct_role *role, const uint8_t *data, size_t size, bool frontmatter,
                    sg_diags *d)
{
	char *text = sg_malloc(size + 1); /* room for the NUL sg_text_normalize writes */
	memcpy(text, data, size);
	text[size] = '\0';
	memset(src, 0, sizeof *src);
	src->kind = role->kind;
	src->path = sg_strdup(role->path);
	size_t errors = sg_diags_errors(d);
	int rc = sg_source_parse(src, text, size, frontmatter, d);
	free(text);
	CT_CHECK(rc == 0 || rc == -1);
	/* -1: the file is left out, after errors; 0 may come with errors too (a control
	 * character is refused and left out, and the rest of the file is still checked) */
	CT_CHECK(rc == 0 || sg_diags_errors(d) > errors);
	if (rc == 0) {
		CT_CHECK(sg_value_kind_of(src->meta) == SG_VAL_MAP);
		CT_CHECK(src->body && strlen(src->body) == src->body_len);
		CT_CHECK(frontmatter ? src->body_line >= 3 : src->body_len == 0);
	}
	return rc;
}

/* A resolver for sg_markdown_resolve: "sida:ok" and anything under "insats:" resolve
 * (to the name after the prefix), the rest does not. */
static const void *ct_resolve(void *ctx, size_t kind, const char *name, const char *ref, char **why)
{
	(void)ctx;
	if ((kind == SG_REF_SIDA && strcmp(name, "ok") == 0) || kind == SG_REF_INSATS)
		return name;
	*why = sg_asprintf("no such thing: '%s'", ref);
	return NULL;
}

static char *ct_url(void *ctx, size_t kind, const void *target)
{
	(void)ctx, (void)kind;
	return sg_asprintf("/fuzz/%s/", (const char *)target);
}

/* The body on its own, in every way sofgen parses and renders a body. */
static void ct_markdown(const sg_source *src, sg_diags *d, sg_buf *log)
{
	static const sg_markdown_opts opts[] = {
		{.allow_html = false, .link_root = "", .ref_prefixes = sg_ref_prefixes},
		{.allow_html = true, .link_root = "/fuzz", .keep_document = true, .ref_prefixes = sg_ref_prefixes}};
	for (size_t i = 0; i < sizeof opts / sizeof *opts; i++) {
		sg_markdown *md = sg_markdown_parse(src->body, src->body_len, src->path, src->body_line, &opts[i], d);
		CT_CHECK(md != NULL);
		sg_markdown_resolve(md, ct_resolve, NULL, d);
		sg_markdown_link(md, ct_url, NULL);
		sg_buf out = SG_BUF_INIT;
		sg_markdown_render(md, &out);
		if (log && i == 0)
			sg_buf_printf(log, "html: [%s]\n", sg_buf_cstr(&out));
		sg_buf_clear(&out);
		sg_markdown_render_text(md, i ? 0 : 72, i ? "https://example.se/fuzz" : NULL, &out);
		sg_buf_clear(&out);
		sg_markdown_render_mail_html(md, "https://example.se/fuzz/", &out);
		sg_buf_free(&out);
		(void)sg_markdown_is_empty(md);
		sg_markdown_free(md);
	}
}

/* Everything a build writes, rendered to memory. */
static void ct_render_site(const ct_world *w, const sg_site *site, sg_buf *log)
{
	sg_plan *plan = sg_plan_new(site, CT_NOW);
	sg_contexts *ctx = sg_contexts_new(site, plan);
	sg_buf page = SG_BUF_INIT;
	for (size_t i = 0; i < plan->n_pages; i++) {
		const sg_page *p = &plan->pages[i];
		sg_value *v = sg_contexts_page(ctx, p);
		sg_buf_clear(&page);
		sg_tpl_render(w->templates, p->template, v, &page); /* -1: no such template, as in a build */
		sg_value_unref(v);
	}
	if (log)
		sg_buf_printf(log, "pages: %zu\n", plan->n_pages);
	const char *base = site->info.base_url ? site->info.base_url : "/";
	sg_buf_clear(&page);
	sg_sitemap_render(plan, base, &page);
	sg_robots_render(base, &page);
	void (*const data[])(const sg_site *, sg_buf *) = {sg_opendata_schema, sg_opendata_catalog,
	                                                          sg_opendata_catalog_rdf};
	for (size_t i = 0; i < sizeof data / sizeof *data; i++) {
		sg_buf_clear(&page);
		data[i](site, &page);
	}
	for (int f = 0; f < SG_CATALOG_COUNT; f++) {
		sg_buf_clear(&page);
		sg_catalog_render_site(site, "2026-12-04", (sg_catalog_file)f, &page);
	}
	sg_buf_clear(&page);
	sg_atom_render(site, site->info.title, "/nyhetsbrev/feed.xml", "/nyhetsbrev/", site->nyhetsbrev,
	               site->n_nyhetsbrev, &page);
	for (size_t i = 0; i < site->n_nyhetsbrev; i++) {
		sg_buf_clear(&page);
		sg_markdown_render_text(site->nyhetsbrev[i]->body, 72, "https://example.se/fuzz", &page);
		sg_markdown_render_mail_html(site->nyhetsbrev[i]->body, "https://example.se/fuzz", &page);
	}
	sg_ical_event *ev = sg_calloc(site->n_evenemang + 1, sizeof *ev);
	for (size_t i = 0; i < site->n_evenemang; i++) {
		const sg_evenemang *e = site->evenemang[i];
		CT_CHECK(sg_ical_when_valid(e->start) && (!e->end || sg_ical_when_valid(e->end)));
		ev[i] = (sg_ical_event){e->slug, e->title, e->title, e->location, "https://example.se/fuzz/", e->start, e->end};
	}
	sg_buf_clear(&page);
	sg_ical_render(&page, "-//sofgen//fuzz//SV", site->info.title, ev, site->n_evenemang, "20200601T000000Z");
	free(ev);
	sg_buf_free(&page);
	sg_contexts_free(ctx);
	sg_plan_free(plan);
}

/* Builds the fixed site plus src in `role`; renders it when it has no errors. */
static void ct_build(const ct_world *w, const sg_source *src, const ct_role *role, sg_buf *log)
{
	sg_sources *s = sg_calloc(1, sizeof *s);
	s->root_real = sg_strdup("/nonexistent");
	for (size_t i = 0; i < CT_N_FIXED; i++)
		ct_push(s, ct_clone(&w->fixed[i], &ct_fixed_roles[i]));
	ct_push(s, ct_clone(src, role));
	sg_diags *d = sg_diags_new();
	sg_build_opts opts = {.drafts = false};
	sg_site *site = sg_site_build(s, &opts, d);
	CT_CHECK(site != NULL);
	if (log)
		sg_buf_printf(log, "as %s: %zu errors, %zu warnings\n", role->path, sg_diags_errors(d),
		              sg_diags_warnings(d));
	if (sg_diags_errors(d) == 0) {
		sg_links_write(site);
		ct_render_site(w, site, log);
	} else {
		sg_diags_sort(d);
		sg_diags_print(d, w->devnull);
	}
	if (log)
		for (size_t i = 0; i < sg_diags_len(d); i++) {
			const sg_diag *x = sg_diags_at(d, i);
			sg_buf_printf(log, "  %s:%d:%d: %s\n", x->file ? x->file : "-", x->line, x->col, x->message);
		}
	sg_diags_free(d);
	sg_site_free(site);
}

/* The code path under test. `log` (may be NULL) receives what happened. */
static int ct_run(const uint8_t *data, size_t size, sg_buf *log)
{
	const ct_world *w = ct_world_get();

	/* as a Markdown file with front matter */
	sg_diags *d = sg_diags_new();
	sg_source md;
	if (ct_parse(&md, &ct_md_roles[0], data, size, true, d) == 0) {
		ct_markdown(&md, d, log);
		for (size_t i = 0; i < sizeof ct_md_roles / sizeof *ct_md_roles; i++)
			ct_build(w, &md, &ct_md_roles[i], log);
	} else if (log) {
		for (size_t i = 0; i < sg_diags_len(d); i++)
			sg_buf_printf(log, "markdown file: %d:%d: %s\n", sg_diags_at(d, i)->line, sg_diags_at(d, i)->col,
			              sg_diags_at(d, i)->message);
	}
	sg_source_clear(&md);
	sg_diags_free(d);

	/* as a YAML file */
	d = sg_diags_new();
	sg_source y;
	if (ct_parse(&y, &ct_yaml_roles[0], data, size, false, d) == 0) {
		for (size_t i = 0; i < sizeof ct_yaml_roles / sizeof *ct_yaml_roles; i++)
			ct_build(w, &y, &ct_yaml_roles[i], log);
	} else if (log) {
		for (size_t i = 0; i < sg_diags_len(d); i++)
			sg_buf_printf(log, "yaml file: %d:%d: %s\n", sg_diags_at(d, i)->line, sg_diags_at(d, i)->col,
			              sg_diags_at(d, i)->message);
	}
	sg_source_clear(&y);
	sg_diags_free(d);
	return 0;
}

/* The fixed sources and the templates, read once. A fixed site that does not build
 * without errors, or templates that do not load, make every run meaningless: abort. */
static ct_world *ct_world_get(void)
{
	static ct_world *w;
	if (w)
		return w;
	w = sg_calloc(1, sizeof *w);
	sg_diags *d = sg_diags_new();
	for (size_t i = 0; i < CT_N_FIXED; i++) {
		bool fm = ct_fixed_roles[i].kind == SG_SRC_FORBUND;
		sg_source *src = &w->fixed[i];
		if (ct_parse(src, &ct_fixed_roles[i], (const uint8_t *)ct_fixed_texts[i], strlen(ct_fixed_texts[i]), fm, d) !=
		    0)
			break;
	}
	w->templates = sg_tpl_set_new();
	sg_tpl_set_load_dir(w->templates, CT_TEMPLATES, d);
	if (sg_diags_errors(d) == 0) {
		/* the fixed site alone must build without errors (warnings, such as for what
		 * site.yaml leaves out, are fine) */
		sg_sources *s = sg_calloc(1, sizeof *s);
		s->root_real = sg_strdup("/nonexistent");
		for (size_t i = 0; i < CT_N_FIXED; i++)
			ct_push(s, ct_clone(&w->fixed[i], &ct_fixed_roles[i]));
		sg_build_opts opts = {.drafts = false};
		sg_site_free(sg_site_build(s, &opts, d));
	}
	if (sg_diags_errors(d) != 0) {
		fprintf(stderr, "fuzz_content: the fixed site or %s/ has errors (run from the project root):\n",
		        CT_TEMPLATES);
		sg_diags_print(d, stderr);
		abort();
	}
	sg_diags_free(d);
	w->devnull = fopen("/dev/null", "w");
	CT_CHECK(w->devnull != NULL);
	return w;
}

#ifndef SG_FUZZ_NO_MAIN
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	ct_world_get();
	return 0;
}
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return ct_run(data, size, NULL); }
#endif
