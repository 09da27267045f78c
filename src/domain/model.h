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

// The logged-in user as the rules see them.
struct Actor {
  Id user_id = 0;
  std::string username;
  std::string display_name;
  std::string role;  // outreacher | team_lead | admin
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

struct Decision {
  Id id = 0;
  std::string decision;  // outreach | regular_help | referral | no_action
  std::string reason;
  UserRef decided_by;
  std::int64_t decided_at = 0;
  std::optional<Id> case_id;
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

struct CaseEvent {
  Id id = 0;
  std::string kind;  // opened | closed | reopened
  std::string reason;
  std::string note;
  UserRef actor;
  std::int64_t at = 0;
};

struct CaseSummary {
  Id id = 0;
  Id team_id = 0;
  std::string person_name;
  std::string status;  // open | closed
  std::int64_t opened_at = 0;
  std::vector<UserRef> assigned_workers;
  std::optional<std::string> last_contact_at;
  std::optional<std::int64_t> days_since_last_contact;  // derived from last_contact_at and today
  std::optional<std::string> next_attempt_date;
  std::int64_t contact_count = 0;
};

struct Case : CaseSummary {
  Person person;
  std::vector<SignalSummary> signals;
  std::optional<Decision> decision;  // the decision that opened the case
  std::vector<Contact> contacts;     // newest first
  std::optional<Closure> closure;
  std::vector<CaseEvent> events;  // oldest first
};

}  // namespace voordeur::domain
