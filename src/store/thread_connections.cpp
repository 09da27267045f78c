#include "store/thread_connections.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace voordeur::store::detail {

struct ThreadConnections::Shared {
  std::mutex mutex;
  std::unordered_map<std::thread::id, std::unique_ptr<Connection>> connections;

  // Called on a thread's exit: closes that thread's connection, outside the lock.
  void release(std::thread::id thread) {
    std::unique_ptr<Connection> closing;
    {
      std::lock_guard lock(mutex);
      auto it = connections.find(thread);
      if (it == connections.end()) return;
      closing = std::move(it->second);
      connections.erase(it);
    }
  }
};

namespace {

std::atomic<std::uint64_t> next_registry_id{1};

// The calling thread's view of all registries it has a connection in. The pointer is a cache for
// the lock-free lookup; the weak pointer lets the thread release its connection on exit without
// keeping a destroyed registry alive or touching it.
struct ThreadEntry {
  std::uint64_t registry_id;
  std::weak_ptr<ThreadConnections::Shared> shared;
  Connection* connection;
};

struct ThreadState {
  std::vector<ThreadEntry> entries;

  ~ThreadState() {
    const auto self = std::this_thread::get_id();
    for (auto& entry : entries) {
      if (auto shared = entry.shared.lock()) shared->release(self);
    }
  }
};

thread_local ThreadState thread_state;

}  // namespace

ThreadConnections::ThreadConnections()
    : shared_(std::make_shared<Shared>()), id_(next_registry_id.fetch_add(1)) {}

ThreadConnections::~ThreadConnections() {
  std::unordered_map<std::thread::id, std::unique_ptr<Connection>> closing;
  std::lock_guard lock(shared_->mutex);
  closing.swap(shared_->connections);
}

Connection* ThreadConnections::current() const noexcept {
  for (const auto& entry : thread_state.entries) {
    if (entry.registry_id == id_) return entry.connection;
  }
  return nullptr;
}

Connection& ThreadConnections::adopt(std::unique_ptr<Connection> conn) {
  auto& entries = thread_state.entries;
  // Forget registries that were destroyed, so a long-lived thread does not accumulate entries.
  std::erase_if(entries, [](const ThreadEntry& e) { return e.shared.expired(); });
  entries.reserve(entries.size() + 1);
  Connection* raw = conn.get();
  {
    std::lock_guard lock(shared_->mutex);
    shared_->connections[std::this_thread::get_id()] = std::move(conn);
  }
  entries.push_back(ThreadEntry{id_, shared_, raw});
  return *raw;
}

std::size_t ThreadConnections::size() const {
  std::lock_guard lock(shared_->mutex);
  return shared_->connections.size();
}

}  // namespace voordeur::store::detail
