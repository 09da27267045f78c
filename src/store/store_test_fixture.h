// The fixture of the store tests that run unchanged against SQLite (a temporary file per test) and
// PostgreSQL (VOORDEUR_TEST_PG_URL; every test starts from an empty public schema).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "store/repository.h"
#include "store/store_test_support.h"

namespace voordeur::store::storetest {

enum class Backend { sqlite, postgres };

inline const char* backend_label(Backend b) { return b == Backend::sqlite ? "SQLite" : "PostgreSQL"; }

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) { return backend_label(info.param); }

// Names the parameter in test listings (ctest shows "GetParam() = SQLite").
inline void PrintTo(Backend b, std::ostream* os) { *os << backend_label(b); }

// Opens a fresh, empty database of the parameter's back end; PostgreSQL tests are skipped when
// VOORDEUR_TEST_PG_URL is not set. A derived SetUp calls this one first and returns when
// IsSkipped().
class BackendStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::sqlite) {
      path_.emplace();
      db_ = open_database("sqlite:" + path_->path());
    } else {
      const auto url = pg_test_url();
      if (!url) GTEST_SKIP() << kPgSkipMessage;
      db_ = open_database(*url);
      // Other test processes (another build's ctest run, a suite run by hand) may use the same
      // database: this session-level advisory lock, held until the connection closes, keeps their
      // schema resets apart.
      c().query("SELECT pg_advisory_lock(727001)");
      reset_pg_schema(*db_);
    }
  }

  void TearDown() override {
    db_.reset();
    path_.reset();
  }

  Connection& c() { return db_->connection(); }

  // Migrates the database and adds Team Noord (team_), Team Zuid (other_team_) and a team lead of
  // Team Noord (lead_).
  void migrate_with_teams() {
    migrate(*db_);
    team_ = insert_team(c(), "Team Noord", 1000);
    other_team_ = insert_team(c(), "Team Zuid", 1000);
    domain::User u;
    u.username = "lead-noord";
    u.display_name = "Lotte Leiding";
    u.role = "team_lead";
    u.teams.push_back(domain::TeamRef{team_, ""});
    lead_ = insert_user(c(), u, "hash", 1000);
  }

  std::optional<TempDbPath> path_;
  std::unique_ptr<Database> db_;
  Id team_ = 0;
  Id other_team_ = 0;
  Id lead_ = 0;
};

}  // namespace voordeur::store::storetest
