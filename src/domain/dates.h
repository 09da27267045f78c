// Calendar arithmetic on the proleptic Gregorian calendar. Pure functions: no clock reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace voordeur::domain {

// "YYYY-MM-DD" with a day that exists (2024-02-29 yes, 2025-02-30 no); years 1900..2200.
bool is_valid_date(std::string_view text);
// "YYYY-MM-DDTHH:MM" with a valid date, hours 00-23, minutes 00-59.
bool is_valid_local_datetime(std::string_view text);
// Days since 1970-01-01 of a valid date, or of the date part of a valid local date-time.
std::optional<std::int64_t> day_number(std::string_view date_or_datetime);
// Inverse of day_number: "YYYY-MM-DD".
std::string date_from_day_number(std::int64_t days);
// Unix seconds -> RFC 3339 UTC, e.g. "2026-11-22T16:08:35Z".
std::string format_timestamp(std::int64_t unix_seconds);
// Whole days from `from` to `to` (both dates or local date-times); nullopt when either is invalid.
std::optional<std::int64_t> days_between(std::string_view from, std::string_view to);
// The date `working_days` working days (Monday to Friday; public holidays are not known) after
// `date`: from a Saturday, one working day later is Monday. nullopt when the date is invalid or the
// count negative.
std::optional<std::string> add_working_days(std::string_view date, int working_days);

}  // namespace voordeur::domain
