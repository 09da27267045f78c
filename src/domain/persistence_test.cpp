#include "domain/persistence.h"

#include <gtest/gtest.h>

#include <sstream>

#include "domain/testdata.h"

namespace voordeur::domain {
namespace {

using testing::normalised;
using testing::read_table;
using testing::summary;

// "outcome@date,outcome@date" -> contacts (channel home_visit, ids in order), "-" -> none.
std::vector<Contact> contacts_of(const testing::Row& row, std::size_t column) {
  std::vector<Contact> out;
  if (row.absent(column)) return out;
  std::istringstream in(row[column]);
  for (std::string item; std::getline(in, item, ',');) {
    const auto at = item.find('@');
    Contact c;
    c.id = static_cast<Id>(out.size() + 1);
    c.outcome = item.substr(0, at);
    c.occurred_at = item.substr(at + 1) + "T10:00";
    c.channel = out.size() % 2 == 0 ? "home_visit" : "phone";
    out.push_back(c);
  }
  return out;
}

std::vector<int> ints_of(const testing::Row& row, std::size_t column) {
  std::vector<int> out;
  if (row.absent(column)) return out;
  std::istringstream in(row[column]);
  for (std::string item; std::getline(in, item, ',');) out.push_back(std::stoi(item));
  return out;
}

TEST(Persistence, StuckRule) {
  for (const auto& row : read_table("stuck.tsv", 8)) {
    SCOPED_TRACE(row.where + " " + row.cells.back());
    const auto h = count_attempts(contacts_of(row, 0));
    PersistenceSettings s;
    s.stuck_attempts = std::stoi(row[3]);
    s.stuck_days = std::stoi(row[4]);
    const auto days = days_without_contact(h.last_reached_at, row[1], row[2]);
    EXPECT_EQ(h.attempts_without_contact, std::stoll(row[5]));
    ASSERT_TRUE(days.has_value());
    EXPECT_EQ(*days, std::stoll(row[6]));
    EXPECT_EQ(is_stuck(h.attempts_without_contact, days, s), row[7] == "yes");
  }
}

TEST(Persistence, AttemptHistoryCountsPerChannelAndOutcome) {
  std::vector<Contact> cs(3);
  cs[0] = {{"2025-06-03T10:00", "phone", "", "not_at_home", "", std::nullopt}, 1, 1, {}, 0};
  cs[1] = {{"2025-06-02T10:00", "home_visit", "", "not_at_home", "", std::nullopt}, 2, 1, {}, 0};
  cs[2] = {{"2025-06-01T10:00", "home_visit", "", "brief_contact", "", std::nullopt}, 3, 1, {}, 0};
  const auto h = count_attempts(cs);
  EXPECT_EQ(h.total, 3);
  EXPECT_EQ(h.by_channel.at("home_visit"), 2);
  EXPECT_EQ(h.by_channel.at("phone"), 1);
  EXPECT_EQ(h.by_outcome.at("not_at_home"), 2);
  EXPECT_EQ(h.by_outcome.at("brief_contact"), 1);
  EXPECT_EQ(h.attempts_without_contact, 2);
  EXPECT_EQ(h.last_reached_at, "2025-06-01T10:00");
}

TEST(Persistence, IsoWeeks) {
  for (const auto& row : read_table("iso_weeks.tsv", 3)) {
    SCOPED_TRACE(row.where + " " + row.cells.back());
    const auto w = iso_week(row[0]);
    if (row.absent(1)) {
      EXPECT_FALSE(w.has_value());
      continue;
    }
    ASSERT_TRUE(w.has_value());
    EXPECT_EQ(w->monday, row[1]);
    EXPECT_EQ(w->sunday, row[2]);
  }
}

TEST(Persistence, InWeek) {
  for (const auto& row : read_table("in_week.tsv", 3)) {
    SCOPED_TRACE(row.where + " " + row.cells.back());
    EXPECT_EQ(in_week(row[0], *iso_week(row[1])), row[2] == "yes");
  }
}

TEST(Persistence, DaysToFirstContact) {
  for (const auto& row : read_table("first_contact.tsv", 3)) {
    SCOPED_TRACE(row.where + " " + row.cells.back());
    const auto days = days_to_first_contact(row[0], contacts_of(row, 1));
    if (row.absent(2)) {
      EXPECT_FALSE(days.has_value());
    } else {
      ASSERT_TRUE(days.has_value());
      EXPECT_EQ(*days, std::stoll(row[2]));
    }
  }
}

TEST(Persistence, NextAttemptRequired) {
  for (const auto& row : read_table("next_attempt.tsv", 4)) {
    SCOPED_TRACE(row.where + " " + row.cells.back());
    ContactFields c;
    c.outcome = row[1];
    if (!row.absent(2)) c.next_attempt_date = row[2];
    std::vector<FieldError> errors;
    if (auto e = check_next_attempt(row[0], c)) errors.push_back(*e);
    EXPECT_EQ(summary(errors), normalised(row[3]));
  }
}

TEST(Persistence, SettingsValidation) {
  for (const auto& row : read_table("persistence_settings.tsv", 4)) {
    SCOPED_TRACE(row.where + " " + row.cells.back());
    PersistenceSettings s{ints_of(row, 0), std::stoi(row[1]), std::stoi(row[2])};
    EXPECT_EQ(summary(validate_persistence_settings(s)), normalised(row[3]));
  }
}

}  // namespace
}  // namespace voordeur::domain
