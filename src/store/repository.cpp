#include "store/repository.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace voordeur::store {

using domain::TeamRef;
using domain::UserRef;

namespace {

// ---- helpers

// problem_areas is stored as a comma-separated list of API values (which contain no commas).
std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ',';
    out += item;
  }
  return out;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t comma = text.find(',', pos);
    const std::size_t end = comma == std::string::npos ? text.size() : comma;
    if (end > pos) out.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

Value flag(bool b) { return std::int64_t{b ? 1 : 0}; }

// Id lists (teams of a filter) are matched with "IN ($k, ..., $m)". To keep the number of distinct
// SQL texts (and so of cached prepared statements) small, the list is padded to the next power of
// two by repeating its last id; a repeated id does not change the result.
std::size_t padded_size(std::size_t n) {
  std::size_t size = 1;
  while (size < n) size *= 2;
  return size;
}

std::string in_list(std::size_t first_param, std::size_t count) {
  std::string out = "(";
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += ", ";
    out += '$' + std::to_string(first_param + i);
  }
  out += ')';
  return out;
}

void append_padded_ids(std::vector<Value>& params, const std::vector<Id>& ids) {
  const std::size_t size = padded_size(ids.size());
  for (std::size_t i = 0; i < size; ++i) params.emplace_back(ids[i < ids.size() ? i : ids.size() - 1]);
}

// ---- teams and users

std::vector<TeamRef> teams_of_user(Connection& c, Id user_id) {
  const auto rs = c.query(
      "SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id "
      "WHERE m.user_id = $1 ORDER BY t.name, t.id",
      {user_id});
  std::vector<TeamRef> out;
  out.reserve(rs.rows.size());
  for (const auto& r : rs.rows) out.push_back(TeamRef{r.integer(0), r.text(1)});
  return out;
}

constexpr std::string_view kUserColumns = "u.id, u.username, u.display_name, u.role, u.active";

domain::User user_from_row(const Row& r) {
  domain::User u;
  u.id = r.integer(0);
  u.username = r.text(1);
  u.display_name = r.text(2);
  u.role = r.text(3);
  u.active = r.integer(4) != 0;
  return u;
}

// Fills the teams of users read by one query from rows (user_id, team_id, team_name) in team order.
void attach_teams(std::vector<domain::User>& users, const ResultSet& team_rows) {
  std::unordered_map<Id, std::size_t> index;
  for (std::size_t i = 0; i < users.size(); ++i) index.emplace(users[i].id, i);
  for (const auto& r : team_rows.rows) {
    const auto it = index.find(r.integer(0));
    if (it != index.end()) users[it->second].teams.push_back(TeamRef{r.integer(1), r.text(2)});
  }
}

// ---- signals

// Columns of a SignalSummary (9); the query must join persons as p to signals as s.
constexpr std::string_view kSignalSummaryColumns =
    "s.id, s.team_id, s.intake_date, p.name, s.direct_reason, s.problem_areas, s.status, "
    "(SELECT d.decision FROM signal_decisions d WHERE d.signal_id = s.id "
    "ORDER BY d.decided_at DESC, d.id DESC LIMIT 1), s.case_id";
constexpr std::string_view kSignalsWithPersons = " FROM signals s JOIN persons p ON p.id = s.person_id ";

domain::SignalSummary signal_summary_from_row(const Row& r) {
  domain::SignalSummary s;
  s.id = r.integer(0);
  s.team_id = r.integer(1);
  s.intake_date = r.text(2);
  s.person_name = r.text(3);
  s.direct_reason = r.text(4);
  s.problem_areas = split_list(r.text(5));
  s.status = r.text(6);
  s.latest_decision = r.opt_text(7);
  s.case_id = r.opt_integer(8);
  return s;
}

domain::Person person_from_row(const Row& r, std::size_t at) {
  domain::Person p;
  p.id = r.integer(at);
  p.name = r.text(at + 1);
  p.address = r.text(at + 2);
  p.phone = r.text(at + 3);
  p.date_of_birth = r.opt_text(at + 4);
  p.sex = r.text(at + 5);
  return p;
}

constexpr std::string_view kPersonColumns = "p.id, p.name, p.address, p.phone, p.date_of_birth, p.sex";

// Columns d.id, d.decision, d.reason, d.decided_by, <name of decided_by>, d.decided_at, d.case_id from `at`.
domain::Decision decision_from_row(const Row& r, std::size_t at) {
  domain::Decision d;
  d.id = r.integer(at);
  d.decision = r.text(at + 1);
  d.reason = r.text(at + 2);
  d.decided_by = UserRef{r.integer(at + 3), r.text(at + 4)};
  d.decided_at = r.integer(at + 5);
  d.case_id = r.opt_integer(at + 6);
  return d;
}

// ---- contacts

constexpr std::string_view kContactSelect =
    "SELECT ct.id, ct.case_id, ct.occurred_at, ct.channel, ct.with_whom, ct.outcome, ct.note, "
    "ct.next_attempt_date, ct.created_by, u.display_name, ct.created_at "
    "FROM contacts ct JOIN users u ON u.id = ct.created_by ";

domain::Contact contact_from_row(const Row& r) {
  domain::Contact ct;
  ct.id = r.integer(0);
  ct.case_id = r.integer(1);
  ct.occurred_at = r.text(2);
  ct.channel = r.text(3);
  ct.with_whom = r.text(4);
  ct.outcome = r.text(5);
  ct.note = r.text(6);
  ct.next_attempt_date = r.opt_text(7);
  ct.created_by = UserRef{r.integer(8), r.text(9)};
  ct.created_at = r.integer(10);
  return ct;
}

void insert_case_event(Connection& c, Id case_id, std::string_view kind, const std::string& reason,
                       const std::string& note, Id actor, std::int64_t now) {
  c.query("INSERT INTO case_events (case_id, kind, reason, note, actor, at) VALUES ($1, $2, $3, $4, $5, $6)",
          {case_id, std::string(kind), reason, note, actor, now});
}

// ---- case list ordering (repository.h: list_cases). `t` is the table alias the clause sorts on.
std::string case_order(CaseSort sort, bool descending, std::string_view t) {
  const std::string a(t);
  switch (sort) {
    case CaseSort::days_since_contact:
      // Never contacted counts as the longest without contact.
      return descending ? "CASE WHEN " + a + ".last_contact_at IS NULL THEN 0 ELSE 1 END, " + a +
                              ".last_contact_at ASC, " + a + ".id ASC"
                        : "CASE WHEN " + a + ".last_contact_at IS NULL THEN 0 ELSE 1 END DESC, " + a +
                              ".last_contact_at DESC, " + a + ".id ASC";
    case CaseSort::next_attempt:
      return descending ? "CASE WHEN " + a + ".next_attempt_date IS NULL THEN 1 ELSE 0 END DESC, " + a +
                              ".next_attempt_date DESC, " + a + ".id ASC"
                        : "CASE WHEN " + a + ".next_attempt_date IS NULL THEN 1 ELSE 0 END, " + a +
                              ".next_attempt_date ASC, " + a + ".id ASC";
  }
  return a + ".id ASC";
}

// Filter on cases c; $1 status (NULL: all), $2 assigned worker (NULL: any), team ids from $first_team.
std::string case_filter(std::size_t first_team, std::size_t team_count) {
  return "WHERE c.team_id IN " + in_list(first_team, team_count) +
         " AND (CAST($1 AS TEXT) IS NULL OR c.status = CAST($1 AS TEXT))"
         " AND (CAST($2 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM case_workers w"
         " WHERE w.case_id = c.id AND w.user_id = CAST($2 AS BIGINT)))";
}

}  // namespace

// ---- teams and users

std::vector<TeamRef> list_teams(Connection& c) {
  const auto rs = c.query("SELECT id, name FROM teams ORDER BY name, id");
  std::vector<TeamRef> out;
  out.reserve(rs.rows.size());
  for (const auto& r : rs.rows) out.push_back(TeamRef{r.integer(0), r.text(1)});
  return out;
}

std::optional<TeamRef> find_team(Connection& c, Id team_id) {
  const auto rs = c.query("SELECT id, name FROM teams WHERE id = $1", {team_id});
  if (rs.rows.empty()) return std::nullopt;
  return TeamRef{rs.rows[0].integer(0), rs.rows[0].text(1)};
}

Id insert_team(Connection& c, const std::string& name, std::int64_t now) {
  return c.query("INSERT INTO teams (name, created_at) VALUES ($1, $2) RETURNING id", {name, now})
      .rows.at(0)
      .integer(0);
}

std::optional<UserWithHash> find_user_by_username(Connection& c, const std::string& username) {
  static const std::string sql =
      "SELECT " + std::string(kUserColumns) + ", u.password_hash FROM users u WHERE u.username = $1";
  const auto rs = c.query(sql, {username});
  if (rs.rows.empty()) return std::nullopt;
  UserWithHash out{user_from_row(rs.rows[0]), rs.rows[0].text(5)};
  out.user.teams = teams_of_user(c, out.user.id);
  return out;
}

std::optional<domain::User> find_user(Connection& c, Id user_id) {
  static const std::string sql = "SELECT " + std::string(kUserColumns) + " FROM users u WHERE u.id = $1";
  const auto rs = c.query(sql, {user_id});
  if (rs.rows.empty()) return std::nullopt;
  auto u = user_from_row(rs.rows[0]);
  u.teams = teams_of_user(c, u.id);
  return u;
}

std::vector<domain::User> list_users(Connection& c) {
  static const std::string sql = "SELECT " + std::string(kUserColumns) + " FROM users u ORDER BY u.username";
  const auto rs = c.query(sql);
  std::vector<domain::User> out;
  out.reserve(rs.rows.size());
  for (const auto& r : rs.rows) out.push_back(user_from_row(r));
  attach_teams(out, c.query("SELECT m.user_id, t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id "
                            "ORDER BY t.name, t.id"));
  return out;
}

std::vector<domain::User> team_members(Connection& c, Id team_id) {
  static const std::string sql = "SELECT " + std::string(kUserColumns) +
                                 " FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = $1 "
                                 "ORDER BY u.display_name, u.id";
  const auto rs = c.query(sql, {team_id});
  std::vector<domain::User> out;
  out.reserve(rs.rows.size());
  for (const auto& r : rs.rows) out.push_back(user_from_row(r));
  attach_teams(out, c.query("SELECT o.user_id, t.id, t.name FROM team_members m "
                            "JOIN team_members o ON o.user_id = m.user_id JOIN teams t ON t.id = o.team_id "
                            "WHERE m.team_id = $1 ORDER BY t.name, t.id",
                            {team_id}));
  return out;
}

Id insert_user(Connection& c, const domain::User& u, const std::string& password_hash, std::int64_t now) {
  const Id id = c.query(
                     "INSERT INTO users (username, display_name, role, password_hash, active, created_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                     {u.username, u.display_name, u.role, password_hash, flag(u.active), now})
                    .rows.at(0)
                    .integer(0);
  std::vector<Id> team_ids;
  team_ids.reserve(u.teams.size());
  for (const auto& t : u.teams) team_ids.push_back(t.id);
  set_user_teams(c, id, team_ids);
  return id;
}

void update_user(Connection& c, const domain::User& u) {
  c.query("UPDATE users SET display_name = $2, role = $3, active = $4 WHERE id = $1",
          {u.id, u.display_name, u.role, flag(u.active)});
}

void set_password_hash(Connection& c, Id user_id, const std::string& password_hash) {
  c.query("UPDATE users SET password_hash = $2 WHERE id = $1", {user_id, password_hash});
}

void set_user_teams(Connection& c, Id user_id, const std::vector<Id>& team_ids) {
  c.query("DELETE FROM team_members WHERE user_id = $1", {user_id});
  std::vector<Id> done;
  for (const Id team_id : team_ids) {
    if (std::find(done.begin(), done.end(), team_id) != done.end()) continue;
    done.push_back(team_id);
    c.query("INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)", {team_id, user_id});
  }
}

std::int64_t count_users(Connection& c) { return c.query("SELECT COUNT(*) FROM users").rows.at(0).integer(0); }

// ---- sessions

void insert_session(Connection& c, const std::string& token_hash, Id user_id, const std::string& csrf_token,
                    std::int64_t now) {
  c.query(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) "
      "VALUES ($1, $2, $3, $4, $4)",
      {token_hash, user_id, csrf_token, now});
}

std::optional<SessionRow> find_session(Connection& c, const std::string& token_hash) {
  const auto rs = c.query(
      "SELECT id, user_id, csrf_token, created_at, last_seen_at FROM sessions WHERE token_hash = $1", {token_hash});
  if (rs.rows.empty()) return std::nullopt;
  const auto& r = rs.rows[0];
  return SessionRow{r.integer(0), r.integer(1), r.text(2), r.integer(3), r.integer(4)};
}

void touch_session(Connection& c, Id session_id, std::int64_t now) {
  c.query("UPDATE sessions SET last_seen_at = $2 WHERE id = $1", {session_id, now});
}

void delete_session(Connection& c, Id session_id) { c.query("DELETE FROM sessions WHERE id = $1", {session_id}); }

void delete_user_sessions(Connection& c, Id user_id) { c.query("DELETE FROM sessions WHERE user_id = $1", {user_id}); }

std::int64_t delete_expired_sessions(Connection& c, std::int64_t idle_cutoff, std::int64_t absolute_cutoff) {
  return c.query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2", {idle_cutoff, absolute_cutoff})
      .affected;
}

// ---- signals

Id insert_person(Connection& c, Id team_id, const domain::Person& p, std::int64_t now) {
  return c
      .query(
          "INSERT INTO persons (team_id, name, address, phone, date_of_birth, sex, created_at) "
          "VALUES ($1, $2, $3, $4, CAST($5 AS TEXT), $6, $7) RETURNING id",
          {team_id, p.name, p.address, p.phone, opt(p.date_of_birth), p.sex, now})
      .rows.at(0)
      .integer(0);
}

Id insert_signal(Connection& c, Id team_id, Id person_id, const domain::SignalFields& s, Id taken_by,
                 std::int64_t now) {
  return c
      .query(
          "INSERT INTO signals (team_id, person_id, case_id, status, intake_date, taken_by, reporter_name, "
          "reporter_kind, reporter_relation, reporter_organisation, reporter_function, reporter_phone, "
          "reporter_address, relation_to_person, known_since, contact_initiative, contact_nature, direct_reason, "
          "direct_reason_other, tried_and_result, what_would_help, others_in_contact, whereabouts, "
          "reporter_can_introduce, introduction_note, worker_gender_preference, may_contact_reporter, "
          "problem_areas, problem_areas_other, follow_up_agreed, feedback_date, person_aware, created_at) "
          "VALUES ($1, $2, NULL, 'awaiting_decision', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
          "$16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, CAST($29 AS TEXT), $30, $31) "
          "RETURNING id",
          {team_id,
           person_id,
           s.intake_date,
           taken_by,
           s.reporter.name,
           s.reporter.kind,
           s.reporter.relation,
           s.reporter.organisation,
           s.reporter.function,
           s.reporter.phone,
           s.reporter.address,
           s.relation_to_person,
           s.known_since,
           s.contact_initiative,
           s.contact_nature,
           s.direct_reason,
           s.direct_reason_other,
           s.tried_and_result,
           s.what_would_help,
           s.others_in_contact,
           s.whereabouts,
           s.reporter_can_introduce,
           s.introduction_note,
           s.worker_gender_preference,
           flag(s.may_contact_reporter),
           join_list(s.problem_areas),
           s.problem_areas_other,
           s.follow_up_agreed,
           opt(s.feedback_date),
           s.person_aware,
           now})
      .rows.at(0)
      .integer(0);
}

std::optional<domain::Signal> find_signal(Connection& c, Id signal_id) {
  static const std::string sql =
      "SELECT s.id, s.team_id, s.status, s.case_id, s.intake_date, s.taken_by, u.display_name, s.created_at, "
      "s.reporter_name, s.reporter_kind, s.reporter_relation, s.reporter_organisation, s.reporter_function, "
      "s.reporter_phone, s.reporter_address, " +
      std::string(kPersonColumns) +
      ", s.relation_to_person, s.known_since, s.contact_initiative, s.contact_nature, s.direct_reason, "
      "s.direct_reason_other, s.tried_and_result, s.what_would_help, s.others_in_contact, s.whereabouts, "
      "s.reporter_can_introduce, s.introduction_note, s.worker_gender_preference, s.may_contact_reporter, "
      "s.problem_areas, s.problem_areas_other, s.follow_up_agreed, s.feedback_date, s.person_aware "
      "FROM signals s JOIN persons p ON p.id = s.person_id JOIN users u ON u.id = s.taken_by "
      "WHERE s.id = $1";
  const auto rs = c.query(sql, {signal_id});
  if (rs.rows.empty()) return std::nullopt;
  const auto& r = rs.rows[0];
  domain::Signal s;
  s.id = r.integer(0);
  s.team_id = r.integer(1);
  s.status = r.text(2);
  s.case_id = r.opt_integer(3);
  s.intake_date = r.text(4);
  s.taken_by = UserRef{r.integer(5), r.text(6)};
  s.created_at = r.integer(7);
  s.reporter.name = r.text(8);
  s.reporter.kind = r.text(9);
  s.reporter.relation = r.text(10);
  s.reporter.organisation = r.text(11);
  s.reporter.function = r.text(12);
  s.reporter.phone = r.text(13);
  s.reporter.address = r.text(14);
  s.person = person_from_row(r, 15);
  s.relation_to_person = r.text(21);
  s.known_since = r.text(22);
  s.contact_initiative = r.text(23);
  s.contact_nature = r.text(24);
  s.direct_reason = r.text(25);
  s.direct_reason_other = r.text(26);
  s.tried_and_result = r.text(27);
  s.what_would_help = r.text(28);
  s.others_in_contact = r.text(29);
  s.whereabouts = r.text(30);
  s.reporter_can_introduce = r.text(31);
  s.introduction_note = r.text(32);
  s.worker_gender_preference = r.text(33);
  s.may_contact_reporter = r.integer(34) != 0;
  s.problem_areas = split_list(r.text(35));
  s.problem_areas_other = r.text(36);
  s.follow_up_agreed = r.text(37);
  s.feedback_date = r.opt_text(38);
  s.person_aware = r.text(39);

  const auto ds = c.query(
      "SELECT d.id, d.decision, d.reason, d.decided_by, u.display_name, d.decided_at, d.case_id "
      "FROM signal_decisions d JOIN users u ON u.id = d.decided_by WHERE d.signal_id = $1 "
      "ORDER BY d.decided_at, d.id",
      {signal_id});
  s.decisions.reserve(ds.rows.size());
  for (const auto& dr : ds.rows) s.decisions.push_back(decision_from_row(dr, 0));
  return s;
}

std::optional<Id> signal_team(Connection& c, Id signal_id) {
  const auto rs = c.query("SELECT team_id FROM signals WHERE id = $1", {signal_id});
  if (rs.rows.empty()) return std::nullopt;
  return rs.rows[0].integer(0);
}

SignalPage list_signals(Connection& c, const SignalFilter& f) {
  SignalPage page;
  if (f.team_ids.empty()) return page;
  const std::size_t teams = padded_size(f.team_ids.size());
  const std::string filter =
      "WHERE s.team_id IN " + in_list(2, teams) + " AND (CAST($1 AS TEXT) IS NULL OR s.status = CAST($1 AS TEXT))";

  std::vector<Value> count_params{opt(f.status)};
  append_padded_ids(count_params, f.team_ids);
  page.total = c.query("SELECT COUNT(*) FROM signals s " + filter, count_params).rows.at(0).integer(0);

  std::vector<Value> params = count_params;
  params.emplace_back(std::int64_t{f.limit});
  params.emplace_back(std::int64_t{f.offset});
  const std::size_t limit_at = 2 + teams;
  const auto rs = c.query("SELECT " + std::string(kSignalSummaryColumns) + std::string(kSignalsWithPersons) + filter +
                              " ORDER BY s.intake_date DESC, s.id DESC LIMIT $" + std::to_string(limit_at) +
                              " OFFSET $" + std::to_string(limit_at + 1),
                          params);
  page.items.reserve(rs.rows.size());
  for (const auto& r : rs.rows) page.items.push_back(signal_summary_from_row(r));
  return page;
}

Id insert_decision(Connection& c, Id signal_id, const domain::DecisionInput& d, Id decided_by, std::int64_t now,
                   std::optional<Id> case_id) {
  const Id id = c.query(
                     "INSERT INTO signal_decisions (signal_id, decision, reason, decided_by, decided_at, case_id) "
                     "VALUES ($1, $2, $3, $4, $5, CAST($6 AS BIGINT)) RETURNING id",
                     {signal_id, d.decision, d.reason, decided_by, now, opt(case_id)})
                    .rows.at(0)
                    .integer(0);
  c.query("UPDATE signals SET status = 'decided', case_id = COALESCE(CAST($2 AS BIGINT), case_id) WHERE id = $1",
          {signal_id, opt(case_id)});
  return id;
}

// ---- cases

Id insert_case(Connection& c, Id team_id, Id person_id, const std::vector<Id>& worker_ids, Id actor,
               const std::string& reason, std::int64_t now) {
  const Id id = c.query(
                     "INSERT INTO cases (team_id, person_id, status, opened_at, contact_count) "
                     "VALUES ($1, $2, 'open', $3, 0) RETURNING id",
                     {team_id, person_id, now})
                    .rows.at(0)
                    .integer(0);
  std::vector<Id> done;
  for (const Id worker : worker_ids) {
    if (std::find(done.begin(), done.end(), worker) != done.end()) continue;
    done.push_back(worker);
    c.query("INSERT INTO case_workers (case_id, user_id) VALUES ($1, $2)", {id, worker});
  }
  insert_case_event(c, id, "opened", reason, "", actor, now);
  return id;
}

std::optional<Id> case_team(Connection& c, Id case_id) {
  const auto rs = c.query("SELECT team_id FROM cases WHERE id = $1", {case_id});
  if (rs.rows.empty()) return std::nullopt;
  return rs.rows[0].integer(0);
}

std::optional<std::string> case_status(Connection& c, Id case_id) {
  const auto rs = c.query("SELECT status FROM cases WHERE id = $1", {case_id});
  if (rs.rows.empty()) return std::nullopt;
  return rs.rows[0].text(0);
}

// Four indexed statements: the case row joined with its workers, the signals joined with the
// decisions that link them to the case, the contacts, the events.
std::optional<domain::Case> find_case(Connection& c, Id case_id) {
  static const std::string case_sql =
      "SELECT c.id, c.team_id, c.status, c.opened_at, c.last_contact_at, c.next_attempt_date, c.contact_count, "
      "c.closed_at, c.closed_by, cu.display_name, c.closure_reason, c.closure_note, " +
      std::string(kPersonColumns) +
      ", wu.id, wu.display_name"
      " FROM cases c JOIN persons p ON p.id = c.person_id LEFT JOIN users cu ON cu.id = c.closed_by"
      " LEFT JOIN case_workers w ON w.case_id = c.id LEFT JOIN users wu ON wu.id = w.user_id"
      " WHERE c.id = $1 ORDER BY wu.display_name, wu.id";
  const auto rs = c.query(case_sql, {case_id});
  if (rs.rows.empty()) return std::nullopt;
  const auto& r = rs.rows[0];
  domain::Case k;
  k.id = r.integer(0);
  k.team_id = r.integer(1);
  k.status = r.text(2);
  k.opened_at = r.integer(3);
  k.last_contact_at = r.opt_text(4);
  k.next_attempt_date = r.opt_text(5);
  k.contact_count = r.integer(6);
  if (k.status == "closed") {
    k.closure = domain::Closure{r.text(10), r.text(11), r.opt_integer(7).value_or(0),
                                UserRef{r.opt_integer(8).value_or(0), r.text(9)}};
  }
  k.person = person_from_row(r, 12);
  k.person_name = k.person.name;
  for (const auto& w : rs.rows) {
    if (!w.is_null(18)) k.assigned_workers.push_back(UserRef{w.integer(18), w.text(19)});
  }

  // The opening decision is the earliest decision that names this case; every such decision also
  // set its signal's case_id, so it is reached through signals (indexed on case_id).
  static const std::string signals_sql =
      "SELECT " + std::string(kSignalSummaryColumns) +
      ", d.id, d.decision, d.reason, d.decided_by, u.display_name, d.decided_at, d.case_id" +
      std::string(kSignalsWithPersons) +
      "LEFT JOIN signal_decisions d ON d.signal_id = s.id AND d.case_id = $1 "
      "LEFT JOIN users u ON u.id = d.decided_by "
      "WHERE s.case_id = $1 ORDER BY s.intake_date, s.id, d.decided_at, d.id";
  for (const auto& sr : c.query(signals_sql, {case_id}).rows) {
    if (k.signals.empty() || k.signals.back().id != sr.integer(0)) k.signals.push_back(signal_summary_from_row(sr));
    if (sr.is_null(9)) continue;
    auto d = decision_from_row(sr, 9);
    if (!k.decision || d.decided_at < k.decision->decided_at ||
        (d.decided_at == k.decision->decided_at && d.id < k.decision->id)) {
      k.decision = std::move(d);
    }
  }

  k.contacts = list_contacts(c, case_id);

  for (const auto& er : c.query("SELECT e.id, e.kind, e.reason, e.note, e.actor, u.display_name, e.at "
                                "FROM case_events e JOIN users u ON u.id = e.actor WHERE e.case_id = $1 "
                                "ORDER BY e.at, e.id",
                                {case_id})
                            .rows) {
    k.events.push_back(domain::CaseEvent{er.integer(0), er.text(1), er.text(2), er.text(3),
                                         UserRef{er.integer(4), er.text(5)}, er.integer(6)});
  }
  return k;
}

CasePage list_cases(Connection& c, const CaseFilter& f) {
  CasePage page;
  if (f.team_ids.empty()) return page;
  const std::size_t teams = padded_size(f.team_ids.size());

  std::vector<Value> count_params{opt(f.status), opt(f.assigned_worker)};
  append_padded_ids(count_params, f.team_ids);
  page.total = c.query("SELECT COUNT(*) FROM cases c " + case_filter(3, teams), count_params).rows.at(0).integer(0);

  // One query for the page, its persons' names and its assigned workers: the page is cut from the
  // cases alone in the subquery, then joined and sorted again (a join does not keep the subquery's
  // order).
  std::vector<Value> params{opt(f.status), opt(f.assigned_worker), std::int64_t{f.limit}, std::int64_t{f.offset}};
  append_padded_ids(params, f.team_ids);
  const std::string sql =
      "SELECT k.id, k.team_id, p.name, k.status, k.opened_at, k.last_contact_at, k.next_attempt_date, "
      "k.contact_count, u.id, u.display_name FROM ("
      "SELECT c.id, c.team_id, c.person_id, c.status, c.opened_at, c.last_contact_at, c.next_attempt_date, "
      "c.contact_count FROM cases c " +
      case_filter(5, teams) + " ORDER BY " + case_order(f.sort, f.descending, "c") +
      " LIMIT $3 OFFSET $4) k "
      "JOIN persons p ON p.id = k.person_id "
      "LEFT JOIN case_workers w ON w.case_id = k.id LEFT JOIN users u ON u.id = w.user_id "
      "ORDER BY " +
      case_order(f.sort, f.descending, "k") + ", u.display_name, u.id";
  for (const auto& r : c.query(sql, params).rows) {
    const Id id = r.integer(0);
    if (page.items.empty() || page.items.back().id != id) {
      domain::CaseSummary s;
      s.id = id;
      s.team_id = r.integer(1);
      s.person_name = r.text(2);
      s.status = r.text(3);
      s.opened_at = r.integer(4);
      s.last_contact_at = r.opt_text(5);
      s.next_attempt_date = r.opt_text(6);
      s.contact_count = r.integer(7);
      page.items.push_back(std::move(s));
    }
    if (!r.is_null(8)) page.items.back().assigned_workers.push_back(UserRef{r.integer(8), r.text(9)});
  }
  return page;
}

Id insert_contact(Connection& c, Id case_id, const domain::ContactFields& ct, Id created_by, std::int64_t now) {
  const Id id = c.query(
                     "INSERT INTO contacts (case_id, occurred_at, channel, with_whom, outcome, note, "
                     "next_attempt_date, created_by, created_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS TEXT), $8, $9) RETURNING id",
                     {case_id, ct.occurred_at, ct.channel, ct.with_whom, ct.outcome, ct.note, opt(ct.next_attempt_date),
                      created_by, now})
                    .rows.at(0)
                    .integer(0);
  // Recomputed from all contacts of the case, so a backdated contact leaves the aggregates of a
  // later contact in place.
  c.query(
      "UPDATE cases SET "
      "last_contact_at = (SELECT MAX(x.occurred_at) FROM contacts x WHERE x.case_id = $1), "
      "next_attempt_date = (SELECT x.next_attempt_date FROM contacts x WHERE x.case_id = $1 "
      "ORDER BY x.occurred_at DESC, x.id DESC LIMIT 1), "
      "contact_count = (SELECT COUNT(*) FROM contacts x WHERE x.case_id = $1) "
      "WHERE id = $1",
      {case_id});
  return id;
}

std::optional<domain::Contact> find_contact(Connection& c, Id contact_id) {
  static const std::string sql = std::string(kContactSelect) + "WHERE ct.id = $1";
  const auto rs = c.query(sql, {contact_id});
  if (rs.rows.empty()) return std::nullopt;
  return contact_from_row(rs.rows[0]);
}

std::vector<domain::Contact> list_contacts(Connection& c, Id case_id) {
  static const std::string sql =
      std::string(kContactSelect) + "WHERE ct.case_id = $1 ORDER BY ct.occurred_at DESC, ct.id DESC";
  const auto rs = c.query(sql, {case_id});
  std::vector<domain::Contact> out;
  out.reserve(rs.rows.size());
  for (const auto& r : rs.rows) out.push_back(contact_from_row(r));
  return out;
}

void close_case(Connection& c, Id case_id, const domain::ClosureInput& in, Id actor, std::int64_t now) {
  c.query(
      "UPDATE cases SET status = 'closed', closure_reason = $2, closure_note = $3, closed_by = $4, "
      "closed_at = $5 WHERE id = $1",
      {case_id, in.reason, in.note, actor, now});
  insert_case_event(c, case_id, "closed", in.reason, in.note, actor, now);
}

void reopen_case(Connection& c, Id case_id, const std::string& reason, Id actor, std::int64_t now) {
  c.query(
      "UPDATE cases SET status = 'open', closure_reason = NULL, closure_note = NULL, closed_by = NULL, "
      "closed_at = NULL WHERE id = $1",
      {case_id});
  insert_case_event(c, case_id, "reopened", reason, "", actor, now);
}

}  // namespace voordeur::store
