// The caseload and stuck cases with an injected clock, on a real SQLite file with demo data:
// attempts this week follow the ISO week of the local date.
#include <gtest/gtest.h>

#include "app/app_test_support.h"
#include "app/cases.h"
#include "app/persistence.h"

namespace voordeur::app {
namespace {

// 2026-11-22T12:00:00Z, a Sunday: its week runs from Monday 2026-11-16.
constexpr std::int64_t kSundayNoon = 1795348800;
constexpr std::int64_t kDay = 86400;

class PersistenceAppTest : public apptest::DemoAppTest {
 protected:
  PersistenceAppTest() : DemoAppTest("voordeur-persistence-app-test-", kSundayNoon) {
    cases_ = std::make_unique<CaseService>(*db_, clock_, *access_log_);
    persistence_ = std::make_unique<PersistenceService>(*db_, clock_, *cases_);
  }
  domain::Id my_open_case(const domain::Actor& a) {
    CaseQuery q;
    q.scope = "mine";
    auto page = cases_->list(a, q);
    EXPECT_TRUE(page.ok() && !page->items.empty());
    return page->items.at(0).id;
  }
  void log(const domain::Actor& a, domain::Id case_id, const std::string& at, const std::string& outcome) {
    domain::ContactFields ct;
    ct.occurred_at = at;
    ct.channel = "doorbell";
    ct.outcome = outcome;
    ct.next_attempt_date = "2026-11-25";
    ASSERT_TRUE(cases_->add_contact(a, case_id, ct).ok()) << at;
  }
  std::int64_t attempts_this_week(const domain::Actor& a) {
    auto c = persistence_->caseload(a, a.user_id);
    EXPECT_TRUE(c.ok());
    return c->workers.at(0).attempts_this_week;
  }

  std::unique_ptr<CaseService> cases_;
  std::unique_ptr<PersistenceService> persistence_;
};

TEST_F(PersistenceAppTest, AttemptsThisWeekFollowTheIsoWeek) {
  const auto outreacher = actor("demo-outreacher-a");
  const auto case_id = my_open_case(outreacher);
  const auto before = attempts_this_week(outreacher);
  log(outreacher, case_id, "2026-11-15T23:59", "not_at_home");  // Sunday of the week before
  EXPECT_EQ(attempts_this_week(outreacher), before);
  log(outreacher, case_id, "2026-11-16T00:00", "not_at_home");  // Monday of this week
  log(outreacher, case_id, "2026-11-22T11:00", "not_at_home");  // this Sunday
  EXPECT_EQ(attempts_this_week(outreacher), before + 2);

  auto caseload = persistence_->caseload(outreacher, std::nullopt);
  ASSERT_TRUE(caseload.ok());
  EXPECT_EQ(caseload->week.monday, "2026-11-16");
  EXPECT_EQ(caseload->week.sunday, "2026-11-22");

  clock_.set(kSundayNoon + kDay);  // Monday: a new week, nothing logged in it yet
  EXPECT_EQ(attempts_this_week(outreacher), 0);
  EXPECT_EQ(persistence_->caseload(outreacher, std::nullopt)->week.monday, "2026-11-23");
}

TEST_F(PersistenceAppTest, CaseloadScope) {
  const auto outreacher = actor("demo-outreacher-a");
  const auto lead = actor("demo-lead-a");
  const auto other_lead = actor("demo-lead-b");
  auto mine = persistence_->caseload(outreacher, std::nullopt);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->workers.size(), 1u);
  EXPECT_EQ(mine->workers[0].worker.id, outreacher.user_id);
  EXPECT_EQ(persistence_->caseload(outreacher, lead.user_id).error().code, "forbidden");
  EXPECT_EQ(persistence_->caseload(outreacher, 999999).error().code, "not_found");
  EXPECT_EQ(persistence_->caseload(other_lead, outreacher.user_id).error().code, "not_found");
  auto team = persistence_->caseload(lead, std::nullopt);
  ASSERT_TRUE(team.ok());
  EXPECT_GE(team->workers.size(), 2u);
}

TEST_F(PersistenceAppTest, StuckFollowsTheTeamThresholds) {
  const auto outreacher = actor("demo-outreacher-a");
  const auto lead = actor("demo-lead-a");
  const auto case_id = my_open_case(outreacher);
  log(outreacher, case_id, "2026-11-22T10:00", "conversation");
  ASSERT_TRUE(persistence_->update_settings(lead, lead.teams[0].id, PersistencePatch{{}, 50, 3}).ok());
  auto stuck = [&]() -> std::optional<StuckCase> {
    CaseQuery q;
    auto page = persistence_->stuck(outreacher, q);
    EXPECT_TRUE(page.ok());
    for (const auto& k : page->items)
      if (k.summary.id == case_id) return k;
    return std::nullopt;
  };
  EXPECT_FALSE(stuck());
  clock_.set(kSundayNoon + 3 * kDay);  // three days without contact: not past 3
  EXPECT_FALSE(stuck());
  clock_.set(kSundayNoon + 4 * kDay);
  auto found = stuck();
  ASSERT_TRUE(found);
  EXPECT_EQ(found->days_without_contact, 4);
  EXPECT_EQ(found->attempts.attempts_without_contact, 0);
  EXPECT_EQ(found->attempts.last_reached_at, "2026-11-22T10:00");

  log(outreacher, case_id, "2026-11-26T10:00", "brief_contact");
  EXPECT_FALSE(stuck());
  ASSERT_TRUE(persistence_->update_settings(lead, lead.teams[0].id, PersistencePatch{{}, 2, 90}).ok());
  log(outreacher, case_id, "2026-11-26T11:00", "not_at_home");
  EXPECT_FALSE(stuck());
  log(outreacher, case_id, "2026-11-26T12:00", "not_at_home");
  EXPECT_TRUE(stuck());
}

}  // namespace
}  // namespace voordeur::app
