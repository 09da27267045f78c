// The allowed values of every enumerated field, in the order the UI shows them (docs/api.md).
#pragma once

#include <string_view>
#include <vector>

namespace voordeur::domain::vocab {

using List = std::vector<std::string_view>;

extern const List roles;                      // outreacher, team_lead, admin, reception, partner, policy, privacy_officer
extern const List reporter_kinds;             // private_person, organisation
extern const List sexes;                      // male, female, unknown
extern const List direct_reasons;             // crisis, powerlessness, nuisance, other
extern const List problem_areas;              // the 16 of seed 000 Bijlage 2
extern const List reporter_can_introduce;     // yes, no, unknown
extern const List worker_gender_preferences;  // none, male, female
extern const List person_aware;               // yes, no, unknown
extern const List decisions;                  // outreach, regular_help, referral, no_action
extern const List signal_statuses;            // awaiting_decision, decided
extern const List case_statuses;              // open, closed
extern const List case_phases;                // preparation ... monitoring, closed (domain/transitions.tsv)
extern const List transition_events;          // the events of domain/transitions.tsv
// Kinds of items on a case's timeline. An open set: later features add their own kinds here.
extern const List timeline_kinds;             // signal, decision, phase, contact, handover
extern const List contact_channels;
extern const List contact_outcomes;
extern const List closure_reasons;
extern const List indications;                // the indications of seed 000 Bijlage 1 plus nuisance
extern const List contra_indications;         // the contra-indications of seed 000 Bijlage 1
extern const List companions;                 // reporter, partner, colleague, police_officer, none
extern const List check_in_outcomes;          // doing_well, worried, lost_contact
extern const List review_decisions;           // continue, change_approach, hand_over, close
extern const List household_roles;            // adult, child, other
extern const List case_concerns;              // person, household
// Why a person's data was erased (GDPR art. 17(1) grounds), kept in the erasure record.
extern const List erasure_reasons;            // no_longer_necessary, consent_withdrawn, objection, unlawful, legal_obligation, other
// Consent and information exchange (seed 000 Bijlage 4 and 5); topics are vocab::problem_areas.
extern const List consent_recipients;         // the recipients of Bijlage 4: general_practitioner ... other
extern const List consent_scopes;             // full, partial
extern const List exchange_channels;          // oral, phone, electronic
extern const List exchange_directions;        // given, received
extern const List exchange_bases;             // consent and the grounds without consent
extern const List consent_stances;            // no_opinion, explicitly_refuses (recorded)
extern const List consent_states;             // general, partial, not_asked, no_opinion, explicitly_refuses

bool contains(const List& list, std::string_view value);

}  // namespace voordeur::domain::vocab
