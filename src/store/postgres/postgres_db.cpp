#include "store/postgres/postgres_db.h"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <cstring>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "store/thread_connections.h"

namespace voordeur::store::postgres {

namespace {

constexpr std::size_t kStatementCacheCap = 512;
constexpr std::size_t kSqlInMessage = 300;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

struct ResultDeleter {
  void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string sql_excerpt(std::string_view sql) {
  if (sql.size() <= kSqlInMessage) return std::string(sql);
  return std::string(sql.substr(0, kSqlInMessage)) + "...";
}

std::string trimmed(const char* message) {
  std::string s = message != nullptr ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Server notices (e.g. "table does not exist, skipping") would go to stderr and may quote data.
void ignore_notice(void*, const char*) {}

// Where to connect, without the password, for error messages.
std::string describe_target(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  PQfreemem(error);
  if (options == nullptr) return "PostgreSQL";
  std::string user, host, port, dbname;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    const std::string_view key = o->keyword;
    if (key == "user") user = o->val;
    if (key == "host") host = o->val;
    if (key == "port") port = o->val;
    if (key == "dbname") dbname = o->val;
  }
  PQconninfoFree(options);
  std::string target = "PostgreSQL ";
  if (!user.empty()) target += user + "@";
  target += host.empty() ? "localhost" : host;
  if (!port.empty()) target += ":" + port;
  if (!dbname.empty()) target += "/" + dbname;
  return target;
}

class PgConnection final : public Connection {
 public:
  PgConnection(const std::string& url, const std::string& target) : url_(url), target_(target) { connect(); }

  ~PgConnection() override { PQfinish(conn_); }

  using Connection::query;

  ResultSet query(std::string_view sql, const std::vector<Value>& params) override {
    ensure_connected();
    const Prepared& st = prepare(sql);
    if (params.size() != static_cast<std::size_t>(st.param_count)) {
      throw DbError(DbError::Kind::other, "statement expects " + std::to_string(st.param_count) +
                                              " parameters, got " + std::to_string(params.size()) +
                                              " in: " + sql_excerpt(sql));
    }
    // Scratch buffers are members so that their capacity is reused from one call to the next.
    values_.assign(params.size(), nullptr);
    numbers_.resize(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
        auto& buf = numbers_[i];
        *std::to_chars(buf.data(), buf.data() + buf.size() - 1, *n).ptr = '\0';
        values_[i] = buf.data();
      } else if (const auto* s = std::get_if<std::string>(&params[i])) {
        if (s->find('\0') != std::string::npos) {
          throw DbError(DbError::Kind::other, "parameter $" + std::to_string(i + 1) +
                                                  " contains a NUL character in: " + sql_excerpt(sql));
        }
        values_[i] = s->c_str();
      }
    }
    Result res(PQexecPrepared(conn_, st.name.c_str(), static_cast<int>(params.size()), values_.data(), nullptr,
                              nullptr, 0));
    return to_result_set(res.get(), sql);
  }

  void exec_script(std::string_view sql) override {
    ensure_connected();
    const std::string script(sql);
    Result res(PQexec(conn_, script.c_str()));
    to_result_set(res.get(), sql);
  }

  void begin_write() override { begin("BEGIN"); }

  void begin_read() override { begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }

  void commit() override {
    if (!in_transaction_) throw DbError(DbError::Kind::other, "cannot commit: no transaction is active");
    throw_if_transaction_lost();
    Result res(PQexec(conn_, "COMMIT"));
    in_transaction_ = false;
    to_result_set(res.get(), "COMMIT");
    // COMMIT of a transaction in which a statement failed rolls back and still reports success.
    if (std::strcmp(PQcmdStatus(res.get()), "ROLLBACK") == 0) {
      throw DbError(DbError::Kind::other, "transaction rolled back at COMMIT because a statement in it failed");
    }
  }

  void rollback() override {
    in_transaction_ = false;
    // A lost connection took its transaction with it; the next statement reconnects.
    if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) return;
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
    Result res(PQexec(conn_, "ROLLBACK"));
    to_result_set(res.get(), "ROLLBACK");
  }

 private:
  struct Prepared {
    std::string name;
    int param_count = 0;
  };

  void connect() {
    // The URL's own settings override the defaults before it; UTF-8 after it is not negotiable.
    const char* const keywords[] = {"connect_timeout", "application_name", "dbname", "client_encoding", nullptr};
    const char* const values[] = {"5", "voordeur", url_.c_str(), "UTF8", nullptr};
    PGconn* conn = PQconnectdbParams(keywords, values, 1);
    if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
      const std::string reason = conn != nullptr ? trimmed(PQerrorMessage(conn)) : "out of memory";
      PQfinish(conn);
      throw DbError(DbError::Kind::unavailable, "cannot connect to " + target_ + ": " + reason);
    }
    PQsetNoticeProcessor(conn, ignore_notice, nullptr);
    // Terse messages leave out DETAIL, which quotes row values ("Key (name)=(...) already exists").
    PQsetErrorVerbosity(conn, PQERRORS_TERSE);
    conn_ = conn;
  }

  void ensure_connected() {
    if (conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK) return;
    throw_if_transaction_lost();
    PQfinish(conn_);
    conn_ = nullptr;
    cache_.clear();  // prepared statements belong to the lost session
    connect();
  }

  // Reconnecting inside a transaction would run the rest of it in autocommit mode on a new session.
  void throw_if_transaction_lost() {
    if (in_transaction_ && (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK)) {
      throw DbError(DbError::Kind::unavailable,
                    "connection to " + target_ + " was lost during a transaction; it was rolled back");
    }
  }

  void begin(const char* sql) {
    // PostgreSQL only warns about a nested BEGIN; SQLite refuses it, and so does this back end.
    if (in_transaction_) {
      throw DbError(DbError::Kind::other, "cannot start a transaction within a transaction in: " + std::string(sql));
    }
    ensure_connected();
    Result res(PQexec(conn_, sql));
    to_result_set(res.get(), sql);
    in_transaction_ = true;
  }

  const Prepared& prepare(std::string_view sql) {
    if (auto it = cache_.find(sql); it != cache_.end()) return it->second;
    if (cache_.size() >= kStatementCacheCap) {
      Result res(PQexec(conn_, ("DEALLOCATE " + cache_.begin()->second.name).c_str()));
      cache_.erase(cache_.begin());
    }
    Prepared st;
    st.name = "vd" + std::to_string(++statement_counter_);
    const std::string text(sql);
    Result prepared(PQprepare(conn_, st.name.c_str(), text.c_str(), 0, nullptr));
    to_result_set(prepared.get(), sql);
    // The parameter count is checked before every execution: PostgreSQL reports a mismatch as a
    // protocol violation (SQLSTATE 08P01), which would read as a lost connection.
    Result described(PQdescribePrepared(conn_, st.name.c_str()));
    to_result_set(described.get(), sql);
    st.param_count = PQnparams(described.get());
    return cache_.emplace(text, std::move(st)).first->second;
  }

  ResultSet to_result_set(PGresult* res, std::string_view sql) {
    const ExecStatusType status = res != nullptr ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    ResultSet result;
    if (status == PGRES_TUPLES_OK) {
      const int rows = PQntuples(res);
      const int columns = PQnfields(res);
      result.rows.reserve(rows);
      for (int r = 0; r < rows; ++r) {
        std::vector<std::optional<std::string>> cols;
        cols.reserve(columns);
        for (int c = 0; c < columns; ++c) {
          if (PQgetisnull(res, r, c)) {
            cols.emplace_back();
          } else {
            cols.emplace_back(std::in_place, PQgetvalue(res, r, c), static_cast<std::size_t>(PQgetlength(res, r, c)));
          }
        }
        result.rows.emplace_back(std::move(cols));
      }
    } else if (status != PGRES_COMMAND_OK) {
      fail(res, sql);
    }
    // PQcmdTuples also counts the rows of a SELECT; db.h promises changed rows only.
    const std::string_view tag = PQcmdStatus(res);
    if (tag.starts_with("INSERT ") || tag.starts_with("UPDATE ") || tag.starts_with("DELETE ") ||
        tag.starts_with("MERGE ")) {
      const char* tuples = PQcmdTuples(res);
      std::from_chars(tuples, tuples + std::strlen(tuples), result.affected);
    }
    return result;
  }

  [[noreturn]] void fail(PGresult* res, std::string_view sql) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      throw DbError(DbError::Kind::unavailable,
                    "lost connection to " + target_ + ": " + trimmed(PQerrorMessage(conn_)) + " in: " + sql_excerpt(sql));
    }
    const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    if (state == nullptr) {  // raised by libpq itself, e.g. out of memory or too many parameters
      throw DbError(DbError::Kind::other,
                    "PostgreSQL client: " + trimmed(PQerrorMessage(conn_)) + " in: " + sql_excerpt(sql));
    }
    const std::string_view code = state;
    std::string primary = trimmed(PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY));
    // Data exceptions quote the offending value ("invalid input syntax for type bigint: \"...\"").
    if (code.substr(0, 2) == "22") primary = primary.substr(0, primary.find(':'));
    DbError::Kind kind = DbError::Kind::other;
    if (code == "23505") {
      kind = DbError::Kind::unique_violation;
    } else if (code == "23503") {
      kind = DbError::Kind::foreign_key_violation;
    } else if ((code.substr(0, 2) == "08" && code != "08P01") || code.substr(0, 2) == "53" || code == "57P01" ||
               code == "57P02" || code == "57P03") {
      kind = DbError::Kind::unavailable;
    }
    std::string message = "PostgreSQL: " + primary + " [SQLSTATE " + std::string(code) + "]";
    if (const char* constraint = PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME)) {
      message += " (constraint " + std::string(constraint) + ")";
    }
    throw DbError(kind, message + " in: " + sql_excerpt(sql));
  }

  std::string url_;
  std::string target_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, Prepared, StringHash, std::equal_to<>> cache_;
  std::uint64_t statement_counter_ = 0;
  bool in_transaction_ = false;
  std::vector<const char*> values_;
  std::vector<std::array<char, 24>> numbers_;
};

class PgDatabase final : public Database {
 public:
  PgDatabase(std::string url, std::string target) : url_(std::move(url)), target_(std::move(target)) {}

  Dialect dialect() const override { return Dialect::postgres; }

  Connection& connection() override {
    if (Connection* conn = connections_.current()) return *conn;
    return connections_.adopt(std::make_unique<PgConnection>(url_, target_));
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
  std::string url_;
  std::string target_;
  detail::ThreadConnections connections_;
};

}  // namespace

std::unique_ptr<Database> open(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    const std::string reason = error != nullptr ? trimmed(error) : "out of memory";
    PQfreemem(error);
    throw DbError(DbError::Kind::unavailable, "invalid PostgreSQL URL: " + reason);
  }
  PQconninfoFree(options);
  return std::make_unique<PgDatabase>(url, describe_target(url));
}

}  // namespace voordeur::store::postgres
