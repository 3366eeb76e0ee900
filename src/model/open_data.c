/* open_data.c — site.yaml's `open_data:` block (see open_data.h). */
#include "open_data.h"

#include <stdlib.h>
#include <string.h>

#include "../util/alloc.h"
#include "../util/i18n.h"


/* "222000-2105" or "2220002105" with a right check digit (Luhn, as Skatteverket and
 * Bolagsverket compute it): the ten digits, malloc'd; NULL otherwise, with *why set. */
static char *orgnr_digits(const char *s, const char **why)
{
	char digits[11];
	size_t n = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9' && n < 10)
			digits[n++] = *p;
		else if (!(*p == '-' && n == 6 && p[1]))
			n = 11; /* anything else: not an organisationsnummer */
		if (n > 10)
			break;
	}
	if (n != 10) {
		*why = _("must be the organisation's organisationsnummer, ten digits, e.g. \"222000-2105\"");
		return NULL;
	}
	int sum = 0;
	for (int i = 0; i < 10; i++) {
		int d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
		sum += d > 9 ? d - 9 : d;
	}
	if (sum % 10 != 0) {
		*why = _("has a wrong check digit (the last digit); copy the organisationsnummer from Bolagsverket's register");
		return NULL;
	}
	digits[10] = '\0';
	return sg_strdup(digits);
}

/* An absolute http(s) address with nothing that would break out of an RDF or JSON
 * value or be read as two addresses. */
static bool plain_uri(const char *s)
{
	if (strncmp(s, "http://", 7) != 0 && strncmp(s, "https://", 8) != 0)
		return false;
	const char *host = strstr(s, "//") + 2;
	if (!*host || *host == '/')
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == 0x7F || strchr("\"<>\\^`{|}", *p))
			return false;
	return true;
}

void sg_open_data_read(sg_open_data *out, const sg_fields *f, const sg_value *meta)
{
	memset(out, 0, sizeof *out);
	const sg_value *od = sg_field_map(f, meta, "open_data");
	if (od) {
		const sg_key *keys = sg_key_sub(sg_keys_of(SG_SRC_SITE), "open_data");
		sg_fields_check_keys(f, od, keys, "open_data");
		out->publisher = sg_field_text(f, od, "publisher", false, NULL);
		char *orgnr = sg_field_text(f, od, "orgnr", false, NULL);
		if (orgnr) {
			const char *why = NULL;
			out->orgnr = orgnr_digits(orgnr, &why);
			if (!out->orgnr) {
				const sg_value *v = sg_value_get(od, "orgnr");
				sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v), "open_data: 'orgnr' %s", why);
			}
			free(orgnr);
		}
		int type = sg_field_choice(f, od, "publisher_type", sg_key_choices(keys, "publisher_type"));
		out->publisher_type = type >= 0 ? type : 0;
		out->license = sg_field_text(f, od, "license", false, NULL);
		if (out->license && !plain_uri(out->license)) {
			const sg_value *v = sg_value_get(od, "license");
			sg_error(f->d, f->file, sg_fields_line(f, v), sg_fields_col(v),
			         "open_data: 'license' must be the web address of the licence, e.g. "
			         "http://creativecommons.org/publicdomain/zero/1.0/ (CC0) or https://creativecommons.org/licenses/by/4.0/ (CC BY 4.0), not '%s'",
			         out->license);
			free(out->license);
			out->license = NULL;
		}
		out->email = sg_field_email(f, od, "email");
	}
	if (!out->license)
		out->license = sg_strdup(SG_LICENSE_CC0);
}

void sg_open_data_clear(sg_open_data *od)
{
	free(od->publisher);
	free(od->orgnr);
	free(od->license);
	free(od->email);
	memset(od, 0, sizeof *od);
}
