// The repository suite runs unchanged against SQLite (a temporary file per test) and PostgreSQL
// (VOORDEUR_TEST_PG_URL; every test starts from an empty public schema). All people are fictional.
#include "store/repository.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "store/store_test_fixture.h"

namespace voordeur::store {
namespace {

using storetest::Backend;
using storetest::backend_name;

class RepositoryTest : public storetest::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (IsSkipped()) return;
    migrate(*db_);
  }

  Id add_user(const std::string& username, const std::string& display_name, const std::string& role,
              const std::vector<Id>& team_ids = {}) {
    domain::User u;
    u.username = username;
    u.display_name = display_name;
    u.role = role;
    for (Id t : team_ids) u.teams.push_back(domain::TeamRef{t, ""});
    return insert_user(c(), u, "hash-of-" + username, 1000);
  }

  // A signal with only the required fields and the given person name.
  Id add_signal(Id team_id, Id taken_by, const std::string& person_name, const std::string& intake_date,
                std::int64_t now = 2000) {
    domain::Person p;
    p.name = person_name;
    const Id person_id = insert_person(c(), team_id, p, now);
    domain::SignalFields s;
    s.intake_date = intake_date;
    s.reporter.name = "Melder " + person_name;
    s.reporter.kind = "private_person";
    s.person = p;
    s.direct_reason = "nuisance";
    s.problem_areas = {"housing"};
    s.person_aware = "unknown";
    return insert_signal(c(), team_id, person_id, s, taken_by, now);
  }

  Id add_case(Id team_id, const std::string& person_name, const std::vector<Id>& workers, Id actor,
              std::int64_t now = 3000) {
    domain::Person p;
    p.name = person_name;
    const Id person_id = insert_person(c(), team_id, p, now);
    return insert_case(c(), team_id, person_id, workers, actor, "opened for " + person_name, now);
  }

  Id add_contact(Id case_id, const std::string& occurred_at, std::optional<std::string> next_attempt, Id by,
                 std::int64_t now = 4000) {
    domain::ContactFields ct;
    ct.occurred_at = occurred_at;
    ct.channel = "home_visit";
    ct.outcome = "conversation";
    ct.next_attempt_date = std::move(next_attempt);
    return insert_contact(c(), case_id, ct, by, now);
  }

  std::vector<Id> case_ids(const CaseFilter& f) {
    std::vector<Id> out;
    for (const auto& s : list_cases(c(), f).items) out.push_back(s.id);
    return out;
  }
};

template <typename F>
DbError::Kind error_kind(F&& f) {
  try {
    f();
  } catch (const DbError& e) {
    return e.kind();
  }
  ADD_FAILURE() << "expected a DbError";
  return DbError::Kind::other;
}

// ---- teams and users

TEST_P(RepositoryTest, TeamsAreListedByNameAndNamesAreUnique) {
  const Id north = insert_team(c(), "Team Noord", 100);
  const Id east = insert_team(c(), "Team Oost", 100);
  const Id centre = insert_team(c(), "Team Centrum", 100);

  const auto teams = list_teams(c());
  ASSERT_EQ(teams.size(), 3u);
  EXPECT_EQ(teams[0].id, centre);
  EXPECT_EQ(teams[0].name, "Team Centrum");
  EXPECT_EQ(teams[1].id, north);
  EXPECT_EQ(teams[2].id, east);

  const auto found = find_team(c(), east);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, "Team Oost");
  EXPECT_FALSE(find_team(c(), east + 100).has_value());

  EXPECT_EQ(error_kind([&] { insert_team(c(), "Team Noord", 200); }), DbError::Kind::unique_violation);
  EXPECT_EQ(list_teams(c()).size(), 3u);
}

TEST_P(RepositoryTest, UsersRoundTripWithTeams) {
  const Id north = insert_team(c(), "Noord", 100);
  const Id east = insert_team(c(), "Oost", 100);
  EXPECT_EQ(count_users(c()), 0);

  domain::User u;
  u.username = "bo.test";
  u.display_name = "Bo Testpersoon-\"Zoë\" O'Dell";
  u.role = "team_lead";
  u.active = true;
  u.teams = {{north, ""}, {east, ""}};
  const Id bo = insert_user(c(), u, "$argon2id$v=19$fictional", 100);
  const Id ada = add_user("ada", "Ada Voorbeeld", "outreacher", {east});
  EXPECT_EQ(count_users(c()), 2);

  const auto found = find_user(c(), bo);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, bo);
  EXPECT_EQ(found->username, "bo.test");
  EXPECT_EQ(found->display_name, "Bo Testpersoon-\"Zoë\" O'Dell");
  EXPECT_EQ(found->role, "team_lead");
  EXPECT_TRUE(found->active);
  ASSERT_EQ(found->teams.size(), 2u);
  EXPECT_EQ(found->teams[0].id, north);
  EXPECT_EQ(found->teams[0].name, "Noord");
  EXPECT_EQ(found->teams[1].id, east);
  EXPECT_EQ(found->teams[1].name, "Oost");
  EXPECT_FALSE(find_user(c(), bo + ada + 10).has_value());

  const auto with_hash = find_user_by_username(c(), "bo.test");
  ASSERT_TRUE(with_hash.has_value());
  EXPECT_EQ(with_hash->user.id, bo);
  EXPECT_EQ(with_hash->password_hash, "$argon2id$v=19$fictional");
  EXPECT_EQ(with_hash->user.teams.size(), 2u);
  EXPECT_FALSE(find_user_by_username(c(), "nobody").has_value());

  set_password_hash(c(), bo, "$argon2id$v=19$changed");
  EXPECT_EQ(find_user_by_username(c(), "bo.test")->password_hash, "$argon2id$v=19$changed");

  domain::User changed = *found;
  changed.display_name = "Bo Gewijzigd";
  changed.role = "outreacher";
  changed.active = false;
  changed.username = "ignored";
  update_user(c(), changed);
  const auto updated = find_user(c(), bo);
  EXPECT_EQ(updated->display_name, "Bo Gewijzigd");
  EXPECT_EQ(updated->role, "outreacher");
  EXPECT_FALSE(updated->active);
  EXPECT_EQ(updated->username, "bo.test");

  const auto all = list_users(c());
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].username, "ada");
  ASSERT_EQ(all[0].teams.size(), 1u);
  EXPECT_EQ(all[0].teams[0].name, "Oost");
  EXPECT_EQ(all[1].username, "bo.test");
  EXPECT_EQ(all[1].teams.size(), 2u);
  EXPECT_FALSE(all[1].active);
}

TEST_P(RepositoryTest, DuplicateUsernameIsAUniqueViolation) {
  add_user("cas", "Cas Fictief", "outreacher");
  EXPECT_EQ(error_kind([&] { add_user("cas", "Cas Ander", "admin"); }), DbError::Kind::unique_violation);
  EXPECT_EQ(count_users(c()), 1);
}

TEST_P(RepositoryTest, SetUserTeamsReplacesTheSet) {
  const Id a = insert_team(c(), "A-team", 1);
  const Id b = insert_team(c(), "B-team", 1);
  const Id d = insert_team(c(), "D-team", 1);
  const Id user = add_user("dee", "Dee Proef", "outreacher", {a, b});

  set_user_teams(c(), user, {d, b, d});
  auto teams = find_user(c(), user)->teams;
  ASSERT_EQ(teams.size(), 2u);
  EXPECT_EQ(teams[0].id, b);
  EXPECT_EQ(teams[1].id, d);

  set_user_teams(c(), user, {});
  EXPECT_TRUE(find_user(c(), user)->teams.empty());
  EXPECT_TRUE(team_members(c(), b).empty());
}

TEST_P(RepositoryTest, TeamMembersByDisplayNameWithAllTheirTeams) {
  const Id a = insert_team(c(), "Alfa", 1);
  const Id b = insert_team(c(), "Bravo", 1);
  const Id zed = add_user("zed", "Cor Derde", "outreacher", {a});
  const Id yan = add_user("yan", "Ada Eerste", "team_lead", {a, b});
  add_user("xia", "Bea Tweede", "outreacher", {b});

  const auto members = team_members(c(), a);
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].id, yan);
  EXPECT_EQ(members[0].display_name, "Ada Eerste");
  EXPECT_EQ(members[0].role, "team_lead");
  ASSERT_EQ(members[0].teams.size(), 2u);
  EXPECT_EQ(members[0].teams[0].name, "Alfa");
  EXPECT_EQ(members[0].teams[1].name, "Bravo");
  EXPECT_EQ(members[1].id, zed);
  ASSERT_EQ(members[1].teams.size(), 1u);
  EXPECT_EQ(members[1].teams[0].id, a);

  EXPECT_EQ(team_members(c(), b).size(), 2u);
}

// ---- sessions

TEST_P(RepositoryTest, SessionsInsertFindTouchDeleteExpire) {
  const Id u1 = add_user("eva", "Eva Proef", "outreacher");
  const Id u2 = add_user("fay", "Fay Proef", "outreacher");

  insert_session(c(), "hash-1", u1, "csrf-1", 1000);
  const auto s = find_session(c(), "hash-1");
  ASSERT_TRUE(s.has_value());
  EXPECT_GT(s->id, 0);
  EXPECT_EQ(s->user_id, u1);
  EXPECT_EQ(s->csrf_token, "csrf-1");
  EXPECT_EQ(s->created_at, 1000);
  EXPECT_EQ(s->last_seen_at, 1000);
  EXPECT_FALSE(find_session(c(), "hash-unknown").has_value());

  touch_session(c(), s->id, 1500);
  EXPECT_EQ(find_session(c(), "hash-1")->last_seen_at, 1500);
  EXPECT_EQ(find_session(c(), "hash-1")->created_at, 1000);

  EXPECT_EQ(error_kind([&] { insert_session(c(), "hash-1", u2, "csrf-x", 1000); }), DbError::Kind::unique_violation);

  delete_session(c(), s->id);
  EXPECT_FALSE(find_session(c(), "hash-1").has_value());

  insert_session(c(), "hash-2", u1, "csrf-2", 2000);
  insert_session(c(), "hash-3", u1, "csrf-3", 2000);
  insert_session(c(), "hash-4", u2, "csrf-4", 2000);
  delete_user_sessions(c(), u1);
  EXPECT_FALSE(find_session(c(), "hash-2").has_value());
  EXPECT_FALSE(find_session(c(), "hash-3").has_value());
  EXPECT_TRUE(find_session(c(), "hash-4").has_value());

  // hash-4: created 2000, seen 2000. hash-5: created 100, seen recently. hash-6: created and seen 3000.
  insert_session(c(), "hash-5", u2, "csrf-5", 100);
  touch_session(c(), find_session(c(), "hash-5")->id, 5000);
  insert_session(c(), "hash-6", u2, "csrf-6", 3000);
  // Idle cutoff 2500 removes hash-4; absolute cutoff 500 removes hash-5.
  EXPECT_EQ(delete_expired_sessions(c(), 2500, 500), 2);
  EXPECT_FALSE(find_session(c(), "hash-4").has_value());
  EXPECT_FALSE(find_session(c(), "hash-5").has_value());
  EXPECT_TRUE(find_session(c(), "hash-6").has_value());
  EXPECT_EQ(delete_expired_sessions(c(), 2500, 500), 0);
}

// ---- signals

TEST_P(RepositoryTest, SignalRoundTripsEveryField) {
  const Id team = insert_team(c(), "Team Zuid", 1);
  const Id taker = add_user("gus", "Gus Aannemer", "outreacher", {team});

  domain::SignalFields s;
  s.intake_date = "2026-11-20";
  s.reporter = {"Hanna \"Melder\" d'Ijssel",   "organisation",  "buurvrouw",
                "Woonstichting 'Het Dak'",     "wijkconsulent", "+31 6 0000 0000",
                "Voorbeeldlaan 1, Nergensdorp"};
  s.person.name = "Zoë Fictief-O'Brien";
  s.person.address = "Straat \"De Hoek\" 12 — €, ñ, ü";
  s.person.phone = "010-0000000";
  s.person.date_of_birth = "1970-02-28";
  s.person.sex = "female";
  s.relation_to_person = "buren";
  s.known_since = "sinds 2019";
  s.contact_initiative = "melder belde zelf";
  s.contact_nature = "bezorgd";
  s.direct_reason = "other";
  s.direct_reason_other = "Rook uit 't raam; \"vreemde\" geur";
  s.tried_and_result = "aangebeld, geen reactie";
  s.what_would_help = "huisbezoek";
  s.others_in_contact = "huisarts";
  s.whereabouts = "thuis, 's avonds";
  s.reporter_can_introduce = "yes";
  s.introduction_note = "na 17:00";
  s.worker_gender_preference = "female";
  s.may_contact_reporter = true;
  s.problem_areas = {"housing", "finances", "self_care"};
  s.problem_areas_other = "";
  s.follow_up_agreed = "terugbellen binnen een week";
  s.feedback_date = "2026-11-27";
  s.person_aware = "no";

  const Id person_id = insert_person(c(), team, s.person, 1234);
  const Id id = insert_signal(c(), team, person_id, s, taker, 5678);

  const auto got = find_signal(c(), id);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->team_id, team);
  EXPECT_EQ(got->status, "awaiting_decision");
  EXPECT_FALSE(got->case_id.has_value());
  EXPECT_EQ(got->taken_by.id, taker);
  EXPECT_EQ(got->taken_by.display_name, "Gus Aannemer");
  EXPECT_EQ(got->created_at, 5678);
  EXPECT_TRUE(got->decisions.empty());

  EXPECT_EQ(got->intake_date, s.intake_date);
  EXPECT_EQ(got->reporter.name, s.reporter.name);
  EXPECT_EQ(got->reporter.kind, s.reporter.kind);
  EXPECT_EQ(got->reporter.relation, s.reporter.relation);
  EXPECT_EQ(got->reporter.organisation, s.reporter.organisation);
  EXPECT_EQ(got->reporter.function, s.reporter.function);
  EXPECT_EQ(got->reporter.phone, s.reporter.phone);
  EXPECT_EQ(got->reporter.address, s.reporter.address);
  EXPECT_EQ(got->person.id, person_id);
  EXPECT_EQ(got->person.name, s.person.name);
  EXPECT_EQ(got->person.address, s.person.address);
  EXPECT_EQ(got->person.phone, s.person.phone);
  EXPECT_EQ(got->person.date_of_birth, s.person.date_of_birth);
  EXPECT_EQ(got->person.sex, "female");
  EXPECT_EQ(got->relation_to_person, s.relation_to_person);
  EXPECT_EQ(got->known_since, s.known_since);
  EXPECT_EQ(got->contact_initiative, s.contact_initiative);
  EXPECT_EQ(got->contact_nature, s.contact_nature);
  EXPECT_EQ(got->direct_reason, "other");
  EXPECT_EQ(got->direct_reason_other, s.direct_reason_other);
  EXPECT_EQ(got->tried_and_result, s.tried_and_result);
  EXPECT_EQ(got->what_would_help, s.what_would_help);
  EXPECT_EQ(got->others_in_contact, s.others_in_contact);
  EXPECT_EQ(got->whereabouts, s.whereabouts);
  EXPECT_EQ(got->reporter_can_introduce, "yes");
  EXPECT_EQ(got->introduction_note, s.introduction_note);
  EXPECT_EQ(got->worker_gender_preference, "female");
  EXPECT_TRUE(got->may_contact_reporter);
  EXPECT_EQ(got->problem_areas, (std::vector<std::string>{"housing", "finances", "self_care"}));
  EXPECT_EQ(got->problem_areas_other, "");
  EXPECT_EQ(got->follow_up_agreed, s.follow_up_agreed);
  EXPECT_EQ(got->feedback_date, std::optional<std::string>("2026-11-27"));
  EXPECT_EQ(got->person_aware, "no");

  EXPECT_EQ(signal_team(c(), id), std::optional<Id>(team));
  EXPECT_FALSE(signal_team(c(), id + 100).has_value());
  EXPECT_FALSE(find_signal(c(), id + 100).has_value());
}

TEST_P(RepositoryTest, SignalOptionalFieldsAndEmptyProblemAreas) {
  const Id team = insert_team(c(), "T", 1);
  const Id taker = add_user("hal", "Hal Proef", "outreacher", {team});
  domain::SignalFields s;
  s.intake_date = "2026-01-02";
  s.reporter.name = "Iris Melder";
  s.reporter.kind = "private_person";
  s.person.name = "Jet Onbekend";
  s.direct_reason = "crisis";
  s.person_aware = "unknown";
  const Id person_id = insert_person(c(), team, s.person, 1);
  const Id id = insert_signal(c(), team, person_id, s, taker, 2);

  const auto got = find_signal(c(), id);
  ASSERT_TRUE(got.has_value());
  EXPECT_TRUE(got->problem_areas.empty());
  EXPECT_FALSE(got->feedback_date.has_value());
  EXPECT_FALSE(got->person.date_of_birth.has_value());
  EXPECT_EQ(got->person.sex, "unknown");
  EXPECT_FALSE(got->may_contact_reporter);
  EXPECT_EQ(got->reporter_can_introduce, "unknown");
  EXPECT_EQ(got->worker_gender_preference, "none");

  const auto page = list_signals(c(), SignalFilter{{team}, std::nullopt, std::nullopt, 50, 0});
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_TRUE(page.items[0].problem_areas.empty());
  EXPECT_FALSE(page.items[0].latest_decision.has_value());
  EXPECT_FALSE(page.items[0].case_id.has_value());
}

TEST_P(RepositoryTest, DecisionsAreKeptOldestFirstAndTheLatestIsSummarised) {
  const Id team = insert_team(c(), "T", 1);
  const Id lead = add_user("ivo", "Ivo Leider", "team_lead", {team});
  const Id lead2 = add_user("jan", "Jaap Tweede", "team_lead", {team});
  const Id worker = add_user("kim", "Kim Werker", "outreacher", {team});
  const Id signal = add_signal(team, worker, "Lot Fictief", "2026-05-01");

  const Id first = insert_decision(c(), signal, {"no_action", "eerst afwachten", {}}, lead, 6000, std::nullopt);
  auto got = find_signal(c(), signal);
  EXPECT_EQ(got->status, "decided");
  EXPECT_FALSE(got->case_id.has_value());

  const Id person_id = got->person.id;
  const Id kase = insert_case(c(), team, person_id, {worker}, lead2, "toch oppakken", 7000);
  const Id second = insert_decision(c(), signal, {"outreach", "toch oppakken", {worker}}, lead2, 7000, kase);

  got = find_signal(c(), signal);
  EXPECT_EQ(got->status, "decided");
  EXPECT_EQ(got->case_id, std::optional<Id>(kase));
  ASSERT_EQ(got->decisions.size(), 2u);
  EXPECT_EQ(got->decisions[0].id, first);
  EXPECT_EQ(got->decisions[0].decision, "no_action");
  EXPECT_EQ(got->decisions[0].reason, "eerst afwachten");
  EXPECT_EQ(got->decisions[0].decided_by.id, lead);
  EXPECT_EQ(got->decisions[0].decided_by.display_name, "Ivo Leider");
  EXPECT_EQ(got->decisions[0].decided_at, 6000);
  EXPECT_FALSE(got->decisions[0].case_id.has_value());
  EXPECT_EQ(got->decisions[1].id, second);
  EXPECT_EQ(got->decisions[1].decision, "outreach");
  EXPECT_EQ(got->decisions[1].decided_by.display_name, "Jaap Tweede");
  EXPECT_EQ(got->decisions[1].case_id, std::optional<Id>(kase));

  const auto page = list_signals(c(), SignalFilter{{team}, std::nullopt, std::nullopt, 50, 0});
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].latest_decision, std::optional<std::string>("outreach"));
  EXPECT_EQ(page.items[0].case_id, std::optional<Id>(kase));
  EXPECT_EQ(page.items[0].status, "decided");
}

TEST_P(RepositoryTest, ListSignalsFiltersSortsAndPages) {
  const Id a = insert_team(c(), "A", 1);
  const Id b = insert_team(c(), "B", 1);
  const Id lead = add_user("lex", "Lex Leider", "team_lead", {a, b});
  const Id s1 = add_signal(a, lead, "Persoon Een", "2026-03-01");
  const Id s2 = add_signal(a, lead, "Persoon Twee", "2026-03-05");
  const Id s3 = add_signal(a, lead, "Persoon Drie", "2026-03-05");
  const Id s4 = add_signal(a, lead, "Persoon Vier", "2026-02-10");
  const Id s5 = add_signal(b, lead, "Persoon Vijf", "2026-04-01");
  insert_decision(c(), s2, {"referral", "elders beter", {}}, lead, 10, std::nullopt);

  auto ids = [](const SignalPage& p) {
    std::vector<Id> out;
    for (const auto& s : p.items) out.push_back(s.id);
    return out;
  };

  auto page = list_signals(c(), SignalFilter{{a}, std::nullopt, std::nullopt, 50, 0});
  EXPECT_EQ(page.total, 4);
  EXPECT_EQ(ids(page), (std::vector<Id>{s3, s2, s1, s4}));
  EXPECT_EQ(page.items[0].person_name, "Persoon Drie");
  EXPECT_EQ(page.items[0].team_id, a);
  EXPECT_EQ(page.items[0].intake_date, "2026-03-05");
  EXPECT_EQ(page.items[0].direct_reason, "nuisance");
  EXPECT_EQ(page.items[0].problem_areas, (std::vector<std::string>{"housing"}));

  page = list_signals(c(), SignalFilter{{a}, std::string("awaiting_decision"), std::nullopt, 50, 0});
  EXPECT_EQ(page.total, 3);
  EXPECT_EQ(ids(page), (std::vector<Id>{s3, s1, s4}));

  page = list_signals(c(), SignalFilter{{a}, std::string("decided"), std::nullopt, 50, 0});
  EXPECT_EQ(ids(page), (std::vector<Id>{s2}));
  EXPECT_EQ(page.items[0].latest_decision, std::optional<std::string>("referral"));

  page = list_signals(c(), SignalFilter{{a, b}, std::nullopt, std::nullopt, 2, 1});
  EXPECT_EQ(page.total, 5);
  EXPECT_EQ(ids(page), (std::vector<Id>{s3, s2}));

  page = list_signals(c(), SignalFilter{{b, a, b}, std::nullopt, std::nullopt, 50, 4});
  EXPECT_EQ(page.total, 5);
  EXPECT_EQ(ids(page), (std::vector<Id>{s4}));

  page = list_signals(c(), SignalFilter{{b}, std::nullopt, std::nullopt, 50, 0});
  EXPECT_EQ(ids(page), (std::vector<Id>{s5}));

  page = list_signals(c(), SignalFilter{{a}, std::nullopt, std::nullopt, 10, 10});
  EXPECT_EQ(page.total, 4);
  EXPECT_TRUE(page.items.empty());

  page = list_signals(c(), SignalFilter{{}, std::nullopt, std::nullopt, 50, 0});
  EXPECT_EQ(page.total, 0);
  EXPECT_TRUE(page.items.empty());
}

// ---- cases

TEST_P(RepositoryTest, FindCaseAssemblesEverything) {
  const Id team = insert_team(c(), "T", 1);
  const Id lead = add_user("max", "Max Leider", "team_lead", {team});
  const Id w1 = add_user("nel", "Nel Werker", "outreacher", {team});
  const Id w2 = add_user("oda", "Ans Werker", "outreacher", {team});
  const Id signal = add_signal(team, w1, "Piet Fictief", "2026-06-01", 100);
  const auto sig = find_signal(c(), signal);
  // An earlier decision without a case is history of the signal, not the case's opening decision.
  insert_decision(c(), signal, {"no_action", "eerst afwachten", {}}, lead, 150, std::nullopt);

  const Id kase = insert_case(c(), team, sig->person.id, {w1, w2}, lead, "zorgen over \"woning\"", 200);
  const Id decision = insert_decision(c(), signal, {"outreach", "zorgen over \"woning\"", {w1, w2}}, lead, 200, kase);
  // A later signal about the same person, linked to the open case by its own decision.
  const Id later = add_signal(team, w2, "Piet Fictief", "2026-06-10", 300);
  insert_decision(c(), later, {"outreach", "nieuwe melding", {}}, lead, 400, kase);

  EXPECT_EQ(case_team(c(), kase), std::optional<Id>(team));
  EXPECT_EQ(case_status(c(), kase), std::optional<std::string>("open"));

  const auto k = find_case(c(), kase);
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ(k->id, kase);
  EXPECT_EQ(k->team_id, team);
  EXPECT_EQ(k->status, "open");
  EXPECT_EQ(k->opened_at, 200);
  EXPECT_EQ(k->person_name, "Piet Fictief");
  EXPECT_EQ(k->person.id, sig->person.id);
  EXPECT_EQ(k->person.name, "Piet Fictief");
  EXPECT_FALSE(k->last_contact_at.has_value());
  EXPECT_FALSE(k->next_attempt_date.has_value());
  EXPECT_FALSE(k->days_since_last_contact.has_value());
  EXPECT_EQ(k->contact_count, 0);
  EXPECT_TRUE(k->contacts.empty());
  EXPECT_FALSE(k->closure.has_value());

  ASSERT_EQ(k->assigned_workers.size(), 2u);
  EXPECT_EQ(k->assigned_workers[0].id, w2);
  EXPECT_EQ(k->assigned_workers[0].display_name, "Ans Werker");
  EXPECT_EQ(k->assigned_workers[1].id, w1);

  ASSERT_EQ(k->signals.size(), 2u);
  EXPECT_EQ(k->signals[0].id, signal);
  EXPECT_EQ(k->signals[0].case_id, std::optional<Id>(kase));
  EXPECT_EQ(k->signals[0].latest_decision, std::optional<std::string>("outreach"));
  EXPECT_EQ(k->signals[1].id, later);

  ASSERT_TRUE(k->decision.has_value());
  EXPECT_EQ(k->decision->id, decision);
  EXPECT_EQ(k->decision->decision, "outreach");
  EXPECT_EQ(k->decision->reason, "zorgen over \"woning\"");
  EXPECT_EQ(k->decision->decided_by.display_name, "Max Leider");
  EXPECT_EQ(k->decision->decided_at, 200);

  ASSERT_EQ(k->events.size(), 1u);
  EXPECT_EQ(k->events[0].kind, "opened");
  EXPECT_EQ(k->events[0].reason, "zorgen over \"woning\"");
  EXPECT_EQ(k->events[0].note, "");
  EXPECT_EQ(k->events[0].actor.id, lead);
  EXPECT_EQ(k->events[0].actor.display_name, "Max Leider");
  EXPECT_EQ(k->events[0].at, 200);

  EXPECT_FALSE(find_case(c(), kase + 100).has_value());
  EXPECT_FALSE(case_team(c(), kase + 100).has_value());
  EXPECT_FALSE(case_status(c(), kase + 100).has_value());
}

TEST_P(RepositoryTest, ContactsUpdateTheCaseAggregates) {
  const Id team = insert_team(c(), "T", 1);
  const Id w = add_user("pim", "Pim Werker", "outreacher", {team});
  const Id kase = add_case(team, "Quinten Fictief", {w}, w);

  domain::ContactFields first;
  first.occurred_at = "2026-03-10T10:00";
  first.channel = "doorbell";
  first.with_whom = "buurman 'Kees'";
  first.outcome = "door_not_opened";
  first.note = "Briefje \"bel ons\" achtergelaten — ë";
  first.next_attempt_date = "2026-03-17";
  const Id a = insert_contact(c(), kase, first, w, 9000);

  const auto got = find_contact(c(), a);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->id, a);
  EXPECT_EQ(got->case_id, kase);
  EXPECT_EQ(got->occurred_at, first.occurred_at);
  EXPECT_EQ(got->channel, "doorbell");
  EXPECT_EQ(got->with_whom, first.with_whom);
  EXPECT_EQ(got->outcome, "door_not_opened");
  EXPECT_EQ(got->note, first.note);
  EXPECT_EQ(got->next_attempt_date, first.next_attempt_date);
  EXPECT_EQ(got->created_by.id, w);
  EXPECT_EQ(got->created_by.display_name, "Pim Werker");
  EXPECT_EQ(got->created_at, 9000);
  EXPECT_FALSE(find_contact(c(), a + 100).has_value());

  auto k = find_case(c(), kase);
  EXPECT_EQ(k->last_contact_at, std::optional<std::string>("2026-03-10T10:00"));
  EXPECT_EQ(k->next_attempt_date, std::optional<std::string>("2026-03-17"));
  EXPECT_EQ(k->contact_count, 1);

  // Backdated: counted, but the later contact keeps last_contact_at and next_attempt_date.
  const Id b = add_contact(kase, "2026-03-01T09:00", "2026-03-05", w);
  k = find_case(c(), kase);
  EXPECT_EQ(k->last_contact_at, std::optional<std::string>("2026-03-10T10:00"));
  EXPECT_EQ(k->next_attempt_date, std::optional<std::string>("2026-03-17"));
  EXPECT_EQ(k->contact_count, 2);

  // Same moment as the latest: the higher id wins, and it planned nothing.
  const Id same = add_contact(kase, "2026-03-10T10:00", std::nullopt, w);
  k = find_case(c(), kase);
  EXPECT_EQ(k->last_contact_at, std::optional<std::string>("2026-03-10T10:00"));
  EXPECT_FALSE(k->next_attempt_date.has_value());
  EXPECT_EQ(k->contact_count, 3);

  const Id latest = add_contact(kase, "2026-03-12T08:30", "2026-03-20", w);
  k = find_case(c(), kase);
  EXPECT_EQ(k->last_contact_at, std::optional<std::string>("2026-03-12T08:30"));
  EXPECT_EQ(k->next_attempt_date, std::optional<std::string>("2026-03-20"));
  EXPECT_EQ(k->contact_count, 4);

  std::vector<Id> order;
  for (const auto& ct : list_contacts(c(), kase)) order.push_back(ct.id);
  EXPECT_EQ(order, (std::vector<Id>{latest, same, a, b}));
  order.clear();
  for (const auto& ct : k->contacts) order.push_back(ct.id);
  EXPECT_EQ(order, (std::vector<Id>{latest, same, a, b}));
  EXPECT_EQ(k->contacts[2].note, first.note);

  // Another case is untouched.
  const Id other = add_case(team, "Rik Fictief", {w}, w);
  EXPECT_EQ(find_case(c(), other)->contact_count, 0);
  EXPECT_TRUE(list_contacts(c(), other).empty());
}

TEST_P(RepositoryTest, CloseAndReopenKeepTheirHistory) {
  const Id team = insert_team(c(), "T", 1);
  const Id lead = add_user("ria", "Ria Leider", "team_lead", {team});
  const Id w = add_user("sam", "Sam Werker", "outreacher", {team});
  const Id kase = add_case(team, "Tom Fictief", {w}, lead, 100);

  close_case(c(), kase, {"other", "verhuisd naar 't buitenland"}, w, 500);
  EXPECT_EQ(case_status(c(), kase), std::optional<std::string>("closed"));
  auto k = find_case(c(), kase);
  EXPECT_EQ(k->status, "closed");
  ASSERT_TRUE(k->closure.has_value());
  EXPECT_EQ(k->closure->reason, "other");
  EXPECT_EQ(k->closure->note, "verhuisd naar 't buitenland");
  EXPECT_EQ(k->closure->closed_at, 500);
  EXPECT_EQ(k->closure->closed_by.id, w);
  EXPECT_EQ(k->closure->closed_by.display_name, "Sam Werker");
  ASSERT_EQ(k->events.size(), 2u);
  EXPECT_EQ(k->events[1].kind, "closed");
  EXPECT_EQ(k->events[1].reason, "other");
  EXPECT_EQ(k->events[1].note, "verhuisd naar 't buitenland");
  EXPECT_EQ(k->events[1].actor.id, w);
  EXPECT_EQ(k->events[1].at, 500);

  reopen_case(c(), kase, "weer terug in de wijk", lead, 900);
  EXPECT_EQ(case_status(c(), kase), std::optional<std::string>("open"));
  k = find_case(c(), kase);
  EXPECT_EQ(k->status, "open");
  EXPECT_FALSE(k->closure.has_value());
  ASSERT_EQ(k->events.size(), 3u);
  EXPECT_EQ(k->events[0].kind, "opened");
  EXPECT_EQ(k->events[0].actor.display_name, "Ria Leider");
  EXPECT_EQ(k->events[2].kind, "reopened");
  EXPECT_EQ(k->events[2].reason, "weer terug in de wijk");
  EXPECT_EQ(k->events[2].note, "");
  EXPECT_EQ(k->events[2].actor.id, lead);
  EXPECT_EQ(k->events[2].at, 900);

  close_case(c(), kase, {"goal_reached", ""}, lead, 1200);
  k = find_case(c(), kase);
  ASSERT_TRUE(k->closure.has_value());
  EXPECT_EQ(k->closure->reason, "goal_reached");
  EXPECT_EQ(k->closure->note, "");
  EXPECT_EQ(k->closure->closed_by.display_name, "Ria Leider");
  EXPECT_EQ(k->closure->closed_at, 1200);
  EXPECT_EQ(k->events.size(), 4u);
}

class CaseListTest : public RepositoryTest {
 protected:
  void SetUp() override {
    RepositoryTest::SetUp();
    if (IsSkipped()) return;
    a_ = insert_team(c(), "A", 1);
    b_ = insert_team(c(), "B", 1);
    w1_ = add_user("uma", "Uma Werker", "outreacher", {a_});
    w2_ = add_user("vic", "Bart Werker", "outreacher", {a_});
    wb_ = add_user("wim", "Wim Werker", "outreacher", {b_});
    // k1, k5: never contacted. k2 and k8 tie on both dates. k6 is closed. k7 is another team's.
    k1_ = add_case(a_, "Een", {w1_, w2_}, w1_);
    k2_ = add_case(a_, "Twee", {w1_}, w1_);
    k3_ = add_case(a_, "Drie", {w2_}, w1_);
    k4_ = add_case(a_, "Vier", {w1_}, w1_);
    k5_ = add_case(a_, "Vijf", {w2_}, w1_);
    k6_ = add_case(a_, "Zes", {w1_}, w1_);
    k7_ = add_case(b_, "Zeven", {wb_}, wb_);
    k8_ = add_case(a_, "Acht", {w2_, w1_}, w1_);
    add_contact(k2_, "2026-01-10T10:00", "2026-02-01", w1_);
    add_contact(k3_, "2026-01-05T09:00", std::nullopt, w1_);
    add_contact(k4_, "2026-01-20T08:00", "2026-01-25", w1_);
    add_contact(k6_, "2026-01-01T00:00", "2026-01-02", w1_);
    add_contact(k7_, "2026-01-03T00:00", "2026-01-04", wb_);
    add_contact(k8_, "2026-01-10T10:00", "2026-02-01", w1_);
    close_case(c(), k6_, {"goal_reached", ""}, w1_, 5000);
  }

  CaseFilter open_in_a(CaseSort sort, bool descending) {
    CaseFilter f;
    f.team_ids = {a_};
    f.status = "open";
    f.sort = sort;
    f.descending = descending;
    return f;
  }

  Id a_ = 0, b_ = 0, w1_ = 0, w2_ = 0, wb_ = 0;
  Id k1_ = 0, k2_ = 0, k3_ = 0, k4_ = 0, k5_ = 0, k6_ = 0, k7_ = 0, k8_ = 0;
};

TEST_P(CaseListTest, DaysSinceContactDescendingPutsNeverContactedFirst) {
  EXPECT_EQ(case_ids(open_in_a(CaseSort::days_since_contact, true)), (std::vector<Id>{k1_, k5_, k3_, k2_, k8_, k4_}));
}

TEST_P(CaseListTest, DaysSinceContactAscendingIsTheExactReverseTiesIncluded) {
  EXPECT_EQ(case_ids(open_in_a(CaseSort::days_since_contact, false)), (std::vector<Id>{k4_, k8_, k2_, k3_, k5_, k1_}));
}

TEST_P(CaseListTest, NextAttemptAscendingPutsCasesWithoutOneLast) {
  EXPECT_EQ(case_ids(open_in_a(CaseSort::next_attempt, false)), (std::vector<Id>{k4_, k2_, k8_, k1_, k3_, k5_}));
}

TEST_P(CaseListTest, NextAttemptDescendingPutsCasesWithoutOneFirstAndIsTheExactReverse) {
  EXPECT_EQ(case_ids(open_in_a(CaseSort::next_attempt, true)), (std::vector<Id>{k5_, k3_, k1_, k8_, k2_, k4_}));
}

TEST_P(CaseListTest, PagesOfEitherDirectionFollowEachOtherWithoutGapsOrRepeats) {
  for (const CaseSort sort : {CaseSort::days_since_contact, CaseSort::next_attempt}) {
    for (const bool descending : {false, true}) {
      const auto whole = case_ids(open_in_a(sort, descending));
      std::vector<Id> paged;
      for (int offset = 0; offset < 6; offset += 2) {
        CaseFilter f = open_in_a(sort, descending);
        f.limit = 2;
        f.offset = offset;
        const auto page = case_ids(f);
        paged.insert(paged.end(), page.begin(), page.end());
      }
      EXPECT_EQ(paged, whole);
    }
  }
}

TEST_P(CaseListTest, FiltersByStatusTeamAndWorker) {
  CaseFilter f = open_in_a(CaseSort::days_since_contact, true);
  f.status = "closed";
  EXPECT_EQ(case_ids(f), (std::vector<Id>{k6_}));

  f.status = std::nullopt;
  auto page = list_cases(c(), f);
  EXPECT_EQ(page.total, 7);
  EXPECT_EQ(case_ids(f), (std::vector<Id>{k1_, k5_, k6_, k3_, k2_, k8_, k4_}));

  f.team_ids = {b_};
  EXPECT_EQ(case_ids(f), (std::vector<Id>{k7_}));

  f.team_ids = {a_, b_, a_};
  EXPECT_EQ(list_cases(c(), f).total, 8);

  f.team_ids = {};
  page = list_cases(c(), f);
  EXPECT_EQ(page.total, 0);
  EXPECT_TRUE(page.items.empty());

  f = open_in_a(CaseSort::days_since_contact, true);
  f.assigned_worker = w1_;
  page = list_cases(c(), f);
  EXPECT_EQ(page.total, 4);
  EXPECT_EQ(case_ids(f), (std::vector<Id>{k1_, k2_, k8_, k4_}));

  f.assigned_worker = wb_;
  EXPECT_TRUE(case_ids(f).empty());
  f.team_ids = {a_, b_};
  EXPECT_EQ(case_ids(f), (std::vector<Id>{k7_}));
}

TEST_P(CaseListTest, PagesCarryTotalsAndSummaries) {
  CaseFilter f = open_in_a(CaseSort::days_since_contact, true);
  f.limit = 2;
  f.offset = 2;
  auto page = list_cases(c(), f);
  EXPECT_EQ(page.total, 6);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, k3_);
  EXPECT_EQ(page.items[1].id, k2_);

  const auto& s = page.items[1];
  EXPECT_EQ(s.team_id, a_);
  EXPECT_EQ(s.person_name, "Twee");
  EXPECT_EQ(s.status, "open");
  EXPECT_EQ(s.opened_at, 3000);
  EXPECT_EQ(s.last_contact_at, std::optional<std::string>("2026-01-10T10:00"));
  EXPECT_EQ(s.next_attempt_date, std::optional<std::string>("2026-02-01"));
  EXPECT_FALSE(s.days_since_last_contact.has_value());
  EXPECT_EQ(s.contact_count, 1);
  ASSERT_EQ(s.assigned_workers.size(), 1u);
  EXPECT_EQ(s.assigned_workers[0].id, w1_);
  EXPECT_EQ(s.assigned_workers[0].display_name, "Uma Werker");

  f.offset = 0;
  page = list_cases(c(), f);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, k1_);
  ASSERT_EQ(page.items[0].assigned_workers.size(), 2u);
  EXPECT_EQ(page.items[0].assigned_workers[0].display_name, "Bart Werker");
  EXPECT_EQ(page.items[0].assigned_workers[1].display_name, "Uma Werker");
  EXPECT_FALSE(page.items[0].last_contact_at.has_value());
  EXPECT_EQ(page.items[0].contact_count, 0);

  f.limit = 50;
  f.offset = 5;
  page = list_cases(c(), f);
  EXPECT_EQ(page.total, 6);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, k4_);
  ASSERT_EQ(page.items[0].assigned_workers.size(), 1u);

  f.offset = 6;
  page = list_cases(c(), f);
  EXPECT_EQ(page.total, 6);
  EXPECT_TRUE(page.items.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, RepositoryTest, ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);
INSTANTIATE_TEST_SUITE_P(Backends, CaseListTest, ::testing::Values(Backend::sqlite, Backend::postgres), backend_name);

}  // namespace
}  // namespace voordeur::store
