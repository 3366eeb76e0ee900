/* Open data (src/write/opendata.c): CSV quoting, and exact numbers in JSON and CSV. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../support/fixture.h"
#include "model/model.h"
#include "write/catalog.h"
#include "util/numfmt.h"
#include "write/opendata.h"

static sg_site *site_of(char **root)
{
	fixture_file f[] = {
		FIXTURE_SITE, FIXTURE_FORBUND,
		{"insatser/sjuharad/x.md", "---\ntitle: \"Steg, \\\"nya\\\" vägar\"\nyear: 2015\narea: individinriktad\n"
		                           "category: [förberedande, kartläggning]\ntarget_groups: [unga, psykisk ohälsa]\n"
		                           "contact: {name: Anna Andersson, email: anna@example.se}\n"
		                           "places:\n  - {municipality: Borås, participants: 7, funds: {forbund: 1234.5, cofunding: 0.1, esf: 3}}\n"
		                           "  - {participants: 2, funds: {forbund: 12345.679}}\n---\n"},
	};
	*root = fixture_make(f, 3);
	char *content = sg_path_join(*root, "content");
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *s = sg_site_build(sg_sources_read(content, d), &o, d);
	cr_assert_eq(sg_diags_errors(d), 0);
	sg_diags_free(d);
	free(content);
	return s;
}

Test(opendata, csv_is_rfc4180_with_a_header_and_a_row_per_place)
{
	char *root;
	sg_site *s = site_of(&root);
	sg_buf b = SG_BUF_INIT;
	sg_catalog_render_site(s, "2026-12-04", SG_CATALOG_CSV, &b);
	const char *csv = sg_buf_cstr(&b);
	cr_assert(strncmp(csv, "id,titel,förbund,år,område,kategori,målgrupper,status,start,slut,kommun,kommunkod,"
	                       "deltagare,förbundsmedel_tkr,medfinansiering_tkr,esf_tkr,url\r\n", 145) == 0, "%s", csv);
	cr_assert_not_null(strstr(csv, "\r\nsjuharad/x,\"Steg, \"\"nya\"\" vägar\",Sjuhärads samordningsförbund,2015,"
	                                "individinriktad,Förberedande; Kartläggning,unga; psykisk ohälsa,,,,Borås,1490,7,"
	                                "1234.5,0.1,3,https://example.se/insats/sjuharad/x/\r\n"),
	                  "%s", csv);
	/* exact decimals; medfinansiering and ESF not given: empty, not 0 */
	cr_assert_not_null(strstr(csv, ",hela förbundet,,2,12345.679,,,"), "exact decimals: %s", csv);
	cr_assert_null(strstr(csv, "Anna"), "no contact persons in open data");
	sg_buf_free(&b);
	sg_site_free(s);
	sg_remove_tree(root);
	free(root);
}

Test(opendata, json_round_trips_exact_amounts)
{
	char *root;
	sg_site *s = site_of(&root);
	sg_buf b = SG_BUF_INIT;
	sg_catalog_render_site(s, "2026-12-04", SG_CATALOG_JSON, &b);
	json_error_t err;
	json_t *j = json_loads(sg_buf_cstr(&b), 0, &err);
	cr_assert_not_null(j, "%s", err.text);
	json_t *x = json_array_get(json_object_get(j, "insatser"), 0);
	cr_assert_str_eq(json_string_value(json_object_get(x, "titel")), "Steg, \"nya\" vägar");
	json_t *places = json_object_get(x, "platser");
	cr_assert_eq(json_array_size(places), 2);
	for (size_t i = 0; i < 2; i++) {
		json_t *m = json_object_get(json_array_get(places, i), "medel_tkr");
		cr_assert_eq(json_number_value(json_object_get(m, "forbund")), s->insatser[0]->places[i].fig.funds.forbund);
		cr_assert_eq(json_number_value(json_object_get(m, "medfinansiering")), s->insatser[0]->places[i].fig.funds.cofunding);
	}
	cr_assert(json_is_null(json_object_get(json_array_get(places, 1), "kommun")));
	/* the second place gives only förbundsmedel: the others are null, not 0 */
	json_t *m1 = json_object_get(json_array_get(places, 1), "medel_tkr");
	cr_expect(json_is_null(json_object_get(m1, "medfinansiering")) && json_is_null(json_object_get(m1, "esf")));
	cr_expect(json_is_number(json_object_get(json_object_get(json_array_get(places, 0), "medel_tkr"), "esf")));
	cr_assert_null(strstr(sg_buf_cstr(&b), "anna@example.se"));
	json_decref(j);
	sg_buf_free(&b);

	sg_opendata_schema(s, &b);
	j = json_loads(sg_buf_cstr(&b), 0, &err);
	cr_assert_not_null(j, "the schema is valid JSON: %s", err.text);
	cr_assert_str_eq(json_string_value(json_object_get(j, "$id")), "https://example.se/data/insatser.schema.json");
	json_decref(j);
	sg_buf_free(&b);

	sg_opendata_catalog(s, &b);
	j = json_loads(sg_buf_cstr(&b), 0, &err);
	cr_assert_not_null(j, "%s", err.text);
	/* a flat graph; texts are JSON-LD value objects tagged sv (tests/integration/test_dcat.c
	 * reads the whole file with real JSON-LD processors) */
	json_t *graph = json_object_get(j, "@graph"), *node;
	size_t i;
	int catalogs = 0, datasets = 0;
	json_array_foreach(graph, i, node)
	{
		const char *type = json_string_value(json_object_get(node, "@type"));
		if (strcmp(type, "dcat:Catalog") == 0 || strcmp(type, "dcat:Dataset") == 0) {
			json_t *title = json_object_get(node, "dcterms:title");
			cr_assert_str_eq(json_string_value(json_object_get(title, "@language")), "sv");
			cr_assert_not_null(json_string_value(json_object_get(title, "@value")));
		}
		catalogs += strcmp(type, "dcat:Catalog") == 0;
		if (strcmp(type, "dcat:Dataset") == 0) {
			datasets++;
			cr_assert_eq(json_array_size(json_object_get(node, "dcat:distribution")), 2);
			cr_assert_eq(json_array_size(json_object_get(node, "dcat:keyword")), 4);
		}
	}
	cr_assert_eq(catalogs, 1);
	cr_assert_eq(datasets, 1);
	json_decref(j);
	sg_buf_free(&b);
	sg_site_free(s);
	sg_remove_tree(root);
	free(root);
}

static char *csv_text(const char *s)
{
	sg_buf b = SG_BUF_INIT;
	sg_opendata_csv_text(&b, s);
	return sg_buf_detach(&b);
}

Test(opendata, csv_text_starting_like_a_formula_is_neutralised)
{
	/* OWASP's list: = + - @ tab CR; the cell gets a ' and quotes, inner quotes doubled */
	static const char *const cases[][2] = {
		{"=1+1", "\"'=1+1\""},
		{"+46 33 12 34 56", "\"'+46 33 12 34 56\""},
		{"-5", "\"'-5\""},
		{"@SUM(A1)", "\"'@SUM(A1)\""},
		{"\t=1", "\"'\t=1\""},
		{"\r=1", "\"'\r=1\""},
		{"=HYPERLINK(\"https://x.se\")", "\"'=HYPERLINK(\"\"https://x.se\"\")\""},
		{"Steg 1 = bra", "Steg 1 = bra"}, /* only the start counts */
		{"a, b", "\"a, b\""},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = csv_text(cases[i][0]);
		cr_expect_str_eq(got, cases[i][1], "cell %zu", i);
		free(got);
	}
}

Test(opendata, csv_numbers_written_by_sofgen_stay_numbers)
{
	sg_buf b = SG_BUF_INIT;
	sg_opendata_csv_number(&b, -5);
	sg_buf_putc(&b, ',');
	sg_opendata_csv_number(&b, -1234.5);
	sg_buf_putc(&b, ',');
	sg_opendata_csv_number(&b, 0.001);
	cr_assert_str_eq(sg_buf_cstr(&b), "-5,-1234.5,0.001");
	sg_buf_free(&b);
}

/* The page (Swedish style), the CSV and the JSON show an amount with the same digits. */
Test(opendata, an_amount_reads_the_same_in_html_csv_and_json)
{
	static const double amounts[] = {0, 0.001, 0.1, 0.3, 1.005, 12.5, 999.999, 1234.567, 16652, 3817.5,
	                                 1e9, 999999999.999, 0.1 + 0.2, 1e-320, 2.9996};
	for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
		char sv[48], plain[48];
		sg_format_sv(amounts[i], sv);
		/* the page's digits, read back: no-break spaces out, decimal comma to a point */
		char html[48];
		size_t k = 0;
		for (const char *p = sv; *p; p++) {
			if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
				p++;
			else
				html[k++] = *p == ',' ? '.' : *p;
		}
		html[k] = '\0';
		sg_buf csv = SG_BUF_INIT;
		sg_opendata_csv_number(&csv, amounts[i]);
		cr_expect_str_eq(sg_buf_cstr(&csv), html, "CSV and page differ for %.17g", amounts[i]);
		cr_expect_str_eq(sg_format_amount(amounts[i], plain), html);
		sg_buf_free(&csv);
	}
}

Test(opendata, json_amounts_have_the_digits_of_the_csv)
{
	char *root;
	fixture_file f[] = {
		FIXTURE_SITE, FIXTURE_FORBUND,
		{"insatser/sjuharad/x.md", "---\ntitle: X\nplaces:\n"
		                           "  - {municipality: Borås, funds: {forbund: 0.3, cofunding: 1234.567, esf: 999999999.999}}\n"
		                           "  - {municipality: Mark, funds: {forbund: 0.001, cofunding: 12.5, esf: 16652}}\n---\n"},
	};
	root = fixture_make(f, 3);
	char *content = sg_path_join(root, "content");
	sg_diags *d = sg_diags_new();
	sg_build_opts o = {false};
	sg_site *s = sg_site_build(sg_sources_read(content, d), &o, d);
	cr_assert_eq(sg_diags_errors(d), 0);
	sg_buf json = SG_BUF_INIT, csv = SG_BUF_INIT;
	sg_catalog_render_site(s, "2026-12-04", SG_CATALOG_JSON, &json);
	sg_catalog_render_site(s, "2026-12-04", SG_CATALOG_CSV, &csv);
	static const char *const written[] = {"0.3", "1234.567", "999999999.999", "0.001", "12.5", "16652"};
	for (size_t i = 0; i < 6; i++) {
		char *in_json = sg_asprintf(":%s", written[i]), *in_csv = sg_asprintf(",%s,", written[i]);
		cr_expect(strstr(sg_buf_cstr(&json), in_json), "%s not in the JSON: %s", written[i], sg_buf_cstr(&json));
		cr_expect(strstr(sg_buf_cstr(&csv), in_csv), "%s not in the CSV: %s", written[i], sg_buf_cstr(&csv));
		free(in_json), free(in_csv);
	}
	sg_buf_free(&json), sg_buf_free(&csv);
	sg_site_free(s);
	sg_diags_free(d);
	free(content);
	sg_remove_tree(root);
	free(root);
}
