/* numfmt.c — Swedish number format (see numfmt.h). */
#include "numfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NBSP "\xC2\xA0"

/* The digits of |value| rounded to SG_AMOUNT_DECIMALS decimals, as "1234.500" (always
 * with the point and all the decimals); returns the rounded value. */
_Static_assert(SG_AMOUNT_DECIMALS == 3, "rounded_digits writes three decimals");
static double rounded_digits(double value, char digits[40])
{
	double r = round(value * 1000.0) / 1000.0;
	if (fabs(r) < 1e15 && r == trunc(r)) { /* a whole number: no snprintf */
		char tmp[24];
		size_t k = sizeof tmp - 5;
		unsigned long long u = (unsigned long long)fabs(r);
		memcpy(tmp + k, ".000", 5);
		do
			tmp[--k] = (char)('0' + u % 10);
		while (u /= 10);
		memcpy(digits, tmp + k, sizeof tmp - k);
	} else {
		snprintf(digits, 40, "%.3f", fabs(r));
	}
	return r;
}

/* How many of the decimals after `dot` are not trailing zeros. */
static size_t decimals_used(const char *dot)
{
	size_t dec = SG_AMOUNT_DECIMALS;
	while (dec > 0 && dot[dec] == '0')
		dec--;
	return dec;
}

char *sg_format_sv(double value, char *out)
{
	char digits[40];
	double r = rounded_digits(value, digits);
	char *dot = strchr(digits, '.');
	size_t dec = decimals_used(dot);
	size_t intlen = (size_t)(dot - digits);
	char *o = out;
	if (r < 0)
		*o++ = '-';
	for (size_t i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0) {
			memcpy(o, NBSP, 2);
			o += 2;
		}
		*o++ = digits[i];
	}
	if (dec > 0) {
		*o++ = ',';
		memcpy(o, dot + 1, dec);
		o += dec;
	}
	*o = '\0';
	return out;
}

char *sg_format_amount(double value, char *out)
{
	char digits[40];
	double r = rounded_digits(value, digits);
	char *dot = strchr(digits, '.');
	size_t dec = decimals_used(dot);
	dot[dec ? dec + 1 : 0] = '\0';
	snprintf(out, 48, "%s%s", r < 0 ? "-" : "", digits);
	return out;
}

int sg_digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}
