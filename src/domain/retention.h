// Retention periods and the anonymous keys kept of purged records (docs/decisions.md "Retention").
#pragma once

#include <cstdint>
#include <string>

#include "domain/model.h"

namespace voordeur::domain {

inline constexpr std::int64_t kSecondsPerDay = 24 * 60 * 60;

// How long records stay after the moment that starts their period, in days.
struct RetentionPeriods {
  int closed_case_days = 730;      // a closed case, counted from its closure (2 years)
  int signal_days = 183;           // a decided signal that led to no case, from its last decision (6 months)
  int access_log_days = 1826;      // an access log row, from the access (5 years)
};

// The first period that is not a whole number of days of at least 1, by its option name; "" when
// all are valid.
std::string invalid_retention_period(const RetentionPeriods& p);

// Records whose period started before this Unix time are past their period at `now`.
inline std::int64_t retention_cutoff(std::int64_t now, int days) { return now - days * kSecondsPerDay; }

// Who sees the retention settings and purged counts: admin and privacy officer.
bool can_see_retention(const Actor& a);
// Who exports and erases a person's data (any team): the privacy officer.
bool can_handle_subject_requests(const Actor& a);

// The contact count of a purged case as the report bucket: 0, 1-2, 3-5, 6-10, 11+.
std::string contact_bucket(std::int64_t contacts);

}  // namespace voordeur::domain
