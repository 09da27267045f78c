#include "http/route_util.h"

namespace voordeur::http {
namespace {

// The session answer: the user and the CSRF token to send back as X-CSRF-Token.
struct SessionBody {
  const app::SessionInfo& session;
};
void write(JsonWriter& w, const SessionBody& b) {
  w.begin_object();
  w.field("user", b.session.actor);
  w.field("csrf_token", b.session.csrf_token);
  w.field("second_factor", b.session.second_factor);
  w.end_object();
}

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
        Response res = json_response(201, SessionBody{session.value()});
        res.headers.emplace_back("Set-Cookie", session_cookie(session->token, req.tls, false));
        return res;
      },
      RouteOptions{.slow = true});

  router.add("GET", "/api/v1/session",
             with_incomplete_session(api, [](const Request&, const PathParams&, const app::SessionInfo& s) {
               return json_response(200, SessionBody{s});
             }));

  router.add("POST", "/api/v1/session/second-factor",
             with_incomplete_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo&) {
               auto code = read_input(req, [](FieldReader& r) { return r.text("code"); });
               if (!code) return error_response(code.error());
               return reply(api.auth.verify_second_factor(req.cookie(kSessionCookie), code.value()), 200,
                            [](JsonWriter& w, const app::SessionInfo& s) { w.value(SessionBody{s}); });
             }));

  router.add("DELETE", "/api/v1/session",
             with_incomplete_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo&) {
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
