#include "domain/password_policy.h"

#include <algorithm>
#include <cctype>

namespace voordeur::domain {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_filler(unsigned char c) { return c < 0x80 && (std::isdigit(c) || std::ispunct(c) || std::isspace(c)); }

FieldError weak(std::string message) { return FieldError{"password", "weak_password", std::move(message)}; }

}  // namespace

CommonPasswords CommonPasswords::parse(std::string_view text) {
  CommonPasswords out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && !line.starts_with("#!comment")) out.words_.insert(lower(line));
    start = end + 1;
  }
  return out;
}

std::optional<FieldError> check_password_strength(std::string_view password, std::string_view username,
                                                  const CommonPasswords& common) {
  const std::string lowered = lower(password);
  std::size_t first = 0;
  std::size_t last = lowered.size();
  while (first < last && is_filler(static_cast<unsigned char>(lowered[first]))) ++first;
  while (last > first && is_filler(static_cast<unsigned char>(lowered[last - 1]))) --last;
  const std::string core = lowered.substr(first, last - first);
  const bool repeated = !lowered.empty() && std::all_of(lowered.begin(), lowered.end(),
                                                         [&](char c) { return c == lowered.front(); });
  if (core.empty() || repeated) {
    return weak("This password is too easy to guess; use words, for example a short sentence of your own.");
  }
  if (common.contains(core) || common.contains(lowered)) {
    return weak("This is one of the most common passwords (digits or symbols around it do not help); "
                "choose a short sentence of your own.");
  }
  if (username.size() >= 3 && lowered.find(lower(username)) != std::string::npos) {
    return weak("The password must not contain the username; choose something else.");
  }
  return std::nullopt;
}

}  // namespace voordeur::domain
