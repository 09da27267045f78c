#include "domain/dates.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "domain/testdata.h"

namespace voordeur::domain {
namespace {

using testing::read_table;

TEST(Dates, ValidDatesFollowTheTable) {
  for (const auto& row : read_table("dates.tsv", 2)) {
    SCOPED_TRACE(row.where);
    EXPECT_EQ(is_valid_date(row.value(0)), row[1] == "yes") << row.cells.back();
  }
}

TEST(Dates, ValidLocalDatetimesFollowTheTable) {
  for (const auto& row : read_table("datetimes.tsv", 2)) {
    SCOPED_TRACE(row.where);
    EXPECT_EQ(is_valid_local_datetime(row.value(0)), row[1] == "yes") << row.cells.back();
  }
}

TEST(Dates, DayNumbersFollowTheTable) {
  for (const auto& row : read_table("day_numbers.tsv", 2)) {
    SCOPED_TRACE(row.where);
    const auto days = day_number(row.value(0));
    if (row.absent(1)) {
      EXPECT_FALSE(days.has_value());
    } else {
      ASSERT_TRUE(days.has_value());
      EXPECT_EQ(*days, std::stoll(row[1]));
      EXPECT_EQ(date_from_day_number(*days), row.value(0).substr(0, 10));
    }
  }
}

TEST(Dates, EveryDayFrom1900To2200RoundTripsAndFollowsItsPredecessor) {
  const auto first = day_number("1900-01-01");
  const auto last = day_number("2200-12-31");
  ASSERT_TRUE(first && last);
  std::string previous;
  for (auto d = *first; d <= *last; ++d) {
    const std::string text = date_from_day_number(d);
    ASSERT_TRUE(is_valid_date(text)) << text;
    ASSERT_EQ(day_number(text), d) << text;
    ASSERT_LT(previous, text);  // ISO dates sort as text
    previous = text;
  }
  // 301 years with 73 leap years (1904..2196 every fourth year, without 2100).
  EXPECT_EQ(*last - *first + 1, 301 * 365 + 73);
}

TEST(Dates, DayNumbersOutsideTheAcceptedYearsStillFormat) {
  EXPECT_EQ(date_from_day_number(-719528), "0000-01-01");
  EXPECT_EQ(date_from_day_number(-719529), "-0001-12-31");
  EXPECT_EQ(date_from_day_number(2932896), "9999-12-31");
}

TEST(Dates, TimestampsFollowTheTable) {
  for (const auto& row : read_table("timestamps.tsv", 2)) {
    SCOPED_TRACE(row.where);
    EXPECT_EQ(format_timestamp(std::stoll(row[0])), row[1]);
  }
}

TEST(Dates, TheExtremesOfSixtyFourBitSecondsDoNotOverflow) {
  EXPECT_EQ(format_timestamp(std::numeric_limits<std::int64_t>::max()), "292277026596-12-04T15:30:07Z");
  EXPECT_EQ(format_timestamp(std::numeric_limits<std::int64_t>::min()), "-292277022657-01-27T08:29:52Z");
}

TEST(Dates, TimestampDatePartRoundTripsThroughDayNumbers) {
  for (const std::int64_t seconds : {-2208988800LL, -1LL, 0LL, 951825599LL, 1795363715LL, 7289654399LL}) {
    const std::string text = format_timestamp(seconds);
    SCOPED_TRACE(text);
    const auto days = day_number(text.substr(0, 10));
    ASSERT_TRUE(days.has_value());
    const auto second_of_day = seconds - *days * 86400;
    ASSERT_GE(second_of_day, 0);
    ASSERT_LT(second_of_day, 86400);
    const auto hh = std::stoll(text.substr(11, 2));
    const auto mm = std::stoll(text.substr(14, 2));
    const auto ss = std::stoll(text.substr(17, 2));
    EXPECT_EQ(hh * 3600 + mm * 60 + ss, second_of_day);
  }
}

TEST(Dates, DaysBetweenCountsWholeDaysAndIgnoresTheTime) {
  EXPECT_EQ(days_between("2025-06-01", "2025-06-10"), 9);
  EXPECT_EQ(days_between("2025-06-10", "2025-06-01"), -9);
  EXPECT_EQ(days_between("2025-06-01T23:59", "2025-06-02T00:00"), 1);
  EXPECT_EQ(days_between("2024-02-28", "2024-03-01"), 2);
  EXPECT_EQ(days_between("2023-02-28", "2023-03-01"), 1);
  EXPECT_EQ(days_between("1999-12-31", "2000-12-31"), 366);
  EXPECT_FALSE(days_between("2025-02-30", "2025-03-01").has_value());
  EXPECT_FALSE(days_between("2025-03-01", "").has_value());
}

}  // namespace
}  // namespace voordeur::domain
