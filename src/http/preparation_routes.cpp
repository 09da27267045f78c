#include "http/route_util.h"

namespace voordeur::http {

void add_preparation_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/cases/{id}/preparation",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               return reply(api.preparation.get(s.actor, *id), 200);
             }));

  router.add("PUT", "/api/v1/cases/{id}/preparation",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_preparation);
               if (!in) return error_response(in.error());
               return reply(api.preparation.save(s.actor, *id, in.value()), 200);
             }));

  router.add("POST", "/api/v1/cases/{id}/preparation/prior-info",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_prior_info);
               if (!in) return error_response(in.error());
               return reply(api.preparation.add_prior_info(s.actor, *id, in.value()), 201);
             }));
}

}  // namespace voordeur::http
