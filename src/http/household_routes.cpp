#include "http/route_util.h"

namespace voordeur::http {

void add_household_routes(Router& router, Api& api) {

  router.add("GET", "/api/v1/households/{id}",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               return reply(api.cases.household(s.actor, *id), 200);
             }));

  // Adds {"person_id", "role"} (an existing person of the team) or {"name", "date_of_birth", "role"}
  // (a new person); answers the household.
  router.add("POST", "/api/v1/households/{id}/members",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_household_member);
               if (!in) return error_response(in.error());
               return reply(api.cases.add_household_member(s.actor, *id, in.value()), 201);
             }));

  router.add("DELETE", "/api/v1/households/{id}/members/{person_id}",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               auto person_id = path_id(p, "person_id");
               if (!id || !person_id) return error_response(unknown_id());
               return reply(api.cases.remove_household_member(s.actor, *id, *person_id), 200);
             }));

  router.add("PATCH", "/api/v1/cases/{id}",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, [](FieldReader& r) { return r.text("concerns"); });
               if (!in) return error_response(in.error());
               return reply(api.cases.set_concerns(s.actor, *id, in.value()), 200);
             }));
}

}  // namespace voordeur::http
