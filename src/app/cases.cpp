#include "app/cases.h"

#include <algorithm>
#include <limits>

#include "app/case_access.h"
#include "app/case_errors.h"
#include "app/tx.h"
#include "domain/monitoring.h"
#include "domain/persistence.h"
#include "domain/rules.h"
#include "domain/trajectory.h"
#include "domain/validation.h"
#include "domain/vocabulary.h"

namespace voordeur::app {

domain::Result<store::CasePage> CaseService::list(const domain::Actor& a, const CaseQuery& q) {
  if (!domain::can_list_team_records(a)) return cases_not_listed();
  std::vector<domain::FieldError> errors;
  store::CaseFilter f;
  for (const auto& t : a.teams) f.team_ids.push_back(t.id);
  if (q.scope == "mine") {
    f.assigned_worker = a.user_id;
  } else if (q.scope != "team") {
    errors.push_back({"scope", "unknown_value", "Choose mine or team."});
  }
  if (q.status == "open" || q.status == "closed") {
    f.status = q.status;
  } else if (q.status != "all") {
    errors.push_back({"status", "unknown_value", "Choose open, closed or all."});
  }
  if (domain::vocab::contains(domain::vocab::case_phases, q.phase)) {
    f.phase = q.phase;
  } else if (!q.phase.empty()) {
    errors.push_back({"phase", "unknown_value", "Choose one of the phases, e.g. making_contact."});
  }
  if (q.sort == "days_since_contact") {
    f.sort = store::CaseSort::days_since_contact;
  } else if (q.sort == "next_attempt") {
    f.sort = store::CaseSort::next_attempt;
  } else {
    errors.push_back({"sort", "unknown_value", "Choose days_since_contact or next_attempt."});
  }
  if (q.order.empty()) {
    f.descending = f.sort == store::CaseSort::days_since_contact;
  } else if (q.order == "asc" || q.order == "desc") {
    f.descending = q.order == "desc";
  } else {
    errors.push_back({"order", "unknown_value", "Choose asc or desc."});
  }
  if (!errors.empty()) return domain::validation_error(std::move(errors));
  f.limit = q.limit;
  f.offset = q.offset;
  if (q.review_due) {
    // Due-ness depends on local dates (domain/monitoring.h): all open cases are read, then paged here.
    f.status = "open";
    f.limit = std::numeric_limits<int>::max();
    f.offset = 0;
  }
  const std::string today = clock_.local_today();
  auto result = in_read(db_, [&](store::Connection& c) -> domain::Result<store::CasePage> {
    auto page = store::list_cases(c, f);
    if (q.review_due) page = due_for_review(c, std::move(page), f.team_ids, q.limit, q.offset);
    for (auto& item : page.items) {
      item.days_since_last_contact = domain::days_since_last_contact(item.last_contact_at, today);
    }
    return page;
  });
  if (result) {
    std::vector<domain::Id> ids;
    for (const auto& item : result->items) ids.push_back(item.id);
    access_log_.enqueue(a, access::search,
                        Access{"case", std::nullopt, std::nullopt, std::nullopt,
                               "scope=" + q.scope + "&status=" + q.status + "&phase=" + q.phase +
                                   (q.review_due ? "&review_due=true " : " ") + ids_detail(ids)});
  }
  return result;
}

domain::Result<domain::Case> CaseService::load(store::Connection& c, const domain::Actor& a, domain::Id id) {
  const auto access = case_read_access(c, a, id, clock_.now());
  if (!access) return case_not_found();
  auto found = store::find_case(c, id);
  if (!found) return case_not_found();
  found->break_glass = access->break_glass;
  found->days_since_last_contact = domain::days_since_last_contact(found->last_contact_at, clock_.local_today());
  const bool has_conversation = std::any_of(found->contacts.begin(), found->contacts.end(),
                                            [](const domain::Contact& ct) { return ct.outcome == "conversation"; });
  found->allowed_events = domain::allowed_events(domain::transitions(), found->phase, has_conversation);
  for (auto& ci : found->check_ins) ci.suggest_reopen = ci.outcome && domain::suggests_reopen(*ci.outcome);
  if (!found->signals.empty()) {
    const auto first = std::min_element(
        found->signals.begin(), found->signals.end(),
        [](const domain::SignalSummary& x, const domain::SignalSummary& y) { return x.intake_date < y.intake_date; });
    found->days_to_first_contact = domain::days_to_first_contact(first->intake_date, found->contacts);
  }
  return std::move(*found);
}

domain::Result<domain::Case> CaseService::get(const domain::Actor& a, domain::Id id) {
  return in_read(db_, [&](store::Connection& c) {
    auto k = load(c, a, id);
    if (k) {
      access_log_.enqueue(a, access::read, Access{"case", id, k->person.id, k->team_id},
                          k->break_glass ? std::optional(k->break_glass->reason) : std::nullopt);
    }
    return k;
  });
}

domain::Result<domain::Contact> CaseService::add_contact(const domain::Actor& a, domain::Id case_id,
                                                         const domain::ContactFields& in) {
  const auto now = clock_.now();
  const auto now_local = clock_.local_datetime(now);
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Contact> {
    auto team = store::case_team(c, case_id);
    if (!team || !domain::can_see_team(a, *team)) return case_not_found();
    if (!domain::can_work_in_team(a, *team)) return case_not_allowed();
    auto errors = domain::validate_contact(in, now_local);
    if (auto e = domain::check_next_attempt(*store::case_phase(c, case_id), in)) errors.push_back(std::move(*e));
    if (!errors.empty()) return domain::validation_error(std::move(errors));
    if (auto e = domain::check_can_log_contact(*store::case_status(c, case_id))) return *e;
    domain::Id id = store::insert_contact(c, case_id, in, a.user_id, now);
    access_log_.record_case(c, a, access::create, case_id, "contact", id);
    return *store::find_contact(c, id);
  });
}

domain::Result<std::vector<domain::Contact>> CaseService::contacts(const domain::Actor& a, domain::Id case_id) {
  return in_read(db_, [&](store::Connection& c) -> domain::Result<std::vector<domain::Contact>> {
    const auto access = case_read_access(c, a, case_id, clock_.now());
    if (!access) return case_not_found();
    access_log_.enqueue(a, access::read, Access{"case", case_id, access->person_id, access->team_id, "contacts"},
                        access->break_glass_reason());
    return store::list_contacts(c, case_id);
  });
}

domain::Result<domain::Case> CaseService::close(const domain::Actor& a, domain::Id case_id,
                                                const domain::ClosureInput& in) {
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Case> {
    auto team = store::case_team(c, case_id);
    if (!team || !domain::can_see_team(a, *team)) return case_not_found();
    if (!domain::can_work_in_team(a, *team)) return case_not_allowed();
    if (auto errors = domain::validate_closure(in); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    if (auto e = domain::check_can_close(*store::case_status(c, case_id))) return *e;
    const std::string from = *store::case_phase(c, case_id);
    domain::TransitionFacts facts;
    facts.closure_reason = in.reason;
    auto to = domain::decide_transition(domain::transitions(), from, "close", facts);
    if (!to) return to.error();
    store::close_case(c, case_id, in, a.user_id, now);
    store::record_transition(c, case_id, from, "close", to.value(), a.user_id, in.reason, now);
    access_log_.record_case(c, a, access::change, case_id, "case", std::nullopt, "closure");
    return load(c, a, case_id);
  });
}

domain::Result<domain::Case> CaseService::reopen(const domain::Actor& a, domain::Id case_id,
                                                 const std::string& reason, const std::string& phase) {
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Case> {
    auto team = store::case_team(c, case_id);
    if (!team || !domain::can_see_team(a, *team)) return case_not_found();
    if (!domain::can_work_in_team(a, *team)) return case_not_allowed();
    auto errors = domain::validate_reopen(reason);
    for (auto& e : domain::validate_reopen_phase(phase)) errors.push_back(std::move(e));
    if (!errors.empty()) return domain::validation_error(std::move(errors));
    if (auto e = domain::check_can_reopen(*store::case_status(c, case_id))) return *e;
    const std::string from = *store::case_phase(c, case_id);
    domain::TransitionFacts facts;
    facts.reason = reason;
    facts.target_phase = phase;
    auto to = domain::decide_transition(domain::transitions(), from, "reopen", facts);
    if (!to) return to.error();
    store::reopen_case(c, case_id, reason, a.user_id, now);
    store::record_transition(c, case_id, from, "reopen", to.value(), a.user_id, reason, now);
    access_log_.record_case(c, a, access::change, case_id, "case", std::nullopt, "reopen");
    return load(c, a, case_id);
  });
}

}  // namespace voordeur::app
