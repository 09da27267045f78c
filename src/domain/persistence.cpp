#include "domain/persistence.h"

#include <algorithm>

#include "domain/dates.h"

namespace voordeur::domain {

std::vector<FieldError> validate_persistence_settings(const PersistenceSettings& s) {
  std::vector<FieldError> errors;
  if (s.cadence_days.empty()) {
    errors.push_back({"cadence_days", "required", "Give at least one number of days for the next attempt."});
  } else if (s.cadence_days.size() > limits::cadence_entries_max) {
    errors.push_back({"cadence_days", "too_long", "Give at most 10 suggestions."});
  }
  for (std::size_t i = 0; i < s.cadence_days.size(); ++i) {
    const int d = s.cadence_days[i];
    if (d < limits::cadence_days_min || d > limits::cadence_days_max) {
      errors.push_back({"cadence_days[" + std::to_string(i) + "]", "out_of_range", "Choose 1 to 90 days."});
    }
  }
  if (s.stuck_attempts < limits::stuck_attempts_min || s.stuck_attempts > limits::stuck_attempts_max) {
    errors.push_back({"stuck_attempts", "out_of_range", "Choose 1 to 50 attempts."});
  }
  if (s.stuck_days < limits::stuck_days_min || s.stuck_days > limits::stuck_days_max) {
    errors.push_back({"stuck_days", "out_of_range", "Choose 1 to 90 days."});
  }
  return errors;
}

bool is_reached(std::string_view outcome) { return outcome == "brief_contact" || outcome == "conversation"; }

std::optional<FieldError> check_next_attempt(std::string_view phase, const ContactFields& c) {
  if (phase != "making_contact" || is_reached(c.outcome) || c.next_attempt_date) return std::nullopt;
  return FieldError{"next_attempt_date", "required",
                    "The person was not reached: plan the next attempt (the team suggests a few days)."};
}

AttemptHistory count_attempts(std::vector<Contact> contacts) {
  std::sort(contacts.begin(), contacts.end(), [](const Contact& a, const Contact& b) {
    return a.occurred_at != b.occurred_at ? a.occurred_at < b.occurred_at : a.id < b.id;
  });
  AttemptHistory h;
  for (const auto& c : contacts) {
    ++h.by_channel[c.channel];
    ++h.by_outcome[c.outcome];
    ++h.total;
    if (is_reached(c.outcome)) {
      h.attempts_without_contact = 0;
      h.last_reached_at = c.occurred_at;
    } else {
      ++h.attempts_without_contact;
    }
  }
  return h;
}

std::optional<std::int64_t> days_without_contact(const std::optional<std::string>& last_reached_at,
                                                 std::string_view opened_on, std::string_view today) {
  auto days = days_between(last_reached_at ? std::string_view(*last_reached_at) : opened_on, today);
  if (!days) return std::nullopt;
  return std::max<std::int64_t>(*days, 0);
}

bool is_stuck(std::int64_t attempts_without_contact, std::optional<std::int64_t> days_without_contact,
              const PersistenceSettings& s) {
  if (attempts_without_contact >= s.stuck_attempts) return true;
  return days_without_contact && *days_without_contact > s.stuck_days;
}

std::optional<std::int64_t> days_to_first_contact(std::string_view first_intake_date,
                                                  const std::vector<Contact>& contacts) {
  std::optional<std::string> first;
  for (const auto& c : contacts) {
    if (is_reached(c.outcome) && (!first || c.occurred_at < *first)) first = c.occurred_at;
  }
  if (!first) return std::nullopt;
  return days_between(first_intake_date, *first);
}

std::optional<Week> iso_week(std::string_view date) {
  auto day = day_number(date);
  if (!day) return std::nullopt;
  // 1970-01-01 was a Thursday: day 0 has weekday index 3 (Monday = 0).
  const std::int64_t weekday = ((*day + 3) % 7 + 7) % 7;
  const std::int64_t monday = *day - weekday;
  return Week{date_from_day_number(monday), date_from_day_number(monday + 6)};
}

bool in_week(std::string_view date_or_datetime, const Week& w) {
  auto day = day_number(date_or_datetime);
  return day && *day >= *day_number(w.monday) && *day <= *day_number(w.sunday);
}

}  // namespace voordeur::domain
