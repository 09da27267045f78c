// Use-case tests on a real SQLite file with an injected clock: sessions and their expiry, the
// login rate limit, team scoping, decisions opening cases, derived "days since last contact",
// the demo data's refusal to run twice, and its spread (consent states and exchange bases too).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "app/accounts.h"
#include "app/app_test_support.h"
#include "app/auth.h"
#include "app/cases.h"
#include "app/consents.h"
#include "app/demo.h"
#include "app/signals.h"
#include "domain/dates.h"
#include "domain/vocabulary.h"
#include "store/repository.h"

namespace voordeur::app {
namespace {

// 2026-11-22T12:00:00Z
constexpr std::int64_t kNoon = 1795348800;

AppConfig short_limits() {
  AppConfig config;
  config.session_idle_seconds = 600;
  config.session_absolute_seconds = 3600;
  config.login_account_limit = 3;
  config.login_address_limit = 5;
  config.login_window_seconds = 900;
  return config;
}

class AppTest : public apptest::DemoAppTest {
 protected:
  AppTest() : DemoAppTest("voordeur-app-test-", kNoon, short_limits()) {}
};

TEST_F(AppTest, SessionExpiresAfterIdleTimeAndAfterAbsoluteTime) {
  auto login = auth_->login("demo-outreacher-a", kDemoPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  clock_.set(kNoon + 599);
  EXPECT_TRUE(auth_->authenticate(login->token).ok());
  // Each request within the idle time keeps the session alive, up to the absolute limit.
  for (std::int64_t t = kNoon + 1000; t < kNoon + 3600; t += 500) {
    clock_.set(t);
    EXPECT_TRUE(auth_->authenticate(login->token).ok()) << t;
  }
  clock_.set(kNoon + 3600);
  auto expired = auth_->authenticate(login->token);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().code, "session_expired");

  auto second = auth_->login("demo-outreacher-a", kDemoPassword, "192.0.2.1");
  ASSERT_TRUE(second.ok());
  clock_.set(kNoon + 3600 + 600);
  EXPECT_EQ(auth_->authenticate(second->token).error().code, "session_expired");
}

TEST_F(AppTest, ASessionInUseNeverExpiresWithAShortIdleLimit) {
  AppConfig short_idle = config_;
  short_idle.session_idle_seconds = 10;
  AuthService auth(*db_, clock_, short_idle);
  auto login = auth.login("demo-outreacher-a", kDemoPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  for (std::int64_t t = kNoon + 6; t <= kNoon + 60; t += 6) {
    clock_.set(t);
    EXPECT_TRUE(auth.authenticate(login->token).ok()) << t - kNoon;
  }
  clock_.set(kNoon + 60 + 10);
  EXPECT_EQ(auth.authenticate(login->token).error().code, "session_expired");
}

TEST_F(AppTest, LogoutEndsTheSessionAndUnknownTokensAreRefused) {
  auto login = auth_->login("demo-lead-a", kDemoPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  EXPECT_NE(login->token, login->csrf_token);
  ASSERT_TRUE(auth_->logout(login->token).ok());
  EXPECT_EQ(auth_->authenticate(login->token).error().code, "unauthenticated");
  EXPECT_EQ(auth_->authenticate("").error().code, "unauthenticated");
  EXPECT_EQ(auth_->authenticate(std::string(500, 'x')).error().code, "unauthenticated");
}

TEST_F(AppTest, AccountIsLockedAfterFailuresEvenForTheRightPasswordUntilTheWindowPasses) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(auth_->login("demo-lead-b", "wrong-password", "192.0.2.7").error().code, "invalid_credentials");
  }
  auto blocked = auth_->login("demo-lead-b", kDemoPassword, "192.0.2.8");
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code, "rate_limited");
  EXPECT_GT(blocked.error().retry_after_seconds, 0);
  clock_.set(kNoon + 901);
  EXPECT_TRUE(auth_->login("demo-lead-b", kDemoPassword, "192.0.2.8").ok());
}

TEST_F(AppTest, ClientAddressIsLockedAfterFailuresAcrossAccounts) {
  for (int i = 0; i < 5; ++i) {
    auth_->login("no-such-user-" + std::to_string(i), "wrong-password", "198.51.100.9");
  }
  EXPECT_EQ(auth_->login("demo-admin", kDemoPassword, "198.51.100.9").error().code, "rate_limited");
  EXPECT_TRUE(auth_->login("demo-admin", kDemoPassword, "198.51.100.10").ok());
}

TEST_F(AppTest, DeactivatedUserCannotLogInAndLosesSessions) {
  auto admin = actor("demo-admin");
  auto login = auth_->login("demo-outreacher-b", kDemoPassword, "192.0.2.1");
  ASSERT_TRUE(login.ok());
  AccountService accounts(*db_, clock_);
  UserPatch patch;
  patch.active = false;
  ASSERT_TRUE(accounts.update_user(admin, login->actor.user_id, patch).ok());
  EXPECT_FALSE(auth_->authenticate(login->token).ok());
  EXPECT_EQ(auth_->login("demo-outreacher-b", kDemoPassword, "192.0.2.1").error().code, "invalid_credentials");
}

TEST_F(AppTest, TeamsSeeOnlyTheirOwnSignalsAndCases) {
  SignalService signals(*db_, clock_, *access_log_);
  CaseService cases(*db_, clock_, *access_log_);
  auto a = actor("demo-outreacher-a");
  auto b = actor("demo-outreacher-b");
  auto page_a = signals.list(a, "all", 500, 0);
  ASSERT_TRUE(page_a.ok());
  EXPECT_EQ(page_a->total, 100);
  for (const auto& s : page_a->items) {
    EXPECT_TRUE(a.in_team(s.team_id));
    auto other = signals.get(b, s.id);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, "not_found");
  }
  CaseQuery all_cases;
  all_cases.status = "all";
  all_cases.limit = 500;
  auto case_page = cases.list(a, all_cases);
  ASSERT_TRUE(case_page.ok());
  EXPECT_EQ(case_page->total, 40);
  for (const auto& c : case_page->items) EXPECT_EQ(cases.get(b, c.id).error().code, "not_found");
}

TEST_F(AppTest, OutreachDecisionOpensACaseAndDaysSinceContactFollowTheClock) {
  SignalService signals(*db_, clock_, *access_log_);
  CaseService cases(*db_, clock_, *access_log_);
  auto outreacher = actor("demo-outreacher-a");
  auto lead = actor("demo-lead-a");
  domain::SignalFields f;
  f.intake_date = "2026-11-20";
  f.reporter = {"Rita Voorbeeld", "organisation", "", "Woningcorporatie Demostad", "", "", ""};
  f.person.name = "Karel Proefstra";
  f.direct_reason = "nuisance";
  f.person_aware = "yes";
  auto created = signals.create(outreacher, std::nullopt, f);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(signals.decide(outreacher, created->id, {"outreach", "worry", {outreacher.user_id}}).error().code,
            "forbidden");
  auto decided = signals.decide(lead, created->id, {"outreach", "worry", {outreacher.user_id}});
  ASSERT_TRUE(decided.ok());
  ASSERT_TRUE(decided->case_id.has_value());
  EXPECT_EQ(signals.decide(lead, created->id, {"no_action", "again", {}}).error().code, "conflict");

  domain::ContactFields contact;
  contact.occurred_at = "2026-11-21T10:00";
  contact.channel = "doorbell";
  contact.outcome = "not_at_home";
  ASSERT_TRUE(cases.add_contact(outreacher, *decided->case_id, contact).ok());
  EXPECT_EQ(cases.get(outreacher, *decided->case_id)->days_since_last_contact, 1);
  clock_.set(kNoon + 10 * 86400);
  EXPECT_EQ(cases.get(outreacher, *decided->case_id)->days_since_last_contact, 11);
}

TEST_F(AppTest, DemoRefusesToRunOnADatabaseWithUsers) {
  auto second = create_demo(*db_, clock_);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, "conflict");
  EXPECT_EQ(store::count_users(db_->connection()), 9);
}

TEST_F(AppTest, DemoDataSpreadsOverDecisionsStatusesAndClosureReasons) {
  auto& c = db_->connection();
  EXPECT_EQ(c.query("SELECT COUNT(*) FROM signals").rows.at(0).integer(0), 200);
  EXPECT_EQ(c.query("SELECT COUNT(*) FROM cases").rows.at(0).integer(0), 80);
  EXPECT_EQ(c.query("SELECT COUNT(DISTINCT decision) FROM signal_decisions").rows.at(0).integer(0), 4);
  EXPECT_GT(c.query("SELECT COUNT(*) FROM signals WHERE status = 'awaiting_decision'").rows.at(0).integer(0), 0);
  EXPECT_EQ(c.query("SELECT COUNT(DISTINCT closure_reason) FROM cases WHERE status = 'closed'").rows.at(0).integer(0),
            7);
  EXPECT_GT(c.query("SELECT COUNT(*) FROM case_events WHERE kind = 'reopened'").rows.at(0).integer(0), 0);
  EXPECT_GT(c.query("SELECT COUNT(*) FROM contacts").rows.at(0).integer(0), 200);
  EXPECT_GT(c.query("SELECT COUNT(DISTINCT c.team_id) FROM case_check_ins k JOIN cases c ON c.id = k.case_id "
                    "WHERE k.outcome IS NULL").rows.at(0).integer(0), 1)
      << "both teams have an open check-in for the agenda";
}

TEST_F(AppTest, DemoDataHasEveryConsentStateAndEveryExchangeBasis) {
  // Read as the API reads it: through ConsentService, as the team's outreacher.
  ConsentService consents(*db_, clock_, *access_log_, std::filesystem::temp_directory_path());
  std::set<std::string> states, bases;
  int withdrawn = 0, ending = 0, consent_count = 0;
  for (const char* username : {"demo-outreacher-a", "demo-outreacher-b"}) {
    const auto worker = actor(username);
    const auto persons = db_->connection().query("SELECT id FROM persons WHERE team_id = $1", {worker.teams.at(0).id});
    for (const auto& r : persons.rows) {
      const auto person = r.integer(0);
      auto overview = consents.overview(worker, person);
      ASSERT_TRUE(overview.ok());
      states.insert(overview->state);
      for (const auto& k : overview->consents) {
        ++consent_count;
        if (k.withdrawn_on) ++withdrawn;
        if (k.ends_on) ++ending;
      }
      auto exchanges = consents.exchanges(worker, person);
      ASSERT_TRUE(exchanges.ok());
      for (const auto& x : exchanges.value()) {
        bases.insert(x.basis);
        EXPECT_EQ(x.consent_id.has_value(), x.basis == "consent") << x.id;
        EXPECT_EQ(x.justification.empty(), x.basis == "consent") << x.id;
        EXPECT_EQ(x.peer_consulted.empty(), x.basis != "professional_code_art2") << x.id;
      }
    }
  }
  EXPECT_EQ(states, std::set<std::string>(domain::vocab::consent_states.begin(), domain::vocab::consent_states.end()));
  EXPECT_EQ(bases, std::set<std::string>(domain::vocab::exchange_bases.begin(), domain::vocab::exchange_bases.end()));
  EXPECT_GE(consent_count, 6);
  EXPECT_EQ(withdrawn, 1);
  EXPECT_GE(ending, 3);
}

}  // namespace
}  // namespace voordeur::app
