// Helpers for the store tests: a fresh database per test on either back end.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unistd.h>

#include "store/db.h"

namespace voordeur::store::storetest {

inline constexpr const char* kPgUrlVariable = "VOORDEUR_TEST_PG_URL";
inline constexpr const char* kPgSkipMessage = "VOORDEUR_TEST_PG_URL not set: PostgreSQL store tests skipped";

inline std::optional<std::string> pg_test_url() {
  const char* url = std::getenv(kPgUrlVariable);
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

// A database file path unique to this process and call; the file and its WAL files are removed
// when the object goes away.
class TempDbPath {
 public:
  TempDbPath() {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("voordeur-store-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db"))
                .string();
    remove_files();
  }
  ~TempDbPath() { remove_files(); }
  TempDbPath(const TempDbPath&) = delete;
  TempDbPath& operator=(const TempDbPath&) = delete;
  const std::string& path() const { return path_; }

 private:
  void remove_files() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ignored);
  }
  std::string path_;
};

inline const char* dialect_name(Dialect d) { return d == Dialect::sqlite ? "SQLite" : "PostgreSQL"; }

inline const char* id_column_type(Dialect d) {
  return d == Dialect::sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
}

// Empties the public schema, so that each PostgreSQL test starts from nothing.
inline void reset_pg_schema(Database& db) {
  db.connection().exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
}

}  // namespace voordeur::store::storetest
