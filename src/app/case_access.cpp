#include "app/case_access.h"

#include "domain/rules.h"
#include "store/access_log_repository.h"
#include "store/repository.h"
#include "store/roles_repository.h"

namespace voordeur::app {

std::optional<CaseReadAccess> case_read_access(store::Connection& c, const domain::Actor& a, domain::Id case_id,
                                               std::int64_t now) {
  const auto subject = store::case_subject(c, case_id);
  if (!subject) return std::nullopt;
  if (domain::can_see_team(a, subject->team_id)) return CaseReadAccess{subject->team_id, subject->person_id, std::nullopt};
  if (!domain::can_break_glass(a, subject->team_id)) return std::nullopt;
  const auto grant = store::find_active_break_glass(c, a.user_id, case_id, now);
  if (!grant) return std::nullopt;
  return CaseReadAccess{subject->team_id, subject->person_id,
                        domain::BreakGlassAccess{grant->id, grant->reason, grant->expires_at}};
}

}  // namespace voordeur::app
