#include "app/case_access.h"

#include "domain/rules.h"
#include "store/repository.h"
#include "store/roles_repository.h"

namespace voordeur::app {

std::optional<CaseReadAccess> case_read_access(store::Connection& c, const domain::Actor& a, domain::Id case_id,
                                               std::int64_t now) {
  const auto team = store::case_team(c, case_id);
  if (!team) return std::nullopt;
  if (domain::can_see_team(a, *team)) return CaseReadAccess{*team, std::nullopt};
  if (!domain::can_break_glass(a, *team)) return std::nullopt;
  const auto grant = store::find_active_break_glass(c, a.user_id, case_id, now);
  if (!grant) return std::nullopt;
  return CaseReadAccess{*team, domain::BreakGlassAccess{grant->id, grant->reason, grant->expires_at}};
}

}  // namespace voordeur::app
