/* schema.c — JSON Schemas of the content kinds (see schema.h). The YAML a schema
 * checks is read as YAML 1.2 editors' tools read it: unquoted 2020 is a number,
 * unquoted 2020-01-01 a text, so years, amounts and dates accept both where sofgen
 * does. */
#include "schema.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"

static json_t *string_or_pattern(const char *pattern, const char *number_type)
{
	json_t *any = json_array();
	json_array_append_new(any, json_pack("{s:s, s:s}", "type", "string", "pattern", pattern));
	if (number_type)
		json_array_append_new(any, json_pack("{s:s, s:i}", "type", number_type, "minimum", 0));
	return json_pack("{s:o}", "anyOf", any);
}

/* The names of a vocabulary on this site, or NULL when the site gives none. */
static json_t *vocab_enum(sg_key_vocab vocab, const sg_schema_names *names)
{
	const sg_site *site = names ? names->site : NULL;
	json_t *e = json_array();
	if (vocab == SG_VOCAB_CATEGORY) {
		size_t n;
		const sg_category_info *cats = sg_categories(&n);
		for (size_t i = 0; i < n; i++) {
			/* as the plans write them ("förberedande"), as shown, and the slug */
			char *lower = sg_strdup(cats[i].name);
			json_array_append_new(e, json_string(cats[i].slug));
			json_array_append_new(e, json_string(cats[i].name));
			if (lower[0] >= 'A' && lower[0] <= 'Z') /* every category name starts with A–Z */
				lower[0] = (char)(lower[0] - 'A' + 'a');
			if (strcmp(lower, cats[i].slug) != 0)
				json_array_append_new(e, json_string(lower));
			free(lower);
		}
	} else if (site && vocab == SG_VOCAB_KOMMUN) {
		for (size_t f = 0; f < site->n_forbund; f++)
			for (size_t k = 0; k < site->forbund[f]->n_members; k++) {
				const char *name = site->forbund[f]->members[k].name;
				bool seen = false; /* a kommun two förbund list: once */
				for (size_t i = 0; i < json_array_size(e) && !seen; i++)
					seen = strcmp(json_string_value(json_array_get(e, i)), name) == 0;
				if (!seen)
					json_array_append_new(e, json_string(name));
			}
	} else if (site && vocab == SG_VOCAB_FORBUND) {
		for (size_t f = 0; f < site->n_forbund; f++)
			json_array_append_new(e, json_string(site->forbund[f]->slug));
	} else if (site && vocab == SG_VOCAB_FORM) {
		for (size_t f = 0; f < site->n_blanketter; f++)
			json_array_append_new(e, json_string(site->blanketter[f]->slug));
	} else if (site && vocab == SG_VOCAB_TARGET_GROUP) {
		for (size_t t = 0; t < site->info.n_target_groups; t++) {
			json_array_append_new(e, json_string(site->info.target_groups[t].name));
			for (size_t s = 0; s < site->info.target_groups[t].n_synonyms; s++)
				json_array_append_new(e, json_string(site->info.target_groups[t].synonyms[s]));
		}
	}
	if (json_array_size(e) == 0) {
		json_decref(e);
		return NULL;
	}
	return e;
}

static json_t *keys_object(const sg_key *keys, const sg_schema_names *names);

/* A text that names a vocabulary: one of its names (a member kommun, a SUS category).
 * Target groups only suggest: a term outside the vocabulary is a warning, not an error. */
static json_t *text_schema(const sg_key *k, const sg_schema_names *names)
{
	json_t *e = vocab_enum(k->vocab, names);
	if (!e)
		return json_pack("{s:s}", "type", "string");
	if (k->vocab == SG_VOCAB_TARGET_GROUP)
		return json_pack("{s:[{s:s, s:o}, {s:s}]}", "anyOf", "type", "string", "enum", e, "type", "string");
	return json_pack("{s:s, s:o}", "type", "string", "enum", e);
}

static json_t *value_schema(const sg_key *k, const sg_schema_names *names)
{
	switch (k->type) {
	case SG_KEY_TEXT:
	case SG_KEY_MARKDOWN:
		return text_schema(k, names);
	case SG_KEY_INT:
		return string_or_pattern("^[0-9]+$", "integer");
	case SG_KEY_AMOUNT:
		return string_or_pattern("^(0|[1-9][0-9]*)(\\.[0-9]{1,3})?$", "number");
	case SG_KEY_FRACTION:
		return json_pack("{s:s, s:i, s:i}", "type", "number", "minimum", 0, "maximum", 1);
	case SG_KEY_NUMBER:
		return json_pack("{s:s}", "type", "number");
	case SG_KEY_PARTICIPANTS:
		return string_or_pattern("^((ca\\.?|cirka|ungefär|omkring) )?[0-9]+( per år|/år)?$", "integer");
	case SG_KEY_BOOL:
		return json_pack("{s:s}", "type", "boolean");
	case SG_KEY_DATE:
		return json_pack("{s:s, s:s}", "type", "string", "pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
	case SG_KEY_PERIOD:
		return string_or_pattern("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", "integer");
	case SG_KEY_DATETIME:
		return json_pack("{s:s, s:s}", "type", "string", "pattern",
		                 "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2})?$");
	case SG_KEY_URL:
		return json_pack("{s:s, s:s}", "type", "string", "pattern", "^(https?://|/)");
	case SG_KEY_EMAIL:
		return json_pack("{s:s, s:s}", "type", "string", "pattern", "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
	case SG_KEY_PHONE:
		return json_pack("{s:s, s:s}", "type", "string", "pattern", "[0-9]");
	case SG_KEY_CHOICE: {
		json_t *e = json_array();
		for (size_t i = 0; k->choices && k->choices[i]; i++)
			json_array_append_new(e, json_string(k->choices[i]));
		return json_pack("{s:o}", "enum", e);
	}
	case SG_KEY_TEXTS: {
		json_t *one = text_schema(k, names);
		return json_pack("{s:[o, {s:s, s:O}]}", "anyOf", one, "type", "array", "items", one);
	}
	case SG_KEY_MAP:
		return keys_object(k->keys, names);
	case SG_KEY_MAPS:
		return json_pack("{s:s, s:o}", "type", "array", "items", keys_object(k->keys, names));
	case SG_KEY_MIXED: {
		json_t *item = json_pack("{s:[{s:s}, o]}", "anyOf", "type", "string", keys_object(k->keys, names));
		return json_pack("{s:s, s:o}", "type", "array", "items", item);
	}
	case SG_KEY_IMAGE: /* a file name in content/bilder/ (a folder below it allowed) */
		return json_pack("{s:s, s:s}", "type", "string", "pattern", "^(/bilder/)?[^/\\\\.][^\\\\]*$");
	case SG_KEY_ANY:
		break;
	}
	return json_object();
}

/* A map of `keys`: unknown keys are flagged (sofgen warns about them too), required
 * ones listed; a table with one "*" row is a map of years (budget, places' years). */
static json_t *keys_object(const sg_key *keys, const sg_schema_names *names)
{
	json_t *o = json_pack("{s:s}", "type", "object");
	if (keys && keys[0].name && strcmp(keys[0].name, "*") == 0) {
		json_object_set_new(o, "patternProperties", json_pack("{s:o}", "^[0-9]{4}$", value_schema(&keys[0], names)));
		json_object_set_new(o, "additionalProperties", json_false());
		return o;
	}
	json_t *props = json_object(), *required = json_array();
	for (size_t i = 0; keys && keys[i].name; i++) {
		json_t *v = value_schema(&keys[i], names);
		if (keys[i].label)
			json_object_set_new(v, "title", json_string(keys[i].label));
		json_object_set_new(props, keys[i].name, v);
		if (keys[i].required)
			json_array_append_new(required, json_string(keys[i].name));
	}
	json_object_set_new(o, "properties", props);
	if (json_array_size(required))
		json_object_set_new(o, "required", required);
	else
		json_decref(required);
	json_object_set_new(o, "additionalProperties", json_false());
	return o;
}

char *sg_schema_file_name(const sg_content_kind *kind)
{
	return sg_asprintf("%s.schema.json", kind->name);
}

char *sg_schema_json(const sg_content_kind *kind, const sg_schema_names *names, const char *base_id)
{
	json_t *root = keys_object(kind->keys, names);
	json_object_set_new(root, "$schema", json_string("http://json-schema.org/draft-07/schema#"));
	char *file = sg_schema_file_name(kind);
	char *id = sg_asprintf("%s%s", base_id ? base_id : "", file);
	json_object_set_new(root, "$id", json_string(id));
	char *title = kind->folder ? sg_asprintf("sofgen: content/%s/%s<slug>%s (front matter)", kind->folder,
	                                         kind->per_forbund ? "<förbund>/" : "", kind->ext)
	                           : sg_strdup("sofgen: content/site.yaml");
	json_object_set_new(root, "title", json_string(title));
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	char *out = sg_asprintf("%s\n", text);
	free(text);
	free(title);
	free(id);
	free(file);
	json_decref(root);
	return out;
}
