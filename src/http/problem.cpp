#include <nlohmann/json.hpp>

#include "http/server.h"

namespace voordeur::http {

Response problem(int status, const std::string& code, const std::string& title, const std::string& detail) {
  nlohmann::ordered_json body = {
      {"type", "/problems/" + code}, {"title", title}, {"status", status}, {"code", code}, {"detail", detail}};
  Response response;
  response.status = status;
  response.content_type = "application/problem+json";
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

}  // namespace voordeur::http
