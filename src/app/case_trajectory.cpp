// CaseService: the trajectory of a case. Moves between phases by event (domain/trajectory.h
// decides), handovers between workers of the team, and the timeline.
#include <algorithm>

#include "app/case_access.h"
#include "app/case_errors.h"
#include "app/cases.h"
#include "app/tx.h"
#include "domain/rules.h"
#include "domain/trajectory.h"
#include "domain/validation.h"
#include "domain/vocabulary.h"

namespace voordeur::app {

domain::Result<domain::Case> CaseService::transition(const domain::Actor& a, domain::Id case_id,
                                                     const domain::TransitionInput& in) {
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Case> {
    auto team = store::case_team(c, case_id);
    if (!team || !domain::can_see_team(a, *team)) return case_not_found();
    if (!domain::can_work_in_team(a, *team)) return case_not_allowed();
    if (auto errors = domain::validate_transition(in); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    const std::string from = *store::case_phase(c, case_id);
    domain::TransitionFacts facts;
    facts.has_conversation = store::case_has_conversation(c, case_id);
    facts.reason = in.reason;
    auto to = domain::decide_transition(domain::transitions(), from, in.event, facts);
    // close and reopen are refused here by their guards (no closure reason, no target phase):
    // they change more than the phase and have their own requests.
    if (!to) return to.error();
    store::record_transition(c, case_id, from, in.event, to.value(), a.user_id, in.reason, now);
    access_log_.record_case(c, a, access::change, case_id, "case", std::nullopt, "transition=" + in.event);
    return load(c, a, case_id);
  });
}

domain::Result<domain::Case> CaseService::handover(const domain::Actor& a, domain::Id case_id,
                                                   const domain::HandoverInput& in) {
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Case> {
    auto team = store::case_team(c, case_id);
    if (!team || !domain::can_see_team(a, *team)) return case_not_found();
    if (!domain::can_work_in_team(a, *team)) return case_not_allowed();
    if (auto errors = domain::validate_handover(in); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    if (auto e = domain::check_can_log_contact(*store::case_status(c, case_id))) return *e;
    const auto workers = store::case_worker_ids(c, case_id);
    std::vector<domain::FieldError> errors;
    if (std::find(workers.begin(), workers.end(), *in.from_user_id) == workers.end()) {
      errors.push_back({"from_user_id", "unknown_value", "Choose a worker who is assigned to this case now."});
    }
    const auto to = store::find_user(c, *in.to_user_id);
    if (!to || !domain::is_assignable(*to, *team)) {
      errors.push_back({"to_user_id", "not_team_member", "Choose an active outreacher or team lead of this case's team."});
    } else if (std::find(workers.begin(), workers.end(), to->id) != workers.end()) {
      errors.push_back({"to_user_id", "duplicate", "This worker is already assigned to the case."});
    }
    if (!errors.empty()) return domain::validation_error(std::move(errors));
    store::hand_over_case(c, case_id, *in.from_user_id, *in.to_user_id, in.note, a.user_id, now);
    access_log_.record_case(c, a, access::change, case_id, "case", std::nullopt, "handover");
    return load(c, a, case_id);
  });
}

domain::Result<std::vector<domain::TimelineItem>> CaseService::timeline(const domain::Actor& a, domain::Id case_id,
                                                                        const std::vector<std::string>& kinds) {
  std::vector<domain::FieldError> errors;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (!domain::vocab::contains(domain::vocab::timeline_kinds, kinds[i])) {
      errors.push_back({"kind[" + std::to_string(i) + "]", "unknown_value",
                        "Choose signal, decision, phase, contact, handover, check_in or review."});
    }
  }
  if (!errors.empty()) return domain::validation_error(std::move(errors));
  std::vector<std::string> wanted = kinds;
  if (wanted.empty()) wanted.assign(domain::vocab::timeline_kinds.begin(), domain::vocab::timeline_kinds.end());
  return in_read(db_, [&](store::Connection& c) -> domain::Result<std::vector<domain::TimelineItem>> {
    const auto access = case_read_access(c, a, case_id, clock_.now());
    if (!access) return case_not_found();
    access_log_.enqueue(a, access::read, Access{"case", case_id, access->person_id, access->team_id, "timeline"},
                        access->break_glass_reason());
    return store::case_timeline(c, case_id, wanted);
  });
}

}  // namespace voordeur::app
