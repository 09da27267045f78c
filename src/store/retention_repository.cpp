#include "store/retention_repository.h"

#include <array>
#include <string_view>

namespace voordeur::store {
namespace {

// The tables whose rows belong to one case, by case_id; deleted before the case itself.
constexpr std::array<std::string_view, 10> kCaseTables = {
    "DELETE FROM contacts WHERE case_id = $1",          "DELETE FROM case_events WHERE case_id = $1",
    "DELETE FROM case_transitions WHERE case_id = $1",  "DELETE FROM case_assignments WHERE case_id = $1",
    "DELETE FROM case_workers WHERE case_id = $1",      "DELETE FROM case_check_ins WHERE case_id = $1",
    "DELETE FROM case_reviews WHERE case_id = $1",      "DELETE FROM case_preparations WHERE case_id = $1",
    "DELETE FROM case_prior_info WHERE case_id = $1",   "DELETE FROM break_glass WHERE case_id = $1",
};

// A decided signal that did not lead to a case, its last decision made before $1.
constexpr std::string_view kSignalDue =
    "s.status = 'decided' AND s.case_id IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM signal_decisions d WHERE d.signal_id = s.id AND d.case_id IS NOT NULL) "
    "AND (SELECT MAX(d.decided_at) FROM signal_decisions d WHERE d.signal_id = s.id) < $1";

std::vector<Id> ids(const ResultSet& rs) {
  std::vector<Id> out;
  out.reserve(rs.rows.size());
  for (const auto& r : rs.rows) out.push_back(r.integer(0));
  return out;
}

std::optional<Id> first_id(const ResultSet& rs) {
  if (rs.rows.empty() || rs.rows[0].is_null(0)) return std::nullopt;
  return rs.rows[0].integer(0);
}

}  // namespace

std::vector<Id> cases_past_retention(Connection& c, std::int64_t closed_before) {
  return ids(c.query("SELECT id FROM cases WHERE status = 'closed' AND closed_at < $1 ORDER BY id", {closed_before}));
}

std::vector<Id> signals_past_retention(Connection& c, std::int64_t decided_before) {
  return ids(c.query("SELECT s.id FROM signals s WHERE " + std::string(kSignalDue) + " ORDER BY s.id",
                     {decided_before}));
}

std::optional<PurgedCase> case_past_retention(Connection& c, Id case_id, std::int64_t closed_before) {
  const auto rs = c.query(
      "SELECT c.team_id, c.closed_at, COALESCE(c.closure_reason, ''), "
      "COALESCE((SELECT t.from_phase FROM case_transitions t WHERE t.case_id = c.id AND t.event = 'close' "
      "ORDER BY t.at DESC, t.id DESC LIMIT 1), ''), c.contact_count "
      "FROM cases c WHERE c.id = $2 AND c.status = 'closed' AND c.closed_at < $1",
      {closed_before, case_id});
  if (rs.rows.empty()) return std::nullopt;
  const auto& r = rs.rows[0];
  return PurgedCase{r.integer(0), r.integer(1), r.text(2), r.text(3), r.integer(4)};
}

std::optional<PurgedSignal> signal_past_retention(Connection& c, Id signal_id, std::int64_t decided_before) {
  const auto rs = c.query(
      "SELECT s.team_id, (SELECT MAX(d.decided_at) FROM signal_decisions d WHERE d.signal_id = s.id), "
      "(SELECT d.decision FROM signal_decisions d WHERE d.signal_id = s.id ORDER BY d.decided_at DESC, d.id DESC "
      "LIMIT 1) FROM signals s WHERE s.id = $2 AND " +
          std::string(kSignalDue),
      {decided_before, signal_id});
  if (rs.rows.empty()) return std::nullopt;
  const auto& r = rs.rows[0];
  return PurgedSignal{r.integer(0), r.integer(1), r.text(2)};
}

std::vector<Id> case_households(Connection& c, Id case_id) {
  return ids(c.query(
      "SELECT m.household_id FROM cases c JOIN household_members m ON m.person_id = c.person_id WHERE c.id = $1 "
      "UNION SELECT household_id FROM cases WHERE id = $1 AND household_id IS NOT NULL",
      {case_id}));
}

void delete_case_records(Connection& c, Id case_id) {
  c.query("DELETE FROM signal_decisions WHERE case_id = $1 OR signal_id IN (SELECT id FROM signals WHERE case_id = $1)",
          {case_id});
  c.query("DELETE FROM signals WHERE case_id = $1", {case_id});
  for (const auto sql : kCaseTables) c.query(sql, {case_id});
  c.query("DELETE FROM cases WHERE id = $1", {case_id});
}

void delete_signal_records(Connection& c, Id signal_id) {
  c.query("DELETE FROM signal_decisions WHERE signal_id = $1", {signal_id});
  c.query("DELETE FROM signals WHERE id = $1", {signal_id});
}

std::int64_t delete_household_if_unreferenced(Connection& c, Id household_id) {
  const auto referenced = c.query(
      "SELECT 1 FROM household_members m WHERE m.household_id = $1 AND ("
      "EXISTS (SELECT 1 FROM cases k WHERE k.person_id = m.person_id) OR "
      "EXISTS (SELECT 1 FROM signals s WHERE s.person_id = m.person_id)) "
      "UNION ALL SELECT 1 FROM cases WHERE household_id = $1",
      {household_id});
  if (!referenced.rows.empty()) return 0;
  const auto members = ids(c.query("SELECT person_id FROM household_members WHERE household_id = $1", {household_id}));
  c.query("DELETE FROM household_members WHERE household_id = $1", {household_id});
  for (const Id person : members) c.query("DELETE FROM persons WHERE id = $1", {person});
  c.query("DELETE FROM households WHERE id = $1", {household_id});
  return static_cast<std::int64_t>(members.size());
}

void delete_person(Connection& c, Id person_id) {
  c.query("DELETE FROM information_exchanges WHERE person_id = $1", {person_id});
  c.query("DELETE FROM consent_stances WHERE person_id = $1", {person_id});
  c.query("DELETE FROM consents WHERE person_id = $1", {person_id});
  c.query("DELETE FROM household_members WHERE person_id = $1", {person_id});
  c.query("DELETE FROM persons WHERE id = $1", {person_id});
}

void add_retention_count(Connection& c, const RetentionCount& k) {
  c.query(
      "INSERT INTO retention_counts (record_type, team_id, period, reason, phase_reached, contact_bucket, count) "
      "VALUES ($1, $2, $3, $4, $5, $6, 1) "
      "ON CONFLICT (record_type, team_id, period, reason, phase_reached, contact_bucket) "
      "DO UPDATE SET count = retention_counts.count + 1",
      {k.record_type, k.team_id, k.period, k.reason, k.phase_reached, k.contact_bucket});
}

std::vector<RetentionCount> list_retention_counts(Connection& c) {
  std::vector<RetentionCount> out;
  for (const auto& r : c.query("SELECT record_type, team_id, period, reason, phase_reached, contact_bucket, count "
                               "FROM retention_counts "
                               "ORDER BY record_type, team_id, period, reason, phase_reached, contact_bucket")
                           .rows) {
    out.push_back(RetentionCount{r.text(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5), r.integer(6)});
  }
  return out;
}

bool person_has_open_case(Connection& c, Id person_id) {
  return !c.query("SELECT 1 FROM cases k WHERE k.status = 'open' AND (k.person_id = $1 OR k.household_id = "
                  "(SELECT m.household_id FROM household_members m WHERE m.person_id = $1))",
                  {person_id})
              .rows.empty();
}

std::vector<Id> person_case_ids(Connection& c, Id person_id) {
  return ids(c.query("SELECT id FROM cases WHERE person_id = $1 ORDER BY id", {person_id}));
}

std::vector<Id> person_signal_ids(Connection& c, Id person_id) {
  return ids(c.query("SELECT id FROM signals WHERE person_id = $1 ORDER BY id", {person_id}));
}

std::optional<Id> case_person(Connection& c, Id case_id) {
  return first_id(c.query("SELECT person_id FROM cases WHERE id = $1", {case_id}));
}

std::optional<Id> signal_person(Connection& c, Id signal_id) {
  return first_id(c.query("SELECT person_id FROM signals WHERE id = $1", {signal_id}));
}

Id insert_erasure(Connection& c, Id erased_by, const std::string& reason, std::int64_t now) {
  return c.query("INSERT INTO erasures (erased_at, erased_by, reason) VALUES ($1, $2, $3) RETURNING id",
                 {now, erased_by, reason})
      .rows[0]
      .integer(0);
}

std::vector<ErasureRecord> list_erasures(Connection& c) {
  std::vector<ErasureRecord> out;
  for (const auto& r : c.query("SELECT e.id, e.erased_at, u.id, u.display_name, e.reason FROM erasures e "
                               "JOIN users u ON u.id = e.erased_by ORDER BY e.erased_at DESC, e.id DESC")
                           .rows) {
    out.push_back(ErasureRecord{r.integer(0), r.integer(1), domain::UserRef{r.integer(2), r.text(3)}, r.text(4)});
  }
  return out;
}

}  // namespace voordeur::store
