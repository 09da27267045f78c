#include "app/preparation.h"

#include "app/case_access.h"
#include "app/case_errors.h"
#include "app/tx.h"
#include "domain/rules.h"
#include "domain/validation.h"
#include "store/repository.h"

namespace voordeur::app {
namespace {

// Scope and role; nullopt when the actor may change this case's preparation.
std::optional<domain::Error> check_access(store::Connection& c, const domain::Actor& a, domain::Id case_id) {
  auto team = store::case_team(c, case_id);
  if (!team || !domain::can_see_team(a, *team)) return case_not_found();
  if (!domain::can_work_in_team(a, *team)) {
    return domain::make_error("forbidden", "Only outreachers and team leads of this team can prepare this case.");
  }
  return std::nullopt;
}

}  // namespace

domain::Result<domain::Preparation> PreparationService::get(const domain::Actor& a, domain::Id case_id) {
  return in_read(db_, [&](store::Connection& c) -> domain::Result<domain::Preparation> {
    const auto access = case_read_access(c, a, case_id, clock_.now());
    if (!access) return case_not_found();
    access_log_.enqueue(a, access::read, Access{"case", case_id, access->person_id, access->team_id, "preparation"},
                        access->break_glass_reason());
    return store::find_preparation(c, case_id);
  });
}

domain::Result<domain::Preparation> PreparationService::save(const domain::Actor& a, domain::Id case_id,
                                                             const domain::PreparationFields& in) {
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Preparation> {
    if (auto e = check_access(c, a, case_id)) return *e;
    if (auto errors = domain::validate_preparation(in); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    if (auto e = domain::check_can_prepare(*store::case_status(c, case_id))) return *e;
    store::save_preparation(c, case_id, in, a.user_id, now);
    access_log_.record_case(c, a, access::change, case_id, "case", std::nullopt, "preparation");
    return store::find_preparation(c, case_id);
  });
}

domain::Result<domain::Preparation> PreparationService::add_prior_info(const domain::Actor& a, domain::Id case_id,
                                                                       const domain::PriorInfoInput& in) {
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Preparation> {
    if (auto e = check_access(c, a, case_id)) return *e;
    if (auto errors = domain::validate_prior_info(in); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    if (auto e = domain::check_can_prepare(*store::case_status(c, case_id))) return *e;
    store::insert_prior_info(c, case_id, in, a.user_id, now);
    access_log_.record_case(c, a, access::create, case_id, "prior_info");
    return store::find_preparation(c, case_id);
  });
}

}  // namespace voordeur::app
