// One Connection per thread for one Database; shared by the SQLite and PostgreSQL back ends.
// Internal to store/.
//
// Ownership: the registry owns every connection. A thread's connection is closed when that thread
// exits or when the registry is destroyed, whichever comes first. Several registries (several
// Database objects) may live in one process and one thread may use all of them.
// Thread safety: all members may be called from any thread; current() takes no lock.
#pragma once

#include <cstdint>
#include <memory>

#include "store/db.h"

namespace voordeur::store::detail {

class ThreadConnections {
 public:
  ThreadConnections();
  ~ThreadConnections();
  ThreadConnections(const ThreadConnections&) = delete;
  ThreadConnections& operator=(const ThreadConnections&) = delete;

  // The calling thread's connection, or nullptr when it has none yet.
  Connection* current() const noexcept;
  // Takes ownership of the calling thread's newly opened connection and returns it.
  // Precondition: current() == nullptr.
  Connection& adopt(std::unique_ptr<Connection> conn);
  // Number of open connections (for tests and diagnostics).
  std::size_t size() const;

  struct Shared;

 private:
  std::shared_ptr<Shared> shared_;
  std::uint64_t id_;  // unique per registry for the process lifetime, so never reused
};

}  // namespace voordeur::store::detail
