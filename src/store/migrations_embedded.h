// The migrations compiled into this binary (generated from migrations/NNNN_name.sql by CMake).
// Internal to store/: other layers call migrate() and latest_schema_version() from db.h.
#pragma once

#include <span>
#include <string_view>

namespace voordeur::store::detail {

struct EmbeddedMigration {
  int version;             // NNNN of the file name
  std::string_view name;   // the file name's part after NNNN_, without .sql
  std::string_view sql;    // file contents; {{ID}} still to be replaced per back end
};

// Sorted by version, versions strictly increasing (checked at configure time). Never empty.
std::span<const EmbeddedMigration> embedded_migrations();

}  // namespace voordeur::store::detail
