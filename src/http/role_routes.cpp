#include "http/route_util.h"

#include "domain/dates.h"

namespace voordeur::http {
namespace {

json grant_json(const store::BreakGlassGrant& g) {
  return {{"id", g.id},
          {"case_id", g.case_id},
          {"team_id", g.team_id},
          {"user", to_json(g.user)},
          {"reason", g.reason},
          {"created_at", domain::format_timestamp(g.created_at)},
          {"expires_at", domain::format_timestamp(g.expires_at)}};
}

json figures_json(const app::Figures& f) {
  json teams = json::array();
  for (const auto& t : f.teams) teams.push_back({{"id", t.id}, {"name", t.name}});
  json counts = json::array();
  for (const auto& c : f.counts) {
    counts.push_back({{"team_id", c.team_id},
                      {"month", c.month},
                      {"measure", c.measure},
                      {"category", c.category},
                      {"count", c.count ? json(*c.count) : json(nullptr)}});
  }
  return {{"teams", teams}, {"counts", counts}, {"suppressed_below", domain::kSmallCell}};
}

Response no_content() {
  Response res;
  res.status = 204;
  res.content_type.clear();
  return res;
}

}  // namespace

void add_role_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/partner/signals",
             with_session(api, [&api](const Request&, const PathParams&, const app::SessionInfo& s) {
               return reply(api.roles.partner_signals(s.actor), 200, [](JsonWriter& w, const std::vector<domain::PartnerSignal>& items) {
                 w.value(Items{items});
               });
             }));

  router.add("GET", "/api/v1/figures", with_session(api, [&api](const Request&, const PathParams&, const app::SessionInfo& s) {
               return reply(api.roles.figures(s.actor), 200, figures_json);
             }));

  router.add("POST", "/api/v1/cases/{id}/break-glass",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, [](FieldReader& r) { return r.text("reason"); });
               if (!in) return error_response(in.error());
               return reply(api.roles.break_glass(s.actor, *id, in.value()), 201, grant_json);
             }));

  router.add("GET", "/api/v1/break-glass", with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               std::optional<domain::Id> team;
               if (req.has_query_param("team")) {
                 PathParams param{{"id", req.query_param("team")}};
                 team = path_id(param);
               }
               if (!team) {
                 return error_response(
                     domain::validation_error({{"team", "required", "Choose the team whose emergency access you review."}}));
               }
               return reply(api.roles.break_glass_list(s.actor, *team), 200, [](const std::vector<store::BreakGlassGrant>& items) {
                 json out = json::array();
                 for (const auto& g : items) out.push_back(grant_json(g));
                 return json{{"items", out}};
               });
             }));

  router.add("DELETE", "/api/v1/users/{id}/sessions",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto done = api.roles.revoke_sessions(s.actor, *id);
               if (!done) return error_response(done.error());
               return no_content();
             }));
}

}  // namespace voordeur::http
