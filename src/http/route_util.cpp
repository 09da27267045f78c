#include "http/route_util.h"

#include <charconv>

namespace voordeur::http {

std::optional<domain::Id> path_id(const PathParams& params, const char* name) {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty() || it->second.size() > 18) return std::nullopt;
  domain::Id id = 0;
  const char* end = it->second.data() + it->second.size();
  auto [ptr, ec] = std::from_chars(it->second.data(), end, id);
  if (ec != std::errc() || ptr != end || id <= 0) return std::nullopt;
  return id;
}

RouteOptions local_read(const Api& api) { return RouteOptions{.inline_io = api.db.dialect() == store::Dialect::sqlite}; }

domain::Error unknown_id() {
  return domain::make_error("not_found", "No record with this id; check the link or go back to the list.");
}

namespace {

std::optional<int> query_int(const Request& req, const char* name, int fallback, int min, int max) {
  if (!req.has_query_param(name)) return fallback;
  const std::string text = req.query_param(name);
  int v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end || v < min || v > max) return std::nullopt;
  return v;
}

}  // namespace

domain::Result<Paging> read_paging(const Request& req) {
  auto limit = query_int(req, "limit", 50, 1, 500);
  auto offset = query_int(req, "offset", 0, 0, 1000000000);
  std::vector<domain::FieldError> errors;
  if (!limit) errors.push_back({"limit", "out_of_range", "Use a whole number from 1 to 500."});
  if (!offset) errors.push_back({"offset", "out_of_range", "Use a whole number of 0 or more."});
  if (!errors.empty()) return domain::validation_error(std::move(errors));
  return Paging{*limit, *offset};
}

}  // namespace voordeur::http
