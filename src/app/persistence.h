// Use cases of persistence in making contact and the caseload: a team's cadence and stuck
// thresholds, the stuck cases of the actor's teams, and per worker the active cases, attempts this
// week and cases without contact. Team scoping (another team is not_found), roles (forbidden).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/cases.h"
#include "app/clock.h"
#include "domain/errors.h"
#include "domain/model.h"
#include "domain/persistence.h"
#include "store/db.h"

namespace voordeur::app {

struct PersistencePatch {
  std::optional<std::vector<int>> cadence_days;
  std::optional<int> stuck_attempts;
  std::optional<int> stuck_days;
};

struct StuckCase {
  domain::CaseSummary summary;
  domain::AttemptHistory attempts;
  std::optional<std::int64_t> days_without_contact;
};

struct StuckPage {
  std::vector<StuckCase> items;
  std::int64_t total = 0;
};

struct WorkerCaseload {
  domain::UserRef worker;
  std::map<std::string, std::int64_t> active_by_phase;  // every open phase, 0 when none
  std::int64_t active_cases = 0;
  std::int64_t attempts_this_week = 0;  // contacts the worker logged this ISO week (local time)
  std::int64_t without_contact = 0;     // active cases past the team's stuck_days without contact
};

struct Caseload {
  domain::Week week;
  std::vector<WorkerCaseload> workers;  // by display name
};

class PersistenceService {
 public:
  PersistenceService(store::Database& db, const Clock& clock, CaseService& cases)
      : db_(db), clock_(clock), cases_(cases) {}

  // Admin, or a team lead of that team; another team is not_found, an outreacher forbidden.
  domain::Result<domain::PersistenceSettings> settings(const domain::Actor& a, domain::Id team_id);
  domain::Result<domain::PersistenceSettings> update_settings(const domain::Actor& a, domain::Id team_id,
                                                              const PersistencePatch& in);
  // The cases of the list query (CaseService::list) that are open and stuck, paged after filtering.
  domain::Result<StuckPage> stuck(const domain::Actor& a, const CaseQuery& q);
  // user_id given: that worker (an outreacher only themselves; a team lead a worker of their teams;
  // unknown or out of scope: not_found). Not given: an outreacher themselves, a team lead every
  // active worker of their teams, an admin every active worker of every team.
  domain::Result<Caseload> caseload(const domain::Actor& a, std::optional<domain::Id> user_id);

 private:
  store::Database& db_;
  const Clock& clock_;
  CaseService& cases_;
};

}  // namespace voordeur::app
