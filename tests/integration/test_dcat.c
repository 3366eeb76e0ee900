/* Integration: the DCAT-AP-SE catalogue (/data/catalog.jsonld and /data/catalog.rdf) read
 * by real RDF parsers. tests/integration/check_dcat.py loads both files with rdflib and
 * pyld (Debian's python3-rdflib and python3-pyld) and checks every property DCAT-AP-SE
 * 3.0.1 makes mandatory, after parsing, and that the two files are the same graph.
 * Run from the project root; $SOFGEN names the binary (default build/release/sofgen). */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "../support/fixture.h"
#include "../support/run.h"

/* Runs check_dcat.py on the built site with the given expectations; its report in *log. */
static int check_dcat(sg_buf *log, const char *site, const char *expect)
{
	char *cmd = sg_asprintf("/usr/bin/python3 tests/integration/check_dcat.py %s %s 2>&1", site, expect);
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p);
	char chunk[4096];
	size_t n;
	sg_buf_clear(log);
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		sg_buf_put(log, chunk, n);
	int st = pclose(p);
	free(cmd);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

Test(dcat, the_example_site_is_valid_dcat_ap_se, .timeout = 120)
{
	char tmpl[] = "/tmp/sofgen-dcat-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	char *out = sg_path_join(tmpl, "site");
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run(&log, "build --out %s", out), 0, "%s", sg_buf_cstr(&log));
	/* site.yaml has no open_data: CC0, a local authority, the site's own address */
	int rc = check_dcat(&log, out, "--publisher-type LocalAuthority --publisher https://example.se/data/#utgivare");
	cr_assert_eq(rc, 0, "check_dcat.py:\n%s", sg_buf_cstr(&log));
	cr_assert(has(sg_buf_cstr(&log), "ok: "), "%s", sg_buf_cstr(&log));
	sg_buf_free(&log);
	sg_remove_tree(tmpl);
	free(out);
}

Test(dcat, open_data_settings_reach_both_files, .timeout = 120)
{
	fixture_file f[] = {
		{"site.yaml", "title: \"Test & <\\\"portal\\\"> ' ]]>\"\nbase_url: https://example.se/sub/\n"
		              "accessibility: {status: helt, assessed: 2026-11-24, method: Test, contact: {url: /kontakt/}}\n"
		              "open_data:\n  publisher: Sjuhärads samordningsförbund\n  orgnr: \"222000-2105\"\n"
		              "  publisher_type: RegionalAuthority\n  license: https://creativecommons.org/licenses/by/4.0/\n"
		              "  email: data@example.se\n"},
		FIXTURE_FORBUND,
		{"insatser/sjuharad/x.md", "---\ntitle: X\nplaces:\n  - {municipality: Borås, funds: {forbund: 12.5}}\n---\n"},
	};
	char *root = fixture_make(f, 3);
	char *content = sg_path_join(root, "content");
	char *out = sg_path_join(root, "site");
	sg_buf log = SG_BUF_INIT;
	cr_assert_eq(run(&log, "build --content %s --out %s", content, out), 0, "%s", sg_buf_cstr(&log));
	int rc = check_dcat(&log, out,
	                    "--publisher http://dataportal.se/organisation/SE2220002105 --publisher-type RegionalAuthority "
	                    "--license https://creativecommons.org/licenses/by/4.0/ --email data@example.se");
	cr_assert_eq(rc, 0, "check_dcat.py:\n%s", sg_buf_cstr(&log));
	/* and the checker does fail: the licence the site did not choose is not there */
	rc = check_dcat(&log, out, "--license http://creativecommons.org/publicdomain/zero/1.0/");
	cr_assert_eq(rc, 1, "%s", sg_buf_cstr(&log));
	cr_assert(has(sg_buf_cstr(&log), "licence is https://creativecommons.org/licenses/by/4.0/, expected"), "%s",
	          sg_buf_cstr(&log));
	sg_buf_free(&log);
	sg_remove_tree(root);
	free(root);
	free(content);
	free(out);
}
