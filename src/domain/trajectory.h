// The phases of a case and the moves between them. The moves are data: src/domain/transitions.tsv,
// compiled into the binary (transitions_embedded.cpp.in) and parsed here. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/errors.h"

namespace voordeur::domain {

struct Transition {
  std::string from;
  std::string event;
  std::string to;     // a phase, or "chosen": the target phase given with the event (reopen)
  std::string guard;  // "", "conversation", "closure_reason" or "reopen_target"
};

using TransitionTable = std::vector<Transition>;

// What the guards look at, gathered by the caller.
struct TransitionFacts {
  bool has_conversation = false;             // a contact with outcome "conversation" is recorded
  std::string closure_reason;                // given with the close event
  std::string reason;                        // the worker's reason for the move
  std::optional<std::string> target_phase;   // given with reopen
};

// The table in transitions.tsv format ('#' comments, a header line, tab-separated from, event, to,
// guard with "-" for no guard). Throws std::invalid_argument naming the line when malformed or
// when a phase, event or guard is not in the vocabulary.
TransitionTable parse_transitions(std::string_view tsv);

// The table compiled into the binary.
const TransitionTable& transitions();

// The phase after `event` from phase `from`, or Error{"illegal_transition"} whose message names
// the moves allowed from `from` (and the unmet guard, if that was the problem).
Result<std::string> decide_transition(const TransitionTable& table, std::string_view from, std::string_view event,
                                      const TransitionFacts& facts);

// The events a worker can choose from `from`: every move of the table except those whose guard
// depends on the case and does not hold (conversation). Guards met by the request itself
// (closure_reason, reopen_target) do not hide an event. In table order, without repeats.
std::vector<std::string> allowed_events(const TransitionTable& table, std::string_view from, bool has_conversation);

}  // namespace voordeur::domain
