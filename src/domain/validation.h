// Input validation: every rule that makes an input acceptable, as pure functions returning the
// list of field errors (empty = valid). Field names are the API's dotted paths.
// Lengths are counted in Unicode code points; invalid UTF-8 is refused (code "invalid_type").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/errors.h"
#include "domain/model.h"

namespace voordeur::domain {

namespace limits {
inline constexpr std::size_t name = 200;
inline constexpr std::size_t phone = 50;
inline constexpr std::size_t address = 300;
inline constexpr std::size_t short_text = 500;
inline constexpr std::size_t long_text = 4000;
inline constexpr std::size_t password_min = 12;
inline constexpr std::size_t password_max = 200;
inline constexpr std::size_t feedback_told = 2000;
inline constexpr int feedback_working_days_min = 1;
inline constexpr int feedback_working_days_max = 30;
}  // namespace limits

std::vector<FieldError> validate_signal(const SignalFields& s);
std::vector<FieldError> validate_decision(const DecisionInput& d);
// The checklist of a decision: known, distinct indications and contra-indications; an outreach
// decision despite a contra-indication needs contra_indication_note.
std::vector<FieldError> validate_triage(std::string_view decision, const Triage& t);
// Reporter feedback: given_on a valid date, not after today and not before the intake date; told
// required, at most limits::feedback_told.
std::vector<FieldError> validate_feedback(const FeedbackInput& f, std::string_view intake_date,
                                          std::string_view today);
std::vector<FieldError> validate_feedback_working_days(int days);
// The reason for emergency access to another team's case: required, at most limits::short_text.
std::vector<FieldError> validate_break_glass_reason(const std::string& reason);
std::vector<FieldError> validate_preparation(const PreparationFields& p);
std::vector<FieldError> validate_prior_info(const PriorInfoInput& p);
// now_local: the current local date-time "YYYY-MM-DDTHH:MM"; occurred_at may be at most one day later.
std::vector<FieldError> validate_contact(const ContactFields& c, std::string_view now_local);
std::vector<FieldError> validate_closure(const ClosureInput& c);
std::vector<FieldError> validate_reopen(const std::string& reason);
// The phase a case is reopened into: empty (the default, making_contact) or a known phase; that it
// is not closed is the trajectory's rule (domain/trajectory.h).
std::vector<FieldError> validate_reopen_phase(const std::string& phase);
// A move of the trajectory: a known event and a reason.
std::vector<FieldError> validate_transition(const TransitionInput& t);
// A handover: both user ids, different from each other, and a note.
std::vector<FieldError> validate_handover(const HandoverInput& h);
// Monitoring: a check-in needs a valid planned_on and a worker_id; its outcome a done_on not after
// today, a known outcome and a note of at most limits::long_text.
std::vector<FieldError> validate_check_in(const CheckInInput& c);
std::vector<FieldError> validate_check_in_outcome(const CheckInOutcomeInput& o, std::string_view today);
// A process review: held_on not after today, attendees required (limits::short_text), notes
// (limits::long_text), a known decision.
std::vector<FieldError> validate_review(const ReviewInput& r, std::string_view today);
// A household member: a known role; either person_id alone or a new person's name (required,
// limits::name) with an optional date_of_birth not after today.
std::vector<FieldError> validate_household_member(const HouseholdMemberInput& m, std::string_view today);
// What a case concerns: one of vocab::case_concerns.
std::vector<FieldError> validate_case_concerns(const std::string& concerns);
// The reason category of an erasure (vocab::erasure_reasons).
std::vector<FieldError> validate_erasure_reason(const std::string& reason);
// Account fields; each checks one field and names it as given.
std::vector<FieldError> validate_username(const std::string& username);
std::vector<FieldError> validate_password(const std::string& password);
std::vector<FieldError> validate_display_name(const std::string& display_name);
std::vector<FieldError> validate_role(const std::string& role);
std::vector<FieldError> validate_team_name(const std::string& name);

}  // namespace voordeur::domain
