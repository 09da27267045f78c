// Repository functions of persistence in making contact and the caseload: team settings, the
// open cases with their attempts, contacts logged in a period. SQLite and PostgreSQL
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

class PersistenceStoreTest : public storetest::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped()) return;
    migrate(*db_);
    team_ = insert_team(c(), "Team Noord", 1000);
    other_team_ = insert_team(c(), "Team Zuid", 1000);
    worker_ = add_user("wout", team_);
    other_worker_ = add_user("zara", other_team_);
  }

  Id add_user(const std::string& name, Id team) {
    domain::User u;
    u.username = name;
    u.display_name = name + " Voorbeeld";
    u.role = "outreacher";
    u.teams.push_back(domain::TeamRef{team, ""});
    const Id id = insert_user(c(), u, "hash", 1000);
    set_user_teams(c(), id, {team});
    return id;
  }

  Id add_case(Id team, Id worker) {
    domain::Person p;
    p.name = "Piet Voorbeeld";
    return insert_case(c(), team, insert_person(c(), team, p, 2000), {worker}, worker, "Visit", 3000);
  }

  void add_contact(Id case_id, Id by, const std::string& at, const std::string& outcome) {
    domain::ContactFields ct;
    ct.occurred_at = at;
    ct.channel = "home_visit";
    ct.outcome = outcome;
    insert_contact(c(), case_id, ct, by, 4000);
  }

  Id worker_ = 0;
  Id other_worker_ = 0;
};

TEST_P(PersistenceStoreTest, NewTeamHasDefaultSettings) {
  const auto s = find_persistence_settings(c(), team_);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->cadence_days, (std::vector<int>{2, 3, 7}));
  EXPECT_EQ(s->stuck_attempts, 5);
  EXPECT_EQ(s->stuck_days, 14);
  EXPECT_FALSE(find_persistence_settings(c(), 9999));
}

TEST_P(PersistenceStoreTest, SettingsAreSavedPerTeam) {
  save_persistence_settings(c(), team_, domain::PersistenceSettings{{1, 4, 10, 30}, 8, 21});
  const auto s = find_persistence_settings(c(), team_);
  EXPECT_EQ(s->cadence_days, (std::vector<int>{1, 4, 10, 30}));
  EXPECT_EQ(s->stuck_attempts, 8);
  EXPECT_EQ(s->stuck_days, 21);
  EXPECT_EQ(find_persistence_settings(c(), other_team_)->cadence_days, (std::vector<int>{2, 3, 7}));
}

TEST_P(PersistenceStoreTest, OpenCaseAttemptsOfTheTeamsOnly) {
  const Id a = add_case(team_, worker_);
  const Id b = add_case(team_, worker_);
  const Id closed = add_case(team_, worker_);
  const Id elsewhere = add_case(other_team_, other_worker_);
  add_contact(a, worker_, "2025-06-05T10:00", "not_at_home");
  add_contact(a, worker_, "2025-06-03T10:00", "brief_contact");
  add_contact(closed, worker_, "2025-06-03T10:00", "conversation");
  add_contact(elsewhere, other_worker_, "2025-06-03T10:00", "not_at_home");
  close_case(c(), closed, domain::ClosureInput{"goal_reached", ""}, worker_, 5000);

  const auto cases = open_case_attempts(c(), {team_});
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].case_id, a);
  EXPECT_EQ(cases[0].team_id, team_);
  EXPECT_EQ(cases[0].phase, "preparation");
  EXPECT_EQ(cases[0].opened_at, 3000);
  EXPECT_EQ(cases[0].worker_ids, std::vector<Id>{worker_});
  ASSERT_EQ(cases[0].contacts.size(), 2u);
  EXPECT_EQ(cases[0].contacts[0].occurred_at, "2025-06-03T10:00");
  EXPECT_EQ(cases[0].contacts[1].outcome, "not_at_home");
  EXPECT_EQ(cases[1].case_id, b);
  EXPECT_TRUE(cases[1].contacts.empty());
  EXPECT_TRUE(open_case_attempts(c(), {}).empty());
}

TEST_P(PersistenceStoreTest, ContactsLoggedInAPeriod) {
  const Id a = add_case(team_, worker_);
  add_contact(a, worker_, "2025-06-08T23:59", "not_at_home");  // Sunday before
  add_contact(a, worker_, "2025-06-09T00:00", "not_at_home");  // Monday
  add_contact(a, worker_, "2025-06-15T23:59", "not_at_home");  // Sunday
  add_contact(a, worker_, "2025-06-16T00:00", "not_at_home");  // next Monday
  add_contact(a, other_worker_, "2025-06-10T10:00", "not_at_home");
  EXPECT_EQ(count_contacts_logged(c(), worker_, "2025-06-09", "2025-06-16"), 2);
  EXPECT_EQ(count_contacts_logged(c(), other_worker_, "2025-06-09", "2025-06-16"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PersistenceStoreTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace voordeur::store
