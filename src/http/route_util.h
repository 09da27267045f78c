// Small helpers shared by the *_routes.cpp handlers.
#pragma once

#include <optional>
#include <string>

#include "domain/model.h"
#include "domain/scoped_views.h"
#include "http/api.h"
#include "http/json_io.h"
#include "http/router.h"

namespace voordeur::http {

// The {id} path parameter as a positive id, or nullopt (the handler answers 404).
std::optional<domain::Id> path_id(const PathParams& params, const char* name = "id");

struct Paging {
  int limit = 50;
  int offset = 0;
};
// The limit (1..500, default 50) and offset (>= 0) query parameters, or validation_failed.
domain::Result<Paging> read_paging(const Request& req);

domain::Error unknown_id();

// A signal as its partner reporter sees it (POST /api/v1/signals by a partner, GET /api/v1/partner/signals).
json partner_signal_json(const domain::PartnerSignal& s);

// A handler that first requires a logged-in session (and the CSRF token for changes).
template <typename F>
Handler with_session(Api& api, F f) {
  return [&api, f](const Request& req, const PathParams& params) -> Response {
    auto session = require_session(api, req);
    if (!session) return error_response(session.error());
    return f(req, params, session.value());
  };
}

// Renders a use case's result: the value as JSON with `status`, or the error.
template <typename T, typename Render>
Response reply(const domain::Result<T>& result, int status, Render render) {
  if (!result) return error_response(result.error());
  return json_response(status, render(result.value()));
}

// Parses the body into a FieldReader-fed input; on a body or type error returns that error.
template <typename Read>
auto read_input(const Request& req, Read read) -> domain::Result<decltype(read(std::declval<FieldReader&>()))> {
  auto body = parse_body(req);
  if (!body) return body.error();
  std::vector<domain::FieldError> errors;
  FieldReader reader(body.value(), errors);
  auto input = read(reader);
  if (!errors.empty()) return domain::validation_error(std::move(errors));
  return input;
}

}  // namespace voordeur::http
