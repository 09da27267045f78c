// Route table: (method, pattern) -> handler. Patterns are literal segments and `{name}`
// parameters, e.g. "/api/v1/cases/{id}/contacts". The table is the single source of truth for what
// the API offers; the OpenAPI test compares it with openapi.json.
//
// Thread safety: build the table before the server starts; match() is const and safe from any thread.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "http/message.h"

namespace voordeur::http {

using PathParams = std::map<std::string, std::string>;
using Handler = std::function<Response(const Request&, const PathParams&)>;

struct RouteOptions {
  // Runs on the small pool for expensive work (password hashing) instead of the request pool.
  bool slow = false;
  // Runs directly on the io thread, skipping the pool hop: only for handlers that never block for
  // long. Used by the liveness probe (so it answers even when every worker is busy) and, on SQLite
  // only, by reads of one record (see local_read() in http/route_util.h).
  bool inline_io = false;
  // The largest request body this route accepts, in bytes; 0: the server's body_limit. Only for
  // routes that take uploads (a signed scan), so every other route keeps the small limit.
  std::size_t body_limit = 0;
};

// One segment of a route's pattern: a literal, or a parameter by its name (without braces).
struct PatternSegment {
  std::string text;
  bool param = false;
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});

  struct Match {
    const Route* route = nullptr;  // null: no route for this path and method
    PathParams params;
    bool path_known = false;  // true when some route matches the path with another method (405)
  };
  Match match(const std::string& method, const std::string& path) const;

  const std::vector<Route>& routes() const { return routes_; }
  // The body limit of the route for method and path: its own, or `fallback` (no route, or none set).
  std::size_t body_limit(const std::string& method, const std::string& path, std::size_t fallback) const;
  // The largest body limit of any route, at least `fallback`.
  std::size_t max_body_limit(std::size_t fallback) const;

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<PatternSegment>> segments_;  // routes_[i]'s pattern, split once by add()
};

}  // namespace voordeur::http
