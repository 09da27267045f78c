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

// Team scoping: outreachers and team leads see and change only their own teams' records.
bool can_see_team(const Actor& a, Id team_id);
// Register signals, log contacts, close and reopen: an outreacher or team lead of that team.
bool can_work_in_team(const Actor& a, Id team_id);
// Decide on a signal: a team lead of the signal's team.
bool can_decide(const Actor& a, Id team_id);
// Manage users and teams: admin.
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
