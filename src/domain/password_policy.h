// Refusing guessable passwords beyond the minimum length (validation.h): a list of common
// passwords (loaded at start from a file, e.g. Debian's john-data /usr/share/john/password.lst,
// one password a line, "#!comment" lines skipped) and the username. Pure: the caller reads the file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "domain/errors.h"

namespace voordeur::domain {

class CommonPasswords {
 public:
  CommonPasswords() = default;
  // One password a line; "#!comment" lines and empty lines are skipped; stored in lower case.
  static CommonPasswords parse(std::string_view text);
  bool contains(std::string_view lowered) const { return words_.count(std::string(lowered)) > 0; }
  std::size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

// nullopt, or the field error "password" / "weak_password" when the password (ASCII letters
// compared case-insensitively):
// - is only digits, punctuation and spaces, or one character repeated;
// - is a common password once the digits, punctuation and spaces around it are taken off
//   ("Password1234!" is "password");
// - contains the username (usernames of 3 or more characters).
std::optional<FieldError> check_password_strength(std::string_view password, std::string_view username,
                                                  const CommonPasswords& common);

}  // namespace voordeur::domain
