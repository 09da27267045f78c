#include "http/route_util.h"

namespace voordeur::http {
namespace {

// A team member as GET /api/v1/teams/{id}/members lists them (without active and teams).
struct Member {
  const domain::User& user;
};
void write(JsonWriter& w, const Member& m) {
  w.begin_object();
  w.field("id", m.user.id);
  w.field("username", m.user.username);
  w.field("display_name", m.user.display_name);
  w.field("role", m.user.role);
  w.end_object();
}

}  // namespace

void add_account_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/teams", with_session(api, [&api](const Request&, const PathParams&, const app::SessionInfo& s) {
               return reply(api.accounts.teams(s.actor), 200, [](JsonWriter& w, const auto& v) { w.value(Items{v}); });
             }));

  router.add("POST", "/api/v1/teams", with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               auto name = read_input(req, [](FieldReader& r) { return r.text("name"); });
               if (!name) return error_response(name.error());
               return reply(api.accounts.create_team(s.actor, name.value()), 201);
             }));

  router.add("PATCH", "/api/v1/teams/{id}", with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, [](FieldReader& r) { return app::TeamPatch{r.opt_int("feedback_working_days")}; });
               if (!in) return error_response(in.error());
               return reply(api.accounts.update_team(s.actor, *id, in.value()), 200);
             }));

  router.add("GET", "/api/v1/teams/{id}/members",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               return reply(api.accounts.members(s.actor, *id), 200, [](JsonWriter& w, const std::vector<domain::User>& users) {
                 std::vector<Member> members;
                 for (const auto& u : users) members.push_back(Member{u});
                 w.value(Items{members});
               });
             }));

  router.add("GET", "/api/v1/users", with_session(api, [&api](const Request&, const PathParams&, const app::SessionInfo& s) {
               return reply(api.accounts.users(s.actor), 200, [](JsonWriter& w, const auto& v) { w.value(Items{v}); });
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
                     return reply(api.accounts.create_user(s.actor, in.value()), 201);
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
                     return reply(api.accounts.update_user(s.actor, *id, in.value()), 200);
                   }),
      RouteOptions{.slow = true});
}

}  // namespace voordeur::http
