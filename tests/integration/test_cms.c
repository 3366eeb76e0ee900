/* The web editor's configuration (src/write/cms.c) against the key tables it is made
 * from (src/read/kinds.c) and the example site: read back with sofgen's own YAML reader,
 * each insats collection offers exactly its förbund's members, every key of the insats
 * table is a field with the widget its type implies (the two Decap cannot show are named
 * here), required keys are required and no others, and strings survive quoting. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "../support/run.h"
#include "model/model.h"
#include "read/content.h"
#include "read/kinds.h"
#include "read/yaml_load.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/fs.h"
#include "util/value.h"
#include "write/cms.h"

static sg_site *example_site(const char *backend)
{
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *site = sg_site_build(sg_sources_read("content", d), &o, d);
	cr_assert_eq(sg_diags_errors(d), 0, "the example content builds");
	sg_diags_free(d);
	cr_assert_null(site->info.cms.backend, "the example has no cms: block");
	site->info.cms.backend = sg_strdup(backend);
	site->info.cms.branch = sg_strdup("main");
	site->info.cms.site_folder = sg_strdup("webbplats");
	if (strcmp(backend, "local") != 0)
		site->info.cms.repo = sg_strdup("samordning/webbplats");
	return site;
}

/* config.yml of site, read back (the caller unrefs). */
static sg_value *config_of(const sg_site *site, unsigned local_port)
{
	char *text = sg_cms_config_yml(site, local_port);
	sg_diags *d = sg_diags_new();
	sg_value *v = sg_yaml_load(text, strlen(text), "config.yml", 0, d);
	cr_assert_eq(sg_diags_errors(d), 0, "config.yml is YAML:\n%s", text);
	sg_diags_free(d);
	free(text);
	return v;
}

static const char *str(const sg_value *map, const char *key)
{
	const char *s = sg_value_as_string(sg_value_get(map, key), NULL);
	return s ? s : "";
}

static const sg_value *collection(const sg_value *config, const char *name)
{
	const sg_value *cols = sg_value_get(config, "collections");
	for (size_t i = 0; i < sg_value_count(cols); i++)
		if (strcmp(str(sg_value_item(cols, i), "name"), name) == 0)
			return sg_value_item(cols, i);
	return NULL;
}

static const sg_value *field(const sg_value *fields, const char *name)
{
	for (size_t i = 0; i < sg_value_count(fields); i++)
		if (strcmp(str(sg_value_item(fields, i), "name"), name) == 0)
			return sg_value_item(fields, i);
	return NULL;
}

/* The option values of a select field. */
static char *options(const sg_value *f)
{
	sg_buf b = SG_BUF_INIT;
	const sg_value *o = sg_value_get(f, "options");
	for (size_t i = 0; i < sg_value_count(o); i++) {
		const sg_value *item = sg_value_item(o, i);
		const char *v = sg_value_kind_of(item) == SG_VAL_MAP ? str(item, "value") : sg_value_as_string(item, NULL);
		sg_buf_printf(&b, "%s%s", i ? "," : "", v);
	}
	return sg_buf_detach(&b);
}

Test(cms, each_insats_collection_offers_exactly_its_members)
{
	sg_site *site = example_site("github");
	sg_value *config = config_of(site, 0);
	cr_assert_eq(site->n_forbund, 2);
	for (size_t f = 0; f < site->n_forbund; f++) {
		const sg_forbund *fb = site->forbund[f];
		char *name = sg_asprintf("insatser-%s", fb->slug);
		const sg_value *c = collection(config, name);
		cr_assert_not_null(c, "%s", name);
		char *folder = sg_asprintf("webbplats/content/insatser/%s", fb->slug);
		cr_expect_str_eq(str(c, "folder"), folder);
		sg_buf want = SG_BUF_INIT;
		for (size_t k = 0; k < fb->n_members; k++)
			sg_buf_printf(&want, "%s%s", k ? "," : "", fb->members[k].name);
		const sg_value *places = field(sg_value_get(c, "fields"), "places");
		char *got = options(field(sg_value_get(places, "fields"), "municipality"));
		cr_expect_str_eq(got, sg_buf_cstr(&want), "%s: the place's kommun", name);
		free(got);
		got = options(field(sg_value_get(c, "fields"), "open_to"));
		cr_expect_str_eq(got, sg_buf_cstr(&want), "%s: open_to", name);
		free(got);
		sg_buf_free(&want);
		free(folder);
		free(name);
	}
	/* the two förbund share no member, so neither list is the other's */
	char *a = options(field(sg_value_get(field(sg_value_get(collection(config, "insatser-sjuharad"), "fields"),
	                                            "places"),
	                                      "fields"),
	                        "municipality"));
	cr_expect(strstr(a, "Borås") && !strstr(a, "Kungälv"), "%s", a);
	free(a);
	sg_value_unref(config);
	sg_site_free(site);
}

/* The widget a key's type implies, as docs/redaktorsguide.md describes it. */
static const char *widget_for(const sg_key *k, bool vocab_list)
{
	if (k->vocab == SG_VOCAB_FORBUND || k->vocab == SG_VOCAB_FORM)
		return "relation";
	if (vocab_list)
		return "select";
	switch (k->type) {
	case SG_KEY_MARKDOWN: return "markdown";
	case SG_KEY_INT:
	case SG_KEY_AMOUNT:
	case SG_KEY_FRACTION:
	case SG_KEY_NUMBER: return "number";
	case SG_KEY_BOOL: return "boolean";
	case SG_KEY_DATE:
	case SG_KEY_DATETIME: return "datetime";
	case SG_KEY_CHOICE: return "select";
	case SG_KEY_TEXTS:
	case SG_KEY_MAPS:
	case SG_KEY_MIXED: return "list";
	case SG_KEY_MAP: return "object";
	case SG_KEY_IMAGE: return "image";
	default: return "string";
	}
}

/* Every key of `keys` is a field of `fields` with its widget, label and required, or is
 * one of the keys Decap cannot show (their paths are added to `left`). */
static void same_keys(const sg_key *keys, const sg_value *fields, const char *path, sg_buf *left, bool top,
                      bool members)
{
	size_t shown = 0;
	for (size_t i = 0; keys[i].name; i++) {
		const sg_key *k = &keys[i];
		const sg_value *f = field(fields, k->name);
		if (!f) {
			sg_buf_printf(left, "%s%s%s", left->len ? "," : "", path, k->name);
			continue;
		}
		shown++;
		/* the example has a vocabulary; kommuner are a list where the collection has a förbund */
		bool vocab_list = (k->vocab == SG_VOCAB_KOMMUN && members) || k->vocab == SG_VOCAB_CATEGORY ||
		                  k->vocab == SG_VOCAB_TARGET_GROUP;
		cr_expect_str_eq(str(f, "widget"), widget_for(k, vocab_list), "%s%s", path, k->name);
		cr_expect_str_eq(str(f, "label"), k->label, "%s%s", path, k->name);
		cr_expect_eq(sg_value_as_bool(sg_value_get(f, "required")), k->required, "%s%s required", path, k->name);
		cr_expect_not_null(sg_value_get(f, "required"), "%s%s says whether it is required (Decap's default is yes)",
		                   path, k->name);
		if (k->type == SG_KEY_INT)
			cr_expect_str_eq(str(f, "value_type"), "int", "%s%s", path, k->name);
		if (k->type == SG_KEY_AMOUNT || k->type == SG_KEY_FRACTION || k->type == SG_KEY_NUMBER)
			cr_expect_str_eq(str(f, "value_type"), "float", "%s%s", path, k->name);
		if (k->type == SG_KEY_DATE)
			cr_expect_str_eq(str(f, "format"), "YYYY-MM-DD", "%s%s", path, k->name);
		if (k->type == SG_KEY_CHOICE) {
			char *got = options(f);
			sg_buf want = SG_BUF_INIT;
			for (size_t c = 0; k->choices[c]; c++)
				sg_buf_printf(&want, "%s%s", c ? "," : "", k->choices[c]);
			cr_expect_str_eq(got, sg_buf_cstr(&want), "%s%s", path, k->name);
			sg_buf_free(&want);
			free(got);
		}
		if (k->keys && strcmp(widget_for(k, false), "string") != 0) {
			char *sub = sg_asprintf("%s%s.", path, k->name);
			same_keys(k->keys, sg_value_get(f, "fields"), sub, left, false, members);
			free(sub);
		}
	}
	/* nothing else, but the body of a Markdown file */
	size_t extra = top && field(fields, "body") ? 1 : 0;
	cr_expect_eq(sg_value_count(fields), shown + extra, "%s: only the table's keys", path);
}

Test(cms, every_insats_key_is_a_field_with_the_widget_of_its_type)
{
	sg_site *site = example_site("gitea");
	sg_value *config = config_of(site, 0);
	const sg_value *c = collection(config, "insatser-sjuharad");
	sg_buf left = SG_BUF_INIT;
	same_keys(sg_content_kind_of(SG_SRC_INSATS)->keys, sg_value_get(c, "fields"), "", &left, true, true);
	/* the förbund is the collection's folder; years are a map keyed by year */
	cr_expect_str_eq(sg_buf_cstr(&left), "forbund,places.years");
	cr_expect_str_eq(str(field(sg_value_get(c, "fields"), "body"), "widget"), "markdown");
	cr_expect_str_eq(str(c, "extension"), "md");
	cr_expect_str_eq(str(c, "format"), "frontmatter");
	/* said where the editor sees it */
	const char *hint = str(field(sg_value_get(c, "fields"), "places"), "hint");
	cr_expect(strstr(hint, "(years) visas inte här") != NULL, "%s", hint);
	sg_buf_free(&left);
	sg_value_unref(config);
	sg_site_free(site);
}

Test(cms, every_kind_is_a_collection_with_the_keys_of_its_table)
{
	sg_site *site = example_site("github");
	sg_value *config = config_of(site, 0);
	static const struct {
		sg_source_kind kind;
		const char *collection, *left, *format;
	} want[] = {
		{SG_SRC_FORBUND, "forbund", "budget", "frontmatter"},
		{SG_SRC_SIDA, "sidor", "", "frontmatter"},
		{SG_SRC_NYHETSBREV, "nyhetsbrev", "", "frontmatter"},
		{SG_SRC_EVENEMANG, "evenemang", "", "frontmatter"},
		{SG_SRC_DOKUMENT, "dokument", "", "yaml"},
		{SG_SRC_BLANKETT, "blanketter", "", "yaml"},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const sg_value *c = collection(config, want[i].collection);
		cr_assert_not_null(c, "%s", want[i].collection);
		cr_expect_str_eq(str(c, "format"), want[i].format, "%s", want[i].collection);
		sg_buf left = SG_BUF_INIT;
		same_keys(sg_content_kind_of(want[i].kind)->keys, sg_value_get(c, "fields"), "", &left, true, false);
		cr_expect_str_eq(sg_buf_cstr(&left), want[i].left, "%s", want[i].collection);
		sg_buf_free(&left);
	}
	/* site.yaml: a file collection */
	const sg_value *files = sg_value_get(collection(config, "webbplatsen"), "files");
	cr_assert_eq(sg_value_count(files), 1);
	cr_expect_str_eq(str(sg_value_item(files, 0), "file"), "webbplats/content/site.yaml");
	sg_buf left = SG_BUF_INIT;
	same_keys(sg_content_kind_of(SG_SRC_SITE)->keys, sg_value_get(sg_value_item(files, 0), "fields"), "", &left,
	          true, false);
	cr_expect_str_eq(sg_buf_cstr(&left), "");
	sg_buf_free(&left);
	sg_value_unref(config);
	sg_site_free(site);
}

Test(cms, backends_locale_and_slugs)
{
	sg_site *site = example_site("github");
	sg_value *config = config_of(site, 0);
	const sg_value *b = sg_value_get(config, "backend");
	cr_expect_str_eq(str(b, "name"), "github");
	cr_expect_str_eq(str(b, "repo"), "samordning/webbplats");
	cr_expect_str_eq(str(b, "branch"), "main");
	cr_expect_null(sg_value_get(config, "local_backend"), "production: no local server");
	cr_expect_str_eq(str(config, "locale"), "sv");
	cr_expect_str_eq(str(config, "media_folder"), "webbplats/content/bilder");
	cr_expect_str_eq(str(config, "public_folder"), "/bilder");
	const sg_value *slug = sg_value_get(config, "slug");
	cr_expect_str_eq(str(slug, "encoding"), "ascii");
	cr_expect(sg_value_as_bool(sg_value_get(slug, "clean_accents")));
	cr_expect_str_eq(str(slug, "sanitize_replacement"), "-");
	sg_value_unref(config);
	/* serve --cms: the same backend, saved through decap-server in the site's own folder */
	config = config_of(site, 18081);
	cr_expect_str_eq(str(sg_value_get(config, "backend"), "name"), "github");
	cr_expect_str_eq(str(sg_value_get(config, "local_backend"), "url"), "http://127.0.0.1:18081/api/v1");
	cr_expect_str_eq(str(collection(config, "sidor"), "folder"), "content/sidor");
	sg_value_unref(config);
	sg_site_free(site);

	/* a GitLab of one's own: its API, and login without a server (PKCE) with the app's id */
	site = example_site("gitlab");
	site->info.cms.api_root = sg_strdup("https://gitlab.example.se/api/v4");
	site->info.cms.app_id = sg_strdup("abc123");
	config = config_of(site, 0);
	cr_expect_str_eq(str(sg_value_get(config, "backend"), "api_root"), "https://gitlab.example.se/api/v4");
	cr_expect_str_eq(str(sg_value_get(config, "backend"), "app_id"), "abc123");
	cr_expect_str_eq(str(sg_value_get(config, "backend"), "auth_type"), "pkce");
	sg_value_unref(config);
	sg_site_free(site);

	site = example_site("local");
	config = config_of(site, 0);
	cr_expect_str_eq(str(sg_value_get(config, "backend"), "name"), "proxy");
	cr_expect_str_eq(str(sg_value_get(config, "backend"), "proxy_url"), "http://127.0.0.1:8081/api/v1");
	cr_expect_str_eq(str(sg_value_get(config, "local_backend"), "url"), "http://127.0.0.1:8081/api/v1");
	cr_expect_str_eq(str(collection(config, "sidor"), "folder"), "content/sidor");
	sg_value_unref(config);
	sg_site_free(site);
}

Test(cms, strings_are_quoted_so_any_title_survives)
{
	sg_site *site = example_site("git-gateway");
	const char *nasty = "Ö \"x\": y\n# z \\ 'q' {a: [b]} - &c *d\t!e %f @g `h";
	free(site->forbund[0]->title);
	site->forbund[0]->title = sg_strdup(nasty);
	sg_value *config = config_of(site, 0);
	char *label = sg_asprintf("Insatser: %s", nasty);
	char *name = sg_asprintf("insatser-%s", site->forbund[0]->slug);
	cr_expect_str_eq(str(collection(config, name), "label"), label);
	free(name);
	free(label);
	sg_value_unref(config);
	sg_site_free(site);
}

Test(cms, the_admin_page_is_swedish_and_loads_only_this_site)
{
	sg_site *site = example_site("github");
	char *html = sg_cms_admin_html(site);
	cr_expect(strstr(html, "<html lang=\"sv\">") != NULL);
	cr_expect(strstr(html, "<script src=\"/admin/decap-cms.js\"></script>") != NULL, "%s", html);
	cr_expect(strstr(html, "href=\"/admin/config.yml\"") != NULL, "%s", html);
	cr_expect(strstr(html, "http") == NULL && strstr(html, "//") == NULL, "no address of another host: %s", html);
	free(html);
	sg_site_free(site);
}

/* ---- sofgen build with `cms:` ----------------------------------------------------- */

static const fixture_file cms_site[] = {
	{"site.yaml", "title: Prov\nbase_url: https://example.se/\naccessibility: {status: helt, assessed: "
	              "2026-01-01, method: prov, contact: {email: a@example.se}}\ncms:\n  backend: local\n"},
	FIXTURE_FORBUND,
};

/* A fake Decap folder: its VERSION, the bundle, a chunk, and a file that is not served. */
static char *fake_decap(const char *version)
{
	char tmpl[] = "/tmp/sofgen-decap-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	char *cms = sg_path_join(tmpl, "cms");
	cr_assert_eq(sg_mkdirs(cms), 0);
	const char *files[][2] = {{"VERSION", version}, {"decap-cms.js", "/* bundle */"},
	                          {"12.decap-cms.js", "/* chunk */"}, {"12.cms.js", "/* not ours */"}};
	for (size_t i = 0; i < 4; i++) {
		char *p = sg_path_join(cms, files[i][0]);
		cr_assert_eq(sg_write_file(p, files[i][1], strlen(files[i][1])), 0);
		free(p);
	}
	free(cms);
	return sg_strdup(tmpl);
}

Test(cms_build, the_admin_folder_is_written_with_the_bundle)
{
	char *root = fixture_make(cms_site, sizeof cms_site / sizeof *cms_site);
	char *v = sg_asprintf("%s\n", sg_cms_decap_version()), *decap = fake_decap(v);
	free(v);
	setenv("SOFGEN_DECAP_DIR", decap, 1);
	sg_buf out = SG_BUF_INIT;
	cr_assert_eq(run(&out, "build --now 2026-12-04 --content %s/content --out %s/site", root, root), 0, "%s",
	             out.ptr);
	char *page = fixture_read(root, "site/admin/index.html");
	cr_expect(has(page, "<script src=\"/admin/decap-cms.js\"></script>"), "%s", page);
	char *config = fixture_read(root, "site/admin/config.yml");
	cr_expect(has(config, "  name: \"proxy\"\n"), "%s", config);
	char *js = fixture_read(root, "site/admin/decap-cms.js"), *chunk = fixture_read(root, "site/admin/12.decap-cms.js");
	cr_expect_str_eq(js, "/* bundle */");
	cr_expect_str_eq(chunk, "/* chunk */");
	char *other = sg_path_join(root, "site/admin/12.cms.js");
	cr_expect_not(sg_is_file(other), "only Decap's own bundle and chunks are copied");
	free(other), free(js), free(chunk), free(config), free(page);
	sg_buf_free(&out);
	sg_remove_tree(decap), sg_remove_tree(root);
	free(decap);
	free(root);
}

Test(cms_build, a_missing_or_other_bundle_says_what_to_run)
{
	char *root = fixture_make(cms_site, sizeof cms_site / sizeof *cms_site);
	setenv("SOFGEN_DECAP_DIR", "/nonexistent-decap", 1);
	sg_buf out = SG_BUF_INIT;
	cr_expect_eq(run(&out, "build --now 2026-12-04 --content %s/content --out %s/site", root, root), 2);
	char *want = sg_asprintf(
		"%s/content/site.yaml:5:1: error: 'cms:' turns on the web editor at /admin/, but Decap CMS %s "
		"(decap-cms.js) is not installed: run 'make decap' in sofgen's source folder, then 'make install' (or set "
		"SOFGEN_DECAP_DIR to the build/decap folder that 'make decap' fills); or remove 'cms:' from site.yaml\n",
		root, sg_cms_decap_version());
	cr_expect(has(out.ptr, want), "%s", out.ptr);
	free(want);
	char *site = sg_path_join(root, "site");
	cr_expect_not(sg_is_dir(site), "nothing is written");
	char *decap = fake_decap("3.0.0\n");
	setenv("SOFGEN_DECAP_DIR", decap, 1);
	cr_expect_eq(run(&out, "build --now 2026-12-04 --content %s/content --out %s/site", root, root), 2);
	want = sg_asprintf("error: the Decap CMS in %s/cms is version 3.0.0, but this sofgen is made for %s: run 'make "
	                   "decap' in sofgen's source folder again, then 'make install'\n",
	                   decap, sg_cms_decap_version());
	cr_expect(has(out.ptr, want), "%s", out.ptr);
	cr_expect_not(sg_is_dir(site), "nothing is written");
	free(want);
	free(site);
	sg_remove_tree(decap), sg_remove_tree(root);
	free(decap);
	sg_buf_free(&out);
	free(root);
}

Test(cms_build, without_cms_there_is_no_admin)
{
	char *root = fixture_make(cms_site, sizeof cms_site / sizeof *cms_site);
	char *yaml = sg_path_join(root, "content/site.yaml");
	const char *text = "title: Prov\nbase_url: https://example.se/\naccessibility: {status: helt, assessed: "
	                   "2026-01-01, method: prov, contact: {email: a@example.se}}\n";
	cr_assert_eq(sg_write_file(yaml, text, strlen(text)), 0);
	char *v = sg_asprintf("%s\n", sg_cms_decap_version()), *decap = fake_decap(v);
	free(v);
	setenv("SOFGEN_DECAP_DIR", decap, 1);
	sg_buf out = SG_BUF_INIT;
	cr_assert_eq(run(&out, "build --now 2026-12-04 --content %s/content --out %s/site", root, root), 0, "%s",
	             out.ptr);
	char *admin = sg_path_join(root, "site/admin");
	cr_expect_not(sg_exists(admin), "no /admin/ without cms:");
	sg_remove_tree(decap), sg_remove_tree(root);
	free(admin), free(decap), free(yaml), free(root);
	sg_buf_free(&out);
}
