/* fields.c — typed field readers (see fields.h). */
#include "fields.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/address.h"
#include "../util/alloc.h"
#include "../util/buf.h"
#include "../util/i18n.h"
#include "../util/numfmt.h"
#include "../util/slug.h"
#include "../util/suggest.h"
#include "../util/unicode.h"

int sg_fields_line(const sg_fields *f, const sg_value *v) { return v && sg_value_line(v) ? sg_value_line(v) : f->line; }
int sg_fields_col(const sg_value *v) { return v && sg_value_col(v) ? sg_value_col(v) : 1; }

#define AT(v) f->d, f->file, sg_fields_line(f, (v)), sg_fields_col(v)

/* A number written in quotes ("2015", "12.5") is still that number. */
static bool numeric_text(const sg_value *v, double *out)
{
	const char *s = sg_value_kind_of(v) == SG_VAL_STRING ? sg_value_as_string(v, NULL) : NULL;
	if (!s || !*s || *s == ' ')
		return false;
	char *end;
	double x = strtod(s, &end);
	if (*end != '\0' || x != x || x - x != 0) /* trailing text, NaN or infinity */
		return false;
	*out = x;
	return true;
}

void sg_free_list(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* The key of `map` before item i whose block `key` would be a key of, when the nearest
 * known key above i (unknown keys between are skipped: they may be misplaced too) holds
 * a map or a list of maps that has `key` (a "*" row does not count: it takes any key);
 * else NULL. Borrowed from map. */
static const char *block_above(const sg_value *map, size_t i, const sg_key *known, const char *key)
{
	for (size_t j = i; j-- > 0;) {
		const sg_key *row = sg_key_find(known, sg_value_key(map, j));
		if (!row)
			continue;
		const sg_key *sub = row->keys ? sg_key_find(row->keys, key) : NULL;
		return sub && strcmp(sub->name, "*") != 0 && strcmp(row->name, "*") != 0 ? sg_value_key(map, j) : NULL;
	}
	return NULL;
}

void sg_fields_check_keys(const sg_fields *f, const sg_value *map, const sg_key *known, const char *what)
{
	for (size_t i = 0; i < sg_value_count(map); i++) {
		const char *key = sg_value_key(map, i);
		if (sg_key_find(known, key))
			continue;
		const char *names[SG_KEYS_MAX];
		size_t nk = 0;
		while (known && known[nk].name && nk < SG_KEYS_MAX) {
			names[nk] = known[nk].name;
			nk++;
		}
		const sg_value *v = sg_value_item(map, i);
		const char *above = block_above(map, i, known, key);
		sg_value_kind kind = sg_value_kind_of(v);
		const char *close = sg_closest(key, names, nk);
		what = _(what); /* "an insats": `make pot` knows the argument */
		if (above) {
			/* `contact:` with its keys not indented: the contact would be lost */
			sg_error(AT(v), "'%s' is not a key of %s; it looks like it belongs to '%s:' above — indent it under '%s:'",
			         key, what, above, above);
		} else if (kind == SG_VAL_MAP || kind == SG_VAL_LIST) {
			/* a whole block would be lost, not one value: an error */
			const char *holds = kind == SG_VAL_MAP ? _("a map") : _("a list");
			if (close) {
				sg_error(AT(v), "unknown key '%s' in %s holds %s that would be lost; did you mean '%s'?", key, what,
				         holds, close);
			} else {
				sg_buf all = SG_BUF_INIT;
				for (size_t k = 0; k < nk; k++)
					sg_buf_printf(&all, "%s%s", k ? ", " : "", names[k]);
				sg_error(AT(v), "unknown key '%s' in %s holds %s that would be lost; move what it holds under one of "
				         "the keys of %s (%s) or remove it",
				         key, what, holds, what, sg_buf_cstr(&all));
				sg_buf_free(&all);
			}
		} else if (close) {
			sg_warning(AT(v), "unknown key '%s' in %s is ignored; did you mean '%s'?", key, what, close);
		} else {
			sg_warning(AT(v), "unknown key '%s' in %s is ignored", key, what);
		}
	}
}

const sg_value *sg_fields_item_map(const sg_fields *f, const sg_value *list, size_t i, const char *what,
                                   const char *shape, const sg_key *known, sg_fields *at)
{
	const sg_value *v = sg_value_item(list, i);
	if (sg_value_kind_of(v) != SG_VAL_MAP) {
		/* "a goal" → "goal", and in Swedish "ett mål" → "mål" ("varje mål …") */
		const char *tw = _(what);
		const char *noun = strncmp(tw, "an ", 3) == 0 ? tw + 3 : strncmp(tw, "a ", 2) == 0 ? tw + 2
		                   : strncmp(tw, "en ", 3) == 0 ? tw + 3 : strncmp(tw, "ett ", 4) == 0 ? tw + 4 : tw;
		sg_error(AT(v), "each %s must be '%s'", noun, shape);
		return NULL;
	}
	sg_fields_check_keys(f, v, known, what);
	*at = *f;
	at->line = sg_fields_line(f, v);
	return v;
}

char *sg_field_text(const sg_fields *f, const sg_value *map, const char *key, bool required, const char *why)
{
	const sg_value *v = sg_value_get(map, key);
	sg_value_kind k = sg_value_kind_of(v);
	if (k == SG_VAL_STRING || k == SG_VAL_NUMBER) {
		size_t len;
		const char *s = sg_value_as_string(v, &len);
		/* trim: YAML keeps trailing spaces of quoted text */
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\n'))
			len--;
		if (len > 0)
			return sg_strndup(s, len);
	} else if (k == SG_VAL_LIST || k == SG_VAL_MAP || k == SG_VAL_BOOL) {
		sg_error(AT(v), "'%s' must be text, not %s", key, sg_value_kind_name(k));
		return NULL;
	}
	if (required)
		sg_error(AT(v), "missing '%s': %s", key, why ? _(why) : _("this field is required"));
	return NULL;
}

bool sg_field_bool(const sg_fields *f, const sg_value *map, const char *key, bool dflt)
{
	const sg_value *v = sg_value_get(map, key);
	sg_value_kind k = sg_value_kind_of(v);
	if (k == SG_VAL_BOOL)
		return sg_value_as_bool(v);
	if (k != SG_VAL_NULL) {
		const char *s = sg_value_as_string(v, NULL);
		if (s && (strcmp(s, "ja") == 0 || strcmp(s, "yes") == 0))
			sg_error(AT(v), "'%s' must be true or false; write 'true' instead of '%s'", key, s);
		else if (s && (strcmp(s, "nej") == 0 || strcmp(s, "no") == 0))
			sg_error(AT(v), "'%s' must be true or false; write 'false' instead of '%s'", key, s);
		else
			sg_error(AT(v), "'%s' must be true or false", key);
	}
	return dflt;
}

long sg_field_int(const sg_fields *f, const sg_value *map, const char *key, long dflt, long min, long max)
{
	const sg_value *v = sg_value_get(map, key);
	sg_value_kind k = sg_value_kind_of(v);
	if (k == SG_VAL_NULL)
		return dflt;
	double x = sg_value_as_number(v);
	if (k == SG_VAL_STRING && numeric_text(v, &x))
		k = SG_VAL_NUMBER;
	if (k != SG_VAL_NUMBER || x != floor(x)) {
		const char *s = sg_value_as_string(v, NULL);
		sg_error(AT(v), "'%s' must be a whole number%s%s%s", key, s ? _(", not '") : "", s ? s : "", s ? "'" : "");
		return dflt;
	}
	/* compare as doubles: a number like 1e118 does not fit in a long at all */
	if (x < (double)min || x > (double)max) {
		sg_error(AT(v), "'%s' must be between %ld and %ld, not %s", key, min, max, sg_value_as_string(v, NULL));
		return dflt;
	}
	return (long)x;
}

/* Why the number t (as written; strtod read it as x) is not written the one way amounts and
 * shares are: digits, no sign, no leading zero, a point with digits on both sides, no
 * exponent, no hexadecimal, and for amounts at most SG_AMOUNT_DECIMALS decimals
 * (max_decimals < 0: any number). The message goes to the diagnostics; false when t is fine.
 * `0x10`, `007` and `+5` are read by strtod, but no editor means 16, 7 or 5 by them. */
static bool badly_written(const sg_fields *f, const sg_value *v, const char *key, const char *t, double x,
                          int max_decimals)
{
	char fix[48];
	if (max_decimals >= 0)
		sg_format_amount(x, fix);
	else
		sg_number_format(x, fix);
	const char *p = t;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		sg_error(AT(v), "'%s': '%s' is a hexadecimal number; write it with the digits 0–9, e.g. %s", key, t, fix);
		return true;
	}
	if (*p == '+') {
		sg_error(AT(v), "'%s': '%s' has a plus sign; write %s", key, t, fix);
		return true;
	}
	if (p[0] == '0' && p[1] >= '0' && p[1] <= '9') {
		sg_error(AT(v), "'%s': '%s' starts with a zero; write %s", key, t, fix);
		return true;
	}
	bool before = *p >= '0' && *p <= '9';
	while (*p >= '0' && *p <= '9')
		p++;
	long decimals = 0;
	bool point = *p == '.';
	if (point)
		for (p++; *p >= '0' && *p <= '9'; p++)
			decimals++;
	bool exponent = *p == 'e' || *p == 'E';
	if (exponent) /* the decimals the exponent leaves: 1.25e1 has one, 1e-320 has 320 */
		decimals -= strtol(p + 1, NULL, 10);
	bool too_precise = max_decimals >= 0 && decimals > max_decimals;
	if (exponent) {
		if (too_precise)
			sg_error(AT(v), "'%s': '%s' has an exponent and more than %d decimals; amounts are in tkr, so %d decimals "
			         "are whole kronor: write %s", key, t, SG_AMOUNT_DECIMALS, SG_AMOUNT_DECIMALS, fix);
		else
			sg_error(AT(v), "'%s': '%s' has an exponent; write the digits out, e.g. %s", key, t, fix);
		return true;
	}
	if (!before || (point && decimals == 0)) {
		sg_error(AT(v), "'%s': '%s' needs a digit on each side of the decimal point; write %s", key, t, fix);
		return true;
	}
	if (too_precise) {
		sg_error(AT(v), "'%s' has more than %d decimals (%s); amounts are in tkr, so %d decimals are whole kronor: "
		         "write %s", key, SG_AMOUNT_DECIMALS, t, SG_AMOUNT_DECIMALS, fix);
		return true;
	}
	return false;
}

/* A non-negative number written plainly (see badly_written); `unit` names what it is
 * counted in for the messages (" in tkr" or ""). */
static double plain_number(const sg_fields *f, const sg_value *map, const char *key, int max_decimals,
                           const char *unit)
{
	const sg_value *v = sg_value_get(map, key);
	sg_value_kind k = sg_value_kind_of(v);
	if (k == SG_VAL_NULL)
		return 0;
	double x = sg_value_as_number(v);
	if (k == SG_VAL_STRING && numeric_text(v, &x))
		k = SG_VAL_NUMBER;
	if (k != SG_VAL_NUMBER) {
		const char *s = sg_value_as_string(v, NULL);
		if (s) {
			/* show what was probably meant: "1 234,5" → 1234.5 */
			sg_buf fix = SG_BUF_INIT;
			for (const char *p = s; *p; p++) {
				if (*p == ',')
					sg_buf_putc(&fix, '.');
				else if (*p != ' ' && (unsigned char)*p != 0xC2 && (unsigned char)*p != 0xA0)
					sg_buf_putc(&fix, *p);
			}
			sg_error(AT(v), "'%s' must be a number%s, not '%s'; write it without spaces and with a decimal point, e.g. %s",
			         key, unit, s, sg_buf_cstr(&fix));
			sg_buf_free(&fix);
		} else {
			sg_error(AT(v), "'%s' must be a number%s, not %s", key, unit, sg_value_kind_name(k));
		}
		return 0;
	}
	if (x < 0) {
		sg_error(AT(v), "'%s' must not be negative", key);
		return 0;
	}
	const char *t = sg_value_as_string(v, NULL);
	if (t && badly_written(f, v, key, t, x, max_decimals))
		return 0;
	/* open data writes 15 significant digits, which is exact only up to there */
	size_t digits = 0;
	for (const char *p = t; p && *p && *p != 'e' && *p != 'E'; p++)
		if (*p >= '0' && *p <= '9' && (digits || *p != '0'))
			digits++;
	if (digits > 15) {
		sg_error(AT(v), "'%s' has more than 15 digits (%s); round it, e.g. to whole kronor", key, t);
		return 0;
	}
	if (x > 1e9) {
		sg_error(AT(v), "'%s' is %s tkr, which cannot be right; amounts are in thousands of kronor", key,
		         sg_value_as_string(v, NULL));
		return 0;
	}
	return x;
}

double sg_field_amount(const sg_fields *f, const sg_value *map, const char *key)
{
	return plain_number(f, map, key, SG_AMOUNT_DECIMALS, _(" in tkr"));
}

double sg_field_fraction(const sg_fields *f, const sg_value *map, const char *key)
{
	return plain_number(f, map, key, -1, "");
}

char **sg_field_text_list(const sg_fields *f, const sg_value *map, const char *key, size_t *n)
{
	const sg_value *v = sg_value_get(map, key);
	*n = 0;
	sg_value_kind k = sg_value_kind_of(v);
	if (k == SG_VAL_NULL)
		return NULL;
	if (k == SG_VAL_STRING) {
		char **out = sg_malloc(sizeof *out);
		out[0] = sg_strdup(sg_value_as_string(v, NULL));
		*n = 1;
		return out;
	}
	if (k != SG_VAL_LIST) {
		sg_error(AT(v), "'%s' must be a list, e.g. [a, b]", key);
		return NULL;
	}
	size_t count = sg_value_count(v);
	char **out = sg_malloc((count ? count : 1) * sizeof *out);
	for (size_t i = 0; i < count; i++) {
		const sg_value *item = sg_value_item(v, i);
		const char *s = sg_value_as_string(item, NULL);
		if (!s || sg_value_kind_of(item) == SG_VAL_BOOL || !*s) {
			sg_error(AT(item), "each item of '%s' must be text", key);
			continue;
		}
		out[(*n)++] = sg_strdup(s);
	}
	return out;
}

const sg_value *sg_field_map(const sg_fields *f, const sg_value *map, const char *key)
{
	const sg_value *v = sg_value_get(map, key);
	sg_value_kind k = sg_value_kind_of(v);
	if (k == SG_VAL_NULL)
		return NULL;
	if (k != SG_VAL_MAP) {
		sg_error(AT(v), "'%s' must be a map of keys (e.g. '%s: {name: …}'), not %s", key, key, sg_value_kind_name(k));
		return NULL;
	}
	return v;
}

const sg_value *sg_field_list(const sg_fields *f, const sg_value *map, const char *key)
{
	const sg_value *v = sg_value_get(map, key);
	sg_value_kind k = sg_value_kind_of(v);
	if (k == SG_VAL_NULL)
		return NULL;
	if (k != SG_VAL_LIST) {
		sg_error(AT(v), "'%s' must be a list (lines starting with '- '), not %s", key, sg_value_kind_name(k));
		return NULL;
	}
	return v;
}

static const char *const month_names[] = {N_("January"), N_("February"), N_("March"),     N_("April"),
                                          N_("May"),     N_("June"),     N_("July"),      N_("August"),
                                          N_("September"), N_("October"), N_("November"), N_("December")};

bool sg_date_valid(const char *s, char *why, size_t why_len)
{
	int y = sg_digits(s, 4), m = -1, d = -1;
	if (y >= 0 && s[4] == '-')
		m = sg_digits(s + 5, 2);
	if (m >= 0 && s[7] == '-')
		d = sg_digits(s + 8, 2);
	if (d < 0 || s[10] != '\0') {
		snprintf(why, why_len, _("'%s' is not a date; write YYYY-MM-DD, e.g. 2015-03-01"), s);
		return false;
	}
	if (y < 1 || y > 9998) {
		snprintf(why, why_len, _("'%s' is not a date: the year must be between 0001 and 9998"), s);
		return false;
	}
	if (m < 1 || m > 12) {
		snprintf(why, why_len, _("'%s' is not a date: there is no month %d"), s, m);
		return false;
	}
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int max = days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	if (d < 1 || d > max) {
		snprintf(why, why_len, _("'%s' is not a date: %s %d has %d days"), s, _(month_names[m - 1]), y, max);
		return false;
	}
	return true;
}

bool sg_period_valid(const char *s, char *why, size_t why_len)
{
	size_t n = strlen(s);
	if (n == 10)
		return sg_date_valid(s, why, why_len);
	int y = sg_digits(s, 4), m = n == 7 && y >= 0 && s[4] == '-' ? sg_digits(s + 5, 2) : -1;
	if (y < 0 || (n != 4 && m < 0)) {
		snprintf(why, why_len,
		         _("'%s' is not a date; write a day as YYYY-MM-DD (2008-01-15), or, where the plan gives no day, "
		         "a month as YYYY-MM (2008-01) or a year as YYYY (2008)"),
		         s);
		return false;
	}
	if (y < 1 || y > 9998) {
		snprintf(why, why_len, _("'%s' is not a date: the year must be between 0001 and 9998"), s);
		return false;
	}
	if (n == 7 && (m < 1 || m > 12)) {
		snprintf(why, why_len, _("'%s' is not a month: there is no month %d; write YYYY-MM, e.g. %.4s-01"), s, m, s);
		return false;
	}
	return true;
}

char *sg_field_period(const sg_fields *f, const sg_value *map, const char *key)
{
	char *s = sg_field_text(f, map, key, false, NULL);
	if (!s)
		return NULL;
	char why[240];
	if (!sg_period_valid(s, why, sizeof why)) {
		sg_error(AT(sg_value_get(map, key)), "'%s': %s", key, why);
		free(s);
		return NULL;
	}
	return s;
}

bool sg_time_valid(const char *s)
{
	int hh = sg_digits(s, 2), mm = hh >= 0 && s[2] == ':' ? sg_digits(s + 3, 2) : -1;
	return mm >= 0 && s[5] == '\0' && hh < 24 && mm < 60;
}

char *sg_field_date(const sg_fields *f, const sg_value *map, const char *key)
{
	char *s = sg_field_text(f, map, key, false, NULL);
	if (!s)
		return NULL;
	char why[160];
	if (!sg_date_valid(s, why, sizeof why)) {
		sg_error(AT(sg_value_get(map, key)), "'%s': %s", key, why);
		free(s);
		return NULL;
	}
	return s;
}

int sg_field_choice(const sg_fields *f, const sg_value *map, const char *key, const char *const *choices)
{
	char *s = sg_field_text(f, map, key, false, NULL);
	if (!s)
		return -1;
	size_t n = 0;
	while (choices[n])
		n++;
	/* "Strukturövergripande", "strukturovergripande" and "ACTIVE" are all fine */
	char *slug = sg_slugify(s);
	for (size_t i = 0; i < n; i++) {
		char *want = sg_slugify(choices[i]);
		bool same = strcmp(slug, want) == 0;
		free(want);
		if (same) {
			free(slug);
			free(s);
			return (int)i;
		}
	}
	free(slug);
	sg_buf all = SG_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		sg_buf_printf(&all, "%s%s", i ? (i + 1 == n ? " or " : ", ") : "", choices[i]);
	const char *close = sg_closest(s, choices, n);
	const sg_value *v = sg_value_get(map, key);
	if (close)
		sg_error(AT(v), "'%s' cannot be '%s'; did you mean '%s'? (one of %s)", key, s, close, sg_buf_cstr(&all));
	else
		sg_error(AT(v), "'%s' cannot be '%s'; write one of %s", key, s, sg_buf_cstr(&all));
	sg_buf_free(&all);
	free(s);
	return -1;
}

void sg_field_contact(const sg_fields *f, const sg_value *map, const sg_key *keys, const char *key, sg_contact *out)
{
	memset(out, 0, sizeof *out);
	const sg_value *c = sg_field_map(f, map, key);
	if (!c)
		return;
	const sg_key *known = sg_key_sub(keys, key);
	bool with_address = sg_key_find(known, "address") != NULL;
	sg_fields_check_keys(f, c, known, key);
	out->name = sg_field_text(f, c, "name", false, NULL);
	out->phone = sg_field_phone(f, c, "phone", &out->phone_uri);
	out->email = sg_field_email(f, c, "email");
	if (with_address)
		out->address = sg_field_text(f, c, "address", false, NULL);
}

char *sg_field_email(const sg_fields *f, const sg_value *map, const char *key)
{
	char *email = sg_field_text(f, map, key, false, NULL);
	char why[400];
	if (email && !sg_email_valid(email, why, sizeof why)) {
		sg_buf shown = SG_BUF_INIT;
		sg_shown(&shown, email);
		sg_error(AT(sg_value_get(map, key)), "'%s' is not an e-mail address: %s", sg_buf_cstr(&shown), why);
		sg_buf_free(&shown);
		free(email);
		return NULL;
	}
	return email;
}

char *sg_field_phone(const sg_fields *f, const sg_value *map, const char *key, char **uri)
{
	char *phone = sg_field_text(f, map, key, false, NULL);
	if (uri)
		*uri = NULL;
	if (!phone)
		return NULL;
	char why[400];
	char *u = sg_phone_uri(phone, NULL, why, sizeof why);
	if (!u) {
		sg_buf shown = SG_BUF_INIT;
		sg_shown(&shown, phone);
		sg_error(AT(sg_value_get(map, key)), "'%s' is not a phone number: %s", sg_buf_cstr(&shown), why);
		sg_buf_free(&shown);
		free(phone);
		return NULL;
	}
	if (uri)
		*uri = u;
	else
		free(u);
	return phone;
}

void sg_contact_clear(sg_contact *c)
{
	free(c->name);
	free(c->phone);
	free(c->phone_uri);
	free(c->email);
	free(c->address);
	memset(c, 0, sizeof *c);
}

bool sg_field_name_visible(const sg_fields *f, const sg_value *v, const char *name, const char *what)
{
	uint32_t cp;
	size_t index;
	long at = sg_invisible_in_name(name, &cp, &index);
	if (at < 0)
		return true;
	/* the name with each invisible character written out, so the message shows it */
	sg_buf shown = SG_BUF_INIT;
	for (const unsigned char *p = (const unsigned char *)name; *p;) {
		const unsigned char *from = p;
		uint32_t c = *p < 0x80 ? *p++ : sg_utf8_next(&p);
		if (sg_is_invisible(c))
			sg_buf_printf(&shown, "<U+%04X>", (unsigned)c);
		else
			sg_buf_put(&shown, (const char *)from, (size_t)(p - from));
	}
	sg_error(AT(v), "the %s '%s' has an invisible %s (U+%04X) as character %zu; delete it: it makes another name that "
	         "looks the same",
	         _(what), sg_buf_cstr(&shown), sg_invisible_name(cp), (unsigned)cp, index);
	sg_buf_free(&shown);
	return false;
}
