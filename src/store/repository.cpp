#include "store/repository.h"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "store/field_crypto.h"

namespace voordeur::store {

using domain::TeamRef;
using domain::UserRef;

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

namespace {

// ---- helpers

// A team's cadence (teams.cadence_days, e.g. "2,3,7").
std::vector<int> cadence_from_text(const std::string& text) {
  std::vector<int> days;
  for (const auto& d : split_list(text)) days.push_back(std::stoi(d));
  return days;
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

// By name, then id; sorted here rather than with ORDER BY, because SQLite would build a temporary
// B-tree on every session check for a user's one or two teams.
void sort_teams(std::vector<TeamRef>& teams) {
  std::sort(teams.begin(), teams.end(),
            [](const TeamRef& a, const TeamRef& b) { return std::tie(a.name, a.id) < std::tie(b.name, b.id); });
}

std::vector<TeamRef> teams_of_user(Connection& c, Id user_id) {
  const auto rs = c.query("SELECT t.id, t.name FROM team_members m JOIN teams t ON t.id = m.team_id WHERE m.user_id = $1",
                          {user_id});
  std::vector<TeamRef> out;
  out.reserve(rs.rows.size());
  for (const auto& r : rs.rows) out.push_back(TeamRef{r.integer(0), r.text(1)});
  sort_teams(out);
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

// Columns d.id, d.decision, d.reason, d.decided_by, <name of decided_by>, d.decided_at, d.case_id,
// then kDecisionTriageColumns, from `at`.
constexpr std::string_view kDecisionTriageColumns = "d.indications, d.contra_indications, d.contra_indication_note";

domain::Decision decision_from_row(const Row& r, std::size_t at) {
  domain::Decision d;
  d.id = r.integer(at);
  d.decision = r.text(at + 1);
  d.reason = r.text(at + 2);
  d.decided_by = UserRef{r.integer(at + 3), r.text(at + 4)};
  d.decided_at = r.integer(at + 5);
  d.case_id = r.opt_integer(at + 6);
  d.triage.indications = split_list(r.text(at + 7));
  d.triage.contra_indications = split_list(r.text(at + 8));
  d.triage.contra_indication_note = r.text(at + 9);
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
          {case_id, std::string(kind), seal(reason), seal(note), actor, now});
}

// ---- case list ordering (repository.h: list_cases). `t` is the table alias the clause sorts on.
std::string case_order(CaseSort sort, bool descending, std::string_view t) {
  // Explicit NULLS FIRST/LAST (SQLite >= 3.30, PostgreSQL) rather than CASE expressions, so the
  // (team_id, status, column, id) indexes of migration 0007 can deliver the order. Each order is the
  // exact reverse of the other, the id included: with ties by id ascending both ways, SQLite sorted
  // every tie group (the ~20,000 open cases of a team without a next attempt) on each page.
  const std::string a(t);
  switch (sort) {
    case CaseSort::days_since_contact:
      // Never contacted counts as the longest without contact.
      return descending ? a + ".last_contact_at ASC NULLS FIRST, " + a + ".id ASC"
                        : a + ".last_contact_at DESC NULLS LAST, " + a + ".id DESC";
    case CaseSort::next_attempt:
      return descending ? a + ".next_attempt_date DESC NULLS FIRST, " + a + ".id DESC"
                        : a + ".next_attempt_date ASC NULLS LAST, " + a + ".id ASC";
  }
  return a + ".id ASC";
}

// The WHERE clause on cases c for a filter, appending its parameters to `params` (which may
// already hold leading ones). Conditions appear only when given, so each filter shape is its own
// statement whose conditions an index can use.
std::string case_filter(const CaseFilter& f, std::vector<Value>& params) {
  const auto next = [&params](Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  const std::size_t first_team = params.size() + 1;
  append_padded_ids(params, f.team_ids);
  std::string where = "WHERE c.team_id IN " + in_list(first_team, padded_size(f.team_ids.size()));
  if (f.status) where += " AND c.status = " + next(*f.status);
  if (f.phase) where += " AND c.phase = " + next(*f.phase);
  if (f.assigned_worker) {
    where += " AND EXISTS (SELECT 1 FROM case_workers w WHERE w.case_id = c.id AND w.user_id = " +
             next(*f.assigned_worker) + ")";
  }
  return where;
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
  // One query for the session, its user and the user's teams: it runs on every API request.
  static const std::string sql =
      "SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.second_factor_pending, " +
      std::string(kUserColumns) +
      ", t.id, t.name FROM sessions s JOIN users u ON u.id = s.user_id "
      "LEFT JOIN team_members m ON m.user_id = u.id LEFT JOIN teams t ON t.id = m.team_id WHERE s.token_hash = $1";
  const auto rs = c.query(sql, {token_hash});
  if (rs.rows.empty()) return std::nullopt;
  const auto& r = rs.rows[0];
  SessionRow s{r.integer(0), r.integer(1), r.text(2), r.integer(3), r.integer(4), {}, r.integer(5) != 0};
  s.user.id = r.integer(6);
  s.user.username = r.text(7);
  s.user.display_name = r.text(8);
  s.user.role = r.text(9);
  s.user.active = r.integer(10) != 0;
  for (const auto& row : rs.rows) {
    if (!row.is_null(11)) s.user.teams.push_back(TeamRef{row.integer(11), row.text(12)});
  }
  sort_teams(s.user.teams);
  return s;
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

Id insert_person(Connection& c, Id team_id, const domain::Person& p, std::int64_t now,
                 std::optional<Id> household_id, const std::string& role) {
  const Id id = c.query(
                     "INSERT INTO persons (team_id, name, address, phone, date_of_birth, sex, created_at) "
                     "VALUES ($1, $2, $3, $4, CAST($5 AS TEXT), $6, $7) RETURNING id",
                     {team_id, p.name, p.address, seal(p.phone), opt(p.date_of_birth), p.sex, now})
                    .rows.at(0)
                    .integer(0);
  const Id household = household_id ? *household_id : insert_household(c, team_id, p.address, now);
  c.query("INSERT INTO household_members (household_id, person_id, role) VALUES ($1, $2, $3)", {household, id, role});
  return id;
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
           seal(s.reporter.phone),
           seal(s.reporter.address),
           s.relation_to_person,
           s.known_since,
           s.contact_initiative,
           s.contact_nature,
           s.direct_reason,
           seal(s.direct_reason_other),
           seal(s.tried_and_result),
           seal(s.what_would_help),
           seal(s.others_in_contact),
           seal(s.whereabouts),
           s.reporter_can_introduce,
           seal(s.introduction_note),
           s.worker_gender_preference,
           flag(s.may_contact_reporter),
           join_list(s.problem_areas),
           seal(s.problem_areas_other),
           seal(s.follow_up_agreed),
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
      "s.problem_areas, s.problem_areas_other, s.follow_up_agreed, s.feedback_date, s.person_aware, "
      "s.feedback_due_on, s.feedback_given_on, s.feedback_told "
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
  s.feedback = domain::Feedback{r.opt_text(40), r.opt_text(41), r.text(42)};

  const auto ds = c.query(
      "SELECT d.id, d.decision, d.reason, d.decided_by, u.display_name, d.decided_at, d.case_id, " +
          std::string(kDecisionTriageColumns) +
          " FROM signal_decisions d JOIN users u ON u.id = d.decided_by WHERE d.signal_id = $1 "
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
  const std::string overdue = "$" + std::to_string(2 + teams);
  const std::string filter =
      "WHERE s.team_id IN " + in_list(2, teams) + " AND (CAST($1 AS TEXT) IS NULL OR s.status = CAST($1 AS TEXT))" +
      " AND (CAST(" + overdue + " AS TEXT) IS NULL OR (s.feedback_given_on IS NULL AND s.feedback_due_on < CAST(" +
      overdue + " AS TEXT)))";

  std::vector<Value> count_params{opt(f.status)};
  append_padded_ids(count_params, f.team_ids);
  count_params.push_back(opt(f.feedback_overdue_on));
  page.total = c.query("SELECT COUNT(*) FROM signals s " + filter, count_params).rows.at(0).integer(0);

  std::vector<Value> params = count_params;
  params.emplace_back(std::int64_t{f.limit});
  params.emplace_back(std::int64_t{f.offset});
  const std::size_t limit_at = 3 + teams;
  const auto rs = c.query("SELECT " + std::string(kSignalSummaryColumns) + std::string(kSignalsWithPersons) + filter +
                              " ORDER BY s.intake_date DESC, s.id DESC LIMIT $" + std::to_string(limit_at) +
                              " OFFSET $" + std::to_string(limit_at + 1),
                          params);
  page.items.reserve(rs.rows.size());
  for (const auto& r : rs.rows) page.items.push_back(signal_summary_from_row(r));
  return page;
}

Id insert_decision(Connection& c, Id signal_id, const domain::DecisionInput& d, Id decided_by, std::int64_t now,
                   std::optional<Id> case_id, const domain::Triage& triage) {
  const Id id = c.query(
                     "INSERT INTO signal_decisions (signal_id, decision, reason, decided_by, decided_at, case_id, "
                     "indications, contra_indications, contra_indication_note) "
                     "VALUES ($1, $2, $3, $4, $5, CAST($6 AS BIGINT), $7, $8, $9) RETURNING id",
                     {signal_id, d.decision, seal(d.reason), decided_by, now, opt(case_id), join_list(triage.indications),
                      join_list(triage.contra_indications), seal(triage.contra_indication_note)})
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
                     "INSERT INTO cases (team_id, person_id, status, phase, opened_at, contact_count) "
                     "VALUES ($1, $2, 'open', 'preparation', $3, 0) RETURNING id",
                     {team_id, person_id, now})
                    .rows.at(0)
                    .integer(0);
  std::vector<Id> done;
  for (const Id worker : worker_ids) {
    if (std::find(done.begin(), done.end(), worker) != done.end()) continue;
    done.push_back(worker);
    c.query("INSERT INTO case_workers (case_id, user_id) VALUES ($1, $2)", {id, worker});
    c.query("INSERT INTO case_assignments (case_id, user_id, assigned_at, assigned_by, note) VALUES ($1, $2, $3, $4, '')",
            {id, worker, now, actor});
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
      ", wu.id, wu.display_name, c.phase, t.cadence_days, c.household_id, m.household_id"
      " FROM cases c JOIN persons p ON p.id = c.person_id JOIN teams t ON t.id = c.team_id"
      " LEFT JOIN household_members m ON m.person_id = c.person_id LEFT JOIN users cu ON cu.id = c.closed_by"
      " LEFT JOIN case_workers w ON w.case_id = c.id LEFT JOIN users wu ON wu.id = w.user_id"
      " WHERE c.id = $1";
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
  k.phase = r.text(20);
  k.cadence_days = cadence_from_text(r.text(21));
  for (const auto& w : rs.rows) {
    if (!w.is_null(18)) k.assigned_workers.push_back(UserRef{w.integer(18), w.text(19)});
  }
  // By name, then id; sorted here because ORDER BY would make SQLite build a temporary B-tree.
  std::sort(k.assigned_workers.begin(), k.assigned_workers.end(), [](const UserRef& a, const UserRef& b) {
    return std::tie(a.display_name, a.id) < std::tie(b.display_name, b.id);
  });

  // The opening decision is the earliest decision that names this case; every such decision also
  // set its signal's case_id, so it is reached through signals (indexed on case_id).
  static const std::string signals_sql =
      "SELECT " + std::string(kSignalSummaryColumns) +
      ", d.id, d.decision, d.reason, d.decided_by, u.display_name, d.decided_at, d.case_id, " +
      std::string(kDecisionTriageColumns) +
      std::string(kSignalsWithPersons) +
      "LEFT JOIN signal_decisions d ON d.signal_id = s.id AND d.case_id = $1 "
      "LEFT JOIN users u ON u.id = d.decided_by "
      "WHERE s.case_id = $1";
  // Ordered here by intake date, signal id, decision time and id (an ORDER BY over both tables
  // would make SQLite build a temporary B-tree on every case read).
  const auto signal_rows = c.query(signals_sql, {case_id});
  std::vector<const Row*> ordered;
  for (const auto& sr : signal_rows.rows) ordered.push_back(&sr);
  const auto sort_key = [](const Row* r) {
    return std::tuple{r->text(2), r->integer(0), r->opt_integer(14).value_or(0), r->opt_integer(9).value_or(0)};
  };
  std::sort(ordered.begin(), ordered.end(), [&](const Row* a, const Row* b) { return sort_key(a) < sort_key(b); });
  for (const Row* row : ordered) {
    const Row& sr = *row;
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
  k.assignment_history = assignment_history(c, case_id);
  k.preparation = find_preparation(c, case_id);
  k.check_ins = list_check_ins(c, case_id);
  k.reviews = list_reviews(c, case_id);
  if (!r.is_null(23)) {
    k.concerns = r.is_null(22) ? "person" : "household";
    k.household = find_household(c, r.integer(23), case_id);
  }
  return k;
}

CasePage list_cases(Connection& c, const CaseFilter& f) {
  CasePage page;
  if (f.team_ids.empty()) return page;
  std::vector<Value> count_params;
  const std::string count_where = case_filter(f, count_params);
  page.total = c.query("SELECT COUNT(*) FROM cases c " + count_where, count_params).rows.at(0).integer(0);

  // One query for the page, its persons' names and its assigned workers: the page is cut from the
  // cases alone in the subquery, then joined and sorted again (a join does not keep the subquery's
  // order).
  std::vector<Value> params{std::int64_t{f.limit}, std::int64_t{f.offset}};
  const std::string where = case_filter(f, params);
  const std::string sql =
      "SELECT k.id, k.team_id, p.name, k.status, k.opened_at, k.last_contact_at, k.next_attempt_date, "
      "k.contact_count, u.id, u.display_name, k.phase FROM ("
      "SELECT c.id, c.team_id, c.person_id, c.status, c.opened_at, c.last_contact_at, c.next_attempt_date, "
      "c.contact_count, c.phase FROM cases c " +
      where + " ORDER BY " + case_order(f.sort, f.descending, "c") +
      " LIMIT $1 OFFSET $2) k "
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
      s.phase = r.text(10);
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
                     {case_id, ct.occurred_at, ct.channel, ct.with_whom, ct.outcome, seal(ct.note), opt(ct.next_attempt_date),
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
      {case_id, in.reason, seal(in.note), actor, now});
  insert_case_event(c, case_id, "closed", in.reason, in.note, actor, now);
}

void reopen_case(Connection& c, Id case_id, const std::string& reason, Id actor, std::int64_t now) {
  c.query(
      "UPDATE cases SET status = 'open', closure_reason = NULL, closure_note = NULL, closed_by = NULL, "
      "closed_at = NULL WHERE id = $1",
      {case_id});
  insert_case_event(c, case_id, "reopened", reason, "", actor, now);
}

// ---- trajectory: phases, handovers, timeline

std::optional<std::string> case_phase(Connection& c, Id case_id) {
  const auto rs = c.query("SELECT phase FROM cases WHERE id = $1", {case_id});
  if (rs.rows.empty()) return std::nullopt;
  return rs.rows[0].text(0);
}

bool case_has_conversation(Connection& c, Id case_id) {
  return !c.query("SELECT 1 FROM contacts WHERE case_id = $1 AND outcome = 'conversation' LIMIT 1", {case_id})
              .rows.empty();
}

void record_transition(Connection& c, Id case_id, const std::string& from, const std::string& event,
                       const std::string& to, Id actor, const std::string& reason, std::int64_t now) {
  c.query("UPDATE cases SET phase = $2 WHERE id = $1", {case_id, to});
  c.query(
      "INSERT INTO case_transitions (case_id, from_phase, event, to_phase, actor, at, reason) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {case_id, from, event, to, actor, now, seal(reason)});
}

std::vector<Id> case_worker_ids(Connection& c, Id case_id) {
  std::vector<Id> out;
  for (const auto& r : c.query("SELECT user_id FROM case_workers WHERE case_id = $1 ORDER BY user_id", {case_id}).rows) {
    out.push_back(r.integer(0));
  }
  return out;
}

void hand_over_case(Connection& c, Id case_id, Id from, Id to, const std::string& note, Id actor, std::int64_t now) {
  c.query("DELETE FROM case_workers WHERE case_id = $1 AND user_id = $2", {case_id, from});
  c.query("INSERT INTO case_workers (case_id, user_id) VALUES ($1, $2)", {case_id, to});
  c.query(
      "UPDATE case_assignments SET unassigned_at = $3 WHERE case_id = $1 AND user_id = $2 AND unassigned_at IS NULL",
      {case_id, from, now});
  c.query(
      "INSERT INTO case_assignments (case_id, user_id, assigned_at, assigned_by, handed_over_from, note) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {case_id, to, now, actor, from, seal(note)});
}

std::vector<domain::Assignment> assignment_history(Connection& c, Id case_id) {
  std::vector<domain::Assignment> out;
  for (const auto& r : c.query("SELECT a.user_id, u.display_name, a.assigned_at, a.unassigned_at, "
                               "a.handed_over_from, f.display_name, a.note FROM case_assignments a "
                               "JOIN users u ON u.id = a.user_id LEFT JOIN users f ON f.id = a.handed_over_from "
                               "WHERE a.case_id = $1 ORDER BY a.assigned_at, a.id",
                               {case_id})
                           .rows) {
    domain::Assignment a;
    a.user = UserRef{r.integer(0), r.text(1)};
    a.assigned_at = r.integer(2);
    a.unassigned_at = r.opt_integer(3);
    if (!r.is_null(4)) a.handed_over_from = UserRef{r.integer(4), r.text(5)};
    a.note = r.text(6);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<domain::TimelineItem> case_timeline(Connection& c, Id case_id, const std::vector<std::string>& kinds) {
  const auto wanted = [&kinds](std::string_view kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  };
  const auto text_or_null = [](const Row& r, std::size_t i) -> std::optional<std::string> {
    auto v = r.opt_text(i);
    if (v && v->empty()) return std::nullopt;
    return v;
  };
  std::vector<domain::TimelineItem> items;
  // Every query selects id, at, actor id, actor name, then the details.
  const auto add = [&](std::string_view kind, const std::string& sql,
                       const std::vector<std::string>& detail_names) {
    if (!wanted(kind)) return;
    for (const auto& r : c.query(sql, {case_id}).rows) {
      domain::TimelineItem item;
      item.kind = std::string(kind);
      item.ref_id = r.integer(0);
      item.at = r.integer(1);
      item.actor = UserRef{r.integer(2), r.text(3)};
      for (std::size_t i = 0; i < detail_names.size(); ++i) item.details.emplace_back(detail_names[i], text_or_null(r, 4 + i));
      items.push_back(std::move(item));
    }
  };
  add("signal",
      "SELECT s.id, s.created_at, s.taken_by, u.display_name, s.intake_date, s.direct_reason "
      "FROM signals s JOIN users u ON u.id = s.taken_by WHERE s.case_id = $1",
      {"intake_date", "direct_reason"});
  add("decision",
      "SELECT d.id, d.decided_at, d.decided_by, u.display_name, d.decision, d.reason "
      "FROM signal_decisions d JOIN signals s ON s.id = d.signal_id JOIN users u ON u.id = d.decided_by "
      "WHERE s.case_id = $1",
      {"decision", "reason"});
  add("phase",
      "SELECT t.id, t.at, t.actor, u.display_name, t.from_phase, t.event, t.to_phase, t.reason "
      "FROM case_transitions t JOIN users u ON u.id = t.actor WHERE t.case_id = $1",
      {"from_phase", "event", "to_phase", "reason"});
  add("contact",
      "SELECT ct.id, ct.created_at, ct.created_by, u.display_name, ct.occurred_at, ct.channel, ct.outcome "
      "FROM contacts ct JOIN users u ON u.id = ct.created_by WHERE ct.case_id = $1",
      {"occurred_at", "channel", "outcome"});
  add("handover",
      "SELECT a.id, a.assigned_at, a.assigned_by, b.display_name, f.display_name, t.display_name, a.note "
      "FROM case_assignments a JOIN users t ON t.id = a.user_id JOIN users f ON f.id = a.handed_over_from "
      "JOIN users b ON b.id = a.assigned_by WHERE a.case_id = $1",
      {"from_user", "to_user", "note"});
  add("check_in",
      "SELECT ci.id, ci.created_at, ci.created_by, u.display_name, ci.planned_on, w.display_name, ci.done_on, "
      "ci.outcome FROM case_check_ins ci JOIN users u ON u.id = ci.created_by JOIN users w ON w.id = ci.worker_id "
      "WHERE ci.case_id = $1",
      {"planned_on", "worker", "done_on", "outcome"});
  add("review",
      "SELECT rv.id, rv.created_at, rv.created_by, u.display_name, rv.held_on, rv.decision "
      "FROM case_reviews rv JOIN users u ON u.id = rv.created_by WHERE rv.case_id = $1",
      {"held_on", "decision"});
  const auto rank = [](const std::string& kind) {
    static const std::vector<std::string_view> order{"signal", "decision", "phase", "contact", "handover",
                                                      "check_in", "review"};
    return std::find(order.begin(), order.end(), kind) - order.begin();
  };
  std::sort(items.begin(), items.end(), [&rank](const domain::TimelineItem& a, const domain::TimelineItem& b) {
    if (a.at != b.at) return a.at < b.at;
    if (a.kind != b.kind) return rank(a.kind) < rank(b.kind);
    return a.ref_id < b.ref_id;
  });
  return items;
}

// ---- reporter feedback and team settings

void set_feedback_due(Connection& c, Id signal_id, const std::string& due_on) {
  c.query("UPDATE signals SET feedback_due_on = $2 WHERE id = $1 AND feedback_due_on IS NULL", {signal_id, due_on});
}

void record_feedback(Connection& c, Id signal_id, const domain::FeedbackInput& f) {
  c.query("UPDATE signals SET feedback_given_on = $2, feedback_told = $3 WHERE id = $1",
          {signal_id, f.given_on, seal(f.told)});
}

std::vector<domain::Team> list_team_settings(Connection& c) {
  std::vector<domain::Team> out;
  for (const auto& r : c.query("SELECT id, name, feedback_working_days FROM teams ORDER BY name, id").rows) {
    domain::Team t;
    t.id = r.integer(0);
    t.name = r.text(1);
    t.feedback_working_days = static_cast<int>(r.integer(2));
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<domain::Team> find_team_settings(Connection& c, Id team_id) {
  const auto rs = c.query("SELECT id, name, feedback_working_days FROM teams WHERE id = $1", {team_id});
  if (rs.rows.empty()) return std::nullopt;
  domain::Team t;
  t.id = rs.rows[0].integer(0);
  t.name = rs.rows[0].text(1);
  t.feedback_working_days = static_cast<int>(rs.rows[0].integer(2));
  return t;
}

void set_team_feedback_working_days(Connection& c, Id team_id, int days) {
  c.query("UPDATE teams SET feedback_working_days = $2 WHERE id = $1", {team_id, std::int64_t{days}});
}

// ---- preparation of the first visit

domain::Preparation find_preparation(Connection& c, Id case_id) {
  domain::Preparation p;
  const auto rs = c.query(
      "SELECT pr.strategy, pr.companion, pr.companion_name, pr.updated_by, u.display_name, pr.updated_at "
      "FROM case_preparations pr JOIN users u ON u.id = pr.updated_by WHERE pr.case_id = $1",
      {case_id});
  if (!rs.rows.empty()) {
    const auto& r = rs.rows[0];
    p.strategy = r.text(0);
    p.companion = r.text(1);
    p.companion_name = r.text(2);
    p.updated_by = UserRef{r.integer(3), r.text(4)};
    p.updated_at = r.integer(5);
  }
  for (const auto& r : c.query("SELECT i.id, i.source, i.content, i.created_by, u.display_name, i.created_at "
                               "FROM case_prior_info i JOIN users u ON u.id = i.created_by WHERE i.case_id = $1 "
                               "ORDER BY i.created_at, i.id",
                               {case_id})
                           .rows) {
    domain::PriorInfo info;
    info.id = r.integer(0);
    info.source = r.text(1);
    info.content = r.text(2);
    info.created_by = UserRef{r.integer(3), r.text(4)};
    info.created_at = r.integer(5);
    p.prior_info.push_back(std::move(info));
  }
  return p;
}

void save_preparation(Connection& c, Id case_id, const domain::PreparationFields& p, Id actor, std::int64_t now) {
  c.query(
      "INSERT INTO case_preparations (case_id, strategy, companion, companion_name, updated_by, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id) DO UPDATE SET strategy = excluded.strategy, "
      "companion = excluded.companion, companion_name = excluded.companion_name, "
      "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      {case_id, seal(p.strategy), p.companion, p.companion_name, actor, now});
}

Id insert_prior_info(Connection& c, Id case_id, const domain::PriorInfoInput& in, Id actor, std::int64_t now) {
  return c.query(
             "INSERT INTO case_prior_info (case_id, source, content, created_by, created_at) "
             "VALUES ($1, $2, $3, $4, $5) RETURNING id",
             {case_id, in.source, seal(in.content), actor, now})
      .rows.at(0)
      .integer(0);
}

// ---- monitoring (check-ins) and process reviews

namespace {

constexpr std::string_view kCheckInSelect =
    "SELECT ci.id, ci.case_id, ci.planned_on, ci.worker_id, w.display_name, ci.done_on, ci.outcome, ci.note, "
    "ci.created_by, u.display_name, ci.created_at "
    "FROM case_check_ins ci JOIN users w ON w.id = ci.worker_id JOIN users u ON u.id = ci.created_by ";

domain::CheckIn check_in_from_row(const Row& r) {
  domain::CheckIn ci;
  ci.id = r.integer(0);
  ci.case_id = r.integer(1);
  ci.planned_on = r.text(2);
  ci.worker = UserRef{r.integer(3), r.text(4)};
  ci.done_on = r.opt_text(5);
  ci.outcome = r.opt_text(6);
  ci.note = r.text(7);
  ci.created_by = UserRef{r.integer(8), r.text(9)};
  ci.created_at = r.integer(10);
  return ci;
}

}  // namespace

Id insert_check_in(Connection& c, Id case_id, const domain::CheckInInput& in, Id actor, std::int64_t now,
                   std::optional<std::int64_t> closed_at) {
  return c.query(
              "INSERT INTO case_check_ins (case_id, planned_on, worker_id, created_by, created_at, after_closure_at) "
              "VALUES ($1, $2, $3, $4, $5, CAST($6 AS BIGINT)) RETURNING id",
              {case_id, in.planned_on, in.worker_id.value_or(0), actor, now, opt(closed_at)})
      .rows.at(0)
      .integer(0);
}

std::optional<domain::CheckIn> find_check_in(Connection& c, Id check_in_id) {
  static const std::string sql = std::string(kCheckInSelect) + "WHERE ci.id = $1";
  const auto rs = c.query(sql, {check_in_id});
  if (rs.rows.empty()) return std::nullopt;
  return check_in_from_row(rs.rows[0]);
}

void record_check_in_outcome(Connection& c, Id check_in_id, const domain::CheckInOutcomeInput& in) {
  c.query("UPDATE case_check_ins SET done_on = $2, outcome = $3, note = $4 WHERE id = $1",
          {check_in_id, in.done_on, in.outcome, seal(in.note)});
}

std::vector<domain::CheckIn> list_check_ins(Connection& c, Id case_id) {
  static const std::string sql = std::string(kCheckInSelect) + "WHERE ci.case_id = $1 ORDER BY ci.planned_on, ci.id";
  std::vector<domain::CheckIn> out;
  for (const auto& r : c.query(sql, {case_id}).rows) out.push_back(check_in_from_row(r));
  return out;
}

std::int64_t count_check_ins_after_closure(Connection& c, Id case_id, std::int64_t closed_at) {
  return c.query("SELECT COUNT(*) FROM case_check_ins WHERE case_id = $1 AND after_closure_at = $2",
                 {case_id, closed_at})
      .rows.at(0)
      .integer(0);
}

std::optional<std::pair<std::string, std::int64_t>> case_closure(Connection& c, Id case_id) {
  const auto rs = c.query(
      "SELECT closure_reason, closed_at FROM cases WHERE id = $1 AND status = 'closed'", {case_id});
  if (rs.rows.empty()) return std::nullopt;
  return std::pair{rs.rows[0].opt_text(0).value_or(""), rs.rows[0].opt_integer(1).value_or(0)};
}

std::vector<OverdueCheckIn> list_overdue_check_ins(Connection& c, const std::vector<Id>& team_ids,
                                                   const std::string& today) {
  std::vector<OverdueCheckIn> out;
  if (team_ids.empty()) return out;
  std::vector<Value> params{today};
  append_padded_ids(params, team_ids);
  const std::string sql =
      "SELECT ci.id, ci.case_id, ci.planned_on, ci.worker_id, w.display_name, ci.done_on, ci.outcome, ci.note, "
      "ci.created_by, u.display_name, ci.created_at, k.team_id, p.name "
      "FROM case_check_ins ci JOIN users w ON w.id = ci.worker_id JOIN users u ON u.id = ci.created_by "
      "JOIN cases k ON k.id = ci.case_id JOIN persons p ON p.id = k.person_id "
      "WHERE ci.outcome IS NULL AND ci.planned_on < $1 AND k.team_id IN " +
      in_list(2, padded_size(team_ids.size())) + " ORDER BY ci.planned_on, ci.id";
  for (const auto& r : c.query(sql, params).rows) {
    out.push_back(OverdueCheckIn{check_in_from_row(r), r.integer(11), r.text(12)});
  }
  return out;
}

Id insert_review(Connection& c, Id case_id, const domain::ReviewInput& in, Id actor, std::int64_t now) {
  return c.query(
              "INSERT INTO case_reviews (case_id, held_on, attendees, notes, decision, created_by, created_at) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
              {case_id, in.held_on, in.attendees, seal(in.notes), in.decision, actor, now})
      .rows.at(0)
      .integer(0);
}

std::vector<domain::Review> list_reviews(Connection& c, Id case_id) {
  std::vector<domain::Review> out;
  for (const auto& r : c.query("SELECT rv.id, rv.case_id, rv.held_on, rv.attendees, rv.notes, rv.decision, "
                               "rv.created_by, u.display_name, rv.created_at FROM case_reviews rv "
                               "JOIN users u ON u.id = rv.created_by WHERE rv.case_id = $1 "
                               "ORDER BY rv.held_on DESC, rv.id DESC",
                               {case_id})
                           .rows) {
    domain::Review rv;
    rv.id = r.integer(0);
    rv.case_id = r.integer(1);
    rv.held_on = r.text(2);
    rv.attendees = r.text(3);
    rv.notes = r.text(4);
    rv.decision = r.text(5);
    rv.created_by = UserRef{r.integer(6), r.text(7)};
    rv.created_at = r.integer(8);
    out.push_back(std::move(rv));
  }
  return out;
}

std::vector<ReviewBasis> review_basis(Connection& c, const std::vector<Id>& team_ids) {
  std::vector<ReviewBasis> out;
  if (team_ids.empty()) return out;
  std::vector<Value> params;
  append_padded_ids(params, team_ids);
  const std::string sql =
      "SELECT k.id, k.opened_at, (SELECT MAX(rv.held_on) FROM case_reviews rv WHERE rv.case_id = k.id) "
      "FROM cases k WHERE k.status = 'open' AND k.team_id IN " +
      in_list(1, padded_size(team_ids.size())) + " ORDER BY k.id";
  for (const auto& r : c.query(sql, params).rows) out.push_back(ReviewBasis{r.integer(0), r.integer(1), r.opt_text(2)});
  return out;
}

// ---- persistence in making contact, caseload

std::optional<domain::PersistenceSettings> find_persistence_settings(Connection& c, Id team_id) {
  const auto rs = c.query("SELECT cadence_days, stuck_attempts, stuck_days FROM teams WHERE id = $1", {team_id});
  if (rs.rows.empty()) return std::nullopt;
  domain::PersistenceSettings s;
  s.cadence_days = cadence_from_text(rs.rows[0].text(0));
  s.stuck_attempts = static_cast<int>(rs.rows[0].integer(1));
  s.stuck_days = static_cast<int>(rs.rows[0].integer(2));
  return s;
}

void save_persistence_settings(Connection& c, Id team_id, const domain::PersistenceSettings& s) {
  std::vector<std::string> days;
  for (int d : s.cadence_days) days.push_back(std::to_string(d));
  c.query("UPDATE teams SET cadence_days = $2, stuck_attempts = $3, stuck_days = $4 WHERE id = $1",
          {team_id, join_list(days), std::int64_t{s.stuck_attempts}, std::int64_t{s.stuck_days}});
}

std::vector<CaseAttempts> open_case_attempts(Connection& c, const std::vector<Id>& team_ids) {
  std::vector<CaseAttempts> out;
  if (team_ids.empty()) return out;
  std::vector<Value> params;
  append_padded_ids(params, team_ids);
  const std::string teams = in_list(1, padded_size(team_ids.size()));
  std::unordered_map<Id, std::size_t> index;
  for (const auto& r :
       c.query("SELECT k.id, k.team_id, k.phase, k.opened_at FROM cases k WHERE k.status = 'open' AND k.team_id IN " +
                   teams + " ORDER BY k.id",
               params)
           .rows) {
    index[r.integer(0)] = out.size();
    out.push_back(CaseAttempts{r.integer(0), r.integer(1), r.text(2), r.integer(3), {}, {}});
  }
  for (const auto& r : c.query("SELECT w.case_id, w.user_id FROM case_workers w JOIN cases k ON k.id = w.case_id "
                               "WHERE k.status = 'open' AND k.team_id IN " +
                                   teams + " ORDER BY w.case_id, w.user_id",
                               params)
                           .rows) {
    out[index.at(r.integer(0))].worker_ids.push_back(r.integer(1));
  }
  const std::string sql = std::string(kContactSelect) +
                          "JOIN cases k ON k.id = ct.case_id WHERE k.status = 'open' AND k.team_id IN " + teams +
                          " ORDER BY ct.case_id, ct.occurred_at, ct.id";
  for (const auto& r : c.query(sql, params).rows) {
    auto ct = contact_from_row(r);
    out[index.at(ct.case_id)].contacts.push_back(std::move(ct));
  }
  return out;
}

std::int64_t count_contacts_logged(Connection& c, Id user_id, const std::string& from, const std::string& until) {
  return c.query("SELECT COUNT(*) FROM contacts WHERE created_by = $1 AND occurred_at >= $2 AND occurred_at < $3",
                 {user_id, from, until})
      .rows.at(0)
      .integer(0);
}

// ---- households

Id insert_household(Connection& c, Id team_id, const std::string& address, std::int64_t now) {
  return c.query("INSERT INTO households (team_id, address, created_at) VALUES ($1, $2, $3) RETURNING id",
                 {team_id, address, now})
      .rows.at(0)
      .integer(0);
}

std::optional<Id> household_team(Connection& c, Id household_id) {
  const auto rs = c.query("SELECT team_id FROM households WHERE id = $1", {household_id});
  if (rs.rows.empty()) return std::nullopt;
  return rs.rows[0].integer(0);
}

std::optional<domain::Person> find_person(Connection& c, Id person_id) {
  static const std::string sql = "SELECT " + std::string(kPersonColumns) + " FROM persons p WHERE p.id = $1";
  const auto rs = c.query(sql, {person_id});
  if (rs.rows.empty()) return std::nullopt;
  return person_from_row(rs.rows[0], 0);
}

std::optional<Id> person_team(Connection& c, Id person_id) {
  const auto rs = c.query("SELECT team_id FROM persons WHERE id = $1", {person_id});
  if (rs.rows.empty()) return std::nullopt;
  return rs.rows[0].integer(0);
}

std::optional<Id> person_household(Connection& c, Id person_id) {
  const auto rs = c.query("SELECT household_id FROM household_members WHERE person_id = $1", {person_id});
  if (rs.rows.empty()) return std::nullopt;
  return rs.rows[0].integer(0);
}

void set_household_member(Connection& c, Id household_id, Id person_id, const std::string& role) {
  c.query("DELETE FROM household_members WHERE person_id = $1", {person_id});
  c.query("INSERT INTO household_members (household_id, person_id, role) VALUES ($1, $2, $3)",
          {household_id, person_id, role});
  c.query("UPDATE cases SET household_id = $1 WHERE person_id = $2 AND household_id IS NOT NULL",
          {household_id, person_id});
}

std::optional<domain::Household> find_household(Connection& c, Id household_id, std::optional<Id> except_case) {
  const auto hs = c.query("SELECT id, team_id, address FROM households WHERE id = $1", {household_id});
  if (hs.rows.empty()) return std::nullopt;
  domain::Household h;
  h.id = hs.rows[0].integer(0);
  h.team_id = hs.rows[0].integer(1);
  h.address = hs.rows[0].text(2);
  for (const auto& r : c.query("SELECT p.id, p.name, m.role, p.date_of_birth FROM household_members m "
                               "JOIN persons p ON p.id = m.person_id WHERE m.household_id = $1 ORDER BY p.name, p.id",
                               {household_id})
                           .rows) {
    h.members.push_back(domain::HouseholdMember{r.integer(0), r.text(1), r.text(2), r.opt_text(3), {}, {}});
  }
  const Value except = except_case ? Value{*except_case} : Value{std::int64_t{0}};
  for (auto& m : h.members) {
    for (const auto& r : c.query("SELECT id, status, phase FROM cases WHERE person_id = $1 AND id <> $2 ORDER BY id",
                                 {m.person_id, except})
                             .rows) {
      m.other_cases.push_back(domain::HouseholdCaseRef{r.integer(0), r.text(1), r.text(2)});
    }
    for (const auto& r : c.query("SELECT id, intake_date, status FROM signals WHERE person_id = $1 "
                                 "AND (case_id IS NULL OR case_id <> $2) ORDER BY intake_date, id",
                                 {m.person_id, except})
                             .rows) {
      m.other_signals.push_back(domain::HouseholdSignalRef{r.integer(0), r.text(1), r.text(2)});
    }
  }
  return h;
}

void set_case_household(Connection& c, Id case_id, std::optional<Id> household_id) {
  c.query("UPDATE cases SET household_id = CAST($1 AS BIGINT) WHERE id = $2", {opt(household_id), case_id});
}

}  // namespace voordeur::store
