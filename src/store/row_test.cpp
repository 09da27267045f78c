#include <gtest/gtest.h>

#include <limits>

#include "store/db.h"

namespace voordeur::store {
namespace {

Row row_of(std::vector<std::optional<std::string>> cols) { return Row(std::move(cols)); }

TEST(Row, IntegerParsesDecimalTextIncludingTheExtremes) {
  const Row row = row_of({"0", "-17", "9223372036854775807", "-9223372036854775808"});
  EXPECT_EQ(row.integer(0), 0);
  EXPECT_EQ(row.integer(1), -17);
  EXPECT_EQ(row.integer(2), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(row.integer(3), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(row.opt_integer(1), std::optional<std::int64_t>(-17));
}

TEST(Row, IntegerRejectsNullAndNonIntegers) {
  const Row row = row_of({std::nullopt, "", "12a", "1.5", "9223372036854775808", " 3"});
  for (std::size_t i = 0; i < row.size(); ++i) {
    try {
      row.integer(i);
      ADD_FAILURE() << "column " << i << " was accepted";
    } catch (const DbError& e) {
      EXPECT_EQ(e.kind(), DbError::Kind::other);
    }
  }
  EXPECT_EQ(row.opt_integer(0), std::nullopt);
  EXPECT_THROW(row.opt_integer(2), DbError);
}

TEST(Row, TextGivesEmptyForNullAndOptTextKeepsTheDifference) {
  const Row row = row_of({std::nullopt, "", "tekst"});
  EXPECT_TRUE(row.is_null(0));
  EXPECT_FALSE(row.is_null(1));
  EXPECT_EQ(row.text(0), "");
  EXPECT_EQ(row.text(2), "tekst");
  EXPECT_EQ(row.opt_text(0), std::nullopt);
  EXPECT_EQ(row.opt_text(1), std::optional<std::string>(""));
}

TEST(Row, OutOfRangeColumnThrows) {
  const Row row = row_of({"1"});
  EXPECT_THROW(row.integer(1), std::out_of_range);
  EXPECT_THROW(row.text(1), std::out_of_range);
}

}  // namespace
}  // namespace voordeur::store
