#include "domain/retention.h"

namespace voordeur::domain {

std::string invalid_retention_period(const RetentionPeriods& p) {
  if (p.closed_case_days < 1) return "retention-closed-case-days";
  if (p.signal_days < 1) return "retention-signal-days";
  if (p.access_log_days < 1) return "retention-access-log-days";
  return "";
}

bool can_see_retention(const Actor& a) { return a.role == "admin" || a.role == "privacy_officer"; }

bool can_handle_subject_requests(const Actor& a) { return a.role == "privacy_officer"; }

std::string contact_bucket(std::int64_t contacts) {
  if (contacts <= 0) return "0";
  if (contacts <= 2) return "1-2";
  if (contacts <= 5) return "3-5";
  if (contacts <= 10) return "6-10";
  return "11+";
}

}  // namespace voordeur::domain
