// `voordeur backup`: a copy of the database (with what is still in its WAL), the access-log spool
// and the consent scans in a new folder readable only by its owner; a used folder is refused and left
// as it was; a failed backup keeps nothing.
#include <gtest/gtest.h>

#include <fstream>

#include "app/app_test_support.h"
#include "app/backup.h"

namespace voordeur::app {
namespace {

class BackupTest : public apptest::DemoAppTest {
 protected:
  BackupTest() : DemoAppTest("voordeur_backup_", 1'790'000'000) {
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_);
  }
  ~BackupTest() override { std::filesystem::remove_all(root_); }

  std::int64_t count(const std::string& file, const std::string& table) {
    auto copy = store::open_database("sqlite:" + file);
    return copy->connection().query("SELECT COUNT(*) FROM " + table).rows.at(0).integer(0);
  }

  std::filesystem::path root_ = std::filesystem::temp_directory_path() / ("voordeur_backup_" + std::to_string(::getpid()));
};

TEST_F(BackupTest, CopiesTheDatabaseTheSpoolAndTheScansIntoANewPrivateFolder) {
  // A write after the demo stays in the WAL: the open connection keeps it from being checkpointed.
  const auto before = db_->connection().query("SELECT COUNT(*) FROM cases").rows.at(0).integer(0);
  db_->connection().exec_script("INSERT INTO teams (name, created_at) VALUES ('Team Backup', 1790000000)");
  const std::string spool = (root_ / "spool.db").string();
  {
    auto s = store::open_database("sqlite:" + spool);
    s->connection().exec_script("CREATE TABLE spool (seq INTEGER PRIMARY KEY); INSERT INTO spool VALUES (7)");
  }
  const ScanFiles scans(root_ / "scans");
  const std::string scan = scans.write("%PDF-1.4 signed form");

  const auto folder = root_ / "backup";
  const auto report = backup({path_, spool, &scans}, folder);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->database);
  EXPECT_TRUE(report->spool);
  EXPECT_EQ(report->scan_files, 1);

  const auto copy = (folder / std::filesystem::path(path_).filename()).string();
  EXPECT_EQ(count(copy, "cases"), before);
  EXPECT_EQ(count(copy, "teams WHERE name = 'Team Backup'"), 1);
  EXPECT_EQ(count((folder / "spool.db").string(), "spool"), 1);
  EXPECT_EQ(ScanFiles(folder / "scans").read(scan), "%PDF-1.4 signed form");
  EXPECT_EQ(std::filesystem::status(folder).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_all);
}

TEST_F(BackupTest, RefusesAFolderInUseAndLeavesItAsItWas) {
  const auto folder = root_ / "used";
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "earlier.db") << "an earlier backup";
  const auto report = backup({path_, "", nullptr}, folder);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, "backup_failed");
  EXPECT_NE(report.error().message.find("not empty"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(folder / "earlier.db"));
  EXPECT_FALSE(std::filesystem::exists(folder / std::filesystem::path(path_).filename()));

  std::ofstream(root_ / "a-file") << "x";
  const auto onto_file = backup({path_, "", nullptr}, root_ / "a-file");
  ASSERT_FALSE(onto_file.ok());
  EXPECT_TRUE(std::filesystem::exists(root_ / "a-file"));
}

TEST_F(BackupTest, AFailedBackupKeepsNothing) {
  const auto folder = root_ / "failed";
  const auto report = backup({(root_ / "missing.db").string(), "", nullptr}, folder);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("no such database file"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(folder));
}

}  // namespace
}  // namespace voordeur::app
