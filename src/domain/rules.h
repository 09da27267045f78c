// Who may do what, and which state changes are allowed. Pure functions over domain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/errors.h"
#include "domain/model.h"

namespace voordeur::domain {

// What each role may do, one row per role of vocab::roles (testdata/role_permissions.tsv). An
// unknown role may do nothing. Team-bound rights apply only to the teams the actor is a member of.
struct RolePermissions {
  bool read_team_records = false;   // the signals, cases, persons and members of its teams
  bool field_work = false;          // register signals, log contacts, close, reopen
  bool decide = false;              // decide on a signal
  bool manage_accounts = false;     // users and teams, revoking sessions
  bool submit_signals = false;      // register a signal in one of its teams
  bool follow_own_signals = false;  // the status of the signals it submitted, nothing else
  bool read_figures = false;        // aggregate figures of all teams, never a person
  bool break_glass = false;         // open another team's case for a stated reason
  bool review_break_glass = false;  // the emergency access to its teams' cases (all teams: privacy officer)
  bool review_all_teams = false;    // review_break_glass for every team
};
const RolePermissions& permissions_of(std::string_view role);

// Team scoping: outreachers and team leads (and admins that are members) see their own teams' records;
// reception, partner, policy and privacy officer never read case content, signals or persons.
bool can_see_team(const Actor& a, Id team_id);
// Lists of signals, cases and check-ins: a role that reads team records at all.
bool can_list_team_records(const Actor& a);
// Submit a signal into a team: a member who works in the field or reports as a partner.
bool can_submit_signal(const Actor& a, Id team_id);
// A partner's view of the signals it submitted.
bool can_follow_own_signals(const Actor& a);
// Aggregate figures (policy).
bool can_read_figures(const Actor& a);
// Emergency access to a case of a team the actor is not a member of.
bool can_break_glass(const Actor& a, Id case_team_id);
// The list of emergency accesses to a team's cases: its team lead, or a privacy officer.
bool can_review_break_glass(const Actor& a, Id team_id);
// Register signals, log contacts, close and reopen: an outreacher or team lead of that team.
bool can_work_in_team(const Actor& a, Id team_id);
// Decide on a signal: a team lead of the signal's team.
bool can_decide(const Actor& a, Id team_id);
// Manage users and teams, revoke sessions: admin.
bool can_manage_accounts(const Actor& a);
// Change a team's settings (feedback working days): admin, or a team lead of that team.
bool can_change_team_settings(const Actor& a, Id team_id);
// May be assigned to a case: an active outreacher or team lead who is a member of the team.
bool is_assignable(const User& u, Id team_id);

// A signal whose decision opened a case cannot be decided again ("conflict").
std::optional<Error> check_can_decide(const Signal& s);
// For an outreach decision: every assigned worker must be assignable in the team
// (field "assigned_worker_ids[i]", code "not_team_member"). `candidates` are the users looked up by id
// (missing ids are simply absent).
std::vector<FieldError> check_assignees(const DecisionInput& d, const std::vector<User>& candidates, Id team_id);
// Case state: contacts and closure need an open case ("case_closed"), reopen needs a closed one ("case_open").
std::optional<Error> check_can_log_contact(std::string_view case_status);
// Preparation (prior information, strategy, companion) changes only on an open case ("case_closed").
std::optional<Error> check_can_prepare(std::string_view case_status);
std::optional<Error> check_can_close(std::string_view case_status);
std::optional<Error> check_can_reopen(std::string_view case_status);
// Days since the last contact, counted from its date to today's date; nullopt when never contacted.
std::optional<std::int64_t> days_since_last_contact(const std::optional<std::string>& last_contact_at,
                                                    std::string_view today);

}  // namespace voordeur::domain
