#include "app/backup.h"

#include <stdexcept>

#include "store/db.h"

namespace voordeur::app {

domain::Result<BackupReport> backup(const BackupSources& from, const std::filesystem::path& folder) {
  std::error_code error;
  if (std::filesystem::exists(folder, error) && !std::filesystem::is_directory(folder, error)) {
    return domain::make_error("backup_failed", folder.string() + " is a file, not a folder. Give a new folder.");
  }
  if (std::filesystem::exists(folder, error) && !std::filesystem::is_empty(folder, error)) {
    return domain::make_error("backup_failed", "The folder " + folder.string() +
                                                   " is not empty. Give a new folder, so that no earlier backup "
                                                   "is overwritten.");
  }
  BackupReport report;
  report.folder = folder;
  try {
    std::filesystem::create_directories(folder);
    // Personal data: only the account that runs Voordeur may read the backup.
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
    const auto into = [&](const std::string& file) { return (folder / std::filesystem::path(file).filename()).string(); };
    if (std::filesystem::exists(from.spool_file)) {
      store::backup_sqlite_file(from.spool_file, into(from.spool_file));
      report.spool = true;
    }
    if (from.database_file) {
      store::backup_sqlite_file(*from.database_file, into(*from.database_file));
      report.database = true;
    }
    if (from.scans != nullptr) report.scan_files = from.scans->copy_to(folder / "scans");
  } catch (const std::exception& e) {
    std::filesystem::remove_all(folder, error);
    return domain::make_error("backup_failed", std::string(e.what()) + ". Nothing was kept in " + folder.string() + ".");
  }
  return report;
}

}  // namespace voordeur::app
