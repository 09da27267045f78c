// The queries behind roles and scoping: emergency access to another team's case (break-glass), a
// partner's own signals, the raw counts behind the policy figures, and revoking sessions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.h"
#include "domain/scoped_views.h"
#include "store/db.h"

namespace voordeur::store {

using domain::Id;

struct BreakGlassGrant {
  Id id = 0;
  Id case_id = 0;
  Id team_id = 0;
  domain::UserRef user;
  std::string reason;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
};

Id insert_break_glass(Connection& c, Id user_id, Id case_id, Id team_id, const std::string& reason,
                      std::int64_t now, std::int64_t expires_at);
// The newest grant of this user for this case that has not expired at `now`.
std::optional<BreakGlassGrant> find_active_break_glass(Connection& c, Id user_id, Id case_id, std::int64_t now);
// Every grant on the team's cases, newest first (at most `limit`).
std::vector<BreakGlassGrant> list_break_glass(Connection& c, Id team_id, int limit);

// The signals this user submitted (signals.taken_by), newest intake first, as a partner sees them.
std::vector<domain::PartnerSignal> list_partner_signals(Connection& c, Id user_id);

// Signals per team, intake month and latest decision ("awaiting_decision" when none).
std::vector<domain::FigureCount> signal_decision_counts(Connection& c);
struct CaseFigureRow {
  Id team_id = 0;
  std::string status;
  std::string phase;
  std::string closure_reason;
  std::int64_t opened_at = 0;
  std::optional<std::int64_t> closed_at;
};
// Every case with the fields the figures count (no person, no text but the closure reason code).
std::vector<CaseFigureRow> case_figure_rows(Connection& c);

}  // namespace voordeur::store
