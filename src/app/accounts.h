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
  AccountService(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Admins: all teams; others: their own teams.
  domain::Result<std::vector<domain::Team>> teams(const domain::Actor& a);
  domain::Result<domain::Team> create_team(const domain::Actor& a, const std::string& name);
  // Admin, or a team lead of that team (another team is not_found, an outreacher forbidden).
  domain::Result<domain::Team> update_team(const domain::Actor& a, domain::Id team_id, const TeamPatch& in);
  domain::Result<std::vector<domain::User>> members(const domain::Actor& a, domain::Id team_id);
  domain::Result<std::vector<domain::User>> users(const domain::Actor& a);
  // Hashes the password: call from the slow pool.
  domain::Result<domain::User> create_user(const domain::Actor& a, const NewUser& in);
  domain::Result<domain::User> update_user(const domain::Actor& a, domain::Id id, const UserPatch& in);

 private:
  // Field errors for team ids that do not exist.
  std::vector<domain::FieldError> check_teams(store::Connection& c, const std::vector<domain::Id>& ids);

  store::Database& db_;
  const Clock& clock_;
};

}  // namespace voordeur::app
