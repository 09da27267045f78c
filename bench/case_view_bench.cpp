// Google Benchmark of the store queries behind the two busiest screens: the case view
// (store::find_case) and the team's case list (store::list_cases), on a database filled by
// voordeur-bench-generate. The database URL comes from VOORDEUR_BENCH_DATABASE (sqlite:PATH or
// postgresql://...); the database is only read.
//
// Besides the two functions themselves, the parts a GET request adds around them are measured
// separately, so the figures of bench/run.sh can be split up: the read transaction that app/
// opens (in_read: begin_read + commit), and the session lookup of every authenticated request
// (find_session, which also reads the user and their teams, as AuthService::authenticate does), and
// the opening of one sealed value, of which a case view opens about fifteen.
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "app/encryption.h"
#include "store/db.h"
#include "store/field_crypto.h"
#include "store/repository.h"

namespace {

using voordeur::store::Connection;
using voordeur::store::Database;

struct Fixture {
  std::unique_ptr<Database> db;
  voordeur::domain::Id team_a = 0;
  std::vector<voordeur::domain::Id> team_a_case_ids;
};

Fixture load_fixture() {
  const char* url = std::getenv("VOORDEUR_BENCH_DATABASE");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "set VOORDEUR_BENCH_DATABASE to a database filled by voordeur-bench-generate (e.g. sqlite:/tmp/bench.db)");
  }
  Fixture f;
  f.db = voordeur::store::open_database(url);
  // The demo data's sensitive columns are encrypted: load the key the server uses.
  const char* key_file = std::getenv("VOORDEUR_BENCH_KEY_FILE");
  if (key_file == nullptr || *key_file == '\0') {
    throw std::runtime_error("set VOORDEUR_BENCH_KEY_FILE to the database's key file (e.g. data/voordeur.key)");
  }
  voordeur::app::start_encryption(*f.db, key_file, std::time(nullptr));
  Connection& c = f.db->connection();
  const auto team = c.query("SELECT id FROM teams WHERE name = $1", {std::string("Team A")});
  if (team.rows.empty()) throw std::runtime_error("no demo data in " + std::string(url));
  f.team_a = team.rows[0].integer(0);
  for (const auto& r : c.query("SELECT id FROM cases WHERE team_id = $1 ORDER BY id", {f.team_a}).rows) {
    f.team_a_case_ids.push_back(r.integer(0));
  }
  if (f.team_a_case_ids.size() < 1000) {
    throw std::runtime_error("Team A has only " + std::to_string(f.team_a_case_ids.size()) +
                             " cases; run voordeur-bench-generate first");
  }
  return f;
}

Fixture& fixture() {
  static Fixture f = load_fixture();
  return f;
}

// Every thread draws its own deterministic id sequence.
std::mt19937_64 thread_rng(const benchmark::State& state) {
  return std::mt19937_64(7919u * static_cast<unsigned>(state.thread_index() + 1));
}

voordeur::domain::Id random_case(std::mt19937_64& rng) {
  const auto& ids = fixture().team_a_case_ids;
  return ids[std::uniform_int_distribution<std::size_t>(0, ids.size() - 1)(rng)];
}

void BM_FindCase(benchmark::State& state) {
  Connection& c = fixture().db->connection();
  auto rng = thread_rng(state);
  std::int64_t contacts = 0;
  for (auto _ : state) {
    auto k = voordeur::store::find_case(c, random_case(rng));
    contacts += static_cast<std::int64_t>(k->contacts.size());
    benchmark::DoNotOptimize(k);
  }
  state.counters["contacts_per_case"] =
      benchmark::Counter(static_cast<double>(contacts), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_FindCase);

// As app::CaseService::get runs it: inside a read transaction.
void BM_FindCaseInReadTransaction(benchmark::State& state) {
  Connection& c = fixture().db->connection();
  auto rng = thread_rng(state);
  for (auto _ : state) {
    c.begin_read();
    auto k = voordeur::store::find_case(c, random_case(rng));
    c.commit();
    benchmark::DoNotOptimize(k);
  }
}
BENCHMARK(BM_FindCaseInReadTransaction)->Threads(1)->Threads(2)->UseRealTime();

// Opening one sealed value of the size of a generated contact note (70 characters of text), and its
// base64url decoding alone with the store's table decoder and with libsodium's constant-time one
// (docs/decisions.md, "Reading sealed text"). No database needed.
const std::string& sealed_note() {
  static const std::string sealed = [] {
    voordeur::store::KeyRing ring(voordeur::store::generate_field_key());
    return ring.seal("Talked about the letters from the housing corporation; next step agreed.");
  }();
  return sealed;
}

void BM_OpenSealedValue(benchmark::State& state) {
  static const voordeur::store::KeyRing ring(voordeur::store::generate_field_key());
  const std::string sealed = ring.seal("Talked about the letters from the housing corporation; next step agreed.");
  for (auto _ : state) benchmark::DoNotOptimize(ring.open(sealed));
}
BENCHMARK(BM_OpenSealedValue);

std::string_view sealed_body() { return std::string_view(sealed_note()).substr(sealed_note().rfind(':') + 1); }

void BM_Base64urlDecodeTable(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(voordeur::store::decode_base64url(sealed_body()));
}
BENCHMARK(BM_Base64urlDecodeTable);

void BM_Base64urlDecodeLibsodium(benchmark::State& state) {
  const std::string_view body = sealed_body();
  for (auto _ : state) {
    std::string out(body.size(), '\0');
    std::size_t len = 0;
    sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), body.data(), body.size(), nullptr,
                      &len, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(len);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_Base64urlDecodeLibsodium);

// The cost of the read transaction alone (app/tx.h in_read).
void BM_EmptyReadTransaction(benchmark::State& state) {
  Connection& c = fixture().db->connection();
  for (auto _ : state) {
    c.begin_read();
    c.commit();
  }
}
BENCHMARK(BM_EmptyReadTransaction);

// The database part of AuthService::authenticate: the session by token hash with its user and their
// teams, in one query. The token is not stored, so this measures the index probe only.
void BM_SessionLookup(benchmark::State& state) {
  Connection& c = fixture().db->connection();
  const std::string token_hash(64, 'a');
  for (auto _ : state) {
    auto session = voordeur::store::find_session(c, token_hash);
    benchmark::DoNotOptimize(session);
  }
}
BENCHMARK(BM_SessionLookup);

// GET /api/v1/cases?scope=team&status=open&limit=50 with the sort of range(0) (0: the default
// days_since_contact descending, 1: next_attempt ascending) and an offset drawn from the first
// range(1) pages.
void BM_ListCasesTeamOpen(benchmark::State& state) {
  Connection& c = fixture().db->connection();
  auto rng = thread_rng(state);
  voordeur::store::CaseFilter f;
  f.team_ids = {fixture().team_a};
  f.status = "open";
  using voordeur::store::CaseSort;
  f.sort = state.range(0) == 0 ? CaseSort::days_since_contact : CaseSort::next_attempt;
  f.descending = state.range(0) == 0;
  f.limit = 50;
  std::uniform_int_distribution<int> page(0, static_cast<int>(state.range(1)) - 1);
  std::int64_t total = 0;
  for (auto _ : state) {
    f.offset = 50 * page(rng);
    c.begin_read();
    auto p = voordeur::store::list_cases(c, f);
    c.commit();
    total = p.total;
    benchmark::DoNotOptimize(p);
  }
  state.counters["total"] = static_cast<double>(total);
}
BENCHMARK(BM_ListCasesTeamOpen)
    ->ArgNames({"sort", "pages"})
    ->Args({0, 1})
    ->Args({0, 20})
    ->Args({1, 20})
    ->Unit(benchmark::kMillisecond);

// The first of list_cases' two queries on its own: the team's total of open cases.
void BM_CountTeamOpenCases(benchmark::State& state) {
  Connection& c = fixture().db->connection();
  const auto team = fixture().team_a;
  for (auto _ : state) {
    auto rs = c.query("SELECT COUNT(*) FROM cases c WHERE c.team_id = $1 AND c.status = 'open'", {team});
    benchmark::DoNotOptimize(rs);
  }
}
BENCHMARK(BM_CountTeamOpenCases)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  try {
    fixture();
  } catch (const std::exception& e) {
    std::cerr << "case_view_bench: " << e.what() << "\n";
    return 2;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
