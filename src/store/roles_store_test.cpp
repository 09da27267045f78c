// Repository functions of roles and scoping (break-glass grants, a partner's signals, the counts
// behind the policy figures), on SQLite and PostgreSQL (VOORDEUR_TEST_PG_URL). All people are fictional.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>

#include "store/repository.h"
#include "store/roles_repository.h"
#include "store/store_test_fixture.h"

namespace voordeur::store {
namespace {

using storetest::Backend;
using storetest::backend_name;

class RolesStoreTest : public storetest::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped()) return;
    migrate_with_teams();
    domain::User u;
    u.username = "partner.example";
    u.display_name = "Partner Voorbeeld";
    u.role = "partner";
    partner_ = insert_user(c(), u, "hash", 1000);
  }

  Id add_signal(Id team_id, const std::string& intake_date, Id taken_by) {
    domain::Person p;
    p.name = "Piet van Voorbeeld";
    const Id person_id = insert_person(c(), team_id, p, 2000);
    domain::SignalFields s;
    s.intake_date = intake_date;
    s.reporter.name = "Melder";
    s.reporter.kind = "organisation";
    s.person = p;
    s.direct_reason = "nuisance";
    s.person_aware = "unknown";
    return insert_signal(c(), team_id, person_id, s, taken_by, 2000);
  }

  Id partner_ = 0;
};

TEST_P(RolesStoreTest, BreakGlassGrantsExpireAndAreListedPerTeam) {
  const Id signal = add_signal(team_, "2025-06-02", lead_);
  const Id person = find_signal(c(), signal)->person.id;
  const Id case_id = insert_case(c(), team_, person, {lead_}, lead_, "Visit", 3000);
  EXPECT_FALSE(find_active_break_glass(c(), partner_, case_id, 3000));
  const Id first = insert_break_glass(c(), partner_, case_id, team_, "Night shelter", 3000, 3100);
  const Id second = insert_break_glass(c(), partner_, case_id, team_, "Again", 3050, 3200);
  auto active = find_active_break_glass(c(), partner_, case_id, 3099);
  ASSERT_TRUE(active);
  EXPECT_EQ(active->id, second) << "the grant that lasts longest";
  EXPECT_EQ(active->user.display_name, "Partner Voorbeeld");
  EXPECT_FALSE(find_active_break_glass(c(), partner_, case_id, 3200)) << "expired at expires_at";
  EXPECT_FALSE(find_active_break_glass(c(), lead_, case_id, 3000)) << "another user";
  const auto listed = list_break_glass(c(), team_, 10);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, second);
  EXPECT_EQ(listed[1].id, first);
  EXPECT_EQ(listed[1].reason, "Night shelter");
  EXPECT_TRUE(list_break_glass(c(), other_team_, 10).empty());
}

TEST_P(RolesStoreTest, APartnerSeesOnlyItsOwnSignalsAsStatusAndInitials) {
  const Id own = add_signal(team_, "2025-06-02", partner_);
  const Id newer = add_signal(team_, "2025-06-09", partner_);
  add_signal(team_, "2025-06-05", lead_);
  insert_decision(c(), own, domain::DecisionInput{"no_action", "Private reason", {}}, lead_, 3000, std::nullopt);
  const auto items = list_partner_signals(c(), partner_);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].id, newer);
  EXPECT_EQ(items[0].status, "received");
  EXPECT_EQ(items[1].id, own);
  EXPECT_EQ(items[1].status, "handled");
  EXPECT_EQ(items[1].person_initials, "P.V.");
  EXPECT_EQ(items[1].intake_date, "2025-06-02");
}

TEST_P(RolesStoreTest, SignalsAreCountedByIntakeMonthAndLatestDecision) {
  const Id a = add_signal(team_, "2025-06-02", lead_);
  add_signal(team_, "2025-06-20", lead_);
  add_signal(other_team_, "2025-07-01", lead_);
  insert_decision(c(), a, domain::DecisionInput{"no_action", "First", {}}, lead_, 3000, std::nullopt);
  insert_decision(c(), a, domain::DecisionInput{"referral", "Then", {}}, lead_, 3100, std::nullopt);
  auto counts = signal_decision_counts(c());
  std::sort(counts.begin(), counts.end(), [](const auto& x, const auto& y) {
    return std::tie(x.team_id, x.month, x.category) < std::tie(y.team_id, y.month, y.category);
  });
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].team_id, team_);
  EXPECT_EQ(counts[0].month, "2025-06");
  EXPECT_EQ(counts[0].category, "awaiting_decision");
  EXPECT_EQ(counts[0].count, 1);
  EXPECT_EQ(counts[1].category, "referral") << "the latest decision counts";
  EXPECT_EQ(counts[2].team_id, other_team_);
  EXPECT_EQ(counts[2].month, "2025-07");

  const Id case_id = insert_case(c(), team_, find_signal(c(), a)->person.id, {lead_}, lead_, "Visit", 4000);
  close_case(c(), case_id, domain::ClosureInput{"out_of_view", ""}, lead_, 5000);
  const auto rows = case_figure_rows(c());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].status, "closed");
  EXPECT_EQ(rows[0].closure_reason, "out_of_view");
  EXPECT_EQ(rows[0].opened_at, 4000);
  EXPECT_EQ(rows[0].closed_at, 5000);
}

INSTANTIATE_TEST_SUITE_P(Backends, RolesStoreTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace voordeur::store
