// What the roles without access to case content get to see: a partner's view of the signals it
// submitted, and the aggregate figures for policy with small-cell suppression. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/model.h"

namespace voordeur::domain {

// A signal as its partner reporter sees it: no person data but initials, no decision or reason,
// no case. status: "received" (awaiting a decision) or "handled" (the team decided).
struct PartnerSignal {
  Id id = 0;
  Id team_id = 0;
  std::string intake_date;
  std::string person_initials;  // "J.V." from "Jan de Vries"; infixes and empty parts are left out
  std::string status;
  std::optional<std::string> feedback_given_on;
};

std::string initials(std::string_view name);
// "received" for awaiting_decision, "handled" for every other signal status.
std::string partner_status(std::string_view signal_status);

// One aggregate count: a measure split by category, per team and month ("YYYY-MM").
// measures: signals_by_decision (intake month; category: the latest decision or awaiting_decision),
// open_cases_by_phase (month opened; category: phase), closed_cases_by_reason (month closed;
// category: closure reason).
struct FigureCount {
  Id team_id = 0;
  std::string month;
  std::string measure;
  std::string category;
  std::int64_t count = 0;
};

// A count as published: counts from 1 to kSmallCell - 1 become nullopt ("fewer than 5"), so that a
// single person cannot be recognised; 0 never occurs (empty cells are not listed).
constexpr std::int64_t kSmallCell = 5;
struct PublishedFigure {
  Id team_id = 0;
  std::string month;
  std::string measure;
  std::string category;
  std::optional<std::int64_t> count;
};

// Adds up equal (team, month, measure, category) keys, suppresses small cells and orders the
// result by team, month, measure, category.
std::vector<PublishedFigure> publish_figures(std::vector<FigureCount> counts);

}  // namespace voordeur::domain
