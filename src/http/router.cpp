#include "http/router.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace voordeur::http {
namespace {

bool is_param(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// Splits off the next segment of a path that starts with '/'; `rest` keeps the remainder
// including its leading '/', or becomes empty after the last segment.
std::string_view next_segment(std::string_view& rest) {
  rest.remove_prefix(1);
  std::size_t slash = rest.find('/');
  std::string_view segment = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  return segment;
}

// Matches `path` against `pattern`. Returns 0 for no match, otherwise a specificity score where a
// literal segment outranks a parameter at the same position and earlier segments weigh more, so
// "/cases/new" wins over "/cases/{id}" whatever the order of registration.
std::uint64_t score(std::string_view pattern, std::string_view path, PathParams* params) {
  if (path.empty() || path.front() != '/') return 0;
  std::uint64_t result = 1;
  int index = 0;
  while (!pattern.empty() && !path.empty()) {
    std::string_view want = next_segment(pattern);
    std::string_view have = next_segment(path);
    if (is_param(want)) {
      if (have.empty()) return 0;
      if (params) params->emplace(std::string(want.substr(1, want.size() - 2)), std::string(have));
    } else {
      if (want != have) return 0;
      if (index < 62) result |= std::uint64_t{1} << (62 - index);
    }
    ++index;
  }
  return pattern.empty() && path.empty() ? result : 0;
}

void validate(const std::string& method, const std::string& pattern) {
  auto fail = [&](const char* why) {
    throw std::invalid_argument("route " + method + " " + pattern + ": " + why);
  };
  if (method.empty()) fail("empty method");
  if (pattern.empty() || pattern.front() != '/') fail("pattern must start with '/'");
  if (pattern == "/") return;
  std::string_view rest = pattern;
  std::vector<std::string_view> names;
  while (!rest.empty()) {
    std::string_view segment = next_segment(rest);
    if (segment.empty()) fail("empty segment (double or trailing '/')");
    if (is_param(segment)) {
      std::string_view name = segment.substr(1, segment.size() - 2);
      for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) fail("parameter names use letters, digits and '_'");
      }
      for (std::string_view seen : names) {
        if (seen == name) fail("parameter name used twice");
      }
      names.push_back(name);
    } else if (segment.find_first_of("{}") != std::string_view::npos) {
      fail("a parameter must be a whole segment");
    }
  }
}

// The pattern with every parameter name erased: two routes with the same shape are ambiguous.
std::string shape(std::string_view pattern) {
  std::string out;
  while (!pattern.empty()) {
    std::string_view segment = next_segment(pattern);
    out += '/';
    out += is_param(segment) ? std::string_view("{}") : segment;
  }
  return out;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  validate(method, pattern);
  if (!handler) throw std::invalid_argument("route " + method + " " + pattern + ": no handler");
  std::string new_shape = shape(pattern);
  for (const Route& existing : routes_) {
    if (existing.method == method && shape(existing.pattern) == new_shape) {
      throw std::invalid_argument("route " + method + " " + pattern + " clashes with " + existing.pattern);
    }
  }
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(handler), options});
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match result;
  std::uint64_t best_score = 0;
  for (const Route& route : routes_) {
    std::uint64_t s = score(route.pattern, path, nullptr);
    if (s == 0) continue;
    if (route.method != method) {
      result.path_known = true;
    } else if (s > best_score) {
      best_score = s;
      result.route = &route;
    }
  }
  if (result.route) score(result.route->pattern, path, &result.params);
  return result;
}

std::size_t Router::body_limit(const std::string& method, const std::string& path, std::size_t fallback) const {
  const Match m = match(method, path);
  return m.route && m.route->options.body_limit > 0 ? m.route->options.body_limit : fallback;
}

std::size_t Router::max_body_limit(std::size_t fallback) const {
  std::size_t limit = fallback;
  for (const auto& r : routes_) limit = std::max(limit, r.options.body_limit);
  return limit;
}

}  // namespace voordeur::http
