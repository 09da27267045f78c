#include "domain/vocabulary.h"

#include <algorithm>

namespace voordeur::domain::vocab {

const List roles{"outreacher", "team_lead", "admin", "reception", "partner", "policy", "privacy_officer"};
const List reporter_kinds{"private_person", "organisation"};
const List sexes{"male", "female", "unknown"};
const List direct_reasons{"crisis", "powerlessness", "nuisance", "other"};
const List problem_areas{"finances",
                         "housing",
                         "addiction",
                         "health",
                         "psychiatry",
                         "loneliness",
                         "daytime_activity",
                         "self_care",
                         "crime",
                         "parenting",
                         "prostitution",
                         "nuisance",
                         "aggressive_behaviour",
                         "relationship_problems",
                         "squalor",
                         "other"};
const List reporter_can_introduce{"yes", "no", "unknown"};
const List worker_gender_preferences{"none", "male", "female"};
const List person_aware{"yes", "no", "unknown"};
const List decisions{"outreach", "regular_help", "referral", "no_action"};
const List signal_statuses{"awaiting_decision", "decided"};
const List case_statuses{"open", "closed"};
const List case_phases{"preparation", "making_contact", "follow_up", "help", "monitoring", "closed"};
const List transition_events{"start_contact", "contact_made", "start_help",  "start_monitoring",
                             "resume_help",   "contact_lost", "close",       "reopen"};
const List timeline_kinds{"signal", "decision", "phase", "contact", "handover", "check_in", "review"};
const List contact_channels{"home_visit",   "doorbell",  "phone",          "letter_or_card",
                            "text_message", "email",     "street",         "school_gate",
                            "with_partner", "at_office", "case_conference"};
const List contact_outcomes{"not_at_home",     "door_not_opened",  "brief_contact",       "conversation",
                            "refused_contact", "appointment_made", "appointment_not_kept"};
const List closure_reasons{"goal_reached",   "client_declines", "out_of_view", "referred",
                           "no_added_value", "deceased",        "other"};

const List indications{"serious_worry_no_adequate_care", "temporarily_unreachable_help_urgent", "nuisance"};
const List contra_indications{"unreachable_psychiatric", "unreachable_substance_use", "nuisance_not_reported",
                              "existing_care_trajectory"};
const List companions{"reporter", "partner", "colleague", "police_officer", "none"};
const List check_in_outcomes{"doing_well", "worried", "lost_contact"};
const List review_decisions{"continue", "change_approach", "hand_over", "close"};
const List household_roles{"adult", "child", "other"};
const List case_concerns{"person", "household"};
const List erasure_reasons{"no_longer_necessary", "consent_withdrawn", "objection", "unlawful", "legal_obligation",
                           "other"};
const List consent_recipients{"general_practitioner", "mental_health_care",      "hospital_specialist",
                              "other_health_care",    "social_services",         "benefits_agency",
                              "bank",                 "financial_administrator", "other_benefit_bodies",
                              "youth_care",           "housing_corporation",     "addiction_care",
                              "other"};
const List consent_scopes{"full", "partial"};
const List exchange_channels{"oral", "phone", "electronic"};
const List exchange_directions{"given", "received"};
const List exchange_bases{"consent", "vital_interest", "legal_duty", "professional_code_art2", "meldcode"};
const List consent_stances{"no_opinion", "explicitly_refuses"};
const List consent_states{"general", "partial", "not_asked", "no_opinion", "explicitly_refuses"};

bool contains(const List& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace voordeur::domain::vocab
