// Repository functions of monitoring (check-ins) and process reviews, on SQLite and PostgreSQL
// (VOORDEUR_TEST_PG_URL). All people are fictional.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/repository.h"
#include "store/store_test_fixture.h"

namespace voordeur::store {
namespace {

using storetest::Backend;
using storetest::backend_name;

class MonitoringStoreTest : public storetest::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped()) return;
    migrate_with_teams();
  }

  Id add_case(Id team_id) {
    domain::Person p;
    p.name = "Piet Voorbeeld";
    const Id person_id = insert_person(c(), team_id, p, 2000);
    return insert_case(c(), team_id, person_id, {lead_}, lead_, "Visit", 3000);
  }
};

TEST_P(MonitoringStoreTest, CheckInsAreScheduledAndGetAnOutcome) {
  const Id case_id = add_case(team_);
  const Id late = insert_check_in(c(), case_id, domain::CheckInInput{"2026-12-10", lead_}, lead_, 4000);
  const Id early = insert_check_in(c(), case_id, domain::CheckInInput{"2026-12-01", lead_}, lead_, 4100);
  record_check_in_outcome(c(), early, domain::CheckInOutcomeInput{"2026-12-02", "worried", "Looked tired"});

  const auto ci = find_check_in(c(), early);
  ASSERT_TRUE(ci);
  EXPECT_EQ(ci->case_id, case_id);
  EXPECT_EQ(ci->worker.display_name, "Lotte Leiding");
  EXPECT_EQ(ci->done_on, "2026-12-02");
  EXPECT_EQ(ci->outcome, "worried");
  EXPECT_EQ(ci->note, "Looked tired");
  EXPECT_EQ(ci->created_at, 4100);
  EXPECT_FALSE(find_check_in(c(), late)->outcome);
  EXPECT_FALSE(find_check_in(c(), late + early + 10));

  const auto k = find_case(c(), case_id);
  ASSERT_EQ(k->check_ins.size(), 2u);
  EXPECT_EQ(k->check_ins[0].id, early);
  EXPECT_EQ(k->check_ins[1].id, late);

  const auto timeline = case_timeline(c(), case_id, {"check_in"});
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[0].ref_id, late);
  EXPECT_EQ(timeline[1].details.at(3).second, "worried");

  EXPECT_EQ(count_check_ins_after_closure(c(), case_id, 3900), 0);
  insert_check_in(c(), case_id, domain::CheckInInput{"2026-12-20", lead_}, lead_, 5000, 3900);
  EXPECT_EQ(count_check_ins_after_closure(c(), case_id, 3900), 1);
  EXPECT_EQ(count_check_ins_after_closure(c(), case_id, 3800), 0);
}

TEST_P(MonitoringStoreTest, OverdueCheckInsArePlannedBeforeTodayWithoutOutcomeInTheTeams) {
  const Id case_id = add_case(team_);
  const Id other_case = add_case(other_team_);
  const Id overdue = insert_check_in(c(), case_id, domain::CheckInInput{"2026-11-20", lead_}, lead_, 4000);
  const Id done = insert_check_in(c(), case_id, domain::CheckInInput{"2026-11-19", lead_}, lead_, 4000);
  record_check_in_outcome(c(), done, domain::CheckInOutcomeInput{"2026-11-19", "doing_well", ""});
  insert_check_in(c(), case_id, domain::CheckInInput{"2026-11-22", lead_}, lead_, 4000);
  insert_check_in(c(), other_case, domain::CheckInInput{"2026-11-01", lead_}, lead_, 4000);

  const auto items = list_overdue_check_ins(c(), {team_}, "2026-11-22");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].check_in.id, overdue);
  EXPECT_EQ(items[0].team_id, team_);
  EXPECT_EQ(items[0].person_name, "Piet Voorbeeld");
  EXPECT_EQ(list_overdue_check_ins(c(), {team_, other_team_}, "2026-11-22").size(), 2u);
  EXPECT_TRUE(list_overdue_check_ins(c(), {}, "2026-11-22").empty());
}

TEST_P(MonitoringStoreTest, ReviewsAreListedNewestFirstWithTheBasisOfOpenCases) {
  const Id case_id = add_case(team_);
  const Id unreviewed = add_case(team_);
  const Id closed = add_case(team_);
  close_case(c(), closed, domain::ClosureInput{"goal_reached", ""}, lead_, 3500);
  insert_review(c(), case_id, domain::ReviewInput{"2026-10-01", "Lotte, Sam", "Going well", "continue"}, lead_, 4000);
  const Id newest =
      insert_review(c(), case_id, domain::ReviewInput{"2026-11-01", "Lotte", "", "change_approach"}, lead_, 4100);

  const auto reviews = find_case(c(), case_id)->reviews;
  ASSERT_EQ(reviews.size(), 2u);
  EXPECT_EQ(reviews[0].id, newest);
  EXPECT_EQ(reviews[0].decision, "change_approach");
  EXPECT_EQ(reviews[1].attendees, "Lotte, Sam");
  EXPECT_EQ(reviews[1].created_by.display_name, "Lotte Leiding");
  EXPECT_EQ(case_timeline(c(), case_id, {"review"}).size(), 2u);

  const auto basis = review_basis(c(), {team_});
  ASSERT_EQ(basis.size(), 2u);
  EXPECT_EQ(basis[0].case_id, case_id);
  EXPECT_EQ(basis[0].last_review_on, "2026-11-01");
  EXPECT_EQ(basis[1].case_id, unreviewed);
  EXPECT_FALSE(basis[1].last_review_on);
  EXPECT_EQ(basis[1].opened_at, 3000);
  EXPECT_FALSE(case_closure(c(), case_id));
  EXPECT_EQ(case_closure(c(), closed)->first, "goal_reached");
  EXPECT_EQ(case_closure(c(), closed)->second, 3500);
}

INSTANTIATE_TEST_SUITE_P(Backends, MonitoringStoreTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace voordeur::store
