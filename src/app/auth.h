// Login, sessions and the login rate limit.
//
// - Passwords: Argon2id via libsodium's crypto_pwhash_str (interactive limits). Hashing costs
//   ~100 ms: call login() and hash_password() only from the slow pool, never from io threads.
// - Sessions live in the database; the cookie holds a 256-bit random token, the database only its
//   BLAKE2b hash. Each session has its own CSRF token. Idle and absolute expiry from AppConfig.
// - Failed logins are counted per account and per client address in memory (a restart forgets
//   them); over the limit login answers rate_limited with retry_after_seconds, even for a right
//   password.
// Thread safety: all methods may be called concurrently.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "app/clock.h"
#include "app/config.h"
#include "domain/errors.h"
#include "domain/model.h"
#include "store/db.h"

namespace voordeur::app {

// A session's second factor: "ok" (given, or not needed), "pending" (the TOTP code of this login is
// still due) or "enrolment_required" (the role requires TOTP and the user has not enrolled). Only
// an "ok" session may use the API beyond the session and TOTP routes.
struct SessionInfo {
  domain::Actor actor;
  std::string csrf_token;
  std::string token;  // only set by login(): goes into the cookie
  std::string second_factor = "ok";
};

struct TotpStatus {
  bool enabled = false;
  bool required = false;  // by the user's role
};

struct TotpEnrolment {
  std::string secret;  // base32
  std::string otpauth_uri;
};

// Argon2id hash in the PHC string format. Throws std::runtime_error when out of memory.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
// Constant-time comparison of two secrets (CSRF tokens).
bool tokens_equal(const std::string& a, const std::string& b);

class AuthService {
 public:
  AuthService(store::Database& db, const Clock& clock, AppConfig config);

  domain::Result<SessionInfo> login(const std::string& username, const std::string& password,
                                    const std::string& client_address);
  // unauthenticated (no/unknown token, deactivated user) or session_expired.
  domain::Result<SessionInfo> authenticate(const std::string& token);
  domain::Result<domain::Unit> logout(const std::string& token);

  // TOTP second factor (app/totp.h). verify_second_factor completes a "pending" session; wrong
  // codes count towards a per-account limit (rate_limited) and a code is accepted once (replay:
  // code_used).
  domain::Result<SessionInfo> verify_second_factor(const std::string& token, const std::string& code);
  domain::Result<TotpStatus> totp_status(const domain::Actor& a);
  // A new secret, not yet in force (conflict when TOTP is already on: disable it first).
  domain::Result<TotpEnrolment> start_totp_enrolment(const domain::Actor& a);
  // Turns TOTP on with a code of the new secret; the session is then complete.
  domain::Result<SessionInfo> confirm_totp_enrolment(const std::string& token, const std::string& code);
  // Turns the user's own TOTP off with a current code (forbidden when the role requires it).
  domain::Result<domain::Unit> disable_totp(const domain::Actor& a, const std::string& code);
  // An admin removes a user's TOTP (lost phone) and ends that user's sessions.
  domain::Result<domain::Unit> reset_totp(const domain::Actor& admin, domain::Id user_id);

 private:
  class Limiter {
   public:
    // Seconds until a try is allowed again, 0 when allowed now.
    std::int64_t blocked_for(const std::string& key, int limit, std::int64_t window, std::int64_t now);
    void record_failure(const std::string& key, std::int64_t now);
    void clear(const std::string& key);

   private:
    std::mutex mu_;
    std::unordered_map<std::string, std::deque<std::int64_t>> failures_;
  };

  bool totp_required(const std::string& role) const;
  // Checks a code against the user's secret and claims its step; a validation or rate error.
  domain::Result<domain::Unit> check_code(store::Connection& c, domain::Id user_id, const std::string& secret,
                                          const std::string& code);

  store::Database& db_;
  const Clock& clock_;
  AppConfig config_;
  Limiter limiter_;
};

}  // namespace voordeur::app
