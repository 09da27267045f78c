// `voordeur backup`: a copy, into a new folder, of everything a restore needs apart from the key
// file (kept elsewhere on purpose): the SQLite database, the access-log spool and the signed consent
// scans. Safe while the server runs: each database file is copied as one consistent snapshot.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "app/scan_files.h"
#include "domain/errors.h"

namespace voordeur::app {

struct BackupSources {
  std::optional<std::string> database_file;  // nullopt for PostgreSQL (back it up with pg_dump)
  std::string spool_file;                    // copied when it exists
  const ScanFiles* scans = nullptr;
};

struct BackupReport {
  std::filesystem::path folder;
  bool database = false;
  bool spool = false;
  int scan_files = 0;
};

// Copies into `folder`, which must not exist yet or be empty: the spool first, then the database,
// so that a restore of both never appends a logged read twice (the database's mark of the spool is
// at least as new as the spool copy). On failure the folder is removed again and the error says why
// (code "backup_failed").
domain::Result<BackupReport> backup(const BackupSources& from, const std::filesystem::path& folder);

}  // namespace voordeur::app
