#include "http/message.h"

#include <string_view>

#include "http/url.h"

namespace voordeur::http {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Decodes one query component; a malformed escape keeps the component as sent, so a stray '%'
// in a search term reaches the handler instead of silently vanishing.
std::string decode_component(std::string_view raw) {
  std::string out;
  if (!url::percent_decode(raw, out, true)) out.assign(raw);
  return out;
}

// Calls visit(name, value) for each "name=value" pair of the query until it returns true.
template <typename Visit>
void for_each_query_pair(std::string_view query, Visit visit) {
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    if (visit(name, value)) return;
  }
}

}  // namespace

const std::string& Request::header(const std::string& name) const {
  static const std::string empty;
  auto it = headers.find(name);
  return it == headers.end() ? empty : it->second;
}

std::string Request::cookie(const std::string& name) const {
  std::string_view rest = header("cookie");
  while (!rest.empty()) {
    std::size_t semi = rest.find(';');
    std::string_view item = trim(rest.substr(0, semi));
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    if (trim(item.substr(0, eq)) != name) continue;
    std::string_view value = trim(item.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return {};
}

std::string Request::query_param(const std::string& name) const {
  std::string result;
  for_each_query_pair(query, [&](std::string_view raw_name, std::string_view raw_value) {
    if (decode_component(raw_name) != name) return false;
    result = decode_component(raw_value);
    return true;
  });
  return result;
}

std::vector<std::string> Request::query_params(const std::string& name) const {
  std::vector<std::string> values;
  for_each_query_pair(query, [&](std::string_view raw_name, std::string_view raw_value) {
    if (decode_component(raw_name) == name) values.push_back(decode_component(raw_value));
    return false;
  });
  return values;
}

bool Request::has_query_param(const std::string& name) const {
  bool found = false;
  for_each_query_pair(query, [&](std::string_view raw_name, std::string_view) {
    found = decode_component(raw_name) == name;
    return found;
  });
  return found;
}

}  // namespace voordeur::http
