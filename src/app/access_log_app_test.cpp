// The access log through the use cases: reads and searches are queued and written by flush(),
// changes are written in their own transaction (a refused change leaves no row), and only the
// privacy officer may search the log. Demo data; all people are fictional.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "app/access_log.h"
#include "app/app_test_support.h"
#include "app/cases.h"
#include "app/preparation.h"
#include "app/signals.h"

namespace voordeur::app {
namespace {

// Sunday 2026-11-22 12:00 UTC.
constexpr std::int64_t kNoon = 1795348800;

class AccessLogAppTest : public apptest::DemoAppTest {
 protected:
  AccessLogAppTest()
      : DemoAppTest("voordeur-access-log-app-test-", kNoon),
        signals_(*db_, clock_, *access_log_),
        cases_(*db_, clock_, *access_log_),
        preparation_(*db_, clock_, *access_log_),
        queries_(*db_, *access_log_),
        lead_(actor("demo-lead-a")) {
    officer_.user_id = 9999;
    officer_.username = "privacy";
    officer_.role = "privacy_officer";
  }

  std::int64_t rows() {
    return db_->connection().query("SELECT COUNT(*) FROM access_log").rows.at(0).integer(0);
  }
  // The newest row as "action record_type record_id person_id".
  std::string newest() {
    const auto r = db_->connection()
                       .query("SELECT action, record_type, record_id, person_id, user_id FROM access_log "
                              "ORDER BY id DESC LIMIT 1")
                       .rows.at(0);
    return r.text(0) + " " + r.text(1) + " " + r.text(2) + " " + r.text(3) + " " + r.text(4);
  }
  domain::Case open_case() {
    CaseQuery q;
    auto page = cases_.list(lead_, q);
    EXPECT_TRUE(page.ok() && !page->items.empty());
    auto k = cases_.get(lead_, page->items.front().id);
    EXPECT_TRUE(k.ok());
    return k.value();
  }

  SignalService signals_;
  CaseService cases_;
  PreparationService preparation_;
  AccessLogService queries_;
  domain::Actor lead_;
  domain::Actor officer_;
};

TEST_F(AccessLogAppTest, EveryReadOfPersonDataIsQueuedAndWrittenByTheFlush) {
  const auto k = open_case();
  access_log_->flush();
  const std::string tail = " " + std::to_string(k.person.id) + " " + std::to_string(lead_.user_id);
  EXPECT_EQ(newest(), "read case " + std::to_string(k.id) + tail);
  const std::string on_case = "read case " + std::to_string(k.id) + tail;

  const std::int64_t before = rows();
  ASSERT_TRUE(cases_.contacts(lead_, k.id).ok());
  access_log_->flush();
  EXPECT_EQ(newest(), on_case);
  ASSERT_TRUE(cases_.timeline(lead_, k.id, {}).ok());
  access_log_->flush();
  EXPECT_EQ(newest(), on_case);
  ASSERT_TRUE(preparation_.get(lead_, k.id).ok());
  access_log_->flush();
  EXPECT_EQ(newest(), on_case);
  ASSERT_TRUE(k.household);
  ASSERT_TRUE(cases_.household(lead_, k.household->id).ok());
  access_log_->flush();
  EXPECT_EQ(rows(), before + 3 + static_cast<std::int64_t>(k.household->members.size()));
  ASSERT_FALSE(k.signals.empty());
  ASSERT_TRUE(signals_.get(lead_, k.signals.front().id).ok());
  access_log_->flush();
  EXPECT_EQ(newest(), "read signal " + std::to_string(k.signals.front().id) + tail);
  ASSERT_TRUE(signals_.list(lead_, "all", 10, 0).ok());
  ASSERT_TRUE(cases_.overdue_check_ins(lead_).ok());
  access_log_->flush();
  EXPECT_EQ(newest(), "search check_in   " + std::to_string(lead_.user_id));
  EXPECT_TRUE(access_log_->verify()->ok);
}

TEST_F(AccessLogAppTest, AReadThatIsRefusedLeavesNoRow) {
  const auto k = open_case();
  access_log_->flush();
  const std::int64_t before = rows();
  EXPECT_FALSE(cases_.get(actor("demo-outreacher-b"), k.id).ok());
  access_log_->flush();
  EXPECT_EQ(rows(), before);
}

TEST_F(AccessLogAppTest, AChangeIsLoggedInItsTransactionAndARefusedChangeLeavesNoRow) {
  const auto k = open_case();
  access_log_->flush();
  const std::int64_t before = rows();
  EXPECT_EQ(cases_.close(lead_, k.id, {"", ""}).error().code, "validation_failed");
  EXPECT_EQ(rows(), before);
  ASSERT_TRUE(cases_.close(lead_, k.id, {"goal_reached", ""}).ok());
  // No flush: the row was written with the change. The case page it returns is not a separate read.
  EXPECT_EQ(rows(), before + 1);
  EXPECT_EQ(newest(), "change case " + std::to_string(k.id) + " " + std::to_string(k.person.id) + " " +
                          std::to_string(lead_.user_id));
  EXPECT_EQ(cases_.close(lead_, k.id, {"goal_reached", ""}).error().code, "case_closed");
  EXPECT_EQ(rows(), before + 1);
  EXPECT_TRUE(access_log_->verify()->ok);
}

TEST_F(AccessLogAppTest, StopWritesWhatIsQueued) {
  const auto k = open_case();
  access_log_->stop();
  EXPECT_EQ(newest(), "read case " + std::to_string(k.id) + " " + std::to_string(k.person.id) + " " +
                          std::to_string(lead_.user_id));
}

TEST_F(AccessLogAppTest, WithASpoolAReadReachesTheChainBeforeTheLogIsReadAndNothingStaysSpooledAtStop) {
  const std::string spool_path = path_ + "-access-spool";
  auto remove_spool = [&] {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(spool_path + suffix, ignored);
  };
  remove_spool();
  {
    AccessLog::Options options;
    options.spool_path = spool_path;
    options.flush_interval = std::chrono::minutes(10);
    AccessLog log(*db_, clock_, options);
    AccessLogService queries(*db_, log);
    const auto before = rows();
    log.enqueue(lead_, access::read, Access{"case", 41, 42, std::nullopt});
    EXPECT_EQ(rows(), before);
    AccessLogQuery q;
    q.person_id = 42;
    const auto page = queries.query(officer_, q);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->total, 1);
    EXPECT_EQ(page->items[0].row.entry.record_id, 41);
    log.stop();
    EXPECT_EQ(newest(), "search access_log  42 9999");
  }
  auto spool = store::open_database("sqlite:" + spool_path);
  EXPECT_EQ(spool->connection().query("SELECT COUNT(*) FROM spool").rows.at(0).integer(0), 0);
  EXPECT_TRUE(access_log_->verify()->ok);
  spool.reset();
  remove_spool();
}

TEST_F(AccessLogAppTest, OnlyThePrivacyOfficerSearchesTheLogAndTheSearchIsLogged) {
  const auto k = open_case();
  access_log_->flush();
  EXPECT_EQ(queries_.query(actor("demo-admin"), {}).error().code, "forbidden");
  EXPECT_EQ(queries_.query(lead_, {}).error().code, "forbidden");
  AccessLogQuery q;
  q.person_id = k.person.id;
  auto page = queries_.query(officer_, q);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].row.entry.record_id, k.id);
  EXPECT_EQ(page->items[0].user_display_name, lead_.display_name);
  access_log_->flush();
  EXPECT_EQ(newest(), "search access_log  " + std::to_string(k.person.id) + " 9999");
  q.from = kNoon + 1;
  EXPECT_EQ(queries_.query(officer_, q)->total, 0);
  q.to = kNoon;
  EXPECT_EQ(queries_.query(officer_, q).error().code, "validation_failed");
}

TEST_F(AccessLogAppTest, ACasesLogIsForItsTeamAndThePrivacyOfficer) {
  const auto k = open_case();
  access_log_->flush();
  const std::int64_t before = rows();
  auto page = queries_.for_case(actor("demo-outreacher-a"), k.id, 50, 0);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1);
  access_log_->flush();
  EXPECT_EQ(rows(), before);  // the team's look at its own case's log is not logged
  EXPECT_TRUE(queries_.for_case(officer_, k.id, 50, 0).ok());
  access_log_->flush();
  EXPECT_EQ(newest(), "search access_log " + std::to_string(k.id) + " " + std::to_string(k.person.id) + " 9999");
  EXPECT_EQ(queries_.for_case(actor("demo-outreacher-b"), k.id, 50, 0).error().code, "not_found");
  EXPECT_EQ(queries_.for_case(actor("demo-admin"), k.id, 50, 0).error().code, "not_found");
}

TEST_F(AccessLogAppTest, ARefusedLookAtACasesLogLeavesTheQueueUnwritten) {
  const auto k = open_case();
  access_log_->flush();
  AccessLog::Options options;
  options.flush_interval = std::chrono::minutes(10);
  AccessLog log(*db_, clock_, options);
  AccessLogService queries(*db_, log);
  log.enqueue(lead_, access::read, Access{"case", k.id, k.person.id, std::nullopt});
  const std::int64_t before = rows();
  EXPECT_EQ(queries.for_case(actor("demo-outreacher-b"), k.id, 50, 0).error().code, "not_found");
  EXPECT_EQ(queries.for_case(actor("demo-outreacher-b"), 999999, 50, 0).error().code, "not_found");
  EXPECT_EQ(rows(), before);
  const auto page = queries.for_case(actor("demo-outreacher-a"), k.id, 50, 0);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 2);  // the fixture's read and the queued one, written before the query
  EXPECT_EQ(rows(), before + 1);
  log.stop();
}

TEST_F(AccessLogAppTest, PurgeKeepsTheChainVerifiable) {
  open_case();
  access_log_->flush();
  clock_.set(kNoon + 3600);
  open_case();
  access_log_->flush();
  auto purged = access_log_->purge(kNoon + 1);
  ASSERT_TRUE(purged.ok());
  EXPECT_GE(purged->rows_deleted, 1);
  const auto v = access_log_->verify();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
  EXPECT_EQ(rows(), 2);
}

}  // namespace
}  // namespace voordeur::app
