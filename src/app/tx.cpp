#include "app/tx.h"

namespace voordeur::app {

domain::Error storage_error(const store::DbError& e) {
  using Kind = store::DbError::Kind;
  switch (e.kind()) {
    case Kind::unique_violation:
      return domain::make_error("conflict", "This already exists; choose another value.");
    case Kind::unavailable:
      log::error("database unavailable", {{"error", e.what()}});
      return domain::make_error("unavailable", "The database cannot be reached; try again in a minute.");
    case Kind::foreign_key_violation:
    case Kind::other:
      break;
  }
  log::error("database error", {{"error", e.what()}});
  return domain::make_error("internal", "Something went wrong on the server; nothing was changed.");
}

}  // namespace voordeur::app
