// The one place where storage failures become error values: every use case runs its database
// work through in_transaction()/in_read(), which catch store::DbError and return
// Error{"internal" or "unavailable" or "conflict"} (the details are logged without personal data).
#pragma once

#include <utility>

#include "app/log.h"
#include "domain/errors.h"
#include "store/db.h"

namespace voordeur::app {

domain::Error storage_error(const store::DbError& e);

// fn(store::Connection&) -> domain::Result<T>; committed when the result is ok, rolled back otherwise.
template <typename Fn>
auto in_transaction(store::Database& db, Fn&& fn) -> decltype(fn(std::declval<store::Connection&>())) {
  try {
    store::WriteTransaction tx(db);
    auto result = fn(tx.conn());
    if (result.ok()) tx.commit();
    return result;
  } catch (const store::DbError& e) {
    return storage_error(e);
  }
}

// fn(store::Connection&) -> domain::Result<T>, for reads (no write lock, one snapshot).
template <typename Fn>
auto in_read(store::Database& db, Fn&& fn) -> decltype(fn(std::declval<store::Connection&>())) {
  try {
    store::Connection& c = db.connection();
    c.begin_read();
    try {
      auto result = fn(c);
      c.commit();
      return result;
    } catch (...) {
      try {
        c.rollback();
      } catch (const store::DbError&) {
      }
      throw;
    }
  } catch (const store::DbError& e) {
    return storage_error(e);
  }
}

}  // namespace voordeur::app
