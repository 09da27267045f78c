// SQLite back end of store/db.h. Internal to store/: use open_database() from db.h.
//
// One sqlite3 connection per thread (opened with journal_mode=WAL, foreign_keys=ON,
// busy_timeout=5000, synchronous=NORMAL), each with its own prepared statement cache.
#pragma once

#include <memory>
#include <string>

#include "store/db.h"

namespace voordeur::store::sqlite {

// Opens (creating when missing) the database file at path and the calling thread's connection.
// Throws DbError(unavailable) naming the path when the file cannot be opened or set up.
std::unique_ptr<Database> open(const std::string& path);

// Copies the SQLite database file `from` into the new file `to` with SQLite's online backup: one
// consistent copy, also while a running server reads and writes `from` (its WAL included). The copy
// is checked with PRAGMA quick_check. Throws DbError(unavailable) with a message a sysadmin can act
// on: `from` missing, `to` already there, a file that cannot be read or written, a failed check.
void backup_file(const std::string& from, const std::string& to);

}  // namespace voordeur::store::sqlite
