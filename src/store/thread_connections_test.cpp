#include "store/thread_connections.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace voordeur::store::detail {
namespace {

std::atomic<int> closed{0};

class FakeConnection final : public Connection {
 public:
  ~FakeConnection() override { ++closed; }
  using Connection::query;
  ResultSet query(std::string_view, const std::vector<Value>&) override { return {}; }
  void exec_script(std::string_view) override {}
  void begin_write() override {}
  void begin_read() override {}
  void commit() override {}
  void rollback() override {}
};

Connection& get(ThreadConnections& registry) {
  if (Connection* c = registry.current()) return *c;
  return registry.adopt(std::make_unique<FakeConnection>());
}

TEST(ThreadConnections, SameThreadGetsTheSameConnectionOtherThreadsTheirOwn) {
  ThreadConnections registry;
  EXPECT_EQ(registry.current(), nullptr);
  Connection& mine = get(registry);
  EXPECT_EQ(&get(registry), &mine);
  EXPECT_EQ(registry.current(), &mine);

  Connection* theirs = nullptr;
  std::thread([&] {
    EXPECT_EQ(registry.current(), nullptr);
    theirs = &get(registry);
    EXPECT_EQ(&get(registry), theirs);
  }).join();
  EXPECT_NE(theirs, &mine);
  EXPECT_EQ(registry.current(), &mine);
}

TEST(ThreadConnections, ThreadExitClosesThatThreadsConnectionOnly) {
  ThreadConnections registry;
  get(registry);
  const int before = closed.load();
  std::thread([&] {
    get(registry);
    EXPECT_EQ(registry.size(), 2u);
  }).join();
  EXPECT_EQ(closed.load(), before + 1);
  EXPECT_EQ(registry.size(), 1u);
  EXPECT_NE(registry.current(), nullptr);
}

TEST(ThreadConnections, DestroyingTheRegistryClosesAllConnections) {
  const int before = closed.load();
  std::atomic<bool> release{false};
  std::atomic<bool> ready{false};
  std::thread worker;
  {
    ThreadConnections registry;
    get(registry);
    worker = std::thread([&] {
      get(registry);
      ready = true;
      while (!release) std::this_thread::yield();
    });
    while (!ready) std::this_thread::yield();
  }
  EXPECT_EQ(closed.load(), before + 2);
  release = true;
  worker.join();  // the thread's exit must not touch the destroyed registry
  EXPECT_EQ(closed.load(), before + 2);
}

TEST(ThreadConnections, SeveralRegistriesOnOneThreadAreIndependent) {
  auto first = std::make_unique<ThreadConnections>();
  ThreadConnections second;
  Connection& a = get(*first);
  Connection& b = get(second);
  EXPECT_NE(&a, &b);
  EXPECT_EQ(first->current(), &a);
  EXPECT_EQ(second.current(), &b);

  first.reset();
  ThreadConnections third;  // may reuse the first one's memory, must not see its connection
  EXPECT_EQ(third.current(), nullptr);
  EXPECT_EQ(second.current(), &b);
}

}  // namespace
}  // namespace voordeur::store::detail
