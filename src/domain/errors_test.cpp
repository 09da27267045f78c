#include "domain/errors.h"

#include <gtest/gtest.h>

#include <string>

namespace voordeur::domain {
namespace {

TEST(ValidationError, CountsInvalidFieldsInTheMessage) {
  const Error one = validation_error({FieldError{"reason", "required", "Fill in this field."}});
  EXPECT_EQ(one.code, "validation_failed");
  EXPECT_EQ(one.message, "1 field is invalid; correct it and send again.");
  ASSERT_EQ(one.fields.size(), 1u);
  EXPECT_EQ(one.fields[0].field, "reason");

  const Error two =
      validation_error({FieldError{"reason", "required", "a"}, FieldError{"decision", "required", "b"}});
  EXPECT_EQ(two.message, "2 fields are invalid; correct them and send again.");
  EXPECT_EQ(two.fields.size(), 2u);
}

TEST(ValidationError, ASecondProblemWithTheSameFieldIsStillOneField) {
  const Error e = validation_error({FieldError{"username", "out_of_range", "a"},
                                    FieldError{"username", "out_of_range", "b"},
                                    FieldError{"password", "required", "c"}});
  EXPECT_EQ(e.message, "2 fields are invalid; correct them and send again.");
  EXPECT_EQ(e.fields.size(), 3u);
}

TEST(ResultType, HoldsAValueOrAnError) {
  Result<int> good(7);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 7);
  Result<int> bad(make_error("not_found", "No such case."));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "not_found");
  EXPECT_TRUE(bad.error().fields.empty());
}

}  // namespace
}  // namespace voordeur::domain
