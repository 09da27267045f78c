// The access-log spool on SQLite and PostgreSQL main databases (VOORDEUR_TEST_PG_URL; the spool
// itself is always a SQLite file): rows move into the chain in order and exactly once, in batches
// of at most max_rows, and a spool is refused by a database it does not belong to.
#include "store/sqlite/access_log_spool.h"

#include <gtest/gtest.h>

#include "store/store_test_fixture.h"

namespace voordeur::store {
namespace {

using storetest::Backend;
using storetest::backend_name;

class AccessLogSpoolTest : public storetest::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped()) return;
    migrate_with_teams();
  }

  std::vector<AccessLogInput> entries(std::int64_t first_at, int n) {
    std::vector<AccessLogInput> out;
    for (int i = 0; i < n; ++i) {
      AccessLogInput e;
      e.at = first_at + i;
      e.user_id = lead_;
      e.on_behalf_of = "team:" + std::to_string(team_);
      e.person_id = 7;
      e.record_type = "case";
      e.record_id = 11;
      e.action = "read";
      e.detail = i % 2 == 0 ? std::optional<std::string>{"contacts"} : std::nullopt;
      out.push_back(e);
    }
    return out;
  }

  // The at of every chain row, in id order.
  std::vector<std::int64_t> chain() {
    std::vector<std::int64_t> out;
    for (const auto& r : c().query("SELECT at FROM access_log ORDER BY id").rows) out.push_back(r.integer(0));
    return out;
  }

  static std::vector<std::int64_t> range(std::int64_t first, int n) {
    std::vector<std::int64_t> out;
    for (int i = 0; i < n; ++i) out.push_back(first + i);
    return out;
  }

  storetest::TempDbPath spool_path_;
};

TEST_P(AccessLogSpoolTest, SpooledRowsJoinTheChainInOrderAndLeaveTheSpool) {
  AccessLogSpool spool(spool_path_.path(), *db_, 1000);
  spool.append(entries(100, 3));
  spool.append(entries(200, 2));
  EXPECT_EQ(spool.pending(), 5);
  EXPECT_TRUE(chain().empty());

  EXPECT_EQ(spool.move(100), 5u);
  EXPECT_EQ(spool.pending(), 0);
  EXPECT_EQ(chain(), (std::vector<std::int64_t>{100, 101, 102, 200, 201}));
  const auto row = c().query("SELECT detail, on_behalf_of, person_id FROM access_log WHERE at = 100").rows.at(0);
  EXPECT_EQ(row.text(0), "contacts");
  EXPECT_EQ(row.text(1), "team:" + std::to_string(team_));
  EXPECT_EQ(row.integer(2), 7);
  EXPECT_TRUE(c().query("SELECT detail FROM access_log WHERE at = 101").rows.at(0).is_null(0));
  EXPECT_TRUE(verify_access_log(c()).ok);
  EXPECT_EQ(spool.move(100), 0u);
}

TEST_P(AccessLogSpoolTest, AMoveTakesAtMostMaxRowsOldestFirst) {
  AccessLogSpool spool(spool_path_.path(), *db_, 1000);
  spool.append(entries(100, 5));
  EXPECT_EQ(spool.move(2), 2u);
  EXPECT_EQ(chain(), (std::vector<std::int64_t>{100, 101}));
  EXPECT_EQ(spool.pending(), 3);
  EXPECT_EQ(spool.move(2), 2u);
  EXPECT_EQ(spool.move(2), 1u);
  EXPECT_EQ(chain(), range(100, 5));
}

TEST_P(AccessLogSpoolTest, RowsAreNotMovedTwiceWhenTheSpoolKeptThemAfterAMove) {
  AccessLogSpool spool(spool_path_.path(), *db_, 1000);
  spool.append(entries(100, 3));
  ASSERT_EQ(spool.move(10), 3u);
  // As after a crash between the chain's commit and the spool's clean-up: the rows are back.
  auto raw = open_database("sqlite:" + spool_path_.path());
  for (int seq = 1; seq <= 3; ++seq) {
    raw->connection().query(
        "INSERT INTO spool (seq, at, user_id, record_type, action) VALUES ($1, $2, $3, 'case', 'read')",
        {std::int64_t{seq}, std::int64_t{99 + seq}, lead_});
  }
  EXPECT_EQ(spool.move(10), 0u);
  EXPECT_EQ(spool.pending(), 0);
  EXPECT_EQ(chain(), range(100, 3));
}

TEST_P(AccessLogSpoolTest, RowNumbersAreNotReusedAfterTheSpoolWasEmptied) {
  {
    AccessLogSpool spool(spool_path_.path(), *db_, 1000);
    spool.append(entries(100, 3));
    ASSERT_EQ(spool.move(10), 3u);
  }
  AccessLogSpool reopened(spool_path_.path(), *db_, 2000);
  reopened.append(entries(200, 2));
  EXPECT_EQ(reopened.move(10), 2u);
  EXPECT_EQ(chain(), (std::vector<std::int64_t>{100, 101, 102, 200, 201}));
}

TEST_P(AccessLogSpoolTest, RowsLeftAtAStopAreMovedByTheNextOpen) {
  std::string id;
  {
    AccessLogSpool spool(spool_path_.path(), *db_, 1000);
    spool.append(entries(100, 2));
    id = spool.id();
  }
  AccessLogSpool reopened(spool_path_.path(), *db_, 2000);
  EXPECT_EQ(reopened.id(), id);
  EXPECT_EQ(reopened.pending(), 2);
  EXPECT_EQ(reopened.move(10), 2u);
  EXPECT_EQ(chain(), range(100, 2));
}

TEST_P(AccessLogSpoolTest, ASpoolWithRowsOfAnotherDatabaseIsRefused) {
  {
    AccessLogSpool spool(spool_path_.path(), *db_, 1000);
    spool.append(entries(100, 2));
  }
  // This database no longer knows the spool, as a different (or restored) database would not.
  c().query("DELETE FROM access_log_spool_marks");
  try {
    AccessLogSpool again(spool_path_.path(), *db_, 2000);
    FAIL() << "a spool with rows of another database was opened";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::unavailable);
    const std::string message = e.what();
    EXPECT_NE(message.find(spool_path_.path()), std::string::npos) << message;
    EXPECT_NE(message.find("2 logged reads"), std::string::npos) << message;
  }
  EXPECT_TRUE(chain().empty());
}

TEST_P(AccessLogSpoolTest, AnEmptySpoolOfAnotherDatabaseIsTakenOverWithANewId) {
  std::string id;
  {
    AccessLogSpool spool(spool_path_.path(), *db_, 1000);
    id = spool.id();
  }
  c().query("DELETE FROM access_log_spool_marks");
  AccessLogSpool again(spool_path_.path(), *db_, 2000);
  EXPECT_NE(again.id(), id);
  again.append(entries(100, 1));
  EXPECT_EQ(again.move(10), 1u);
  EXPECT_EQ(chain(), range(100, 1));
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessLogSpoolTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace voordeur::store
