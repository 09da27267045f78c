// Encryption at rest on both back ends: sensitive columns hold no plain text, read back as plain
// text, and reseal_all moves plain rows (from before encryption) and old-key rows to the current key.
#include <gtest/gtest.h>

#include <algorithm>

#include "store/encryption_repository.h"
#include "store/field_crypto.h"
#include "store/store_test_fixture.h"
#include "store/totp_repository.h"

namespace voordeur::store::storetest {
namespace {

class EncryptionStoreTest : public BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped()) return;
    migrate_with_teams();
  }
  void TearDown() override {
    install_key_ring(nullptr);
    BackendStoreTest::TearDown();
  }

  // A case with a contact note, a closure note and a person's phone number.
  Id add_sensitive_case() {
    domain::Person p;
    p.name = "Persoon Voorbeeld";
    p.phone = "06-00000000";
    const Id person = insert_person(c(), team_, p, 2000);
    const Id kase = insert_case(c(), team_, person, {lead_}, lead_, "zorgen over vervuiling", 3000);
    domain::ContactFields ct;
    ct.occurred_at = "2026-01-05T10:00";
    ct.channel = "home_visit";
    ct.outcome = "conversation";
    ct.note = "Vertelde over schulden";
    insert_contact(c(), kase, ct, lead_, 4000);
    return kase;
  }

  static SealedColumn column(std::string_view table, std::string_view name) {
    const auto& all = sealed_columns();
    return *std::find_if(all.begin(), all.end(),
                         [&](const SealedColumn& s) { return s.table == table && s.column == name; });
  }
};

TEST_P(EncryptionStoreTest, SensitiveColumnsAreStoredSealedAndReadBackPlain) {
  auto ring = std::make_shared<KeyRing>(generate_field_key());
  install_key_ring(ring);
  const Id kase = add_sensitive_case();

  for (const auto& [table, name, plain] :
       {std::tuple{"contacts", "note", "Vertelde over schulden"}, std::tuple{"persons", "phone", "06-00000000"},
        std::tuple{"case_events", "reason", "zorgen over vervuiling"}}) {
    const auto raw = raw_column_values(c(), column(table, name));
    ASSERT_EQ(raw.size(), 1u) << table << "." << name;
    EXPECT_EQ(raw[0].find(plain), std::string::npos) << table << "." << name << " holds plain text";
    EXPECT_EQ(KeyRing::sealed_key_id(raw[0]), ring->current_id());
  }
  const auto found = find_case(c(), kase);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->contacts.at(0).note, "Vertelde over schulden");
  EXPECT_EQ(found->person.phone, "06-00000000");

  save_totp_secret(c(), lead_, "JBSWY3DPEHPK3PXP", 5000);
  EXPECT_EQ(find_totp(c(), lead_)->secret, "JBSWY3DPEHPK3PXP");
  EXPECT_EQ(raw_column_values(c(), column("user_totp", "secret"))[0].find("JBSWY3DP"), std::string::npos);
}

TEST_P(EncryptionStoreTest, ResealSealsPlainRowsAndMovesOldKeyRowsToTheNewKey) {
  // Rows written before encryption existed.
  const Id kase = add_sensitive_case();
  EXPECT_EQ(raw_column_values(c(), column("contacts", "note")).at(0), "Vertelde over schulden");
  EXPECT_EQ(recorded_key_id(c()), std::nullopt);

  const FieldKey first = generate_field_key();
  const KeyRing first_ring(first);
  {
    WriteTransaction tx(*db_);
    EXPECT_GE(reseal_all(tx.conn(), first_ring), 3);
    record_key_id(tx.conn(), first_ring.current_id(), 6000);
    tx.commit();
  }
  EXPECT_EQ(recorded_key_id(c()), first_ring.current_id());
  EXPECT_EQ(KeyRing::sealed_key_id(raw_column_values(c(), column("contacts", "note")).at(0)), first_ring.current_id());
  {
    WriteTransaction tx(*db_);
    EXPECT_EQ(reseal_all(tx.conn(), first_ring), 0) << "nothing left to seal";
    tx.commit();
  }

  auto second = std::make_shared<KeyRing>(generate_field_key());
  second->add(first);
  {
    WriteTransaction tx(*db_);
    EXPECT_GE(reseal_all(tx.conn(), *second), 3);
    tx.commit();
  }
  const auto raw = raw_column_values(c(), column("contacts", "note")).at(0);
  EXPECT_EQ(KeyRing::sealed_key_id(raw), second->current_id());
  EXPECT_THROW(first_ring.open(raw), DbError) << "the old key no longer opens the data";

  install_key_ring(std::make_shared<KeyRing>(*second));
  EXPECT_EQ(find_case(c(), kase)->contacts.at(0).note, "Vertelde over schulden");
}

INSTANTIATE_TEST_SUITE_P(Backends, EncryptionStoreTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace voordeur::store::storetest
