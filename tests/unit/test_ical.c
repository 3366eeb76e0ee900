/* iCalendar feeds (src/write/ical.c): whole output, folding, escaping, all-day
 * DTEND arithmetic and CRLF line ends (RFC 5545). */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "write/ical.h"

#define PRODID "-//sofgen//sofgen 1.0//SV"
#define STAMP "20240101T000000Z"

static const char vtimezone[] = "BEGIN:VTIMEZONE\r\n"
                                "TZID:Europe/Stockholm\r\n"
                                "BEGIN:STANDARD\r\n"
                                "TZNAME:CET\r\n"
                                "TZOFFSETFROM:+0200\r\n"
                                "TZOFFSETTO:+0100\r\n"
                                "DTSTART:19701025T030000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                                "END:STANDARD\r\n"
                                "BEGIN:DAYLIGHT\r\n"
                                "TZNAME:CEST\r\n"
                                "TZOFFSETFROM:+0100\r\n"
                                "TZOFFSETTO:+0200\r\n"
                                "DTSTART:19700329T020000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                                "END:DAYLIGHT\r\n"
                                "END:VTIMEZONE\r\n";

/* The calendar of the given events as a string the caller frees. */
static char *render(const sg_ical_event *ev, size_t n)
{
	sg_buf b = SG_BUF_INIT;
	sg_ical_render(&b, PRODID, "Evenemang", ev, n, STAMP);
	return sg_buf_detach(&b);
}

/* The text with every fold (CRLF and one space or tab) taken out. */
static char *unfold(const char *s)
{
	char *u = malloc(strlen(s) + 1), *o = u;
	while (*s) {
		if (s[0] == '\r' && s[1] == '\n' && (s[2] == ' ' || s[2] == '\t'))
			s += 3;
		else
			*o++ = *s++;
	}
	*o = '\0';
	return u;
}

/* Whether s[0..len) is complete, well-formed UTF-8 (no sequence cut at either end). */
static bool utf8_whole(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t n = s[i] < 0x80 ? 1 : (s[i] & 0xE0) == 0xC0 ? 2 : (s[i] & 0xF0) == 0xE0 ? 3 : (s[i] & 0xF8) == 0xF0 ? 4 : 0;
		if (n == 0 || i + n > len)
			return false;
		for (size_t k = 1; k < n; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
		i += n;
	}
	return true;
}

/* Every line ends in CRLF, there is no CR or LF elsewhere, and the text ends with a
 * line end. */
static void assert_crlf_only(const char *s)
{
	size_t len = strlen(s);
	cr_assert(len >= 2 && s[len - 2] == '\r' && s[len - 1] == '\n', "ends with CRLF");
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			cr_assert(i > 0 && s[i - 1] == '\r', "bare LF at octet %zu", i);
		if (s[i] == '\r')
			cr_assert(s[i + 1] == '\n', "bare CR at octet %zu", i);
	}
}

/* Every physical line is at most 75 octets without its CRLF and whole UTF-8. */
static void assert_lines_folded(const char *s)
{
	const char *p = s;
	while (*p) {
		const char *eol = strstr(p, "\r\n");
		cr_assert_not_null(eol);
		size_t len = (size_t)(eol - p);
		cr_assert_leq(len, 75, "line of %zu octets: %.*s", len, (int)len, p);
		cr_assert(utf8_whole((const unsigned char *)p, len), "UTF-8 split at a fold: %.*s", (int)len, p);
		p = eol + 2;
	}
}

/* The value of the first line "name:…" in the unfolded text, as a fresh string. */
static char *prop(const char *cal, const char *name)
{
	char *u = unfold(cal);
	size_t nl = strlen(name);
	char *found = NULL;
	for (char *p = u; *p; p = strstr(p, "\r\n") + 2) {
		if (strncmp(p, name, nl) == 0 && p[nl] == ':') {
			size_t len = (size_t)(strstr(p, "\r\n") - p) - nl - 1;
			found = strndup(p + nl + 1, len);
			break;
		}
	}
	free(u);
	return found;
}

Test(ical, small_calendar_is_exactly_rfc5545)
{
	const sg_ical_event ev[] = {
		{"evenemang/arsmote@example.se", "Årsmöte", "Dagordning:\n1. Val\n2. Fika", "Åsa gård, Borås",
		 "https://example.se/evenemang/arsmote/", "2024-03-14T18:00", "2024-03-14T20:30"},
		{"evenemang/temadagar@example.se", "Temadagar", NULL, NULL, NULL, "2024-05-30", "2024-05-31"},
		{"evenemang/frukost@example.se", "Frukostmöte", "", "", "", "2024-06-04T08:00", NULL},
	};
	sg_buf b = SG_BUF_INIT;
	sg_ical_render(&b, PRODID, "Evenemang – Sjuhärad", ev, 3, STAMP);
	sg_buf want = SG_BUF_INIT;
	sg_buf_puts(&want, "BEGIN:VCALENDAR\r\n"
	                   "VERSION:2.0\r\n"
	                   "PRODID:-//sofgen//sofgen 1.0//SV\r\n"
	                   "CALSCALE:GREGORIAN\r\n"
	                   "METHOD:PUBLISH\r\n"
	                   "X-WR-CALNAME:Evenemang – Sjuhärad\r\n"
	                   "X-WR-TIMEZONE:Europe/Stockholm\r\n");
	sg_buf_puts(&want, vtimezone);
	sg_buf_puts(&want, "BEGIN:VEVENT\r\n"
	                   "UID:evenemang/arsmote@example.se\r\n"
	                   "DTSTAMP:20240101T000000Z\r\n"
	                   "DTSTART;TZID=Europe/Stockholm:20240314T180000\r\n"
	                   "DTEND;TZID=Europe/Stockholm:20240314T203000\r\n"
	                   "SUMMARY:Årsmöte\r\n"
	                   "DESCRIPTION:Dagordning:\\n1. Val\\n2. Fika\r\n"
	                   "LOCATION:Åsa gård\\, Borås\r\n"
	                   "URL:https://example.se/evenemang/arsmote/\r\n"
	                   "END:VEVENT\r\n"
	                   "BEGIN:VEVENT\r\n"
	                   "UID:evenemang/temadagar@example.se\r\n"
	                   "DTSTAMP:20240101T000000Z\r\n"
	                   "DTSTART;VALUE=DATE:20240530\r\n"
	                   "DTEND;VALUE=DATE:20240601\r\n"
	                   "SUMMARY:Temadagar\r\n"
	                   "END:VEVENT\r\n"
	                   "BEGIN:VEVENT\r\n"
	                   "UID:evenemang/frukost@example.se\r\n"
	                   "DTSTAMP:20240101T000000Z\r\n"
	                   "DTSTART;TZID=Europe/Stockholm:20240604T080000\r\n"
	                   "SUMMARY:Frukostmöte\r\n"
	                   "END:VEVENT\r\n"
	                   "END:VCALENDAR\r\n");
	cr_assert_str_eq(sg_buf_cstr(&b), sg_buf_cstr(&want));
	assert_crlf_only(sg_buf_cstr(&b));
	assert_lines_folded(sg_buf_cstr(&b));
	sg_buf_free(&want);
	sg_buf_free(&b);
}

Test(ical, appends_to_what_is_in_the_buffer)
{
	sg_buf b = SG_BUF_INIT;
	sg_buf_puts(&b, "före");
	sg_ical_render(&b, PRODID, NULL, NULL, 0, STAMP);
	const char *s = sg_buf_cstr(&b);
	cr_assert(strncmp(s, "föreBEGIN:VCALENDAR\r\n", 21) == 0, "%s", s);
	cr_assert_null(strstr(s, "X-WR-CALNAME"), "no calendar name given");
	cr_assert_not_null(strstr(s, vtimezone), "one VTIMEZONE even without events");
	cr_assert_null(strstr(s, "BEGIN:VEVENT"));
	cr_assert(strcmp(s + strlen(s) - 15, "END:VCALENDAR\r\n") == 0);
	sg_buf_free(&b);
}

Test(ical, long_swedish_summary_folds_at_75_octets_on_character_boundaries)
{
	const char *summary = "Årsmöte för Sjuhärads samordningsförbund på Åsa gård i Borås: vi går igenom årets "
	                      "insatser, äter smörgåstårta och öl; väljer styrelse för nästa år. Välkomna alla "
	                      "ägare, vi ses nu";
	cr_assert_eq(strlen(summary), 200);
	sg_ical_event ev = {"u@example.se", summary, NULL, NULL, NULL, "2024-03-14T18:00", NULL};
	char *cal = render(&ev, 1);
	assert_crlf_only(cal);
	assert_lines_folded(cal);

	/* The SUMMARY is cut in three: SUMMARY: + 66 octets (the 75th would split "å"),
	 * then continuation lines of a space and up to 74 octets. */
	const char *p = strstr(cal, "\r\nSUMMARY:") + 2;
	const char *l2 = strstr(p, "\r\n") + 2, *l3 = strstr(l2, "\r\n") + 2, *l4 = strstr(l3, "\r\n") + 2;
	cr_assert_eq(l2 - p - 2, 74, "first line backs off the split å");
	cr_assert(l2[0] == ' ' && l3[0] == ' ', "continuation lines start with a space");
	cr_assert_eq(l3 - l2 - 2, 75);
	cr_assert(strncmp(l4, "END:VEVENT\r\n", 12) == 0, "three lines in all: %s", p);

	char *got = prop(cal, "SUMMARY");
	cr_assert_str_eq(got, "Årsmöte för Sjuhärads samordningsförbund på Åsa gård i Borås: vi går igenom årets "
	                      "insatser\\, äter smörgåstårta och öl\\; väljer styrelse för nästa år. Välkomna alla "
	                      "ägare\\, vi ses nu",
	                 "unfolding gives back the (escaped) original");
	free(got);
	free(cal);
}

Test(ical, folds_exactly_past_75_octets_and_never_inside_a_sequence)
{
	/* "SUMMARY:" is 8 octets: 67 more make a line of exactly 75, which stays whole. */
	char s75[68], s76[69];
	memset(s75, 'x', 67);
	s75[67] = '\0';
	memset(s76, 'x', 68);
	s76[68] = '\0';
	/* Every 4-octet emoji and 3-octet euro sign, so any cut would have to back off. */
	sg_buf wide = SG_BUF_INIT;
	for (int i = 0; i < 40; i++)
		sg_buf_puts(&wide, i % 2 ? "\xF0\x9F\x8E\x89" : "\xE2\x82\xAC");
	sg_ical_event ev[] = {
		{"a@x", s75, NULL, NULL, NULL, "2024-01-01", NULL},
		{"b@x", s76, NULL, NULL, NULL, "2024-01-01", NULL},
		{"c@x", sg_buf_cstr(&wide), NULL, NULL, NULL, "2024-01-01", NULL},
	};
	char *cal = render(ev, 3);
	assert_crlf_only(cal);
	assert_lines_folded(cal);
	char *line75 = strstr(cal, "SUMMARY:x");
	cr_assert_eq(strstr(line75, "\r\n") - line75, 75, "a 75-octet line is not folded");
	char *line76 = strstr(line75 + 75, "SUMMARY:x");
	cr_assert(strncmp(line76 + 75, "\r\n x\r\n", 6) == 0, "a 76-octet line is: %s", line76);
	char *got = prop(cal, "SUMMARY");
	cr_assert_str_eq(got, s75);
	free(got);
	char *u = unfold(cal);
	sg_buf want = SG_BUF_INIT;
	sg_buf_printf(&want, "\r\nSUMMARY:%s\r\n", sg_buf_cstr(&wide));
	cr_assert_not_null(strstr(u, sg_buf_cstr(&want)), "multi-octet text unfolds to the original");
	sg_buf_free(&want);
	free(u);
	free(cal);
	sg_buf_free(&wide);
}

Test(ical, text_values_are_escaped)
{
	sg_ical_event ev = {"id,1;x\\y@example.se", "Möte; fika, prat \\ mer", "Rad ett\nRad två\r\nRad tre\rslut\x01\x7f\ttabb",
	                    "Borås, Sjuhärad; Sverige", "https://example.se/a,b;c/", "2024-03-14", NULL};
	sg_buf b = SG_BUF_INIT;
	sg_ical_render(&b, "-//a, b; c\\d//SV", "Kalender, med; allt\\", &ev, 1, STAMP);
	const char *cal = sg_buf_cstr(&b);
	assert_crlf_only(cal);
	struct {
		const char *name, *want;
	} cases[] = {
		{"PRODID", "-//a\\, b\\; c\\\\d//SV"},
		{"X-WR-CALNAME", "Kalender\\, med\\; allt\\\\"},
		{"UID", "id\\,1\\;x\\\\y@example.se"},
		{"SUMMARY", "Möte\\; fika\\, prat \\\\ mer"},
		{"DESCRIPTION", "Rad ett\\nRad två\\nRad tre\\nslut\ttabb"},
		{"LOCATION", "Borås\\, Sjuhärad\\; Sverige"},
		{"URL", "https://example.se/a,b;c/"}, /* a URI, not TEXT */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = prop(cal, cases[i].name);
		cr_assert_not_null(got, "%s missing", cases[i].name);
		cr_assert_str_eq(got, cases[i].want, "%s", cases[i].name);
		free(got);
	}
	sg_buf_free(&b);
}

Test(ical, all_day_dtend_is_the_day_after_across_months_years_and_leap_days)
{
	struct {
		const char *start, *end, *dtstart, *dtend;
	} cases[] = {
		{"2015-12-31", NULL, "20151231", "20160101"},         /* year end */
		{"2015-12-30", "2015-12-31", "20151230", "20160101"}, /* last day is the year's last */
		{"2016-02-28", NULL, "20160228", "20160229"},         /* leap year */
		{"2016-02-29", NULL, "20160229", "20160301"},
		{"2016-02-27", "2016-02-29", "20160227", "20160301"},
		{"2015-02-28", NULL, "20150228", "20150301"}, /* not a leap year */
		{"1900-02-28", NULL, "19000228", "19000301"}, /* century: not a leap year */
		{"2000-02-28", NULL, "20000228", "20000229"}, /* 400th year: leap */
		{"2024-04-30", NULL, "20240430", "20240501"}, /* 30-day month */
		{"2024-01-31", NULL, "20240131", "20240201"},
		{"2024-05-30", "2024-05-30", "20240530", "20240531"}, /* one day, end given */
		{"2024-05-30", "2024-05-29", "20240530", "20240531"}, /* end before start: ignored */
		{"2024-05-30", "2024-06-02T10:00", "20240530", "20240531"}, /* other form: ignored */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sg_ical_event ev = {"d@example.se", "Dag", NULL, NULL, NULL, cases[i].start, cases[i].end};
		char *cal = render(&ev, 1);
		char *s = prop(cal, "DTSTART;VALUE=DATE"), *e = prop(cal, "DTEND;VALUE=DATE");
		cr_assert_not_null(s, "%s", cases[i].start);
		cr_assert_not_null(e, "%s", cases[i].start);
		cr_assert_str_eq(s, cases[i].dtstart, "%s", cases[i].start);
		cr_assert_str_eq(e, cases[i].dtend, "%s – %s", cases[i].start, cases[i].end ? cases[i].end : "");
		free(s);
		free(e);
		free(cal);
	}
}

Test(ical, timed_end_must_be_later_and_of_the_same_form)
{
	struct {
		const char *end, *dtend; /* dtend NULL: no DTEND */
	} cases[] = {
		{NULL, NULL},
		{"2024-03-14T20:00", "20240314T200000"},
		{"2024-03-15T01:30", "20240315T013000"}, /* past midnight */
		{"2024-03-14T18:00", NULL},              /* not later */
		{"2024-03-14T17:59", NULL},
		{"2024-03-15", NULL}, /* a date: other form */
		{"2024-03-14T25:00", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sg_ical_event ev = {"t@example.se", "Tid", NULL, NULL, NULL, "2024-03-14T18:00", cases[i].end};
		char *cal = render(&ev, 1);
		char *s = prop(cal, "DTSTART;TZID=Europe/Stockholm"), *e = prop(cal, "DTEND;TZID=Europe/Stockholm");
		cr_assert_not_null(s);
		cr_assert_str_eq(s, "20240314T180000");
		if (cases[i].dtend) {
			cr_assert_not_null(e, "%s", cases[i].end);
			cr_assert_str_eq(e, cases[i].dtend);
		} else {
			cr_assert_null(strstr(cal, "DTEND"), "%s: %s", cases[i].end ? cases[i].end : "NULL", cal);
		}
		free(s);
		free(e);
		free(cal);
	}
}

Test(ical, events_without_uid_or_valid_start_are_left_out)
{
	sg_ical_event ev[] = {
		{"ok1@x", "Ett", NULL, NULL, NULL, "2024-03-14", NULL},
		{NULL, "Utan uid", NULL, NULL, NULL, "2024-03-14", NULL},
		{"bad1@x", "Fel", NULL, NULL, NULL, "2023-02-29", NULL},
		{"bad2@x", "Fel", NULL, NULL, NULL, "14 mars", NULL},
		{"bad3@x", "Fel", NULL, NULL, NULL, NULL, NULL},
		{"ok2@x", "Två", NULL, NULL, NULL, "2024-03-14T09:05", NULL},
	};
	char *cal = render(ev, 6);
	const char *first = strstr(cal, "UID:ok1@x"), *second = strstr(cal, "UID:ok2@x");
	cr_assert(first && second && first < second, "kept events in order: %s", cal);
	cr_assert_null(strstr(cal, "Utan uid"));
	cr_assert_null(strstr(cal, "bad"));
	size_t n = 0;
	for (const char *p = cal; (p = strstr(p, "BEGIN:VEVENT")); p++)
		n++;
	cr_assert_eq(n, 2);
	free(cal);
}

Test(ical, when_valid_takes_the_two_forms_and_real_days_only)
{
	const char *good[] = {"2024-03-14", "2016-02-29", "2000-02-29", "2024-12-31T23:59", "2024-01-01T00:00",
	                      "0001-01-01", "9998-12-31"};
	const char *bad[] = {NULL,          "",           "2024-3-14",        "2024-03-14 18:00", "2024-03-14T18:00:00",
	                     "2015-02-29",  "1900-02-29", "2024-04-31",       "2024-13-01",       "2024-00-10",
	                     "2024-01-00",  "0000-01-01", "9999-01-01",       "2024-03-14T24:00", "2024-03-14T12:60",
	                     "2024-03-14t18:00", "2024/03/14", "2024-03-1a", "+024-03-14"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		cr_assert(sg_ical_when_valid(good[i]), "%s", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		cr_assert_not(sg_ical_when_valid(bad[i]), "%s", bad[i] ? bad[i] : "NULL");
}
