#include "domain/vocabulary.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace voordeur::domain {
namespace {

std::string joined(const vocab::List& list) {
  std::string out;
  for (const auto& v : list) out += (out.empty() ? "" : ",") + std::string(v);
  return out;
}

// The lists as docs/api.md gives them, in its order (the UI shows them in this order).
TEST(Vocabulary, MatchesTheApiContract) {
  EXPECT_EQ(joined(vocab::consent_recipients),
            "general_practitioner,mental_health_care,hospital_specialist,other_health_care,social_services,"
            "benefits_agency,bank,financial_administrator,other_benefit_bodies,youth_care,housing_corporation,"
            "addiction_care,other");
  EXPECT_EQ(joined(vocab::consent_scopes), "full,partial");
  EXPECT_EQ(joined(vocab::exchange_channels), "oral,phone,electronic");
  EXPECT_EQ(joined(vocab::exchange_directions), "given,received");
  EXPECT_EQ(joined(vocab::exchange_bases), "consent,vital_interest,legal_duty,professional_code_art2,meldcode");
  EXPECT_EQ(joined(vocab::consent_stances), "no_opinion,explicitly_refuses");
  EXPECT_EQ(joined(vocab::consent_states), "general,partial,not_asked,no_opinion,explicitly_refuses");
  EXPECT_EQ(joined(vocab::roles), "outreacher,team_lead,admin,reception,partner,policy,privacy_officer");
  EXPECT_EQ(joined(vocab::reporter_kinds), "private_person,organisation");
  EXPECT_EQ(joined(vocab::sexes), "male,female,unknown");
  EXPECT_EQ(joined(vocab::direct_reasons), "crisis,powerlessness,nuisance,other");
  EXPECT_EQ(joined(vocab::problem_areas),
            "finances,housing,addiction,health,psychiatry,loneliness,daytime_activity,self_care,crime,"
            "parenting,prostitution,nuisance,aggressive_behaviour,relationship_problems,squalor,other");
  EXPECT_EQ(joined(vocab::reporter_can_introduce), "yes,no,unknown");
  EXPECT_EQ(joined(vocab::worker_gender_preferences), "none,male,female");
  EXPECT_EQ(joined(vocab::person_aware), "yes,no,unknown");
  EXPECT_EQ(joined(vocab::decisions), "outreach,regular_help,referral,no_action");
  EXPECT_EQ(joined(vocab::signal_statuses), "awaiting_decision,decided");
  EXPECT_EQ(joined(vocab::case_statuses), "open,closed");
  EXPECT_EQ(joined(vocab::case_phases), "preparation,making_contact,follow_up,help,monitoring,closed");
  EXPECT_EQ(joined(vocab::transition_events),
            "start_contact,contact_made,start_help,start_monitoring,resume_help,contact_lost,close,reopen");
  EXPECT_EQ(joined(vocab::timeline_kinds), "signal,decision,phase,contact,handover,check_in,review");
  EXPECT_EQ(joined(vocab::contact_channels),
            "home_visit,doorbell,phone,letter_or_card,text_message,email,street,school_gate,with_partner,"
            "at_office,case_conference");
  EXPECT_EQ(joined(vocab::contact_outcomes),
            "not_at_home,door_not_opened,brief_contact,conversation,refused_contact,appointment_made,"
            "appointment_not_kept");
  EXPECT_EQ(joined(vocab::closure_reasons),
            "goal_reached,client_declines,out_of_view,referred,no_added_value,deceased,other");
}

TEST(Vocabulary, ContainsIsExact) {
  EXPECT_TRUE(vocab::contains(vocab::roles, "admin"));
  EXPECT_FALSE(vocab::contains(vocab::roles, "Admin"));
  EXPECT_FALSE(vocab::contains(vocab::roles, "admin "));
  EXPECT_FALSE(vocab::contains(vocab::roles, ""));
}

}  // namespace
}  // namespace voordeur::domain
