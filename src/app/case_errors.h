// The errors shared by the source files of the case use cases: a case the actor may not see, and a
// case the actor may see but not change.
#pragma once

#include "domain/errors.h"

namespace voordeur::app {

inline domain::Error case_not_found() {
  return domain::make_error("not_found", "This case does not exist or belongs to another team.");
}

inline domain::Error cases_not_listed() {
  return domain::make_error("forbidden", "Your role does not read the cases of a team.");
}

inline domain::Error case_not_allowed() {
  return domain::make_error("forbidden", "Only outreachers and team leads of this team can change this case.");
}

}  // namespace voordeur::app
