/* address.h — the addresses editors write, checked and normalised: e-mail addresses
 * (for mailto: links), phone numbers (for tel: links), host names and the site's base
 * URL. Pure functions: what is wrong comes back as text for the caller to place at a
 * file:line:col. */
#ifndef SG_ADDRESS_H
#define SG_ADDRESS_H
#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Appends s for a message: control characters, line breaks and tabs as \n, \t, \xHH,
 * so a value can never break a diagnostic's line. */
void sg_shown(sg_buf *out, const char *s);

/* Whether s[0..len) is a host name: labels of ASCII letters, digits and '-' (not at
 * either end), 1–63 characters each, joined by single dots, at most 253 in all; with
 * need_dot, at least two labels. Otherwise why (≥ 160 bytes) says what is wrong, e.g.
 * "the host name 'smÅland.se' has letters outside a-z: write it in its xn-- form,
 * xn--smland-jua.se" (the punycode of each label, lowercased). */
bool sg_host_valid(const char *s, size_t len, bool need_dot, char *why, size_t why_len);

/* Whether s is a plain e-mail address, local@domain: before the '@' ASCII letters,
 * digits and . _ + - ' (no dot first, last or twice in a row), after it a host name
 * with a dot. No "mailto:", no query ('?bcc=…' adds headers), no percent-escapes
 * ('%0A' is a line break in a header), no spaces or control characters, one address.
 * Otherwise why (≥ 200 bytes) says what is wrong, without the fix. */
bool sg_email_valid(const char *s, char *why, size_t why_len);

/* A phone number as an editor writes it ("+46 (0)33-12 34 56", "033-12 34 56 ankn. 123")
 * → the number of its tel: URI, malloc'd ("+4633123456"), or NULL with why (≥ 200
 * bytes) set. Spaces, '-', '–', '.', '/' and parentheses are dropped; a trunk "(0)"
 * after a country code is dropped; "00" before a country code becomes '+'; a Swedish
 * number with its trunk 0 becomes international (033… → +4633…), so every tel: link
 * works from any phone; short numbers (112, 1177) are kept as they are. An extension
 * at the end ("ankn. 123", "anknytning 123", "ankn 123", "x123", "ext. 123", "#123")
 * is not part of the URI: a phone cannot dial it; *ext, when not NULL, is set to where
 * it starts in s (or NULL). No digits, letters, a second number, a '+' inside or more
 * than 15 digits are errors. */
char *sg_phone_uri(const char *s, const char **ext, char *why, size_t why_len);

/* site.yaml's base_url: an absolute http(s) address of the site's folder. Returns it
 * normalised (a final '/' added), malloc'd, or NULL after appending each problem as a
 * line (ending in '\n') to problems: the message, with the fix. */
char *sg_base_url_parse(const char *s, sg_buf *problems);
/* The path of a base_url without its final '/': "" for https://example.se/, "/varend"
 * for https://example.se/varend/ (malloc'd; "" for NULL). Every site-relative URL of the
 * site starts with it. */
char *sg_base_url_path(const char *base_url);

#endif
