#include "app/totp.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <stdexcept>

namespace voordeur::app {
namespace {

void init_oath() {
  static const int rc = oath_init();
  if (rc != OATH_OK) throw std::runtime_error("liboath could not be initialised");
}

struct Freer {
  void operator()(char* p) const { std::free(p); }
};

// The secret's raw bytes, or nullopt when it is not base32.
std::optional<std::string> decode(const std::string& base32) {
  init_oath();
  char* out = nullptr;
  std::size_t len = 0;
  if (oath_base32_decode(base32.data(), base32.size(), &out, &len) != OATH_OK) return std::nullopt;
  std::unique_ptr<char, Freer> owned(out);
  if (len == 0) return std::nullopt;
  return std::string(out, len);
}

std::string url_encode(const std::string& s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char ch : s) {
    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ||
        ch == '_' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  init_oath();
  unsigned char raw[20];
  randombytes_buf(raw, sizeof raw);
  char* out = nullptr;
  std::size_t len = 0;
  if (oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &out, &len) != OATH_OK) {
    throw std::runtime_error("base32 encoding failed");
  }
  std::unique_ptr<char, Freer> owned(out);
  std::string secret(out, len);
  secret.erase(std::remove(secret.begin(), secret.end(), '='), secret.end());
  return secret;
}

std::optional<std::string> totp_code(const std::string& secret_base32, std::int64_t unix_time) {
  const auto secret = decode(secret_base32);
  if (!secret) return std::nullopt;
  char code[kTotpDigits + 1] = {};
  if (oath_totp_generate(secret->data(), secret->size(), static_cast<time_t>(unix_time), kTotpStepSeconds, 0,
                         kTotpDigits, code) != OATH_OK) {
    return std::nullopt;
  }
  return std::string(code);
}

std::optional<std::int64_t> totp_match(const std::string& secret_base32, const std::string& code, std::int64_t now) {
  if (code.size() != static_cast<std::size_t>(kTotpDigits) ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const auto secret = decode(secret_base32);
  if (!secret) return std::nullopt;
  int position = 0;
  const int rc = oath_totp_validate2(secret->data(), secret->size(), static_cast<time_t>(now), kTotpStepSeconds, 0, 1,
                                     &position, code.c_str());
  if (rc < 0) return std::nullopt;
  return now / kTotpStepSeconds + position;
}

std::string otpauth_uri(const std::string& username, const std::string& secret_base32) {
  return "otpauth://totp/Voordeur:" + url_encode(username) + "?secret=" + secret_base32 +
         "&issuer=Voordeur&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStepSeconds);
}

}  // namespace voordeur::app
