#include "store/db.h"

#include <charconv>
#include <chrono>
#include <string>
#include <unordered_set>

#include "store/field_crypto.h"
#include "store/migrations_embedded.h"
#include "store/postgres/postgres_db.h"
#include "store/sqlite/sqlite_db.h"

namespace voordeur::store {

Row::Row(std::vector<std::optional<std::string>> cols) : cols_(std::move(cols)) {
  for (auto& col : cols_) {
    if (col) open_sealed(*col);
  }
}

std::int64_t Row::integer(std::size_t i) const {
  const auto& col = cols_.at(i);
  if (!col) throw DbError(DbError::Kind::other, "column " + std::to_string(i) + " is NULL, expected an integer");
  std::int64_t value = 0;
  const char* first = col->data();
  const char* last = first + col->size();
  auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc{} || end != last || first == last) {
    throw DbError(DbError::Kind::other, "column " + std::to_string(i) + " is not an integer");
  }
  return value;
}

std::optional<std::int64_t> Row::opt_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

const std::string& Row::text(std::size_t i) const {
  static const std::string empty;
  const auto& col = cols_.at(i);
  return col ? *col : empty;
}

namespace {

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (true) {
    const std::size_t hit = text.find(from, pos);
    out.append(text.substr(pos, hit == std::string_view::npos ? std::string_view::npos : hit - pos));
    if (hit == std::string_view::npos) return out;
    out.append(to);
    pos = hit + from.size();
  }
}

std::int64_t unix_seconds_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::unique_ptr<Database> open_database(const std::string& url) {
  if (url.empty()) {
    throw DbError(DbError::Kind::unavailable,
                  "no database URL given (use postgresql://..., sqlite:PATH or a file path)");
  }
  if (const auto path = sqlite_file(url)) return sqlite::open(*path);
  return postgres::open(url);
}

std::optional<std::string> sqlite_file(const std::string& url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return std::nullopt;
  if (url.starts_with("sqlite://")) return url.substr(9);
  if (url.starts_with("sqlite:")) return url.substr(7);
  if (const auto scheme_end = url.find("://"); scheme_end != std::string::npos) {
    throw DbError(DbError::Kind::unavailable, "unsupported database URL scheme '" + url.substr(0, scheme_end) +
                                                  "' (use postgresql://, postgres://, sqlite:PATH or a file path)");
  }
  return url;
}

void backup_sqlite_file(const std::string& from, const std::string& to) { sqlite::backup_file(from, to); }

namespace {

const char* id_column_type(Dialect dialect) {
  return dialect == Dialect::sqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
}

}  // namespace


int migrate(Database& db) {
  db.connection().exec_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");

  std::unordered_set<std::int64_t> applied;
  for (const auto& row : db.connection().query("SELECT version FROM schema_migrations").rows) {
    applied.insert(row.integer(0));
  }
  for (std::int64_t version : applied) {
    if (version > latest_schema_version()) {
      throw DbError(DbError::Kind::other, "the database has schema version " + std::to_string(version) +
                                              ", newer than this voordeur binary knows (" +
                                              std::to_string(latest_schema_version()) +
                                              "); run a newer voordeur or restore a matching backup");
    }
  }

  int count = 0;
  for (const auto& m : detail::embedded_migrations()) {
    if (applied.contains(m.version)) continue;
    WriteTransaction tx(db);
    // Checked again under the write lock: another process may have applied it meanwhile.
    if (!tx.conn().query("SELECT 1 FROM schema_migrations WHERE version = $1", {std::int64_t{m.version}}).rows.empty()) {
      continue;
    }
    try {
      tx.conn().exec_script(replace_all(m.sql, "{{ID}}", id_column_type(db.dialect())));
      tx.conn().query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                      {std::int64_t{m.version}, std::string(m.name), unix_seconds_now()});
      tx.commit();
    } catch (const DbError& e) {
      throw DbError(e.kind(), "migration " + std::to_string(m.version) + " (" + std::string(m.name) +
                                  ") failed: " + e.what());
    }
    ++count;
  }
  return count;
}

int latest_schema_version() { return detail::embedded_migrations().back().version; }

}  // namespace voordeur::store
