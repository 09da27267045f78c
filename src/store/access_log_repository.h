// The access log (NEN 7513): append, query, verify and purge, in portable SQL on both back ends.
//
// The chain: rows have consecutive ids 1, 2, 3, ... given by the appender. Each row's hash is
// BLAKE2b-256 (libsodium crypto_generichash) over canonical_access_log_row(): every field of the
// row, its id and the previous row's hash, each written as <length>:<bytes> or '-' for NULL, so no
// two different rows serialise the same. The first row's prev_hash is kGenesisHash.
// access_log_head holds the newest id and hash: append_access_log() locks that one row first
// (UPDATE ... RETURNING), so appends are serialised on SQLite (which has one writer anyway) and
// on PostgreSQL (row lock until commit), and it anchors the end of the chain for verify.
//
// What verify detects: an edited row (its hash no longer matches), a deleted row (a gap in the ids,
// or the next row's prev_hash no longer matches), a forged row inserted between others (ids are
// unique, so it must replace or renumber rows, which breaks hashes), a forged row appended after
// the head, and deleted newest rows (the head names an id that is gone). What it cannot detect:
// someone with write access to the database who recomputes every hash after their change and
// rewrites the head and checkpoints to match. Against that the operator records the head hash
// that `voordeur audit verify` prints somewhere else (a ticket, a printed report) and compares it
// with --expect-head later: a rewritten chain no longer contains that hash at that id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/db.h"

namespace voordeur::store {

inline constexpr const char* kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// One event to log; at is Unix seconds.
struct AccessLogInput {
  std::int64_t at = 0;
  std::int64_t user_id = 0;
  std::optional<std::string> on_behalf_of;  // e.g. "team:3"
  std::optional<std::int64_t> person_id;
  std::string record_type;  // case, signal, contact, person, household, access_log, ...
  std::optional<std::int64_t> record_id;
  std::string action;  // read | create | change | delete | export | print | search
  std::optional<std::string> detail;  // searches: the filter and the ids returned
  std::optional<std::string> break_glass_reason;
};

struct AccessLogRow {
  std::int64_t id = 0;
  AccessLogInput entry;
  std::string prev_hash;
  std::string hash;
};

// The entry of a row whose columns 1-9 are at, user_id, on_behalf_of, person_id, record_type,
// record_id, action, detail, break_glass_reason (column 0 is the row's number).
AccessLogInput access_log_input_from(const Row& r);

// The exact bytes that are hashed for a row.
std::string canonical_access_log_row(std::int64_t id, const AccessLogInput& e, const std::string& prev_hash);
// Lower-case hex BLAKE2b-256 of canonical_access_log_row().
std::string access_log_hash(std::int64_t id, const AccessLogInput& e, const std::string& prev_hash);

// Appends the entries in order at the end of the chain. Must run inside a write transaction (the
// caller's, so a log row commits or rolls back with the change it records). Returns the last id.
std::int64_t append_access_log(Connection& c, const std::vector<AccessLogInput>& entries);

struct AccessLogFilter {
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> from;  // at >= from
  std::optional<std::int64_t> to;    // at < to
  int limit = 50;
  int offset = 0;
};

struct AccessLogEntryView {
  AccessLogRow row;
  std::string user_display_name;  // "" when the user no longer exists
  std::string user_role;          // the user's role now; "" when the user no longer exists
};

struct AccessLogPage {
  std::vector<AccessLogEntryView> items;  // newest first (by at, then id)
  std::int64_t total = 0;
};

AccessLogPage query_access_log(Connection& c, const AccessLogFilter& f);
// Every row about the person, oldest first (the subject-access export).
std::vector<AccessLogEntryView> person_access_log(Connection& c, std::int64_t person_id);

struct AccessLogVerification {
  bool ok = true;
  std::int64_t rows_checked = 0;
  std::int64_t head_id = 0;      // the newest id (per the head row)
  std::string head_hash;         // and its hash
  std::optional<std::int64_t> first_bad_id;
  std::string problem;           // what is wrong at first_bad_id, in words an operator can act on
};

// Walks the chain from the newest checkpoint (or the first row) to the head, in pages.
// expect_head: an id and hash recorded earlier; the row with that id must still have that hash.
AccessLogVerification verify_access_log(
    Connection& c, const std::optional<std::pair<std::int64_t, std::string>>& expect_head = std::nullopt);

struct AccessLogPurge {
  std::int64_t rows_deleted = 0;
  std::int64_t last_deleted_id = 0;  // 0 when nothing was deleted
};

// Deletes the oldest rows, up to (not including) the first row logged at or after `cutoff_at`, and
// records a checkpoint with the last deleted row's id and hash. Must run inside a write transaction.
AccessLogPurge purge_access_log(Connection& c, std::int64_t cutoff_at, std::int64_t now);

}  // namespace voordeur::store

namespace voordeur::store {

// The team and the person of a case, for logging; nullopt when the case does not exist.
struct CaseSubject {
  std::int64_t team_id = 0;
  std::int64_t person_id = 0;
};
std::optional<CaseSubject> case_subject(Connection& c, std::int64_t case_id);

}  // namespace voordeur::store
