// Monitoring and the process review: the rules of domain/monitoring.h and their validation, from
// the tables testdata/check_in_rules.tsv, check_in_outcomes.tsv, review_due.tsv, monitoring_forms.tsv.
#include "domain/monitoring.h"

#include <gtest/gtest.h>

#include <string>

#include "domain/testdata.h"
#include "domain/validation.h"

namespace voordeur::domain {
namespace {

using testing::normalised;
using testing::read_table;
using testing::summary;

TEST(Monitoring, SchedulingCheckInsFollowsTheTable) {
  for (const auto& row : read_table("check_in_rules.tsv", 4)) {
    SCOPED_TRACE(row.where);
    const auto e = check_can_schedule_check_in(row[0], row.value(1), std::stoll(row[2]));
    EXPECT_EQ(e ? e->code : "-", row[3]);
  }
}

TEST(Monitoring, OutcomesSuggestingReopenFollowTheTable) {
  for (const auto& row : read_table("check_in_outcomes.tsv", 2)) {
    SCOPED_TRACE(row.where);
    EXPECT_EQ(suggests_reopen(row[0]) ? "yes" : "no", row[1]);
  }
}

TEST(Monitoring, ReviewDueFollowsTheTable) {
  for (const auto& row : read_table("review_due.tsv", 3)) {
    SCOPED_TRACE(row.where);
    EXPECT_EQ(is_review_due(row[0], row[1]) ? "yes" : "no", row[2]);
  }
}

TEST(Monitoring, FormsAreValidatedByTheTable) {
  const std::string today = "2026-11-22";
  for (const auto& row : read_table("monitoring_forms.tsv", 6)) {
    SCOPED_TRACE(row.where);
    std::vector<FieldError> errors;
    if (row[0] == "check_in") {
      CheckInInput in{row.value(1), std::nullopt};
      if (!row.absent(2)) in.worker_id = std::stoll(row[2]);
      errors = validate_check_in(in);
    } else if (row[0] == "outcome") {
      errors = validate_check_in_outcome(CheckInOutcomeInput{row.value(1), row.value(2), row.value(3)}, today);
    } else {
      errors = validate_review(ReviewInput{row.value(1), row.value(3), "Notes", row.value(4)}, today);
    }
    EXPECT_EQ(summary(errors), normalised(row[5]));
  }
}

}  // namespace
}  // namespace voordeur::domain
