// Reporter feedback due dates and the overdue list with an injected clock, and the preparation
// use cases on a real SQLite file with demo data.
#include <gtest/gtest.h>

#include "app/accounts.h"
#include "app/app_test_support.h"
#include "app/preparation.h"
#include "app/signals.h"
#include "store/repository.h"

namespace voordeur::app {
namespace {

// 2026-11-22T12:00:00Z, a Sunday.
constexpr std::int64_t kSundayNoon = 1795348800;
constexpr std::int64_t kDay = 86400;

class TriageAppTest : public apptest::DemoAppTest {
 protected:
  TriageAppTest() : DemoAppTest("voordeur-triage-app-test-", kSundayNoon) {}
  domain::Id new_signal(SignalService& signals, const domain::Actor& a) {
    domain::SignalFields f;
    f.intake_date = "2026-11-20";
    f.reporter.name = "Melder Voorbeeld";
    f.reporter.kind = "private_person";
    f.person.name = "Persoon Voorbeeld";
    f.direct_reason = "nuisance";
    f.person_aware = "no";
    auto s = signals.create(a, std::nullopt, f);
    EXPECT_TRUE(s.ok());
    return s->id;
  }
};

TEST_F(TriageAppTest, FeedbackIsDueTheTeamsWorkingDaysAfterTheDecision) {
  SignalService signals(*db_, clock_, *access_log_);
  AccountService accounts(*db_, clock_);
  const auto outreacher = actor("demo-outreacher-a");
  const auto lead = actor("demo-lead-a");

  const auto first = new_signal(signals, outreacher);
  auto decided = signals.decide(lead, first, domain::DecisionInput{"no_action", "No concerns", {}});
  ASSERT_TRUE(decided.ok());
  EXPECT_EQ(decided->signal.feedback.due_on, "2026-11-27");  // Sunday + 5 working days

  ASSERT_TRUE(accounts.update_team(lead, lead.teams[0].id, TeamPatch{1}).ok());
  const auto second = new_signal(signals, outreacher);
  decided = signals.decide(lead, second, domain::DecisionInput{"referral", "GP", {}});
  ASSERT_TRUE(decided.ok());
  EXPECT_EQ(decided->signal.feedback.due_on, "2026-11-23");

  const auto is_overdue = [&](domain::Id id) {
    auto page = signals.list(lead, "all", 500, 0, "overdue");
    EXPECT_TRUE(page.ok());
    for (const auto& s : page->items)
      if (s.id == id) return true;
    return false;
  };
  EXPECT_FALSE(is_overdue(second));
  clock_.set(kSundayNoon + 1 * kDay);  // Monday 23rd: due today, not overdue yet
  EXPECT_FALSE(is_overdue(second));
  clock_.set(kSundayNoon + 2 * kDay);
  EXPECT_TRUE(is_overdue(second));

  auto refused = signals.record_feedback(outreacher, second, domain::FeedbackInput{"2026-11-25", "Told"});
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].code, "in_future");
  ASSERT_TRUE(signals.record_feedback(outreacher, second, domain::FeedbackInput{"2026-11-24", "Told"}).ok());
  EXPECT_FALSE(is_overdue(second));
}

TEST_F(TriageAppTest, OnlyAdminsAndTheTeamsLeadsChangeTeamSettings) {
  AccountService accounts(*db_, clock_);
  const auto team_a = actor("demo-lead-a").teams[0].id;
  EXPECT_EQ(accounts.update_team(actor("demo-outreacher-a"), team_a, TeamPatch{3}).error().code, "forbidden");
  EXPECT_EQ(accounts.update_team(actor("demo-lead-b"), team_a, TeamPatch{3}).error().code, "not_found");
  EXPECT_EQ(accounts.update_team(actor("demo-admin"), team_a, TeamPatch{31}).error().code, "validation_failed");
  auto ok = accounts.update_team(actor("demo-admin"), team_a, TeamPatch{3});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->feedback_working_days, 3);
}

TEST_F(TriageAppTest, PreparationIsForTheTeamAndOpenCasesOnly) {
  PreparationService preparation(*db_, clock_, *access_log_);
  const auto outreacher = actor("demo-outreacher-a");
  store::CaseFilter filter;
  filter.team_ids = {outreacher.teams[0].id};
  filter.status = "open";
  auto page = store::list_cases(db_->connection(), filter);
  ASSERT_FALSE(page.items.empty());
  const auto case_id = page.items[0].id;

  auto saved = preparation.save(outreacher, case_id, domain::PreparationFields{"Morning", "colleague", "Sam"});
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved->updated_at, kSundayNoon);
  auto added = preparation.add_prior_info(outreacher, case_id, domain::PriorInfoInput{"GP", "Known"});
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->prior_info.back().created_by.id, outreacher.user_id);

  EXPECT_EQ(preparation.get(actor("demo-outreacher-b"), case_id).error().code, "not_found");
  EXPECT_EQ(preparation.save(outreacher, case_id, domain::PreparationFields{"", "neighbour", ""}).error().code,
            "validation_failed");
}

}  // namespace
}  // namespace voordeur::app
