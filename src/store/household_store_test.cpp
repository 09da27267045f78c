// Repository functions of households, and the backfill of migration 0006, on SQLite and PostgreSQL
// (VOORDEUR_TEST_PG_URL). All people are fictional.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "store/migrations_embedded.h"
#include "store/repository.h"
#include "store/store_test_fixture.h"

namespace voordeur::store {
namespace {

using storetest::Backend;
using storetest::backend_name;

std::string replace_ids(std::string_view sql, Dialect d) {
  std::string out(sql);
  const std::string token = "{{ID}}";
  for (auto at = out.find(token); at != std::string::npos; at = out.find(token, at)) {
    out.replace(at, token.size(), storetest::id_column_type(d));
  }
  return out;
}

class HouseholdStoreTest : public storetest::BackendStoreTest {
 protected:
  Id add_person(const std::string& name, const std::string& address = "Dorpsstraat 1") {
    domain::Person p;
    p.name = name;
    p.address = address;
    return insert_person(c(), team_, p, 2000);
  }
};

TEST_P(HouseholdStoreTest, ANewPersonGetsAHouseholdOfTheirOwn) {
  migrate_with_teams();
  const Id person = add_person("Piet Voorbeeld", "Kerkweg 4");
  const auto hh = person_household(c(), person);
  ASSERT_TRUE(hh);
  EXPECT_EQ(household_team(c(), *hh), team_);
  const auto h = find_household(c(), *hh);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->address, "Kerkweg 4");
  ASSERT_EQ(h->members.size(), 1u);
  EXPECT_EQ(h->members[0].person_id, person);
  EXPECT_EQ(h->members[0].role, "adult");
  EXPECT_FALSE(find_household(c(), *hh + 1000));
}

TEST_P(HouseholdStoreTest, MovingAPersonTakesThemOutOfTheirPreviousHousehold) {
  migrate_with_teams();
  const Id piet = add_person("Piet Voorbeeld");
  const Id anna = add_person("Anna Voorbeeld");
  const Id home = *person_household(c(), piet);
  const Id previous = *person_household(c(), anna);
  const Id case_id = insert_case(c(), team_, anna, {lead_}, lead_, "Visit", 3000);
  set_case_household(c(), case_id, previous);

  set_household_member(c(), home, anna, "other");
  EXPECT_EQ(person_household(c(), anna), home);
  EXPECT_TRUE(find_household(c(), previous)->members.empty());
  const auto h = find_household(c(), home, case_id);
  ASSERT_EQ(h->members.size(), 2u);
  EXPECT_EQ(h->members[0].name, "Anna Voorbeeld");
  EXPECT_EQ(h->members[0].role, "other");
  EXPECT_TRUE(h->members[0].other_cases.empty());
  EXPECT_EQ(find_household(c(), home)->members[0].other_cases.size(), 1u);

  const auto k = find_case(c(), case_id);
  EXPECT_EQ(k->concerns, "household");
  EXPECT_EQ(k->household->id, home);
  set_case_household(c(), case_id, std::nullopt);
  EXPECT_EQ(find_case(c(), case_id)->concerns, "person");
}

TEST_P(HouseholdStoreTest, APersonIsInAtMostOneHousehold) {
  migrate_with_teams();
  const Id piet = add_person("Piet Voorbeeld");
  const Id other = insert_household(c(), team_, "Laan 2", 2000);
  EXPECT_THROW(
      c().query("INSERT INTO household_members (household_id, person_id, role) VALUES ($1, $2, 'adult')", {other, piet}),
      DbError);
}

TEST_P(HouseholdStoreTest, MigrationGivesEveryExistingPersonAHouseholdOfTheirOwn) {
  c().exec_script("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
  for (const auto& m : detail::embedded_migrations()) {
    if (m.version >= 6) break;
    c().exec_script(replace_ids(m.sql, db_->dialect()));
    c().query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, 0)",
              {std::int64_t{m.version}, std::string(m.name)});
  }
  const Id team = c().query("INSERT INTO teams (name, created_at) VALUES ('Team Noord', 1) RETURNING id").rows[0].integer(0);
  for (const char* name : {"Piet Voorbeeld", "Anna Voorbeeld"}) {
    c().query("INSERT INTO persons (team_id, name, address, created_at) VALUES ($1, $2, $3, 5)",
              {team, std::string(name), std::string(name) + " straat"});
  }
  migrate(*db_);

  const auto rows = c().query(
      "SELECT p.name, h.address, h.team_id, m.role FROM persons p JOIN household_members m ON m.person_id = p.id "
      "JOIN households h ON h.id = m.household_id ORDER BY p.name").rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text(0), "Anna Voorbeeld");
  EXPECT_EQ(rows[0].text(1), "Anna Voorbeeld straat");
  EXPECT_EQ(rows[0].integer(2), team);
  EXPECT_EQ(rows[0].text(3), "adult");
  EXPECT_EQ(rows[1].text(1), "Piet Voorbeeld straat");
  EXPECT_EQ(c().query("SELECT COUNT(DISTINCT household_id) FROM household_members").rows[0].integer(0), 2);

  // New households continue after the backfilled ones.
  domain::Person p;
  p.name = "Sam Voorbeeld";
  const Id sam = insert_person(c(), team, p, 10);
  EXPECT_EQ(find_household(c(), *person_household(c(), sam))->members.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, HouseholdStoreTest, ::testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace voordeur::store
