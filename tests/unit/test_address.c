/* E-mail addresses, phone numbers, host names and base URLs (src/util/address.c):
 * issue 11, items 2 and 4. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/address.h"

/* ---- e-mail ----------------------------------------------------------------- */

Test(email, plain_addresses_are_valid)
{
	const char *ok[] = {"namn@exempel.se", "anna.andersson@sjuharad.se", "o'brien@x.co.uk", "a+b_c-d@sub-1.ex.se",
	                    "A@B.SE", "x@xn--re-xia.se"};
	char why[300];
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
		cr_expect(sg_email_valid(ok[i], why, sizeof why), "%s: %s", ok[i], why);
}

static void refused(const char *s, const char *want)
{
	char why[300] = "";
	cr_expect_not(sg_email_valid(s, why, sizeof why), "'%s' must be refused", s);
	cr_expect_str_eq(why, want, "for '%s'", s);
}

Test(email, header_injection_is_refused_with_the_plain_address_as_fix)
{
	refused("a@b.se?bcc=x@y.se", "'?' and what follows would add mail headers such as bcc= to the message; "
	                             "write only the address: a@b.se");
	refused("a@b.se?subject=hej%0Abcc:x@y.se", "'?' and what follows would add mail headers such as bcc= to the "
	                                          "message; write only the address: a@b.se");
	refused("a%0Abcc@b.se", "percent-escapes such as %0A (a line break) cannot be used in an address; "
	                        "write only the address, e.g. namn@exempel.se");
	refused("a@b.se\nBcc: x@y.se", "an address cannot hold spaces, tabs or line breaks; write only the address, "
	                               "e.g. namn@exempel.se");
	refused("a@b.se,x@y.se", "it holds more than one address; write one; write only the address: a@b.se");
	refused("mailto:a@b.se", "write it without 'mailto:': a@b.se");
	refused("Anna <anna@b.se>", "write only the address, without a name or '<>': anna@b.se");
	refused("<anna@b.se>", "write only the address, without a name or '<>': anna@b.se");
	refused("Anna <anna@b>", "an address cannot hold spaces, tabs or line breaks; write only the address, "
	                         "e.g. namn@exempel.se");
	refused("a@b.se\r\nBcc: x@y.se%0A", "percent-escapes such as %0A (a line break) cannot be used in an address; "
	                                   "write only the address, e.g. namn@exempel.se");
}

Test(email, malformed_addresses_say_what_is_wrong)
{
	refused("inte-en-adress", "there is no '@'; write only the address, e.g. namn@exempel.se");
	refused("a@b@c.se", "there is more than one '@'; write only the address, e.g. namn@exempel.se");
	refused("@b.se", "there is nothing before the '@'; write only the address, e.g. namn@exempel.se");
	refused("a@", "there is no domain after the '@'; write only the address, e.g. namn@exempel.se");
	refused("a@localhost", "the domain 'localhost' has no dot: write the whole domain, e.g. exempel.se; "
	                       "write only the address, e.g. namn@exempel.se");
	refused("a@b..se", "the host name 'b..se' has an empty part: a dot first, last or twice in a row; "
	                   "write only the address, e.g. namn@exempel.se");
	refused("a@b.se.", "the host name 'b.se.' has an empty part: a dot first, last or twice in a row; "
	                   "write only the address, e.g. namn@exempel.se");
	refused(".a@b.se", "the part before the '@' cannot start or end with a dot or have two in a row; "
	                   "write only the address, e.g. namn@exempel.se");
	refused("a#b@c.se", "the character '#' cannot be used in an address; write only the address, e.g. namn@exempel.se");
	refused("åsa@b.se", "letters outside a-z (å, ä, ö, é) cannot be used before the '@'; "
	                    "write only the address, e.g. namn@exempel.se");
	refused("a@-b.se", "a part of the host name '-b.se' starts or ends with '-'; write only the address, "
	                   "e.g. namn@exempel.se");
	refused("anna@åre.se", "the domain 'åre.se' has letters outside a-z; write it in its xn-- form: anna@xn--re-xia.se");
}

/* ---- host names ----------------------------------------------------------- */

Test(host, international_names_get_their_xn_form)
{
	/* the expected forms are Python's idna codec's (RFC 3490/3492) */
	const char *in[] = {"bücher.de", "räksmörgås.se", "Malmö.se", "smÅland.se", "göteborg.se", "ñ.es", "例え.jp"};
	const char *out[] = {"xn--bcher-kva.de",   "xn--rksmrgs-5wao1o.se", "xn--malm-8qa.se", "xn--smland-jua.se",
	                     "xn--gteborg-90a.se", "xn--ida.es",            "xn--r8jz45g.jp"};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		char why[300], want[300];
		cr_expect_not(sg_host_valid(in[i], strlen(in[i]), true, why, sizeof why));
		snprintf(want, sizeof want, "the host name '%s' has letters outside a-z: write it in its xn-- form, %s", in[i],
		         out[i]);
		cr_expect_str_eq(why, want);
	}
}

Test(host, ascii_names)
{
	char why[300];
	cr_expect(sg_host_valid("localhost", 9, false, why, sizeof why));
	cr_expect(sg_host_valid("www.samordning-sjuharad.se", 26, true, why, sizeof why));
	cr_expect_not(sg_host_valid("", 0, false, why, sizeof why));
	cr_expect_not(sg_host_valid("a_b.se", 6, false, why, sizeof why));
	cr_expect_str_eq(why, "the host name 'a_b.se' cannot hold '_'; a host name has only letters a-z, digits, '-' and dots");
	char label[80];
	memset(label, 'a', 64);
	memcpy(label + 64, ".se", 4);
	cr_expect_not(sg_host_valid(label, strlen(label), false, why, sizeof why));
	cr_expect(strstr(why, "longer than 63"), "%s", why);
}

/* ---- phone numbers -------------------------------------------------------- */

static void phone(const char *s, const char *want, const char *want_ext)
{
	char why[300] = "";
	const char *ext = NULL;
	char *uri = sg_phone_uri(s, &ext, why, sizeof why);
	cr_expect_not_null(uri, "'%s': %s", s, why);
	if (uri)
		cr_expect_str_eq(uri, want, "for '%s'", s);
	if (want_ext)
		cr_expect(ext && strcmp(ext, want_ext) == 0, "'%s': the extension '%s', not '%s'", s, want_ext, ext ? ext : "");
	else
		cr_expect_null(ext, "'%s' has no extension", s);
	free(uri);
}

Test(phone, numbers_become_international_tel_uris)
{
	phone("+46 (0)33-12 34 56", "+4633123456", NULL);
	phone("+46(0)33123456", "+4633123456", NULL);
	phone("+46 33 12 34 56", "+4633123456", NULL);
	phone("+46 033-12 34 56", "+4633123456", NULL); /* the trunk 0 written anyway */
	phone("033-12 34 56", "+4633123456", NULL);     /* Swedish, domestic: the same number */
	phone("033–12 34 56", "+4633123456", NULL);     /* en dash */
	phone("033\xC2\xA0" "12\xC2\xA0" "34\xC2\xA0" "56", "+4633123456", NULL); /* no-break spaces */
	phone("(033) 12 34 56", "+4633123456", NULL);
	phone("08-123 456 78", "+46812345678", NULL);
	phone("0771-524 524", "+46771524524", NULL);
	phone("070 - 123 45 67", "+46701234567", NULL);
	phone("0046 33 12 34 56", "+4633123456", NULL);
	phone("+47 22 12 34 56", "+4722123456", NULL);
	phone("+44 (0)20 7946 0958", "+442079460958", NULL);
	phone("033.12.34.56", "+4633123456", NULL);
	phone("112", "112", NULL);
	phone("1177", "1177", NULL);
	phone("  033-12 34 56  ", "+4633123456", NULL);
}

Test(phone, an_extension_is_kept_out_of_the_uri)
{
	phone("033-12 34 56 ankn. 123", "+4633123456", "ankn. 123");
	phone("033-12 34 56, ankn 123", "+4633123456", "ankn 123");
	phone("033-12 34 56 anknytning 7", "+4633123456", "anknytning 7");
	phone("+46 33 12 34 56 x123", "+4633123456", "x123");
	phone("+46 33 12 34 56 ext. 12", "+4633123456", "ext. 12");
	phone("033-12 34 56 #123", "+4633123456", "#123");
	phone("033123456x12", "+4633123456", "x12");
}

static void phone_refused(const char *s, const char *want)
{
	char why[300] = "";
	char *uri = sg_phone_uri(s, NULL, why, sizeof why);
	cr_expect_null(uri, "'%s' must be refused, not '%s'", s, uri ? uri : "");
	free(uri);
	char full[400];
	snprintf(full, sizeof full, "%s; write the number, e.g. 033-12 34 56 or +46 33 12 34 56 (an extension as 'ankn. 123')",
	         want);
	cr_expect_str_eq(why, full, "for '%s'", s);
}

Test(phone, a_phone_without_a_number_is_refused)
{
	phone_refused("ring oss", "it holds letters: a phone number has only digits, spaces, '-' and '+'");
	phone_refused("---", "there are no digits");
	phone_refused("+", "there are no digits");
	phone_refused("ankn. 123", "there are no digits");
	phone_refused("Växel 033-12 34 56", "it holds letters: a phone number has only digits, spaces, '-' and '+'");
	phone_refused("033-12 34 56 (växel)", "it holds letters: a phone number has only digits, spaces, '-' and '+'");
	phone_refused("033-12 34 56, 070-123 45 67", "it holds more than one number; write one");
	phone_refused("033-12 34 56 eller 070-123 45 67", "it holds more than one number; write one");
	phone_refused("033+12", "a '+' can only come first, before the country code");
	phone_refused("033-12 34 56\n070", "the character '\\n' cannot be in a phone number");
	phone_refused("+46 33 12 34 56 78 90 12 34", "it has more than 15 digits: is it two numbers? write one");
	phone_refused("+46 3", "it is too short for a phone number");
	phone_refused("(033 12 34 56", "a '(' is never closed");
}

/* ---- base_url ----------------------------------------------------------------- */

static void base_ok(const char *s, const char *want)
{
	sg_buf p = SG_BUF_INIT;
	char *u = sg_base_url_parse(s, &p);
	cr_expect_not_null(u, "'%s': %s", s, sg_buf_cstr(&p));
	if (u)
		cr_expect_str_eq(u, want);
	free(u);
	sg_buf_free(&p);
}

static void base_bad(const char *s, const char *want)
{
	sg_buf p = SG_BUF_INIT;
	char *u = sg_base_url_parse(s, &p);
	cr_expect_null(u, "'%s' must be refused", s);
	cr_expect_str_eq(sg_buf_cstr(&p), want, "for '%s'", s);
	free(u);
	sg_buf_free(&p);
}

Test(base_url, absolute_addresses_are_normalised)
{
	base_ok("https://example.se/", "https://example.se/");
	base_ok("https://example.se", "https://example.se/");
	base_ok("http://example.se/varend", "http://example.se/varend/");
	base_ok("https://www.example.se:8443/a/b-c_d.e~f/", "https://www.example.se:8443/a/b-c_d.e~f/");
	base_ok("http://localhost:8080/", "http://localhost:8080/");
	base_ok("https://xn--re-xia.se/", "https://xn--re-xia.se/");
}

#define EX "e.g. https://example.se/ or https://example.se/varend/"

Test(base_url, what_is_not_a_base_is_refused_one_problem_each)
{
	base_bad("example.se", "'base_url' must be a full address starting with https://, e.g. https://example.se/\n");
	base_bad("ftp://example.se/", "'base_url' must be a full address starting with https://, e.g. https://example.se/\n");
	base_bad("https://", "'base_url' has no host name after https://; write the site's whole address, " EX "\n");
	base_bad("https:///x/", "'base_url' has no host name after https://; write the site's whole address, " EX "\n");
	base_bad("https://example.se/\nDisallow: /",
	         "'base_url' holds a space, a tab or a line break; write the address on one line without spaces, " EX "\n");
	base_bad("https://exa mple.se/",
	         "'base_url' holds a space, a tab or a line break; write the address on one line without spaces, " EX "\n");
	base_bad("https://example.se/?a=1",
	         "'base_url' has a query ('?…'); remove it: the address ends with the site's folder, " EX "\n");
	base_bad("https://example.se/#top",
	         "'base_url' has a fragment ('#…'); remove it: the address ends with the site's folder, " EX "\n");
	base_bad("https://example.se/a/../b/", "'base_url' has '.' or '..' as a folder in its path; write the folder the "
	                                       "site is in, e.g. https://example.se/varend/\n");
	base_bad("https://example.se/..", "'base_url' has '.' or '..' as a folder in its path; write the folder the site "
	                                  "is in, e.g. https://example.se/varend/\n");
	base_bad("https://example.se//x/", "'base_url' has '//' in its path; write single slashes, "
	                                   "e.g. https://example.se/varend/\n");
	base_bad("https://user:pw@example.se/",
	         "'base_url' has a user name or password before '@'; write only the host name, " EX "\n");
	base_bad("https://example.se:0/", "'base_url' has the port '0'; a port is a number from 1 to 65535, and is usually "
	                                  "left out, " EX "\n");
	base_bad("https://example.se:99999/", "'base_url' has the port '99999'; a port is a number from 1 to 65535, and is "
	                                      "usually left out, " EX "\n");
	base_bad("https://example.se:/", "'base_url' has the port ''; a port is a number from 1 to 65535, and is usually "
	                                 "left out, " EX "\n");
	base_bad("https://åre.se/varend/", "'base_url' has the host name 'åre.se' with letters outside a-z; write it in its "
	                                   "xn-- form: https://xn--re-xia.se/varend/\n");
	base_bad("https://ex_ample.se/", "'base_url': the host name 'ex_ample.se' cannot hold '_'; a host name has only "
	                                 "letters a-z, digits, '-' and dots; " EX "\n");
	base_bad("https://example.se/v%C3%A5rend/", "'base_url' has a percent-escape ('%') in its path; name the folder "
	                                            "with a-z, 0-9, '-', '.', '_' and '~' only, " EX "\n");
	base_bad("https://example.se/vårend/", "'base_url' has letters outside a-z in its path; name the folder with a-z, "
	                                       "0-9, '-', '.', '_' and '~' only, e.g. https://example.se/varend/\n");
	base_bad("https://example.se/a\"b/", "'base_url' has '\"' in its path; name the folder with a-z, 0-9, '-', '.', "
	                                     "'_' and '~' only, e.g. https://example.se/varend/\n");
	/* several problems: one line each */
	base_bad("https://u@exa_mple.se/a/../?q#f",
	         "'base_url' has a user name or password before '@'; write only the host name, " EX "\n"
	         "'base_url': the host name 'exa_mple.se' cannot hold '_'; a host name has only letters a-z, digits, '-' "
	         "and dots; " EX "\n"
	         "'base_url' has '.' or '..' as a folder in its path; write the folder the site is in, "
	         "e.g. https://example.se/varend/\n"
	         "'base_url' has a query ('?…'); remove it: the address ends with the site's folder, " EX "\n"
	         "'base_url' has a fragment ('#…'); remove it: the address ends with the site's folder, " EX "\n");
}

Test(shown, control_characters_never_break_a_message)
{
	sg_buf b = SG_BUF_INIT;
	sg_shown(&b, "a\nb\tc\x1b[31md\x7f å");
	cr_expect_str_eq(sg_buf_cstr(&b), "a\\nb\\tc\\x1B[31md\\x7F å");
	sg_buf_free(&b);
}
