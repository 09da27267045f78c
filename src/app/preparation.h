// Use cases for preparing a case's first visit: prior information gathered, the strategy and the
// planned companion. Team scoping (another team's case is not_found), outreachers and team leads
// of the team only (forbidden), a closed case refuses changes (case_closed).
#pragma once

#include "app/access_log.h"
#include "app/clock.h"
#include "domain/errors.h"
#include "domain/model.h"
#include "store/db.h"

namespace voordeur::app {

class PreparationService {
 public:
  PreparationService(store::Database& db, const Clock& clock, AccessLog& access_log)
      : db_(db), clock_(clock), access_log_(access_log) {}

  domain::Result<domain::Preparation> get(const domain::Actor& a, domain::Id case_id);
  domain::Result<domain::Preparation> save(const domain::Actor& a, domain::Id case_id,
                                           const domain::PreparationFields& in);
  domain::Result<domain::Preparation> add_prior_info(const domain::Actor& a, domain::Id case_id,
                                                     const domain::PriorInfoInput& in);

 private:
  store::Database& db_;
  const Clock& clock_;
  AccessLog& access_log_;
};

}  // namespace voordeur::app
