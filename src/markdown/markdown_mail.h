/* markdown_mail.h — a parsed Markdown body (markdown.h) as e-mail: the text/plain part
 * and the text/html part of a newsletter (informationsbrev). Both only read the
 * document, keep no state between calls and never print: safe from many threads.
 *
 * Addresses. A mail is read far from the site, so every site-relative address is made
 * absolute with `base`, the site's address without a trailing slash: scheme, host and
 * an optional path, e.g. "https://example.se" or "https://example.se/varend" (a
 * trailing '/' is tolerated). Split base into its origin (everything before the path,
 * "https://example.se") and its path ("/varend", possibly empty). Then a link URL that
 *   - starts with "//" gets base's scheme in front ("//x.se/a" -> "https://x.se/a");
 *   - starts with one "/" and already starts with base's path, followed by '/', '?',
 *     '#' or its end, gets only the origin in front: this is the case when markdown.c
 *     has prefixed the link with the site's link_root, which equals base's path
 *     ("/varend/kontakt/" -> "https://example.se/varend/kontakt/");
 *   - starts with one "/" otherwise gets the whole of base in front
 *     ("/kontakt/" -> "https://example.se/varend/kontakt/"; with an empty path this
 *     is the origin alone: "https://example.se/kontakt/");
 *   - is anything else (https:, mailto:, tel:, "#del", "sida.html") is left as it is.
 * With base NULL or "" addresses are left as they are. Bytes that may not appear in a
 * URL (spaces, non-ASCII, …) are then percent-encoded, as cmark does for HTML. Links
 * whose address sg_url_is_safe refuses (such as an unresolved "insats:" reference)
 * keep only their text, as do links with an empty address.
 *
 * Raw HTML (present only when the site allows it) is left out of both parts. */
#ifndef SG_MARKDOWN_MAIL_H
#define SG_MARKDOWN_MAIL_H

#include "../util/buf.h"
#include "markdown.h"

/* Appends plain text for the text/plain part (UTF-8, lines ended by "\n"):
 *   - paragraphs wrapped at `width` columns, counted in characters, not bytes (å is
 *     one column; combining marks count zero); width <= 0 means no wrapping;
 *   - headings as their text on a line of its own, underlined with '=' (level 1-2) or
 *     '-' (level 3 and deeper) as long as the text's longest line;
 *   - bullet lists as "- " and ordered lists as "1. " (numbered from the list's start)
 *     with hanging indentation: continuation lines are indented by the marker's width;
 *     tight lists have no blank lines between items, loose lists do;
 *   - block quotes with "> " before every line (">" alone on blank lines);
 *   - code blocks indented 4 spaces and not wrapped; code spans as their text;
 *   - emphasis as _x_, strong emphasis as *x*; a thematic break as "* * *";
 *   - every link as its text followed by " [n]" (an image: its alt text and " [n]"),
 *     the marker kept on the line of the link text's last word, and at the end, after
 *     a blank line, the list "[n] URL", one a line, numbered in order of first
 *     appearance; the same (absolute) URL reuses its number.
 * Blocks are separated by one blank line; no line has trailing spaces. A line breaks
 * only between words; a word longer than the width is cut at the width, except a
 * word with "://", "@" or starting with "www.", which is never cut (URLs and e-mail
 * addresses stay whole and may exceed the width), nor are the URL list lines. Quote
 * and list prefixes take at most half the width; deeper nesting adds no prefix. */
void sg_markdown_render_text(const sg_markdown *md, int width, const char *base, sg_buf *out);

/* Appends HTML for the text/html part: the same content as simple HTML that common
 * mail clients, Outlook's Word engine included, show alike. Every element carries its
 * styling inline (no classes, no <style>): p, h2 (level 1-2), h3 (level 3 and deeper),
 * ul, ol, li and blockquote with font-family Arial, Helvetica, sans-serif and sizes,
 * line heights and margins in px; a with colour #0a4f8a and underline; strong, em; pre
 * and code in Courier New; hr; img (src, alt) as a block at most 100% wide. Tight list
 * items hold their text directly (no p), as cmark's HTML does. Text and attributes are
 * HTML-escaped; URLs are absolute as described above. Block elements end with "\n".
 * The caller supplies the surrounding document (doctype, body, layout table). */
void sg_markdown_render_mail_html(const sg_markdown *md, const char *base, sg_buf *out);

#endif
