// Use cases for teams and users. Admins manage everything; other users may list their own teams
// and those teams' members (to assign workers). Changing a password or deactivating a user ends
// that user's sessions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/clock.h"
#include "domain/errors.h"
#include "domain/model.h"
#include "domain/password_policy.h"
#include "store/db.h"

namespace voordeur::app {

struct NewUser {
  std::string username;
  std::string display_name;
  std::string role;
  std::string password;
  std::vector<domain::Id> team_ids;
};

struct UserPatch {
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<bool> active;
  std::optional<std::string> password;
  std::optional<std::vector<domain::Id>> team_ids;
};

struct TeamPatch {
  std::optional<int> feedback_working_days;
};

class AccountService {
 public:
  // `common`: the common passwords refused for new and changed passwords (domain/password_policy.h);
  // it must outlive the service. Without it only the other strength rules apply.
  AccountService(store::Database& db, const Clock& clock, const domain::CommonPasswords* common = nullptr)
      : db_(db), clock_(clock), common_(common) {}

  // Admins and privacy officers: all teams; others: their own teams.
  domain::Result<std::vector<domain::Team>> teams(const domain::Actor& a);
  domain::Result<domain::Team> create_team(const domain::Actor& a, const std::string& name);
  // Admin, or a team lead of that team (another team is not_found, an outreacher forbidden).
  domain::Result<domain::Team> update_team(const domain::Actor& a, domain::Id team_id, const TeamPatch& in);
  domain::Result<std::vector<domain::User>> members(const domain::Actor& a, domain::Id team_id);
  domain::Result<std::vector<domain::User>> users(const domain::Actor& a);
  // Hashes the password: call from the slow pool. A weak password (domain/password_policy.h) is
  // validation_failed with "password" / "weak_password".
  domain::Result<domain::User> create_user(const domain::Actor& a, const NewUser& in);
  domain::Result<domain::User> update_user(const domain::Actor& a, domain::Id id, const UserPatch& in);

 private:
  // Field errors for team ids that do not exist.
  std::vector<domain::FieldError> check_teams(store::Connection& c, const std::vector<domain::Id>& ids);

  std::optional<domain::FieldError> weak_password(const std::string& password, const std::string& username) const;

  store::Database& db_;
  const Clock& clock_;
  const domain::CommonPasswords* common_;
};

}  // namespace voordeur::app
