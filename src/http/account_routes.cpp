#include "http/route_util.h"

namespace voordeur::http {
namespace {

json items(const json& list) { return {{"items", list}}; }

json member_json(const domain::User& u) {
  return {{"id", u.id}, {"username", u.username}, {"display_name", u.display_name}, {"role", u.role}};
}

}  // namespace

void add_account_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/teams", with_session(api, [&api](const Request&, const PathParams&, const app::SessionInfo& s) {
               return reply(api.accounts.teams(s.actor), 200, [](const auto& v) { return items(to_json_list(v)); });
             }));

  router.add("POST", "/api/v1/teams", with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               auto name = read_input(req, [](FieldReader& r) { return r.text("name"); });
               if (!name) return error_response(name.error());
               return reply(api.accounts.create_team(s.actor, name.value()), 201,
                            [](const domain::TeamRef& t) { return to_json(t); });
             }));

  router.add("PATCH", "/api/v1/teams/{id}", with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, [](FieldReader& r) { return app::TeamPatch{r.opt_int("feedback_working_days")}; });
               if (!in) return error_response(in.error());
               return reply(api.accounts.update_team(s.actor, *id, in.value()), 200,
                            [](const domain::Team& t) { return to_json(t); });
             }));

  router.add("GET", "/api/v1/teams/{id}/members",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               return reply(api.accounts.members(s.actor, *id), 200, [](const std::vector<domain::User>& users) {
                 json list = json::array();
                 for (const auto& u : users) list.push_back(member_json(u));
                 return items(list);
               });
             }));

  router.add("GET", "/api/v1/users", with_session(api, [&api](const Request&, const PathParams&, const app::SessionInfo& s) {
               return reply(api.accounts.users(s.actor), 200, [](const auto& v) { return items(to_json_list(v)); });
             }));

  router.add(
      "POST", "/api/v1/users",
      with_session(api,
                   [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
                     auto in = read_input(req, [](FieldReader& r) {
                       return app::NewUser{r.text("username"), r.text("display_name"), r.text("role"),
                                           r.text("password"), r.id_list("team_ids")};
                     });
                     if (!in) return error_response(in.error());
                     return reply(api.accounts.create_user(s.actor, in.value()), 201,
                                  [](const domain::User& u) { return to_json(u); });
                   }),
      RouteOptions{.slow = true});

  router.add(
      "PATCH", "/api/v1/users/{id}",
      with_session(api,
                   [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
                     auto id = path_id(p);
                     if (!id) return error_response(unknown_id());
                     auto in = read_input(req, [](FieldReader& r) {
                       app::UserPatch patch;
                       if (r.has("display_name")) patch.display_name = r.text("display_name");
                       if (r.has("role")) patch.role = r.text("role");
                       patch.active = r.opt_boolean("active");
                       if (r.has("password")) patch.password = r.text("password");
                       if (r.has("team_ids")) patch.team_ids = r.id_list("team_ids");
                       return patch;
                     });
                     if (!in) return error_response(in.error());
                     return reply(api.accounts.update_user(s.actor, *id, in.value()), 200,
                                  [](const domain::User& u) { return to_json(u); });
                   }),
      RouteOptions{.slow = true});
}

}  // namespace voordeur::http
