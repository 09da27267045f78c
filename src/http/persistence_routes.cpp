// Persistence in making contact and the caseload: a team's cadence and stuck thresholds, the
// stuck cases (GET /api/v1/cases?stuck=true, dispatched from case_routes.cpp), the caseload.
#include <algorithm>
#include <climits>

#include "http/route_util.h"

namespace voordeur::http {
namespace {

// A team's persistence settings as the settings routes answer them.
struct Settings {
  domain::Id team_id;
  const domain::PersistenceSettings& settings;
};
void write(JsonWriter& w, const Settings& s) {
  w.begin_object();
  w.field("team_id", s.team_id);
  w.field("cadence_days", s.settings.cadence_days);
  w.field("stuck_attempts", s.settings.stuck_attempts);
  w.field("stuck_days", s.settings.stuck_days);
  w.end_object();
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

void write_counts(JsonWriter& w, const std::map<std::string, std::int64_t>& counts) {
  w.begin_object();
  for (const auto& [key, n] : counts) w.field(key, n);
  w.end_object();
}

void write_caseload(JsonWriter& w, const app::Caseload& c) {
  w.begin_object();
  w.key("week");
  w.begin_object();
  w.field("monday", c.week.monday);
  w.field("sunday", c.week.sunday);
  w.end_object();
  w.field("items", c.workers);
  w.end_object();
}

}  // namespace

// Outside the unnamed namespace, so that JsonWriter::value finds them (argument-dependent lookup).
void write(JsonWriter& w, const app::StuckCase& k) {
  w.begin_object();
  write_summary_fields(w, k.summary);
  w.key("attempts");
  w.begin_object();
  w.field("total", k.attempts.total);
  w.field("without_contact", k.attempts.attempts_without_contact);
  w.field("days_without_contact", k.days_without_contact);
  w.field("last_reached_at", k.attempts.last_reached_at);
  w.key("by_channel");
  write_counts(w, k.attempts.by_channel);
  w.key("by_outcome");
  write_counts(w, k.attempts.by_outcome);
  w.end_object();
  w.end_object();
}

void write(JsonWriter& w, const app::WorkerCaseload& load) {
  w.begin_object();
  w.field("user", load.worker);
  w.field("active_cases", load.active_cases);
  w.key("active_by_phase");
  write_counts(w, load.active_by_phase);
  w.field("attempts_this_week", load.attempts_this_week);
  w.field("without_contact", load.without_contact);
  w.end_object();
}

Response list_stuck_cases(Api& api, const app::SessionInfo& s, const app::CaseQuery& q) {
  return reply(api.persistence.stuck(s.actor, q), 200,
               [](JsonWriter& w, const app::StuckPage& page) { w.value(Items{page.items, page.total}); });
}

void add_persistence_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/teams/{id}/settings",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               const domain::Id team_id = *id;
               return reply(api.persistence.settings(s.actor, team_id), 200,
                            [team_id](JsonWriter& w, const domain::PersistenceSettings& v) { w.value(Settings{team_id, v}); });
             }));

  router.add("PATCH", "/api/v1/teams/{id}/settings",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_settings_patch(req);
               if (!in) return error_response(in.error());
               const domain::Id team_id = *id;
               return reply(api.persistence.update_settings(s.actor, team_id, in.value()), 200,
                            [team_id](JsonWriter& w, const domain::PersistenceSettings& v) { w.value(Settings{team_id, v}); });
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
               return reply(api.persistence.caseload(s.actor, user_id), 200, write_caseload);
             }));
}

}  // namespace voordeur::http
