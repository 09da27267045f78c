#include "store/sqlite/sqlite_db.h"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "store/thread_connections.h"

namespace voordeur::store::sqlite {

namespace {

constexpr int kBusyTimeoutMs = 5000;
// Statements are cached by SQL text; the code uses a fixed set of texts, so the cap only guards
// against SQL built at run time growing the cache without bound.
constexpr std::size_t kStatementCacheCap = 512;
constexpr std::size_t kSqlInMessage = 300;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

DbError::Kind kind_of(int extended_code, bool read_only_transaction) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return DbError::Kind::unique_violation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return DbError::Kind::foreign_key_violation;
    default:
      break;
  }
  switch (extended_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_PROTOCOL:
      return DbError::Kind::unavailable;
    case SQLITE_READONLY:
      // A write inside begin_read() is a programming error, not an unavailable database.
      return read_only_transaction ? DbError::Kind::other : DbError::Kind::unavailable;
    default:
      return DbError::Kind::other;
  }
}

std::string sql_excerpt(std::string_view sql) {
  if (sql.size() <= kSqlInMessage) return std::string(sql);
  return std::string(sql.substr(0, kSqlInMessage)) + "...";
}

// Parameter numbers are parsed from names "$1", "$2", ...; anything else is rejected so that the
// same SQL runs on PostgreSQL.
int parameter_number(const char* name) {
  if (name == nullptr || name[0] != '$' || name[1] < '1' || name[1] > '9') return 0;
  int n = 0;
  const char* end = name + std::strlen(name);
  auto [ptr, ec] = std::from_chars(name + 1, end, n);
  return (ec == std::errc{} && ptr == end) ? n : 0;
}

// Turns off SQLite's global memory statistics before the first connection opens: with them on,
// every allocation of every connection takes one process-wide mutex (docs/benchmarks.md).
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    configure_sqlite_once();
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      const std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      db_ = nullptr;
      throw DbError(DbError::Kind::unavailable, "cannot open SQLite database '" + path + "': " + reason +
                                                    " (does the directory exist and may this user write to it?)");
    }
    try {
      sqlite3_busy_timeout(db_, kBusyTimeoutMs);
      const auto mode = query("PRAGMA journal_mode=WAL", {});
      if (mode.rows.empty() || mode.rows[0].text(0) != "wal") {
        throw DbError(DbError::Kind::unavailable, "journal_mode=WAL was refused");
      }
      query("PRAGMA foreign_keys=ON", {});
      query("PRAGMA synchronous=NORMAL", {});
      // Map the file instead of copying pages through pread() into each connection's small cache
      // (measured in docs/benchmarks.md).
      query("PRAGMA mmap_size=1073741824", {});
    } catch (const DbError& e) {
      close();
      throw DbError(DbError::Kind::unavailable,
                    "cannot set up SQLite database '" + path + "': " + e.what());
    }
  }

  ~SqliteConnection() override { close(); }

  using Connection::query;

  ResultSet query(std::string_view sql, const std::vector<Value>& params) override {
    Statement& st = prepare(sql);
    if (read_only_transaction_ && !st.read_only) {
      throw DbError(DbError::Kind::other, "a statement that writes ran inside a read transaction: " + sql_excerpt(sql));
    }
    sqlite3_stmt* stmt = st.stmt;
    // Leaves the cached statement reusable on every path out of this function.
    struct Reset {
      sqlite3_stmt* stmt;
      ~Reset() {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
      }
    } reset{stmt};

    if (params.size() != static_cast<std::size_t>(st.param_count)) {
      throw DbError(DbError::Kind::other, "statement expects " + std::to_string(st.param_count) +
                                              " parameters, got " + std::to_string(params.size()) +
                                              " in: " + sql_excerpt(sql));
    }
    const int bind_count = static_cast<int>(st.param_numbers.size());
    for (int index = 1; index <= bind_count; ++index) {
      const int number = st.param_numbers[index - 1];
      const Value& value = params[number - 1];
      int rc = SQLITE_OK;
      if (const auto* i = std::get_if<std::int64_t>(&value)) {
        rc = sqlite3_bind_int64(stmt, index, *i);
      } else if (const auto* s = std::get_if<std::string>(&value)) {
        if (s->find('\0') != std::string::npos) {
          throw DbError(DbError::Kind::other, "parameter $" + std::to_string(number) +
                                                  " contains a NUL character in: " + sql_excerpt(sql));
        }
        rc = sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
      } else {
        rc = sqlite3_bind_null(stmt, index);
      }
      if (rc != SQLITE_OK) fail(rc, sql);
    }

    ResultSet result;
    const int columns = sqlite3_column_count(stmt);
    const sqlite3_int64 changes_before = st.read_only ? 0 : sqlite3_total_changes64(db_);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::vector<std::optional<std::string>> cols;
      cols.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_NULL:
            cols.emplace_back();
            break;
          case SQLITE_INTEGER: {
            char buf[24];
            auto [end, ec] = std::to_chars(buf, buf + sizeof buf, sqlite3_column_int64(stmt, c));
            cols.emplace_back(std::in_place, buf, end);
            break;
          }
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            if (text == nullptr) fail(sqlite3_errcode(db_), sql);
            cols.emplace_back(std::in_place, text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
            break;
          }
        }
      }
      result.rows.emplace_back(std::move(cols));
    }
    if (rc != SQLITE_DONE) fail(rc, sql);
    // sqlite3_changes64() keeps the count of the last INSERT/UPDATE/DELETE, so it only describes
    // this statement when the statement changed the total.
    if (!st.read_only && sqlite3_total_changes64(db_) != changes_before) result.affected = sqlite3_changes64(db_);
    return result;
  }

  void exec_script(std::string_view sql) override {
    const std::string script(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      std::string reason = message != nullptr ? message : sqlite3_errstr(rc);
      sqlite3_free(message);
      throw DbError(kind_of(sqlite3_extended_errcode(db_), read_only_transaction_),
                    "SQLite: " + reason + " in script: " + sql_excerpt(sql));
    }
  }

  void begin_write() override { query("BEGIN IMMEDIATE", {}); }

  // Writes inside a read transaction fail (query() checks sqlite3_stmt_readonly) as they do in
  // PostgreSQL's READ ONLY transactions, so such a mistake shows on the SQLite test runs too.
  // Not PRAGMA query_only: it expires every cached statement, making each read re-prepare.
  void begin_read() override {
    if (sqlite3_get_autocommit(db_) == 0) {
      throw DbError(DbError::Kind::other, "cannot start a transaction within a transaction");
    }
    query("BEGIN", {});
    read_only_transaction_ = true;
  }

  void commit() override {
    query("COMMIT", {});
    end_read_only();
  }

  void rollback() override {
    // SQLite rolls back by itself after some errors (e.g. SQLITE_FULL); then there is nothing left.
    if (sqlite3_get_autocommit(db_) == 0) query("ROLLBACK", {});
    end_read_only();
  }

 private:
  struct Statement {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> param_numbers;  // bind index i + 1 -> $N
    int param_count = 0;             // highest $N
    bool read_only = false;
  };

  void end_read_only() { read_only_transaction_ = false; }

  Statement& prepare(std::string_view sql) {
    if (auto it = cache_.find(sql); it != cache_.end()) return it->second;

    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &stmt, &tail);
    if (rc != SQLITE_OK) fail(rc, sql);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owned(stmt, sqlite3_finalize);
    if (stmt == nullptr) throw DbError(DbError::Kind::other, "empty SQL statement");
    for (const char* p = tail; p < sql.data() + sql.size(); ++p) {
      if (*p != ';' && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') {
        throw DbError(DbError::Kind::other,
                      "query() runs one statement; use exec_script() for several, in: " + sql_excerpt(sql));
      }
    }

    Statement st;
    const int bind_count = sqlite3_bind_parameter_count(stmt);
    st.param_numbers.reserve(bind_count);
    for (int index = 1; index <= bind_count; ++index) {
      const int number = parameter_number(sqlite3_bind_parameter_name(stmt, index));
      if (number == 0) {
        throw DbError(DbError::Kind::other, "write parameters as $1, $2, ... in: " + sql_excerpt(sql));
      }
      st.param_numbers.push_back(number);
      st.param_count = std::max(st.param_count, number);
    }
    st.read_only = sqlite3_stmt_readonly(stmt) != 0;

    if (cache_.size() >= kStatementCacheCap) {
      sqlite3_finalize(cache_.begin()->second.stmt);
      cache_.erase(cache_.begin());
    }
    st.stmt = owned.release();
    return cache_.emplace(std::string(sql), std::move(st)).first->second;
  }

  [[noreturn]] void fail(int rc, std::string_view sql) {
    const int extended = sqlite3_extended_errcode(db_);
    const int code = (extended & 0xff) == (rc & 0xff) ? extended : rc;
    throw DbError(kind_of(code, read_only_transaction_),
                  std::string("SQLite: ") + sqlite3_errmsg(db_) + " in: " + sql_excerpt(sql));
  }

  void close() noexcept {
    for (auto& [text, st] : cache_) sqlite3_finalize(st.stmt);
    cache_.clear();
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, Statement, StringHash, std::equal_to<>> cache_;
  bool read_only_transaction_ = false;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}

  Dialect dialect() const override { return Dialect::sqlite; }

  Connection& connection() override {
    if (Connection* conn = connections_.current()) return *conn;
    return connections_.adopt(std::make_unique<SqliteConnection>(path_));
  }

  bool ping() noexcept override {
    try {
      connection().query("SELECT 1", {});
      return true;
    } catch (...) {
      return false;
    }
  }

 private:
  std::string path_;
  detail::ThreadConnections connections_;
};

}  // namespace

std::unique_ptr<Database> open(const std::string& path) {
  if (path.empty() || path == ":memory:") {
    throw DbError(DbError::Kind::unavailable,
                  "SQLite needs a database file path (an in-memory database is not shared between threads)");
  }
  auto db = std::make_unique<SqliteDatabase>(path);
  // Opening the first connection now creates the file and reports a bad path at start-up.
  db->connection();
  return db;
}

void backup_file(const std::string& from, const std::string& to) {
  const auto fail = [&](const std::string& why) {
    throw DbError(DbError::Kind::unavailable, "cannot back up '" + from + "' to '" + to + "': " + why);
  };
  if (!std::filesystem::exists(from)) fail("there is no such database file");
  if (std::filesystem::exists(to)) fail("the target already exists; choose a new file or folder");
  const auto opened = [&](const std::string& path, int flags) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_EXRESCODE, nullptr) != SQLITE_OK) {
      const std::string reason = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close_v2(db);
      fail("cannot open '" + path + "': " + reason);
    }
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    return std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)>(db, sqlite3_close_v2);
  };
  const auto source = opened(from, SQLITE_OPEN_READONLY);
  std::string error;
  {
    const auto target = opened(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source.get(), "main");
    // All pages in one step: the copy is one snapshot of the source.
    const int step = backup == nullptr ? SQLITE_ERROR : sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    // A single file without -wal and -shm beside it; the server turns WAL on again when it opens it.
    if (step != SQLITE_DONE ||
        sqlite3_exec(target.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      error = sqlite3_errmsg(target.get());
    }
  }
  if (!error.empty()) {
    std::filesystem::remove(to);
    fail(error);
  }
  const auto copy = opened(to, SQLITE_OPEN_READONLY);
  sqlite3_stmt* check = nullptr;
  std::string verdict = "no answer";
  if (sqlite3_prepare_v2(copy.get(), "PRAGMA quick_check", -1, &check, nullptr) == SQLITE_OK &&
      sqlite3_step(check) == SQLITE_ROW) {
    verdict = reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
  }
  sqlite3_finalize(check);
  if (verdict != "ok") fail("the copy failed its check (" + verdict + ")");
}

}  // namespace voordeur::store::sqlite
