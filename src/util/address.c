/* address.c — e-mail addresses, phone numbers, host names and base URLs (see address.h). */
#include "address.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "i18n.h"
#include "utf8.h"

void sg_shown(sg_buf *out, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\n')
			sg_buf_puts(out, "\\n");
		else if (c == '\t')
			sg_buf_puts(out, "\\t");
		else if (c == '\r')
			sg_buf_puts(out, "\\r");
		else if (c < 0x20 || c == 0x7F)
			sg_buf_printf(out, "\\x%02X", c);
		else
			sg_buf_putc(out, (char)c);
	}
}

static bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* ---- punycode (RFC 3492), for the xn-- form of a host name ------------------ */

enum { PC_BASE = 36, PC_TMIN = 1, PC_TMAX = 26, PC_SKEW = 38, PC_DAMP = 700 };

static unsigned long pc_adapt(unsigned long delta, unsigned long points, bool first)
{
	delta = first ? delta / PC_DAMP : delta / 2;
	delta += delta / points;
	unsigned long k = 0;
	while (delta > ((PC_BASE - PC_TMIN) * PC_TMAX) / 2) {
		delta /= PC_BASE - PC_TMIN;
		k += PC_BASE;
	}
	return k + (PC_BASE - PC_TMIN + 1) * delta / (delta + PC_SKEW);
}

static char pc_digit(unsigned long d) { return (char)(d < 26 ? 'a' + d : '0' + d - 26); }

/* Appends the punycode of the n code points (without "xn--"). */
static void punycode(const unsigned *cp, size_t n, sg_buf *out)
{
	size_t basic = 0;
	for (size_t i = 0; i < n; i++)
		if (cp[i] < 0x80)
			sg_buf_putc(out, (char)cp[i]), basic++;
	if (basic)
		sg_buf_putc(out, '-');
	unsigned long code = 0x80, delta = 0, bias = 72;
	for (size_t h = basic; h < n;) {
		unsigned long m = (unsigned long)-1;
		for (size_t i = 0; i < n; i++)
			if (cp[i] >= code && cp[i] < m)
				m = cp[i];
		delta += (m - code) * (h + 1);
		code = m;
		for (size_t i = 0; i < n; i++) {
			if (cp[i] < code)
				delta++;
			if (cp[i] != code)
				continue;
			unsigned long q = delta;
			for (unsigned long k = PC_BASE;; k += PC_BASE) {
				unsigned long t = k <= bias ? PC_TMIN : k >= bias + PC_TMAX ? PC_TMAX : k - bias;
				if (q < t)
					break;
				sg_buf_putc(out, pc_digit(t + (q - t) % (PC_BASE - t)));
				q = (q - t) / (PC_BASE - t);
			}
			sg_buf_putc(out, pc_digit(q));
			bias = pc_adapt(delta, h + 1, h == basic);
			delta = 0;
			h++;
		}
		delta++, code++;
	}
}

/* Lowercase for host names: ASCII and Latin-1 (Å → å); the rest as it is. */
static unsigned host_lower(unsigned c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	return c;
}

/* The xn-- form of a host name with letters outside a-z (malloc'd): each label with
 * such letters as "xn--" and its punycode, the others lowercased. */
static char *host_ascii(const char *s, size_t len)
{
	sg_buf out = SG_BUF_INIT;
	unsigned *cps = sg_malloc((len + 1) * sizeof *cps);
	for (size_t i = 0; i <= len;) {
		size_t end = i;
		while (end < len && s[end] != '.')
			end++;
		size_t n = 0;
		bool ascii = true;
		for (size_t k = i; k < end;) {
			size_t w;
			unsigned c = host_lower(sg_utf8_decode(s + k, end - k, &w));
			ascii &= c < 0x80;
			cps[n++] = c;
			k += w;
		}
		if (ascii) {
			for (size_t k = 0; k < n; k++)
				sg_buf_putc(&out, (char)cps[k]);
		} else {
			sg_buf_puts(&out, "xn--");
			punycode(cps, n, &out);
		}
		if (end < len)
			sg_buf_putc(&out, '.');
		i = end + 1;
	}
	free(cps);
	return sg_buf_detach(&out);
}

/* ---- host names ------------------------------------------------------------ */

static bool has_non_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

bool sg_host_valid(const char *s, size_t len, bool need_dot, char *why, size_t why_len)
{
	if (len == 0) {
		snprintf(why, why_len, _("there is no host name"));
		return false;
	}
	if (has_non_ascii(s, len)) {
		char *x = host_ascii(s, len);
		snprintf(why, why_len, _("the host name '%.*s' has letters outside a-z: write it in its xn-- form, %s"), (int)len,
		         s, x);
		free(x);
		return false;
	}
	for (size_t i = 0; i < len; i++)
		if (!is_alnum(s[i]) && s[i] != '-' && s[i] != '.') {
			sg_buf c = SG_BUF_INIT;
			char one[2] = {s[i], 0};
			sg_shown(&c, one);
			snprintf(why, why_len, _("the host name '%.*s' cannot hold '%s'; a host name has only letters a-z, digits, "
			         "'-' and dots"), (int)len, s, sg_buf_cstr(&c));
			sg_buf_free(&c);
			return false;
		}
	if (len > 253) {
		snprintf(why, why_len, _("the host name is longer than 253 characters"));
		return false;
	}
	bool dot = false;
	for (size_t i = 0; i <= len;) {
		size_t end = i;
		while (end < len && s[end] != '.')
			end++;
		if (end == i) {
			snprintf(why, why_len, _("the host name '%.*s' has an empty part: a dot first, last or twice in a row"),
			         (int)len, s);
			return false;
		}
		if (end - i > 63) {
			snprintf(why, why_len, _("a part of the host name '%.*s' is longer than 63 characters"), (int)len, s);
			return false;
		}
		if (s[i] == '-' || s[end - 1] == '-') {
			snprintf(why, why_len, _("a part of the host name '%.*s' starts or ends with '-'"), (int)len, s);
			return false;
		}
		dot |= end < len;
		i = end + 1;
	}
	if (need_dot && !dot) {
		snprintf(why, why_len, _("the domain '%.*s' has no dot: write the whole domain, e.g. exempel.se"), (int)len, s);
		return false;
	}
	return true;
}

/* ---- e-mail addresses ------------------------------------------------------- */


/* The address before a '?' or a second address, when that is a plain address, for
 * the fix; or NULL. */
static char *plain_prefix(const char *s, size_t len)
{
	char *p = sg_strndup(s, len);
	char why[300];
	if (len && sg_email_valid(p, why, sizeof why))
		return p;
	free(p);
	return NULL;
}

static bool email_fail(char *why, size_t why_len, const char *problem, const char *s, size_t plain_len)
{
	char *p = plain_prefix(s, plain_len);
	if (p)
		snprintf(why, why_len, _("%s; write only the address: %s"), problem, p);
	else
		snprintf(why, why_len, _("%s; write only the address, e.g. namn@exempel.se"), problem);
	free(p);
	return false;
}

bool sg_email_valid(const char *s, char *why, size_t why_len)
{
	size_t len = strlen(s);
	if (strncasecmp(s, "mailto:", 7) == 0) {
		char *p = plain_prefix(s + 7, len - 7);
		if (p)
			snprintf(why, why_len, _("write it without 'mailto:': %s"), p);
		else
			snprintf(why, why_len, _("write it without 'mailto:', e.g. namn@exempel.se"));
		free(p);
		return false;
	}
	const char *q = strchr(s, '?');
	if (q)
		return email_fail(why, why_len, _("'?' and what follows would add mail headers such as bcc= to the message"), s,
		                  (size_t)(q - s));
	if (strchr(s, '%'))
		return email_fail(why, why_len, _("percent-escapes such as %0A (a line break) cannot be used in an address"), s, 0);
	const char *lt = strchr(s, '<'), *gt = lt ? strchr(lt, '>') : NULL;
	if (lt && gt) { /* "Anna <anna@exempel.se>" */
		char *p = plain_prefix(lt + 1, (size_t)(gt - lt - 1));
		if (p) {
			snprintf(why, why_len, _("write only the address, without a name or '<>': %s"), p);
			free(p);
			return false;
		}
	}
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7F)
			return email_fail(why, why_len, _("an address cannot hold spaces, tabs or line breaks"), s, 0);
	size_t one = strcspn(s, ",;");
	if (one < len)
		return email_fail(why, why_len, _("it holds more than one address; write one"), s, one);
	const char *at = strchr(s, '@');
	if (!at)
		return email_fail(why, why_len, _("there is no '@'"), s, 0);
	if (strchr(at + 1, '@'))
		return email_fail(why, why_len, _("there is more than one '@'"), s, 0);
	size_t local = (size_t)(at - s);
	if (local == 0)
		return email_fail(why, why_len, _("there is nothing before the '@'"), s, 0);
	for (size_t i = 0; i < local; i++) {
		char c = s[i];
		if ((unsigned char)c >= 0x80)
			return email_fail(why, why_len, _("letters outside a-z (å, ä, ö, é) cannot be used before the '@'"), s, 0);
		if (!is_alnum(c) && !strchr("._+-'", c)) {
			char problem[120];
			snprintf(problem, sizeof problem, _("the character '%c' cannot be used in an address"), c);
			return email_fail(why, why_len, problem, s, 0);
		}
	}
	if (s[0] == '.' || s[local - 1] == '.' || memmem(s, local, "..", 2))
		return email_fail(why, why_len, _("the part before the '@' cannot start or end with a dot or have two in a row"),
		                  s, 0);
	if (local > 64)
		return email_fail(why, why_len, _("the part before the '@' is longer than 64 characters"), s, 0);
	const char *dom = at + 1;
	size_t dlen = strlen(dom);
	if (dlen == 0)
		return email_fail(why, why_len, _("there is no domain after the '@'"), s, 0);
	if (has_non_ascii(dom, dlen)) {
		char *x = host_ascii(dom, dlen);
		snprintf(why, why_len, _("the domain '%s' has letters outside a-z; write it in its xn-- form: %.*s@%s"), dom,
		         (int)local, s, x);
		free(x);
		return false;
	}
	char problem[300];
	if (!sg_host_valid(dom, dlen, true, problem, sizeof problem))
		return email_fail(why, why_len, problem, s, 0);
	return true;
}

/* ---- phone numbers ------------------------------------------------------------ */

/* Where an extension ("ankn. 123", "x123", "#123", …) starts in s, or NULL: a marker
 * after a non-letter, optional '.' or ':', spaces, digits, nothing else. */
static const char *extension_at(const char *s)
{
	static const char *const markers[] = {"anknytning", "ankn", "ext", "x", "#"};
	for (const char *p = s; *p; p++) {
		if (p > s && is_alpha(p[-1]))
			continue;
		for (size_t m = 0; m < sizeof markers / sizeof *markers; m++) {
			size_t ml = strlen(markers[m]);
			if (strncasecmp(p, markers[m], ml) != 0)
				continue;
			const char *q = p + ml;
			if (*q == '.' || *q == ':')
				q++;
			while (*q == ' ')
				q++;
			size_t digits = strspn(q, "0123456789");
			if (!digits)
				continue;
			q += digits;
			while (*q == ' ')
				q++;
			if (!*q)
				return p;
		}
	}
	return NULL;
}

/* Separators dropped from a number: their length at p, or 0. */
static size_t separator(const char *p)
{
	if (*p == ' ' || *p == '-' || *p == '.' || *p == '/')
		return 1;
	static const char *const wide[] = {"\xC2\xA0", "\xE2\x80\x93", "\xE2\x80\x91", "\xE2\x80\x89", "\xE2\x80\xAF"};
	for (size_t i = 0; i < sizeof wide / sizeof *wide; i++)
		if (strncmp(p, wide[i], strlen(wide[i])) == 0)
			return strlen(wide[i]);
	return 0;
}


char *sg_phone_uri(const char *s, const char **ext, char *why, size_t why_len)
{
	const char *x = extension_at(s);
	if (ext)
		*ext = x;
	size_t end = x ? (size_t)(x - s) : strlen(s);
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == ',' || s[end - 1] == ';'))
		end--;
	sg_buf digits = SG_BUF_INIT;
	bool plus = false;
	size_t i = 0;
	while (i < end && s[i] == ' ')
		i++;
	if (i < end && s[i] == '+')
		plus = true, i++;
	const char *problem = NULL;
	char bad[80];
	while (i < end && !problem) {
		char c = s[i];
		size_t sep = separator(s + i);
		if (is_digit(c)) {
			sg_buf_putc(&digits, c);
			i++;
		} else if (sep) {
			i += sep;
		} else if (c == '(') {
			/* "+46 (0)33": the trunk 0 is dialled only within the country */
			size_t close = i + 1;
			while (close < end && s[close] != ')')
				close++;
			if (close == end) {
				problem = _("a '(' is never closed");
			} else {
				bool trunk = plus && digits.len >= 1 && digits.len <= 3 && close == i + 2 && s[i + 1] == '0';
				if (trunk)
					i = close + 1;
				else
					i++;
			}
		} else if (c == ')') {
			i++;
		} else if (c == '+') {
			problem = _("a '+' can only come first, before the country code");
		} else if (c == ',' || c == ';' || (strncasecmp(s + i, "eller", 5) == 0)) {
			problem = _("it holds more than one number; write one");
		} else if (is_alpha(c) || (unsigned char)c >= 0x80) {
			problem = _("it holds letters: a phone number has only digits, spaces, '-' and '+'");
		} else {
			sg_buf shown = SG_BUF_INIT;
			char one[2] = {c, 0};
			sg_shown(&shown, one);
			snprintf(bad, sizeof bad, _("the character '%s' cannot be in a phone number"), sg_buf_cstr(&shown));
			sg_buf_free(&shown);
			problem = bad;
		}
	}
	const char *d = sg_buf_cstr(&digits);
	if (!problem && digits.len == 0)
		problem = _("there are no digits");
	char *uri = NULL;
	if (!problem) {
		if (plus)
			uri = sg_asprintf("+%s", d);
		else if (strncmp(d, "00", 2) == 0)
			uri = sg_asprintf("+%s", d + 2);
		else if (d[0] == '0')
			uri = sg_asprintf("+46%s", d + 1);
		else
			uri = sg_strdup(d);
		if (strncmp(uri, "+460", 4) == 0) /* "+46 033…": Sweden's trunk 0 after its country code */
			memmove(uri + 3, uri + 4, strlen(uri + 4) + 1);
		size_t n = strlen(uri) - (uri[0] == '+');
		if (n > 15)
			problem = _("it has more than 15 digits: is it two numbers? write one");
		else if (uri[0] == '+' && n < 7)
			problem = _("it is too short for a phone number");
		if (problem) {
			free(uri);
			uri = NULL;
		}
	}
	if (problem)
		snprintf(why, why_len,
		         _("%s; write the number, e.g. 033-12 34 56 or +46 33 12 34 56 (an extension as 'ankn. 123')"), problem);
	sg_buf_free(&digits);
	return uri;
}

/* ---- base_url ------------------------------------------------------------------- */


char *sg_base_url_parse(const char *s, sg_buf *problems)
{
	size_t before = problems->len;
	size_t scheme = strncmp(s, "https://", 8) == 0 ? 8 : strncmp(s, "http://", 7) == 0 ? 7 : 0;
	if (!scheme) {
		sg_buf_puts(problems, _("'base_url' must be a full address starting with https://, e.g. https://example.se/\n"));
		return NULL;
	}
	/* a space or a control character: one problem, and what follows it (in robots.txt,
	 * lines of its own) is not read */
	sg_buf clean = SG_BUF_INIT;
	size_t n = 0;
	while (s[n] && (unsigned char)s[n] > ' ' && s[n] != 0x7F)
		n++;
	sg_buf_put(&clean, s, n);
	if (s[n])
		sg_buf_puts(problems, _("'base_url' holds a space, a tab or a line break; write the address on one line without "
		                      "spaces, e.g. https://example.se/ or https://example.se/varend/\n"));
	const char *u = sg_buf_cstr(&clean) + scheme;
	size_t auth = strcspn(u, "/?#");
	size_t path_end = auth + strcspn(u + auth, "?#");
	/* user name and password */
	const char *host = u;
	size_t host_len = auth;
	const char *at = memrchr(u, '@', auth);
	if (at) {
		sg_buf_puts(problems, _("'base_url' has a user name or password before '@'; write only the host name, "
		                        "e.g. https://example.se/ or https://example.se/varend/\n"));
		host_len -= (size_t)(at + 1 - host);
		host = at + 1;
	}
	const char *colon = memrchr(host, ':', host_len);
	if (colon) {
		const char *port = colon + 1;
		size_t plen = host_len - (size_t)(port - host);
		long value = 0;
		bool ok = plen > 0 && plen <= 5;
		for (size_t i = 0; ok && i < plen; i++)
			ok = is_digit(port[i]), value = value * 10 + (port[i] - '0');
		if (!ok || value < 1 || value > 65535) {
			sg_buf shown = SG_BUF_INIT;
			char *p = sg_strndup(port, plen);
			sg_shown(&shown, p);
			sg_buf_printf(problems, _("'base_url' has the port '%s'; a port is a number from 1 to 65535, and is usually "
			              "left out, e.g. https://example.se/ or https://example.se/varend/\n"), sg_buf_cstr(&shown));
			sg_buf_free(&shown);
			free(p);
		}
		host_len = (size_t)(colon - host);
	}
	char why[400];
	if (host_len == 0)
		sg_buf_printf(problems, _("'base_url' has no host name after %.*s; write the site's whole address, "
		                          "e.g. https://example.se/ or https://example.se/varend/\n"), (int)scheme, s);
	else if (has_non_ascii(host, host_len)) {
		char *x = host_ascii(host, host_len);
		const char *after = host + host_len; /* the port and the path */
		sg_buf_printf(problems, _("'base_url' has the host name '%.*s' with letters outside a-z; write it in its xn-- "
		              "form: %.*s%s%.*s\n"), (int)host_len, host, (int)scheme, s, x, (int)(u + path_end - after), after);
		free(x);
	} else if (!sg_host_valid(host, host_len, false, why, sizeof why))
		sg_buf_printf(problems, _("'base_url': %s; e.g. https://example.se/ or https://example.se/varend/\n"), why);
	/* the path: folder names of safe characters */
	const char *path = u + auth;
	size_t plen = path_end - auth;
	for (size_t i = 0; i < plen; i++) {
		char c = path[i];
		if (is_alnum(c) || strchr("-._~/", c))
			continue;
		if (c == '%')
			sg_buf_puts(problems, _("'base_url' has a percent-escape ('%') in its path; name the folder with a-z, 0-9, "
			                      "'-', '.', '_' and '~' only, e.g. https://example.se/ or https://example.se/varend/\n"));
		else if ((unsigned char)c >= 0x80)
			sg_buf_puts(problems, _("'base_url' has letters outside a-z in its path; name the folder with a-z, 0-9, '-', "
			                      "'.', '_' and '~' only, e.g. https://example.se/varend/\n"));
		else
			sg_buf_printf(problems, _("'base_url' has '%c' in its path; name the folder with a-z, 0-9, '-', '.', '_' and "
			              "'~' only, e.g. https://example.se/varend/\n"), c);
		break;
	}
	bool dots = false, empty = false;
	for (size_t i = 0; i < plen;) {
		size_t e = i + 1;
		while (e < plen && path[e] != '/')
			e++;
		size_t seg = e - i - 1; /* after the '/' */
		const char *sp = path + i + 1;
		if ((seg == 1 && sp[0] == '.') || (seg == 2 && sp[0] == '.' && sp[1] == '.'))
			dots = true;
		else if (seg == 0 && e < plen)
			empty = true;
		i = e;
	}
	if (dots)
		sg_buf_puts(problems, _("'base_url' has '.' or '..' as a folder in its path; write the folder the site is in, "
		                      "e.g. https://example.se/varend/\n"));
	if (empty)
		sg_buf_puts(problems, _("'base_url' has '//' in its path; write single slashes, e.g. https://example.se/varend/\n"));
	if (u[path_end] == '?') {
		sg_buf_puts(problems, _("'base_url' has a query ('?…'); remove it: the address ends with the site's folder, "
		                        "e.g. https://example.se/ or https://example.se/varend/\n"));
	}
	if (strchr(u + path_end, '#'))
		sg_buf_puts(problems, _("'base_url' has a fragment ('#…'); remove it: the address ends with the site's folder, "
		                        "e.g. https://example.se/ or https://example.se/varend/\n"));
	char *out = NULL;
	if (problems->len == before) {
		n = strlen(s);
		out = n && s[n - 1] == '/' ? sg_strdup(s) : sg_asprintf("%s/", s);
	}
	sg_buf_free(&clean);
	return out;
}

char *sg_base_url_path(const char *base_url)
{
	const char *path = base_url ? strstr(base_url, "://") : NULL;
	path = path ? strchr(path + 3, '/') : NULL;
	size_t len = path ? strlen(path) : 0;
	while (len > 0 && path[len - 1] == '/')
		len--;
	return sg_strndup(path ? path : "", len);
}
