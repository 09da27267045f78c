// Use cases of the roles without access to case content, plus emergency access and sessions:
// - partner: the status of the signals it submitted (domain/scoped_views.h PartnerSignal);
// - policy: aggregate figures with small-cell suppression, never a person;
// - break-glass: an outreacher or team lead opens another team's case for a stated reason; the
//   grant allows reading that case for kBreakGlassSeconds; the team lead of the case's team and the
//   privacy officer see the list;
// - revoking sessions: an admin logs a user out everywhere; anyone can do so for themselves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/clock.h"
#include "domain/errors.h"
#include "domain/model.h"
#include "domain/scoped_views.h"
#include "store/db.h"
#include "store/roles_repository.h"

namespace voordeur::app {

inline constexpr std::int64_t kBreakGlassSeconds = 4 * 3600;

struct Figures {
  std::vector<domain::Team> teams;  // id and name of every team
  std::vector<domain::PublishedFigure> counts;
};

class RoleService {
 public:
  RoleService(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  domain::Result<std::vector<domain::PartnerSignal>> partner_signals(const domain::Actor& a);
  domain::Result<Figures> figures(const domain::Actor& a);
  // Grants the actor read access to the case for kBreakGlassSeconds. not_found when the case does not
  // exist; conflict when it is the actor's own team's case; forbidden for roles without break-glass;
  // validation_failed without a reason (3..1000 characters).
  domain::Result<store::BreakGlassGrant> break_glass(const domain::Actor& a, domain::Id case_id,
                                                     const std::string& reason);
  domain::Result<std::vector<store::BreakGlassGrant>> break_glass_list(const domain::Actor& a, domain::Id team_id);
  // Ends every session of the user (admin only); not_found for an unknown user.
  domain::Result<domain::Unit> revoke_sessions(const domain::Actor& a, domain::Id user_id);
  // Ends every session of the actor, this one included.
  domain::Result<domain::Unit> revoke_own_sessions(const domain::Actor& a);

 private:
  store::Database& db_;
  const Clock& clock_;
};

}  // namespace voordeur::app
