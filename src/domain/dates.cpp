#include "domain/dates.h"

#include <charconv>

namespace voordeur::domain {

namespace {

constexpr std::int64_t kMinYear = 1900;
constexpr std::int64_t kMaxYear = 2200;
constexpr std::int64_t kSecondsPerDay = 86400;
// The Gregorian calendar repeats every 400 years, which hold exactly 146097 days.
constexpr std::int64_t kDaysPer400Years = 146097;

// Division rounding towards minus infinity, so that dates before 1970 work like those after it.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

bool is_leap_year(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

// Leap years among all years before `y` counted from a fixed origin; only differences are used.
std::int64_t leap_years_before(std::int64_t y) {
  return floor_div(y - 1, 4) - floor_div(y - 1, 100) + floor_div(y - 1, 400);
}

// Days from 1970-01-01 to the first of January of year `y`.
std::int64_t days_to_new_year(std::int64_t y) {
  return 365 * (y - 1970) + leap_years_before(y) - leap_years_before(1970);
}

std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  std::int64_t days = days_to_new_year(y);
  for (int month = 1; month < m; ++month) days += days_in_month(y, month);
  return days + d - 1;
}

struct Civil {
  std::int64_t year;
  int month;
  int day;
};

Civil civil_from_days(std::int64_t days) {
  // Split off whole 400-year cycles first: within one cycle every number stays small, and a cycle
  // starting in year 1970 + 400k has the same calendar as the one starting in 1970.
  const std::int64_t cycles = floor_div(days, kDaysPer400Years);
  const std::int64_t in_cycle = days - cycles * kDaysPer400Years;  // 0 .. 146096
  std::int64_t year = 1970 + in_cycle * 400 / kDaysPer400Years;    // off by at most one
  while (days_to_new_year(year) > in_cycle) --year;
  while (days_to_new_year(year + 1) <= in_cycle) ++year;
  std::int64_t rest = in_cycle - days_to_new_year(year);
  int month = 1;
  while (rest >= days_in_month(year, month)) {
    rest -= days_in_month(year, month);
    ++month;
  }
  return Civil{year + cycles * 400, month, static_cast<int>(rest) + 1};
}

// Reads `count` ASCII digits at `pos`; -1 when any of them is not a digit.
int read_digits(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

struct ParsedDate {
  int year;
  int month;
  int day;
};

std::optional<ParsedDate> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = read_digits(text, 0, 4);
  const int m = read_digits(text, 5, 2);
  const int d = read_digits(text, 8, 2);
  if (y < kMinYear || y > kMaxYear || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
    return std::nullopt;
  return ParsedDate{y, m, d};
}

bool is_valid_time(std::string_view hh_mm) {
  if (hh_mm.size() != 5 || hh_mm[2] != ':') return false;
  const int h = read_digits(hh_mm, 0, 2);
  const int m = read_digits(hh_mm, 3, 2);
  return h >= 0 && h <= 23 && m >= 0 && m <= 59;
}

// Appends `value` with `width` digits at least, zero-padded; for a non-negative value.
void append_padded(std::string& out, std::int64_t value, std::size_t width) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  const auto length = static_cast<std::size_t>(end - digits);
  if (length < width) out.append(width - length, '0');
  out.append(digits, end);
}

std::string format_date(const Civil& c) {
  std::string out;
  out.reserve(20);  // room for the time that format_timestamp appends
  if (c.year < 0) out += '-';
  append_padded(out, c.year < 0 ? -c.year : c.year, 4);
  out += '-';
  append_padded(out, c.month, 2);
  out += '-';
  append_padded(out, c.day, 2);
  return out;
}

}  // namespace

bool is_valid_date(std::string_view text) { return parse_date(text).has_value(); }

bool is_valid_local_datetime(std::string_view text) {
  return text.size() == 16 && text[10] == 'T' && is_valid_date(text.substr(0, 10)) &&
         is_valid_time(text.substr(11));
}

std::optional<std::int64_t> day_number(std::string_view date_or_datetime) {
  const bool usable = date_or_datetime.size() == 10 || is_valid_local_datetime(date_or_datetime);
  const auto d = usable ? parse_date(date_or_datetime.substr(0, 10)) : std::nullopt;
  if (!d) return std::nullopt;
  return days_from_civil(d->year, d->month, d->day);
}

std::string date_from_day_number(std::int64_t days) { return format_date(civil_from_days(days)); }

std::string format_timestamp(std::int64_t unix_seconds) {
  const std::int64_t days = floor_div(unix_seconds, kSecondsPerDay);
  // Taken from the remainder rather than from days * 86400, which overflows near the int64 limits.
  std::int64_t second_of_day = unix_seconds % kSecondsPerDay;
  if (second_of_day < 0) second_of_day += kSecondsPerDay;
  std::string out = date_from_day_number(days);
  out += 'T';
  append_padded(out, second_of_day / 3600, 2);
  out += ':';
  append_padded(out, second_of_day / 60 % 60, 2);
  out += ':';
  append_padded(out, second_of_day % 60, 2);
  out += 'Z';
  return out;
}

std::optional<std::int64_t> days_between(std::string_view from, std::string_view to) {
  const auto a = day_number(from);
  const auto b = day_number(to);
  if (!a || !b) return std::nullopt;
  return *b - *a;
}

std::optional<std::string> add_working_days(std::string_view date, int working_days) {
  if (!is_valid_date(date) || working_days < 0) return std::nullopt;
  std::int64_t day = *day_number(date);
  // 1970-01-01 was a Thursday; weekday 0 is Monday.
  const auto weekday = [](std::int64_t d) { return ((d + 3) % 7 + 7) % 7; };
  for (int left = working_days; left > 0;) {
    ++day;
    if (weekday(day) < 5) --left;
  }
  return date_from_day_number(day);
}

}  // namespace voordeur::domain
