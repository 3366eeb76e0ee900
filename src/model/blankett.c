/* blankett.c — form definitions (content/blanketter/<slug>.yaml): sections of typed
 * fields and the consent text. Forms collect personal data, so nothing here ever
 * sends anything: how a form is rendered (printed, or posted over https) is decided
 * by site.yaml and the templates. */
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "builders.h"


static bool valid_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static void free_field(sg_form_field *x)
{
	free(x->name), free(x->label), free(x->help);
	sg_free_list(x->options, x->n_options);
}

static bool name_taken(const sg_blankett *b, const sg_form_section *cur, size_t n_in_cur, const char *name)
{
	for (size_t s = 0; s < b->n_sections; s++)
		for (size_t k = 0; k < b->sections[s].n_fields; k++)
			if (strcmp(b->sections[s].fields[k].name, name) == 0)
				return true;
	for (size_t k = 0; k < n_in_cur; k++)
		if (strcmp(cur->fields[k].name, name) == 0)
			return true;
	return false;
}

static void read_fields(const sg_fields *f, const sg_value *list, sg_blankett *b, sg_form_section *sec)
{
	size_t n = sg_value_count(list);
	sec->fields = sg_calloc(n ? n : 1, sizeof *sec->fields);
	const char *const *field_types =
		sg_key_choices(sg_key_sub(sg_key_sub(sg_keys_of(SG_SRC_BLANKETT), "sections"), "fields"), "type");
	for (size_t i = 0; i < n; i++) {
		const sg_key *keys = sg_key_sub(sg_key_sub(sg_keys_of(SG_SRC_BLANKETT), "sections"), "fields");
		sg_fields at;
		const sg_value *v =
			sg_fields_item_map(f, list, i, "a form field", "{name: …, label: …, type: …}", keys, &at);
		if (!v)
			continue;
		sg_form_field x = {0};
		x.name = sg_field_text(&at, v, "name", true, "a field needs a name (a-z, 0-9, _), e.g. name: fornamn");
		x.label = sg_field_text(&at, v, "label", true, "every field needs a visible label");
		x.help = sg_field_text(&at, v, "help", false, NULL);
		int t = sg_field_choice(&at, v, "type", field_types);
		x.type = t < 0 ? SG_FIELD_TEXT : (sg_field_type)t;
		x.required = sg_field_bool(&at, v, "required", false);
		x.options = sg_field_text_list(&at, v, "options", &x.n_options);
		const sg_value *nv = sg_value_get(v, "name");
		bool ok = x.name && x.label;
		if (x.name && !valid_name(x.name)) {
			sg_error(f->d, f->file, sg_fields_line(f, nv), sg_fields_col(nv),
			         "the field name '%s' may only hold a-z, 0-9 and _ (e.g. 'personnummer', 'kontakt_epost')", x.name);
			ok = false;
		} else if (x.name && name_taken(b, sec, sec->n_fields, x.name)) {
			sg_error(f->d, f->file, sg_fields_line(f, nv), sg_fields_col(nv),
			         "the field name '%s' is used twice in this form; names must be unique", x.name);
			ok = false;
		}
		if ((x.type == SG_FIELD_SELECT || x.type == SG_FIELD_RADIO) && x.n_options < 2) {
			sg_error(f->d, f->file, at.line, sg_fields_col(v), "a %s field needs 'options': at least two choices",
			         field_types[x.type]);
			ok = false;
		}
		if (!ok) {
			free_field(&x);
			continue;
		}
		sec->fields[sec->n_fields++] = x;
	}
}

/* `send_to`: the postal address a signed printed form goes to. A site without
 * forms.action prints every form, and a printed form without it leaves the reader
 * with a signed paper and nowhere to send it: an error at the title. */
static void read_send_to(const sg_site *site, const sg_fields *f, const sg_value *meta, sg_blankett *b)
{
	b->send_to = sg_field_text(f, meta, "send_to", false, NULL);
	if (b->send_to || site->info.forms_action)
		return;
	const sg_value *t = sg_value_get(meta, "title");
	sg_error(f->d, f->file, t ? sg_fields_line(f, t) : 1, 1,
	         "this form is printed and sent by post (site.yaml has no forms.action), but it has no 'send_to'; add "
	         "the postal address the signed form goes to, e.g. send_to: \"Samordningsförbundet, Box 123, 501 10 "
	         "Borås\"");
}

void sg_build_blankett(sg_site *site, const sg_source *src, sg_diags *d)
{
	sg_fields f = {src->path, d, 1};
	const sg_key *keys = sg_keys_of(SG_SRC_BLANKETT);
	sg_fields_check_keys(&f, src->meta, keys, "a form");
	sg_blankett *b = sg_calloc(1, sizeof *b);
	b->slug = sg_strdup(src->slug);
	b->path = src->path;
	b->title = sg_field_text(&f, src->meta, "title", true, "every form needs a title");
	if (!b->title)
		b->title = sg_strdup(src->slug);
	sg_markdown_opts md = site->info.markdown;
	md.in_form = true; /* no raw <form> that could take the fields */
	char *intro = sg_field_text(&f, src->meta, "intro", false, NULL);
	if (intro) {
		b->intro = sg_markdown_parse(intro, strlen(intro), src->path, sg_fields_line(&f, sg_value_get(src->meta, "intro")),
		                             &md, d);
		free(intro);
	}
	char *consent = sg_field_text(&f, src->meta, "consent", false, NULL);
	if (consent) {
		b->consent = sg_markdown_parse(consent, strlen(consent), src->path,
		                               sg_fields_line(&f, sg_value_get(src->meta, "consent")), &md, d);
		free(consent);
	}
	const sg_value *sections = sg_field_list(&f, src->meta, "sections");
	size_t n = sg_value_count(sections);
	if (!n)
		sg_error(d, src->path, 1, 1, "missing 'sections': a form has at least one section with fields");
	b->sections = sg_calloc(n ? n : 1, sizeof *b->sections);
	for (size_t i = 0; i < n; i++) {
		const sg_key *skeys = sg_key_sub(sg_keys_of(SG_SRC_BLANKETT), "sections");
		sg_fields at;
		const sg_value *s = sg_fields_item_map(&f, sections, i, "a section", "{title: …, fields: [ … ]}", skeys, &at);
		if (!s)
			continue;
		sg_form_section *sec = &b->sections[b->n_sections];
		memset(sec, 0, sizeof *sec);
		sec->title = sg_field_text(&at, s, "title", true, "a section's title is the legend of its fieldset");
		sec->help = sg_field_text(&at, s, "help", false, NULL);
		read_fields(&at, sg_field_list(&at, s, "fields"), b, sec);
		if (!sec->title)
			sec->title = sg_strdup("");
		b->n_sections++;
	}
	read_send_to(site, &f, src->meta, b);
	SG_PUSH(site->blanketter, site->n_blanketter, b);
}

void sg_blanketter_free(sg_site *site)
{
	for (size_t i = 0; i < site->n_blanketter; i++) {
		sg_blankett *b = site->blanketter[i];
		for (size_t s = 0; s < b->n_sections; s++) {
			for (size_t k = 0; k < b->sections[s].n_fields; k++)
				free_field(&b->sections[s].fields[k]);
			free(b->sections[s].fields);
			free(b->sections[s].title);
			free(b->sections[s].help);
		}
		free(b->sections);
		free(b->slug);
		free(b->title);
		sg_markdown_free(b->intro);
		sg_markdown_free(b->consent);
		free(b->send_to);
		free(b);
	}
	free(site->blanketter);
}
