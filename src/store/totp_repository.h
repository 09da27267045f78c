// TOTP second factor per user (table user_totp) and the sessions that wait for it. The secret is
// stored sealed (field_crypto.h); callers pass and get the plain base32 text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/model.h"
#include "store/db.h"

namespace voordeur::store {

struct TotpRow {
  std::string secret;  // base32
  bool enabled = false;
  std::int64_t last_step = 0;
};
std::optional<TotpRow> find_totp(Connection& c, domain::Id user_id);
// Starts (or restarts) enrolment: a new secret, not enabled until confirmed.
void save_totp_secret(Connection& c, domain::Id user_id, const std::string& secret, std::int64_t now);
void enable_totp(Connection& c, domain::Id user_id);
// Records that the code of `step` was used; false when that step or a later one was used already
// (a replayed code). Atomic, so two requests with the same code cannot both pass.
bool claim_totp_step(Connection& c, domain::Id user_id, std::int64_t step);
void delete_totp(Connection& c, domain::Id user_id);

void set_session_second_factor_pending(Connection& c, domain::Id session_id, bool pending);

}  // namespace voordeur::store
