// Database access for Voordeur: one small interface, two back ends (SQLite, PostgreSQL).
//
// Contract
// - SQL is written once, in portable SQL, with numbered parameters $1, $2, ... (both back ends
//   accept them). Back-end specific SQL lives only in store/sqlite/ and store/postgres/.
// - Values cross the boundary as Value: NULL, 64-bit integer or UTF-8 text. Booleans are stored as
//   0/1 integers, dates as 'YYYY-MM-DD' text, timestamps as Unix seconds (BIGINT).
// - Database::connection() returns the calling thread's own connection, opened lazily and kept for
//   the thread's lifetime; a Connection is never shared between threads. Prepared statements are
//   cached per connection, keyed by SQL text.
// - Failures throw DbError (kind says what went wrong); the app layer turns it into an error value
//   in one place (app/tx.h). Nothing else in the code throws across layers.
// - Write transactions: WriteTransaction takes the write lock (SQLite: BEGIN IMMEDIATE with a busy
//   timeout; PostgreSQL: BEGIN), commit() makes it durable, destruction without commit() rolls back.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace voordeur::store {

using Value = std::variant<std::monostate, std::int64_t, std::string>;

inline Value null_value() { return std::monostate{}; }
// Empty optional -> NULL.
inline Value opt(const std::optional<std::string>& s) { return s ? Value{*s} : Value{}; }
inline Value opt(const std::optional<std::int64_t>& v) { return v ? Value{*v} : Value{}; }

class DbError : public std::runtime_error {
 public:
  enum class Kind { unique_violation, foreign_key_violation, unavailable, other };
  DbError(Kind kind, const std::string& what) : std::runtime_error(what), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// One result row; columns in SELECT order. Text of every column as returned by the back end
// (integers as decimal text), std::nullopt for NULL. Encrypted values (field_crypto.h) are opened
// when the row is built, so readers see plain text; DbError(other) when one cannot be opened.
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cols);
  std::size_t size() const { return cols_.size(); }
  bool is_null(std::size_t i) const { return !cols_.at(i).has_value(); }
  // Throws DbError(other) when NULL or not an integer.
  std::int64_t integer(std::size_t i) const;
  std::optional<std::int64_t> opt_integer(std::size_t i) const;
  // NULL -> "".
  const std::string& text(std::size_t i) const;
  std::optional<std::string> opt_text(std::size_t i) const { return cols_.at(i); }

 private:
  std::vector<std::optional<std::string>> cols_;
};

struct ResultSet {
  std::vector<Row> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
};

enum class Dialect { sqlite, postgres };

class Connection {
 public:
  virtual ~Connection() = default;
  // Runs one statement. Throws DbError.
  virtual ResultSet query(std::string_view sql, const std::vector<Value>& params) = 0;
  ResultSet query(std::string_view sql, std::initializer_list<Value> params = {}) {
    return query(sql, std::vector<Value>(params));
  }
  // Runs a script of several statements without parameters (migrations). Throws DbError.
  virtual void exec_script(std::string_view sql) = 0;
  virtual void begin_write() = 0;
  virtual void begin_read() = 0;  // a consistent snapshot for several reads
  virtual void commit() = 0;
  virtual void rollback() = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // The calling thread's connection (opened on first use; reconnects after a lost connection).
  virtual Connection& connection() = 0;
  // True when a trivial query succeeds (used by GET /ready). Never throws.
  virtual bool ping() noexcept = 0;
};

// Opens a database from a URL: "postgresql://..." or "postgres://..." for PostgreSQL,
// "sqlite:PATH" or a plain file path for SQLite (file created when missing; WAL and foreign keys on).
// Throws DbError(unavailable) with a message a sysadmin can act on.
std::unique_ptr<Database> open_database(const std::string& url);
// The file of a SQLite URL as open_database() reads it; nullopt for PostgreSQL. Throws
// DbError(unavailable) for an unsupported scheme.
std::optional<std::string> sqlite_file(const std::string& url);
// Copies the SQLite database file `from` into the new file `to`: one consistent copy, also while a
// server uses `from`, checked afterwards. Throws DbError(unavailable) with a message a sysadmin can
// act on (`to` already there, a file that cannot be read or written).
void backup_sqlite_file(const std::string& from, const std::string& to);

// RAII write transaction on the calling thread's connection.
class WriteTransaction {
 public:
  explicit WriteTransaction(Database& db) : conn_(db.connection()) { conn_.begin_write(); }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  ~WriteTransaction() {
    if (!done_) {
      try {
        conn_.rollback();
      } catch (...) {
      }
    }
  }
  Connection& conn() { return conn_; }
  void commit() {
    conn_.commit();
    done_ = true;
  }

 private:
  Connection& conn_;
  bool done_ = false;
};

// Applies every migration not yet recorded in schema_migrations, each in its own transaction, in
// version order. Idempotent. Returns the number applied. Throws DbError.
int migrate(Database& db);

// Version of the newest migration this binary knows.
int latest_schema_version();

}  // namespace voordeur::store
