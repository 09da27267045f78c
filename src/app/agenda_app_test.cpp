// The team meeting agenda on an injected clock: each of its lists (signals awaiting a decision,
// cases due for a process review, overdue reporter feedback, overdue check-ins, stuck cases) gains
// and loses one fresh case or signal exactly when the dates say so.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/app_test_support.h"
#include "app/cases.h"
#include "app/persistence.h"
#include "app/signals.h"

namespace voordeur::app {
namespace {

constexpr std::int64_t kDay = 86400;
// Sunday 2026-11-22 12:00 UTC (the fixed clock's local time is UTC).
constexpr std::int64_t kStart = 1795348800;

class AgendaTest : public apptest::DemoAppTest {
 protected:
  AgendaTest()
      : DemoAppTest("voordeur-agenda-test-", kStart),
        lead_(actor("demo-lead-a")),
        outreacher_(actor("demo-outreacher-a")),
        signals_(*db_, clock_, *access_log_),
        cases_(*db_, clock_, *access_log_),
        persistence_(*db_, clock_, cases_) {}

  domain::Id new_signal() {
    domain::SignalFields f;
    f.intake_date = "2026-11-22";
    f.reporter = {"Rita Voorbeeld", "organisation", "", "Woningcorporatie Demostad", "", "", ""};
    f.person.name = "Karel Proefstra";
    f.direct_reason = "nuisance";
    f.person_aware = "yes";
    auto s = signals_.create(outreacher_, std::nullopt, f);
    EXPECT_TRUE(s.ok());
    return s->id;
  }
  domain::Id open_case(domain::Id signal) {
    auto d = signals_.decide(lead_, signal, {"outreach", "Serious worry", {outreacher_.user_id}});
    EXPECT_TRUE(d.ok());
    return d->case_id.value_or(0);
  }
  void at_day(int day) { clock_.set(kStart + day * kDay); }

  bool awaiting(domain::Id signal) {
    auto page = signals_.list(lead_, "awaiting_decision", 500, 0);
    return contains_signal(page.value(), signal);
  }
  bool feedback_overdue(domain::Id signal) {
    auto page = signals_.list(lead_, "all", 500, 0, "overdue");
    return contains_signal(page.value(), signal);
  }
  bool review_due(domain::Id case_id) {
    CaseQuery q;
    q.review_due = true;
    q.limit = 500;
    auto page = cases_.list(lead_, q);
    EXPECT_TRUE(page.ok());
    return std::any_of(page->items.begin(), page->items.end(), [&](const auto& c) { return c.id == case_id; });
  }
  bool check_in_overdue(domain::Id case_id) {
    auto list = cases_.overdue_check_ins(lead_);
    EXPECT_TRUE(list.ok());
    return std::any_of(list->begin(), list->end(), [&](const auto& o) { return o.check_in.case_id == case_id; });
  }
  bool stuck(domain::Id case_id) {
    CaseQuery q;
    q.limit = 500;
    auto page = persistence_.stuck(lead_, q);
    EXPECT_TRUE(page.ok());
    return std::any_of(page->items.begin(), page->items.end(),
                       [&](const auto& s) { return s.summary.id == case_id; });
  }
  static bool contains_signal(const store::SignalPage& page, domain::Id id) {
    return std::any_of(page.items.begin(), page.items.end(), [&](const auto& s) { return s.id == id; });
  }

  domain::Actor lead_;
  domain::Actor outreacher_;
  SignalService signals_;
  CaseService cases_;
  PersistenceService persistence_;
};

TEST_F(AgendaTest, ASignalAwaitsADecisionUntilTheLeadDecides) {
  const domain::Id signal = new_signal();
  EXPECT_TRUE(awaiting(signal));
  open_case(signal);
  EXPECT_FALSE(awaiting(signal));
}

TEST_F(AgendaTest, ReporterFeedbackIsOverdueAfterFiveWorkingDaysUntilRecorded) {
  const domain::Id signal = new_signal();
  open_case(signal);  // Sunday: due five working days later, Friday 2026-11-27.
  at_day(5);          // Friday: due today, not overdue yet.
  EXPECT_FALSE(feedback_overdue(signal));
  at_day(6);
  EXPECT_TRUE(feedback_overdue(signal));
  ASSERT_TRUE(signals_.record_feedback(lead_, signal, {"2026-11-28", "We have discussed your report."}).ok());
  EXPECT_FALSE(feedback_overdue(signal));
}

TEST_F(AgendaTest, ACaseIsDueForReviewThirtyDaysAfterOpeningOrItsLastReview) {
  const domain::Id case_id = open_case(new_signal());
  at_day(30);
  EXPECT_FALSE(review_due(case_id));
  at_day(31);
  EXPECT_TRUE(review_due(case_id));
  ASSERT_TRUE(cases_.add_review(lead_, case_id, {"2026-12-23", "Team A", "Keep ringing.", "continue"}).ok());
  EXPECT_FALSE(review_due(case_id));
  at_day(62);
  EXPECT_TRUE(review_due(case_id));
}

TEST_F(AgendaTest, ACheckInIsOverdueAfterItsDateUntilItHasAnOutcome) {
  const domain::Id case_id = open_case(new_signal());
  ASSERT_TRUE(cases_.close(lead_, case_id, {"goal_reached", ""}).ok());
  auto check_in = cases_.schedule_check_in(lead_, case_id, {"2026-12-07", outreacher_.user_id});
  ASSERT_TRUE(check_in.ok());
  at_day(15);  // 2026-12-07: planned today.
  EXPECT_FALSE(check_in_overdue(case_id));
  at_day(16);
  EXPECT_TRUE(check_in_overdue(case_id));
  ASSERT_TRUE(cases_.record_check_in_outcome(lead_, case_id, check_in->id, {"2026-12-08", "doing_well", ""}).ok());
  EXPECT_FALSE(check_in_overdue(case_id));
}

TEST_F(AgendaTest, ACaseIsStuckAfterTheTeamsNumberOfAttemptsWithoutContact) {
  const domain::Id case_id = open_case(new_signal());
  ASSERT_TRUE(cases_.transition(outreacher_, case_id, {"start_contact", "Prepared"}).ok());
  for (int attempt = 1; attempt <= 5; ++attempt) {
    EXPECT_FALSE(stuck(case_id)) << attempt;
    domain::ContactFields ct;
    ct.occurred_at = "2026-11-22T0" + std::to_string(attempt) + ":00";
    ct.channel = "doorbell";
    ct.outcome = "not_at_home";
    ct.next_attempt_date = "2026-11-24";
    ASSERT_TRUE(cases_.add_contact(outreacher_, case_id, ct).ok());
  }
  EXPECT_TRUE(stuck(case_id));
}

}  // namespace
}  // namespace voordeur::app
