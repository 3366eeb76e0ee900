/* Small utilities: slugs, UTF-8, suggestions, escaping, number formats, values, buffers, files. */
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/escape.h"
#include "util/fs.h"
#include "util/numfmt.h"
#include "util/slug.h"
#include "util/suggest.h"
#include "util/utf8.h"
#include "util/value.h"

static void slug_is(const char *in, const char *want)
{
	char *s = sg_slugify(in);
	cr_expect_str_eq(s, want, "slug of '%s'", in);
	free(s);
}

Test(slug, follows_the_schema_rule)
{
	slug_is("Borås", "boras");
	slug_is("Älv & Kust", "alv-kust");
	slug_is("Öckerö", "ockero");
	slug_is("Café Ängel", "cafe-angel");
	slug_is("Lilla Edet", "lilla-edet");
	slug_is("  --Aktiv   hälsa!! ", "aktiv-halsa");
	slug_is("K20", "k20");
	slug_is("../../etc/passwd", "etc-passwd");
	slug_is("日本", "");
	cr_assert(sg_is_slug("aktiv-halsa"));
	cr_assert_not(sg_is_slug("Aktiv-halsa"));
	cr_assert_not(sg_is_slug("aktiv halsa"));
	cr_assert_not(sg_is_slug(""));
}

Test(utf8, finds_the_bad_byte)
{
	int line = 0, col = 0;
	cr_assert(sg_utf8_valid("Borås\nÖckerö", strlen("Borås\nÖckerö"), &line, &col));
	const char bad[] = "ab\ncd\xff";
	cr_assert_not(sg_utf8_valid(bad, strlen(bad), &line, &col));
	cr_assert_eq(line, 2);
	cr_assert_eq(col, 3);
	cr_assert_not(sg_utf8_valid("\xc0\xaf", 2, &line, &col), "overlong");
	cr_assert_not(sg_utf8_valid("\xed\xa0\x80", 3, &line, &col), "surrogate");
	cr_assert_not(sg_utf8_valid("a\0b", 3, &line, &col), "NUL");
	cr_assert_eq(sg_utf8_length("åäö", strlen("åäö")), 3);
}

Test(utf8, cuts_only_between_characters)
{
	/* 40 characters of "ftp://x" and å's: byte 40 is inside an å, the cut is not */
	const char *url = "ftp://xååååååååååååååååååååååååååååååååååååååå";
	size_t n = sg_utf8_prefix(url, strlen(url), 40);
	cr_expect_eq(n, 7 + 2 * 33);
	cr_expect(sg_utf8_valid(url, n, NULL, NULL));
	cr_expect_eq(sg_utf8_length(url, n), 40);
	cr_expect_eq(sg_utf8_prefix("åäö", 6, 2), 4);
	cr_expect_eq(sg_utf8_prefix("åäö", 6, 9), 6, "shorter text is not cut");
	cr_expect_eq(sg_utf8_prefix("a\xe4\xe4" "b", 4, 2), 2, "a byte that is not UTF-8 is one character");
	cr_expect_eq(sg_utf8_prefix("\xe2\x82", 2, 1), 1, "a cut sequence: one byte at a time");
	cr_expect_eq(sg_utf8_prefix("😀x", 5, 1), 4);
	cr_expect_eq(sg_utf8_prefix("abc", 3, 0), 0);
}

static void expect_escaped(const char *in, size_t len, const char *want)
{
	sg_buf b = SG_BUF_INIT;
	sg_utf8_escape(&b, in, len);
	cr_expect_str_eq(sg_buf_cstr(&b), want, "escaping '%s'", want);
	cr_expect(sg_utf8_valid(b.ptr ? b.ptr : "", b.len, NULL, NULL), "'%s' is UTF-8", want);
	sg_buf_free(&b);
}

Test(utf8, escapes_bytes_and_control_characters)
{
	expect_escaped("Borås – Öckerö ☃ 😀", strlen("Borås – Öckerö ☃ 😀"), "Borås – Öckerö ☃ 😀");
	expect_escaped("h\xe4lsa.md", 8, "h\\xE4lsa.md");
	expect_escaped("x\nsofgen: content is valid\x1b[2K", 30, "x\\nsofgen: content is valid\\x1B[2K");
	expect_escaped("a\r\tb\x7f\x01", 6, "a\\r\\tb\\x7F\\x01");
	expect_escaped("a\0b", 3, "a\\x00b");
	expect_escaped("\xc2\x9b" "1m", 4, "\\xC2\\x9B1m"); /* U+009B, the one-character CSI */
	expect_escaped("\xc2\xa0", 2, "\xc2\xa0");          /* U+00A0 is text */
	expect_escaped("\xe2\x82", 2, "\\xE2\\x82");        /* cut short */
	expect_escaped("\xc0\xaf", 2, "\\xC0\\xAF");        /* overlong */
	expect_escaped("\xed\xa0\x80", 3, "\\xED\\xA0\\x80"); /* a surrogate */
	expect_escaped("C:\\dok", 6, "C:\\dok");             /* a backslash stays */
	char *s = sg_utf8_escaped("\xff");
	cr_expect_str_eq(s, "\\xFF");
	free(s);
}

static char *json_of(const sg_diags *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	cr_assert_not_null(f);
	sg_diags_print_json(d, f);
	fclose(f);
	return text;
}

Test(diag, every_diagnostic_reaches_every_output)
{
	sg_diags *d = sg_diags_new();
	sg_error(d, "content/h\xe4lsa.md", 1, 1, "the file name '%s' is wrong", "h\xe4lsa.md");
	sg_warning(d, "content/x\n: error\x1b[1A.md", 2, 3, "quote '%s'", "ftp://\xc3");
	sg_error(d, NULL, 0, 0, "a line\nand \x1b[2Kanother");
	cr_assert_eq(sg_diags_len(d), 3);
	cr_expect_str_eq(sg_diags_at(d, 0)->file, "content/h\\xE4lsa.md");
	cr_expect_str_eq(sg_diags_at(d, 0)->message, "the file name 'h\\xE4lsa.md' is wrong");
	cr_expect_str_eq(sg_diags_at(d, 1)->file, "content/x\\n: error\\x1B[1A.md");
	cr_expect_str_eq(sg_diags_at(d, 1)->message, "quote 'ftp://\\xC3'");

	/* the terminal: one line each, nothing a terminal would act on */
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	sg_diags_print(d, f);
	fclose(f);
	cr_expect_str_eq(text, "content/h\\xE4lsa.md:1:1: error: the file name 'h\\xE4lsa.md' is wrong\n"
	                       "content/x\\n: error\\x1B[1A.md:2:3: warning: quote 'ftp://\\xC3'\n"
	                       "error: a line\\nand \\x1B[2Kanother\n");
	free(text);

	/* JSON: valid, and every diagnostic in the list */
	text = json_of(d);
	json_error_t e;
	json_t *j = json_loads(text, 0, &e);
	cr_assert_not_null(j, "not JSON (%s): %s", e.text, text);
	json_t *list = json_object_get(j, "diagnostics");
	cr_expect_eq(json_integer_value(json_object_get(j, "errors")), 2);
	cr_assert_eq(json_array_size(list), 3, "%s", text);
	cr_expect_str_eq(json_string_value(json_object_get(json_array_get(list, 0), "file")), "content/h\\xE4lsa.md");
	cr_expect_str_eq(json_string_value(json_object_get(json_array_get(list, 1), "message")), "quote 'ftp://\\xC3'");
	cr_expect_str_eq(json_string_value(json_object_get(json_array_get(list, 2), "message")),
	                 "a line\\nand \\x1B[2Kanother");
	json_decref(j);
	free(text);
	sg_diags_free(d);
}

Test(suggest, finds_the_closest_kommun)
{
	const char *members[] = {"Bollebygd", "Borås", "Herrljunga", "Mark", "Svenljunga", "Tranemo"};
	cr_assert_str_eq(sg_closest("Borrås", members, 6), "Borås");
	cr_assert_str_eq(sg_closest("boras", members, 6), "Borås");
	cr_assert_str_eq(sg_closest("Svenljung", members, 6), "Svenljunga");
	cr_assert_null(sg_closest("Göteborg", members, 6));
	cr_assert_eq(sg_edit_distance("kitten", "sitting"), 3);
}

Test(escape, html_special_characters)
{
	sg_buf b = SG_BUF_INIT;
	const char *s = "<script>alert(\"x\" & 'y')</script>";
	sg_escape_html(&b, s, strlen(s));
	cr_assert_str_eq(sg_buf_cstr(&b), "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
	sg_buf_free(&b);
}

Test(numfmt, swedish_style)
{
	char out[48];
	cr_assert_str_eq(sg_format_sv(505, out), "505");
	cr_assert_str_eq(sg_format_sv(1234.5, out), "1\xC2\xA0" "234,5");
	cr_assert_str_eq(sg_format_sv(16652, out), "16\xC2\xA0" "652");
	cr_assert_str_eq(sg_format_sv(1234567.25, out), "1\xC2\xA0" "234\xC2\xA0" "567,25");
	cr_assert_str_eq(sg_format_sv(0, out), "0");
	cr_assert_str_eq(sg_format_sv(-12.5, out), "-12,5");
	cr_assert_str_eq(sg_format_sv(-1234567, out), "-1\xC2\xA0" "234\xC2\xA0" "567");
	cr_assert_str_eq(sg_format_sv(999999999999999, out), "999\xC2\xA0" "999\xC2\xA0" "999\xC2\xA0" "999\xC2\xA0" "999");
	cr_assert_str_eq(sg_format_sv(2.999, out), "2,999", "three decimals: the precision of amounts");
	cr_assert_str_eq(sg_format_sv(2.9996, out), "3", "rounded to three decimals, then whole");
	cr_assert_str_eq(sg_format_sv(-0.0004, out), "0");
	cr_assert_str_eq(sg_format_sv(1234567.125, out), "1\xC2\xA0" "234\xC2\xA0" "567,125");
}

/* Whole numbers take a fast path; it must write what the general one does. */
Test(value, whole_numbers_format_as_their_digits)
{
	static const double cases[] = {1, -1, 7, 10, 505, 1490, 16652, -250000, 1e6, 123456789012345, -999999999999999,
	                               1e15, 1e16, 4.5e15, 1e20, 1e21};
	static const char *const want[] = {"1", "-1", "7", "10", "505", "1490", "16652", "-250000", "1000000",
	                                   "123456789012345", "-999999999999999", "1000000000000000",
	                                   "10000000000000000", "4500000000000000", "100000000000000000000", "1e+21"};
	char out[32];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		sg_number_format(cases[i], out);
		cr_expect_str_eq(out, want[i], "%g", cases[i]);
	}
}

Test(value, numbers_keep_text_and_format_shortest)
{
	char out[32];
	sg_number_format(1.21, out);
	cr_assert_str_eq(out, "1.21");
	sg_number_format(0.1 + 0.2, out);
	cr_assert_str_eq(out, "0.30000000000000004");
	sg_value *v = sg_value_number_text(1490, "1490", 4);
	cr_assert_str_eq(sg_value_as_string(v, NULL), "1490");
	sg_value_unref(v);
}

Test(value, maps_lists_and_truthiness)
{
	sg_value *m = sg_value_map();
	sg_value_put_str(m, "a", "x");
	sg_value_put_str(m, "a", "y");
	cr_assert_eq(sg_value_count(m), 1);
	cr_assert_str_eq(sg_value_as_string(sg_value_get(m, "a"), NULL), "y");
	sg_value *l = sg_value_list();
	cr_assert_not(sg_value_truthy(l));
	sg_value_push(l, sg_value_ref(m)); /* shared */
	sg_value_push(l, m);
	cr_assert(sg_value_truthy(l));
	cr_assert_eq(sg_value_item(l, 0), sg_value_item(l, 1));
	cr_assert_not(sg_value_truthy(sg_value_get(m, "missing")));
	sg_value *empty = sg_value_cstring("");
	cr_assert_not(sg_value_truthy(empty));
	sg_value_unref(empty);
	sg_value_unref(l);
}

Test(buf, grows_and_detaches)
{
	sg_buf b = SG_BUF_INIT;
	for (int i = 0; i < 1000; i++)
		sg_buf_printf(&b, "%d,", i);
	cr_assert(b.len > 3000);
	cr_assert_eq(b.ptr[b.len], '\0');
	char *s = sg_buf_detach(&b);
	cr_assert_eq(b.ptr, NULL);
	cr_assert(strncmp(s, "0,1,2,", 6) == 0);
	free(s);
}

/* Map lookups skip keys by length byte, first byte and a 64-bit mask: every key must
 * still be found, long ones (past the 255 of the length byte) too, and misses miss. */
Test(value, map_lookup_finds_every_key_and_only_those)
{
	sg_value *m = sg_value_map();
	char key[700];
	for (int i = 0; i < 300; i++) {
		int len = i < 200 ? 1 + i % 9 : 250 + (i - 200) * 4; /* short keys, and long ones up to 646 */
		for (int c = 0; c < len; c++)
			key[c] = (char)('a' + (i + c) % 26);
		key[len] = '\0';
		if (sg_value_get(m, key))
			continue; /* the same short key again */
		sg_value_put(m, key, sg_value_number(i));
	}
	size_t n = sg_value_count(m);
	cr_assert_gt(n, 100);
	for (size_t i = 0; i < n; i++) {
		const char *k = sg_value_key(m, i);
		cr_assert_eq(sg_value_getn(m, k, strlen(k)), sg_value_item(m, i), "key %zu (%zu bytes)", i, strlen(k));
		/* one byte shorter is another key or none */
		sg_value *shorter = sg_value_getn(m, k, strlen(k) - 1);
		if (shorter)
			cr_assert_neq(shorter, sg_value_item(m, i));
	}
	memset(key, 'z', 600);
	key[600] = '\0';
	cr_assert_null(sg_value_get(m, key));
	cr_assert_null(sg_value_getn(m, "", 0));
	sg_value_put(m, "", sg_value_bool(true));
	cr_assert(sg_value_as_bool(sg_value_getn(m, "", 0)));
	sg_value_unref(m);
}

/* Issue 11, item 3: which characters never reach a page, a feed or an e-mail. */
Test(utf8, refused_characters)
{
	unsigned ok[] = {'\t', '\n', '\r', ' ', '~', 0xA0, 0xE5, 0x2028, 0xFDCF, 0xFDF0, 0xFFFD, 0x1F600};
	unsigned bad[] = {0, 7, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x96, 0x9F, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
		cr_expect_not(sg_char_refused(ok[i]), "U+%04X", ok[i]);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		cr_expect(sg_char_refused(bad[i]), "U+%04X", bad[i]);
	unsigned cp = 0;
	const char *s = "å\tä\xc2\xa0\xc2\x85x\x00y";
	cr_expect_eq(sg_text_find_refused(s, 12, 0, &cp), 7);
	cr_expect_eq(cp, 0x85);
	cr_expect_eq(sg_text_find_refused(s, 12, 9, &cp), 10);
	cr_expect_eq(cp, 0, "a NUL inside the length is found");
	cr_expect_eq(sg_text_find_refused("\xef\xbf\xbd\xef\xbf\xbe", 6, 0, &cp), 3);
	cr_expect_eq(cp, 0xFFFE);
	char why[300];
	sg_char_refusal(0x1B, why, sizeof why);
	cr_expect_str_eq(why, "the control character U+001B (ESC), which cannot appear on a page, in a feed or in an "
	                      "e-mail; remove it");
	sg_char_refusal(0x92, why, sizeof why);
	cr_expect(strstr(why, "U+0092") && strstr(why, "write '’' instead"), "%s", why);
	int line = 0, col = 0;
	cr_expect(sg_utf8_valid_nul("a\0b", 3, &line, &col));
	cr_expect_not(sg_utf8_valid_nul("a\0\xff", 3, &line, &col));
	cr_expect_eq(col, 3);
}

/* A named pipe with no writer: opening it for reading would wait for ever. */
Test(fs, only_regular_files_are_read_and_nothing_blocks, .timeout = 10)
{
	char tmpl[] = "/tmp/sofgen-fs-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	char *fifo = sg_path_join(tmpl, "ror.md"), *file = sg_path_join(tmpl, "fil.md"),
	     *link = sg_path_join(tmpl, "lank.md");
	cr_assert_eq(mkfifo(fifo, 0644), 0);
	cr_assert_eq(sg_write_file(file, "text", 4), 0);
	cr_assert_eq(symlink("fil.md", link), 0);
	size_t len;
	const char *kind = "unset";
	cr_expect_null(sg_read_regular(fifo, &len, 100, 0, &kind));
	cr_expect_str_eq(kind, "a named pipe (FIFO)");
	cr_expect_null(sg_read_file(fifo, &len, 100));
	cr_expect_eq(errno, EINVAL);
	cr_expect_null(sg_read_regular(tmpl, &len, 100, 0, &kind));
	cr_expect_str_eq(kind, "a folder");
	cr_expect_null(sg_read_regular(link, &len, 100, O_NOFOLLOW, &kind));
	cr_expect_str_eq(kind, "a symbolic link");
	char *text = sg_read_regular(link, &len, 100, 0, &kind); /* followed when allowed */
	cr_expect_str_eq(text, "text");
	cr_expect_null(kind);
	free(text);
	cr_expect_null(sg_read_regular("/tmp/sofgen-no-such-file", &len, 100, 0, &kind));
	cr_expect_null(kind);
	sg_remove_tree(tmpl);
	free(fifo), free(file), free(link);
}

static void resolves_to(const char *path, const char *want)
{
	char *got = sg_path_resolve(path);
	cr_expect_str_eq(got, want, "sg_path_resolve(\"%s\")", path);
	free(got);
}

Test(fs, paths_resolve_also_where_they_do_not_exist_yet)
{
	char tmpl[] = "/tmp/sofgen-fs-XXXXXX";
	cr_assert_not_null(mkdtemp(tmpl));
	char real[4096];
	cr_assert_not_null(realpath(tmpl, real));
	char *dir = sg_path_join(tmpl, "a/b"), *link = sg_path_join(tmpl, "l");
	cr_assert_eq(sg_mkdirs(dir), 0);
	cr_assert_eq(symlink("a/b", link), 0);
	char *p, *want;
#define CASE(rel, expect)                                                                                          \
	p = sg_asprintf("%s/%s", tmpl, rel), want = sg_asprintf("%s%s", real, expect), resolves_to(p, want), free(p),  \
	free(want)
	CASE("a/b", "/a/b");
	CASE("a/b/", "/a/b");
	CASE("a/./b/../b", "/a/b");
	CASE("l", "/a/b");              /* through the link */
	CASE("l/../c", "/a/c");         /* '..' of the link's target, as the kernel does */
	CASE("a/ny/site", "/a/ny/site"); /* not made yet */
	CASE("a/ny/../site", "/a/site");
	CASE("l/ny/../..", "/a");
#undef CASE
	resolves_to("/", "/");
	resolves_to("/..", "/");
	resolves_to("//tmp/../", "/");
	cr_expect(sg_path_within("/a/b", "/a"));
	cr_expect(sg_path_within("/a", "/a"));
	cr_expect_not(sg_path_within("/ab", "/a"));
	cr_expect(sg_path_within("/ab", "/"));
	sg_remove_tree(tmpl);
	free(dir), free(link);
}

/* A buffer that was only grown holds the empty text, terminated: sg_utf8_escaped("")
 * (a template or file with an empty name) once returned bytes that were never written. */
Test(buf, a_grown_empty_buffer_is_an_empty_text)
{
	sg_buf b = SG_BUF_INIT;
	sg_buf_grow(&b, 100);
	cr_expect_str_eq(sg_buf_cstr(&b), "");
	char *s = sg_buf_detach(&b);
	cr_expect_str_eq(s, "");
	free(s);
	char *e = sg_utf8_escaped("");
	cr_expect_str_eq(e, "");
	free(e);
}
