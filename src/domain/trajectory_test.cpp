#include "domain/trajectory.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "domain/testdata.h"
#include "domain/validation.h"
#include "domain/vocabulary.h"

namespace voordeur::domain {
namespace {

using testing::read_table;

TransitionFacts facts_from(const std::string& cell) {
  TransitionFacts f;
  if (cell == "-") return f;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const auto comma = std::min(cell.find(',', start), cell.size());
    const std::string item = cell.substr(start, comma - start);
    start = comma + 1;
    const auto eq = item.find('=');
    const std::string key = item.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : item.substr(eq + 1);
    if (key == "conversation") {
      f.has_conversation = true;
    } else if (key == "closure_reason") {
      f.closure_reason = value;
    } else if (key == "reason") {
      f.reason = value;
    } else if (key == "target") {
      f.target_phase = value;
    } else {
      ADD_FAILURE() << "unknown fact " << key;
    }
  }
  return f;
}

TEST(Trajectory, DecidesEveryMoveAsTheCasesTableSays) {
  for (const auto& row : read_table("transition_cases.tsv", 4)) {
    SCOPED_TRACE(row.where + " (" + row[0] + " " + row[1] + " " + row[2] + ")");
    const auto result = decide_transition(transitions(), row[0], row[1], facts_from(row[2]));
    if (row[3] == "illegal") {
      ASSERT_FALSE(result.ok()) << "moved to " << result.value();
      EXPECT_EQ(result.error().code, "illegal_transition");
      EXPECT_NE(result.error().message.find("From " + row[0] + " you can: "), std::string::npos)
          << result.error().message;
    } else {
      ASSERT_TRUE(result.ok()) << result.error().message;
      EXPECT_EQ(result.value(), row[3]);
    }
  }
}

// The cases table lists every phase x event pair, so no move is left untested.
TEST(Trajectory, CasesTableCoversEveryPhaseAndEvent) {
  std::set<std::pair<std::string, std::string>> listed;
  for (const auto& row : read_table("transition_cases.tsv", 4)) listed.emplace(row[0], row[1]);
  for (const auto phase : vocab::case_phases) {
    for (const auto event : vocab::transition_events) {
      EXPECT_EQ(listed.count({std::string(phase), std::string(event)}), 1u) << phase << " " << event;
    }
  }
}

TEST(Trajectory, RefusalNamesTheAllowedMoves) {
  const auto result = decide_transition(transitions(), "making_contact", "start_help", TransitionFacts{});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message,
            "start_help is not possible from making_contact. "
            "From making_contact you can: contact_made → follow_up, close → closed.");
  const auto guarded = decide_transition(transitions(), "follow_up", "start_help", TransitionFacts{});
  ASSERT_FALSE(guarded.ok());
  EXPECT_NE(guarded.error().message.find("needs a recorded contact with outcome conversation"), std::string::npos);
  const auto closed = decide_transition(transitions(), "closed", "close", TransitionFacts{});
  EXPECT_NE(closed.error().message.find("From closed you can: reopen → a chosen phase."), std::string::npos);
}

TEST(Trajectory, EveryPhaseButClosedCanBeClosedAndEveryPhaseCanBeReached) {
  std::set<std::string> reached;
  for (const auto& t : transitions()) reached.insert(t.to);
  for (const auto phase : vocab::case_phases) {
    const auto events = allowed_events(transitions(), phase, true);
    const bool can_close = std::find(events.begin(), events.end(), "close") != events.end();
    EXPECT_EQ(can_close, phase != "closed") << phase;
    if (phase != "preparation") {
      EXPECT_EQ(reached.count(std::string(phase)), 1u) << phase;
    }
  }
}

TEST(Trajectory, AllowedEventsHideMovesThatNeedAConversation) {
  EXPECT_EQ(allowed_events(transitions(), "follow_up", false),
            (std::vector<std::string>{"contact_lost", "start_monitoring", "close"}));
  EXPECT_EQ(allowed_events(transitions(), "follow_up", true),
            (std::vector<std::string>{"start_help", "contact_lost", "start_monitoring", "close"}));
  EXPECT_EQ(allowed_events(transitions(), "closed", false), (std::vector<std::string>{"reopen"}));
  EXPECT_TRUE(allowed_events(transitions(), "finished", true).empty());
}

TEST(Trajectory, ParserRefusesMalformedTables) {
  const std::string header = "from\tevent\tto\tguard\n";
  EXPECT_THROW(parse_transitions(header), std::invalid_argument);
  EXPECT_THROW(parse_transitions(header + "preparation\tstart_contact\tmaking_contact\n"), std::invalid_argument);
  EXPECT_THROW(parse_transitions(header + "nowhere\tstart_contact\tmaking_contact\t-\n"), std::invalid_argument);
  EXPECT_THROW(parse_transitions(header + "preparation\tjump\tmaking_contact\t-\n"), std::invalid_argument);
  EXPECT_THROW(parse_transitions(header + "preparation\tstart_contact\tnowhere\t-\n"), std::invalid_argument);
  EXPECT_THROW(parse_transitions(header + "preparation\tstart_contact\tmaking_contact\tluck\n"),
               std::invalid_argument);
  EXPECT_THROW(parse_transitions(header + "preparation\tclose\tclosed\t-\npreparation\tclose\tclosed\t-\n"),
               std::invalid_argument);
  const auto table = parse_transitions("# comment\n" + header + "preparation\tclose\tclosed\tclosure_reason\r\n");
  ASSERT_EQ(table.size(), 1u);
  EXPECT_EQ(table[0].guard, "closure_reason");
}

TEST(Trajectory, TheTableUsesEveryPhaseAndEventOfTheVocabulary) {
  std::set<std::string> phases, events;
  for (const auto& t : transitions()) {
    phases.insert(t.from);
    events.insert(t.event);
  }
  EXPECT_EQ(phases.size(), vocab::case_phases.size());
  EXPECT_EQ(events.size(), vocab::transition_events.size());
}

TEST(TrajectoryValidation, TransitionNeedsAKnownEventAndAReason) {
  using testing::summary;
  EXPECT_EQ(summary(validate_transition(TransitionInput{"start_contact", "first visit planned"})), "-");
  EXPECT_EQ(summary(validate_transition(TransitionInput{"", ""})), "event:required reason:required");
  EXPECT_EQ(summary(validate_transition(TransitionInput{"jump", "x"})), "event:unknown_value");
  EXPECT_EQ(summary(validate_transition(TransitionInput{"close", std::string(501, 'r')})), "reason:too_long");
}

TEST(TrajectoryValidation, ReopenPhaseMustBeAPhase) {
  using testing::summary;
  EXPECT_EQ(summary(validate_reopen_phase("help")), "-");
  EXPECT_EQ(summary(validate_reopen_phase("finished")), "phase:unknown_value");
}

TEST(TrajectoryValidation, HandoverNeedsTwoDifferentWorkersAndANote) {
  using testing::summary;
  EXPECT_EQ(summary(validate_handover(HandoverInput{1, 2, "no click with the client"})), "-");
  EXPECT_EQ(summary(validate_handover(HandoverInput{std::nullopt, std::nullopt, " "})),
            "from_user_id:required note:required to_user_id:required");
  EXPECT_EQ(summary(validate_handover(HandoverInput{1, 1, "x"})), "to_user_id:duplicate");
  EXPECT_EQ(summary(validate_handover(HandoverInput{1, 2, std::string(4001, 'n')})), "note:too_long");
}

}  // namespace
}  // namespace voordeur::domain
