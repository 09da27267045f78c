// Repository functions of the consent registry, consent stances and the information exchange log,
// on SQLite and PostgreSQL (VOORDEUR_TEST_PG_URL). All people and organisations are fictional.
#include <gtest/gtest.h>

#include <string>

#include "store/consent_repository.h"
#include "store/repository.h"
#include "store/store_test_fixture.h"

namespace voordeur::store {
namespace {

using storetest::Backend;
using storetest::backend_name;

class ConsentStoreTest : public storetest::BackendStoreTest {
 protected:
  Id add_person() {
    domain::Person p;
    p.name = "Piet Voorbeeld";
    return insert_person(c(), team_, p, 2000);
  }
};

TEST_P(ConsentStoreTest, ConsentsRoundTripWithWithdrawalAndScan) {
  migrate_with_teams();
  const Id person = add_person();
  domain::ConsentInput in;
  in.recipient_category = "housing_corporation";
  in.organisation = "Woonstichting Voorbeeld";
  in.scope = "partial";
  in.topics = {"housing", "finances"};
  in.channels = {"oral", "phone"};
  in.given_on = "2026-11-01";
  in.ends_on = "2027-11-01";
  const Id id = insert_consent(c(), person, in, lead_, 3000);
  domain::ConsentInput full = in;
  full.scope = "full";
  full.topics = {};
  full.organisation = "";
  full.ends_on = std::nullopt;
  full.given_on = "2026-10-01";
  const Id older = insert_consent(c(), person, full, lead_, 3001);

  const auto list = list_consents(c(), person);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, older);  // given_on order
  const auto& k = list[1];
  EXPECT_EQ(k.id, id);
  EXPECT_EQ(k.person_id, person);
  EXPECT_EQ(k.recipient_category, "housing_corporation");
  EXPECT_EQ(k.organisation, "Woonstichting Voorbeeld");
  EXPECT_EQ(k.topics, (std::vector<std::string>{"housing", "finances"}));
  EXPECT_EQ(k.channels, (std::vector<std::string>{"oral", "phone"}));
  EXPECT_EQ(k.ends_on, std::optional<std::string>{"2027-11-01"});
  EXPECT_FALSE(k.withdrawn_on);
  EXPECT_EQ(k.recorded_by.id, lead_);
  EXPECT_EQ(k.recorded_by.display_name, "Lotte Leiding");
  EXPECT_EQ(k.recorded_at, 3000);
  EXPECT_TRUE(list[0].topics.empty());
  EXPECT_FALSE(list[0].ends_on);

  EXPECT_TRUE(withdraw_consent(c(), id, "2026-11-20", lead_));
  EXPECT_FALSE(withdraw_consent(c(), id, "2026-11-21", lead_));  // once only
  const auto withdrawn = find_consent(c(), id);
  ASSERT_TRUE(withdrawn);
  EXPECT_EQ(withdrawn->withdrawn_on, std::optional<std::string>{"2026-11-20"});
  ASSERT_TRUE(withdrawn->withdrawn_by);
  EXPECT_EQ(withdrawn->withdrawn_by->id, lead_);

  EXPECT_FALSE(withdrawn->scan_file);
  set_consent_scan(c(), id, "scan-abc.pdf", "application/pdf");
  EXPECT_EQ(find_consent(c(), id)->scan_file, std::optional<std::string>{"scan-abc.pdf"});
  EXPECT_EQ(find_consent(c(), id)->scan_media_type, std::optional<std::string>{"application/pdf"});
  EXPECT_FALSE(find_consent(c(), id + 1000));
  const auto person_row = find_person(c(), person);
  ASSERT_TRUE(person_row);
  EXPECT_EQ(person_row->name, "Piet Voorbeeld");
  EXPECT_FALSE(person_row->date_of_birth);
  EXPECT_FALSE(find_person(c(), person + 1000));
  EXPECT_TRUE(list_consents(c(), add_person()).empty());
}

TEST_P(ConsentStoreTest, TheLatestStanceCounts) {
  migrate_with_teams();
  const Id person = add_person();
  EXPECT_FALSE(latest_consent_stance(c(), person));
  insert_consent_stance(c(), person, {"explicitly_refuses", "2026-11-10", "Wil niet"}, lead_, 3000);
  insert_consent_stance(c(), person, {"no_opinion", "2026-11-05", ""}, lead_, 3001);
  const auto s = latest_consent_stance(c(), person);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->stance, "explicitly_refuses");
  EXPECT_EQ(s->noted_on, "2026-11-10");
  EXPECT_EQ(s->note, "Wil niet");
  EXPECT_EQ(s->recorded_by.id, lead_);
}

TEST_P(ConsentStoreTest, ExchangesRoundTripNewestFirst) {
  migrate_with_teams();
  const Id person = add_person();
  domain::ConsentInput consent;
  consent.recipient_category = "general_practitioner";
  consent.scope = "full";
  consent.channels = {"phone"};
  consent.given_on = "2026-11-01";
  const Id consent_id = insert_consent(c(), person, consent, lead_, 3000);

  domain::ExchangeInput x;
  x.occurred_on = "2026-11-10";
  x.direction = "given";
  x.channel = "phone";
  x.organisation_category = "general_practitioner";
  x.organisation = "Huisartsenpraktijk Voorbeeld";
  x.contact_person = "Dokter Voorbeeld";
  x.topics = {"health", "addiction"};
  const Id first = insert_exchange(c(), person, x, consent_id, lead_, 3100);
  domain::ExchangeInput ground = x;
  ground.occurred_on = "2026-11-12";
  ground.basis = "professional_code_art2";
  ground.justification = "Levensbedreigend";
  ground.peer_consulted = "Collega Voorbeeld";
  const Id second = insert_exchange(c(), person, ground, std::nullopt, lead_, 3200);

  const auto list = list_exchanges(c(), person);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, second);
  EXPECT_EQ(list[0].basis, "professional_code_art2");
  EXPECT_FALSE(list[0].consent_id);
  EXPECT_EQ(list[0].peer_consulted, "Collega Voorbeeld");
  EXPECT_EQ(list[0].justification, "Levensbedreigend");
  EXPECT_EQ(list[1].id, first);
  EXPECT_EQ(list[1].consent_id, std::optional<Id>{consent_id});
  EXPECT_EQ(list[1].topics, (std::vector<std::string>{"health", "addiction"}));
  EXPECT_EQ(list[1].contact_person, "Dokter Voorbeeld");
  EXPECT_EQ(list[1].direction, "given");
  EXPECT_EQ(list[1].recorded_at, 3100);
  EXPECT_EQ(list[1].recorded_by.display_name, "Lotte Leiding");
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsentStoreTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace voordeur::store
