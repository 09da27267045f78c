// Persistence in making contact and the caseload: a team's cadence and stuck thresholds, the
// stuck cases (GET /api/v1/cases?stuck=true, dispatched from case_routes.cpp), the caseload.
#include <algorithm>
#include <climits>

#include "http/route_util.h"

namespace voordeur::http {
namespace {

json settings_json(domain::Id team_id, const domain::PersistenceSettings& s) {
  return {{"team_id", team_id},
          {"cadence_days", s.cadence_days},
          {"stuck_attempts", s.stuck_attempts},
          {"stuck_days", s.stuck_days}};
}

domain::Result<app::PersistencePatch> read_settings_patch(const Request& req) {
  auto body = parse_body(req);
  if (!body) return body.error();
  std::vector<domain::FieldError> errors;
  FieldReader r(body.value(), errors);
  app::PersistencePatch in;
  in.stuck_attempts = r.opt_int("stuck_attempts");
  in.stuck_days = r.opt_int("stuck_days");
  const json& obj = body.value();
  if (obj.contains("cadence_days") && !obj.at("cadence_days").is_null()) {
    const json& list = obj.at("cadence_days");
    if (!list.is_array()) {
      errors.push_back({"cadence_days", "invalid_type", "Must be a list of whole numbers."});
    } else {
      std::vector<int> days;
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_number_integer()) {
          errors.push_back({"cadence_days[" + std::to_string(i) + "]", "invalid_type", "Must be a whole number."});
        } else if (list[i].is_number_unsigned() && list[i].get<std::uint64_t>() > static_cast<std::uint64_t>(INT_MAX)) {
          days.push_back(INT_MAX);
        } else {
          days.push_back(static_cast<int>(std::clamp<std::int64_t>(list[i].get<std::int64_t>(), INT_MIN, INT_MAX)));
        }
      }
      in.cadence_days = std::move(days);
    }
  }
  if (!errors.empty()) return domain::validation_error(std::move(errors));
  return in;
}

json counts_json(const std::map<std::string, std::int64_t>& counts) {
  json out = json::object();
  for (const auto& [key, n] : counts) out[key] = n;
  return out;
}

json stuck_json(const app::StuckCase& k) {
  json out = to_json(k.summary);
  out["attempts"] = {{"total", k.attempts.total},
                     {"without_contact", k.attempts.attempts_without_contact},
                     {"days_without_contact", k.days_without_contact ? json(*k.days_without_contact) : json(nullptr)},
                     {"last_reached_at", k.attempts.last_reached_at ? json(*k.attempts.last_reached_at) : json(nullptr)},
                     {"by_channel", counts_json(k.attempts.by_channel)},
                     {"by_outcome", counts_json(k.attempts.by_outcome)}};
  return out;
}

json caseload_json(const app::Caseload& c) {
  json workers = json::array();
  for (const auto& w : c.workers) {
    workers.push_back({{"user", to_json(w.worker)},
                       {"active_cases", w.active_cases},
                       {"active_by_phase", counts_json(w.active_by_phase)},
                       {"attempts_this_week", w.attempts_this_week},
                       {"without_contact", w.without_contact}});
  }
  return {{"week", {{"monday", c.week.monday}, {"sunday", c.week.sunday}}}, {"items", std::move(workers)}};
}

}  // namespace

Response list_stuck_cases(Api& api, const app::SessionInfo& s, const app::CaseQuery& q) {
  return reply(api.persistence.stuck(s.actor, q), 200, [](const app::StuckPage& page) {
    json items = json::array();
    for (const auto& k : page.items) items.push_back(stuck_json(k));
    return json{{"items", std::move(items)}, {"total", page.total}};
  });
}

void add_persistence_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/teams/{id}/settings",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               const domain::Id team_id = *id;
               return reply(api.persistence.settings(s.actor, team_id), 200,
                            [team_id](const domain::PersistenceSettings& v) { return settings_json(team_id, v); });
             }));

  router.add("PATCH", "/api/v1/teams/{id}/settings",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_settings_patch(req);
               if (!in) return error_response(in.error());
               const domain::Id team_id = *id;
               return reply(api.persistence.update_settings(s.actor, team_id, in.value()), 200,
                            [team_id](const domain::PersistenceSettings& v) { return settings_json(team_id, v); });
             }));

  router.add("GET", "/api/v1/caseload", with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               std::optional<domain::Id> user_id;
               if (req.has_query_param("user_id")) {
                 PathParams param{{"id", req.query_param("user_id")}};
                 user_id = path_id(param);
                 if (!user_id) {
                   return error_response(domain::make_error("not_found", "This user does not exist."));
                 }
               }
               return reply(api.persistence.caseload(s.actor, user_id), 200, caseload_json);
             }));
}

}  // namespace voordeur::http
