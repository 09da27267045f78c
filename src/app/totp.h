// TOTP (RFC 6238): HMAC-SHA1, 6 digits, 30-second steps from the Unix epoch, computed by liboath
// (oath-toolkit). A code is accepted for the current step and one step either side.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace voordeur::app {

inline constexpr int kTotpDigits = 6;
inline constexpr int kTotpStepSeconds = 30;

// 20 random bytes as unpadded base32 (32 characters), the form authenticator apps expect.
std::string new_totp_secret();
// The code for the step containing unix_time; nullopt when the secret is not valid base32.
std::optional<std::string> totp_code(const std::string& secret_base32, std::int64_t unix_time);
// The step (unix_time / 30) the code belongs to, when it matches the step of `now` or a neighbour.
std::optional<std::int64_t> totp_match(const std::string& secret_base32, const std::string& code, std::int64_t now);
// otpauth://totp/Voordeur:<username>?secret=...&issuer=Voordeur&algorithm=SHA1&digits=6&period=30
std::string otpauth_uri(const std::string& username, const std::string& secret_base32);

}  // namespace voordeur::app
