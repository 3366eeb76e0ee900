/* test_status.c — what an insats is on a given day (sg_insats_status_at,
 * sg_insats_takes_referrals_at): the dates decide, `status` only where they are
 * silent, at the precision the content gives (a day, a month or a year). */
#include <criterion/criterion.h>

#include "../../src/model/model.h"

static sg_insats make(sg_status status, const char *start, const char *end, bool given, bool open)
{
	sg_insats x = {0};
	x.status = status;
	x.start = (char *)start;
	x.end = (char *)end;
	x.referral.given = given;
	x.referral.open = open;
	return x;
}

Test(status, an_ended_insats_has_ended_whatever_status_says)
{
	sg_insats x = make(SG_STATUS_ACTIVE, "2015-01-01", "2015-12-31", true, true);
	cr_expect_eq(sg_insats_status_at(&x, "2026-12-04"), SG_STATUS_ENDED);
	cr_expect_not(sg_insats_takes_referrals_at(&x, "2026-12-04"));
	cr_expect_eq(sg_insats_status_at(&x, "2015-12-31T23:59"), SG_STATUS_ACTIVE, "its last day still counts");
	cr_expect(sg_insats_takes_referrals_at(&x, "2015-12-31"));
	cr_expect_eq(sg_insats_status_at(&x, "2016-01-01"), SG_STATUS_ENDED);
}

Test(status, a_future_start_is_planned_and_may_take_referrals)
{
	sg_insats x = make(SG_STATUS_ACTIVE, "2027-03-01", NULL, true, true);
	cr_expect_eq(sg_insats_status_at(&x, "2026-12-04"), SG_STATUS_PLANNED);
	cr_expect(sg_insats_takes_referrals_at(&x, "2026-12-04"), "referrals before the start are the editor's call");
	cr_expect_eq(sg_insats_status_at(&x, "2027-03-01"), SG_STATUS_ACTIVE);
}

Test(status, status_decides_only_where_the_dates_are_silent)
{
	sg_insats x = make(SG_STATUS_ENDED, "2020-01-01", "2030-12-31", true, true);
	cr_expect_eq(sg_insats_status_at(&x, "2026-12-04"), SG_STATUS_ENDED, "an insats can close early");
	cr_expect_not(sg_insats_takes_referrals_at(&x, "2026-12-04"));
	x = make(SG_STATUS_NONE, NULL, NULL, false, false);
	cr_expect_eq(sg_insats_status_at(&x, "2026-12-04"), SG_STATUS_NONE, "nothing says: not known");
	x = make(SG_STATUS_ACTIVE, NULL, NULL, false, false);
	cr_expect_eq(sg_insats_status_at(&x, "2026-12-04"), SG_STATUS_ACTIVE);
	x = make(SG_STATUS_NONE, "2020-01-01", NULL, false, false);
	cr_expect_eq(sg_insats_status_at(&x, "2026-12-04"), SG_STATUS_ACTIVE, "started and nothing says it is over");
	x = make(SG_STATUS_PLANNED, NULL, NULL, false, false);
	cr_expect_eq(sg_insats_status_at(&x, "2026-12-04"), SG_STATUS_PLANNED);
}

Test(status, months_and_years_end_when_they_are_over)
{
	sg_insats x = make(SG_STATUS_NONE, "2008", "2010-06", false, false);
	cr_expect_eq(sg_insats_status_at(&x, "2010-06-30"), SG_STATUS_ACTIVE);
	cr_expect_eq(sg_insats_status_at(&x, "2010-07-01"), SG_STATUS_ENDED);
	cr_expect_eq(sg_insats_status_at(&x, "2008-01-01"), SG_STATUS_ACTIVE, "a year starts on its first day");
	cr_expect_eq(sg_insats_status_at(&x, "2007-12-31"), SG_STATUS_PLANNED);
	x = make(SG_STATUS_NONE, NULL, "2010", false, false);
	cr_expect_eq(sg_insats_status_at(&x, "2010-12-31"), SG_STATUS_NONE);
	cr_expect_eq(sg_insats_status_at(&x, "2011-01-01"), SG_STATUS_ENDED);
}

Test(status, no_referral_block_or_a_closed_one_takes_none)
{
	sg_insats x = make(SG_STATUS_ACTIVE, "2020-01-01", NULL, false, false);
	cr_expect_not(sg_insats_takes_referrals_at(&x, "2026-12-04"));
	x = make(SG_STATUS_ACTIVE, "2020-01-01", NULL, true, false);
	cr_expect_not(sg_insats_takes_referrals_at(&x, "2026-12-04"));
	x = make(SG_STATUS_ACTIVE, "2020-01-01", NULL, true, true);
	cr_expect(sg_insats_takes_referrals_at(&x, "2026-12-04"));
}
