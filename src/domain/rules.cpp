#include "domain/rules.h"

#include <algorithm>

#include "domain/dates.h"

namespace voordeur::domain {

namespace {

bool works_in_the_field(std::string_view role) { return permissions_of(role).field_work; }

std::optional<Error> require_open(std::string_view case_status) {
  if (case_status == "open") return std::nullopt;
  return make_error("case_closed", "This case is closed; reopen it first.");
}

}  // namespace

const RolePermissions& permissions_of(std::string_view role) {
  // read, field, decide, accounts, submit, follow, figures, break glass, review, review all teams
  static const RolePermissions outreacher{true, true, false, false, true, false, false, true, false, false};
  static const RolePermissions team_lead{true, true, true, false, true, false, false, true, true, false};
  static const RolePermissions admin{true, false, false, true, false, false, false, false, false, false};
  static const RolePermissions partner{false, false, false, false, true, true, false, false, false, false};
  static const RolePermissions policy{false, false, false, false, false, false, true, false, false, false};
  static const RolePermissions privacy_officer{false, false, false, false, false, false, false, false, true, true};
  static const RolePermissions nothing{};
  if (role == "outreacher") return outreacher;
  if (role == "team_lead") return team_lead;
  if (role == "admin") return admin;
  if (role == "partner") return partner;
  if (role == "policy") return policy;
  if (role == "privacy_officer") return privacy_officer;
  return nothing;  // reception, and any unknown role
}

bool can_see_team(const Actor& a, Id team_id) {
  return a.in_team(team_id) && permissions_of(a.role).read_team_records;
}

bool can_list_team_records(const Actor& a) { return permissions_of(a.role).read_team_records; }

bool can_work_in_team(const Actor& a, Id team_id) { return a.in_team(team_id) && works_in_the_field(a.role); }

bool can_decide(const Actor& a, Id team_id) { return a.in_team(team_id) && permissions_of(a.role).decide; }

bool can_manage_accounts(const Actor& a) { return permissions_of(a.role).manage_accounts; }

bool can_change_team_settings(const Actor& a, Id team_id) {
  return can_manage_accounts(a) || can_decide(a, team_id);
}

bool can_submit_signal(const Actor& a, Id team_id) {
  return a.in_team(team_id) && permissions_of(a.role).submit_signals;
}

bool can_follow_own_signals(const Actor& a) { return permissions_of(a.role).follow_own_signals; }

bool can_read_figures(const Actor& a) { return permissions_of(a.role).read_figures; }

bool can_break_glass(const Actor& a, Id case_team_id) {
  return permissions_of(a.role).break_glass && !a.in_team(case_team_id);
}

bool can_review_break_glass(const Actor& a, Id team_id) {
  const auto& p = permissions_of(a.role);
  return p.review_all_teams || (p.review_break_glass && a.in_team(team_id));
}

bool is_assignable(const User& u, Id team_id) {
  const bool member =
      std::any_of(u.teams.begin(), u.teams.end(), [team_id](const TeamRef& t) { return t.id == team_id; });
  return u.active && member && works_in_the_field(u.role);
}

std::optional<Error> check_can_decide(const Signal& s) {
  std::optional<Id> opened = s.case_id;
  for (const auto& d : s.decisions)
    if (!opened && d.case_id) opened = d.case_id;
  if (!opened) return std::nullopt;
  return make_error("conflict", "This signal already opened case " + std::to_string(*opened) +
                                    "; decide on the case instead.");
}

std::vector<FieldError> check_assignees(const DecisionInput& d, const std::vector<User>& candidates,
                                        Id team_id) {
  std::vector<FieldError> errors;
  if (d.decision != "outreach") return errors;
  for (std::size_t i = 0; i < d.assigned_worker_ids.size(); ++i) {
    const Id id = d.assigned_worker_ids[i];
    const auto user =
        std::find_if(candidates.begin(), candidates.end(), [id](const User& u) { return u.id == id; });
    if (user == candidates.end() || !is_assignable(*user, team_id))
      errors.push_back(FieldError{"assigned_worker_ids[" + std::to_string(i) + "]", "not_team_member",
                                  "Choose an active outreacher or team lead of this signal's team."});
  }
  return errors;
}

std::optional<Error> check_can_log_contact(std::string_view case_status) { return require_open(case_status); }

std::optional<Error> check_can_prepare(std::string_view case_status) { return require_open(case_status); }

std::optional<Error> check_can_close(std::string_view case_status) { return require_open(case_status); }

std::optional<Error> check_can_reopen(std::string_view case_status) {
  if (case_status == "closed") return std::nullopt;
  return make_error("case_open", "This case is open; only a closed case can be reopened.");
}

std::optional<std::int64_t> days_since_last_contact(const std::optional<std::string>& last_contact_at,
                                                    std::string_view today) {
  if (!last_contact_at) return std::nullopt;
  const auto days = days_between(*last_contact_at, today);
  if (!days) return std::nullopt;
  // A contact may be logged up to a day ahead (validate_contact); it counts as today, not as -1.
  return std::max<std::int64_t>(*days, 0);
}

}  // namespace voordeur::domain
