/* collate.c — Swedish order with ICU (see collate.h). */
#include "collate.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "alloc.h"

/* Written once by open_swedish (under pthread_once), read-only afterwards; never
 * closed (it lives as long as the process). NULL only if ICU has no data at all, and
 * then names are ordered by their bytes. */
static UCollator *swedish, *swedish_any_case;
static pthread_once_t swedish_once = PTHREAD_ONCE_INIT;

static UCollator *open_sv(UCollationStrength strength)
{
	UErrorCode e = U_ZERO_ERROR;
	UCollator *c = ucol_open("sv", &e);
	if (U_SUCCESS(e))
		ucol_setStrength(c, strength); /* before it is shared */
	if (U_FAILURE(e)) {
		ucol_close(c);
		c = NULL;
	}
	return c;
}

static void open_swedish(void)
{
	swedish = open_sv(UCOL_TERTIARY);
	swedish_any_case = open_sv(UCOL_SECONDARY);
}

static const UCollator *collator(void)
{
	pthread_once(&swedish_once, open_swedish);
	return swedish;
}

int sg_collate(const char *a, const char *b)
{
	const UCollator *c = collator();
	if (c) {
		UErrorCode e = U_ZERO_ERROR;
		UCollationResult r = ucol_strcollUTF8(c, a, -1, b, -1, &e);
		if (U_SUCCESS(e) && r != UCOL_EQUAL)
			return r == UCOL_LESS ? -1 : 1;
	}
	int r = strcmp(a, b);
	return (r > 0) - (r < 0);
}

char *sg_collate_key(const char *s)
{
	const UCollator *c = collator();
	size_t len = strlen(s);
	if (!c || len > INT32_MAX / 2)
		return sg_strdup("");
	/* UTF-8 to UTF-16: at most one UTF-16 unit per byte */
	UChar stack[256], *u = len < sizeof stack / sizeof *stack ? stack : sg_malloc((len + 1) * sizeof *u);
	int32_t ulen = 0;
	UErrorCode e = U_ZERO_ERROR;
	u_strFromUTF8(u, (int32_t)len + 1, &ulen, s, (int32_t)len, &e);
	char *key;
	if (U_FAILURE(e)) {
		key = sg_strdup("");
	} else {
		uint8_t small[256];
		int32_t need = ucol_getSortKey(c, u, ulen, small, sizeof small);
		key = sg_malloc(need > 0 ? (size_t)need : 1);
		if (need <= (int32_t)sizeof small)
			memcpy(key, small, need > 0 ? (size_t)need : 0);
		else
			ucol_getSortKey(c, u, ulen, (uint8_t *)key, need);
		if (need <= 0)
			key[0] = '\0';
	}
	if (u != stack)
		free(u);
	return key;
}

bool sg_same_name(const char *a, const char *b)
{
	pthread_once(&swedish_once, open_swedish);
	if (!swedish_any_case)
		return strcmp(a, b) == 0;
	UErrorCode e = U_ZERO_ERROR;
	return ucol_strcollUTF8(swedish_any_case, a, -1, b, -1, &e) == UCOL_EQUAL && U_SUCCESS(e);
}
