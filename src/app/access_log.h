// The access log (NEN 7513): every read, search and change of personal data leaves a row in the
// hash-chained table of store/access_log_repository.h.
// - Changes: record() appends inside the use case's own write transaction, so a failed change
//   leaves no row and a committed change always has one. Call it last in the transaction, after
//   the other writes, so the head row is locked as briefly as possible.
// - Reads and searches: enqueue() only appends to an in-memory queue (no I/O, no heap allocation
//   for the usual short fields); a writer thread appends the queue in one transaction per batch
//   (group commit) every flush_interval or when batch_rows are waiting, and at stop() (graceful
//   shutdown). A failed batch stays queued and is retried at the next tick. With a spool file
//   (Options::spool_path; the server always has one) those batches are committed to the spool
//   (store/sqlite/access_log_spool.h) and moved into the main database's chain every
//   move_interval or when move_rows are waiting: on SQLite every commit to the main database makes
//   each other connection drop its page cache and memory map, so commits there must be rare for a
//   busy case view to stay cheap (docs/benchmarks.md). Without one they go straight into the chain.
//   Whoever reads the log calls flush() first and so sees every read made before.
// break_glass_reason: set when the actor used emergency access (the roles feature passes it).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/clock.h"
#include "domain/errors.h"
#include "domain/model.h"
#include "store/access_log_repository.h"
#include "store/sqlite/access_log_spool.h"
#include "store/db.h"

namespace voordeur::app {

// What was touched. record_type and action are string literals of the vocabulary below.
struct Access {
  const char* record_type;  // case, signal, contact, household, preparation, check_in, review, ...
  std::optional<domain::Id> record_id;
  std::optional<domain::Id> person_id;
  std::optional<domain::Id> team_id;  // logged as on_behalf_of "team:<id>"
  std::optional<std::string> detail = std::nullopt;  // searches: the filter and the ids returned
};

namespace access {
inline constexpr const char* read = "read";
inline constexpr const char* create = "create";
inline constexpr const char* change = "change";
inline constexpr const char* remove = "delete";
inline constexpr const char* export_ = "export";
inline constexpr const char* print = "print";
inline constexpr const char* search = "search";
}  // namespace access

// "ids=1,2,3" for the detail of a search.
std::string ids_detail(const std::vector<domain::Id>& ids);

class AccessLog {
 public:
  struct Options {
    std::chrono::milliseconds flush_interval{1000};
    std::size_t batch_rows = 20000;
    std::string spool_path;  // empty: no spool
    std::chrono::seconds move_interval{60};
    std::size_t move_rows = 50000;  // also the most rows appended to the chain in one transaction
  };

  AccessLog(store::Database& db, const Clock& clock) : AccessLog(db, clock, Options{}) {}
  // Opens the spool when options name one: throws store::DbError(unavailable) with a message for
  // the sysadmin when it cannot be opened or holds rows of another database.
  AccessLog(store::Database& db, const Clock& clock, Options options);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // A change, in the caller's write transaction. Throws store::DbError like every store call.
  void record(store::Connection& c, const domain::Actor& a, const char* action, Access what,
              std::optional<std::string> break_glass_reason = std::nullopt);
  // A change of a case or of something on it (record_type, record_id), logged with the case's
  // person and team, in the caller's write transaction.
  void record_case(store::Connection& c, const domain::Actor& a, const char* action, domain::Id case_id,
                   const char* record_type = "case", std::optional<domain::Id> record_id = std::nullopt,
                   std::optional<std::string> detail = std::nullopt,
                   std::optional<std::string> break_glass_reason = std::nullopt);
  // A read or search: queued for the writer thread.
  void enqueue(const domain::Actor& a, const char* action, Access what,
               std::optional<std::string> break_glass_reason = std::nullopt);
  // Writes everything queued or spooled before the call into the chain (waits for a batch in
  // flight). Before the log is read, and at stop().
  void flush();
  // Flushes and ends the writer thread; later enqueue() calls are written by flush() only. Idempotent.
  void stop();

  // Deletes rows older than cutoff_at (Unix seconds), leaving a checkpoint; for the retention job.
  domain::Result<store::AccessLogPurge> purge(std::int64_t cutoff_at);
  // Walks the whole chain (voordeur audit verify).
  domain::Result<store::AccessLogVerification> verify(
      const std::optional<std::pair<std::int64_t, std::string>>& expect_head = std::nullopt);

 private:
  store::AccessLogInput entry(const domain::Actor& a, const char* action, Access&& what,
                              std::optional<std::string>&& break_glass_reason) const;
  // Appends the queue in one transaction (to the spool when there is one); the caller holds
  // write_mutex_. Returns false on failure.
  bool write_queued();
  // Moves the spool into the chain when due (or always, with force); the caller holds write_mutex_.
  // Returns false on failure (the rows stay in the spool).
  bool move_spooled(bool force);
  void run();

  store::Database& db_;
  const Clock& clock_;
  Options options_;
  std::mutex mutex_;  // guards queue_ and stopping_
  std::condition_variable wake_;
  std::vector<store::AccessLogInput> queue_;
  bool stopping_ = false;
  std::mutex write_mutex_;  // one batch writer at a time (the thread or flush())
  std::vector<store::AccessLogInput> batch_;  // being written; guarded by write_mutex_
  std::unique_ptr<store::AccessLogSpool> spool_;  // used under write_mutex_
  std::size_t spooled_ = 0;                       // rows in the spool; guarded by write_mutex_
  std::chrono::steady_clock::time_point last_move_{};  // guarded by write_mutex_
  std::thread writer_;
};

// The privacy officer's questions to the log, and a case's "who has seen this file".
struct AccessLogQuery {
  std::optional<domain::Id> user_id;
  std::optional<domain::Id> person_id;
  std::optional<std::int64_t> from;  // Unix seconds, inclusive
  std::optional<std::int64_t> to;    // Unix seconds, exclusive
  int limit = 50;
  int offset = 0;
};

class AccessLogService {
 public:
  AccessLogService(store::Database& db, AccessLog& log) : db_(db), log_(log) {}
  // Only the privacy officer (not the admin): forbidden for everyone else. Logged as a search.
  domain::Result<store::AccessLogPage> query(const domain::Actor& a, const AccessLogQuery& q);
  // Who accessed this case's person's file: team members of the case's team and the privacy
  // officer; not_found for anyone else. The privacy officer's look is logged as a search.
  domain::Result<store::AccessLogPage> for_case(const domain::Actor& a, domain::Id case_id, int limit, int offset);

 private:
  store::Database& db_;
  AccessLog& log_;
};

}  // namespace voordeur::app
