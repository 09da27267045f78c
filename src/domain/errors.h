// Errors are values with stable codes (docs/api.md lists them); http/errors.cpp maps codes to HTTP
// statuses in one table. Messages are for people: say what is wrong and what to do, never include
// personal data.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace voordeur::domain {

struct FieldError {
  std::string field;    // dotted path as in the API, e.g. "person.date_of_birth", "problem_areas[2]"
  std::string code;     // required | too_long | invalid_date | invalid_datetime | unknown_value | ...
  std::string message;  // English, actionable
};

struct Error {
  std::string code;     // validation_failed | not_found | forbidden | conflict | case_closed | ...
  std::string message;  // English, actionable
  std::vector<FieldError> fields;
  int retry_after_seconds = 0;  // for rate_limited: when the client may try again
};

inline Error make_error(std::string code, std::string message) {
  return Error{std::move(code), std::move(message), {}};
}
Error validation_error(std::vector<FieldError> fields);

// A value or an error. Minimal stand-in for C++23 std::expected.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}
  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Unit {};

}  // namespace voordeur::domain
