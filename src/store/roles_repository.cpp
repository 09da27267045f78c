#include "store/roles_repository.h"

namespace voordeur::store {
namespace {

constexpr const char* kGrantColumns =
    "SELECT b.id, b.case_id, b.team_id, b.user_id, u.display_name, b.reason, b.created_at, b.expires_at "
    "FROM break_glass b JOIN users u ON u.id = b.user_id ";

BreakGlassGrant grant_from_row(const Row& r) {
  return BreakGlassGrant{r.integer(0), r.integer(1), r.integer(2), domain::UserRef{r.integer(3), r.text(4)},
                         r.text(5),    r.integer(6), r.integer(7)};
}

}  // namespace

Id insert_break_glass(Connection& c, Id user_id, Id case_id, Id team_id, const std::string& reason,
                      std::int64_t now, std::int64_t expires_at) {
  return c
      .query(
          "INSERT INTO break_glass (user_id, case_id, team_id, reason, created_at, expires_at) "
          "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
          {user_id, case_id, team_id, reason, now, expires_at})
      .rows.at(0)
      .integer(0);
}

std::optional<BreakGlassGrant> find_active_break_glass(Connection& c, Id user_id, Id case_id, std::int64_t now) {
  const auto rs = c.query(std::string(kGrantColumns) +
                              "WHERE b.user_id = $1 AND b.case_id = $2 AND b.expires_at > $3 "
                              "ORDER BY b.expires_at DESC, b.id DESC LIMIT 1",
                          {user_id, case_id, now});
  if (rs.rows.empty()) return std::nullopt;
  return grant_from_row(rs.rows.front());
}

std::vector<BreakGlassGrant> list_break_glass(Connection& c, Id team_id, int limit) {
  const auto rs = c.query(std::string(kGrantColumns) + "WHERE b.team_id = $1 ORDER BY b.created_at DESC, b.id DESC LIMIT $2",
                          {team_id, std::int64_t{limit}});
  std::vector<BreakGlassGrant> out;
  for (const auto& r : rs.rows) out.push_back(grant_from_row(r));
  return out;
}

std::vector<domain::PartnerSignal> list_partner_signals(Connection& c, Id user_id) {
  const auto rs = c.query(
      "SELECT s.id, s.team_id, s.intake_date, p.name, s.status, s.feedback_given_on "
      "FROM signals s JOIN persons p ON p.id = s.person_id WHERE s.taken_by = $1 "
      "ORDER BY s.intake_date DESC, s.id DESC",
      {user_id});
  std::vector<domain::PartnerSignal> out;
  for (const auto& r : rs.rows) {
    out.push_back(domain::PartnerSignal{r.integer(0), r.integer(1), r.text(2), domain::initials(r.text(3)),
                                        domain::partner_status(r.text(4)), r.opt_text(5)});
  }
  return out;
}

std::vector<domain::FigureCount> signal_decision_counts(Connection& c) {
  const auto rs = c.query(
      "SELECT s.team_id, SUBSTR(s.intake_date, 1, 7), COALESCE(d.decision, 'awaiting_decision'), COUNT(*) "
      "FROM signals s LEFT JOIN signal_decisions d ON d.id = "
      "(SELECT MAX(d2.id) FROM signal_decisions d2 WHERE d2.signal_id = s.id) "
      "GROUP BY s.team_id, SUBSTR(s.intake_date, 1, 7), COALESCE(d.decision, 'awaiting_decision')");
  std::vector<domain::FigureCount> out;
  for (const auto& r : rs.rows) {
    out.push_back(domain::FigureCount{r.integer(0), r.text(1), "signals_by_decision", r.text(2), r.integer(3)});
  }
  return out;
}

std::vector<CaseFigureRow> case_figure_rows(Connection& c) {
  const auto rs = c.query("SELECT team_id, status, phase, closure_reason, opened_at, closed_at FROM cases");
  std::vector<CaseFigureRow> out;
  for (const auto& r : rs.rows) {
    out.push_back(CaseFigureRow{r.integer(0), r.text(1), r.text(2), r.text(3), r.integer(4), r.opt_integer(5)});
  }
  return out;
}

}  // namespace voordeur::store
