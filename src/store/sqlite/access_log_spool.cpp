#include "store/sqlite/access_log_spool.h"

#include <sodium.h>

#include "store/sqlite/sqlite_db.h"

namespace voordeur::store {
namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS spool_meta (id INTEGER PRIMARY KEY CHECK (id = 1), spool_id TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS spool (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,"
    " user_id INTEGER NOT NULL, on_behalf_of TEXT, person_id INTEGER, record_type TEXT NOT NULL,"
    " record_id INTEGER, action TEXT NOT NULL, detail TEXT, break_glass_reason TEXT);";

std::string random_id() {
  if (sodium_init() < 0) throw DbError(DbError::Kind::other, "libsodium could not be initialised");
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

std::int64_t mark_of(Connection& main, const std::string& spool_id) {
  const auto rows = main.query("SELECT last_seq FROM access_log_spool_marks WHERE spool_id = $1", {spool_id}).rows;
  return rows.empty() ? -1 : rows[0].integer(0);
}

}  // namespace

AccessLogSpool::AccessLogSpool(const std::string& path, Database& main, std::int64_t now)
    : path_(path), main_(main), spool_(sqlite::open(path)) {
  spool_->connection().exec_script(kSchema);
  const auto meta = spool_->connection().query("SELECT spool_id FROM spool_meta WHERE id = 1").rows;
  if (!meta.empty()) {
    id_ = meta[0].text(0);
    if (mark_of(main_.connection(), id_) >= 0) return;
    if (const auto waiting = pending(); waiting > 0) {
      throw DbError(DbError::Kind::unavailable,
                    "the access-log spool " + path_ + " holds " + std::to_string(waiting) +
                        " logged reads for another database (this database does not know spool " + id_ +
                        "). Start Voordeur with the database they belong to so they are moved into its access "
                        "log, or move the file away (its rows are then not in any access log).");
    }
  }
  register_new(now);
}

void AccessLogSpool::register_new(std::int64_t now) {
  id_ = random_id();
  {
    WriteTransaction tx(main_);
    tx.conn().query("INSERT INTO access_log_spool_marks (spool_id, last_seq, registered_at) VALUES ($1, 0, $2)",
                    {id_, now});
    tx.commit();
  }
  WriteTransaction tx(*spool_);
  tx.conn().query("DELETE FROM spool");
  tx.conn().query("DELETE FROM spool_meta");
  tx.conn().query("INSERT INTO spool_meta (id, spool_id) VALUES (1, $1)", {id_});
  tx.commit();
}

void AccessLogSpool::append(const std::vector<AccessLogInput>& rows) {
  if (rows.empty()) return;
  WriteTransaction tx(*spool_);
  for (const auto& e : rows) {
    tx.conn().query(
        "INSERT INTO spool (at, user_id, on_behalf_of, person_id, record_type, record_id, action, detail, "
        "break_glass_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        {e.at, e.user_id, opt(e.on_behalf_of), opt(e.person_id), e.record_type, opt(e.record_id), e.action,
         opt(e.detail), opt(e.break_glass_reason)});
  }
  tx.commit();
}

std::int64_t AccessLogSpool::pending() {
  return spool_->connection().query("SELECT COUNT(*) FROM spool").rows.at(0).integer(0);
}

std::size_t AccessLogSpool::move(std::size_t max_rows) {
  std::int64_t last = 0;
  std::size_t moved = 0;
  {
    WriteTransaction tx(main_);
    const auto mark = mark_of(tx.conn(), id_);
    if (mark < 0) {
      throw DbError(DbError::Kind::other, "the access-log spool " + path_ + " is no longer registered in the database");
    }
    const auto rows = spool_->connection()
                          .query("SELECT seq, at, user_id, on_behalf_of, person_id, record_type, record_id, action, "
                                 "detail, break_glass_reason FROM spool WHERE seq > $1 ORDER BY seq LIMIT $2",
                                 {mark, static_cast<std::int64_t>(max_rows)})
                          .rows;
    last = mark;
    if (!rows.empty()) {
      std::vector<AccessLogInput> entries;
      entries.reserve(rows.size());
      for (const auto& r : rows) entries.push_back(access_log_input_from(r));
      append_access_log(tx.conn(), entries);
      last = rows.back().integer(0);
      tx.conn().query("UPDATE access_log_spool_marks SET last_seq = $1 WHERE spool_id = $2", {last, id_});
      tx.commit();
      moved = rows.size();
    }
  }
  spool_->connection().query("DELETE FROM spool WHERE seq <= $1", {last});
  return moved;
}

}  // namespace voordeur::store
