#include "http/openapi.h"
#include "http/route_util.h"
#include "http/server.h"

namespace voordeur::http {

void add_service_routes(Router& router, Api& api) {
  router.add(
      "GET", "/health",
      [](const Request&, const PathParams&) {
        Response res;
        res.body = R"({"status":"alive"})";
        return res;
      },
      RouteOptions{.inline_io = true});
  router.add("GET", "/ready", [&api](const Request&, const PathParams&) {
    if (!api.db.ping()) return problem(503, "not_ready", "Not ready", "The database cannot be reached.");
    Response res;
    res.body = R"({"status":"ready"})";
    return res;
  });
  router.add("GET", "/api/v1/openapi.json", [](const Request&, const PathParams&) {
    Response res;
    res.body = std::string(openapi_document());
    return res;
  });
}

}  // namespace voordeur::http
