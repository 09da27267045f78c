#include "store/totp_repository.h"

#include "store/field_crypto.h"

namespace voordeur::store {

std::optional<TotpRow> find_totp(Connection& c, domain::Id user_id) {
  const auto rs = c.query("SELECT secret, enabled, last_step FROM user_totp WHERE user_id = $1", {user_id});
  if (rs.rows.empty()) return std::nullopt;
  const auto& r = rs.rows[0];
  return TotpRow{r.text(0), r.integer(1) != 0, r.integer(2)};
}

void save_totp_secret(Connection& c, domain::Id user_id, const std::string& secret, std::int64_t now) {
  c.query(
      "INSERT INTO user_totp (user_id, secret, enabled, last_step, created_at) VALUES ($1, $2, 0, 0, $3) "
      "ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, enabled = 0, last_step = 0, "
      "created_at = excluded.created_at",
      {user_id, seal(secret), now});
}

void enable_totp(Connection& c, domain::Id user_id) {
  c.query("UPDATE user_totp SET enabled = 1 WHERE user_id = $1", {user_id});
}

bool claim_totp_step(Connection& c, domain::Id user_id, std::int64_t step) {
  return c.query("UPDATE user_totp SET last_step = $2 WHERE user_id = $1 AND last_step < $2", {user_id, step})
             .affected == 1;
}

void delete_totp(Connection& c, domain::Id user_id) { c.query("DELETE FROM user_totp WHERE user_id = $1", {user_id}); }

void set_session_second_factor_pending(Connection& c, domain::Id session_id, bool pending) {
  c.query("UPDATE sessions SET second_factor_pending = $2 WHERE id = $1",
          {session_id, std::int64_t{pending ? 1 : 0}});
}

}  // namespace voordeur::store
