// Persistence in making contact ("aanklampen", seed 000 chapter 2): a team's cadence of attempts
// and its thresholds for a "stuck" case, the attempt history of a case, time to first contact,
// and the ISO week for attempts this week. Pure functions, no clock reads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/errors.h"
#include "domain/model.h"

namespace voordeur::domain {

namespace limits {
inline constexpr int cadence_days_min = 1;
inline constexpr int cadence_days_max = 90;
inline constexpr std::size_t cadence_entries_max = 10;
inline constexpr int stuck_attempts_min = 1;
inline constexpr int stuck_attempts_max = 50;
inline constexpr int stuck_days_min = 1;
inline constexpr int stuck_days_max = 90;
}  // namespace limits

// A team's persistence settings, with the defaults of a new team.
struct PersistenceSettings {
  std::vector<int> cadence_days{2, 3, 7};  // suggested days until the next attempt
  int stuck_attempts = 5;                  // this many attempts without contact make a case stuck
  int stuck_days = 14;                     // more than this many days without contact make a case stuck
};

// cadence_days: 1..limits::cadence_entries_max entries, each 1..90; stuck_attempts 1..50;
// stuck_days 1..90. Codes: required (empty cadence), too_long (too many entries), out_of_range.
std::vector<FieldError> validate_persistence_settings(const PersistenceSettings& s);

// Whether an outcome means the person was reached: brief_contact or conversation.
bool is_reached(std::string_view outcome);

// A contact logged on a case in making_contact needs a next attempt date unless the person was
// reached. Returns the field error, or nothing.
std::optional<FieldError> check_next_attempt(std::string_view phase, const ContactFields& c);

// The attempts of a case: per channel and per outcome, how many attempts were made since the
// person was last reached (all attempts when never reached) and when the person was last reached.
struct AttemptHistory {
  std::map<std::string, std::int64_t> by_channel;
  std::map<std::string, std::int64_t> by_outcome;
  std::int64_t total = 0;
  std::int64_t attempts_without_contact = 0;
  std::optional<std::string> last_reached_at;  // occurred_at of the latest reaching contact
};
// Contacts in any order; ordered here by occurred_at, then id.
AttemptHistory count_attempts(std::vector<Contact> contacts);

// Days without contact: from the last time the person was reached, or else from the date the case
// opened, to today (0 when that lies after today); nullopt when a date is unreadable.
std::optional<std::int64_t> days_without_contact(const std::optional<std::string>& last_reached_at,
                                                 std::string_view opened_on, std::string_view today);

// A case is stuck when attempts_without_contact >= stuck_attempts or days_without_contact > stuck_days.
bool is_stuck(std::int64_t attempts_without_contact, std::optional<std::int64_t> days_without_contact,
              const PersistenceSettings& s);

// Days from the signal's intake date to the first contact that reached the person (by occurred_at);
// nullopt when the person was never reached or a date is unreadable.
std::optional<std::int64_t> days_to_first_contact(std::string_view first_intake_date,
                                                  const std::vector<Contact>& contacts);

// The ISO week (Monday to Sunday) holding `date`: its first and last date.
struct Week {
  std::string monday;
  std::string sunday;
};
std::optional<Week> iso_week(std::string_view date);
// Whether a local date-time or date lies in that week.
bool in_week(std::string_view date_or_datetime, const Week& w);

}  // namespace voordeur::domain
