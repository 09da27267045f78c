// Behaviour particular to the SQLite back end; the shared contract is in ../db_test.cpp.
#include "store/sqlite/sqlite_db.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "store/store_test_support.h"

namespace voordeur::store::sqlite {
namespace {

using storetest::TempDbPath;

std::string pragma(Connection& conn, const std::string& name) {
  return conn.query("PRAGMA " + name).rows.at(0).text(0);
}

TEST(SqliteStore, EveryThreadsConnectionHasThePragmasSet) {
  TempDbPath file;
  auto db = open(file.path());
  auto check = [&] {
    Connection& conn = db->connection();
    EXPECT_EQ(pragma(conn, "journal_mode"), "wal");
    EXPECT_EQ(pragma(conn, "foreign_keys"), "1");
    EXPECT_EQ(pragma(conn, "synchronous"), "1");  // NORMAL
    EXPECT_EQ(pragma(conn, "busy_timeout"), "5000");
    EXPECT_EQ(pragma(conn, "query_only"), "0");
  };
  check();
  std::thread(check).join();
}

TEST(SqliteStore, WriterWaitsForAnotherWritersCommitInsteadOfFailing) {
  TempDbPath file;
  auto db = open(file.path());
  db->connection().exec_script("CREATE TABLE samples (id INTEGER PRIMARY KEY, n BIGINT)");

  WriteTransaction holder(*db);
  holder.conn().query("INSERT INTO samples (n) VALUES ($1)", {std::int64_t{1}});
  std::atomic<bool> started{false};
  std::atomic<bool> done{false};
  std::thread writer([&] {
    started = true;
    WriteTransaction tx(*db);
    tx.conn().query("INSERT INTO samples (n) VALUES ($1)", {std::int64_t{2}});
    tx.commit();
    done = true;
  });
  while (!started) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(done.load());  // still waiting for the write lock
  holder.commit();
  writer.join();
  EXPECT_TRUE(done.load());
  EXPECT_EQ(db->connection().query("SELECT count(*) FROM samples").rows.at(0).integer(0), 2);
}

TEST(SqliteStore, OnlyDollarNumberParametersAreAccepted) {
  TempDbPath file;
  auto db = open(file.path());
  for (const char* sql : {"SELECT ?", "SELECT ?1", "SELECT :name", "SELECT @name", "SELECT $name"}) {
    try {
      db->connection().query(sql, {std::int64_t{1}});
      ADD_FAILURE() << sql << " was accepted";
    } catch (const DbError& e) {
      EXPECT_EQ(e.kind(), DbError::Kind::other) << sql;
    }
  }
  EXPECT_EQ(db->connection().query("SELECT $1 + $2", {std::int64_t{2}, std::int64_t{3}}).rows.at(0).integer(0), 5);
}

TEST(SqliteStore, DatabasesOnOneThreadKeepTheirOwnFiles) {
  TempDbPath first_file, second_file;
  auto first = open(first_file.path());
  auto second = open(second_file.path());
  first->connection().exec_script("CREATE TABLE only_in_first (id INTEGER PRIMARY KEY)");
  EXPECT_NE(&first->connection(), &second->connection());
  EXPECT_NO_THROW(first->connection().query("SELECT count(*) FROM only_in_first"));
  EXPECT_THROW(second->connection().query("SELECT count(*) FROM only_in_first"), DbError);
}

TEST(SqliteStore, ReadOnlyModeEndsWithTheReadTransaction) {
  TempDbPath file;
  auto db = open(file.path());
  Connection& conn = db->connection();
  conn.exec_script("CREATE TABLE samples (id INTEGER PRIMARY KEY, n BIGINT)");
  conn.begin_read();
  EXPECT_THROW(conn.query("INSERT INTO samples (n) VALUES ($1)", {std::int64_t{1}}), DbError);
  conn.commit();
  EXPECT_EQ(conn.query("INSERT INTO samples (n) VALUES ($1)", {std::int64_t{1}}).affected, 1);
}

}  // namespace
}  // namespace voordeur::store::sqlite
