/* numfmt.c — Swedish number format (see numfmt.h). */
#include "numfmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define NBSP "\xC2\xA0"

char *sg_format_sv(double value, char *out)
{
	char digits[40];
	double r = round(value * 100.0) / 100.0;
	if (fabs(r) < 1e15 && r == trunc(r)) { /* a whole number: no snprintf */
		char tmp[24];
		size_t k = sizeof tmp - 4;
		unsigned long long u = (unsigned long long)fabs(r);
		memcpy(tmp + k, ".00", 4);
		do
			tmp[--k] = (char)('0' + u % 10);
		while (u /= 10);
		memcpy(digits, tmp + k, sizeof tmp - k);
	} else {
		snprintf(digits, sizeof digits, "%.2f", fabs(r));
	}
	char *dot = strchr(digits, '.');
	/* drop trailing zeros of the decimals */
	size_t dec = 2;
	while (dec > 0 && dot[dec] == '0')
		dec--;
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
