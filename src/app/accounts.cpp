#include "app/accounts.h"

#include <algorithm>

#include "app/auth.h"
#include "app/tx.h"
#include "domain/rules.h"
#include "domain/validation.h"
#include "store/repository.h"

namespace voordeur::app {
namespace {

domain::Error admins_only() {
  return domain::make_error("forbidden", "Only an admin can manage users and teams.");
}

domain::Error user_not_found() { return domain::make_error("not_found", "This user does not exist."); }

void append(std::vector<domain::FieldError>& to, std::vector<domain::FieldError> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

std::vector<domain::FieldError> AccountService::check_teams(store::Connection& c, const std::vector<domain::Id>& ids) {
  std::vector<domain::FieldError> errors;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string field = "team_ids[" + std::to_string(i) + "]";
    if (std::count(ids.begin(), ids.end(), ids[i]) > 1) {
      errors.push_back({field, "duplicate", "Each team may be listed once."});
    } else if (!store::find_team(c, ids[i])) {
      errors.push_back({field, "unknown_value", "This team does not exist."});
    }
  }
  return errors;
}

domain::Result<std::vector<domain::Team>> AccountService::teams(const domain::Actor& a) {
  return in_read(db_, [&](store::Connection& c) -> domain::Result<std::vector<domain::Team>> {
    auto all = store::list_team_settings(c);
    // The privacy officer reviews emergency access of every team, so needs their names.
    if (domain::can_manage_accounts(a) || domain::permissions_of(a.role).review_all_teams) return all;
    std::vector<domain::Team> own;
    for (auto& t : all) {
      if (a.in_team(t.id)) own.push_back(std::move(t));
    }
    return own;
  });
}

domain::Result<domain::Team> AccountService::update_team(const domain::Actor& a, domain::Id team_id,
                                                         const TeamPatch& in) {
  if (!domain::can_manage_accounts(a) && !domain::can_see_team(a, team_id)) {
    return domain::make_error("not_found", "This team does not exist or you are not a member.");
  }
  if (!domain::can_change_team_settings(a, team_id)) {
    return domain::make_error("forbidden", "Only an admin or a team lead of this team can change its settings.");
  }
  if (in.feedback_working_days) {
    if (auto errors = domain::validate_feedback_working_days(*in.feedback_working_days); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
  }
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Team> {
    if (!store::find_team(c, team_id)) return domain::make_error("not_found", "This team does not exist.");
    if (in.feedback_working_days) store::set_team_feedback_working_days(c, team_id, *in.feedback_working_days);
    return *store::find_team_settings(c, team_id);
  });
}

domain::Result<domain::Team> AccountService::create_team(const domain::Actor& a, const std::string& name) {
  if (!domain::can_manage_accounts(a)) return admins_only();
  if (auto errors = domain::validate_team_name(name); !errors.empty()) {
    return domain::validation_error(std::move(errors));
  }
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Team> {
    for (const auto& t : store::list_teams(c)) {
      if (t.name == name) return domain::make_error("conflict", "A team with this name already exists.");
    }
    return *store::find_team_settings(c, store::insert_team(c, name, now));
  });
}

domain::Result<std::vector<domain::User>> AccountService::members(const domain::Actor& a, domain::Id team_id) {
  if (!domain::can_manage_accounts(a) && !domain::can_see_team(a, team_id)) {
    return domain::make_error("not_found", "This team does not exist or you are not a member.");
  }
  return in_read(db_, [&](store::Connection& c) -> domain::Result<std::vector<domain::User>> {
    if (!store::find_team(c, team_id)) return domain::make_error("not_found", "This team does not exist.");
    return store::team_members(c, team_id);
  });
}

std::optional<domain::FieldError> AccountService::weak_password(const std::string& password,
                                                               const std::string& username) const {
  static const domain::CommonPasswords none;
  return domain::check_password_strength(password, username, common_ ? *common_ : none);
}

domain::Result<std::vector<domain::User>> AccountService::users(const domain::Actor& a) {
  if (!domain::can_manage_accounts(a)) return admins_only();
  return in_read(db_, [&](store::Connection& c) -> domain::Result<std::vector<domain::User>> {
    return store::list_users(c);
  });
}

domain::Result<domain::User> AccountService::create_user(const domain::Actor& a, const NewUser& in) {
  if (!domain::can_manage_accounts(a)) return admins_only();
  std::vector<domain::FieldError> errors;
  append(errors, domain::validate_username(in.username));
  append(errors, domain::validate_display_name(in.display_name));
  append(errors, domain::validate_role(in.role));
  append(errors, domain::validate_password(in.password));
  if (errors.empty()) {
    if (auto weak = weak_password(in.password, in.username)) errors.push_back(std::move(*weak));
  }
  if (!errors.empty()) return domain::validation_error(std::move(errors));
  const std::string hash = hash_password(in.password);
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::User> {
    if (auto team_errors = check_teams(c, in.team_ids); !team_errors.empty()) {
      return domain::validation_error(std::move(team_errors));
    }
    if (store::find_user_by_username(c, in.username)) {
      return domain::validation_error({{"username", "duplicate", "This username is taken; choose another."}});
    }
    domain::User u{0, in.username, in.display_name, in.role, true, {}};
    domain::Id id = store::insert_user(c, u, hash, now);
    store::set_user_teams(c, id, in.team_ids);
    return *store::find_user(c, id);
  });
}

domain::Result<domain::User> AccountService::update_user(const domain::Actor& a, domain::Id id, const UserPatch& in) {
  if (!domain::can_manage_accounts(a)) return admins_only();
  std::vector<domain::FieldError> errors;
  if (in.display_name) append(errors, domain::validate_display_name(*in.display_name));
  if (in.role) append(errors, domain::validate_role(*in.role));
  if (in.password) append(errors, domain::validate_password(*in.password));
  if (id == a.user_id && ((in.active && !*in.active) || (in.role && *in.role != a.role))) {
    errors.push_back({in.role ? "role" : "active", "out_of_range",
                      "You cannot deactivate yourself or change your own role; ask another admin."});
  }
  if (!errors.empty()) return domain::validation_error(std::move(errors));
  const std::optional<std::string> hash = in.password ? std::optional(hash_password(*in.password)) : std::nullopt;
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::User> {
    auto u = store::find_user(c, id);
    if (!u) return user_not_found();
    if (in.password) {
      if (auto weak = weak_password(*in.password, u->username)) return domain::validation_error({std::move(*weak)});
    }
    if (in.team_ids) {
      if (auto team_errors = check_teams(c, *in.team_ids); !team_errors.empty()) {
        return domain::validation_error(std::move(team_errors));
      }
      store::set_user_teams(c, id, *in.team_ids);
    }
    if (in.display_name) u->display_name = *in.display_name;
    if (in.role) u->role = *in.role;
    if (in.active) u->active = *in.active;
    store::update_user(c, *u);
    if (hash) store::set_password_hash(c, id, *hash);
    if (hash || (in.active && !*in.active)) store::delete_user_sessions(c, id);
    return *store::find_user(c, id);
  });
}

}  // namespace voordeur::app
