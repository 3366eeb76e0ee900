/* Unicode rules (util/unicode.c, util/slug.c): NFC when text is read, invisible
 * characters in names, and slugs of Latin letters beyond Latin-1. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "read/content.h"
#include "util/slug.h"
#include "util/unicode.h"
#include "util/value.h"

static void slug_is(const char *in, const char *want)
{
	char *s = sg_slugify(in);
	cr_expect_str_eq(s, want, "slug of '%s'", in);
	free(s);
}

Test(slug, transliterates_letters_beyond_latin1)
{
	slug_is("Łódź", "lodz");
	slug_is("Čačak", "cacak");
	slug_is("Dvořák", "dvorak");
	slug_is("İstanbul", "istanbul");
	slug_is("Straße", "strasse");
	slug_is("STRAẞE", "strasse");
	slug_is("Øresund", "oresund");
	slug_is("Ærø", "aero");
	slug_is("Þingvellir", "thingvellir");
	slug_is("Œuvre", "oeuvre");
	slug_is("Đakovo", "dakovo");
	slug_is("Ħal Far", "hal-far");
	slug_is("Ǆemal", "dzemal");
	slug_is("ﬁka", "fika");
	slug_is("Kraków Łódź", "krakow-lodz");
}

Test(slug, keeps_the_swedish_rule)
{
	slug_is("Åmål", "amal");
	slug_is("Älvsbyn", "alvsbyn");
	slug_is("Öckerö", "ockero");
	slug_is("Café", "cafe");
	slug_is("Ü", "u");
	slug_is("A\xcc\x8amål", "amal"); /* decomposed å */
	slug_is("日本", "");
	slug_is("1 × 2 ÷ 3", "1-2-3");
}

Test(slug, leaves_out_invisible_characters)
{
	slug_is("Samordnings\xc2\xad" "förbund", "samordningsforbund"); /* soft hyphen */
	slug_is("Bo\xe2\x80\x8brås", "boras");                           /* zero-width space */
	slug_is("a\xe2\x81\xa0" "b\xef\xbb\xbf" "c", "abc");             /* word joiner, U+FEFF */
}

static char *nfc_of(const char *s)
{
	size_t len = 0;
	char *out = sg_nfc(s, strlen(s), &len);
	if (out)
		cr_expect_eq(strlen(out), len);
	return out;
}

Test(nfc, leaves_composed_text_alone)
{
	cr_expect_null(nfc_of("Borås, Älvsbyn och Öckerö"));
	cr_expect_null(nfc_of("unga – vuxna ’citat’ €"), "characters above U+0300 that are NFC");
	cr_expect_null(nfc_of(""));
}

Test(nfc, composes_decomposed_text)
{
	char *s = nfc_of("psykisk oha\xcc\x88lsa");
	cr_assert_not_null(s);
	cr_expect_str_eq(s, "psykisk ohälsa");
	free(s);
	s = nfc_of("rad ett\nrad två – Bora\xcc\x8a" "s\nO\xcc\x88" "ckero\xcc\x88\n");
	cr_assert_not_null(s);
	cr_expect_str_eq(s, "rad ett\nrad två – Borås\nÖckerö\n");
	free(s);
	s = nfc_of("\xe2\x84\xab"); /* ANGSTROM SIGN is Å */
	cr_assert_not_null(s);
	cr_expect_str_eq(s, "Å");
	free(s);
	s = nfc_of("q\xcd\x84y"); /* U+0344 becomes two characters: NFC may be longer */
	cr_assert_not_null(s);
	cr_expect_str_eq(s, "q\xcc\x88\xcc\x81y");
	free(s);
}

Test(nfc, applies_when_a_file_is_read)
{
	sg_source src = {0};
	src.path = strdup("x.md");
	char text[] = "---\ntitle: Vuxna med oha\xcc\x88lsa\ntarget_groups: [psykisk oha\xcc\x88lsa]\n---\nTra\xcc\x88" "ff.\n";
	sg_diags *d = sg_diags_new();
	cr_assert_eq(sg_source_parse(&src, text, strlen(text), 1, d), 0);
	cr_expect_str_eq(sg_value_as_string(sg_value_get(src.meta, "title"), NULL), "Vuxna med ohälsa");
	const sg_value *g = sg_value_get(src.meta, "target_groups");
	cr_expect_str_eq(sg_value_as_string(sg_value_item(g, 0), NULL), "psykisk ohälsa");
	cr_expect_str_eq(src.body, "Träff.\n");
	cr_expect_eq(src.body_len, strlen("Träff.\n"));
	cr_expect_eq(src.body_line, 5);
	sg_source_clear(&src);
	sg_diags_free(d);
}

Test(invisible, found_with_its_place)
{
	uint32_t cp = 0;
	size_t index = 0;
	cr_expect_eq(sg_invisible_in_name("Borås", &cp, &index), -1);
	cr_expect_eq(sg_invisible_in_name("Bo\xe2\x80\x8brås", &cp, &index), 2);
	cr_expect_eq(cp, 0x200B);
	cr_expect_eq(index, 3);
	cr_expect_str_eq(sg_invisible_name(cp), "zero-width space");
	cr_expect_eq(sg_invisible_in_name("Åre\xc2\xad", &cp, &index), 4);
	cr_expect_eq(cp, 0xAD);
	cr_expect_eq(index, 4);
	cr_expect_eq(sg_invisible_in_name("\xe2\x80\x8d", &cp, &index), 0);
	cr_expect_eq(cp, 0x200D);
	cr_expect_eq(sg_invisible_in_name("a\xe2\x80\x8c", &cp, &index), 1);
	cr_expect_eq(sg_invisible_in_name("a\xe2\x81\xa0", &cp, &index), 1);
	cr_expect_eq(sg_invisible_in_name("a\xef\xbb\xbf", &cp, &index), 1);
	cr_expect_eq(cp, 0xFEFF);
	cr_expect_eq(sg_invisible_in_name("a\xe2\x80\x8e", &cp, &index), -1, "U+200E is not looked for");
}

/* A byte that is not UTF-8 (a file name saved in Latin-1) is one unknown character: the
 * letters after it stay, and a lead byte at the very end never reads past the text. */
Test(slug, bytes_that_are_not_utf8_never_swallow_letters)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"h\xE4lsa", "h-lsa"}, {"x\xF0y", "x-y"}, {"abc\xE4", "abc"}, {"\xC3", ""}, {"\x80\x80ok", "ok"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *s = sg_slugify(cases[i].in);
		cr_expect_str_eq(s, cases[i].out, "case %zu", i);
		free(s);
	}
}
