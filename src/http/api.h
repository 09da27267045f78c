// The JSON API: the route table of /api/v1 plus /health and /ready, one file per resource
// (*_routes.cpp). Handlers parse and validate the request into typed input (json_io.h), call one
// use case in app/, and render the typed result or the error (errors.cpp maps codes to statuses).
#pragma once

#include <string>

#include "app/access_log.h"
#include "app/accounts.h"
#include "app/auth.h"
#include "app/cases.h"
#include "app/consents.h"
#include "app/persistence.h"
#include "app/preparation.h"
#include "app/retention.h"
#include "app/roles.h"
#include "app/signals.h"
#include "domain/errors.h"
#include "http/message.h"
#include "http/router.h"
#include "store/db.h"

namespace voordeur::http {

struct Api {
  store::Database& db;
  app::AuthService& auth;
  app::AccountService& accounts;
  app::SignalService& signals;
  app::CaseService& cases;
  app::PreparationService& preparation;
  app::PersistenceService& persistence;
  app::AccessLogService& access_log;
  app::RetentionService& retention;
  app::ConsentService& consents;
  app::RoleService& roles;
};

inline constexpr const char* kSessionCookie = "voordeur_session";

void register_routes(Router& router, Api& api);

// Per resource, called by register_routes.
void add_service_routes(Router& router, Api& api);
void add_session_routes(Router& router, Api& api);
void add_account_routes(Router& router, Api& api);
void add_signal_routes(Router& router, Api& api);
void add_case_routes(Router& router, Api& api);
void add_preparation_routes(Router& router, Api& api);
void add_trajectory_routes(Router& router, Api& api);
void add_persistence_routes(Router& router, Api& api);
// GET /api/v1/cases?stuck=true: the stuck cases of the query with their attempt history.
Response list_stuck_cases(Api& api, const app::SessionInfo& s, const app::CaseQuery& q);
void add_monitoring_routes(Router& router, Api& api);
void add_household_routes(Router& router, Api& api);
void add_access_log_routes(Router& router, Api& api);
void add_retention_routes(Router& router, Api& api);
void add_consent_routes(Router& router, Api& api);
void add_totp_routes(Router& router, Api& api);
// Partner signals, policy figures, break-glass, revoking sessions (app/roles.h).
void add_role_routes(Router& router, Api& api);

// The logged-in session for a request: the cookie must name a live session, and requests that
// change state (POST, PUT, PATCH, DELETE) must carry that session's X-CSRF-Token. Unless
// `incomplete_ok` (the session and TOTP routes), the session's second factor must be done:
// second_factor_required while its code is due, second_factor_enrolment_required while the
// user's role requires TOTP and the user has not enrolled.
domain::Result<app::SessionInfo> require_session(Api& api, const Request& req, bool incomplete_ok = false);

// The problem+json response for an error value (the one code -> status table).
Response error_response(const domain::Error& e);
int status_of(const std::string& code);

}  // namespace voordeur::http
