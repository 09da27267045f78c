// The store contract of db.h, run against both back ends (PostgreSQL only when
// VOORDEUR_TEST_PG_URL is set), plus open_database() URL handling.
#include "store/db.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <thread>
#include <vector>

#include "store/migrations_embedded.h"
#include "store/store_test_support.h"

namespace voordeur::store {
namespace {

using storetest::TempDbPath;

class StoreTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    if (GetParam() == Dialect::sqlite) {
      db_ = open_database("sqlite:" + file_.path());
    } else {
      const auto url = storetest::pg_test_url();
      if (!url) GTEST_SKIP() << storetest::kPgSkipMessage;
      db_ = open_database(*url);
      storetest::reset_pg_schema(*db_);
    }
    ASSERT_EQ(db_->dialect(), GetParam());
  }

  Database& db() { return *db_; }
  Connection& conn() { return db_->connection(); }

  void create_samples() {
    conn().exec_script(std::string("CREATE TABLE samples (id ") + storetest::id_column_type(GetParam()) +
                       ", n BIGINT, s TEXT)");
  }

  std::int64_t count_samples() { return conn().query("SELECT count(*) FROM samples").rows.at(0).integer(0); }

  std::int64_t insert_sample(Connection& c, std::int64_t n) {
    return c.query("INSERT INTO samples (n, s) VALUES ($1, $2) RETURNING id", {n, std::string("row")})
        .rows.at(0)
        .integer(0);
  }

  std::int64_t insert_team(const std::string& name) {
    return conn()
        .query("INSERT INTO teams (name, created_at) VALUES ($1, $2) RETURNING id", {name, std::int64_t{1700000000}})
        .rows.at(0)
        .integer(0);
  }

  TempDbPath file_;
  std::unique_ptr<Database> db_;
};

DbError::Kind kind_of_failure(const std::function<void()>& action, std::string* message = nullptr) {
  try {
    action();
  } catch (const DbError& e) {
    if (message != nullptr) *message = e.what();
    return e.kind();
  }
  ADD_FAILURE() << "expected a DbError";
  return DbError::Kind::other;
}

TEST_P(StoreTest, MigrateAppliesEachMigrationOnceAndRecordsIt) {
  const auto migrations = detail::embedded_migrations();
  EXPECT_EQ(migrate(db()), static_cast<int>(migrations.size()));
  EXPECT_EQ(migrate(db()), 0);

  const auto rows = conn().query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").rows;
  ASSERT_EQ(rows.size(), migrations.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].integer(0), migrations[i].version);
    EXPECT_EQ(rows[i].text(1), migrations[i].name);
    EXPECT_GT(rows[i].integer(2), 1600000000);
  }
  EXPECT_EQ(rows.back().integer(0), latest_schema_version());
}

TEST_P(StoreTest, MigrateRefusesADatabaseNewerThanTheBinary) {
  migrate(db());
  const std::int64_t newer = latest_schema_version() + 1;
  conn().query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, 'from_the_future', 0)", {newer});
  try {
    migrate(db());
    FAIL() << "migrate accepted a newer schema";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("newer than this voordeur binary"), std::string::npos) << e.what();
  }
}

TEST_P(StoreTest, MigratedSchemaHasAutoIncrementIdsAndEnforcedForeignKeys) {
  migrate(db());
  const auto first = insert_team("Team Noord");
  const auto second = insert_team("Team Zuid");
  EXPECT_GT(second, first);
  EXPECT_EQ(kind_of_failure([&] {
              conn().query("INSERT INTO persons (team_id, name, created_at) VALUES ($1, $2, $3)",
                           {second + 1000, std::string("Fictief Persoon"), std::int64_t{1}});
            }),
            DbError::Kind::foreign_key_violation);
}

TEST_P(StoreTest, RoundTripsNullIntegersAndText) {
  create_samples();
  const std::string tricky = "O'Brien zei \"hoi\"; -- DROP TABLE samples; \\ 😀 ü ß 中文 \t tab";
  const std::vector<Value> values = {null_value(),
                                     std::numeric_limits<std::int64_t>::max(),
                                     std::numeric_limits<std::int64_t>::min(),
                                     std::int64_t{0},
                                     std::int64_t{-1}};
  for (const auto& v : values) {
    const auto id =
        conn().query("INSERT INTO samples (n, s) VALUES ($1, $2) RETURNING id", {v, tricky}).rows.at(0).integer(0);
    const auto rows = conn().query("SELECT n, s FROM samples WHERE id = $1", {id}).rows;
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].size(), 2u);
    if (std::holds_alternative<std::monostate>(v)) {
      EXPECT_TRUE(rows[0].is_null(0));
      EXPECT_EQ(rows[0].opt_integer(0), std::nullopt);
    } else {
      EXPECT_EQ(rows[0].integer(0), std::get<std::int64_t>(v));
    }
    EXPECT_EQ(rows[0].text(1), tricky);
  }

  const auto empty_id =
      conn().query("INSERT INTO samples (n, s) VALUES ($1, $2) RETURNING id", {null_value(), std::string()}).rows.at(0).integer(0);
  const auto null_id =
      conn().query("INSERT INTO samples (n, s) VALUES ($1, $2) RETURNING id", {null_value(), null_value()}).rows.at(0).integer(0);
  const auto empty = conn().query("SELECT s FROM samples WHERE id = $1", {empty_id}).rows.at(0);
  const auto null = conn().query("SELECT s FROM samples WHERE id = $1", {null_id}).rows.at(0);
  EXPECT_EQ(empty.opt_text(0), std::optional<std::string>(""));
  EXPECT_EQ(null.opt_text(0), std::nullopt);
  EXPECT_EQ(null.text(0), "");
}

TEST_P(StoreTest, InsertReturningGivesNewIdsAndAffectedCounts) {
  create_samples();
  std::int64_t previous = 0;
  for (int i = 0; i < 3; ++i) {
    const auto result = conn().query("INSERT INTO samples (n, s) VALUES ($1, $2) RETURNING id", {std::int64_t{i}, std::string("x")});
    ASSERT_EQ(result.rows.size(), 1u);
    EXPECT_EQ(result.affected, 1);
    EXPECT_GT(result.rows[0].integer(0), previous);
    previous = result.rows[0].integer(0);
  }
  EXPECT_EQ(conn().query("UPDATE samples SET n = n + 10 WHERE n >= $1", {std::int64_t{1}}).affected, 2);
  EXPECT_EQ(conn().query("UPDATE samples SET n = 0 WHERE n = $1", {std::int64_t{-5}}).affected, 0);
  EXPECT_EQ(conn().query("SELECT id FROM samples").affected, 0);
  EXPECT_EQ(conn().query("DELETE FROM samples WHERE n >= $1", {std::int64_t{10}}).affected, 2);
  EXPECT_EQ(count_samples(), 1);
}

TEST_P(StoreTest, ParametersMayRepeatAndComeInAnyOrder) {
  create_samples();
  conn().query("INSERT INTO samples (s, n) VALUES ($2, $1)", {std::int64_t{7}, std::string("zeven")});
  const auto rows = conn().query("SELECT s FROM samples WHERE n = $1 OR n + 1 = $1", {std::int64_t{7}}).rows;
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(0), "zeven");
}

TEST_P(StoreTest, WrongParameterCountIsAnErrorAndTheConnectionStaysUsable) {
  create_samples();
  EXPECT_EQ(kind_of_failure([&] { conn().query("SELECT n FROM samples WHERE n = $1", {}); }), DbError::Kind::other);
  EXPECT_EQ(kind_of_failure([&] {
              conn().query("SELECT n FROM samples WHERE n = $1", {std::int64_t{1}, std::int64_t{2}});
            }),
            DbError::Kind::other);
  EXPECT_EQ(count_samples(), 0);
}

TEST_P(StoreTest, SyntaxErrorsAndSeveralStatementsInQueryAreOtherErrors) {
  create_samples();
  EXPECT_EQ(kind_of_failure([&] { conn().query("SELEC n FROM samples"); }), DbError::Kind::other);
  EXPECT_EQ(kind_of_failure([&] { conn().query("DELETE FROM samples; DELETE FROM samples"); }),
            DbError::Kind::other);
}

TEST_P(StoreTest, ExecScriptRunsSeveralStatements) {
  create_samples();
  conn().exec_script("INSERT INTO samples (n) VALUES (1); INSERT INTO samples (n) VALUES (2);");
  EXPECT_EQ(count_samples(), 2);
}

TEST_P(StoreTest, UniqueViolationsMapToUniqueKindWithoutQuotingValues) {
  migrate(db());
  const std::string name = "Team Geheimzinnig-Zeven";
  const auto team = insert_team(name);
  std::string message;
  EXPECT_EQ(kind_of_failure([&] { insert_team(name); }, &message), DbError::Kind::unique_violation);
  EXPECT_EQ(message.find("Geheimzinnig"), std::string::npos) << message;

  const auto user = conn()
                        .query("INSERT INTO users (username, display_name, role, password_hash, created_at) "
                               "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                               {std::string("fictief"), std::string("Fictieve Gebruiker"), std::string("worker"),
                                std::string("hash"), std::int64_t{1}})
                        .rows.at(0)
                        .integer(0);
  conn().query("INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)", {team, user});
  EXPECT_EQ(kind_of_failure([&] {
              conn().query("INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)", {team, user});
            }),
            DbError::Kind::unique_violation);
  EXPECT_EQ(conn().query("SELECT count(*) FROM teams").rows.at(0).integer(0), 1);
}

TEST_P(StoreTest, ForeignKeyViolationsMapToForeignKeyKindWithoutQuotingValues) {
  migrate(db());
  std::string message;
  EXPECT_EQ(kind_of_failure(
                [&] {
                  conn().query("INSERT INTO persons (team_id, name, created_at) VALUES ($1, $2, $3)",
                               {std::int64_t{987654321}, std::string("Pietje Verzonnen"), std::int64_t{1}});
                },
                &message),
            DbError::Kind::foreign_key_violation);
  EXPECT_EQ(message.find("Pietje"), std::string::npos) << message;
  EXPECT_EQ(message.find("987654321"), std::string::npos) << message;
}

TEST_P(StoreTest, WriteTransactionRollsBackWhenNotCommitted) {
  create_samples();
  {
    WriteTransaction tx(db());
    insert_sample(tx.conn(), 1);
    EXPECT_EQ(count_samples(), 1);
  }
  EXPECT_EQ(count_samples(), 0);
  {
    WriteTransaction tx(db());
    insert_sample(tx.conn(), 2);
    EXPECT_THROW(tx.conn().query("SELEC 1"), DbError);
  }
  EXPECT_EQ(count_samples(), 0);
}

TEST_P(StoreTest, CommitIsVisibleFromAnotherThreadsConnection) {
  create_samples();
  WriteTransaction tx(db());
  insert_sample(tx.conn(), 42);

  Connection* other = nullptr;
  std::int64_t seen_before = -1;
  std::thread([&] {
    other = &db().connection();
    seen_before = count_samples();
  }).join();
  EXPECT_NE(other, &conn());
  EXPECT_EQ(seen_before, 0);

  tx.commit();
  std::int64_t seen_after = -1;
  std::thread([&] {
    seen_after = conn().query("SELECT n FROM samples").rows.at(0).integer(0);
  }).join();
  EXPECT_EQ(seen_after, 42);
  EXPECT_EQ(&conn(), &db().connection());
}

TEST_P(StoreTest, ConcurrentWriteTransactionsAllSucceed) {
  create_samples();
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        try {
          WriteTransaction tx(db());
          const auto id = insert_sample(tx.conn(), t * 1000 + i);
          const auto rows = tx.conn().query("SELECT n FROM samples WHERE id = $1", {id}).rows;
          if (rows.size() != 1 || rows[0].integer(0) != t * 1000 + i) ++failures;
          tx.commit();
        } catch (const DbError& e) {
          ADD_FAILURE() << e.what();
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count_samples(), kThreads * kPerThread);
}

TEST_P(StoreTest, ReadTransactionSeesOneSnapshot) {
  create_samples();
  insert_sample(conn(), 1);
  conn().begin_read();
  EXPECT_EQ(count_samples(), 1);
  std::thread([&] { insert_sample(db().connection(), 2); }).join();
  EXPECT_EQ(count_samples(), 1);
  conn().commit();
  EXPECT_EQ(count_samples(), 2);
}

TEST_P(StoreTest, WritingInsideAReadTransactionFailsAsAProgrammingError) {
  create_samples();
  conn().begin_read();
  EXPECT_EQ(kind_of_failure([&] { insert_sample(conn(), 1); }), DbError::Kind::other);
  conn().rollback();
  insert_sample(conn(), 2);
  EXPECT_EQ(count_samples(), 1);
}

TEST_P(StoreTest, NestedBeginIsRefusedAndLeavesTheOuterTransactionUsable) {
  create_samples();
  conn().begin_write();
  insert_sample(conn(), 1);
  EXPECT_EQ(kind_of_failure([&] { conn().begin_write(); }), DbError::Kind::other);
  EXPECT_EQ(kind_of_failure([&] { conn().begin_read(); }), DbError::Kind::other);
  insert_sample(conn(), 2);
  conn().commit();
  EXPECT_EQ(count_samples(), 2);
}

TEST_P(StoreTest, NestedReadTransactionKeepsTheOuterOneReadOnly) {
  create_samples();
  conn().begin_read();
  EXPECT_EQ(kind_of_failure([&] { conn().begin_read(); }), DbError::Kind::other);
  EXPECT_EQ(kind_of_failure([&] { insert_sample(conn(), 1); }), DbError::Kind::other);
  conn().rollback();
  EXPECT_EQ(count_samples(), 0);
}

TEST_P(StoreTest, CommitWithoutATransactionIsAnError) {
  EXPECT_EQ(kind_of_failure([&] { conn().commit(); }), DbError::Kind::other);
}

TEST_P(StoreTest, RollbackWithoutATransactionIsHarmless) {
  create_samples();
  conn().rollback();
  insert_sample(conn(), 1);
  EXPECT_EQ(count_samples(), 1);
}

TEST_P(StoreTest, PingIsTrueForAWorkingDatabase) {
  EXPECT_TRUE(db().ping());
  bool on_other_thread = false;
  std::thread([&] { on_other_thread = db().ping(); }).join();
  EXPECT_TRUE(on_other_thread);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Dialect::sqlite, Dialect::postgres),
                         [](const ::testing::TestParamInfo<Dialect>& info) {
                           return std::string(storetest::dialect_name(info.param));
                         });

// open_database() URL handling; needs no PostgreSQL server.

TEST(OpenDatabase, SqliteUrlFormsCreateTheFile) {
  for (const std::string prefix : {"sqlite:", "sqlite://", ""}) {
    TempDbPath file;
    ASSERT_EQ(file.path().front(), '/');
    auto db = open_database(prefix + file.path());
    EXPECT_EQ(db->dialect(), Dialect::sqlite) << prefix;
    EXPECT_TRUE(std::filesystem::exists(file.path())) << prefix;
    EXPECT_TRUE(db->ping());
  }
}

TEST(OpenDatabase, SqliteFileNamesTheFileOfEveryUrlFormAndNoneForPostgres) {
  EXPECT_EQ(sqlite_file("sqlite:data/v.db"), "data/v.db");
  EXPECT_EQ(sqlite_file("sqlite://data/v.db"), "data/v.db");
  EXPECT_EQ(sqlite_file("sqlite:///var/v.db"), "/var/v.db");
  EXPECT_EQ(sqlite_file("/var/v.db"), "/var/v.db");
  EXPECT_EQ(sqlite_file("postgresql://u@h/db"), std::nullopt);
  EXPECT_EQ(sqlite_file("postgres://u@h/db"), std::nullopt);
  EXPECT_EQ(kind_of_failure([] { sqlite_file("mysql://h/db"); }), DbError::Kind::unavailable);
}

TEST(OpenDatabase, UnopenableSqlitePathIsUnavailableAndNamesThePath) {
  for (const std::string url : {"/nonexistent-dir/x.db", "sqlite:/nonexistent-dir/x.db", "sqlite:///nonexistent-dir/x.db"}) {
    std::string message;
    EXPECT_EQ(kind_of_failure([&] { open_database(url); }, &message), DbError::Kind::unavailable) << url;
    EXPECT_NE(message.find("/nonexistent-dir/x.db"), std::string::npos) << message;
  }
}

TEST(OpenDatabase, RejectsEmptyInMemoryAndUnknownSchemes) {
  EXPECT_EQ(kind_of_failure([] { open_database(""); }), DbError::Kind::unavailable);
  EXPECT_EQ(kind_of_failure([] { open_database("sqlite::memory:"); }), DbError::Kind::unavailable);
  std::string message;
  EXPECT_EQ(kind_of_failure([] { open_database("mysql://localhost/voordeur"); }, &message),
            DbError::Kind::unavailable);
  EXPECT_NE(message.find("mysql"), std::string::npos) << message;
}

TEST(OpenDatabase, PostgresUrlOnAClosedPortOpensButDoesNotPing) {
  for (const std::string url : {"postgresql://voordeur@127.0.0.1:1/nothing", "postgres://voordeur@127.0.0.1:1/nothing"}) {
    auto db = open_database(url);
    EXPECT_EQ(db->dialect(), Dialect::postgres);
    EXPECT_FALSE(db->ping());
    EXPECT_FALSE(db->ping());
  }
}

TEST(OpenDatabase, PostgresConnectFailureIsUnavailableAndHidesThePassword) {
  auto db = open_database("postgresql://voordeur:zeergeheim@127.0.0.1:1/nothing");
  std::string message;
  EXPECT_EQ(kind_of_failure([&] { db->connection(); }, &message), DbError::Kind::unavailable);
  EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
  EXPECT_EQ(message.find("zeergeheim"), std::string::npos) << message;
}

TEST(OpenDatabase, MalformedPostgresUrlIsUnavailable) {
  EXPECT_EQ(kind_of_failure([] { open_database("postgresql://voordeur@127.0.0.1:notaport/x?nonsense=1"); }),
            DbError::Kind::unavailable);
}

TEST(Migrations, LatestSchemaVersionIsTheNewestEmbeddedMigration) {
  const auto migrations = detail::embedded_migrations();
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(latest_schema_version(), migrations.back().version);
  EXPECT_EQ(migrations.front().version, 1);
  EXPECT_EQ(migrations.front().name, "foundation");
  EXPECT_NE(migrations.front().sql.find("{{ID}}"), std::string_view::npos);
  for (std::size_t i = 1; i < migrations.size(); ++i) EXPECT_GT(migrations[i].version, migrations[i - 1].version);
}

}  // namespace
}  // namespace voordeur::store
