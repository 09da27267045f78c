#include "domain/trajectory.h"

#include <algorithm>
#include <stdexcept>

#include "domain/vocabulary.h"

namespace voordeur::domain {

// Defined in the generated transitions_embedded.cpp: the text of src/domain/transitions.tsv.
extern const char* const kTransitionsTsv;

namespace {

constexpr std::string_view kChosen = "chosen";
const vocab::List kGuards{"conversation", "closure_reason", "reopen_target"};

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    cells.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return cells;
    start = tab + 1;
  }
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char ch) { return ch == ' ' || ch == '\t' || ch == '\n'; });
}

// "contact_made → follow_up, close → closed", or "nothing" when the phase has no moves.
std::string describe_moves(const TransitionTable& table, std::string_view from) {
  std::string out;
  for (const auto& t : table) {
    if (t.from != from) continue;
    if (!out.empty()) out += ", ";
    out += t.event + " → " + (t.to == kChosen ? std::string("a chosen phase") : t.to);
  }
  return out.empty() ? "nothing" : out;
}

Error illegal(const TransitionTable& table, std::string_view from, const std::string& why) {
  return make_error("illegal_transition",
                    why + "From " + std::string(from) + " you can: " + describe_moves(table, from) + ".");
}

// Why the guard does not hold, or "" when it does.
std::string unmet(const Transition& t, const TransitionFacts& f) {
  if (t.guard == "conversation" && !f.has_conversation) {
    return "Entering " + t.to + " needs a recorded contact with outcome conversation. ";
  }
  if (t.guard == "closure_reason" && blank(f.closure_reason)) {
    return "Closing needs a closure reason; use POST /api/v1/cases/{id}/closure. ";
  }
  if (t.guard == "reopen_target") {
    if (blank(f.reason) || !f.target_phase) {
      return "Reopening needs a reason and a target phase; use POST /api/v1/cases/{id}/reopen. ";
    }
    if (*f.target_phase == "closed" || !vocab::contains(vocab::case_phases, *f.target_phase)) {
      return "A case is reopened into a phase other than closed. ";
    }
  }
  return "";
}

}  // namespace

TransitionTable parse_transitions(std::string_view tsv) {
  TransitionTable table;
  bool header_seen = false;
  int number = 0;
  std::size_t pos = 0;
  while (pos <= tsv.size()) {
    const auto end = std::min(tsv.find('\n', pos), tsv.size());
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto cells = split_tabs(line);
    const std::string where = "transitions line " + std::to_string(number);
    if (cells.size() != 4) throw std::invalid_argument(where + ": expected 4 tab-separated cells");
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    Transition t{cells[0], cells[1], cells[2], cells[3] == "-" ? "" : cells[3]};
    if (!vocab::contains(vocab::case_phases, t.from)) throw std::invalid_argument(where + ": unknown phase " + t.from);
    if (!vocab::contains(vocab::transition_events, t.event)) {
      throw std::invalid_argument(where + ": unknown event " + t.event);
    }
    if (t.to != kChosen && !vocab::contains(vocab::case_phases, t.to)) {
      throw std::invalid_argument(where + ": unknown phase " + t.to);
    }
    if (!t.guard.empty() && !vocab::contains(kGuards, t.guard)) {
      throw std::invalid_argument(where + ": unknown guard " + t.guard);
    }
    for (const auto& other : table) {
      if (other.from == t.from && other.event == t.event) {
        throw std::invalid_argument(where + ": " + t.event + " from " + t.from + " is listed twice");
      }
    }
    table.push_back(std::move(t));
  }
  if (table.empty()) throw std::invalid_argument("transitions: no moves");
  return table;
}

const TransitionTable& transitions() {
  static const TransitionTable table = parse_transitions(kTransitionsTsv);
  return table;
}

Result<std::string> decide_transition(const TransitionTable& table, std::string_view from, std::string_view event,
                                      const TransitionFacts& facts) {
  const auto move =
      std::find_if(table.begin(), table.end(), [&](const Transition& t) { return t.from == from && t.event == event; });
  if (move == table.end()) {
    return illegal(table, from, std::string(event) + " is not possible from " + std::string(from) + ". ");
  }
  if (const std::string why = unmet(*move, facts); !why.empty()) return illegal(table, from, why);
  return move->to == kChosen ? *facts.target_phase : move->to;
}

std::vector<std::string> allowed_events(const TransitionTable& table, std::string_view from, bool has_conversation) {
  std::vector<std::string> out;
  for (const auto& t : table) {
    if (t.from != from) continue;
    if (t.guard == "conversation" && !has_conversation) continue;
    if (std::find(out.begin(), out.end(), t.event) == out.end()) out.push_back(t.event);
  }
  return out;
}

}  // namespace voordeur::domain
