#include <array>
#include <string_view>

#include "http/api.h"
#include "http/server.h"

namespace voordeur::http {
namespace {

struct CodeInfo {
  std::string_view code;
  int status;
  std::string_view title;
};

// The one table from error code to HTTP status (docs/api.md lists the same).
constexpr std::array kCodes = {
    CodeInfo{"invalid_json", 400, "Invalid JSON"},
    CodeInfo{"bad_request", 400, "Bad request"},
    CodeInfo{"validation_failed", 422, "Validation failed"},
    CodeInfo{"consent_required", 422, "Consent required"},
    CodeInfo{"unauthenticated", 401, "Not logged in"},
    CodeInfo{"session_expired", 401, "Session expired"},
    CodeInfo{"invalid_credentials", 401, "Invalid credentials"},
    CodeInfo{"second_factor_required", 401, "Second factor required"},
    CodeInfo{"csrf_failed", 403, "CSRF check failed"},
    CodeInfo{"second_factor_enrolment_required", 403, "Two-factor enrolment required"},
    CodeInfo{"forbidden", 403, "Forbidden"},
    CodeInfo{"not_found", 404, "Not found"},
    CodeInfo{"method_not_allowed", 405, "Method not allowed"},
    CodeInfo{"conflict", 409, "Conflict"},
    CodeInfo{"case_closed", 409, "Case closed"},
    CodeInfo{"case_open", 409, "Case open"},
    CodeInfo{"illegal_transition", 409, "Transition not allowed"},
    CodeInfo{"erasure_not_allowed", 409, "Erasure not allowed"},
    CodeInfo{"payload_too_large", 413, "Payload too large"},
    CodeInfo{"unsupported_media_type", 415, "Unsupported media type"},
    CodeInfo{"rate_limited", 429, "Too many requests"},
    CodeInfo{"headers_too_large", 431, "Request header fields too large"},
    CodeInfo{"unavailable", 503, "Service unavailable"},
    CodeInfo{"not_ready", 503, "Not ready"},
};

const CodeInfo& info_of(const std::string& code) {
  static constexpr CodeInfo internal{"internal", 500, "Internal error"};
  for (const auto& c : kCodes) {
    if (c.code == code) return c;
  }
  return internal;
}

}  // namespace

int status_of(const std::string& code) { return info_of(code).status; }

Response error_response(const domain::Error& e) {
  const CodeInfo& info = info_of(e.code);
  Response res = problem(info.status, std::string(info.code), std::string(info.title), e.message, e.fields);
  if (e.retry_after_seconds > 0) res.headers.emplace_back("Retry-After", std::to_string(e.retry_after_seconds));
  return res;
}

}  // namespace voordeur::http
