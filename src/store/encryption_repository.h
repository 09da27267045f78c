// The sensitive columns that are stored sealed (field_crypto.h), and the queries that seal them
// all at once: at the first start with encryption (rows written before it are plain text) and when
// `voordeur rotate-key` moves every value to a new key. Searching and sorting never use these
// columns. The list and the reasons are in docs/decisions.md ("Encryption at rest").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"
#include "store/field_crypto.h"

namespace voordeur::store {

struct SealedColumn {
  std::string_view table;
  std::string_view key;  // the table's primary key column
  std::string_view column;
};
const std::vector<SealedColumn>& sealed_columns();

// Seals every non-empty value of the sealed columns that is not yet sealed with ring's current key
// (plain text, or sealed with another key of the ring). Returns how many values it rewrote. Call
// inside a write transaction.
std::int64_t reseal_all(Connection& c, const KeyRing& ring);

// The id of the key that sealed the database; nullopt before the first sealing.
std::optional<std::string> recorded_key_id(Connection& c);
void record_key_id(Connection& c, const std::string& key_id, std::int64_t now);

// The stored text of a column as it is on disk (not opened), for tests and checks.
std::vector<std::string> raw_column_values(Connection& c, const SealedColumn& column);

}  // namespace voordeur::store
