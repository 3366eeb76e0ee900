/* JSON Schemas from the key tables (src/write/schema.c, src/read/kinds.c). */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "read/kinds.h"
#include "write/schema.h"

/* Every key of every table says what it is, in Swedish: a key without a type or label
 * would give editors a field they cannot understand. */
static void each_key_is_described(const sg_key *keys, const char *where)
{
	for (size_t i = 0; keys && keys[i].name; i++) {
		cr_expect_neq(keys[i].type, SG_KEY_ANY, "%s.%s has no type", where, keys[i].name);
		cr_expect_not_null(keys[i].label, "%s.%s has no label", where, keys[i].name);
		bool nested = keys[i].type == SG_KEY_MAP || keys[i].type == SG_KEY_MAPS || keys[i].type == SG_KEY_MIXED;
		cr_expect_eq(nested, keys[i].keys != NULL, "%s.%s: a map has keys, nothing else does", where, keys[i].name);
		cr_expect_eq(keys[i].type == SG_KEY_CHOICE, keys[i].choices != NULL, "%s.%s: choices", where, keys[i].name);
		if (keys[i].keys)
			each_key_is_described(keys[i].keys, keys[i].name);
	}
}

Test(schema, every_key_has_a_type_and_a_swedish_label)
{
	size_t n;
	const sg_content_kind *kinds = sg_content_kinds(&n);
	for (size_t i = 0; i < n; i++)
		each_key_is_described(kinds[i].keys, kinds[i].name);
}

Test(schema, an_insats_schema_has_its_keys_choices_and_required_title)
{
	char *text = sg_schema_json(sg_content_kind_of(SG_SRC_INSATS), NULL, "https://example.se/schemas/");
	json_error_t err;
	json_t *s = json_loads(text, 0, &err);
	cr_assert_not_null(s, "%s", err.text);
	cr_expect_str_eq(json_string_value(json_object_get(s, "$id")), "https://example.se/schemas/insats.schema.json");
	cr_expect_str_eq(json_string_value(json_array_get(json_object_get(s, "required"), 0)), "title");
	cr_expect(json_is_false(json_object_get(s, "additionalProperties")), "unknown keys are flagged");
	json_t *props = json_object_get(s, "properties");
	json_t *status = json_object_get(json_object_get(props, "status"), "enum");
	cr_expect_eq(json_array_size(status), 3);
	cr_expect_str_eq(json_string_value(json_array_get(status, 2)), "ended");
	/* places' years: any four-digit year, each with participants and funds */
	json_t *years = json_object_get(
		json_object_get(json_object_get(json_object_get(props, "places"), "items"), "properties"), "years");
	json_t *year = json_object_get(json_object_get(years, "patternProperties"), "^[0-9]{4}$");
	cr_expect_not_null(json_object_get(json_object_get(year, "properties"), "funds"));
	/* without a site, a kommun is any text; a SUS category is always one of the six */
	json_t *muni = json_object_get(json_object_get(json_object_get(json_object_get(props, "places"), "items"),
	                                               "properties"),
	                               "municipality");
	cr_expect_null(json_object_get(muni, "enum"));
	cr_expect_str_eq(json_string_value(json_object_get(json_object_get(props, "title"), "title")), "Insatsens namn");
	json_decref(s);
	free(text);
}
