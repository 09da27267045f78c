// The fixture of the use-case tests: a real SQLite file, migrated and filled with the demo data,
// an injected clock and the auth service to log the demo accounts in.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <unistd.h>
#include <utility>

#include "app/access_log.h"
#include "app/auth.h"
#include "app/clock.h"
#include "app/config.h"
#include "app/demo.h"
#include "store/db.h"

namespace voordeur::app::apptest {

class DemoAppTest : public ::testing::Test {
 protected:
  // The database file is named after file_prefix and this process; the clock starts at now.
  DemoAppTest(const std::string& file_prefix, std::int64_t now, AppConfig config = AppConfig{})
      : path_((std::filesystem::temp_directory_path() / (file_prefix + std::to_string(::getpid()) + ".db")).string()),
        clock_(now),
        config_(std::move(config)) {
    remove_files();
    db_ = store::open_database("sqlite:" + path_);
    store::migrate(*db_);
    auth_ = std::make_unique<AuthService>(*db_, clock_, config_);
    access_log_ = std::make_unique<AccessLog>(*db_, clock_);
    EXPECT_TRUE(create_demo(*db_, clock_).ok());
  }
  ~DemoAppTest() override {
    auth_.reset();
    access_log_.reset();
    db_.reset();
    remove_files();
  }
  void remove_files() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ignored);
  }
  domain::Actor actor(const std::string& username) {
    auto s = auth_->login(username, kDemoPassword, "192.0.2.1");
    EXPECT_TRUE(s.ok()) << username;
    return s->actor;
  }

  std::string path_;
  FixedClock clock_;
  AppConfig config_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<AccessLog> access_log_;
};

}  // namespace voordeur::app::apptest
