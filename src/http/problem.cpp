#include "http/json_writer.h"
#include "http/server.h"

namespace voordeur::http {

Response problem(int status, const std::string& code, const std::string& title, const std::string& detail,
                 const std::vector<domain::FieldError>& errors) {
  JsonWriter w;
  w.begin_object();
  w.field("type", "/problems/" + code);
  w.field("title", title);
  w.field("status", status);
  w.field("code", code);
  w.field("detail", detail);
  if (!errors.empty()) {
    w.key("errors");
    w.begin_array();
    for (const auto& f : errors) {
      w.begin_object();
      w.field("field", f.field);
      w.field("code", f.code);
      w.field("message", f.message);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  Response response;
  response.status = status;
  response.content_type = "application/problem+json";
  response.body = w.text();
  return response;
}

}  // namespace voordeur::http
