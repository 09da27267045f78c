#include "http/router.h"

#include <algorithm>
#include <array>
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

// A path or pattern cut into its segments once, so matching compares segments without re-parsing.
// No route has more than kMaxSegments segments (add() refuses them), so a longer path matches none.
constexpr std::size_t kMaxSegments = 16;

struct SplitPath {
  std::array<std::string_view, kMaxSegments> segments;
  std::size_t count = 0;
  bool valid = false;  // starts with '/' and has at most kMaxSegments segments
};

SplitPath split_path(std::string_view path) {
  SplitPath out;
  if (path.empty() || path.front() != '/') return out;
  while (!path.empty()) {
    if (out.count == kMaxSegments) return out;
    out.segments[out.count++] = next_segment(path);
  }
  out.valid = true;
  return out;
}

// Matches a split path against a route's segments. Returns 0 for no match, otherwise a specificity
// score where a literal segment outranks a parameter at the same position and earlier segments weigh
// more, so "/cases/new" wins over "/cases/{id}" whatever the order of registration.
std::uint64_t score(const std::vector<PatternSegment>& pattern, const SplitPath& path, PathParams* params) {
  if (pattern.size() != path.count) return 0;
  std::uint64_t result = 1;
  for (std::size_t index = 0; index < pattern.size(); ++index) {
    const std::string_view have = path.segments[index];
    if (pattern[index].param) {
      if (have.empty()) return 0;
      if (params) params->emplace(pattern[index].text, std::string(have));
    } else {
      if (pattern[index].text != have) return 0;
      if (index < 62) result |= std::uint64_t{1} << (62 - index);
    }
  }
  return result;
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
  std::size_t count = 0;
  while (!rest.empty()) {
    if (++count > kMaxSegments) fail("more than 16 segments");
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

// The index of the most specific route for method and path, or routes.size() for none; sets
// *path_known when some route matches the path with another method.
std::size_t best_route(const std::vector<Route>& routes, const std::vector<std::vector<PatternSegment>>& segments,
                       const std::string& method, const SplitPath& split, bool* path_known) {
  std::size_t best = routes.size();
  std::uint64_t best_score = 0;
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const std::uint64_t s = score(segments[i], split, nullptr);
    if (s == 0) continue;
    if (routes[i].method != method) {
      if (path_known) *path_known = true;
    } else if (s > best_score) {
      best_score = s;
      best = i;
    }
  }
  return best;
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
  std::vector<PatternSegment> segments;
  std::string_view rest = pattern;
  while (!rest.empty()) {
    const std::string_view segment = next_segment(rest);
    segments.push_back(is_param(segment) ? PatternSegment{std::string(segment.substr(1, segment.size() - 2)), true}
                                         : PatternSegment{std::string(segment), false});
  }
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(handler), options});
  segments_.push_back(std::move(segments));
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match result;
  const SplitPath split = split_path(path);
  if (!split.valid) return result;
  const std::size_t best = best_route(routes_, segments_, method, split, &result.path_known);
  if (best == routes_.size()) return result;
  result.route = &routes_[best];
  score(segments_[best], split, &result.params);
  return result;
}

std::size_t Router::body_limit(const std::string& method, const std::string& path, std::size_t fallback) const {
  const SplitPath split = split_path(path);
  if (!split.valid) return fallback;
  const std::size_t best = best_route(routes_, segments_, method, split, nullptr);
  return best < routes_.size() && routes_[best].options.body_limit > 0 ? routes_[best].options.body_limit : fallback;
}

std::size_t Router::max_body_limit(std::size_t fallback) const {
  std::size_t limit = fallback;
  for (const auto& r : routes_) limit = std::max(limit, r.options.body_limit);
  return limit;
}

}  // namespace voordeur::http
