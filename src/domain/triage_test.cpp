// The triage checklist of a decision, reporter feedback and the preparation of the first visit.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "domain/dates.h"
#include "domain/rules.h"
#include "domain/testdata.h"
#include "domain/validation.h"

namespace voordeur::domain {
namespace {

using testing::normalised;
using testing::read_table;
using testing::summary;

std::vector<std::string> parse_list(const testing::Row& row, std::size_t at) {
  std::vector<std::string> out;
  if (row.absent(at)) return out;
  std::istringstream in(row[at]);
  for (std::string part; std::getline(in, part, ',');) out.push_back(part);
  return out;
}

TEST(WorkingDays, FollowTheTable) {
  for (const auto& row : read_table("working_days.tsv", 3)) {
    SCOPED_TRACE(row.where);
    const auto due = add_working_days(row.value(0), std::stoi(row[1]));
    if (row.absent(2)) {
      EXPECT_FALSE(due.has_value()) << row.cells.back();
    } else {
      ASSERT_TRUE(due.has_value()) << row.cells.back();
      EXPECT_EQ(*due, row[2]) << row.cells.back();
    }
  }
}

TEST(WorkingDays, NeverLandOnAWeekend) {
  for (int start = 0; start < 14; ++start) {
    const std::string date = date_from_day_number(*day_number("2025-06-01") + start);
    for (int n = 1; n <= 30; ++n) {
      const auto due = add_working_days(date, n);
      ASSERT_TRUE(due.has_value());
      const auto weekday = ((*day_number(*due) + 3) % 7 + 7) % 7;
      EXPECT_LT(weekday, 5) << date << " + " << n;
      EXPECT_GE(*days_between(date, *due), n) << date << " + " << n;
    }
  }
}

TEST(DecisionChecklist, FollowsTheTable) {
  for (const auto& row : read_table("decision_checklist.tsv", 5)) {
    SCOPED_TRACE(row.where);
    const Triage t{parse_list(row, 1), parse_list(row, 2), row.value(3)};
    EXPECT_EQ(summary(validate_triage(row.value(0), t)), normalised(row[4])) << row.cells.back();
  }
}

TEST(DecisionChecklist, NoteIsAShortText) {
  Triage t{{}, {"existing_care_trajectory"}, std::string(500, 'n')};
  EXPECT_EQ(summary(validate_triage("outreach", t)), "-");
  t.contra_indication_note += "n";
  EXPECT_EQ(summary(validate_triage("outreach", t)), "contra_indication_note:too_long");
}

TEST(FeedbackValidation, DateBetweenIntakeAndToday) {
  const auto check = [](const std::string& given_on, const std::string& told) {
    return summary(validate_feedback(FeedbackInput{given_on, told}, "2025-06-02", "2025-06-10"));
  };
  EXPECT_EQ(check("2025-06-10", "Told we will visit"), "-");
  EXPECT_EQ(check("2025-06-02", "Told we will visit"), "-");
  EXPECT_EQ(check("2025-06-11", "Told"), "given_on:in_future");
  EXPECT_EQ(check("2025-06-01", "Told"), "given_on:out_of_range");
  EXPECT_EQ(check("2025-02-30", "Told"), "given_on:invalid_date");
  EXPECT_EQ(check("", "Told"), "given_on:required");
  EXPECT_EQ(check("2025-06-05", "   "), "told:required");
  EXPECT_EQ(check("2025-06-05", std::string(2000, 't')), "-");
  EXPECT_EQ(check("2025-06-05", std::string(2001, 't')), "told:too_long");
}

TEST(FeedbackValidation, WorkingDaysFromOneToThirty) {
  EXPECT_EQ(summary(validate_feedback_working_days(1)), "-");
  EXPECT_EQ(summary(validate_feedback_working_days(30)), "-");
  EXPECT_EQ(summary(validate_feedback_working_days(0)), "feedback_working_days:out_of_range");
  EXPECT_EQ(summary(validate_feedback_working_days(31)), "feedback_working_days:out_of_range");
}

TEST(PreparationValidation, CompanionIsOneOfTheList) {
  EXPECT_EQ(summary(validate_preparation(PreparationFields{"Ring twice", "police_officer", "Wijkagent"})), "-");
  EXPECT_EQ(summary(validate_preparation(PreparationFields{"", "none", ""})), "-");
  EXPECT_EQ(summary(validate_preparation(PreparationFields{"", "neighbour", ""})), "companion:unknown_value");
  EXPECT_EQ(summary(validate_preparation(PreparationFields{std::string(4001, 's'), "none", std::string(501, 'c')})),
            "companion_name:too_long strategy:too_long");
}

TEST(PreparationValidation, PriorInfoNeedsSourceAndContent) {
  EXPECT_EQ(summary(validate_prior_info(PriorInfoInput{"GP", "Known since 2020"})), "-");
  EXPECT_EQ(summary(validate_prior_info(PriorInfoInput{"", " "})), "content:required source:required");
  EXPECT_EQ(summary(validate_prior_info(PriorInfoInput{std::string(501, 's'), std::string(4001, 'c')})),
            "content:too_long source:too_long");
}

TEST(TeamSettings, AdminOrALeadOfThatTeam) {
  const auto actor = [](std::string role, Id team) {
    Actor a;
    a.role = std::move(role);
    if (team != 0) a.teams.push_back(TeamRef{team, "Team"});
    return a;
  };
  EXPECT_TRUE(can_change_team_settings(actor("admin", 0), 7));
  EXPECT_TRUE(can_change_team_settings(actor("team_lead", 7), 7));
  EXPECT_FALSE(can_change_team_settings(actor("team_lead", 8), 7));
  EXPECT_FALSE(can_change_team_settings(actor("outreacher", 7), 7));
}

TEST(PreparationRules, OnlyAnOpenCaseIsPrepared) {
  EXPECT_FALSE(check_can_prepare("open").has_value());
  ASSERT_TRUE(check_can_prepare("closed").has_value());
  EXPECT_EQ(check_can_prepare("closed")->code, "case_closed");
}

}  // namespace
}  // namespace voordeur::domain
