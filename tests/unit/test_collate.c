/* Swedish alphabetical order (util/collate.c): real kommun names in the order of
 * Swedish collation (CLDR "sv", SAOL 13): a–z, then å, ä, ö; v before w; é as e, ü as y. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "util/collate.h"

static int by_collate(const void *a, const void *b) { return sg_collate(*(char *const *)a, *(char *const *)b); }

static int by_key(const void *a, const void *b)
{
	char *ka = sg_collate_key(*(char *const *)a), *kb = sg_collate_key(*(char *const *)b);
	int c = strcmp(ka, kb);
	free(ka), free(kb);
	return c ? c : strcmp(*(char *const *)a, *(char *const *)b);
}

/* The Swedish order; the test shuffles it (reversed, then every other) and sorts it back. */
static const char *const swedish[] = {
	"Ale",       "Alingsås",   "Eda",       "Essunga",  "Habo",     "Håbo",      "Härjedalen", "Höör",
	"Uppvidinge", "Vansbro",   "Vara",      "Vaxholm",  "Vellinge", "Västerås",  "Wadköping",  "Yngve",
	"Ystad",     "Zinkgruvan", "Åmål",      "Åre",      "Åsele",    "Älmhult",   "Älvkarleby", "Älvsbyn",
	"Ängelholm", "Öckerö",     "Ödeshög",   "Örebro",   "Örkelljunga", "Österåker", "Östhammar",
};
#define N (sizeof swedish / sizeof *swedish)

static void sorts_back(int (*cmp)(const void *, const void *))
{
	const char *x[N];
	for (size_t i = 0; i < N; i++) /* reversed, then every other pair swapped */
		x[i] = swedish[N - 1 - i];
	for (size_t i = 0; i + 1 < N; i += 2) {
		const char *t = x[i];
		x[i] = x[i + 1];
		x[i + 1] = t;
	}
	qsort(x, N, sizeof *x, cmp);
	for (size_t i = 0; i < N; i++)
		cr_expect_str_eq(x[i], swedish[i], "position %zu", i);
}

Test(collate, sorts_kommun_names_in_swedish_order) { sorts_back(by_collate); }
Test(collate, sort_keys_give_the_same_order) { sorts_back(by_key); }

Test(collate, capital_a_ring_before_capital_a_umlaut_before_o_umlaut)
{
	cr_expect_lt(sg_collate("Åmål", "Ängelholm"), 0);
	cr_expect_lt(sg_collate("Åre", "Älvsbyn"), 0);
	cr_expect_lt(sg_collate("Ängelholm", "Örebro"), 0);
	cr_expect_lt(sg_collate("Zinkgruvan", "Åmål"), 0);
	cr_expect_lt(sg_collate("åre", "Älvsbyn"), 0); /* case does not decide */
	cr_expect_lt(sg_collate("Ål", "äl"), 0);
}

Test(collate, accented_letters_sort_with_their_base_letter)
{
	cr_expect_lt(sg_collate("Eda", "Ésa"), 0); /* é is e: "Esa" */
	cr_expect_lt(sg_collate("Ésa", "Eslöv"), 0);
	cr_expect_lt(sg_collate("Ülla", "Yngve"), 0); /* ü is y: "Ylla" */
	cr_expect_lt(sg_collate("Yasmine", "Ülla"), 0);
	cr_expect_lt(sg_collate("Ülla", "Zeta"), 0); /* not after ö */
	cr_expect_lt(sg_collate("Čačak", "Dala"), 0); /* č is c */
	cr_expect_lt(sg_collate("Łódź", "Malmö"), 0); /* ł is l */
	cr_expect_lt(sg_collate("Æbeltoft", "Ölme"), 0); /* æ is ä */
	cr_expect_gt(sg_collate("Øster", "Ängelholm"), 0); /* ø is ö */
	cr_expect_lt(sg_collate("Vaxholm", "Waxholm"), 0); /* v and w are two letters */
	cr_expect_lt(sg_collate("Västerås", "Wadköping"), 0);
}

Test(collate, equal_names_are_ordered_by_bytes)
{
	cr_expect_eq(sg_collate("Borås", "Borås"), 0);
	cr_expect_neq(sg_collate("Asa", "asa"), 0);
	cr_expect_eq(sg_collate("Asa", "asa"), -sg_collate("asa", "Asa"));
	cr_expect_lt(sg_collate("", "a"), 0);
}
