#include "http/route_util.h"

namespace voordeur::http {
namespace {

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
               return reply(api.roles.figures(s.actor), 200);
             }));

  router.add("POST", "/api/v1/cases/{id}/break-glass",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, [](FieldReader& r) { return r.text("reason"); });
               if (!in) return error_response(in.error());
               return reply(api.roles.break_glass(s.actor, *id, in.value()), 201);
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
               return reply(api.roles.break_glass_list(s.actor, *team), 200, [](JsonWriter& w, const std::vector<store::BreakGlassGrant>& items) {
                 w.value(Items{items});
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
