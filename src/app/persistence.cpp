#include "app/persistence.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "app/tx.h"
#include "domain/dates.h"
#include "domain/rules.h"
#include "domain/vocabulary.h"
#include "store/repository.h"

namespace voordeur::app {
namespace {

domain::Error team_not_found() {
  return domain::make_error("not_found", "This team does not exist or you are not a member.");
}

std::optional<domain::Error> check_settings_access(const domain::Actor& a, domain::Id team_id) {
  if (!domain::can_manage_accounts(a) && !domain::can_see_team(a, team_id)) return team_not_found();
  if (!domain::can_change_team_settings(a, team_id)) {
    return domain::make_error("forbidden", "Only an admin or a team lead of this team can see and change its settings.");
  }
  return std::nullopt;
}

}  // namespace

domain::Result<domain::PersistenceSettings> PersistenceService::settings(const domain::Actor& a, domain::Id team_id) {
  if (auto e = check_settings_access(a, team_id)) return *e;
  return in_read(db_, [&](store::Connection& c) -> domain::Result<domain::PersistenceSettings> {
    auto s = store::find_persistence_settings(c, team_id);
    if (!s) return team_not_found();
    return *s;
  });
}

domain::Result<domain::PersistenceSettings> PersistenceService::update_settings(const domain::Actor& a,
                                                                                domain::Id team_id,
                                                                                const PersistencePatch& in) {
  if (auto e = check_settings_access(a, team_id)) return *e;
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::PersistenceSettings> {
    auto s = store::find_persistence_settings(c, team_id);
    if (!s) return team_not_found();
    if (in.cadence_days) s->cadence_days = *in.cadence_days;
    if (in.stuck_attempts) s->stuck_attempts = *in.stuck_attempts;
    if (in.stuck_days) s->stuck_days = *in.stuck_days;
    if (auto errors = domain::validate_persistence_settings(*s); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    store::save_persistence_settings(c, team_id, *s);
    return *s;
  });
}

domain::Result<StuckPage> PersistenceService::stuck(const domain::Actor& a, const CaseQuery& q) {
  CaseQuery all = q;
  all.limit = 1'000'000;
  all.offset = 0;
  auto listed = cases_.list(a, all);
  if (!listed) return listed.error();
  const std::string today = clock_.local_today();
  using StuckById = std::unordered_map<domain::Id, StuckCase>;
  auto stuck_cases = in_read(db_, [&](store::Connection& c) -> domain::Result<StuckById> {
    StuckById found;
    std::vector<domain::Id> team_ids;
    for (const auto& t : a.teams) team_ids.push_back(t.id);
    std::unordered_map<domain::Id, domain::PersistenceSettings> settings;
    for (auto id : team_ids) settings[id] = store::find_persistence_settings(c, id).value_or(domain::PersistenceSettings{});
    for (auto& k : store::open_case_attempts(c, team_ids)) {
      auto history = domain::count_attempts(std::move(k.contacts));
      const auto days =
          domain::days_without_contact(history.last_reached_at, clock_.local_datetime(k.opened_at).substr(0, 10), today);
      if (domain::is_stuck(history.attempts_without_contact, days, settings[k.team_id])) {
        found[k.case_id] = StuckCase{{}, std::move(history), days};
      }
    }
    return found;
  });
  if (!stuck_cases) return stuck_cases.error();
  auto& found = stuck_cases.value();
  StuckPage page;
  for (auto& item : listed->items) {
    auto it = found.find(item.id);
    if (it == found.end()) continue;
    ++page.total;
    if (page.total > q.offset && static_cast<std::int64_t>(page.items.size()) < q.limit) {
      it->second.summary = std::move(item);
      page.items.push_back(std::move(it->second));
    }
  }
  return page;
}

domain::Result<Caseload> PersistenceService::caseload(const domain::Actor& a, std::optional<domain::Id> user_id) {
  const std::string today = clock_.local_today();
  const auto week = *domain::iso_week(today);
  const std::string next_monday = domain::date_from_day_number(*domain::day_number(week.sunday) + 1);
  if (!domain::can_list_team_records(a)) {
    return domain::make_error("forbidden", "Your role has no caseload and does not read a team's cases.");
  }
  return in_read(db_, [&](store::Connection& c) -> domain::Result<Caseload> {
    const bool admin = domain::can_manage_accounts(a);
    std::vector<domain::Id> team_ids;
    if (admin) {
      for (const auto& t : store::list_teams(c)) team_ids.push_back(t.id);
    } else {
      for (const auto& t : a.teams) team_ids.push_back(t.id);
    }
    std::vector<domain::User> workers;
    if (user_id) {
      auto u = store::find_user(c, *user_id);
      const bool shares_team = u && std::any_of(u->teams.begin(), u->teams.end(), [&](const domain::TeamRef& t) {
                                 return std::find(team_ids.begin(), team_ids.end(), t.id) != team_ids.end();
                               });
      if (!u || (!shares_team && *user_id != a.user_id)) {
        return domain::make_error("not_found", "This user does not exist or is not in your teams.");
      }
      if (!admin && a.role != "team_lead" && *user_id != a.user_id) {
        return domain::make_error("forbidden", "An outreacher sees only their own caseload.");
      }
      workers.push_back(*u);
    } else if (!admin && a.role != "team_lead") {
      workers.push_back(*store::find_user(c, a.user_id));
    } else {
      std::set<domain::Id> seen;
      for (auto team : team_ids) {
        for (auto& u : store::team_members(c, team)) {
          if (u.active && domain::permissions_of(u.role).field_work && seen.insert(u.id).second) {
            workers.push_back(std::move(u));
          }
        }
      }
      std::sort(workers.begin(), workers.end(), [](const domain::User& x, const domain::User& y) {
        return x.display_name != y.display_name ? x.display_name < y.display_name : x.id < y.id;
      });
    }
    std::unordered_map<domain::Id, domain::PersistenceSettings> settings;
    for (auto id : team_ids) settings[id] = store::find_persistence_settings(c, id).value_or(domain::PersistenceSettings{});
    const auto cases = store::open_case_attempts(c, team_ids);
    Caseload out;
    out.week = week;
    for (const auto& u : workers) {
      WorkerCaseload w;
      w.worker = domain::UserRef{u.id, u.display_name};
      for (const auto& phase : domain::vocab::case_phases) {
        if (phase != "closed") w.active_by_phase[std::string(phase)] = 0;
      }
      for (const auto& k : cases) {
        if (std::find(k.worker_ids.begin(), k.worker_ids.end(), u.id) == k.worker_ids.end()) continue;
        ++w.active_cases;
        ++w.active_by_phase[k.phase];
        const auto history = domain::count_attempts(k.contacts);
        const auto days = domain::days_without_contact(history.last_reached_at,
                                                       clock_.local_datetime(k.opened_at).substr(0, 10), today);
        if (days && *days > settings[k.team_id].stuck_days) ++w.without_contact;
      }
      w.attempts_this_week = store::count_contacts_logged(c, u.id, week.monday, next_monday);
      out.workers.push_back(std::move(w));
    }
    return out;
  });
}

}  // namespace voordeur::app
