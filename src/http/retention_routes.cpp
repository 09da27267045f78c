// Retention settings, the privacy officer's person lookup, the subject-access export (JSON and
// PDF) and erasure.
#include <charconv>

#include "http/route_util.h"
#include "http/subject_export.h"

namespace voordeur::http {
namespace {

// An optional positive id query parameter; a value that is not one is a field error.
std::optional<domain::Id> query_id(const Request& req, const char* name, std::vector<domain::FieldError>& errors) {
  if (!req.has_query_param(name)) return std::nullopt;
  const std::string text = req.query_param(name);
  domain::Id id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) {
    errors.push_back(domain::FieldError{name, "invalid_type", "Give the number of the case or signal, e.g. 12."});
    return std::nullopt;
  }
  return id;
}

Response attachment(Response res, const std::string& filename) {
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return res;
}

}  // namespace

void add_retention_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/retention",
             with_session(api, [&api](const Request&, const PathParams&, const app::SessionInfo& s) {
               return reply(api.retention.settings(s.actor), 200);
             }));

  router.add("GET", "/api/v1/persons/lookup",
             with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               std::vector<domain::FieldError> errors;
               const auto case_id = query_id(req, "case_id", errors);
               const auto signal_id = query_id(req, "signal_id", errors);
               if (!errors.empty()) return error_response(domain::validation_error(std::move(errors)));
               return reply(api.retention.find_person(s.actor, case_id, signal_id), 200);
             }));

  router.add("GET", "/api/v1/persons/{id}/export.json",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto out = api.retention.export_person(s.actor, *id);
               if (!out) return error_response(out.error());
               return attachment(json_response(200, out.value()),
                                 "inzage-persoon-" + std::to_string(*id) + ".json");
             }));

  router.add("GET", "/api/v1/persons/{id}/export.pdf",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto out = api.retention.export_person(s.actor, *id);
               if (!out) return error_response(out.error());
               Response res;
               res.content_type = "application/pdf";
               res.body = subject_export_pdf(out.value());
               return attachment(std::move(res), "inzage-persoon-" + std::to_string(*id) + ".pdf");
             }));

  router.add("POST", "/api/v1/persons/{id}/erasure",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto reason = read_input(req, [](FieldReader& r) { return r.text("reason"); });
               if (!reason) return error_response(reason.error());
               return reply(api.retention.erase(s.actor, *id, reason.value()), 201);
             }));
}

}  // namespace voordeur::http
