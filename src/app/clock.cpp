#include "app/clock.h"

#include <chrono>
#include <ctime>

#include "domain/dates.h"

namespace voordeur::app {

std::int64_t SystemClock::now() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string SystemClock::local_datetime(std::int64_t unix_seconds) const {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[20];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M", &tm);
  return buf;
}

std::string FixedClock::local_datetime(std::int64_t unix_seconds) const {
  // format_timestamp gives "YYYY-MM-DDTHH:MM:SSZ"; local time equals UTC here.
  return domain::format_timestamp(unix_seconds).substr(0, 16);
}

}  // namespace voordeur::app
