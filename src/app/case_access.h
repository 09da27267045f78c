// Reading a case: its own team, or another team's case under an active emergency access
// (break-glass, app/roles.h). Shared by the case page and its read-only parts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/model.h"
#include "store/db.h"

namespace voordeur::app {

struct CaseReadAccess {
  domain::Id team_id = 0;
  domain::Id person_id = 0;
  // Set when the actor reads through break-glass: the grant that applied (for the access log).
  std::optional<domain::BreakGlassAccess> break_glass;

  std::optional<std::string> break_glass_reason() const {
    return break_glass ? std::optional(break_glass->reason) : std::nullopt;
  }
};

// nullopt when the case does not exist, or belongs to a team the actor does not see and the actor
// holds no active grant for it (the caller answers not_found).
std::optional<CaseReadAccess> case_read_access(store::Connection& c, const domain::Actor& a, domain::Id case_id,
                                               std::int64_t now);

}  // namespace voordeur::app
