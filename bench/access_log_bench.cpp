// Google Benchmark of the access log: what a read adds to the request path (AccessLog::enqueue,
// which only appends to an in-memory queue), and what the writer thread pays per batch
// (store::append_access_log of N rows in one write transaction: hashing plus inserts).
// Runs on a temporary SQLite database of its own (or VOORDEUR_BENCH_DATABASE, which it writes to:
// use an empty database).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "app/access_log.h"
#include "app/clock.h"
#include "store/access_log_repository.h"
#include "store/db.h"

namespace {

using namespace voordeur;

struct Fixture {
  std::string path;
  std::unique_ptr<store::Database> db;
  app::SystemClock clock;
  Fixture() {
    const char* url = std::getenv("VOORDEUR_BENCH_DATABASE");
    if (url != nullptr && *url != '\0') {
      db = store::open_database(url);
    } else {
      path = (std::filesystem::temp_directory_path() / ("voordeur-access-log-bench-" + std::to_string(::getpid()) + ".db"))
                 .string();
      db = store::open_database("sqlite:" + path);
    }
    store::migrate(*db);
  }
  ~Fixture() {
    db.reset();
    if (path.empty()) return;
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ignored);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

domain::Actor actor() {
  domain::Actor a;
  a.user_id = 3;
  a.role = "team_lead";
  return a;
}

// The request path of a case view: one enqueue. The writer runs as in production (every 100 ms).
void BM_Enqueue(benchmark::State& state) {
  auto& f = fixture();
  app::AccessLog log(*f.db, f.clock);
  const auto a = actor();
  domain::Id id = 1;
  for (auto _ : state) {
    log.enqueue(a, app::access::read, app::Access{"case", id, id + 1000, 7});
    ++id;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Enqueue)->Threads(1)->Threads(4)->UseRealTime();

// One batch of the writer thread: N rows appended in one write transaction.
void BM_AppendBatch(benchmark::State& state) {
  auto& f = fixture();
  std::vector<store::AccessLogInput> batch;
  for (std::int64_t i = 0; i < state.range(0); ++i) {
    store::AccessLogInput e;
    e.at = 1795348800 + i;
    e.user_id = 3;
    e.on_behalf_of = "team:7";
    e.person_id = 1000 + i;
    e.record_type = "case";
    e.record_id = i + 1;
    e.action = "read";
    batch.push_back(std::move(e));
  }
  for (auto _ : state) {
    store::WriteTransaction tx(*f.db);
    store::append_access_log(tx.conn(), batch);
    tx.commit();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AppendBatch)->Arg(1)->Arg(10)->Arg(100)->Arg(500);

}  // namespace

BENCHMARK_MAIN();
