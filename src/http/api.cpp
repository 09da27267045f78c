#include "http/api.h"

namespace voordeur::http {

void register_routes(Router& router, Api& api) {
  add_service_routes(router, api);
  add_session_routes(router, api);
  add_account_routes(router, api);
  add_signal_routes(router, api);
  add_case_routes(router, api);
  add_preparation_routes(router, api);
  add_trajectory_routes(router, api);
  add_persistence_routes(router, api);
  add_monitoring_routes(router, api);
  add_household_routes(router, api);
  add_access_log_routes(router, api);
  add_retention_routes(router, api);
  add_consent_routes(router, api);
  add_totp_routes(router, api);
  add_role_routes(router, api);
}

domain::Result<app::SessionInfo> require_session(Api& api, const Request& req, bool incomplete_ok) {
  auto session = api.auth.authenticate(req.cookie(kSessionCookie));
  if (!session) return session;
  const bool changes_state = req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS";
  if (changes_state && !app::tokens_equal(req.header("x-csrf-token"), session->csrf_token)) {
    return domain::make_error("csrf_failed",
                              "The security token (X-CSRF-Token) is missing or wrong; reload the page and try again.");
  }
  if (!incomplete_ok && session->second_factor == "pending") {
    return domain::make_error("second_factor_required",
                              "Enter the 6-digit code from your authenticator app to finish logging in.");
  }
  if (!incomplete_ok && session->second_factor == "enrolment_required") {
    return domain::make_error("second_factor_enrolment_required",
                              "Your role requires two-factor login; set it up on your account page first.");
  }
  return session;
}

}  // namespace voordeur::http
