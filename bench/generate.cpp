// voordeur-bench-generate: adds a large case load to a database that already holds the demo data
// (`voordeur demo`), for the benchmarks in bench/.
//
// Per generated case: one person, one decided signal, one outreach decision, the case row with its
// phase, one or two assigned workers (with their assignment rows), an "opened" event (and a
// "closed" event for the closed fifth), the phase transitions, and its contacts. Cases alternate
// between Team A and Team B (even index: A), so with ids given out consecutively the two teams
// hold the ids of alternating parity. The number of contacts varies
// per case (0 .. 2 x --contacts-per-case, paired within a team so that the total is exactly
// cases x per case); the case aggregates last_contact_at, next_attempt_date and contact_count are
// written from the generated contacts and checked against them at the end.
//
// Rows are written with explicit ids through multi-row INSERT statements on store::Connection
// (prepared once per SQL text by the store layer), one transaction per batch of cases. The same
// seed and --today give the same data.
//
// The sensitive columns (store::sealed_columns) are sealed as the server seals them, by BulkInsert,
// with the key of --key-file. A database whose key is recorded (`voordeur demo` records one) needs it: the
// server seals plain rows only at its first start with a key, so rows written later would stay
// plain, and a case view would skip the decryption a real one does.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cstddef>
#include <exception>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.h"
#include "domain/vocabulary.h"
#include "app/encryption.h"
#include "store/db.h"
#include "store/encryption_repository.h"
#include "store/field_crypto.h"

namespace {

using voordeur::store::Connection;
using voordeur::store::Value;
using Id = std::int64_t;

constexpr std::string_view kUsage =
    "Usage: voordeur-bench-generate --database URL [--key-file FILE] [--cases N] [--contacts-per-case K]\n"
    "                               [--seed S] [--today YYYY-MM-DD] [--batch-cases B]\n"
    "Adds N cases (default 100000) with on average K contacts each (default 10) to a database\n"
    "that already holds the demo data (run `voordeur demo --database URL` first). --key-file is the\n"
    "database's key (voordeur.key in the data directory); sensitive columns are sealed with it.\n";

struct Options {
  std::string database;
  std::string key_file;
  std::int64_t cases = 100000;
  std::int64_t contacts_per_case = 10;
  std::uint64_t seed = 20261122;
  std::optional<std::string> today;
  std::int64_t batch_cases = 5000;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "voordeur-bench-generate: " << message << "\n\n" << kUsage;
  std::exit(2);
}

std::int64_t parse_count(const std::string& name, const std::string& text, std::int64_t min, std::int64_t max) {
  std::size_t used = 0;
  std::int64_t value = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || value < min || value > max) {
    usage_error(name + " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return value;
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (i + 1 >= argc) usage_error("missing value after " + arg);
    const std::string value = argv[++i];
    if (arg == "--database") {
      o.database = value;
    } else if (arg == "--key-file") {
      o.key_file = value;
    } else if (arg == "--cases") {
      o.cases = parse_count(arg, value, 1, 100000000);
    } else if (arg == "--contacts-per-case") {
      o.contacts_per_case = parse_count(arg, value, 0, 1000);
    } else if (arg == "--seed") {
      o.seed = static_cast<std::uint64_t>(parse_count(arg, value, 0, INT64_MAX));
    } else if (arg == "--today") {
      if (!voordeur::domain::is_valid_date(value)) usage_error("--today must be a date YYYY-MM-DD");
      o.today = value;
    } else if (arg == "--batch-cases") {
      o.batch_cases = parse_count(arg, value, 1, 1000000);
    } else {
      usage_error("unknown option " + arg);
    }
  }
  if (o.database.empty()) usage_error("--database is required");
  return o;
}

std::string local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

// Rows for one table, kept until flush() and then written as INSERT ... VALUES (...), (...), ...
// Statements hold a power of two of rows: full statements of rows_per_statement rows, then the
// rest as a sum of smaller powers of two. So a table uses at most a handful of SQL texts, each
// prepared once by the store's statement cache (preparing costs O(parameters^2) in SQLite's
// parameter name lookup, far too much to repeat for every batch).
class BulkInsert {
 public:
  BulkInsert(std::string table, std::vector<std::string_view> columns)
      : table_(std::move(table)), columns_(std::move(columns)), rows_per_statement_(1) {
    while (rows_per_statement_ * 2 <= kMaxRows && rows_per_statement_ * 2 * columns_.size() <= kMaxParameters) {
      rows_per_statement_ *= 2;
    }
    for (const auto column : columns_) {
      const auto& sealed = voordeur::store::sealed_columns();
      sealed_.push_back(std::any_of(sealed.begin(), sealed.end(), [&](const voordeur::store::SealedColumn& s) {
        return s.table == table_ && s.column == column;
      }));
    }
  }

  // One row; values in the order of the columns. The server's sealed columns are sealed here with
  // the installed key ring, as the repository seals them.
  void add(std::initializer_list<Value> row) {
    std::size_t column = 0;
    for (const Value& value : row) {
      const auto* text = std::get_if<std::string>(&value);
      pending_.push_back(sealed_.at(column++) && text ? Value{voordeur::store::seal(*text)} : value);
    }
  }

  void flush(Connection& c) {
    std::size_t at = 0;
    std::size_t rows = rows_per_statement_;
    while (at < pending_.size()) {
      while (rows > 1 && at + rows * columns_.size() > pending_.size()) rows /= 2;
      const std::size_t end = at + rows * columns_.size();
      statement_.assign(std::make_move_iterator(pending_.begin() + static_cast<std::ptrdiff_t>(at)),
                        std::make_move_iterator(pending_.begin() + static_cast<std::ptrdiff_t>(end)));
      c.query(sql_for(rows), statement_);
      rows_ += static_cast<std::int64_t>(rows);
      at = end;
    }
    pending_.clear();
  }

  std::int64_t rows() const { return rows_; }
  const std::string& table() const { return table_; }

 private:
  // Big enough to make the per-statement cost small. The limits are far away: SQLite allows 32766
  // host parameters and PostgreSQL 65535, though libpq 15 drops the connection ("lost
  // synchronization with server") when a prepared statement's parameter description exceeds
  // 30000 bytes, i.e. beyond about 7500 parameters.
  static constexpr std::size_t kMaxParameters = 1024;
  static constexpr std::size_t kMaxRows = 256;

  const std::string& sql_for(std::size_t rows) {
    auto [it, added] = sql_.try_emplace(rows);
    if (!added) return it->second;
    std::string& sql = it->second;
    sql = "INSERT INTO " + table_ + " (";
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (c > 0) sql += ", ";
      sql += columns_[c];
    }
    sql += ") VALUES ";
    std::size_t n = 1;
    for (std::size_t r = 0; r < rows; ++r) {
      sql += r > 0 ? ", (" : "(";
      for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (c > 0) sql += ", ";
        sql += '$' + std::to_string(n++);
      }
      sql += ')';
    }
    return sql;
  }

  std::string table_;
  std::vector<std::string_view> columns_;
  std::vector<bool> sealed_;  // per column: one of store::sealed_columns()
  std::size_t rows_per_statement_;
  std::map<std::size_t, std::string> sql_;  // rows per statement -> SQL text
  std::vector<Value> pending_;
  std::vector<Value> statement_;
  std::int64_t rows_ = 0;
};

// Invented names: obviously not real people.
constexpr std::array kFirstNames = {"Aart", "Bente", "Cor", "Dini", "Evert", "Fenna", "Gijs", "Hester",
                                    "Ivo", "Jikke", "Klaas", "Lieke", "Manus", "Noor", "Olof", "Pien",
                                    "Rinus", "Sietske", "Tjeerd", "Wieke"};
constexpr std::array kSurnames = {"Voorbeeld", "Proefstra", "Proefhuis", "Oefenga",  "Bedenkamp",
                                  "Verzinkhof", "Nepstra",   "Schetsma",  "Ontwerpen", "Probeerveld"};
constexpr std::array kStreets = {"Bankwerkerstraat", "Meetlatlaan", "Steekproefplein", "Ijkweg", "Schaalhof"};
constexpr std::array kOrganisations = {"Woonstichting Proefdorp", "Wijkteam Proefdorp Noord",
                                       "Huisartsenpost De Meetlat", "Schuldhulp Proefdorp"};
constexpr std::array kDecisionReasons = {"Worried neighbours, no care in place", "Rent arrears, letters unanswered",
                                         "Squalor reported by the housing corporation",
                                         "Children often absent from school"};
constexpr std::array kContactNotes = {"No answer; left a card with a phone number.",
                                      "Short talk at the door; will come back next week.",
                                      "Talked about the letters from the housing corporation; next step agreed.",
                                      "Neighbour says the client is staying with family.",
                                      "Appointment made for a visit together with the GP practice nurse."};

struct Teams {
  std::array<Id, 2> id{};
  std::array<Id, 2> outreacher{};
  std::array<Id, 2> lead{};
};

Id single_id(Connection& c, std::string_view sql, const std::string& name) {
  const auto rs = c.query(sql, {name});
  if (rs.rows.empty()) {
    throw std::runtime_error("'" + name +
                             "' not found: this database has no demo data; run `voordeur demo --database URL` first");
  }
  return rs.rows[0].integer(0);
}

Teams find_demo_teams(Connection& c) {
  Teams t;
  constexpr std::string_view team_sql = "SELECT id FROM teams WHERE name = $1";
  constexpr std::string_view user_sql = "SELECT id FROM users WHERE username = $1";
  t.id = {single_id(c, team_sql, "Team A"), single_id(c, team_sql, "Team B")};
  t.outreacher = {single_id(c, user_sql, "demo-outreacher-a"), single_id(c, user_sql, "demo-outreacher-b")};
  t.lead = {single_id(c, user_sql, "demo-lead-a"), single_id(c, user_sql, "demo-lead-b")};
  return t;
}

Id max_id(Connection& c, const std::string& table) {
  return c.query("SELECT COALESCE(MAX(id), 0) FROM " + table).rows.at(0).integer(0);
}

class Generator {
 public:
  Generator(const Options& o, const Teams& teams, std::int64_t today)
      : o_(o), teams_(teams), today_(today), rng_(o.seed) {}

  void set_bases(Connection& c) {
    person_base_ = max_id(c, "persons");
    signal_base_ = max_id(c, "signals");
    decision_base_ = max_id(c, "signal_decisions");
    case_base_ = max_id(c, "cases");
    event_id_ = max_id(c, "case_events");
    contact_id_ = max_id(c, "contacts");
    transition_id_ = max_id(c, "case_transitions");
    assignment_id_ = max_id(c, "case_assignments");
  }

  Id first_case_id() const { return case_base_ + 1; }

  // Writes cases [from, to) in the current transaction of c.
  void write_batch(Connection& c, std::int64_t from, std::int64_t to) {
    for (std::int64_t i = from; i < to; ++i) add_case(i);
    // Parents before children: foreign keys are checked per statement.
    for (auto* table : tables()) table->flush(c);
  }

  std::vector<BulkInsert*> tables() {
    return {&persons_,     &cases_,  &signals_,     &decisions_, &workers_,
            &assignments_, &events_, &transitions_, &contacts_};
  }

 private:
  int roll(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& a) {
    return a[static_cast<std::size_t>(roll(0, static_cast<int>(N) - 1))];
  }
  std::string pick(const voordeur::domain::vocab::List& list) {
    return std::string(list[static_cast<std::size_t>(roll(0, static_cast<int>(list.size()) - 1))]);
  }

  // Two draws in a fixed order (the operands of + are not sequenced).
  std::string full_name() {
    std::string name = pick(kFirstNames);
    name += ' ';
    name += pick(kSurnames);
    return name;
  }

  static std::string local_datetime(std::int64_t day, int minute_of_day) {
    char hm[8];
    std::snprintf(hm, sizeof hm, "T%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return voordeur::domain::date_from_day_number(day) + hm;
  }

  // Contacts of case i: cases i and i + 2 (same team) get K + r and K - r, so every team has K
  // per case on average and the total is exactly N x K.
  int contact_count(std::int64_t i) {
    const int k = static_cast<int>(o_.contacts_per_case);
    const std::size_t slot = static_cast<std::size_t>(i % 2);
    if (i % 4 < 2) {
      if (i + 2 >= o_.cases) return k;
      pair_offset_[slot] = roll(0, k);
      return k + pair_offset_[slot];
    }
    return k - pair_offset_[slot];
  }

  void add_case(std::int64_t i) {
    namespace vocab = voordeur::domain::vocab;
    const int t = static_cast<int>(i % 2);
    const Id team = teams_.id[t];
    const Id worker = teams_.outreacher[t];
    const Id lead = teams_.lead[t];
    const Id person_id = person_base_ + 1 + i;
    const Id signal_id = signal_base_ + 1 + i;
    const Id decision_id = decision_base_ + 1 + i;
    const Id case_id = case_base_ + 1 + i;

    const std::int64_t opened_day = today_ - roll(30, 1095);
    const std::int64_t intake_day = opened_day - roll(1, 14);
    const std::int64_t intake_at = intake_day * 86400 + roll(8 * 60, 17 * 60) * 60;
    const std::int64_t opened_at = opened_day * 86400 + roll(8 * 60, 17 * 60) * 60;
    const bool closed = roll(0, 4) == 0;
    // Contacts fall on working hours (08:00-20:00) of the days after opening; a closed case was
    // closed the day after its contact window.
    const std::int64_t window_days = closed ? (today_ - opened_day) * 3 / 4 : today_ - opened_day - 1;
    const std::int64_t window_end_day = opened_day + window_days;

    const std::string name = full_name();
    std::string address = pick(kStreets);
    address += " " + std::to_string(roll(1, 250)) + ", Proefdorp";
    persons_.add({person_id, team, name, address, "06-1" + std::to_string(1000000 + i % 9000000),
                  voordeur::domain::date_from_day_number(today_ - roll(18 * 365, 90 * 365)), pick(vocab::sexes),
                  intake_at});

    const int n = contact_count(i);
    std::vector<std::int64_t> slots(static_cast<std::size_t>(n));
    const std::int64_t slot_count = std::max<std::int64_t>(window_days, 1) * 720;
    for (auto& s : slots) s = std::uniform_int_distribution<std::int64_t>(0, slot_count - 1)(rng_);
    std::sort(slots.begin(), slots.end());
    // Strictly increasing, so the latest contact is unique (the aggregate rule's tie-break is unused).
    for (std::size_t s = 1; s < slots.size(); ++s) slots[s] = std::max(slots[s], slots[s - 1] + 1);

    std::optional<std::string> last_contact_at;
    std::optional<std::string> next_attempt_date;
    std::optional<std::int64_t> first_contact_time;
    std::optional<std::int64_t> first_conversation_time;
    const Id contact_author = i % 3 == 0 ? lead : worker;
    for (const std::int64_t slot : slots) {
      const std::int64_t day = opened_day + 1 + slot / 720;
      const int minute = 8 * 60 + static_cast<int>(slot % 720);
      const std::int64_t time = day * 86400 + minute * 60;
      const std::string occurred_at = local_datetime(day, minute);
      std::optional<std::string> next;
      if (roll(0, 1) == 0) next = voordeur::domain::date_from_day_number(day + roll(1, 14));
      const std::string outcome = pick(vocab::contact_outcomes);
      if (!first_contact_time) first_contact_time = time;
      if (outcome == "conversation" && !first_conversation_time) first_conversation_time = time;
      contacts_.add({++contact_id_, case_id, occurred_at, pick(vocab::contact_channels),
                     roll(0, 2) == 0 ? std::string("Client") : std::string(), outcome,
                     std::string(pick(kContactNotes)), voordeur::store::opt(next), contact_author, time + 600});
      last_contact_at = occurred_at;
      next_attempt_date = next;
    }

    const std::string reason = pick(kDecisionReasons);
    const std::int64_t closed_at = (window_end_day + 1) * 86400 + 16 * 3600;
    const std::string closure_reason = closed ? pick(vocab::closure_reasons) : std::string();

    // The phase walk of src/domain/transitions.tsv as the workers would have made it: the first
    // attempt starts making contact, the first conversation makes contact, and from there some
    // cases go on to help and monitoring or lose contact again. Closing ends every walk.
    std::string phase = "preparation";
    const auto move = [&](const char* event, const char* to, std::int64_t at, const std::string& why, Id actor) {
      transitions_.add({++transition_id_, case_id, phase, std::string(event), std::string(to), actor, at, why});
      phase = to;
    };
    const Id mover = contact_author;
    if (first_contact_time) {
      move("start_contact", "making_contact", *first_contact_time - 600, "First visit planned.", mover);
    }
    if (first_conversation_time) {
      const std::int64_t at = *first_conversation_time + 600;
      move("contact_made", "follow_up", at, "Client opened the door and agreed to a next visit.", mover);
      const std::string help = "Priorities agreed: rent arrears first.";
      switch (roll(0, 3)) {
        case 1:
          move("start_help", "help", at + 3600, help, mover);
          break;
        case 2:
          move("start_help", "help", at + 3600, help, mover);
          move("start_monitoring", "monitoring", at + 7200, "Referred to debt counselling; we check in.", mover);
          break;
        case 3:
          move("contact_lost", "making_contact", at + 3600, "No answer for weeks; back to ringing the bell.", mover);
          break;
        default:
          break;
      }
    }
    if (closed) move("close", "closed", closed_at, closure_reason, lead);

    if (closed) {
      cases_.add({case_id, team, person_id, std::string("closed"), phase, opened_at, closed_at, lead, closure_reason,
                  std::string("Closed after the team review."), voordeur::store::opt(last_contact_at),
                  voordeur::store::opt(next_attempt_date), std::int64_t{n}});
    } else {
      cases_.add({case_id, team, person_id, std::string("open"), phase, opened_at, voordeur::store::null_value(),
                  voordeur::store::null_value(), voordeur::store::null_value(), voordeur::store::null_value(),
                  voordeur::store::opt(last_contact_at), voordeur::store::opt(next_attempt_date), std::int64_t{n}});
    }

    const bool organisation = roll(0, 2) != 0;
    std::string areas = pick(vocab::problem_areas);
    if (areas == "other") areas = "housing";
    if (roll(0, 1) == 0 && areas != "finances") areas += ",finances";
    std::string direct_reason = pick(vocab::direct_reasons);
    if (direct_reason == "other") direct_reason = "nuisance";
    signals_.add({signal_id, team, person_id, case_id, std::string("decided"),
                  voordeur::domain::date_from_day_number(intake_day), worker,
                  full_name(), std::string(organisation ? "organisation" : "private_person"),
                  organisation ? std::string(pick(kOrganisations)) : std::string(),
                  std::string(organisation ? "Tenant of the corporation" : "Lives next door"), direct_reason,
                  std::string("Letters and two visits; no answer."), std::string("Someone who keeps coming by."),
                  std::string("Usually at home in the morning."), areas, pick(vocab::person_aware), intake_at});
    decisions_.add({decision_id, signal_id, std::string("outreach"), reason, lead, opened_at, case_id});

    workers_.add({case_id, worker});
    assignments_.add({++assignment_id_, case_id, worker, opened_at, lead});
    if (i % 3 == 0) {
      workers_.add({case_id, lead});
      assignments_.add({++assignment_id_, case_id, lead, opened_at, lead});
    }
    events_.add({++event_id_, case_id, std::string("opened"), reason, std::string(), lead, opened_at});
    if (closed) {
      events_.add({++event_id_, case_id, std::string("closed"), closure_reason,
                   std::string("Closed after the team review."), lead, closed_at});
    }
  }

  const Options& o_;
  Teams teams_;
  std::int64_t today_;
  std::mt19937_64 rng_;
  std::array<int, 2> pair_offset_{};
  Id person_base_ = 0, signal_base_ = 0, decision_base_ = 0, case_base_ = 0;
  Id event_id_ = 0, contact_id_ = 0, transition_id_ = 0, assignment_id_ = 0;

  BulkInsert persons_{"persons", {"id", "team_id", "name", "address", "phone", "date_of_birth", "sex", "created_at"}};
  BulkInsert cases_{"cases",
                    {"id", "team_id", "person_id", "status", "phase", "opened_at", "closed_at", "closed_by",
                     "closure_reason", "closure_note", "last_contact_at", "next_attempt_date", "contact_count"}};
  BulkInsert signals_{"signals",
                      {"id", "team_id", "person_id", "case_id", "status", "intake_date", "taken_by", "reporter_name",
                       "reporter_kind", "reporter_organisation", "relation_to_person", "direct_reason",
                       "tried_and_result", "what_would_help", "whereabouts", "problem_areas", "person_aware",
                       "created_at"}};
  BulkInsert decisions_{"signal_decisions",
                        {"id", "signal_id", "decision", "reason", "decided_by", "decided_at", "case_id"}};
  BulkInsert workers_{"case_workers", {"case_id", "user_id"}};
  BulkInsert assignments_{"case_assignments", {"id", "case_id", "user_id", "assigned_at", "assigned_by"}};
  BulkInsert events_{"case_events", {"id", "case_id", "kind", "reason", "note", "actor", "at"}};
  BulkInsert transitions_{"case_transitions",
                          {"id", "case_id", "from_phase", "event", "to_phase", "actor", "at", "reason"}};
  BulkInsert contacts_{"contacts",
                       {"id", "case_id", "occurred_at", "channel", "with_whom", "outcome", "note",
                        "next_attempt_date", "created_by", "created_at"}};
};

// Generated cases whose aggregates differ from what their contacts give (the rule of
// store::insert_contact: latest occurred_at, its next_attempt_date, the count).
std::int64_t aggregate_mismatches(Connection& c, Id first_case_id) {
  return c
      .query(
          "SELECT COUNT(*) FROM cases k WHERE k.id >= $1 AND ("
          "k.contact_count <> (SELECT COUNT(*) FROM contacts x WHERE x.case_id = k.id) OR "
          "COALESCE(k.last_contact_at, '') <> COALESCE((SELECT MAX(x.occurred_at) FROM contacts x "
          "WHERE x.case_id = k.id), '') OR "
          "COALESCE(k.next_attempt_date, '') <> COALESCE((SELECT x.next_attempt_date FROM contacts x "
          "WHERE x.case_id = k.id ORDER BY x.occurred_at DESC, x.id DESC LIMIT 1), ''))",
          {first_case_id})
      .rows.at(0)
      .integer(0);
}

// PostgreSQL's BIGSERIAL sequences do not see explicit ids; move them past the rows written.
void advance_sequences(Connection& c) {
  for (const char* table : {"persons", "signals", "signal_decisions", "cases", "case_events", "contacts",
                            "case_transitions", "case_assignments"}) {
    c.query(std::string("SELECT setval(pg_get_serial_sequence('") + table + "', 'id'), (SELECT MAX(id) FROM " +
            table + "))");
  }
}

int run(const Options& o) {
  auto db = voordeur::store::open_database(o.database);
  Connection& conn = db->connection();
  if (!o.key_file.empty()) {
    voordeur::app::start_encryption(*db, o.key_file, std::time(nullptr));
  } else if (const auto key_id = voordeur::store::recorded_key_id(conn)) {
    usage_error("the database's sensitive columns are sealed with key " + *key_id +
                "; give its key file with --key-file (voordeur.key in the data directory), so the generated rows "
                "are sealed as the server would");
  }
  const Teams teams = find_demo_teams(conn);
  const std::string today_text = o.today.value_or(local_today());
  const std::int64_t today = *voordeur::domain::day_number(today_text);

  Generator gen(o, teams, today);
  const auto started = std::chrono::steady_clock::now();
  const std::clock_t cpu_started = std::clock();
  {
    // The id bases are read under the first write lock, so no other writer can take them.
    std::int64_t done = 0;
    bool first = true;
    int reported = 0;
    while (done < o.cases) {
      const std::int64_t to = std::min(o.cases, done + o.batch_cases);
      voordeur::store::WriteTransaction tx(*db);
      if (first) {
        gen.set_bases(tx.conn());
        first = false;
      }
      gen.write_batch(tx.conn(), done, to);
      if (db->dialect() == voordeur::store::Dialect::postgres && to == o.cases) advance_sequences(tx.conn());
      tx.commit();
      done = to;
      const int percent = static_cast<int>(done * 100 / o.cases);
      if (percent / 10 > reported / 10 || done == o.cases) {
        reported = percent;
        std::cerr << "  " << percent << "% (" << done << " cases)\n";
      }
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // On a shared machine the wall clock includes waiting for a core; the CPU time of this process
  // shows the generator's own cost (the database work runs in-process for SQLite only).
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_started) / CLOCKS_PER_SEC;

  std::int64_t total = 0;
  for (auto* table : gen.tables()) {
    std::printf("%-18s %10lld rows\n", table->table().c_str(), static_cast<long long>(table->rows()));
    total += table->rows();
  }
  std::printf("total              %10lld rows in %.2f s = %.0f rows/s (today %s, seed %llu)\n",
              static_cast<long long>(total), seconds, static_cast<double>(total) / seconds, today_text.c_str(),
              static_cast<unsigned long long>(o.seed));
  std::printf("cpu time           %.2f s in this process = %.0f rows per CPU second\n", cpu_seconds,
              static_cast<double>(total) / cpu_seconds);
  std::printf("case ids           %lld..%lld (Team A: every other id from %lld)\n",
              static_cast<long long>(gen.first_case_id()), static_cast<long long>(gen.first_case_id() + o.cases - 1),
              static_cast<long long>(gen.first_case_id()));

  const std::int64_t bad = aggregate_mismatches(conn, gen.first_case_id());
  if (bad != 0) {
    std::fprintf(stderr, "voordeur-bench-generate: %lld generated cases have wrong contact aggregates\n",
                 static_cast<long long>(bad));
    return 1;
  }
  std::printf("aggregates         checked: last_contact_at, next_attempt_date, contact_count match the contacts\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_options(argc, argv);
  try {
    return run(options);
  } catch (const std::exception& e) {
    std::cerr << "voordeur-bench-generate: " << e.what() << "\n";
    return 1;
  }
}
