/* Swedish time without the process's TZ (util/swetime.c): the same instants as the tz
 * database gives for Europe/Stockholm, whatever TZ says; the hour the clocks skip in
 * spring and the hour that comes twice in autumn. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/swetime.h"

/* Every half hour from 1980 to 2037 (and every minute around the changes of 2015):
 * sg_sweden_time equals glibc's localtime_r in Europe/Stockholm. */
Test(swetime, agrees_with_the_tz_database)
{
	setenv("TZ", "Europe/Stockholm", 1);
	tzset();
	time_t from = 315532800;  /* 1980-01-01T00:00Z */
	time_t to = 2145916800;   /* 2038-01-01T00:00Z */
	size_t checked = 0;
	for (time_t t = from; t < to; t += 1800) {
		struct tm want, got;
		localtime_r(&t, &want);
		sg_sweden_time(t, &got);
		checked++;
		if (want.tm_year != got.tm_year || want.tm_mon != got.tm_mon || want.tm_mday != got.tm_mday ||
		    want.tm_hour != got.tm_hour || want.tm_min != got.tm_min || want.tm_isdst != got.tm_isdst ||
		    want.tm_wday != got.tm_wday) {
			cr_assert_fail("at %lld: tz database %04d-%02d-%02d %02d:%02d dst %d, sofgen %04d-%02d-%02d %02d:%02d dst %d",
			               (long long)t, want.tm_year + 1900, want.tm_mon + 1, want.tm_mday, want.tm_hour,
			               want.tm_min, want.tm_isdst, got.tm_year + 1900, got.tm_mon + 1, got.tm_mday, got.tm_hour,
			               got.tm_min, got.tm_isdst);
		}
	}
	cr_expect_gt(checked, 1000000);
}

/* The caller's TZ changes nothing: America/New_York and UTC+14 give the same text. */
Test(swetime, ignores_the_callers_tz)
{
	static const char *const zones[] = {"Europe/Stockholm", "America/New_York", "Etc/GMT-14", "Etc/GMT+12", "UTC"};
	time_t t = 1427592600; /* 2015-03-29T01:30:00Z: 03:30 in Sweden, in summer time */
	struct tm first;
	sg_sweden_time(t, &first);
	for (size_t i = 0; i < sizeof zones / sizeof *zones; i++) {
		setenv("TZ", zones[i], 1);
		tzset();
		struct tm tm;
		sg_sweden_time(t, &tm);
		cr_expect_eq(tm.tm_hour, 3, "TZ=%s", zones[i]);
		cr_expect_eq(tm.tm_min, 30, "TZ=%s", zones[i]);
		cr_expect_eq(tm.tm_isdst, 1, "TZ=%s", zones[i]);
		cr_expect(tm.tm_year == first.tm_year && tm.tm_yday == first.tm_yday && tm.tm_gmtoff == 7200, "TZ=%s",
		          zones[i]);
	}
}

Test(swetime, now_is_a_swedish_date_and_time)
{
	setenv("TZ", "Etc/GMT+12", 1);
	tzset();
	time_t before = time(NULL);
	char now[32];
	sg_sweden_now(now, sizeof now);
	time_t after = time(NULL);
	struct tm a, b;
	sg_sweden_time(before, &a);
	sg_sweden_time(after, &b);
	char wa[32], wb[32];
	strftime(wa, sizeof wa, "%Y-%m-%dT%H:%M", &a);
	strftime(wb, sizeof wb, "%Y-%m-%dT%H:%M", &b);
	cr_expect(strcmp(now, wa) == 0 || strcmp(now, wb) == 0, "now %s, expected %s", now, wa);
	cr_expect_eq(strlen(now), 16);
}

Test(swetime, the_skipped_and_the_repeated_hour)
{
	/* 2015: summer time from 29 March 02:00 (-> 03:00) to 25 October 03:00 (-> 02:00) */
	cr_expect_eq(sg_sweden_local_kind(2015, 3, 29, 1, 59), SG_LOCAL_ONCE);
	cr_expect_eq(sg_sweden_local_kind(2015, 3, 29, 2, 0), SG_LOCAL_SKIPPED);
	cr_expect_eq(sg_sweden_local_kind(2015, 3, 29, 2, 30), SG_LOCAL_SKIPPED);
	cr_expect_eq(sg_sweden_local_kind(2015, 3, 29, 2, 59), SG_LOCAL_SKIPPED);
	cr_expect_eq(sg_sweden_local_kind(2015, 3, 29, 3, 0), SG_LOCAL_ONCE);
	cr_expect_eq(sg_sweden_local_kind(2015, 3, 22, 2, 30), SG_LOCAL_ONCE);
	cr_expect_eq(sg_sweden_local_kind(2015, 10, 25, 1, 59), SG_LOCAL_ONCE);
	cr_expect_eq(sg_sweden_local_kind(2015, 10, 25, 2, 0), SG_LOCAL_TWICE);
	cr_expect_eq(sg_sweden_local_kind(2015, 10, 25, 2, 30), SG_LOCAL_TWICE);
	cr_expect_eq(sg_sweden_local_kind(2015, 10, 25, 3, 0), SG_LOCAL_ONCE);
	cr_expect_eq(sg_sweden_local_kind(2020, 3, 29, 2, 15), SG_LOCAL_SKIPPED);
	cr_expect_eq(sg_sweden_local_kind(2020, 10, 25, 2, 15), SG_LOCAL_TWICE);
	cr_expect_eq(sg_sweden_local_kind(1990, 9, 30, 2, 15), SG_LOCAL_TWICE); /* September until 1995 */
	cr_expect_eq(sg_sweden_local_kind(1990, 10, 28, 2, 15), SG_LOCAL_ONCE);
	cr_expect_eq(sg_sweden_local_kind(1975, 3, 30, 2, 15), SG_LOCAL_ONCE); /* no summer time */
}

/* Each change agrees with the tz database: a skipped local time is one that
 * mktime moves, a repeated one has two instants 3600 s apart. */
Test(swetime, changes_agree_with_the_tz_database)
{
	setenv("TZ", "Europe/Stockholm", 1);
	tzset();
	for (int y = 1981; y <= 2037; y++)
		for (int m = 3; m <= 10; m++)
			for (int d = 1; d <= 31; d++) {
				if (m == 4 || m == 6 || m == 9 || m == 11 ? d > 30 : 0)
					continue;
				struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 2, .tm_min = 30,
				                .tm_isdst = -1};
				struct tm summer = tm, winter = tm;
				summer.tm_isdst = 1;
				winter.tm_isdst = 0;
				time_t ts = mktime(&summer), tw = mktime(&winter);
				struct tm back_s, back_w;
				localtime_r(&ts, &back_s);
				localtime_r(&tw, &back_w);
				bool s_ok = back_s.tm_hour == 2 && back_s.tm_isdst == 1;
				bool w_ok = back_w.tm_hour == 2 && back_w.tm_isdst == 0;
				sg_local_kind want = s_ok && w_ok ? SG_LOCAL_TWICE : s_ok || w_ok ? SG_LOCAL_ONCE : SG_LOCAL_SKIPPED;
				cr_assert_eq(sg_sweden_local_kind(y, m, d, 2, 30), want, "%04d-%02d-%02dT02:30", y, m, d);
			}
}
