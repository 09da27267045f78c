#include "http/route_util.h"

namespace voordeur::http {
namespace {

json session_body(const app::SessionInfo& s) { return {{"user", to_json(s.actor)}, {"csrf_token", s.csrf_token}}; }

std::string session_cookie(const std::string& value, bool tls, bool clear) {
  std::string c = std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (tls) c += "; Secure";
  if (clear) c += "; Max-Age=0";
  return c;
}

}  // namespace

void add_session_routes(Router& router, Api& api) {
  router.add(
      "POST", "/api/v1/session",
      [&api](const Request& req, const PathParams&) {
        auto input = read_input(req, [](FieldReader& r) { return std::pair{r.text("username"), r.text("password")}; });
        if (!input) return error_response(input.error());
        auto session = api.auth.login(input->first, input->second, req.client_address);
        if (!session) return error_response(session.error());
        Response res = json_response(201, session_body(session.value()));
        res.headers.emplace_back("Set-Cookie", session_cookie(session->token, req.tls, false));
        return res;
      },
      RouteOptions{.slow = true});

  router.add("GET", "/api/v1/session",
             with_session(api, [](const Request&, const PathParams&, const app::SessionInfo& s) {
               return json_response(200, session_body(s));
             }));

  router.add("DELETE", "/api/v1/session",
             with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo&) {
               auto done = api.auth.logout(req.cookie(kSessionCookie));
               if (!done) return error_response(done.error());
               Response res;
               res.status = 204;
               res.content_type.clear();
               res.headers.emplace_back("Set-Cookie", session_cookie("", req.tls, true));
               return res;
             }));

  // Log out everywhere: ends every session of the caller, this one included.
  router.add("DELETE", "/api/v1/sessions",
             with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               auto done = api.roles.revoke_own_sessions(s.actor);
               if (!done) return error_response(done.error());
               Response res;
               res.status = 204;
               res.content_type.clear();
               res.headers.emplace_back("Set-Cookie", session_cookie("", req.tls, true));
               return res;
             }));
}

}  // namespace voordeur::http
