// The clock is injected so that expiry, "days since last contact" and demo data are testable
// without sleeping. Local time is the server's configured time zone (TZ, set at start-up).
#pragma once

#include <cstdint>
#include <string>

namespace voordeur::app {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now() const = 0;  // Unix seconds
  // Local date-time "YYYY-MM-DDTHH:MM" for a Unix time.
  virtual std::string local_datetime(std::int64_t unix_seconds) const = 0;
  std::string local_now() const { return local_datetime(now()); }
  std::string local_today() const { return local_now().substr(0, 10); }
};

// Wall clock, local time by the process time zone (localtime_r).
class SystemClock final : public Clock {
 public:
  std::int64_t now() const override;
  std::string local_datetime(std::int64_t unix_seconds) const override;
};

// A fixed instant, local time = UTC; for tests. Thread-compatible (set before use).
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::int64_t now) : now_(now) {}
  void set(std::int64_t now) { now_ = now; }
  std::int64_t now() const override { return now_; }
  std::string local_datetime(std::int64_t unix_seconds) const override;

 private:
  std::int64_t now_;
};

}  // namespace voordeur::app
