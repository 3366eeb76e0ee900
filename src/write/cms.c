/* cms.c — the web editor's configuration and admin page (see cms.h). The fields of each
 * collection come from the key tables (read/kinds.c), the widget from each key's type,
 * the select lists from the site: the kommuner of a förbund, the SUS categories, the
 * target-group vocabulary, and relations to the förbund and forms. Decap cannot show a
 * map keyed by year ("*" tables: a förbund's budget, a place's years); those keys are
 * left out of the forms, and Decap keeps keys it does not show when it saves. */
#include "cms.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../read/content.h"
#include "../read/kinds.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/i18n.h"
#include "../util/escape.h"
#include "../util/fs.h"

#ifndef SOFGEN_DECAP_VERSION
#define SOFGEN_DECAP_VERSION "3.16.3"
#endif

const char *sg_cms_decap_version(void) { return SOFGEN_DECAP_VERSION; }

/* ---- YAML, every string double-quoted ------------------------------------------- */

/* s as a YAML double-quoted scalar: backslash, quote and control characters escaped. */
static void y_quoted(sg_buf *b, const char *s)
{
	sg_buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			sg_buf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			sg_buf_puts(b, "\\n");
		else if (*p == '\t')
			sg_buf_puts(b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			sg_buf_printf(b, "\\x%02x", *p);
		else
			sg_buf_putc(b, (char)*p);
	}
	sg_buf_putc(b, '"');
}

/* `ind` spaces, then "key: " (or "- key: " when item), then the quoted value. */
static void y_str(sg_buf *b, int ind, bool item, const char *key, const char *value)
{
	sg_buf_printf(b, "%*s%s%s: ", ind, "", item ? "- " : "", key);
	y_quoted(b, value);
	sg_buf_putc(b, '\n');
}

/* "key: raw" for booleans, numbers and the start of a block (raw ""). */
static void y_raw(sg_buf *b, int ind, bool item, const char *key, const char *raw)
{
	sg_buf_printf(b, "%*s%s%s:%s%s\n", ind, "", item ? "- " : "", key, *raw ? " " : "", raw);
}

/* ---- fields from the key tables ------------------------------------------------ */

/* What the fields of one collection draw on: the site, and the förbund of an insats
 * collection (its members are the kommun choices), or NULL. */
typedef struct cms_ctx {
	const sg_site *site;
	const sg_forbund *forbund;
	char *image_folder; /* "/<site_folder>/content/bilder": where the image widget saves (owned) */
} cms_ctx;

/* A map keyed by year or any name: Decap has no widget for it. */
static bool any_key_map(const sg_key *k)
{
	return k->keys && k->keys[0].name && strcmp(k->keys[0].name, "*") == 0;
}

/* Why k is left out of the form, or NULL when it is in it. `top`: a key of the file
 * itself, not of a map inside it. */
static const char *left_out(const sg_key *k, const cms_ctx *cx, bool top)
{
	if (any_key_map(k))
		return "one block per year";
	if (top && cx->forbund && strcmp(k->name, "forbund") == 0)
		return "the collection's folder names the förbund";
	return NULL;
}

/* The Swedish words of the keys below k that the form cannot show, e.g. "years", for
 * the hint of k; "" when there are none. */
static void left_out_below(const sg_key *k, sg_buf *names)
{
	for (size_t i = 0; k->keys && k->keys[i].name; i++)
		if (any_key_map(&k->keys[i]))
			sg_buf_printf(names, "%s%s (%s)", names->len ? ", " : "", k->keys[i].label, k->keys[i].name);
}

static void emit_fields(sg_buf *b, int ind, const sg_key *keys, const cms_ctx *cx, bool top);

/* options: the names of the vocabulary (label and value the same), or a category's
 * Swedish name with its lowercase form as the value, as the plans write it. */
static size_t emit_vocab_options(sg_buf *b, int ind, sg_key_vocab vocab, const cms_ctx *cx)
{
	size_t n = 0;
	y_raw(b, ind, false, "options", "");
	if (vocab == SG_VOCAB_KOMMUN) {
		for (size_t i = 0; i < cx->forbund->n_members; i++, n++) {
			y_str(b, ind + 2, true, "label", cx->forbund->members[i].name);
			y_str(b, ind + 4, false, "value", cx->forbund->members[i].name);
		}
	} else if (vocab == SG_VOCAB_CATEGORY) {
		size_t count;
		const sg_category_info *cats = sg_categories(&count);
		for (size_t i = 0; i < count; i++, n++) {
			char *lower = sg_strdup(cats[i].name);
			if (lower[0] >= 'A' && lower[0] <= 'Z') /* every category name starts with A–Z */
				lower[0] = (char)(lower[0] - 'A' + 'a');
			y_str(b, ind + 2, true, "label", cats[i].name);
			y_str(b, ind + 4, false, "value", lower);
			free(lower);
		}
	} else if (vocab == SG_VOCAB_TARGET_GROUP) {
		const sg_site_info *in = &cx->site->info;
		for (size_t t = 0; t < in->n_target_groups; t++) {
			y_str(b, ind + 2, true, "label", in->target_groups[t].name);
			y_str(b, ind + 4, false, "value", in->target_groups[t].name);
			n++;
			for (size_t s = 0; s < in->target_groups[t].n_synonyms; s++, n++) {
				char *label = sg_asprintf("%s (%s)", in->target_groups[t].synonyms[s], in->target_groups[t].name);
				y_str(b, ind + 2, true, "label", label);
				y_str(b, ind + 4, false, "value", in->target_groups[t].synonyms[s]);
				free(label);
			}
		}
	}
	return n;
}

/* Does the site give choices for this vocabulary here? */
static bool vocab_select(const sg_key *k, const cms_ctx *cx)
{
	switch (k->vocab) {
	case SG_VOCAB_KOMMUN: return cx->forbund && cx->forbund->n_members > 0;
	case SG_VOCAB_CATEGORY: return true;
	case SG_VOCAB_TARGET_GROUP: return cx->site->info.n_target_groups > 0;
	default: return false;
	}
}

/* A string field that Decap checks with pattern (its message in Swedish). */
static void emit_pattern(sg_buf *b, int ind, const char *pattern, const char *message)
{
	y_raw(b, ind, false, "pattern", "");
	sg_buf_printf(b, "%*s- ", ind + 2, "");
	y_quoted(b, pattern);
	sg_buf_printf(b, "\n%*s- ", ind + 2, "");
	y_quoted(b, message);
	sg_buf_putc(b, '\n');
}

/* The widget of one key and what goes with it (options, pattern, fields); the hint
 * for it is added to `hint`. */
static void emit_widget(sg_buf *b, int ind, const sg_key *k, const cms_ctx *cx, sg_buf *hint)
{
	if ((k->vocab == SG_VOCAB_FORBUND || k->vocab == SG_VOCAB_FORM) &&
	    (k->type == SG_KEY_TEXT || k->type == SG_KEY_TEXTS)) {
		y_str(b, ind, false, "widget", "relation");
		y_str(b, ind, false, "collection", k->vocab == SG_VOCAB_FORBUND ? "forbund" : "blanketter");
		y_str(b, ind, false, "value_field", "{{slug}}");
		y_raw(b, ind, false, "search_fields", "[\"title\"]");
		y_raw(b, ind, false, "display_fields", "[\"title\"]");
		return;
	}
	if (k->vocab != SG_VOCAB_NONE && (k->type == SG_KEY_TEXT || k->type == SG_KEY_TEXTS) && vocab_select(k, cx)) {
		y_str(b, ind, false, "widget", "select");
		/* one category in the form; a list of them is kept as written */
		bool multiple = k->type == SG_KEY_TEXTS && k->vocab != SG_VOCAB_CATEGORY;
		if (multiple)
			y_raw(b, ind, false, "multiple", "true");
		if (k->type == SG_KEY_TEXTS && !multiple)
			sg_buf_puts(hint, "En i formuläret; flera skrivs som en lista i filen. ");
		if (k->vocab == SG_VOCAB_TARGET_GROUP)
			sg_buf_puts(hint, "Målgrupperna i site.yaml (target_groups) och deras andra ord. ");
		emit_vocab_options(b, ind, k->vocab, cx);
		return;
	}
	switch (k->type) {
	case SG_KEY_ANY:
	case SG_KEY_TEXT:
		y_str(b, ind, false, "widget", "string");
		if (k->vocab == SG_VOCAB_KOMMUN)
			sg_buf_puts(hint, "Kommunens namn med å, ä och ö, t.ex. Borås. ");
		break;
	case SG_KEY_MARKDOWN:
		y_str(b, ind, false, "widget", "markdown");
		break;
	case SG_KEY_INT:
		y_str(b, ind, false, "widget", "number");
		y_str(b, ind, false, "value_type", "int");
		break;
	case SG_KEY_AMOUNT:
		y_str(b, ind, false, "widget", "number");
		y_str(b, ind, false, "value_type", "float");
		y_raw(b, ind, false, "min", "0");
		y_raw(b, ind, false, "step", "0.001");
		sg_buf_puts(hint, "Tusen kronor (tkr), t.ex. 150 eller 72.5. ");
		break;
	case SG_KEY_FRACTION:
		y_str(b, ind, false, "widget", "number");
		y_str(b, ind, false, "value_type", "float");
		y_raw(b, ind, false, "min", "0");
		y_raw(b, ind, false, "max", "1");
		y_raw(b, ind, false, "step", "0.01");
		sg_buf_puts(hint, "En andel mellan 0 och 1, t.ex. 0.25 för en fjärdedel. ");
		break;
	case SG_KEY_NUMBER:
		y_str(b, ind, false, "widget", "number");
		y_str(b, ind, false, "value_type", "float");
		y_raw(b, ind, false, "step", "0.000001");
		break;
	case SG_KEY_PARTICIPANTS:
		y_str(b, ind, false, "widget", "string");
		emit_pattern(b, ind, "^((ca\\.?|cirka|ungefär|omkring) )?[0-9]+( per år|/år)?$",
		             "Ett antal, t.ex. 40, ca 60 eller 40 per år");
		sg_buf_puts(hint, "Ett antal, t.ex. 40, ca 60 eller 40 per år. ");
		break;
	case SG_KEY_BOOL:
		y_str(b, ind, false, "widget", "boolean");
		break;
	case SG_KEY_DATE:
		y_str(b, ind, false, "widget", "datetime");
		y_str(b, ind, false, "format", "YYYY-MM-DD");
		y_str(b, ind, false, "date_format", "YYYY-MM-DD");
		y_raw(b, ind, false, "time_format", "false");
		if (!k->required)
			y_str(b, ind, false, "default", ""); /* not today's date */
		break;
	case SG_KEY_DATETIME:
		y_str(b, ind, false, "widget", "datetime");
		y_str(b, ind, false, "format", "YYYY-MM-DDTHH:mm");
		y_str(b, ind, false, "date_format", "YYYY-MM-DD");
		y_str(b, ind, false, "time_format", "HH:mm");
		if (!k->required)
			y_str(b, ind, false, "default", "");
		break;
	case SG_KEY_PERIOD:
		y_str(b, ind, false, "widget", "string");
		emit_pattern(b, ind, "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", "ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD");
		sg_buf_puts(hint, "Ett år, en månad eller en dag: 2026, 2026-03 eller 2026-03-15. ");
		break;
	case SG_KEY_URL:
		y_str(b, ind, false, "widget", "string");
		emit_pattern(b, ind, "^(https?://|/)", "En adress som börjar med https:// (eller / för en sida här)");
		break;
	case SG_KEY_EMAIL:
		y_str(b, ind, false, "widget", "string");
		emit_pattern(b, ind, "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "En e-postadress, t.ex. namn@exempel.se");
		break;
	case SG_KEY_PHONE:
		y_str(b, ind, false, "widget", "string");
		emit_pattern(b, ind, "[0-9]", "Ett telefonnummer, t.ex. 033-12 34 56");
		break;
	case SG_KEY_CHOICE:
		y_str(b, ind, false, "widget", "select");
		y_raw(b, ind, false, "options", "");
		for (size_t i = 0; k->choices && k->choices[i]; i++) {
			sg_buf_printf(b, "%*s- ", ind + 2, "");
			y_quoted(b, k->choices[i]);
			sg_buf_putc(b, '\n');
		}
		break;
	case SG_KEY_TEXTS:
		y_str(b, ind, false, "widget", "list");
		sg_buf_puts(hint, "Skilj flera med kommatecken. ");
		break;
	case SG_KEY_MAP:
		y_str(b, ind, false, "widget", "object");
		y_raw(b, ind, false, "fields", "");
		emit_fields(b, ind + 2, k->keys, cx, false);
		break;
	case SG_KEY_IMAGE: /* saved in content/bilder/ (a leading '/': from the repository's root) */
		y_str(b, ind, false, "widget", "image");
		y_raw(b, ind, false, "choose_url", "false");
		if (cx->image_folder) {
			y_str(b, ind, false, "media_folder", cx->image_folder);
			y_str(b, ind, false, "public_folder", "/bilder");
		}
		sg_buf_puts(hint, "Bilden sparas i content/bilder/. ");
		break;
	case SG_KEY_MAPS:
	case SG_KEY_MIXED:
		y_str(b, ind, false, "widget", "list");
		y_raw(b, ind, false, "fields", "");
		emit_fields(b, ind + 2, k->keys, cx, false);
		if (k->type == SG_KEY_MIXED)
			sg_buf_puts(hint, "En post som i filen bara är en text (t.ex. \"- Borås\") kan inte visas här: "
			                  "ändra den i en textredigerare. ");
		break;
	}
}

/* One field of a collection: label, name, widget, required, hint. */
static void emit_field(sg_buf *b, int ind, const sg_key *k, const cms_ctx *cx)
{
	y_str(b, ind, true, "label", k->label ? k->label : k->name);
	y_str(b, ind + 2, false, "name", k->name);
	y_raw(b, ind + 2, false, "required", k->required ? "true" : "false");
	sg_buf hint = SG_BUF_INIT;
	emit_widget(b, ind + 2, k, cx, &hint);
	sg_buf below = SG_BUF_INIT;
	left_out_below(k, &below);
	if (below.len)
		sg_buf_printf(&hint, "%s visas inte här (ett block per år); skriv dem i filen, de sparas oförändrade. ",
		              below.ptr);
	sg_buf_free(&below);
	if (hint.len) {
		while (hint.len && hint.ptr[hint.len - 1] == ' ')
			hint.ptr[--hint.len] = '\0';
		y_str(b, ind + 2, false, "hint", hint.ptr);
	}
	sg_buf_free(&hint);
}

static void emit_fields(sg_buf *b, int ind, const sg_key *keys, const cms_ctx *cx, bool top)
{
	for (size_t i = 0; keys && keys[i].name; i++)
		if (!left_out(&keys[i], cx, top))
			emit_field(b, ind, &keys[i], cx);
}

/* ---- collections ---------------------------------------------------------------- */

/* The folder of a content path in the repository: site_folder/content/rel. decap-server
 * (local) works in the site's own folder: no site_folder then. */
static char *repo_path(const sg_site *site, const char *rel, unsigned local_port)
{
	const sg_cms *c = &site->info.cms;
	bool local = local_port || (c->backend && strcmp(c->backend, "local") == 0);
	const char *sf = c->site_folder && !local ? c->site_folder : "";
	return sg_asprintf("%s%scontent%s%s", sf, *sf ? "/" : "", *rel ? "/" : "", rel);
}

static void emit_folder_collection(sg_buf *b, const sg_site *site, const sg_content_kind *kind, const char *name,
                                   const char *label, const char *singular, const char *folder,
                                   const sg_forbund *forbund, unsigned local_port)
{
	cms_ctx cx = {site, forbund, NULL};
	bool md = strcmp(kind->ext, ".md") == 0;
	char *path = repo_path(site, folder, local_port);
	char *images = repo_path(site, "bilder", local_port);
	cx.image_folder = sg_asprintf("/%s", images);
	free(images);
	y_str(b, 2, true, "name", name);
	y_str(b, 4, false, "label", label);
	y_str(b, 4, false, "label_singular", singular);
	y_str(b, 4, false, "folder", path);
	y_raw(b, 4, false, "create", "true");
	y_str(b, 4, false, "extension", md ? "md" : "yaml");
	y_str(b, 4, false, "format", md ? "frontmatter" : "yaml");
	y_str(b, 4, false, "slug", "{{slug}}");
	y_str(b, 4, false, "identifier_field", "title");
	sg_buf gone = SG_BUF_INIT; /* the keys of the file the form leaves out, said above it */
	for (size_t i = 0; kind->keys[i].name; i++) {
		const char *why = left_out(&kind->keys[i], &cx, true);
		if (why && any_key_map(&kind->keys[i]))
			sg_buf_printf(&gone, "%s (%s) visas inte här (ett block per år); skriv det i filen, det sparas oförändrat. ",
			              kind->keys[i].label, kind->keys[i].name);
		else if (why)
			sg_buf_printf(&gone, "Insatserna i %s; kommunerna att välja är förbundets medlemmar. ",
			              forbund && forbund->title ? forbund->title : folder);
	}
	if (gone.len) {
		gone.ptr[--gone.len] = '\0';
		y_str(b, 4, false, "description", gone.ptr);
	}
	sg_buf_free(&gone);
	y_raw(b, 4, false, "editor", "");
	y_raw(b, 6, false, "preview", "false");
	y_raw(b, 4, false, "fields", "");
	emit_fields(b, 6, kind->keys, &cx, true);
	if (md) {
		y_str(b, 6, true, "label", "Text");
		y_str(b, 8, false, "name", "body");
		y_raw(b, 8, false, "required", "false");
		y_str(b, 8, false, "widget", "markdown");
	}
	free(path);
	free(cx.image_folder);
}

/* Swedish names of the folder collections (kind name → label, one). */
static const struct {
	const char *kind, *label, *singular;
} collection_names[] = {
	{"forbund", "Förbund", "Förbund"},          {"sida", "Sidor", "Sida"},
	{"nyhetsbrev", "Informationsbrev", "Informationsbrev"}, {"evenemang", "Evenemang", "Evenemang"},
	{"dokument", "Dokument", "Dokument"},       {"blankett", "Blanketter", "Blankett"},
};

char *sg_cms_config_yml(const sg_site *site, unsigned local_port)
{
	const sg_cms *c = &site->info.cms;
	sg_buf b = SG_BUF_INIT;
	sg_buf_printf(&b, "# Decap CMS %s: the web editor's configuration, made by sofgen from the same tables\n"
	                  "# that check the content (sofgen check). Written by every build; do not edit.\n",
	              sg_cms_decap_version());
	y_raw(&b, 0, false, "backend", "");
	bool local = strcmp(c->backend, "local") == 0;
	/* local: decap-server (sofgen serve --cms) on this computer, port 8081 by default */
	char *proxy = sg_asprintf("http://127.0.0.1:%u/api/v1", local_port ? local_port : 8081);
	y_str(&b, 2, false, "name", local ? "proxy" : c->backend);
	if (local)
		y_str(&b, 2, false, "proxy_url", proxy);
	if (c->repo)
		y_str(&b, 2, false, "repo", c->repo);
	y_str(&b, 2, false, "branch", c->branch ? c->branch : "main");
	if (c->base_url)
		y_str(&b, 2, false, "base_url", c->base_url);
	if (c->api_root)
		y_str(&b, 2, false, "api_root", c->api_root);
	if (c->app_id) { /* GitLab's login without a server of one's own (PKCE); Gitea's login */
		y_str(&b, 2, false, "app_id", c->app_id);
		if (strcmp(c->backend, "gitlab") == 0)
			y_str(&b, 2, false, "auth_type", "pkce");
	}
	if (local || local_port) { /* Decap then saves through decap-server when it answers */
		y_raw(&b, 0, false, "local_backend", "");
		y_str(&b, 2, false, "url", proxy);
	}
	free(proxy);
	y_str(&b, 0, false, "locale", "sv");
	if (site->info.base_url) {
		y_str(&b, 0, false, "site_url", site->info.base_url);
		y_str(&b, 0, false, "display_url", site->info.base_url);
	}
	/* images the Markdown editor uploads: content/bilder/, where sofgen reads every image
	 * (model/image.h), under the address a text names them by, /bilder/… (the site's root
	 * is not in it: sofgen puts it in front of the files it makes) */
	char *media = repo_path(site, "bilder", local_port);
	char *pub = sg_strdup("/bilder");
	y_str(&b, 0, false, "media_folder", media);
	y_str(&b, 0, false, "public_folder", pub);
	free(media);
	free(pub);
	/* file names as sofgen's slugs: ASCII, å ä → a, ö → o, '-' between words */
	y_raw(&b, 0, false, "slug", "");
	y_str(&b, 2, false, "encoding", "ascii");
	y_raw(&b, 2, false, "clean_accents", "true");
	y_str(&b, 2, false, "sanitize_replacement", "-");
	y_raw(&b, 0, false, "collections", "");

	/* site.yaml */
	const sg_content_kind *sk = sg_content_kind_of(SG_SRC_SITE);
	cms_ctx cx = {site, NULL, NULL};
	char *images = repo_path(site, "bilder", local_port);
	cx.image_folder = sg_asprintf("/%s", images);
	free(images);
	y_str(&b, 2, true, "name", "webbplatsen");
	y_str(&b, 4, false, "label", "Webbplatsen");
	y_raw(&b, 4, false, "editor", "");
	y_raw(&b, 6, false, "preview", "false");
	y_raw(&b, 4, false, "files", "");
	y_str(&b, 6, true, "name", "site");
	y_str(&b, 8, false, "label", "Inställningar (site.yaml)");
	char *site_file = repo_path(site, "site.yaml", local_port);
	y_str(&b, 8, false, "file", site_file);
	free(site_file);
	y_str(&b, 8, false, "format", "yaml");
	y_raw(&b, 8, false, "fields", "");
	emit_fields(&b, 10, sk->keys, &cx, true);
	free(cx.image_folder);

	/* insatser: one collection per förbund */
	const sg_content_kind *ik = sg_content_kind_of(SG_SRC_INSATS);
	for (size_t f = 0; f < site->n_forbund; f++) {
		const sg_forbund *fb = site->forbund[f];
		char *name = sg_asprintf("insatser-%s", fb->slug);
		char *label = sg_asprintf("Insatser: %s", fb->title ? fb->title : fb->slug);
		char *folder = sg_asprintf("%s/%s", ik->folder, fb->slug);
		emit_folder_collection(&b, site, ik, name, label, "Insats", folder, fb, local_port);
		free(folder);
		free(label);
		free(name);
	}
	for (size_t i = 0; i < sizeof collection_names / sizeof *collection_names; i++) {
		size_t n;
		const sg_content_kind *kinds = sg_content_kinds(&n);
		for (size_t k = 0; k < n; k++)
			if (strcmp(kinds[k].name, collection_names[i].kind) == 0)
				emit_folder_collection(&b, site, &kinds[k], kinds[k].folder, collection_names[i].label,
				                       collection_names[i].singular, kinds[k].folder, NULL, local_port);
	}
	return sg_buf_detach(&b);
}

/* ---- the admin page and the bundle ------------------------------------------------ */

char *sg_cms_admin_html(const sg_site *site)
{
	const char *root = site->info.root ? site->info.root : "";
	sg_buf b = SG_BUF_INIT, title = SG_BUF_INIT;
	const char *t = site->info.title ? site->info.title : "sofgen";
	sg_escape_html(&title, t, strlen(t));
	sg_buf_printf(&b,
	              "<!doctype html>\n"
	              "<html lang=\"sv\">\n"
	              "<head>\n"
	              "<meta charset=\"utf-8\">\n"
	              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	              "<meta name=\"robots\" content=\"noindex\">\n"
	              "<title>Redigera webbplatsen – %s</title>\n"
	              "<link href=\"%s/admin/config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n"
	              "</head>\n"
	              "<body>\n"
	              "<noscript><p>Webbredigeraren (Decap CMS) behöver JavaScript. Webbplatsen själv fungerar utan; "
	              "innehållet kan också ändras i filerna under content/.</p></noscript>\n"
	              "<!-- Decap CMS %s, served from this site -->\n"
	              "<script src=\"%s/admin/decap-cms.js\"></script>\n"
	              "</body>\n"
	              "</html>\n",
	              sg_buf_cstr(&title), root, sg_cms_decap_version(), root);
	sg_buf_free(&title);
	return sg_buf_detach(&b);
}

/* A folder with cms/decap-cms.js in it? */
static bool has_bundle(const char *dir)
{
	char *p = sg_asprintf("%s/cms/decap-cms.js", dir);
	bool ok = sg_is_file(p);
	free(p);
	return ok;
}

char *sg_cms_find_dir(const char *datadir)
{
	const char *env = getenv("SOFGEN_DECAP_DIR");
	if (env && *env)
		return has_bundle(env) ? sg_strdup(env) : NULL;
	if (datadir) {
		char *d = sg_path_join(datadir, "decap");
		if (has_bundle(d))
			return d;
		free(d);
	}
	/* a checkout: build/release/sofgen, or ./sofgen copied to the top */
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	const char *tries[] = {"../decap", "build/decap"};
	for (size_t i = 0; i < sizeof tries / sizeof *tries; i++) {
		char *d = sg_asprintf("%s/%s", exe, tries[i]);
		if (has_bundle(d))
			return d;
		free(d);
	}
	return NULL;
}

/* site.yaml's path, for messages about the editor. */
static const char *site_yaml_path(const sg_site *site)
{
	for (size_t i = 0; site->sources && i < sg_sources_count(site->sources); i++) {
		const sg_source *s = sg_sources_at(site->sources, i);
		if (s->kind == SG_SRC_SITE)
			return s->path;
	}
	return "site.yaml";
}

/* The bundle's files: decap-cms.js and the chunks it loads (NNN.decap-cms.js). */
static bool bundle_file(const char *name)
{
	static const char suffix[] = "decap-cms.js";
	size_t len = strlen(name), sl = sizeof suffix - 1;
	return len >= sl && strcmp(name + len - sl, suffix) == 0 && (len == sl || name[len - sl - 1] == '.');
}

long sg_cms_write_admin(sg_output *out, const sg_site *site, const char *decap_dir, unsigned local_port,
                        sg_diags *d)
{
	const char *yaml = site_yaml_path(site);
	int line = site->info.cms.line;
	if (!decap_dir) {
		sg_error(d, yaml, line, 1,
		         "'cms:' turns on the web editor at /admin/, but Decap CMS %s (decap-cms.js) is not installed: run "
		         "'make decap' in sofgen's source folder, then 'make install' (or set SOFGEN_DECAP_DIR to the "
		         "build/decap folder that 'make decap' fills); or remove 'cms:' from site.yaml",
		         sg_cms_decap_version());
		return -1;
	}
	char *cms_dir = sg_path_join(decap_dir, "cms");
	char *vpath = sg_path_join(cms_dir, "VERSION");
	size_t vlen = 0;
	char *version = sg_read_file(vpath, &vlen, 64);
	while (version && vlen && (version[vlen - 1] == '\n' || version[vlen - 1] == '\r'))
		version[--vlen] = '\0';
	if (!version || strcmp(version, sg_cms_decap_version()) != 0) {
		sg_error(d, yaml, line, 1,
		         "the Decap CMS in %s is version %s, but this sofgen is made for %s: run 'make decap' in sofgen's "
		         "source folder again, then 'make install'",
		         cms_dir, version ? version : _("(unknown: no VERSION file)"), sg_cms_decap_version());
		free(version), free(vpath), free(cms_dir);
		return -1;
	}
	free(version);
	free(vpath);
	long files = 0;
	char *html = sg_cms_admin_html(site), *config = sg_cms_config_yml(site, local_port);
	int rc = sg_output_write(out, "admin/index.html", html, strlen(html), d);
	if (rc == 0)
		rc = sg_output_write(out, "admin/config.yml", config, strlen(config), d);
	free(html);
	free(config);
	files = rc == 0 ? 2 : -1;
	size_t n = 0;
	char **names = rc == 0 ? sg_list_dir(cms_dir, &n) : NULL;
	if (rc == 0 && !names) {
		sg_error(d, cms_dir, 0, 0, "cannot read the Decap CMS folder: %s", strerror(errno));
		files = -1;
	}
	for (size_t i = 0; names && i < n && files >= 0; i++) {
		if (!bundle_file(names[i]))
			continue;
		char *src = sg_path_join(cms_dir, names[i]);
		char *rel = sg_asprintf("admin/%s", names[i]);
		size_t len;
		char *data = sg_read_file(src, &len, (size_t)1 << 28);
		if (!data) {
			sg_error(d, src, 0, 0, "cannot copy the web editor: %s", strerror(errno));
			files = -1;
		} else if (sg_output_write(out, rel, data, len, d) != 0)
			files = -1;
		else
			files++;
		free(data);
		free(rel);
		free(src);
	}
	sg_free_names(names, n);
	free(cms_dir);
	return files;
}

void sg_cms_paths(const sg_site *site, sg_out_paths *out)
{
	if (!site->info.cms.backend)
		return;
	const char *yaml = site_yaml_path(site);
	static const char *const files[] = {"admin/index.html", "admin/config.yml", "admin/decap-cms.js"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		sg_out_paths_add(out, sg_strdup(files[i]), SG_OUT_SOFGEN,
		                 sg_asprintf("the web editor's file /%s that sofgen writes (site.yaml has 'cms:')", files[i]),
		                 yaml, site->info.cms.line, 1);
}
