// The key file and file encryption of app/encryption.h on SQLite (the store tests cover both back
// ends for the sealed columns; tests/api/encryption.test.mjs covers the CLI).
#include "app/encryption.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/encryption_repository.h"

namespace voordeur::app {
namespace {

namespace fs = std::filesystem;

class EncryptionAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/voordeur-encryption-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    db_ = store::open_database("sqlite:" + (dir_ / "v.db").string());
    store::migrate(*db_);
  }
  void TearDown() override {
    store::install_key_ring(nullptr);
    db_.reset();
    fs::remove_all(dir_);
  }
  std::string key_path() const { return (dir_ / "voordeur.key").string(); }

  fs::path dir_;
  std::unique_ptr<store::Database> db_;
};

TEST_F(EncryptionAppTest, FirstStartCreatesAPrivateKeyFileAndRecordsItsId) {
  const auto started = start_encryption(*db_, key_path(), 1000);
  EXPECT_TRUE(started.key_created);
  struct stat st {};
  ASSERT_EQ(::stat(key_path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(store::recorded_key_id(db_->connection()), started.key_id);
  EXPECT_EQ(store::field_key_id(read_key_file(key_path())), started.key_id);

  const auto again = start_encryption(*db_, key_path(), 2000);
  EXPECT_FALSE(again.key_created);
  EXPECT_EQ(again.key_id, started.key_id);
}

TEST_F(EncryptionAppTest, KeyFileReadableByOthersOrMalformedIsRefused) {
  start_encryption(*db_, key_path(), 1000);
  ::chmod(key_path().c_str(), 0640);
  try {
    read_key_file(key_path());
    FAIL() << "a key file readable by the group was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("chmod 600"), std::string::npos) << e.what();
  }
  EXPECT_THROW(start_encryption(*db_, key_path(), 2000), std::runtime_error);

  const std::string bad = (dir_ / "bad.key").string();
  std::ofstream(bad) << "not a key\n";
  ::chmod(bad.c_str(), 0600);
  EXPECT_THROW(read_key_file(bad), std::runtime_error);
  EXPECT_THROW(write_key_file(key_path(), store::generate_field_key()), std::runtime_error) << "never overwrites";
}

TEST_F(EncryptionAppTest, FileBytesRoundTripWithTheInstalledKeyOnly) {
  EXPECT_THROW(seal_file_bytes("scan"), std::runtime_error) << "no key loaded yet";
  start_encryption(*db_, key_path(), 1000);
  const std::string scan("%PDF-1.4\n\x00\xff signed form", 24);
  const std::string sealed = seal_file_bytes(scan);
  EXPECT_EQ(sealed.find("signed form"), std::string::npos);
  EXPECT_EQ(open_file_bytes(sealed), scan);
  EXPECT_THROW(open_file_bytes(scan), std::runtime_error);
}

TEST_F(EncryptionAppTest, RotationReplacesTheKeyAndLeavesNoSideFiles) {
  const auto started = start_encryption(*db_, key_path(), 1000);
  const auto rotation = rotate_key(*db_, key_path(), 2000);
  EXPECT_EQ(rotation.old_key_id, started.key_id);
  EXPECT_NE(rotation.new_key_id, started.key_id);
  EXPECT_EQ(store::field_key_id(read_key_file(key_path())), rotation.new_key_id);
  EXPECT_EQ(store::recorded_key_id(db_->connection()), rotation.new_key_id);
  EXPECT_FALSE(fs::exists(key_path() + ".new"));
  EXPECT_FALSE(fs::exists(key_path() + ".old"));
}

TEST_F(EncryptionAppTest, UnfinishedRotationBeforeTheCommitIsUndoneAtStart) {
  const auto started = start_encryption(*db_, key_path(), 1000);
  write_key_file(key_path() + ".new", store::generate_field_key());
  const auto again = start_encryption(*db_, key_path(), 2000);
  EXPECT_EQ(again.key_id, started.key_id);
  EXPECT_FALSE(fs::exists(key_path() + ".new"));
}

}  // namespace
}  // namespace voordeur::app
