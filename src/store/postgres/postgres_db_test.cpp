// Behaviour particular to the PostgreSQL back end; the shared contract is in ../db_test.cpp.
// Runs only when VOORDEUR_TEST_PG_URL names a database the tests may empty.
#include "store/postgres/postgres_db.h"

#include <gtest/gtest.h>

#include <thread>

#include "store/store_test_support.h"

namespace voordeur::store::postgres {
namespace {

class PostgresStore : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto url = storetest::pg_test_url();
    if (!url) GTEST_SKIP() << storetest::kPgSkipMessage;
    db_ = open(*url);
    storetest::reset_pg_schema(*db_);
    db_->connection().exec_script("CREATE TABLE samples (id BIGSERIAL PRIMARY KEY, n BIGINT, s TEXT)");
  }

  Connection& conn() { return db_->connection(); }
  std::int64_t count_samples() { return conn().query("SELECT count(*) FROM samples").rows.at(0).integer(0); }
  std::int64_t backend_pid() { return conn().query("SELECT pg_backend_pid()").rows.at(0).integer(0); }

  // Ends the calling thread's server session from another connection, as a server restart would.
  void terminate_my_session() {
    const auto pid = backend_pid();
    std::thread([&] {
      db_->connection().query("SELECT pg_terminate_backend(CAST($1 AS INTEGER))", {pid});
    }).join();
  }

  std::unique_ptr<Database> db_;
};

TEST_F(PostgresStore, ReconnectsOnTheNextStatementAfterTheSessionWasLost) {
  Connection* before = &conn();
  const auto pid = backend_pid();
  terminate_my_session();
  try {
    conn().query("SELECT 1");
    ADD_FAILURE() << "a statement on a terminated session succeeded";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::unavailable) << e.what();
  }
  EXPECT_NE(backend_pid(), pid);
  EXPECT_EQ(&conn(), before);
  conn().query("INSERT INTO samples (n) VALUES ($1)", {std::int64_t{1}});
  EXPECT_EQ(count_samples(), 1);
  EXPECT_TRUE(db_->ping());
}

TEST_F(PostgresStore, LostSessionInsideATransactionNeverFallsBackToAutocommit) {
  conn().begin_write();
  conn().query("INSERT INTO samples (n) VALUES ($1)", {std::int64_t{1}});
  terminate_my_session();
  EXPECT_THROW(conn().query("INSERT INTO samples (n) VALUES ($1)", {std::int64_t{2}}), DbError);
  try {
    conn().query("INSERT INTO samples (n) VALUES ($1)", {std::int64_t{3}});
    ADD_FAILURE() << "a statement ran outside its lost transaction";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::unavailable);
  }
  EXPECT_THROW(conn().commit(), DbError);
  conn().rollback();
  EXPECT_EQ(count_samples(), 0);
}

TEST_F(PostgresStore, CommitAfterAFailedStatementThrowsAndKeepsNothing) {
  conn().begin_write();
  conn().query("INSERT INTO samples (n) VALUES ($1)", {std::int64_t{1}});
  EXPECT_THROW(conn().query("SELEC 1"), DbError);
  EXPECT_THROW(conn().commit(), DbError);
  EXPECT_EQ(count_samples(), 0);
}

TEST_F(PostgresStore, DataExceptionsDoNotQuoteTheValue) {
  try {
    conn().query("INSERT INTO samples (n) VALUES ($1)", {std::string("Jantje Verzonnen")});
    ADD_FAILURE() << "text accepted as BIGINT";
  } catch (const DbError& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.kind(), DbError::Kind::other);
    EXPECT_EQ(message.find("Jantje"), std::string::npos) << message;
    EXPECT_NE(message.find("22P02"), std::string::npos) << message;
  }
}

TEST_F(PostgresStore, PreparedStatementsAreReusedPerConnection) {
  for (int i = 0; i < 3; ++i) conn().query("INSERT INTO samples (n) VALUES ($1)", {std::int64_t{i}});
  const auto prepared = conn()
                            .query("SELECT count(*) FROM pg_prepared_statements WHERE statement = $1",
                                   {std::string("INSERT INTO samples (n) VALUES ($1)")})
                            .rows.at(0)
                            .integer(0);
  EXPECT_EQ(prepared, 1);
}

}  // namespace
}  // namespace voordeur::store::postgres
