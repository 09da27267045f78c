#include "store/encryption_repository.h"

namespace voordeur::store {
namespace {

// '#' || column keeps the value from being opened when the row is built (see Row), so the raw
// stored text arrives with a leading '#'.
std::string raw_select(const SealedColumn& col) {
  return "SELECT " + std::string(col.key) + ", '#' || " + std::string(col.column) + " FROM " +
         std::string(col.table) + " WHERE " + std::string(col.column) + " <> '' ORDER BY " + std::string(col.key);
}

}  // namespace

const std::vector<SealedColumn>& sealed_columns() {
  static const std::vector<SealedColumn> columns{
      {"persons", "id", "phone"},
      {"signals", "id", "reporter_phone"},
      {"signals", "id", "reporter_address"},
      {"signals", "id", "direct_reason_other"},
      {"signals", "id", "tried_and_result"},
      {"signals", "id", "what_would_help"},
      {"signals", "id", "others_in_contact"},
      {"signals", "id", "whereabouts"},
      {"signals", "id", "introduction_note"},
      {"signals", "id", "problem_areas_other"},
      {"signals", "id", "follow_up_agreed"},
      {"signals", "id", "feedback_told"},
      {"signal_decisions", "id", "reason"},
      {"signal_decisions", "id", "contra_indication_note"},
      {"cases", "id", "closure_note"},
      {"case_events", "id", "reason"},
      {"case_events", "id", "note"},
      {"case_transitions", "id", "reason"},
      {"case_assignments", "id", "note"},
      {"contacts", "id", "note"},
      {"case_preparations", "case_id", "strategy"},
      {"case_prior_info", "id", "content"},
      {"case_check_ins", "id", "note"},
      {"case_reviews", "id", "notes"},
      {"user_totp", "user_id", "secret"},
      {"consent_stances", "id", "note"},
      {"information_exchanges", "id", "justification"},
  };
  return columns;
}

std::int64_t reseal_all(Connection& c, const KeyRing& ring) {
  std::int64_t rewritten = 0;
  for (const auto& col : sealed_columns()) {
    const std::string update = "UPDATE " + std::string(col.table) + " SET " + std::string(col.column) +
                               " = $2 WHERE " + std::string(col.key) + " = $1";
    for (const auto& r : c.query(raw_select(col)).rows) {
      const std::string raw = r.text(1).substr(1);
      if (KeyRing::sealed_key_id(raw) == ring.current_id()) continue;
      const auto plain = ring.open(raw);
      c.query(update, {r.integer(0), ring.seal(plain ? *plain : raw)});
      ++rewritten;
    }
  }
  return rewritten;
}

std::optional<std::string> recorded_key_id(Connection& c) {
  const auto rs = c.query("SELECT key_id FROM encryption_state WHERE id = 1");
  if (rs.rows.empty()) return std::nullopt;
  return rs.rows[0].text(0);
}

void record_key_id(Connection& c, const std::string& key_id, std::int64_t now) {
  c.query(
      "INSERT INTO encryption_state (id, key_id, sealed_at) VALUES (1, $1, $2) "
      "ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, sealed_at = excluded.sealed_at",
      {key_id, now});
}

std::vector<std::string> raw_column_values(Connection& c, const SealedColumn& column) {
  std::vector<std::string> out;
  for (const auto& r : c.query(raw_select(column)).rows) out.push_back(r.text(1).substr(1));
  return out;
}

}  // namespace voordeur::store
