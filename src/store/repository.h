// The queries of Voordeur, written once in portable SQL over store::Connection (db.h), so the
// SQLite and the PostgreSQL back end run the same code paths. Functions map rows to and from the
// domain model (domain/model.h). They do not check permissions or validate input: app/ does that
// before calling, inside the transaction it opened. All functions throw DbError on failure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/model.h"
#include "domain/persistence.h"
#include "store/db.h"

namespace voordeur::store {

// Lists of API values (problem_areas, topics, channels) are stored as comma-separated text; the
// values contain no commas.
std::string join_list(const std::vector<std::string>& items);
std::vector<std::string> split_list(const std::string& text);

using domain::Id;

// ---- teams and users
std::vector<domain::TeamRef> list_teams(Connection& c);
std::optional<domain::TeamRef> find_team(Connection& c, Id team_id);
Id insert_team(Connection& c, const std::string& name, std::int64_t now);  // unique_violation on duplicate name

struct UserWithHash {
  domain::User user;
  std::string password_hash;
};
std::optional<UserWithHash> find_user_by_username(Connection& c, const std::string& username);
std::optional<domain::User> find_user(Connection& c, Id user_id);  // with teams
std::vector<domain::User> list_users(Connection& c);               // with teams, by username
std::vector<domain::User> team_members(Connection& c, Id team_id); // with teams, by display name
Id insert_user(Connection& c, const domain::User& u, const std::string& password_hash, std::int64_t now);
// Updates display_name, role, active.
void update_user(Connection& c, const domain::User& u);
void set_password_hash(Connection& c, Id user_id, const std::string& password_hash);
void set_user_teams(Connection& c, Id user_id, const std::vector<Id>& team_ids);
std::int64_t count_users(Connection& c);
// Teams with their settings, by name.
std::vector<domain::Team> list_team_settings(Connection& c);
std::optional<domain::Team> find_team_settings(Connection& c, Id team_id);
void set_team_feedback_working_days(Connection& c, Id team_id, int days);

// ---- sessions (token and CSRF token stored as given; app stores a hash of the session token)
struct SessionRow {
  Id id = 0;
  Id user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  domain::User user;  // with teams
  bool second_factor_pending = false;  // password given, TOTP code not yet (totp_repository.h)
};
void insert_session(Connection& c, const std::string& token_hash, Id user_id, const std::string& csrf_token,
                    std::int64_t now);
std::optional<SessionRow> find_session(Connection& c, const std::string& token_hash);
void touch_session(Connection& c, Id session_id, std::int64_t now);
void delete_session(Connection& c, Id session_id);
void delete_user_sessions(Connection& c, Id user_id);
// Removes sessions idle since before idle_cutoff or created before absolute_cutoff; returns count.
std::int64_t delete_expired_sessions(Connection& c, std::int64_t idle_cutoff, std::int64_t absolute_cutoff);

// ---- signals
// Inserts the person as a member of `household_id` with `role`, or (nullopt) as the adult of a new
// household of their own at their address.
Id insert_person(Connection& c, Id team_id, const domain::Person& p, std::int64_t now,
                 std::optional<Id> household_id = std::nullopt, const std::string& role = "adult");
Id insert_signal(Connection& c, Id team_id, Id person_id, const domain::SignalFields& s, Id taken_by,
                 std::int64_t now);
// Full signal with person, taken_by, decisions (oldest first). nullopt when the id does not exist.
std::optional<domain::Signal> find_signal(Connection& c, Id signal_id);
std::optional<Id> signal_team(Connection& c, Id signal_id);

struct SignalFilter {
  std::vector<Id> team_ids;           // only these teams (empty: none)
  std::optional<std::string> status;  // awaiting_decision | decided; nullopt: all
  // Only signals whose feedback is not given and was due before this date; nullopt: all.
  std::optional<std::string> feedback_overdue_on;
  int limit = 50;
  int offset = 0;
};
struct SignalPage {
  std::vector<domain::SignalSummary> items;  // newest intake_date first, then newest id
  std::int64_t total = 0;
};
SignalPage list_signals(Connection& c, const SignalFilter& f);
// Adds a decision row with its triage checklist and sets the signal's status to decided (and its
// case_id when given).
Id insert_decision(Connection& c, Id signal_id, const domain::DecisionInput& d, Id decided_by, std::int64_t now,
                   std::optional<Id> case_id, const domain::Triage& triage = {});
// Sets the reporter feedback due date unless one is set already (the first decision sets it).
void set_feedback_due(Connection& c, Id signal_id, const std::string& due_on);
// Records that the reporter was given feedback (replaces an earlier record).
void record_feedback(Connection& c, Id signal_id, const domain::FeedbackInput& f);

// ---- cases
// Opens a case in phase preparation for the person with the assigned workers (and their
// assignment history rows) and an "opened" event (reason = decision reason).
Id insert_case(Connection& c, Id team_id, Id person_id, const std::vector<Id>& worker_ids, Id actor,
               const std::string& reason, std::int64_t now);
std::optional<Id> case_team(Connection& c, Id case_id);
std::optional<std::string> case_status(Connection& c, Id case_id);
// Full case: person, workers, signals, opening decision, contacts (newest first), closure, events,
// assignment history (allowed_events is left empty: app derives it with the domain rules).
// days_since_last_contact is left empty (app derives it from the clock); cadence_days is the team's.
std::optional<domain::Case> find_case(Connection& c, Id case_id);

enum class CaseSort { days_since_contact, next_attempt };
struct CaseFilter {
  std::vector<Id> team_ids;            // only these teams (empty: none)
  std::optional<Id> assigned_worker;   // scope=mine
  std::optional<std::string> status;   // open | closed; nullopt: all
  std::optional<std::string> phase;    // one of vocab::case_phases; nullopt: all
  CaseSort sort = CaseSort::days_since_contact;
  bool descending = true;
  int limit = 50;
  int offset = 0;
};
struct CasePage {
  std::vector<domain::CaseSummary> items;
  std::int64_t total = 0;
};
// Sorting: days_since_contact descending = never contacted first, then oldest last_contact_at first;
// ascending is the exact reverse. next_attempt ascending = earliest next_attempt_date first, cases
// without one last; descending is the exact reverse. Ties by id: ascending in days_since_contact
// descending and next_attempt ascending, descending in their reverses.
CasePage list_cases(Connection& c, const CaseFilter& f);

// Inserts the contact and recomputes the case's last_contact_at (latest occurred_at),
// next_attempt_date (of the contact with the latest occurred_at, ties: highest id) and contact_count.
Id insert_contact(Connection& c, Id case_id, const domain::ContactFields& ct, Id created_by, std::int64_t now);
std::optional<domain::Contact> find_contact(Connection& c, Id contact_id);
std::vector<domain::Contact> list_contacts(Connection& c, Id case_id);  // newest occurred_at first, then id desc

// Sets status closed with reason/note/closed_by/closed_at and adds a "closed" event.
void close_case(Connection& c, Id case_id, const domain::ClosureInput& in, Id actor, std::int64_t now);
// Sets status open, clears the closure fields, adds a "reopened" event with the reason.
void reopen_case(Connection& c, Id case_id, const std::string& reason, Id actor, std::int64_t now);

// ---- trajectory: phases, handovers, timeline
std::optional<std::string> case_phase(Connection& c, Id case_id);
// Whether a contact with outcome "conversation" is recorded on the case.
bool case_has_conversation(Connection& c, Id case_id);
// Sets the case's phase to `to` and records the move. Status is left to close_case/reopen_case.
void record_transition(Connection& c, Id case_id, const std::string& from, const std::string& event,
                       const std::string& to, Id actor, const std::string& reason, std::int64_t now);
std::vector<Id> case_worker_ids(Connection& c, Id case_id);
// Replaces worker `from` by `to` on the case: ends from's open assignment and starts one for `to`
// with the note.
void hand_over_case(Connection& c, Id case_id, Id from, Id to, const std::string& note, Id actor, std::int64_t now);
std::vector<domain::Assignment> assignment_history(Connection& c, Id case_id);  // oldest first
// The case's timeline items of the given kinds (of vocab::timeline_kinds), oldest first; ties in
// the order signal, decision, phase, contact, handover, check_in, review, then by id. Contacts are
// placed at the time they were recorded (created_at); their local occurred_at is a detail.
std::vector<domain::TimelineItem> case_timeline(Connection& c, Id case_id, const std::vector<std::string>& kinds);

// ---- preparation of a case's first visit
// Strategy and companion (defaults until first saved) and the prior information, oldest first.
domain::Preparation find_preparation(Connection& c, Id case_id);
// Inserts or replaces the case's strategy and companion.
void save_preparation(Connection& c, Id case_id, const domain::PreparationFields& p, Id actor, std::int64_t now);
Id insert_prior_info(Connection& c, Id case_id, const domain::PriorInfoInput& in, Id actor, std::int64_t now);

// ---- monitoring (check-ins) and process reviews
// closed_at: the case's closed_at when it is closed (the check-in counts towards that closure).
Id insert_check_in(Connection& c, Id case_id, const domain::CheckInInput& in, Id actor, std::int64_t now,
                   std::optional<std::int64_t> closed_at = std::nullopt);
std::optional<domain::CheckIn> find_check_in(Connection& c, Id check_in_id);
void record_check_in_outcome(Connection& c, Id check_in_id, const domain::CheckInOutcomeInput& in);
std::vector<domain::CheckIn> list_check_ins(Connection& c, Id case_id);  // earliest planned_on first, then id
// Check-ins of the case scheduled after the closure at `closed_at` (Unix seconds).
std::int64_t count_check_ins_after_closure(Connection& c, Id case_id, std::int64_t closed_at);
// The closure reason and time of a closed case; nullopt while the case is open or missing.
std::optional<std::pair<std::string, std::int64_t>> case_closure(Connection& c, Id case_id);

struct OverdueCheckIn {
  domain::CheckIn check_in;
  Id team_id = 0;
  std::string person_name;
};
// Check-ins without an outcome planned before `today` on cases of the teams; earliest first.
std::vector<OverdueCheckIn> list_overdue_check_ins(Connection& c, const std::vector<Id>& team_ids,
                                                   const std::string& today);

Id insert_review(Connection& c, Id case_id, const domain::ReviewInput& in, Id actor, std::int64_t now);
std::vector<domain::Review> list_reviews(Connection& c, Id case_id);  // newest held_on first, then id desc

struct ReviewBasis {
  Id case_id = 0;
  std::int64_t opened_at = 0;
  std::optional<std::string> last_review_on;  // latest held_on; nullopt without reviews
};
// The open cases of the teams with their opening time and last review date.
std::vector<ReviewBasis> review_basis(Connection& c, const std::vector<Id>& team_ids);

// ---- persistence in making contact, caseload (a team's settings are columns of teams)
std::optional<domain::PersistenceSettings> find_persistence_settings(Connection& c, Id team_id);
void save_persistence_settings(Connection& c, Id team_id, const domain::PersistenceSettings& s);
struct CaseAttempts {
  Id case_id = 0;
  Id team_id = 0;
  std::string phase;
  std::int64_t opened_at = 0;
  std::vector<Id> worker_ids;
  std::vector<domain::Contact> contacts;  // oldest occurred_at first, then id
};
// The open cases of the teams, by id, each with its assigned workers and its contacts.
std::vector<CaseAttempts> open_case_attempts(Connection& c, const std::vector<Id>& team_ids);
// How many contacts the user logged with occurred_at on or after the date `from` and before the
// date `until`.
std::int64_t count_contacts_logged(Connection& c, Id user_id, const std::string& from, const std::string& until);

// ---- households (a person belongs to exactly one household)
Id insert_household(Connection& c, Id team_id, const std::string& address, std::int64_t now);
std::optional<Id> household_team(Connection& c, Id household_id);
std::optional<Id> person_team(Connection& c, Id person_id);
// The person's own fields; nullopt when there is no such person.
std::optional<domain::Person> find_person(Connection& c, Id person_id);
std::optional<Id> person_household(Connection& c, Id person_id);
// Moves the person into the household with the role (out of their previous household). Their cases
// that concern a whole household follow them into the new one.
void set_household_member(Connection& c, Id household_id, Id person_id, const std::string& role);
// The household with its members (by name, then id), each with their cases and signals, leaving out
// the case `except_case` and its signals. nullopt when the id does not exist.
std::optional<domain::Household> find_household(Connection& c, Id household_id,
                                                std::optional<Id> except_case = std::nullopt);
// The case concerns its person's whole household (household_id set) or only the person (NULL).
void set_case_household(Connection& c, Id case_id, std::optional<Id> household_id);

}  // namespace voordeur::store
