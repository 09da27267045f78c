// Repository functions of the triage checklist, reporter feedback, team settings and the
// preparation of a case, on SQLite and PostgreSQL (VOORDEUR_TEST_PG_URL). All people are fictional.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "store/repository.h"
#include "store/store_test_fixture.h"

namespace voordeur::store {
namespace {

using storetest::Backend;
using storetest::backend_name;

class TriageStoreTest : public storetest::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped()) return;
    migrate_with_teams();
  }

  Id add_signal(Id team_id, const std::string& intake_date) {
    domain::Person p;
    p.name = "Piet Voorbeeld";
    const Id person_id = insert_person(c(), team_id, p, 2000);
    domain::SignalFields s;
    s.intake_date = intake_date;
    s.reporter.name = "Melder";
    s.reporter.kind = "private_person";
    s.person = p;
    s.direct_reason = "nuisance";
    s.person_aware = "unknown";
    return insert_signal(c(), team_id, person_id, s, lead_, 2000);
  }

  std::vector<Id> overdue_ids(const std::vector<Id>& teams, const std::string& today) {
    SignalFilter f;
    f.team_ids = teams;
    f.feedback_overdue_on = today;
    std::vector<Id> out;
    for (const auto& s : list_signals(c(), f).items) out.push_back(s.id);
    return out;
  }
};

TEST_P(TriageStoreTest, DecisionKeepsItsChecklist) {
  const Id signal = add_signal(team_, "2025-06-02");
  insert_decision(c(), signal, domain::DecisionInput{"no_action", "Nothing yet", {}}, lead_, 3000, std::nullopt);
  insert_decision(c(), signal, domain::DecisionInput{"referral", "GP", {}}, lead_, 3100, std::nullopt,
                  domain::Triage{{"serious_worry_no_adequate_care", "nuisance"},
                                 {"existing_care_trajectory"},
                                 "Home care stopped last month"});
  const auto s = find_signal(c(), signal);
  ASSERT_TRUE(s);
  ASSERT_EQ(s->decisions.size(), 2u);
  EXPECT_TRUE(s->decisions[0].triage.indications.empty());
  EXPECT_TRUE(s->decisions[0].triage.contra_indications.empty());
  EXPECT_EQ(s->decisions[0].triage.contra_indication_note, "");
  EXPECT_EQ(s->decisions[1].triage.indications,
            (std::vector<std::string>{"serious_worry_no_adequate_care", "nuisance"}));
  EXPECT_EQ(s->decisions[1].triage.contra_indications, std::vector<std::string>{"existing_care_trajectory"});
  EXPECT_EQ(s->decisions[1].triage.contra_indication_note, "Home care stopped last month");
}

TEST_P(TriageStoreTest, OpeningDecisionOfACaseKeepsItsChecklist) {
  const Id signal = add_signal(team_, "2025-06-02");
  const auto person = find_signal(c(), signal)->person.id;
  const Id case_id = insert_case(c(), team_, person, {lead_}, lead_, "Visit", 3000);
  insert_decision(c(), signal, domain::DecisionInput{"outreach", "Visit", {lead_}}, lead_, 3000, case_id,
                  domain::Triage{{"temporarily_unreachable_help_urgent"}, {}, ""});
  const auto k = find_case(c(), case_id);
  ASSERT_TRUE(k && k->decision);
  EXPECT_EQ(k->decision->triage.indications, std::vector<std::string>{"temporarily_unreachable_help_urgent"});
}

TEST_P(TriageStoreTest, FeedbackDueIsSetOnceAndGivenIsRecorded) {
  const Id signal = add_signal(team_, "2025-06-02");
  EXPECT_EQ(find_signal(c(), signal)->feedback.due_on, std::nullopt);
  set_feedback_due(c(), signal, "2025-06-09");
  set_feedback_due(c(), signal, "2025-06-20");
  auto s = find_signal(c(), signal);
  EXPECT_EQ(s->feedback.due_on, "2025-06-09");
  EXPECT_EQ(s->feedback.given_on, std::nullopt);
  EXPECT_EQ(s->feedback.told, "");
  record_feedback(c(), signal, domain::FeedbackInput{"2025-06-05", "Told that the team will visit"});
  s = find_signal(c(), signal);
  EXPECT_EQ(s->feedback.given_on, "2025-06-05");
  EXPECT_EQ(s->feedback.told, "Told that the team will visit");
}

TEST_P(TriageStoreTest, OverdueFeedbackIsDueBeforeTodayNotGivenAndInTheTeams) {
  const Id due_yesterday = add_signal(team_, "2025-06-02");
  set_feedback_due(c(), due_yesterday, "2025-06-09");
  const Id due_today = add_signal(team_, "2025-06-02");
  set_feedback_due(c(), due_today, "2025-06-10");
  const Id given = add_signal(team_, "2025-06-02");
  set_feedback_due(c(), given, "2025-06-03");
  record_feedback(c(), given, domain::FeedbackInput{"2025-06-04", "Told"});
  const Id no_decision = add_signal(team_, "2025-06-02");
  const Id other_team = add_signal(other_team_, "2025-06-02");
  set_feedback_due(c(), other_team, "2025-06-03");

  EXPECT_EQ(overdue_ids({team_}, "2025-06-10"), std::vector<Id>{due_yesterday});
  EXPECT_EQ(overdue_ids({team_, other_team_}, "2025-06-11"), (std::vector<Id>{other_team, due_today, due_yesterday}));
  SignalFilter all;
  all.team_ids = {team_};
  EXPECT_EQ(list_signals(c(), all).total, 4);
  (void)no_decision;
}

TEST_P(TriageStoreTest, TeamsKeepTheirFeedbackWorkingDays) {
  EXPECT_EQ(find_team_settings(c(), team_)->feedback_working_days, 5);
  set_team_feedback_working_days(c(), team_, 12);
  EXPECT_EQ(find_team_settings(c(), team_)->feedback_working_days, 12);
  const auto all = list_team_settings(c());
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "Team Noord");
  EXPECT_EQ(all[0].feedback_working_days, 12);
  EXPECT_EQ(all[1].feedback_working_days, 5);
  EXPECT_FALSE(find_team_settings(c(), 999999));
}

TEST_P(TriageStoreTest, PreparationDefaultsSavesAndCollectsPriorInfo) {
  const Id signal = add_signal(team_, "2025-06-02");
  const Id case_id = insert_case(c(), team_, find_signal(c(), signal)->person.id, {lead_}, lead_, "Visit", 3000);
  auto p = find_preparation(c(), case_id);
  EXPECT_EQ(p.strategy, "");
  EXPECT_EQ(p.companion, "none");
  EXPECT_FALSE(p.updated_by);
  EXPECT_TRUE(p.prior_info.empty());

  save_preparation(c(), case_id, domain::PreparationFields{"Ring in the morning", "police_officer", "Wijkagent"},
                   lead_, 4000);
  save_preparation(c(), case_id, domain::PreparationFields{"Ring in the evening", "reporter", ""}, lead_, 4100);
  insert_prior_info(c(), case_id, domain::PriorInfoInput{"Huisarts", "Not seen for a year"}, lead_, 4200);
  insert_prior_info(c(), case_id, domain::PriorInfoInput{"Woningcorporatie", "Rent arrears"}, lead_, 4150);
  p = find_case(c(), case_id)->preparation;
  EXPECT_EQ(p.strategy, "Ring in the evening");
  EXPECT_EQ(p.companion, "reporter");
  EXPECT_EQ(p.companion_name, "");
  ASSERT_TRUE(p.updated_by);
  EXPECT_EQ(p.updated_by->display_name, "Lotte Leiding");
  EXPECT_EQ(p.updated_at, 4100);
  ASSERT_EQ(p.prior_info.size(), 2u);
  EXPECT_EQ(p.prior_info[0].source, "Woningcorporatie");
  EXPECT_EQ(p.prior_info[1].content, "Not seen for a year");
  EXPECT_EQ(p.prior_info[1].created_by.id, lead_);
  EXPECT_EQ(p.prior_info[1].created_at, 4200);
}

INSTANTIATE_TEST_SUITE_P(Backends, TriageStoreTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace voordeur::store
