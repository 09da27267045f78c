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

// Options for a route that reads one record (a case, a signal): on SQLite it runs on the io thread.
// Such a read is a few B-tree lookups in the memory-mapped file, cheaper than the hop to the worker
// pool and back; a session refresh (at most once a minute per session) may write, and waits at most
// for the current write transaction. On PostgreSQL every query is a network round trip, so the read
// stays on the worker pool.
RouteOptions local_read(const Api& api);

// A handler that first requires a logged-in session (and the CSRF token for changes).
template <typename F>
Handler with_session(Api& api, F f) {
  return [&api, f](const Request& req, const PathParams& params) -> Response {
    auto session = require_session(api, req);
    if (!session) return error_response(session.error());
    return f(req, params, session.value());
  };
}

// Like with_session, but also for a session whose second factor is not done yet (session and TOTP
// routes only).
template <typename F>
Handler with_incomplete_session(Api& api, F f) {
  return [&api, f](const Request& req, const PathParams& params) -> Response {
    auto session = require_session(api, req, true);
    if (!session) return error_response(session.error());
    return f(req, params, session.value());
  };
}

// Renders a use case's result: the value as JSON with `status`, or the error.
template <typename T>
Response reply(const domain::Result<T>& result, int status) {
  if (!result) return error_response(result.error());
  return json_response(status, result.value());
}

// The same for answers of another shape: render(JsonWriter&, const T&) writes the answer.
template <typename T, typename Render>
Response reply(const domain::Result<T>& result, int status, Render render) {
  if (!result) return error_response(result.error());
  JsonWriter w;
  render(w, result.value());
  return json_text_response(status, w.text());
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
