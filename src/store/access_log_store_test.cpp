// The access log's hash chain on SQLite and PostgreSQL (VOORDEUR_TEST_PG_URL): append, verify, and
// what verify finds after each kind of tampering; the purge checkpoint; the privacy officer's query.
#include <gtest/gtest.h>

#include <thread>

#include "store/access_log_repository.h"
#include "store/store_test_fixture.h"

namespace voordeur::store {
namespace {

using storetest::Backend;
using storetest::backend_name;

class AccessLogStoreTest : public storetest::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped()) return;
    migrate_with_teams();
  }

  AccessLogInput entry(std::int64_t at, std::int64_t person = 7, const std::string& action = "read") {
    AccessLogInput e;
    e.at = at;
    e.user_id = lead_;
    e.on_behalf_of = "team:" + std::to_string(team_);
    e.person_id = person;
    e.record_type = "case";
    e.record_id = 11;
    e.action = action;
    return e;
  }

  // Appends one row per timestamp, in one transaction.
  void append(const std::vector<std::int64_t>& ats) {
    std::vector<AccessLogInput> entries;
    for (auto at : ats) entries.push_back(entry(at));
    WriteTransaction tx(*db_);
    append_access_log(tx.conn(), entries);
    tx.commit();
  }

  AccessLogVerification verify(const std::optional<std::pair<std::int64_t, std::string>>& expect = std::nullopt) {
    return verify_access_log(c(), expect);
  }

  std::string hash_of(std::int64_t id) {
    return c().query("SELECT hash FROM access_log WHERE id = $1", {id}).rows.at(0).text(0);
  }
};

TEST_P(AccessLogStoreTest, AnEmptyLogVerifies) {
  const auto v = verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.head_id, 0);
  EXPECT_EQ(v.head_hash, kGenesisHash);
}

TEST_P(AccessLogStoreTest, AppendedRowsFormAChainThatVerifies) {
  append({100, 200});
  append({300});
  const auto v = verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.rows_checked, 3);
  EXPECT_EQ(v.head_id, 3);
  EXPECT_EQ(v.head_hash, hash_of(3));
  const auto rows = c().query("SELECT id, prev_hash, hash FROM access_log ORDER BY id").rows;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].text(1), kGenesisHash);
  EXPECT_EQ(rows[1].text(1), rows[0].text(2));
  EXPECT_EQ(rows[2].text(1), rows[1].text(2));
  EXPECT_EQ(rows[0].text(2), access_log_hash(1, entry(100), kGenesisHash));
}

TEST_P(AccessLogStoreTest, TheCanonicalFormTellsNullFromEmptyAndKeepsFieldsApart) {
  AccessLogInput a = entry(1);
  AccessLogInput b = entry(1);
  b.detail = "";
  EXPECT_NE(access_log_hash(1, a, kGenesisHash), access_log_hash(1, b, kGenesisHash));
  a.record_type = "case1";
  a.action = "read";
  b = entry(1);
  b.record_type = "case";
  b.action = "1read";
  EXPECT_NE(canonical_access_log_row(1, a, kGenesisHash), canonical_access_log_row(1, b, kGenesisHash));
}

TEST_P(AccessLogStoreTest, AnEditedRowIsNamed) {
  append({100, 200, 300});
  c().query("UPDATE access_log SET person_id = 8 WHERE id = 2");
  const auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 2);
  EXPECT_NE(v.problem.find("edited"), std::string::npos) << v.problem;
}

TEST_P(AccessLogStoreTest, ADeletedMiddleRowIsNamed) {
  append({100, 200, 300});
  c().query("DELETE FROM access_log WHERE id = 2");
  const auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 2);
  EXPECT_NE(v.problem.find("deleted"), std::string::npos) << v.problem;
}

TEST_P(AccessLogStoreTest, AForgedRowInPlaceOfAnotherBreaksTheLinkAfterIt) {
  append({100, 200, 300});
  // The forger deletes row 2 and writes their own row 2 with a correct hash over the real prev_hash:
  // the row itself checks out, but row 3 still links to the original row 2.
  c().query("DELETE FROM access_log WHERE id = 2");
  AccessLogInput forged = entry(200, 9);
  const std::string prev = hash_of(1);
  c().query(
      "INSERT INTO access_log (id, at, user_id, on_behalf_of, person_id, record_type, record_id, action, prev_hash, "
      "hash) VALUES (2, $1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {forged.at, forged.user_id, *forged.on_behalf_of, *forged.person_id, forged.record_type, *forged.record_id,
       forged.action, prev, access_log_hash(2, forged, prev)});
  const auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);
  EXPECT_NE(v.problem.find("does not link"), std::string::npos) << v.problem;
}

TEST_P(AccessLogStoreTest, ARowAppendedBehindTheHeadIsNamed) {
  append({100, 200});
  AccessLogInput forged = entry(300);
  const std::string prev = hash_of(2);
  c().query(
      "INSERT INTO access_log (id, at, user_id, record_type, action, prev_hash, hash) "
      "VALUES (3, $1, $2, $3, $4, $5, $6)",
      {forged.at, forged.user_id, forged.record_type, forged.action, prev, std::string(64, 'a')});
  const auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);
  EXPECT_NE(v.problem.find("inserted"), std::string::npos) << v.problem;
}

TEST_P(AccessLogStoreTest, DeletedNewestRowsAreFoundThroughTheHead) {
  append({100, 200, 300});
  c().query("DELETE FROM access_log WHERE id = 3");
  const auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);
  EXPECT_NE(v.problem.find("newest rows were deleted"), std::string::npos) << v.problem;
}

TEST_P(AccessLogStoreTest, TruncationWithARewrittenHeadNeedsTheRecordedHeadHash) {
  append({100, 200, 300});
  const auto recorded = verify();
  ASSERT_TRUE(recorded.ok);
  // Someone with write access removes row 3 and moves the head back: the chain itself is consistent.
  c().query("DELETE FROM access_log WHERE id = 3");
  c().query("UPDATE access_log_head SET last_id = 2, last_hash = $1 WHERE id = 1", {hash_of(2)});
  EXPECT_TRUE(verify().ok);
  const auto v = verify(std::pair{recorded.head_id, recorded.head_hash});
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);
  // An earlier recorded head that is still there passes.
  append({400});
  EXPECT_TRUE(verify(std::pair{std::int64_t{2}, hash_of(2)}).ok);
}

TEST_P(AccessLogStoreTest, APurgeLeavesACheckpointSoVerifyStillWorksAndStillFindsDeletions) {
  append({100, 200, 300, 400});
  const std::string hash2 = hash_of(2);
  AccessLogPurge purged;
  {
    WriteTransaction tx(*db_);
    purged = purge_access_log(tx.conn(), 250, 5000);
    tx.commit();
  }
  EXPECT_EQ(purged.rows_deleted, 2);
  EXPECT_EQ(purged.last_deleted_id, 2);
  const auto cp = c().query("SELECT last_id, last_hash, cutoff_at FROM access_log_checkpoints").rows;
  ASSERT_EQ(cp.size(), 1u);
  EXPECT_EQ(cp[0].integer(0), 2);
  EXPECT_EQ(cp[0].text(1), hash2);
  auto v = verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.rows_checked, 2);
  append({500});
  EXPECT_TRUE(verify().ok);

  c().query("DELETE FROM access_log WHERE id = 3");
  v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_id, 3);
}

TEST_P(AccessLogStoreTest, PurgingEverythingAndNothing) {
  {
    WriteTransaction tx(*db_);
    EXPECT_EQ(purge_access_log(tx.conn(), 1000, 5000).rows_deleted, 0);
    tx.commit();
  }
  append({100, 200});
  {
    WriteTransaction tx(*db_);
    EXPECT_EQ(purge_access_log(tx.conn(), 1000, 5000).rows_deleted, 2);
    tx.commit();
  }
  EXPECT_TRUE(verify().ok);
  append({2000});
  const auto v = verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.head_id, 3);
}

TEST_P(AccessLogStoreTest, ConcurrentAppendersKeepOneChain) {
  constexpr int kThreads = 4;
  constexpr int kEach = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        WriteTransaction tx(*db_);
        append_access_log(tx.conn(), {entry(100 + i)});
        tx.commit();
      }
    });
  }
  for (auto& t : threads) t.join();
  const auto v = verify();
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.rows_checked, kThreads * kEach);
}

TEST_P(AccessLogStoreTest, TheQueryFiltersByUserPersonAndPeriodNewestFirst) {
  std::vector<AccessLogInput> entries{entry(100, 7), entry(200, 8), entry(300, 7)};
  entries[1].user_id = lead_ + 100;
  {
    WriteTransaction tx(*db_);
    append_access_log(tx.conn(), entries);
    tx.commit();
  }
  AccessLogFilter f;
  auto page = query_access_log(c(), f);
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items[0].row.id, 3);
  EXPECT_EQ(page.items[0].user_display_name, "Lotte Leiding");
  EXPECT_EQ(page.items[1].user_display_name, "");
  f.person_id = 7;
  EXPECT_EQ(query_access_log(c(), f).total, 2);
  f.user_id = lead_;
  f.from = 150;
  page = query_access_log(c(), f);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].row.entry.at, 300);
  f = AccessLogFilter{};
  f.to = 300;
  f.limit = 1;
  f.offset = 1;
  page = query_access_log(c(), f);
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].row.id, 1);
}

TEST_P(AccessLogStoreTest, TheQueryListsNewestFirstByTimeWhateverTheOrderOfAppending) {
  // Reads wait in the spool and join the chain after changes made later, so ids and times differ in order.
  append({300, 100, 200, 200});
  for (const auto& f : {AccessLogFilter{}, AccessLogFilter{lead_, std::nullopt, std::nullopt, std::nullopt, 50, 0},
                        AccessLogFilter{std::nullopt, 7, 100, 301, 50, 0}}) {
    const auto page = query_access_log(c(), f);
    ASSERT_EQ(page.total, 4);
    std::vector<std::pair<std::int64_t, std::int64_t>> order;
    for (const auto& item : page.items) order.emplace_back(item.row.entry.at, item.row.id);
    EXPECT_EQ(order, (std::vector<std::pair<std::int64_t, std::int64_t>>{{300, 1}, {200, 4}, {200, 3}, {100, 2}}));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessLogStoreTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace voordeur::store
