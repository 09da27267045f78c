#include "app/roles.h"

#include "app/tx.h"
#include "domain/rules.h"
#include "domain/validation.h"
#include "store/repository.h"

namespace voordeur::app {
namespace {

domain::Error forbidden(const char* message) { return domain::make_error("forbidden", message); }

}  // namespace

domain::Result<std::vector<domain::PartnerSignal>> RoleService::partner_signals(const domain::Actor& a) {
  if (!domain::can_follow_own_signals(a)) return forbidden("Only a partner organisation's reporter has this list.");
  return in_read(db_, [&](store::Connection& c) -> domain::Result<std::vector<domain::PartnerSignal>> {
    return store::list_partner_signals(c, a.user_id);
  });
}

domain::Result<Figures> RoleService::figures(const domain::Actor& a) {
  if (!domain::can_read_figures(a)) return forbidden("Only the policy role reads the figures.");
  return in_read(db_, [&](store::Connection& c) -> domain::Result<Figures> {
    auto counts = store::signal_decision_counts(c);
    for (const auto& k : store::case_figure_rows(c)) {
      if (k.status == "open") {
        counts.push_back({k.team_id, clock_.local_datetime(k.opened_at).substr(0, 7), "open_cases_by_phase", k.phase, 1});
      } else if (k.closed_at) {
        counts.push_back({k.team_id, clock_.local_datetime(*k.closed_at).substr(0, 7), "closed_cases_by_reason",
                          k.closure_reason, 1});
      }
    }
    return Figures{store::list_team_settings(c), domain::publish_figures(std::move(counts))};
  });
}

domain::Result<store::BreakGlassGrant> RoleService::break_glass(const domain::Actor& a, domain::Id case_id,
                                                                const std::string& reason) {
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<store::BreakGlassGrant> {
    const auto team = store::case_team(c, case_id);
    if (!team) return domain::make_error("not_found", "This case does not exist.");
    if (domain::can_see_team(a, *team)) {
      return domain::make_error("conflict", "This case belongs to your own team; open it without emergency access.");
    }
    if (!domain::can_break_glass(a, *team)) {
      return forbidden("Only outreachers and team leads can ask for emergency access to a case.");
    }
    if (auto errors = domain::validate_break_glass_reason(reason); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    const auto id = store::insert_break_glass(c, a.user_id, case_id, *team, reason, now, now + kBreakGlassSeconds);
    return store::BreakGlassGrant{id, case_id, *team, domain::UserRef{a.user_id, a.display_name}, reason, now,
                                  now + kBreakGlassSeconds};
  });
}

domain::Result<std::vector<store::BreakGlassGrant>> RoleService::break_glass_list(const domain::Actor& a,
                                                                                  domain::Id team_id) {
  if (!domain::can_review_break_glass(a, team_id)) {
    return domain::make_error("not_found", "This team does not exist or you do not review its emergency access.");
  }
  return in_read(db_, [&](store::Connection& c) -> domain::Result<std::vector<store::BreakGlassGrant>> {
    if (!store::find_team(c, team_id)) return domain::make_error("not_found", "This team does not exist.");
    return store::list_break_glass(c, team_id, 200);
  });
}

domain::Result<domain::Unit> RoleService::revoke_sessions(const domain::Actor& a, domain::Id user_id) {
  if (!domain::can_manage_accounts(a)) return forbidden("Only an admin can end another user's sessions.");
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Unit> {
    if (!store::find_user(c, user_id)) return domain::make_error("not_found", "This user does not exist.");
    store::delete_user_sessions(c, user_id);
    return domain::Unit{};
  });
}

domain::Result<domain::Unit> RoleService::revoke_own_sessions(const domain::Actor& a) {
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Unit> {
    store::delete_user_sessions(c, a.user_id);
    return domain::Unit{};
  });
}

}  // namespace voordeur::app
