#include "app/auth.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>

#include "app/totp.h"
#include "app/tx.h"
#include "domain/rules.h"
#include "store/repository.h"
#include "store/totp_repository.h"

namespace voordeur::app {
namespace {

std::string random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string token_hash(const std::string& token) {
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

domain::Actor actor_of(const domain::User& u) {
  return domain::Actor{u.id, u.username, u.display_name, u.role, u.teams};
}

domain::Error unauthenticated() {
  return domain::make_error("unauthenticated", "You are not logged in; log in to continue.");
}

// Verifying against this hash when the account does not exist keeps the answer time the same,
// so response times do not reveal which usernames exist.
domain::Error wrong_code() {
  return domain::validation_error(
      {{"code", "invalid_code", "This code is wrong or expired; enter the current 6-digit code from your authenticator app."}});
}

domain::Error no_totp() {
  return domain::make_error("conflict", "Two-factor login is not on for this account.");
}

const std::string& dummy_hash() {
  static const std::string h = hash_password("no-such-account-password");
  return h;
}

}  // namespace

std::string hash_password(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool tokens_equal(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::int64_t AuthService::Limiter::blocked_for(const std::string& key, int limit, std::int64_t window,
                                               std::int64_t now) {
  std::lock_guard lock(mu_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  auto& times = it->second;
  while (!times.empty() && times.front() <= now - window) times.pop_front();
  if (times.empty()) {
    failures_.erase(it);
    return 0;
  }
  if (static_cast<int>(times.size()) < limit) return 0;
  return std::max<std::int64_t>(1, times.front() + window - now);
}

void AuthService::Limiter::record_failure(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mu_);
  failures_[key].push_back(now);
}

void AuthService::Limiter::clear(const std::string& key) {
  std::lock_guard lock(mu_);
  failures_.erase(key);
}

AuthService::AuthService(store::Database& db, const Clock& clock, AppConfig config)
    : db_(db), clock_(clock), config_(config) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

domain::Result<SessionInfo> AuthService::login(const std::string& username, const std::string& password,
                                               const std::string& client_address) {
  if (username.empty() || password.empty()) {
    std::vector<domain::FieldError> fields;
    if (username.empty()) fields.push_back({"username", "required", "Enter your username."});
    if (password.empty()) fields.push_back({"password", "required", "Enter your password."});
    return domain::validation_error(std::move(fields));
  }
  const std::int64_t now = clock_.now();
  const std::string account_key = "u:" + username;
  const std::string address_key = "a:" + client_address;
  std::int64_t wait = std::max(
      limiter_.blocked_for(account_key, config_.login_account_limit, config_.login_window_seconds, now),
      limiter_.blocked_for(address_key, config_.login_address_limit, config_.login_window_seconds, now));
  if (wait > 0) {
    auto e = domain::make_error("rate_limited", "Too many failed logins; wait " + std::to_string((wait + 59) / 60) +
                                                    " minute(s) and try again, or ask your admin.");
    e.retry_after_seconds = static_cast<int>(wait);
    return e;
  }

  std::optional<store::UserWithHash> found;
  try {
    found = store::find_user_by_username(db_.connection(), username);
  } catch (const store::DbError& e) {
    return storage_error(e);
  }
  const bool password_ok = verify_password(found ? found->password_hash : dummy_hash(), password);
  if (!found || !password_ok || !found->user.active) {
    limiter_.record_failure(account_key, now);
    limiter_.record_failure(address_key, now);
    log::info("login failed", {{"reason", found ? (found->user.active ? "password" : "inactive") : "unknown_user"}});
    return domain::make_error("invalid_credentials", "Username or password is wrong.");
  }
  limiter_.clear(account_key);

  SessionInfo info{actor_of(found->user), random_token(), random_token()};
  auto stored = in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Unit> {
    store::delete_expired_sessions(c, now - config_.session_idle_seconds, now - config_.session_absolute_seconds);
    const std::string hash = token_hash(info.token);
    store::insert_session(c, hash, info.actor.user_id, info.csrf_token, now);
    const auto totp = store::find_totp(c, info.actor.user_id);
    if (totp && totp->enabled) {
      info.second_factor = "pending";
      store::set_session_second_factor_pending(c, store::find_session(c, hash)->id, true);
    } else if (totp_required(info.actor.role)) {
      info.second_factor = "enrolment_required";
    }
    return domain::Unit{};
  });
  if (!stored) return stored.error();
  log::info("login", {{"user_id", info.actor.user_id}});
  return info;
}

domain::Result<SessionInfo> AuthService::authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return unauthenticated();
  const std::int64_t now = clock_.now();
  try {
    store::Connection& c = db_.connection();
    auto session = store::find_session(c, token_hash(token));
    if (!session) return unauthenticated();
    if (session->last_seen_at <= now - config_.session_idle_seconds ||
        session->created_at <= now - config_.session_absolute_seconds) {
      store::delete_session(c, session->id);
      return domain::make_error("session_expired", "Your session has expired; log in again.");
    }
    const domain::User* user = &session->user;
    if (!user->active) return unauthenticated();
    // Refresh the idle timer at most once a minute (sooner for short idle limits), so most reads
    // stay reads and a session in use never expires.
    if (now - session->last_seen_at >= std::min<std::int64_t>(60, config_.session_idle_seconds / 2)) {
      store::touch_session(c, session->id, now);
    }
    SessionInfo info{actor_of(*user), session->csrf_token, {}};
    if (session->second_factor_pending) {
      info.second_factor = "pending";
    } else if (totp_required(user->role)) {
      const auto totp = store::find_totp(c, user->id);
      if (!totp || !totp->enabled) info.second_factor = "enrolment_required";
    }
    return info;
  } catch (const store::DbError& e) {
    return storage_error(e);
  }
}

domain::Result<domain::Unit> AuthService::logout(const std::string& token) {
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Unit> {
    if (auto session = store::find_session(c, token_hash(token))) store::delete_session(c, session->id);
    return domain::Unit{};
  });
}

bool AuthService::totp_required(const std::string& role) const {
  return std::find(config_.require_2fa_roles.begin(), config_.require_2fa_roles.end(), role) !=
         config_.require_2fa_roles.end();
}

domain::Result<domain::Unit> AuthService::check_code(store::Connection& c, domain::Id user_id,
                                                     const std::string& secret, const std::string& code) {
  const std::int64_t now = clock_.now();
  const std::string key = "t:" + std::to_string(user_id);
  const std::int64_t wait = limiter_.blocked_for(key, config_.totp_attempt_limit, config_.login_window_seconds, now);
  if (wait > 0) {
    auto e = domain::make_error("rate_limited", "Too many wrong codes; wait " + std::to_string((wait + 59) / 60) +
                                                    " minute(s) and try again, or ask your admin.");
    e.retry_after_seconds = static_cast<int>(wait);
    return e;
  }
  const auto step = totp_match(secret, code, now);
  if (!step) {
    limiter_.record_failure(key, now);
    log::info("second factor failed", {{"user_id", user_id}});
    return wrong_code();
  }
  if (!store::claim_totp_step(c, user_id, *step)) {
    return domain::validation_error(
        {{"code", "already_used", "This code was used already; wait for the next code (at most 30 seconds)."}});
  }
  limiter_.clear(key);
  return domain::Unit{};
}

domain::Result<SessionInfo> AuthService::verify_second_factor(const std::string& token, const std::string& code) {
  auto session = authenticate(token);
  if (!session) return session;
  if (session->second_factor != "pending") {
    return domain::make_error("conflict", "No code is due for this session; it is logged in already.");
  }
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<SessionInfo> {
    const auto row = store::find_session(c, token_hash(token));
    const auto totp = store::find_totp(c, session->actor.user_id);
    if (!row || !totp || !totp->enabled) return no_totp();
    auto checked = check_code(c, session->actor.user_id, totp->secret, code);
    if (!checked) return checked.error();
    store::set_session_second_factor_pending(c, row->id, false);
    log::info("second factor", {{"user_id", session->actor.user_id}});
    SessionInfo done = session.value();
    done.second_factor = "ok";
    return done;
  });
}

domain::Result<TotpStatus> AuthService::totp_status(const domain::Actor& a) {
  return in_read(db_, [&](store::Connection& c) -> domain::Result<TotpStatus> {
    const auto totp = store::find_totp(c, a.user_id);
    return TotpStatus{totp && totp->enabled, totp_required(a.role)};
  });
}

domain::Result<TotpEnrolment> AuthService::start_totp_enrolment(const domain::Actor& a) {
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<TotpEnrolment> {
    const auto totp = store::find_totp(c, a.user_id);
    if (totp && totp->enabled) {
      return domain::make_error("conflict", "Two-factor login is on already; turn it off first to use another device.");
    }
    TotpEnrolment e{new_totp_secret(), {}};
    e.otpauth_uri = otpauth_uri(a.username, e.secret);
    store::save_totp_secret(c, a.user_id, e.secret, clock_.now());
    return e;
  });
}

domain::Result<SessionInfo> AuthService::confirm_totp_enrolment(const std::string& token, const std::string& code) {
  auto session = authenticate(token);
  if (!session) return session;
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<SessionInfo> {
    const auto totp = store::find_totp(c, session->actor.user_id);
    if (!totp) return domain::make_error("conflict", "Start the enrolment first: ask for a new secret.");
    if (totp->enabled) return domain::make_error("conflict", "Two-factor login is on already.");
    auto checked = check_code(c, session->actor.user_id, totp->secret, code);
    if (!checked) return checked.error();
    store::enable_totp(c, session->actor.user_id);
    log::info("second factor enrolled", {{"user_id", session->actor.user_id}});
    SessionInfo done = session.value();
    done.second_factor = "ok";
    return done;
  });
}

domain::Result<domain::Unit> AuthService::disable_totp(const domain::Actor& a, const std::string& code) {
  if (totp_required(a.role)) {
    return domain::make_error("forbidden",
                              "Your role requires two-factor login; an admin can reset it when you lose your device.");
  }
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Unit> {
    const auto totp = store::find_totp(c, a.user_id);
    if (!totp || !totp->enabled) return no_totp();
    auto checked = check_code(c, a.user_id, totp->secret, code);
    if (!checked) return checked.error();
    store::delete_totp(c, a.user_id);
    log::info("second factor disabled", {{"user_id", a.user_id}});
    return domain::Unit{};
  });
}

domain::Result<domain::Unit> AuthService::reset_totp(const domain::Actor& admin, domain::Id user_id) {
  if (!domain::can_manage_accounts(admin)) {
    return domain::make_error("forbidden", "Only an admin can reset two-factor login.");
  }
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Unit> {
    if (!store::find_user(c, user_id)) return domain::make_error("not_found", "This user does not exist.");
    store::delete_totp(c, user_id);
    store::delete_user_sessions(c, user_id);
    log::info("second factor reset", {{"user_id", user_id}, {"by", admin.user_id}});
    return domain::Unit{};
  });
}

}  // namespace voordeur::app
