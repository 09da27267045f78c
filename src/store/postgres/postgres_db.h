// PostgreSQL back end of store/db.h (libpq). Internal to store/: use open_database() from db.h.
//
// One PGconn per thread, opened on the thread's first use, re-opened before the next statement
// when it was lost (never inside a transaction: that throws DbError(unavailable) until rollback()).
// Statements are prepared once per connection (PQprepare, generated names); parameters and
// results travel as text.
#pragma once

#include <memory>
#include <string>

#include "store/db.h"

namespace voordeur::store::postgres {

// Checks the URL's syntax; connects lazily, so an unreachable server shows as ping() == false and
// as DbError(unavailable) from the first statement. Throws DbError(unavailable) on a malformed URL.
std::unique_ptr<Database> open(const std::string& url);

}  // namespace voordeur::store::postgres
