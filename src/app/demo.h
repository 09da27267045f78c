// Demo data for a first look and for the browser tests: teams A and B, the demo users (password
// "voordeur-demo"), 200 signals and 80 cases spread over decisions, statuses and closure reasons,
// with plausible contact histories, and consents, consent stances and information exchanges for a
// few persons. Every name and address is invented. Deterministic (fixed seed), dated relative to
// the clock. Refuses (conflict) when the database already has users.
#pragma once

#include <string>
#include <vector>

#include "app/clock.h"
#include "domain/errors.h"
#include "store/db.h"

namespace voordeur::app {

inline constexpr const char* kDemoPassword = "voordeur-demo";
// demo-admin is enrolled in TOTP with this secret (base32), so the demo shows the mandatory second
// factor of admins; like the password, it is public and for demo databases only.
inline constexpr const char* kDemoTotpSecret = "DEMOADMINTOTPSECRETFORDEMODBONLY";

struct DemoSummary {
  std::vector<std::string> usernames;
  std::vector<std::string> totp_usernames;  // the demo users enrolled with kDemoTotpSecret
  int signals = 0;
  int cases = 0;
  int contacts = 0;
  int consents = 0;
  int exchanges = 0;
};

domain::Result<DemoSummary> create_demo(store::Database& db, const Clock& clock);

}  // namespace voordeur::app
