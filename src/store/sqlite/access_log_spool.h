// The access log's spool: logged reads and searches wait here, in a small SQLite file of their
// own, between app::AccessLog's in-memory queue and the hash-chained access_log table of the main
// database (store/access_log_repository.h).
//
// Why a separate file: on SQLite, every commit to the main database makes each other connection
// drop its page cache and its memory map of the file at its next read. Committing the read rows to
// the main database every second cost a busy case view about a sixth of its throughput
// (docs/benchmarks.md). The spool takes the frequent small commits; move() appends to the chain in
// large, rare batches. The spool file is always SQLite, whatever the main database is.
//
// Exactly once: the main database records per spool (a random id kept in the spool file) the last
// spool row it has appended (access_log_spool_marks), in the transaction that appends the rows;
// those rows are deleted from the spool afterwards. A crash between the two leaves rows that the
// next move() skips. Spool row numbers are never reused (AUTOINCREMENT), so the mark stays valid.
//
// A spool belongs to the database that registered it. Opening a spool that still holds rows for
// another database (or for a main database that was restored from an older backup without its
// registration) fails with a message, rather than appending those rows to the wrong log; an empty
// one is registered anew.
//
// Not thread-safe: the caller serialises all calls (app::AccessLog holds one mutex around them).
// Calls may come from different threads; each uses its own connection to the spool file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/access_log_repository.h"
#include "store/db.h"

namespace voordeur::store {

class AccessLogSpool {
 public:
  // Opens (creating when missing) the spool file at path and registers it with main (whose
  // migrations must have run). Throws DbError(unavailable) with a message a sysadmin can act on.
  AccessLogSpool(const std::string& path, Database& main, std::int64_t now);

  // Appends the rows in one transaction of the spool file. Throws DbError.
  void append(const std::vector<AccessLogInput>& rows);
  // Rows waiting to be moved.
  std::int64_t pending();
  // Appends up to max_rows waiting rows, oldest first, to main's access log in one transaction,
  // then deletes them from the spool. Returns how many were moved. Throws DbError.
  std::size_t move(std::size_t max_rows);

  const std::string& id() const { return id_; }

 private:
  void register_new(std::int64_t now);

  std::string path_;
  Database& main_;
  std::unique_ptr<Database> spool_;
  std::string id_;
};

}  // namespace voordeur::store
