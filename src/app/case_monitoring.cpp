// CaseService: monitoring (cliënt volgen) with check-ins, and the monthly process reviews.
// The rules are domain/monitoring.h; scoping and roles as for every change to a case.
#include <algorithm>
#include <map>

#include "app/case_errors.h"
#include "app/cases.h"
#include "app/tx.h"
#include "domain/monitoring.h"
#include "domain/rules.h"
#include "domain/validation.h"

namespace voordeur::app {
namespace {

// Scope and role; nullopt when the actor may change this case.
std::optional<domain::Error> check_access(store::Connection& c, const domain::Actor& a, domain::Id case_id,
                                          domain::Id* team_out) {
  auto team = store::case_team(c, case_id);
  if (!team || !domain::can_see_team(a, *team)) return case_not_found();
  if (!domain::can_work_in_team(a, *team)) return case_not_allowed();
  *team_out = *team;
  return std::nullopt;
}

domain::CheckIn with_suggestion(domain::CheckIn ci) {
  ci.suggest_reopen = ci.outcome && domain::suggests_reopen(*ci.outcome);
  return ci;
}

}  // namespace

domain::Result<domain::CheckIn> CaseService::schedule_check_in(const domain::Actor& a, domain::Id case_id,
                                                               const domain::CheckInInput& in) {
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::CheckIn> {
    domain::Id team = 0;
    if (auto e = check_access(c, a, case_id, &team)) return *e;
    if (auto errors = domain::validate_check_in(in); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    const auto worker = store::find_user(c, *in.worker_id);
    if (!worker || !domain::is_assignable(*worker, team)) {
      return domain::validation_error(
          {{"worker_id", "not_team_member", "Choose an active outreacher or team lead of this case's team."}});
    }
    const auto closure = store::case_closure(c, case_id);
    const auto since = closure ? store::count_check_ins_after_closure(c, case_id, closure->second) : 0;
    if (auto e = domain::check_can_schedule_check_in(*store::case_phase(c, case_id),
                                                     closure ? closure->first : "", since)) {
      return *e;
    }
    const auto closed_at = closure ? std::optional{closure->second} : std::nullopt;
    const domain::Id id = store::insert_check_in(c, case_id, in, a.user_id, now, closed_at);
    access_log_.record_case(c, a, access::create, case_id, "check_in", id);
    return *store::find_check_in(c, id);
  });
}

domain::Result<domain::CheckIn> CaseService::record_check_in_outcome(const domain::Actor& a, domain::Id case_id,
                                                                     domain::Id check_in_id,
                                                                     const domain::CheckInOutcomeInput& in) {
  const std::string today = clock_.local_today();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::CheckIn> {
    domain::Id team = 0;
    if (auto e = check_access(c, a, case_id, &team)) return *e;
    auto found = store::find_check_in(c, check_in_id);
    if (!found || found->case_id != case_id) {
      return domain::make_error("not_found", "This check-in does not exist on this case.");
    }
    if (auto errors = domain::validate_check_in_outcome(in, today); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    if (found->outcome) return domain::make_error("conflict", "The outcome of this check-in is recorded already.");
    store::record_check_in_outcome(c, check_in_id, in);
    access_log_.record_case(c, a, access::change, case_id, "check_in", check_in_id, "outcome");
    return with_suggestion(*store::find_check_in(c, check_in_id));
  });
}

domain::Result<std::vector<store::OverdueCheckIn>> CaseService::overdue_check_ins(const domain::Actor& a) {
  if (!domain::can_list_team_records(a)) return cases_not_listed();
  std::vector<domain::Id> teams;
  for (const auto& t : a.teams) teams.push_back(t.id);
  const std::string today = clock_.local_today();
  auto found = in_read(db_, [&](store::Connection& c) -> domain::Result<std::vector<store::OverdueCheckIn>> {
    return store::list_overdue_check_ins(c, teams, today);
  });
  if (found) {
    std::vector<domain::Id> ids;
    for (const auto& o : found.value()) ids.push_back(o.check_in.id);
    access_log_.enqueue(a, access::search,
                        Access{"check_in", std::nullopt, std::nullopt, std::nullopt, "overdue=true " + ids_detail(ids)});
  }
  return found;
}

domain::Result<domain::Review> CaseService::add_review(const domain::Actor& a, domain::Id case_id,
                                                       const domain::ReviewInput& in) {
  const auto now = clock_.now();
  const std::string today = clock_.local_today();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Review> {
    domain::Id team = 0;
    if (auto e = check_access(c, a, case_id, &team)) return *e;
    if (auto errors = domain::validate_review(in, today); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    if (auto e = domain::check_can_log_contact(*store::case_status(c, case_id))) return *e;
    const domain::Id id = store::insert_review(c, case_id, in, a.user_id, now);
    access_log_.record_case(c, a, access::create, case_id, "review", id);
    for (auto& rv : store::list_reviews(c, case_id)) {
      if (rv.id == id) return rv;
    }
    return case_not_found();
  });
}

store::CasePage CaseService::due_for_review(store::Connection& c, store::CasePage page,
                                            const std::vector<domain::Id>& team_ids, int limit, int offset) {
  const std::string today = clock_.local_today();
  std::map<domain::Id, bool> due;
  for (const auto& b : store::review_basis(c, team_ids)) {
    const std::string basis = b.last_review_on.value_or(clock_.local_datetime(b.opened_at).substr(0, 10));
    due[b.case_id] = domain::is_review_due(basis, today);
  }
  std::vector<domain::CaseSummary> kept;
  for (auto& item : page.items) {
    if (due[item.id]) kept.push_back(std::move(item));
  }
  store::CasePage out;
  out.total = static_cast<std::int64_t>(kept.size());
  const auto first = std::min<std::size_t>(static_cast<std::size_t>(std::max(offset, 0)), kept.size());
  const auto last = std::min<std::size_t>(first + static_cast<std::size_t>(std::max(limit, 0)), kept.size());
  out.items.assign(std::make_move_iterator(kept.begin() + first), std::make_move_iterator(kept.begin() + last));
  return out;
}

}  // namespace voordeur::app
