// Settings of the use cases (not of the HTTP server), filled from the command line, environment
// and configuration file by main.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/retention.h"

namespace voordeur::app {

struct AppConfig {
  std::int64_t session_idle_seconds = 30 * 60;
  std::int64_t session_absolute_seconds = 12 * 60 * 60;
  int login_account_limit = 5;     // failed logins per account within the window
  int login_address_limit = 20;    // failed logins per client address within the window
  std::int64_t login_window_seconds = 15 * 60;
  domain::RetentionPeriods retention;
  // How often the server runs the purge; 0: never (run `voordeur purge` from cron instead).
  std::int64_t purge_interval_seconds = 24 * 60 * 60;
  // Roles that must use a TOTP second factor; until enrolled they can only enrol.
  std::vector<std::string> require_2fa_roles{"admin", "privacy_officer"};
  int totp_attempt_limit = 5;  // wrong second-factor codes per account within the login window
};

}  // namespace voordeur::app
