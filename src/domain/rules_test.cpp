#include "domain/rules.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>

#include "domain/testdata.h"
#include "domain/vocabulary.h"

namespace voordeur::domain {
namespace {

using testing::read_table;

constexpr Id kTeam = 1;
constexpr Id kOtherTeam = 2;

Actor actor(const std::string& role, bool member) {
  Actor a;
  a.user_id = 10;
  a.username = "actor";
  a.role = role;
  a.teams.push_back(TeamRef{kOtherTeam, "Other team"});
  if (member) a.teams.push_back(TeamRef{kTeam, "The team"});
  return a;
}

TEST(Permissions, FollowTheTable) {
  for (const auto& row : read_table("permissions.tsv", 6)) {
    SCOPED_TRACE(row.where);
    const Actor a = actor(row[0], row[1] == "yes");
    EXPECT_EQ(can_see_team(a, kTeam), row[2] == "yes") << "see";
    EXPECT_EQ(can_work_in_team(a, kTeam), row[3] == "yes") << "work";
    EXPECT_EQ(can_decide(a, kTeam), row[4] == "yes") << "decide";
    EXPECT_EQ(can_manage_accounts(a), row[5] == "yes") << "accounts";
  }
}

TEST(Permissions, AnActorInNoTeamMayDoNothingInATeam) {
  for (const char* role : {"outreacher", "team_lead", "admin"}) {
    Actor a;
    a.role = role;
    EXPECT_FALSE(can_see_team(a, kTeam)) << role;
    EXPECT_FALSE(can_work_in_team(a, kTeam)) << role;
    EXPECT_FALSE(can_decide(a, kTeam)) << role;
  }
}

TEST(Permissions, EachRoleFollowsTheRoleTable) {
  for (const auto& row : read_table("role_permissions.tsv", 11)) {
    SCOPED_TRACE(row.where);
    const auto& p = permissions_of(row[0]);
    EXPECT_EQ(p.read_team_records, row[1] == "yes") << "read";
    EXPECT_EQ(p.field_work, row[2] == "yes") << "field";
    EXPECT_EQ(p.decide, row[3] == "yes") << "decide";
    EXPECT_EQ(p.manage_accounts, row[4] == "yes") << "accounts";
    EXPECT_EQ(p.submit_signals, row[5] == "yes") << "submit";
    EXPECT_EQ(p.follow_own_signals, row[6] == "yes") << "follow";
    EXPECT_EQ(p.read_figures, row[7] == "yes") << "figures";
    EXPECT_EQ(p.break_glass, row[8] == "yes") << "break_glass";
    EXPECT_EQ(p.review_break_glass, row[9] == "yes") << "review";
    EXPECT_EQ(p.review_all_teams, row[10] == "yes") << "review_all";
  }
}

TEST(Permissions, TheRoleTableCoversEveryRole) {
  std::set<std::string> listed;
  for (const auto& row : read_table("role_permissions.tsv", 11)) listed.insert(row[0]);
  for (const auto& role : vocab::roles) EXPECT_TRUE(listed.count(std::string(role))) << role;
}

TEST(Permissions, APartnerSubmitsOnlyIntoItsOwnTeamsAndSeesNothingThere) {
  const Actor member = actor("partner", true);
  EXPECT_TRUE(can_submit_signal(member, kTeam));
  EXPECT_FALSE(can_see_team(member, kTeam));
  EXPECT_FALSE(can_list_team_records(member));
  EXPECT_TRUE(can_follow_own_signals(member));
  EXPECT_FALSE(can_submit_signal(actor("partner", false), kTeam));
  EXPECT_FALSE(can_submit_signal(actor("reception", true), kTeam));
}

TEST(Permissions, BreakGlassIsForFieldWorkersOnAnotherTeamsCase) {
  EXPECT_TRUE(can_break_glass(actor("outreacher", false), kTeam));
  EXPECT_TRUE(can_break_glass(actor("team_lead", false), kTeam));
  EXPECT_FALSE(can_break_glass(actor("outreacher", true), kTeam)) << "own team: no emergency needed";
  for (const char* role : {"admin", "reception", "partner", "policy", "privacy_officer"}) {
    EXPECT_FALSE(can_break_glass(actor(role, false), kTeam)) << role;
  }
}

TEST(Permissions, TheTeamLeadAndThePrivacyOfficerReviewBreakGlass) {
  EXPECT_TRUE(can_review_break_glass(actor("team_lead", true), kTeam));
  EXPECT_FALSE(can_review_break_glass(actor("team_lead", false), kTeam));
  EXPECT_FALSE(can_review_break_glass(actor("outreacher", true), kTeam));
  EXPECT_TRUE(can_review_break_glass(actor("privacy_officer", false), kTeam));
  EXPECT_FALSE(can_review_break_glass(actor("admin", true), kTeam));
}

TEST(Permissions, OnlyPolicyReadsFigures) {
  for (const auto& role : vocab::roles) {
    EXPECT_EQ(can_read_figures(actor(std::string(role), true)), role == "policy") << role;
  }
}

TEST(Permissions, AnUnknownRoleMayDoNothing) {
  const Actor a = actor("guest", true);
  EXPECT_FALSE(can_see_team(a, kTeam));
  EXPECT_FALSE(can_work_in_team(a, kTeam));
  EXPECT_FALSE(can_decide(a, kTeam));
  EXPECT_FALSE(can_manage_accounts(a));
}

TEST(Assignees, FollowTheTable) {
  constexpr Id kWorker = 5;
  for (const auto& row : read_table("assignees.tsv", 5)) {
    SCOPED_TRACE(row.where);
    std::vector<User> candidates;
    // A user with an unrelated id is always present, so an unknown id is never found by accident.
    candidates.push_back(User{99, "bystander", "Bystander", "outreacher", true, {TeamRef{kTeam, ""}}});
    if (row[0] == "yes") {
      User u{kWorker, "worker", "Worker", row[1], row[2] == "yes", {}};
      if (!row.absent(3)) {
        std::istringstream in(row[3]);
        for (std::string id; std::getline(in, id, ',');) u.teams.push_back(TeamRef{std::stoll(id), ""});
      }
      EXPECT_EQ(is_assignable(u, kTeam), row[4] == "ok");
      candidates.push_back(u);
    }
    const auto errors = check_assignees(DecisionInput{"outreach", "reason", {kWorker}}, candidates, kTeam);
    if (row[4] == "ok") {
      EXPECT_TRUE(errors.empty()) << row.cells.back();
    } else {
      ASSERT_EQ(errors.size(), 1u) << row.cells.back();
      EXPECT_EQ(errors[0].field, "assigned_worker_ids[0]");
      EXPECT_EQ(errors[0].code, row[4]);
      EXPECT_FALSE(errors[0].message.empty());
    }
  }
}

TEST(Assignees, EachRefusedWorkerIsNamedByPosition) {
  const std::vector<User> candidates = {
      User{5, "ok", "Ok", "outreacher", true, {TeamRef{kTeam, ""}}},
      User{6, "gone", "Gone", "outreacher", false, {TeamRef{kTeam, ""}}},
  };
  const auto errors = check_assignees(DecisionInput{"outreach", "r", {6, 5, 7}}, candidates, kTeam);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "assigned_worker_ids[0]");
  EXPECT_EQ(errors[1].field, "assigned_worker_ids[2]");
}

TEST(Assignees, OnlyAnOutreachDecisionIsChecked) {
  EXPECT_TRUE(check_assignees(DecisionInput{"no_action", "r", {}}, {}, kTeam).empty());
}

TEST(CaseState, FollowsTheTable) {
  for (const auto& row : read_table("case_state.tsv", 3)) {
    SCOPED_TRACE(row.where);
    std::optional<Error> result;
    if (row[1] == "log_contact")
      result = check_can_log_contact(row[0]);
    else if (row[1] == "close")
      result = check_can_close(row[0]);
    else if (row[1] == "reopen")
      result = check_can_reopen(row[0]);
    else
      FAIL() << "unknown action " << row[1];
    if (row.absent(2)) {
      EXPECT_FALSE(result.has_value());
    } else {
      ASSERT_TRUE(result.has_value());
      EXPECT_EQ(result->code, row[2]);
    }
  }
}

TEST(CaseState, MessagesSayHowToProceed) {
  EXPECT_EQ(check_can_log_contact("closed")->message, "This case is closed; reopen it first.");
  EXPECT_EQ(check_can_close("closed")->message, "This case is closed; reopen it first.");
  EXPECT_EQ(check_can_reopen("open")->message, "This case is open; only a closed case can be reopened.");
}

TEST(DecidingASignal, IsAllowedUntilADecisionOpensACase) {
  Signal s;
  s.id = 3;
  EXPECT_FALSE(check_can_decide(s).has_value());

  s.decisions.push_back(Decision{1, "no_action", "Nothing yet", {}, 0, std::nullopt, {}});
  s.decisions.push_back(Decision{2, "referral", "GP", {}, 0, std::nullopt, {}});
  EXPECT_FALSE(check_can_decide(s).has_value());

  s.decisions.push_back(Decision{3, "outreach", "Visit", {}, 0, Id{42}, {}});
  auto error = check_can_decide(s);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->code, "conflict");
  EXPECT_EQ(error->message, "This signal already opened case 42; decide on the case instead.");

  Signal linked;
  linked.case_id = 17;
  error = check_can_decide(linked);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->message, "This signal already opened case 17; decide on the case instead.");
}

TEST(DaysSinceLastContact, FollowsTheTable) {
  for (const auto& row : read_table("days_since.tsv", 3)) {
    SCOPED_TRACE(row.where);
    const std::optional<std::string> last = row.absent(0) ? std::nullopt : std::optional<std::string>(row[0]);
    const auto days = days_since_last_contact(last, row[1]);
    if (row.absent(2)) {
      EXPECT_FALSE(days.has_value()) << row.cells.back();
    } else {
      ASSERT_TRUE(days.has_value()) << row.cells.back();
      EXPECT_EQ(*days, std::stoll(row[2])) << row.cells.back();
    }
  }
}

}  // namespace
}  // namespace voordeur::domain
