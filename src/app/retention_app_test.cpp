// The purge on an injected clock, on SQLite and PostgreSQL (VOORDEUR_TEST_PG_URL): records one day
// past their period go with every row that belongs to them, records one day within it stay, and
// anonymous counts are kept. Also erasure and the subject-access export. All people are fictional.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "app/clock.h"
#include "app/retention.h"
#include "store/repository.h"
#include "store/retention_repository.h"
#include "store/store_test_fixture.h"

namespace voordeur::app {
namespace {

using domain::Id;
using store::storetest::Backend;
using store::storetest::backend_name;

constexpr std::int64_t kDay = domain::kSecondsPerDay;
constexpr std::int64_t kNow = 1'795'000'000;  // 2026-11-18
constexpr domain::RetentionPeriods kPeriods{730, 183, 1826};
constexpr std::int64_t kCaseCutoff = kNow - 730 * kDay;
constexpr std::int64_t kSignalCutoff = kNow - 183 * kDay;

class RetentionAppTest : public store::storetest::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped()) return;
    migrate_with_teams();
  }

  RetentionService service() { return RetentionService(*db_, clock_, kPeriods); }

  Id add_person(const std::string& name) {
    domain::Person p;
    p.name = name;
    return store::insert_person(c(), team_, p, kNow - 1000 * kDay);
  }

  Id add_signal(Id person_id, std::int64_t at) {
    domain::SignalFields s;
    s.intake_date = "2024-01-02";
    s.reporter.name = "Melder";
    s.reporter.kind = "private_person";
    s.person.name = "Piet Voorbeeld";
    s.direct_reason = "nuisance";
    s.person_aware = "unknown";
    return store::insert_signal(c(), team_, person_id, s, lead_, at);
  }

  // A decided signal that led to no case, decided at `at`.
  Id add_signal_without_case(Id person_id, std::int64_t at) {
    const Id s = add_signal(person_id, at - kDay);
    store::insert_decision(c(), s, domain::DecisionInput{"referral", "GP", {}}, lead_, at, std::nullopt);
    return s;
  }

  // A case opened from a signal, with a row in every table of a case, closed at `closed_at`
  // (nullopt: left open).
  Id add_full_case(Id person_id, std::optional<std::int64_t> closed_at) {
    const std::int64_t opened = closed_at.value_or(kNow) - 100 * kDay;
    const Id s = add_signal(person_id, opened - kDay);
    const Id k = store::insert_case(c(), team_, person_id, {lead_}, lead_, "Visit", opened);
    store::insert_decision(c(), s, domain::DecisionInput{"outreach", "Visit", {lead_}}, lead_, opened, k);
    store::save_preparation(c(), k, domain::PreparationFields{"Ring in the morning", "none", ""}, lead_, opened);
    store::insert_prior_info(c(), k, domain::PriorInfoInput{"Huisarts", "Not seen for a year"}, lead_, opened);
    store::record_transition(c(), k, "preparation", "start_contact", "making_contact", lead_, "", opened + 1);
    for (int i = 0; i < 3; ++i) {
      store::insert_contact(c(), k, domain::ContactFields{"2024-03-0" + std::to_string(i + 1) + "T10:00", "home_visit", "",
                                                          "conversation", "Talked at the door", std::nullopt},
                            lead_, opened + 2 + i);
    }
    store::record_transition(c(), k, "making_contact", "contact_made", "follow_up", lead_, "", opened + 10);
    store::insert_check_in(c(), k, domain::CheckInInput{"2024-04-01", lead_}, lead_, opened + 20);
    store::insert_review(c(), k, domain::ReviewInput{"2024-04-02", "Team", "Going well", "continue"}, lead_,
                         opened + 30);
    if (closed_at) {
      store::record_transition(c(), k, "follow_up", "close", "closed", lead_, "goal_reached", *closed_at);
      store::close_case(c(), k, domain::ClosureInput{"goal_reached", ""}, lead_, *closed_at);
    }
    return k;
  }

  std::int64_t count(const std::string& table, const std::string& column, Id id) {
    return c().query("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = $1", {id}).rows[0].integer(0);
  }

  FixedClock clock_{kNow};
};

TEST_P(RetentionAppTest, PurgeRemovesExactlyWhatIsPastItsPeriod) {
  const Id gone_person = add_person("Anna Voorbeeld");
  const Id gone_case = add_full_case(gone_person, kCaseCutoff - kDay);
  const Id kept_person = add_person("Bert Voorbeeld");
  const Id kept_case = add_full_case(kept_person, kCaseCutoff + kDay);
  // An old closed case of a person who also has an open case: the case goes, the person stays.
  const Id busy_person = add_person("Carla Voorbeeld");
  const Id busy_old_case = add_full_case(busy_person, kCaseCutoff - kDay);
  const Id busy_open_case = add_full_case(busy_person, std::nullopt);
  const Id old_signal_person = add_person("Daan Voorbeeld");
  const Id old_signal = add_signal_without_case(old_signal_person, kSignalCutoff - kDay);
  const Id recent_signal = add_signal_without_case(add_person("Eva Voorbeeld"), kSignalCutoff + kDay);
  const Id awaiting = add_signal(add_person("Frank Voorbeeld"), kSignalCutoff - 400 * kDay);
  const Id gone_household = *store::person_household(c(), gone_person);

  auto dry = service().purge(true);
  ASSERT_TRUE(dry.ok());
  EXPECT_TRUE(dry->dry_run);
  EXPECT_EQ(dry->cases, 2);
  EXPECT_EQ(dry->signals, 1);
  EXPECT_TRUE(store::find_case(c(), gone_case));
  EXPECT_TRUE(store::list_retention_counts(c()).empty());

  auto report = service().purge(false);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->cases, 2);
  EXPECT_EQ(report->signals, 1);
  EXPECT_EQ(report->persons, 2);  // Anna and Daan

  EXPECT_FALSE(store::find_case(c(), gone_case));
  EXPECT_FALSE(store::find_case(c(), busy_old_case));
  for (const char* table : {"contacts", "case_events", "case_transitions", "case_assignments", "case_workers",
                            "case_check_ins", "case_reviews", "case_preparations", "case_prior_info", "signals",
                            "signal_decisions"}) {
    EXPECT_EQ(count(table, "case_id", gone_case), 0) << table;
    EXPECT_EQ(count(table, "case_id", busy_old_case), 0) << table;
  }
  EXPECT_EQ(count("signals", "person_id", gone_person), 0);
  EXPECT_FALSE(store::find_person(c(), gone_person));
  EXPECT_EQ(count("households", "id", gone_household), 0);
  EXPECT_EQ(count("household_members", "person_id", gone_person), 0);
  EXPECT_FALSE(store::find_signal(c(), old_signal));
  EXPECT_EQ(count("signal_decisions", "signal_id", old_signal), 0);
  EXPECT_FALSE(store::find_person(c(), old_signal_person));

  const auto kept = store::find_case(c(), kept_case);
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->contacts.size(), 3u);
  EXPECT_EQ(kept->check_ins.size(), 1u);
  EXPECT_TRUE(store::find_person(c(), kept_person));
  EXPECT_TRUE(store::find_case(c(), busy_open_case));
  EXPECT_TRUE(store::find_person(c(), busy_person));
  EXPECT_TRUE(store::find_signal(c(), recent_signal));
  EXPECT_TRUE(store::find_signal(c(), awaiting));

  const auto counts = store::list_retention_counts(c());
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].record_type, "case");
  EXPECT_EQ(counts[0].team_id, team_);
  EXPECT_EQ(counts[0].period, clock_.local_datetime(kCaseCutoff - kDay).substr(0, 7));
  EXPECT_EQ(counts[0].reason, "goal_reached");
  EXPECT_EQ(counts[0].phase_reached, "follow_up");
  EXPECT_EQ(counts[0].contact_bucket, "3-5");
  EXPECT_EQ(counts[0].count, 2);
  EXPECT_EQ(counts[1].record_type, "signal");
  EXPECT_EQ(counts[1].reason, "referral");
  EXPECT_EQ(counts[1].period, clock_.local_datetime(kSignalCutoff - kDay).substr(0, 7));
  EXPECT_EQ(counts[1].count, 1);

  // Nothing more is due now; two days later the case closed one day within its period is.
  auto again = service().purge(false);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->cases + again->signals + again->persons, 0);
  clock_.set(kNow + 2 * kDay);
  auto later = service().purge(false);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->cases, 1);
  EXPECT_EQ(later->signals, 1);
  EXPECT_FALSE(store::find_case(c(), kept_case));
  EXPECT_EQ(store::list_retention_counts(c())[0].count, 3);
}

TEST_P(RetentionAppTest, APersonInAHouseholdWithOthersCasesStays) {
  const Id anna = add_person("Anna Voorbeeld");
  const Id hh = *store::person_household(c(), anna);
  const Id child = add_person("Kind Voorbeeld");
  store::set_household_member(c(), hh, child, "child");
  const Id piet = add_person("Piet Voorbeeld");
  store::set_household_member(c(), hh, piet, "adult");
  add_full_case(anna, kCaseCutoff - kDay);
  add_full_case(piet, std::nullopt);

  auto report = service().purge(false);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->cases, 1);
  EXPECT_EQ(report->persons, 0);
  EXPECT_TRUE(store::find_person(c(), anna));
  EXPECT_TRUE(store::find_person(c(), child));
  EXPECT_EQ(store::find_household(c(), hh)->members.size(), 3u);
}

TEST_P(RetentionAppTest, TheServersTimerPurgesInTheBackground) {
  const Id person = add_person("Anna Voorbeeld");
  const Id due = add_full_case(person, kCaseCutoff - kDay);
  RetentionService retention = service();
  {
    PurgeTimer timer(retention, 1);  // first run after one second
    for (int i = 0; i < 100 && store::find_case(c(), due); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_FALSE(store::find_case(c(), due));
  EXPECT_EQ(store::list_retention_counts(c()).size(), 1u);
}

domain::Actor privacy_officer(Id id) { return domain::Actor{id, "privacy", "Priva Cy", "privacy_officer", {}}; }

TEST_P(RetentionAppTest, ErasureIsRefusedWithAnOpenCaseAndLeavesOnlyARecordOtherwise) {
  domain::User u;
  u.username = "privacy";
  u.display_name = "Priva Cy";
  u.role = "privacy_officer";
  const Id officer = store::insert_user(c(), u, "hash", 1000);
  const Id person = add_person("Anna Voorbeeld");
  const Id open_case = add_full_case(person, std::nullopt);
  const Id signal = add_signal_without_case(person, kNow - 10 * kDay);

  auto refused = service().erase(privacy_officer(officer), person, "objection");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "erasure_not_allowed");
  EXPECT_TRUE(store::find_case(c(), open_case));

  auto bad = service().erase(privacy_officer(officer), person, "because");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "validation_failed");
  auto lead = service().erase(domain::Actor{lead_, "lead-noord", "Lotte Leiding", "team_lead", {{team_, ""}}}, person,
                              "objection");
  ASSERT_FALSE(lead.ok());
  EXPECT_EQ(lead.error().code, "forbidden");

  store::close_case(c(), open_case, domain::ClosureInput{"client_declines", ""}, lead_, kNow - kDay);
  auto done = service().erase(privacy_officer(officer), person, "objection");
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->reason, "objection");
  EXPECT_EQ(done->erased_by.id, officer);
  EXPECT_FALSE(store::find_case(c(), open_case));
  EXPECT_FALSE(store::find_signal(c(), signal));
  EXPECT_FALSE(store::find_person(c(), person));
  const auto erasures = store::list_erasures(c());
  ASSERT_EQ(erasures.size(), 1u);
  EXPECT_EQ(erasures[0].erased_at, kNow);
  auto gone = service().erase(privacy_officer(officer), person, "objection");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, "not_found");
}

TEST_P(RetentionAppTest, TheExportHoldsThePersonsSignalsAndCases) {
  const Id person = add_person("Anna Voorbeeld");
  const Id k = add_full_case(person, kNow - kDay);
  add_signal_without_case(person, kNow - 10 * kDay);
  auto out = service().export_person(privacy_officer(lead_), person);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->person.name, "Anna Voorbeeld");
  EXPECT_EQ(out->team.id, team_);
  ASSERT_TRUE(out->household);
  EXPECT_EQ(out->household->role, "adult");
  EXPECT_EQ(out->signals.size(), 2u);
  ASSERT_EQ(out->cases.size(), 1u);
  EXPECT_EQ(out->cases[0].id, k);
  EXPECT_EQ(out->cases[0].contacts.size(), 3u);
  EXPECT_FALSE(out->cases[0].household);
  EXPECT_EQ(service().export_person(privacy_officer(lead_), person + 1000).error().code, "not_found");
}

INSTANTIATE_TEST_SUITE_P(Backends, RetentionAppTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace voordeur::app
