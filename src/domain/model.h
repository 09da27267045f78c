// The Voordeur domain vocabulary: plain data, no I/O, no JSON. Field names follow the API
// (docs/api.md). Enumerated values are kept as their API strings; domain/vocabulary.h lists the
// allowed values and domain/validation.h checks inputs against them.
//
// Time: `*_at` timestamps are Unix seconds (UTC); dates are "YYYY-MM-DD"; a contact's occurred_at
// is a local date-time "YYYY-MM-DDTHH:MM" as the worker entered it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace voordeur::domain {

using Id = std::int64_t;

struct UserRef {
  Id id = 0;
  std::string display_name;
};

struct TeamRef {
  Id id = 0;
  std::string name;
};

// A team with its settings.
struct Team : TeamRef {
  int feedback_working_days = 5;  // reporter feedback is due this many working days after the decision
};

// The logged-in user as the rules see them.
struct Actor {
  Id user_id = 0;
  std::string username;
  std::string display_name;
  std::string role;  // one of vocab::roles
  std::vector<TeamRef> teams;
  bool in_team(Id team_id) const {
    for (const auto& t : teams)
      if (t.id == team_id) return true;
    return false;
  }
};

struct User {
  Id id = 0;
  std::string username;
  std::string display_name;
  std::string role;
  bool active = true;
  std::vector<TeamRef> teams;
};

struct Reporter {
  std::string name;
  std::string kind;  // private_person | organisation
  std::string relation;
  std::string organisation;
  std::string function;
  std::string phone;
  std::string address;
};

struct Person {
  Id id = 0;
  std::string name;
  std::string address;
  std::string phone;
  std::optional<std::string> date_of_birth;
  std::string sex = "unknown";
};

// A household: persons living together at an address, each member with a role
// (vocab::household_roles) and summaries of their other cases and signals.
struct HouseholdCaseRef {
  Id id = 0;
  std::string status;
  std::string phase;
};

struct HouseholdSignalRef {
  Id id = 0;
  std::string intake_date;
  std::string status;
};

struct HouseholdMember {
  Id person_id = 0;
  std::string name;
  std::string role;
  std::optional<std::string> date_of_birth;
  std::vector<HouseholdCaseRef> other_cases;
  std::vector<HouseholdSignalRef> other_signals;
};

struct Household {
  Id id = 0;
  Id team_id = 0;
  std::string address;
  std::vector<HouseholdMember> members;  // by name, then person id
};

// Adds an existing person (person_id) or a new one (name, date_of_birth) to a household.
struct HouseholdMemberInput {
  std::optional<Id> person_id;
  std::optional<std::string> name;
  std::optional<std::string> date_of_birth;
  std::string role;
};

// The triage checklist of a decision (seed 000 Bijlage 1).
struct Triage {
  std::vector<std::string> indications;
  std::vector<std::string> contra_indications;
  std::string contra_indication_note;  // why outreach despite a contra-indication
};

struct Decision {
  Id id = 0;
  std::string decision;  // outreach | regular_help | referral | no_action
  std::string reason;
  UserRef decided_by;
  std::int64_t decided_at = 0;
  std::optional<Id> case_id;
  Triage triage;
};

// Feedback to the reporter: due a number of working days after the first decision.
struct Feedback {
  std::optional<std::string> due_on;
  std::optional<std::string> given_on;
  std::string told;
};

struct FeedbackInput {
  std::string given_on;
  std::string told;
};

// Everything of the registration form (seed 000 Bijlage 2) plus person_aware.
struct SignalFields {
  std::string intake_date;
  Reporter reporter;
  Person person;
  std::string relation_to_person;
  std::string known_since;
  std::string contact_initiative;
  std::string contact_nature;
  std::string direct_reason;  // crisis | powerlessness | nuisance | other
  std::string direct_reason_other;
  std::string tried_and_result;
  std::string what_would_help;
  std::string others_in_contact;
  std::string whereabouts;
  std::string reporter_can_introduce = "unknown";
  std::string introduction_note;
  std::string worker_gender_preference = "none";
  bool may_contact_reporter = false;
  std::vector<std::string> problem_areas;
  std::string problem_areas_other;
  std::string follow_up_agreed;
  std::optional<std::string> feedback_date;
  std::string person_aware;  // yes | no | unknown
};

struct Signal : SignalFields {
  Id id = 0;
  Id team_id = 0;
  std::string status;  // awaiting_decision | decided
  std::optional<Id> case_id;
  UserRef taken_by;
  std::int64_t created_at = 0;
  std::vector<Decision> decisions;  // oldest first
  Feedback feedback;
};

struct SignalSummary {
  Id id = 0;
  Id team_id = 0;
  std::string intake_date;
  std::string person_name;
  std::string direct_reason;
  std::vector<std::string> problem_areas;
  std::string status;
  std::optional<std::string> latest_decision;
  std::optional<Id> case_id;
};

struct DecisionInput {
  std::string decision;
  std::string reason;
  std::vector<Id> assigned_worker_ids;
};

struct ContactFields {
  std::string occurred_at;  // YYYY-MM-DDTHH:MM, local
  std::string channel;
  std::string with_whom;
  std::string outcome;
  std::string note;
  std::optional<std::string> next_attempt_date;
};

struct Contact : ContactFields {
  Id id = 0;
  Id case_id = 0;
  UserRef created_by;
  std::int64_t created_at = 0;
};

struct ClosureInput {
  std::string reason;
  std::string note;
};

struct Closure {
  std::string reason;
  std::string note;
  std::int64_t closed_at = 0;
  UserRef closed_by;
};

// Preparing the first visit: what is known already, the strategy, who comes along.
struct PriorInfoInput {
  std::string source;  // from whom
  std::string content;
};

struct PriorInfo : PriorInfoInput {
  Id id = 0;
  UserRef created_by;
  std::int64_t created_at = 0;
};

struct PreparationFields {
  std::string strategy;
  std::string companion = "none";  // reporter | partner | colleague | police_officer | none
  std::string companion_name;      // name or organisation of the companion
};

struct Preparation : PreparationFields {
  std::vector<PriorInfo> prior_info;  // oldest first
  std::optional<UserRef> updated_by;  // of strategy and companion; empty until first saved
  std::optional<std::int64_t> updated_at;
};

struct CaseEvent {
  Id id = 0;
  std::string kind;  // opened | closed | reopened
  std::string reason;
  std::string note;
  UserRef actor;
  std::int64_t at = 0;
};

// Who held a case when (a handover ends one assignment and starts another).
struct Assignment {
  UserRef user;
  std::int64_t assigned_at = 0;
  std::optional<std::int64_t> unassigned_at;  // nullopt while assigned
  std::optional<UserRef> handed_over_from;    // set when this assignment came from a handover
  std::string note;                           // the handover note
};

struct HandoverInput {
  std::optional<Id> from_user_id;
  std::optional<Id> to_user_id;
  std::string note;
};

struct TransitionInput {
  std::string event;
  std::string reason;
};

// Monitoring (cliënt volgen): a check-in planned with a worker, later its outcome.
struct CheckInInput {
  std::string planned_on;
  std::optional<Id> worker_id;
};

struct CheckInOutcomeInput {
  std::string done_on;
  std::string outcome;  // doing_well | worried | lost_contact
  std::string note;
};

struct CheckIn {
  Id id = 0;
  Id case_id = 0;
  std::string planned_on;
  UserRef worker;
  std::optional<std::string> done_on;  // set with the outcome
  std::optional<std::string> outcome;
  std::string note;
  UserRef created_by;
  std::int64_t created_at = 0;
  bool suggest_reopen = false;  // derived: the outcome asks to resume making contact
};

// The monthly process review (procesbespreking) of a case.
struct ReviewInput {
  std::string held_on;
  std::string attendees;
  std::string notes;
  std::string decision;  // continue | change_approach | hand_over | close
};

struct Review : ReviewInput {
  Id id = 0;
  Id case_id = 0;
  UserRef created_by;
  std::int64_t created_at = 0;
};

// One item of a case's timeline. kind is one of vocab::timeline_kinds; details are the summary
// fields of that kind (docs/api.md), absent values as nullopt.
struct TimelineItem {
  std::string kind;
  std::int64_t at = 0;
  UserRef actor;
  Id ref_id = 0;  // id of the signal, decision, transition, contact or assignment
  std::vector<std::pair<std::string, std::optional<std::string>>> details;
};

struct CaseSummary {
  Id id = 0;
  Id team_id = 0;
  std::string person_name;
  std::string status;  // open | closed
  std::string phase;   // vocab::case_phases; closed exactly when status is closed
  std::int64_t opened_at = 0;
  std::vector<UserRef> assigned_workers;
  std::optional<std::string> last_contact_at;
  std::optional<std::int64_t> days_since_last_contact;  // derived from last_contact_at and today
  std::optional<std::string> next_attempt_date;
  std::int64_t contact_count = 0;
};

// Emergency access to another team's case (break-glass): the grant a read went through.
struct BreakGlassAccess {
  Id id = 0;
  std::string reason;
  std::int64_t expires_at = 0;  // Unix seconds
};

struct Case : CaseSummary {
  Person person;
  std::vector<SignalSummary> signals;
  std::optional<Decision> decision;  // the decision that opened the case
  std::vector<Contact> contacts;     // newest first
  std::optional<Closure> closure;
  std::vector<CaseEvent> events;  // oldest first
  std::vector<std::string> allowed_events;     // domain/trajectory.h allowed_events
  std::vector<Assignment> assignment_history;  // oldest first
  Preparation preparation;
  std::vector<CheckIn> check_ins;  // earliest planned_on first
  std::vector<Review> reviews;     // newest held_on first
  // Days from the earliest signal's intake date to the first contact that reached the person
  // (domain/persistence.h); derived by app/.
  std::optional<std::int64_t> days_to_first_contact;
  std::vector<int> cadence_days;  // the team's suggested days until the next attempt
  std::string concerns = "person";  // vocab::case_concerns: the person or their whole household
  // The person's household; other_cases and other_signals leave out this case and its signals.
  std::optional<Household> household;
  // Set when the reader is not a member of the case's team and reads through break-glass.
  std::optional<BreakGlassAccess> break_glass;
};

}  // namespace voordeur::domain
