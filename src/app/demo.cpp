#include "app/demo.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>

#include "app/auth.h"
#include "app/consents.h"
#include "app/tx.h"
#include "domain/dates.h"
#include "domain/trajectory.h"
#include "domain/vocabulary.h"
#include "store/consent_repository.h"
#include "store/repository.h"
#include "store/totp_repository.h"

namespace voordeur::app {
namespace {

constexpr std::array kFirstNames = {"Anna", "Bram", "Carla", "Dirk", "Eva", "Frits", "Gerda", "Henk",
                                    "Ilse", "Jan", "Kees", "Lotte", "Mo", "Nadia", "Otto", "Petra",
                                    "Ruud", "Sanne", "Theo", "Yara"};
// Invented surnames: obviously not real people.
constexpr std::array kSurnames = {"Voorbeeld", "Proefstra", "Testerink", "Demozijl", "Fictiefsma",
                                  "Bedachtsma", "Verzonnen", "Denkbeeld", "Oefenhuis", "Nepveld"};
constexpr std::array kStreets = {"Voorbeeldstraat", "Proefplein", "Demolaan", "Testweg", "Oefenhof"};
constexpr std::array kOrganisations = {"Woningcorporatie Demostad", "Wijkpolitie Demostad", "Huisartsenpraktijk Oefenhof",
                                       "Basisschool De Proef", "Schuldhulp Demostad"};
constexpr std::array kReasons = {"Ernstige zorgen, geen hulp in beeld", "Huurachterstand en geen reactie op brieven",
                                 "Buren ongerust over vervuiling in de woning",
                                 "School meldt dat de kinderen dagen missen"};

struct DemoUser {
  const char* username;
  const char* display_name;
  const char* role;
  int team;  // index into the two teams, -1 for none, kBothTeams for both
};
constexpr int kBothTeams = 2;
constexpr const char* kPartnerOrganisation = "Woningcorporatie Demo";
constexpr std::array kUsers = {DemoUser{"demo-outreacher-a", "Demo Outreacher A", "outreacher", 0},
                               DemoUser{"demo-lead-a", "Demo Teamleider A", "team_lead", 0},
                               DemoUser{"demo-outreacher-b", "Demo Outreacher B", "outreacher", 1},
                               DemoUser{"demo-lead-b", "Demo Teamleider B", "team_lead", 1},
                               DemoUser{"demo-admin", "Demo Beheerder", "admin", -1},
                               DemoUser{"demo-reception", "Demo Receptie", "reception", -1},
                               DemoUser{"demo-partner", "Demo Woningcorporatie", "partner", kBothTeams},
                               DemoUser{"demo-policy", "Demo Beleid", "policy", -1},
                               DemoUser{"demo-privacy", "Demo Privacyfunctionaris", "privacy_officer", -1}};

template <typename T, std::size_t N>
const T& pick(std::mt19937& rng, const std::array<T, N>& a) {
  return a[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

std::string pick(std::mt19937& rng, const domain::vocab::List& list) {
  return std::string(list[std::uniform_int_distribution<std::size_t>(0, list.size() - 1)(rng)]);
}

int roll(std::mt19937& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

std::string local_datetime(std::int64_t day, int hour, int minute) {
  char hm[8];
  std::snprintf(hm, sizeof hm, "T%02d:%02d", hour, minute);
  return domain::date_from_day_number(day) + hm;
}

// A contact history that starts with unanswered attempts and, for most cases, ends in contact.
int add_contacts(store::Connection& c, std::mt19937& rng, domain::Id case_id, domain::Id worker, std::int64_t first_day,
                 std::int64_t today, std::int64_t now) {
  const int attempts = roll(rng, 0, 9);
  const int reached_at = roll(rng, 1, 6);
  std::int64_t day = first_day;
  int written = 0;
  for (int i = 0; i < attempts && day <= today; ++i) {
    domain::ContactFields ct;
    ct.occurred_at = local_datetime(day, roll(rng, 8, 19), roll(rng, 0, 3) * 15);
    if (i < reached_at) {
      static const std::array<std::pair<const char*, const char*>, 4> tries = {
          std::pair{"doorbell", "not_at_home"}, std::pair{"home_visit", "door_not_opened"},
          std::pair{"letter_or_card", "not_at_home"}, std::pair{"phone", "not_at_home"}};
      const auto& [channel, outcome] = pick(rng, tries);
      ct.channel = channel;
      ct.outcome = outcome;
      ct.note = "Niet opengedaan; kaartje met telefoonnummer achtergelaten.";
    } else {
      static const std::array<std::pair<const char*, const char*>, 5> talks = {
          std::pair{"home_visit", "conversation"}, std::pair{"street", "brief_contact"},
          std::pair{"phone", "appointment_made"}, std::pair{"home_visit", "appointment_not_kept"},
          std::pair{"at_office", "conversation"}};
      const auto& [channel, outcome] = pick(rng, talks);
      ct.channel = channel;
      ct.outcome = outcome;
      ct.with_whom = "Cliënt";
      ct.note = "Gesproken over de brieven van de woningcorporatie; volgende stap afgesproken.";
    }
    const std::int64_t next = day + roll(rng, 2, 7);
    if (i + 1 == attempts && roll(rng, 0, 3) > 0) ct.next_attempt_date = domain::date_from_day_number(next);
    // Recorded on the day it happened, so the timeline shows it in its place.
    store::insert_contact(c, case_id, ct, worker, now - (today - day) * 86400);
    ++written;
    day = next;
  }
  return written;
}

// Moves a case along `events` where the trajectory allows it (a refused move is skipped), the moves
// spread evenly from `from` to `until`.
void walk(store::Connection& c, domain::Id case_id, const std::vector<std::string>& events, domain::Id actor,
          std::int64_t from, std::int64_t until) {
  static const std::array<std::pair<const char*, const char*>, 5> reasons = {
      std::pair{"start_contact", "Aanpak afgesproken; eerste bezoek samen met de woonconsulent."},
      std::pair{"contact_made", "Cliënt deed open en wil een volgend bezoek."},
      std::pair{"start_help", "Prioriteiten afgesproken: eerst de huurachterstand, dan de huisarts."},
      std::pair{"start_monitoring", "Doorverwezen naar schuldhulpverlening; we komen af en toe langs."},
      std::pair{"contact_lost", "Al weken geen reactie; we bellen weer aan."}};
  domain::TransitionFacts facts;
  facts.has_conversation = store::case_has_conversation(c, case_id);
  std::string phase = *store::case_phase(c, case_id);
  const std::int64_t step = std::max<std::int64_t>(until - from, 0) / static_cast<std::int64_t>(events.size() + 1);
  std::int64_t at = from;
  for (const auto& event : events) {
    at += step;
    auto to = domain::decide_transition(domain::transitions(), phase, event, facts);
    if (!to) continue;
    const auto reason = std::find_if(reasons.begin(), reasons.end(), [&](const auto& r) { return event == r.first; });
    store::record_transition(c, case_id, phase, event, to.value(), actor,
                             reason == reasons.end() ? "Besproken in het teamoverleg" : reason->second, at);
    phase = to.value();
  }
}

// Gives the person's household a partner and one or two children; the case concerns them all.
void add_household(store::Connection& c, domain::Id team, domain::Id person, domain::Id case_id,
                   const domain::Person& head, int n, std::int64_t today, std::int64_t now) {
  const domain::Id household = *store::person_household(c, person);
  const std::string surname = head.name.substr(head.name.find(' ') + 1);
  const auto member = [&](int k, std::int64_t age_days, const char* role) {
    domain::Person p;
    p.name = std::string(kFirstNames[static_cast<std::size_t>(n + k) % kFirstNames.size()]) + " " + surname;
    p.address = head.address;
    p.date_of_birth = domain::date_from_day_number(today - age_days);
    store::insert_person(c, team, p, now, household, role);
  };
  member(3, 35 * 365 + n * 40, "adult");
  member(7, (4 + n % 9) * 365, "child");
  if (n % 2 == 0) member(11, (2 + n % 5) * 365, "child");
  store::set_case_household(c, case_id, household);
}

// A case the consent data below can be hung on.
struct DemoCase {
  domain::Id person = 0;
  int team = 0;
  bool open = false;
  std::int64_t opened_day = 0;
};

// Consents, stances and information exchanges (Bijlage 4 and 5) for a few persons with an open
// case opened at least 90 days ago, recorded through the rules of the API (app/consents.h): a
// record that breaks them fails the demo. Every consent state shows up (general, partial, no
// opinion, explicitly refuses; the other persons were not asked), and exchanges rest on a consent
// and on each ground without consent. Team A's persons without a consent stay untouched, so the
// browser tests find open cases of team A without any consent record; and the person with a
// Meldcode exchange (which holds off erasure) has an open case, like every person here.
std::optional<domain::Error> add_consents(store::Connection& c, const std::vector<DemoCase>& cases,
                                          const std::array<domain::Id, 2>& outreacher,
                                          const std::array<domain::Id, 2>& lead, std::int64_t today,
                                          std::int64_t now, DemoSummary& summary) {
  const std::string today_text = domain::date_from_day_number(today);
  const auto date = [&](std::int64_t days_ago) { return domain::date_from_day_number(today - days_ago); };
  // Recorded on the day it happened, like the contacts.
  const auto at = [&](const std::string& day) { return now - (today - *domain::day_number(day)) * 86400; };
  std::vector<domain::Id> used;
  const auto person_of = [&](int team) -> std::optional<domain::Id> {
    for (const auto& k : cases) {
      if (k.team != team || !k.open || k.opened_day > today - 90) continue;
      if (std::find(used.begin(), used.end(), k.person) != used.end()) continue;
      used.push_back(k.person);
      return k.person;
    }
    return std::nullopt;
  };
  std::optional<domain::Error> failed;
  const auto consent = [&](domain::Id person, int team, domain::ConsentInput in) -> domain::Id {
    if (failed) return 0;
    auto id = record_consent(c, person, in, outreacher[team], at(in.given_on), today_text);
    if (!id) {
      failed = id.error();
      return 0;
    }
    ++summary.consents;
    return id.value();
  };
  const auto exchange = [&](domain::Id person, domain::Id actor, domain::ExchangeInput in) {
    if (failed) return;
    auto id = record_exchange(c, person, in, actor, at(in.occurred_on), today_text);
    if (!id) {
      failed = id.error();
      return;
    }
    ++summary.exchanges;
  };
  const auto stance = [&](domain::Id person, int team, domain::ConsentStanceInput in) {
    if (failed) return;
    if (auto id = record_consent_stance(c, person, in, outreacher[team], at(in.noted_on), today_text); !id) {
      failed = id.error();
    }
  };

  const auto general = person_of(0), partial = person_of(0), refuses = person_of(1), no_opinion = person_of(1),
             meldcode = person_of(1);
  if (!general || !partial || !refuses || !no_opinion || !meldcode) {
    return domain::make_error("internal", "The demo has too few open cases for its consent data.");
  }

  // General: full consent for the GP; partial for the housing corporation, until a date.
  consent(*general, 0, {"general_practitioner", "", "full", {}, {"oral", "phone"}, date(75), std::nullopt});
  consent(*general, 0,
          {"housing_corporation", "Woonstichting Voorbeeld", "partial", {"housing", "finances"},
           {"phone", "electronic"}, date(70), date(-110)});
  exchange(*general, outreacher[0],
           {date(60), "given", "phone", "housing_corporation", "Woonstichting Voorbeeld", "Consulent Voorbeeld",
            {"housing"}, "consent", "", ""});
  exchange(*general, outreacher[0],
           {date(30), "received", "oral", "general_practitioner", "Huisartsenpraktijk Verzonnen", "", {"health"},
            "consent", "", ""});
  // A ground without consent: the worker found the client confused, without food, in a cold house.
  exchange(*general, outreacher[0],
           {date(12), "given", "phone", "other_health_care", "Wijkverpleging Denkbeeld", "", {"health", "self_care"},
            "vital_interest",
            "Cliënt verward en zonder eten in een onverwarmd huis; de wijkverpleging kwam dezelfde dag.", ""});

  // Partial: mental health care and social services for some topics, one of them until a date.
  consent(*partial, 0,
          {"mental_health_care", "GGZ Proefstad", "partial", {"psychiatry", "health"}, {"oral"}, date(50), date(-60)});
  consent(*partial, 0,
          {"social_services", "", "partial", {"finances", "daytime_activity"}, {"electronic"}, date(45), std::nullopt});
  exchange(*partial, outreacher[0],
           {date(40), "given", "oral", "mental_health_care", "GGZ Proefstad", "Behandelaar Voorbeeld", {"psychiatry"},
            "consent", "", ""});
  exchange(*partial, lead[0],
           {date(20), "given", "electronic", "social_services", "Gemeente Demostad, Wmo-loket", "",
            {"finances"}, "legal_duty",
            "De gemeente vroeg de gegevens die nodig zijn voor het Wmo-onderzoek; alleen die zijn gegeven.", ""});

  // Explicitly refuses: a consent that ended, one withdrawn, then the refusal.
  consent(*refuses, 1,
          {"benefits_agency", "", "full", {}, {"phone", "electronic"}, date(85), date(35)});
  const domain::Id debt = consent(*refuses, 1,
                                  {"financial_administrator", "Bewindvoering Fictief", "partial", {"finances"},
                                   {"oral", "phone"}, date(80), std::nullopt});
  exchange(*refuses, outreacher[1],
           {date(65), "given", "phone", "financial_administrator", "Bewindvoering Fictief", "", {"finances"}, "consent",
            "", ""});
  if (!failed) {
    if (auto w = withdraw_consent(c, *store::find_consent(c, debt), date(25), outreacher[1], today_text); !w) {
      failed = w.error();
    }
  }
  stance(*refuses, 1, {"explicitly_refuses", date(24), "Wil niet meer dat we iets met wie dan ook delen."});
  exchange(*refuses, outreacher[1],
           {date(10), "given", "phone", "housing_corporation", "Woonstichting Voorbeeld", "Consulent Voorbeeld",
            {"housing", "nuisance"}, "professional_code_art2",
            "De ontruiming is over een paar dagen; de corporatie laten weten dat er outreach loopt, kan "
            "dakloosheid voorkomen.",
            "Demo Teamleider B"});

  // No opinion.
  stance(*no_opinion, 1, {"no_opinion", date(30), "Zegt dat we moeten doen wat wij het beste vinden."});

  // The Meldcode: a report to Veilig Thuis (a legal hold: the person cannot be erased while it exists).
  exchange(*meldcode, lead[1],
           {date(15), "given", "phone", "other", "Veilig Thuis Voorbeeld", "",
            {"relationship_problems", "aggressive_behaviour"}, "meldcode",
            "Signalen van huiselijk geweld; de stappen van de Meldcode zijn gevolgd en Veilig Thuis is gebeld.", ""});
  return failed;
}

}  // namespace

domain::Result<DemoSummary> create_demo(store::Database& db, const Clock& clock) {
  // Hash once: the demo users share a password, and Argon2id is deliberately slow.
  const std::string hash = hash_password(kDemoPassword);
  const std::int64_t now = clock.now();
  const std::int64_t today = *domain::day_number(clock.local_today());
  return in_transaction(db, [&](store::Connection& c) -> domain::Result<DemoSummary> {
    if (store::count_users(c) > 0) {
      return domain::make_error("conflict",
                                "This database already has users, so demo data was not added. Use an empty "
                                "database (for example a new --database file) for the demo.");
    }
    DemoSummary summary;
    std::mt19937 rng(20261122);
    const std::array<domain::Id, 2> teams = {store::insert_team(c, "Team A", now),
                                             store::insert_team(c, "Team B", now)};
    std::array<domain::Id, 2> outreacher{}, lead{};
    std::vector<DemoCase> demo_cases;
    domain::Id partner = 0;
    for (const auto& u : kUsers) {
      domain::Id id = store::insert_user(c, domain::User{0, u.username, u.display_name, u.role, true, {}}, hash, now);
      const std::string role = u.role;
      if (u.team == kBothTeams) {
        store::set_user_teams(c, id, {teams[0], teams[1]});
      } else if (u.team >= 0) {
        store::set_user_teams(c, id, {teams[u.team]});
      }
      if (role == "team_lead") lead[u.team] = id;
      if (role == "outreacher") outreacher[u.team] = id;
      if (role == "partner") partner = id;
      // The roles that must use two-factor login by default start enrolled with the public demo secret.
      if (role == "admin" || role == "privacy_officer") {
        store::save_totp_secret(c, id, kDemoTotpSecret, now);
        store::enable_totp(c, id);
        summary.totp_usernames.push_back(u.username);
      }
      summary.usernames.push_back(u.username);
    }

    for (int i = 0; i < 200; ++i) {
      const int t = (i / 2) % 2;  // alternate teams in pairs, so both get outreach cases
      const std::int64_t intake_day = today - 180 + (i * 179) / 199;
      domain::SignalFields s;
      s.intake_date = domain::date_from_day_number(intake_day);
      s.reporter.kind = i % 3 == 0 ? "private_person" : "organisation";
      if (s.reporter.kind == "organisation") {
        s.reporter.organisation = pick(rng, kOrganisations);
        s.reporter.function = "Consulent";
        s.reporter.name = std::string(pick(rng, kFirstNames)) + " " + pick(rng, kSurnames);
      } else {
        s.reporter.name = std::string(pick(rng, kFirstNames)) + " " + pick(rng, kSurnames);
        s.reporter.relation = "Buurvrouw";
      }
      s.reporter.phone = "06-0000" + std::to_string(1000 + i);
      s.person.name = std::string(pick(rng, kFirstNames)) + " " + pick(rng, kSurnames);
      s.person.address = std::string(pick(rng, kStreets)) + " " + std::to_string(roll(rng, 1, 200)) + ", Demostad";
      s.person.sex = pick(rng, domain::vocab::sexes);
      s.person.date_of_birth = domain::date_from_day_number(today - roll(rng, 20 * 365, 85 * 365));
      s.relation_to_person = s.reporter.kind == "organisation" ? "Huurder van de corporatie" : "Woont ernaast";
      s.known_since = std::to_string(roll(rng, 1, 10)) + " jaar";
      s.direct_reason = pick(rng, domain::vocab::direct_reasons);
      if (s.direct_reason == "other") s.direct_reason_other = "Ongerust familielid in het buitenland";
      s.tried_and_result = "Brieven en twee bezoeken; geen reactie.";
      s.what_would_help = "Iemand die blijft langskomen.";
      s.whereabouts = "Meestal thuis; laat 's ochtends de hond uit.";
      s.reporter_can_introduce = pick(rng, domain::vocab::reporter_can_introduce);
      s.worker_gender_preference = pick(rng, domain::vocab::worker_gender_preferences);
      s.may_contact_reporter = i % 4 != 0;
      const int areas = roll(rng, 1, 3);
      for (int k = 0; k < areas; ++k) {
        std::string area = pick(rng, domain::vocab::problem_areas);
        if (area == "other") continue;
        if (std::find(s.problem_areas.begin(), s.problem_areas.end(), area) == s.problem_areas.end()) {
          s.problem_areas.push_back(area);
        }
      }
      s.person_aware = i % 5 == 0 ? "unknown" : "yes";
      const std::int64_t created = now - (today - intake_day) * 86400;
      // One in five signals comes from the partner user, a housing corporation that reports itself.
      const bool from_partner = i % 5 == 3;
      if (from_partner) {
        s.reporter.kind = "organisation";
        s.reporter.organisation = kPartnerOrganisation;
        s.reporter.function = "Consulent";
        s.reporter.relation.clear();
        s.relation_to_person = "Huurder van de corporatie";
      }
      const domain::Id taker = from_partner ? partner : i % 3 == 0 ? lead[t] : outreacher[t];
      const domain::Id person = store::insert_person(c, teams[t], s.person, created);
      const domain::Id signal = store::insert_signal(c, teams[t], person, s, taker, created);
      ++summary.signals;

      // 80 outreach decisions (the even signals among the first 160), the newest others await a
      // decision, the rest got another decision.
      const bool outreach = i < 160 && i % 2 == 0;
      const bool awaiting = i >= 150 && !outreach;
      if (awaiting) continue;
      const std::int64_t decided = created + 3 * 86400;
      // Reporter feedback is due five working days after the decision; one in five is still open.
      const std::string decided_on = domain::date_from_day_number(intake_day + 3);
      store::set_feedback_due(c, signal, *domain::add_working_days(decided_on, 5));
      if (i % 5 != 4) {
        store::record_feedback(c, signal,
                               domain::FeedbackInput{*domain::add_working_days(decided_on, 2),
                                                     "Verteld dat het team de melding heeft opgepakt."});
      }
      if (!outreach) {
        static const std::array<const char*, 3> others = {"regular_help", "referral", "no_action"};
        store::insert_decision(c, signal, domain::DecisionInput{pick(rng, others), "Besproken in het teamoverleg", {}},
                               lead[t], decided, std::nullopt);
        continue;
      }
      std::vector<domain::Id> workers = {outreacher[t]};
      if (i % 3 == 0) workers.push_back(lead[t]);
      const std::string reason = pick(rng, kReasons);
      const domain::Id case_id = store::insert_case(c, teams[t], person, workers, lead[t], reason, decided);
      store::insert_decision(c, signal, domain::DecisionInput{"outreach", reason, workers}, lead[t], decided, case_id,
                             domain::Triage{{"serious_worry_no_adequate_care"}, {}, ""});
      ++summary.cases;
      // A handful of households with a partner and children, in both teams.
      if (summary.cases % 13 == 1) add_household(c, teams[t], person, case_id, s.person, summary.cases, today, created);
      // Older cases start their (recent) contact history at most 45 days ago.
      summary.contacts +=
          add_contacts(c, rng, case_id, outreacher[t], std::max(intake_day + 4, today - 45), today, now);
      // Phases spread over the trajectory: cases without contacts stay in preparation; the others
      // go as far as their contacts allow (help needs a conversation).
      const int case_no = summary.cases;
      static const std::array<std::vector<std::string>, 5> paths = {
          std::vector<std::string>{"start_contact"},
          std::vector<std::string>{"start_contact", "contact_made"},
          std::vector<std::string>{"start_contact", "contact_made", "start_help"},
          std::vector<std::string>{"start_contact", "contact_made", "start_help", "start_monitoring"},
          std::vector<std::string>{"start_contact", "contact_made", "contact_lost"}};
      const bool closes = case_no % 3 == 0;
      const bool reopens = !closes && case_no % 10 == 1;
      const std::int64_t walk_until = now - (reopens ? 21 : closes ? 2 : 1) * 86400;
      if (store::case_has_conversation(c, case_id) || case_no % 7 != 0) {
        walk(c, case_id, paths[static_cast<std::size_t>(case_no) % paths.size()], workers.front(), decided, walk_until);
      }
      // A third of the cases are closed, spread over every closure reason; some were reopened before.
      const auto close = [&](const domain::ClosureInput& closure, std::int64_t at) {
        const std::string from = *store::case_phase(c, case_id);
        store::close_case(c, case_id, closure, lead[t], at);
        store::record_transition(c, case_id, from, "close", "closed", lead[t], closure.reason, at);
      };
      if (closes) {
        const auto& reasons = domain::vocab::closure_reasons;
        close(domain::ClosureInput{std::string(reasons[(case_no / 3) % reasons.size()]), "Afgesloten na bespreking."},
              now - 86400);
        if (case_no % 9 == 0) {
          // A check-in after the closure, planned for yesterday and not done: the agenda lists it as overdue.
          store::insert_check_in(c, case_id, domain::CheckInInput{domain::date_from_day_number(today - 1), workers.front()},
                                 lead[t], now - 86400, now - 86400);
        }
      } else if (reopens) {
        close(domain::ClosureInput{"out_of_view", "Verhuisd, adres onbekend."}, now - 20 * 86400);
        const std::string reason = "Nieuwe melding van de woningcorporatie";
        store::reopen_case(c, case_id, reason, lead[t], now - 10 * 86400);
        store::record_transition(c, case_id, "closed", "reopen", "making_contact", lead[t], reason, now - 10 * 86400);
      } else if (case_no % 7 == 2 && workers.size() == 1) {
        // Some cases went to the team lead when worker and client did not get on.
        store::hand_over_case(c, case_id, outreacher[t], lead[t],
                              "Geen klik tussen werker en cliënt; een collega neemt het over.", lead[t],
                              now - 5 * 86400);
      }
      demo_cases.push_back(DemoCase{person, t, !closes, intake_day + 3});
    }
    if (auto e = add_consents(c, demo_cases, outreacher, lead, today, now, summary)) return *e;
    return summary;
  });
}

}  // namespace voordeur::app
