// TOTP second factor of the logged-in user (/api/v1/account/totp) and the admin's reset.
#include "http/route_util.h"

namespace voordeur::http {

void add_totp_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/account/totp",
             with_incomplete_session(api, [&api](const Request&, const PathParams&, const app::SessionInfo& s) {
               return reply(api.auth.totp_status(s.actor), 200);
             }));

  router.add("POST", "/api/v1/account/totp",
             with_incomplete_session(api, [&api](const Request&, const PathParams&, const app::SessionInfo& s) {
               return reply(api.auth.start_totp_enrolment(s.actor), 201);
             }));

  router.add("POST", "/api/v1/account/totp/confirm",
             with_incomplete_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo&) {
               auto code = read_input(req, [](FieldReader& r) { return r.text("code"); });
               if (!code) return error_response(code.error());
               return reply(api.auth.confirm_totp_enrolment(req.cookie(kSessionCookie), code.value()), 200,
                            [](JsonWriter& w, const app::SessionInfo&) {
                              w.begin_object();
                              w.field("enabled", true);
                              w.end_object();
                            });
             }));

  router.add("DELETE", "/api/v1/account/totp",
             with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               auto code = read_input(req, [](FieldReader& r) { return r.text("code"); });
               if (!code) return error_response(code.error());
               auto done = api.auth.disable_totp(s.actor, code.value());
               if (!done) return error_response(done.error());
               Response res;
               res.status = 204;
               res.content_type.clear();
               return res;
             }));

  router.add("DELETE", "/api/v1/users/{id}/totp",
             with_session(api, [&api](const Request&, const PathParams& params, const app::SessionInfo& s) {
               const auto id = path_id(params);
               if (!id) return error_response(unknown_id());
               auto done = api.auth.reset_totp(s.actor, *id);
               if (!done) return error_response(done.error());
               Response res;
               res.status = 204;
               res.content_type.clear();
               return res;
             }));
}

}  // namespace voordeur::http
