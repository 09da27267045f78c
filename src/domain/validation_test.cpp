#include "domain/validation.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "domain/testdata.h"
#include "domain/vocabulary.h"

namespace voordeur::domain {
namespace {

using testing::normalised;
using testing::read_table;
using testing::summary;

SignalFields valid_signal() {
  SignalFields s;
  s.intake_date = "2025-06-01";
  s.reporter.name = "Reporter";
  s.reporter.kind = "private_person";
  s.person.name = "Person";
  s.direct_reason = "nuisance";
  s.person_aware = "no";
  return s;
}

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

struct TextField {
  std::string field;
  std::size_t limit;
  std::string& (*get)(SignalFields&);
};

// Every free-text field of the registration form with its limit from docs/api.md.
const std::vector<TextField>& signal_text_fields() {
  static const std::vector<TextField> fields = {
      {"reporter.name", 200, [](SignalFields& s) -> std::string& { return s.reporter.name; }},
      {"reporter.relation", 500, [](SignalFields& s) -> std::string& { return s.reporter.relation; }},
      {"reporter.organisation", 500, [](SignalFields& s) -> std::string& { return s.reporter.organisation; }},
      {"reporter.function", 500, [](SignalFields& s) -> std::string& { return s.reporter.function; }},
      {"reporter.phone", 50, [](SignalFields& s) -> std::string& { return s.reporter.phone; }},
      {"reporter.address", 300, [](SignalFields& s) -> std::string& { return s.reporter.address; }},
      {"person.name", 200, [](SignalFields& s) -> std::string& { return s.person.name; }},
      {"person.address", 300, [](SignalFields& s) -> std::string& { return s.person.address; }},
      {"person.phone", 50, [](SignalFields& s) -> std::string& { return s.person.phone; }},
      {"relation_to_person", 500, [](SignalFields& s) -> std::string& { return s.relation_to_person; }},
      {"known_since", 500, [](SignalFields& s) -> std::string& { return s.known_since; }},
      {"contact_initiative", 4000, [](SignalFields& s) -> std::string& { return s.contact_initiative; }},
      {"contact_nature", 4000, [](SignalFields& s) -> std::string& { return s.contact_nature; }},
      {"direct_reason_other", 4000, [](SignalFields& s) -> std::string& { return s.direct_reason_other; }},
      {"tried_and_result", 4000, [](SignalFields& s) -> std::string& { return s.tried_and_result; }},
      {"what_would_help", 4000, [](SignalFields& s) -> std::string& { return s.what_would_help; }},
      {"others_in_contact", 4000, [](SignalFields& s) -> std::string& { return s.others_in_contact; }},
      {"whereabouts", 4000, [](SignalFields& s) -> std::string& { return s.whereabouts; }},
      {"introduction_note", 4000, [](SignalFields& s) -> std::string& { return s.introduction_note; }},
      {"problem_areas_other", 4000, [](SignalFields& s) -> std::string& { return s.problem_areas_other; }},
      {"follow_up_agreed", 4000, [](SignalFields& s) -> std::string& { return s.follow_up_agreed; }},
  };
  return fields;
}

struct EnumField {
  std::string field;
  bool required;
  std::string& (*get)(SignalFields&);
};

const std::vector<EnumField>& signal_enum_fields() {
  static const std::vector<EnumField> fields = {
      {"reporter.kind", true, [](SignalFields& s) -> std::string& { return s.reporter.kind; }},
      {"person.sex", false, [](SignalFields& s) -> std::string& { return s.person.sex; }},
      {"direct_reason", true, [](SignalFields& s) -> std::string& { return s.direct_reason; }},
      {"reporter_can_introduce", false,
       [](SignalFields& s) -> std::string& { return s.reporter_can_introduce; }},
      {"worker_gender_preference", false,
       [](SignalFields& s) -> std::string& { return s.worker_gender_preference; }},
      {"person_aware", true, [](SignalFields& s) -> std::string& { return s.person_aware; }},
  };
  return fields;
}

TEST(SignalValidation, AMinimalSignalIsValid) { EXPECT_EQ(summary(validate_signal(valid_signal())), "-"); }

TEST(SignalValidation, AFullyFilledSignalIsValid) {
  SignalFields s = valid_signal();
  for (const auto& f : signal_text_fields()) f.get(s) = "Some text";
  s.person.date_of_birth = "1960-03-15";
  s.person.sex = "female";
  s.direct_reason = "other";
  s.reporter_can_introduce = "yes";
  s.worker_gender_preference = "female";
  s.problem_areas = {"housing", "finances", "other"};
  s.feedback_date = "2025-06-15";
  EXPECT_EQ(summary(validate_signal(s)), "-");
}

TEST(SignalValidation, EveryRequiredFieldMissingAtOnceIsNamed) {
  for (const std::string& blank : {std::string(), std::string("  \t ")}) {
    SignalFields s;
    s.intake_date = blank;
    s.reporter.name = blank;
    s.reporter.kind = blank;
    s.person.name = blank;
    s.direct_reason = blank;
    s.person_aware = blank;
    const auto errors = validate_signal(s);
    EXPECT_EQ(summary(errors),
              normalised("intake_date:required reporter.name:required reporter.kind:required "
                         "person.name:required direct_reason:required person_aware:required"));
    for (const auto& e : errors) EXPECT_FALSE(e.message.empty()) << e.field;
  }
}

TEST(SignalValidation, IntakeDateMustExist) {
  for (const char* bad : {"2025-02-30", "2025-13-01", "garbage", "1899-12-31"}) {
    SignalFields s = valid_signal();
    s.intake_date = bad;
    EXPECT_EQ(summary(validate_signal(s)), "intake_date:invalid_date") << bad;
  }
}

TEST(SignalValidation, EachEnumRefusesAnUnknownValue) {
  for (const auto& f : signal_enum_fields()) {
    for (const char* bad : {"bogus", "Other", "yes ", "nuisance\n"}) {
      SignalFields s = valid_signal();
      f.get(s) = bad;
      // "yes " is valid nowhere: values are exact.
      EXPECT_EQ(summary(validate_signal(s)), f.field + ":unknown_value") << f.field << " / " << bad;
    }
    SignalFields s = valid_signal();
    f.get(s) = "";
    EXPECT_EQ(summary(validate_signal(s)), f.field + (f.required ? ":required" : ":unknown_value"))
        << f.field;
  }
}

TEST(SignalValidation, EachEnumAcceptsEveryListedValue) {
  const std::vector<std::pair<std::string, const vocab::List*>> lists = {
      {"reporter.kind", &vocab::reporter_kinds},
      {"person.sex", &vocab::sexes},
      {"direct_reason", &vocab::direct_reasons},
      {"reporter_can_introduce", &vocab::reporter_can_introduce},
      {"worker_gender_preference", &vocab::worker_gender_preferences},
      {"person_aware", &vocab::person_aware},
  };
  for (const auto& [field, list] : lists) {
    for (const auto& value : *list) {
      SignalFields s = valid_signal();
      s.direct_reason_other = "Explained";
      for (const auto& f : signal_enum_fields())
        if (f.field == field) f.get(s) = std::string(value);
      EXPECT_EQ(summary(validate_signal(s)), "-") << field << " = " << value;
    }
  }
}

TEST(SignalValidation, EachLengthLimitHoldsAtTheExactBoundary) {
  for (const auto& f : signal_text_fields()) {
    SCOPED_TRACE(f.field);
    SignalFields s = valid_signal();
    f.get(s) = std::string(f.limit, 'a');
    EXPECT_EQ(summary(validate_signal(s)), "-");
    f.get(s) = std::string(f.limit + 1, 'a');
    const auto errors = validate_signal(s);
    ASSERT_EQ(summary(errors), f.field + ":too_long");
    EXPECT_NE(errors[0].message.find("at most " + std::to_string(f.limit) + " characters"), std::string::npos)
        << errors[0].message;
  }
}

TEST(SignalValidation, LengthsAreCountedInCodePoints) {
  const std::string emoji = "\xF0\x9F\x98\x80";  // U+1F600, four bytes
  const std::string e_acute = "\xC3\xA9";        // U+00E9, two bytes
  for (const auto& f : signal_text_fields()) {
    SCOPED_TRACE(f.field);
    for (const auto& piece : {emoji, e_acute}) {
      SignalFields s = valid_signal();
      f.get(s) = repeat(piece, f.limit);
      EXPECT_EQ(summary(validate_signal(s)), "-");
      f.get(s) = repeat(piece, f.limit + 1);
      EXPECT_EQ(summary(validate_signal(s)), f.field + ":too_long");
    }
  }
}

TEST(SignalValidation, InvalidUtf8IsRefusedInEveryTextField) {
  for (const auto& f : signal_text_fields()) {
    SignalFields s = valid_signal();
    f.get(s) = "ab\xFF";
    EXPECT_EQ(summary(validate_signal(s)), f.field + ":invalid_type") << f.field;
  }
}

TEST(SignalValidation, MalformedUtf8SequencesAreRefused) {
  const std::vector<std::string> bad = {
      "\x80",              // continuation byte without a lead
      "\xC3",              // truncated two-byte sequence
      "\xE2\x82",          // truncated three-byte sequence
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong '/' in three bytes
      "\xED\xA0\x80",      // UTF-16 surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xF8\x88\x80\x80\x80",
      "a\xC3(b",  // lead byte followed by a non-continuation
  };
  for (const auto& text : bad) {
    SignalFields s = valid_signal();
    s.whereabouts = text;
    EXPECT_EQ(summary(validate_signal(s)), "whereabouts:invalid_type");
  }
  SignalFields s = valid_signal();
  s.whereabouts = "\x7F \xC2\x80 \xEF\xBF\xBD \xF4\x8F\xBF\xBF";  // edges of each sequence length
  EXPECT_EQ(summary(validate_signal(s)), "-");
}

TEST(SignalValidation, OtherDirectReasonNeedsADescription) {
  SignalFields s = valid_signal();
  s.direct_reason = "other";
  EXPECT_EQ(summary(validate_signal(s)), "direct_reason_other:required");
  s.direct_reason_other = "   ";
  EXPECT_EQ(summary(validate_signal(s)), "direct_reason_other:required");
  s.direct_reason_other = "Neighbours worry about the garden";
  EXPECT_EQ(summary(validate_signal(s)), "-");
  s.direct_reason = "crisis";
  s.direct_reason_other = "";
  EXPECT_EQ(summary(validate_signal(s)), "-");
}

TEST(SignalValidation, OtherProblemAreaNeedsADescription) {
  SignalFields s = valid_signal();
  s.problem_areas = {"housing", "other"};
  EXPECT_EQ(summary(validate_signal(s)), "problem_areas_other:required");
  s.problem_areas_other = "\t";
  EXPECT_EQ(summary(validate_signal(s)), "problem_areas_other:required");
  s.problem_areas_other = "Hoarding pets";
  EXPECT_EQ(summary(validate_signal(s)), "-");
  s.problem_areas = {"housing"};
  s.problem_areas_other = "";
  EXPECT_EQ(summary(validate_signal(s)), "-");
}

TEST(SignalValidation, ProblemAreasMustBeKnownAndListedOnce) {
  SignalFields s = valid_signal();
  s.problem_areas.assign(vocab::problem_areas.begin(), vocab::problem_areas.end());
  s.problem_areas_other = "Described";
  EXPECT_EQ(s.problem_areas.size(), 16u);
  EXPECT_EQ(summary(validate_signal(s)), "-");

  s = valid_signal();
  s.problem_areas = {"housing", "debts", "finances", "Housing"};
  EXPECT_EQ(summary(validate_signal(s)),
            normalised("problem_areas[1]:unknown_value problem_areas[3]:unknown_value"));

  s.problem_areas = {"housing", "finances", "housing", "finances", "housing"};
  EXPECT_EQ(summary(validate_signal(s)),
            normalised("problem_areas[2]:duplicate problem_areas[3]:duplicate problem_areas[4]:duplicate"));

  s.problem_areas = {};
  EXPECT_EQ(summary(validate_signal(s)), "-");
}

TEST(SignalValidation, DateOfBirthMustExistAndNotFollowTheIntake) {
  SignalFields s = valid_signal();
  s.person.date_of_birth = "2024-02-29";
  EXPECT_EQ(summary(validate_signal(s)), "-");
  s.person.date_of_birth = "2025-02-29";
  EXPECT_EQ(summary(validate_signal(s)), "person.date_of_birth:invalid_date");
  s.person.date_of_birth = "";
  EXPECT_EQ(summary(validate_signal(s)), "person.date_of_birth:invalid_date");
  s.person.date_of_birth = s.intake_date;
  EXPECT_EQ(summary(validate_signal(s)), "-");
  s.person.date_of_birth = "2025-06-02";
  EXPECT_EQ(summary(validate_signal(s)), "person.date_of_birth:out_of_range");
  // With an unreadable intake date there is nothing to compare with; only the intake date is named.
  s.intake_date = "2025-06-31";
  EXPECT_EQ(summary(validate_signal(s)), "intake_date:invalid_date");
  s.person.date_of_birth.reset();
  s.intake_date = "2025-06-01";
  EXPECT_EQ(summary(validate_signal(s)), "-");
}

TEST(SignalValidation, FeedbackDateMustExist) {
  SignalFields s = valid_signal();
  s.feedback_date = "2025-07-01";
  EXPECT_EQ(summary(validate_signal(s)), "-");
  s.feedback_date = "2025-07-32";
  EXPECT_EQ(summary(validate_signal(s)), "feedback_date:invalid_date");
  s.feedback_date = "next month";
  EXPECT_EQ(summary(validate_signal(s)), "feedback_date:invalid_date");
}

TEST(SignalValidation, MessagesNeverRepeatTheSubmittedValue) {
  const std::string marker = "Qzxv";
  SignalFields s;
  for (const auto& f : signal_text_fields()) f.get(s) = repeat(marker, f.limit);
  s.reporter.address += "\xFF";
  for (const auto& f : signal_enum_fields()) f.get(s) = marker;
  s.intake_date = "2025-06-01";
  s.person.date_of_birth = marker;
  s.feedback_date = "2025-02-30";
  s.problem_areas = {marker, marker};
  const auto errors = validate_signal(s);
  EXPECT_GE(errors.size(), signal_text_fields().size());
  for (const auto& e : errors) {
    EXPECT_EQ(e.message.find(marker), std::string::npos) << e.field << ": " << e.message;
    EXPECT_EQ(e.message.find("2025-02-30"), std::string::npos) << e.field << ": " << e.message;
    EXPECT_FALSE(e.message.empty()) << e.field;
  }
}

std::vector<Id> parse_ids(const testing::Row& row, std::size_t column) {
  std::vector<Id> ids;
  if (row.absent(column)) return ids;
  std::istringstream in(row[column]);
  for (std::string part; std::getline(in, part, ',');) ids.push_back(std::stoll(part));
  return ids;
}

TEST(DecisionValidation, FollowsTheTable) {
  for (const auto& row : read_table("decisions.tsv", 4)) {
    SCOPED_TRACE(row.where);
    const DecisionInput d{row.value(0), row.value(1), parse_ids(row, 2)};
    EXPECT_EQ(summary(validate_decision(d)), normalised(row[3])) << row.cells.back();
  }
}

TEST(DecisionValidation, WorkersOnANonOutreachDecisionSayWhy) {
  const auto errors = validate_decision(DecisionInput{"referral", "Debt counselling", {4}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("only an outreach decision assigns workers"), std::string::npos);
}

TEST(DecisionValidation, ReasonIsAShortText) {
  EXPECT_EQ(summary(validate_decision(DecisionInput{"outreach", std::string(500, 'r'), {1}})), "-");
  EXPECT_EQ(summary(validate_decision(DecisionInput{"outreach", std::string(501, 'r'), {1}})),
            "reason:too_long");
  EXPECT_EQ(summary(validate_decision(DecisionInput{"outreach", "\xC3", {1}})), "reason:invalid_type");
}

TEST(ContactValidation, FollowsTheTable) {
  for (const auto& row : read_table("contact.tsv", 6)) {
    SCOPED_TRACE(row.where);
    ContactFields c;
    c.occurred_at = row.value(0);
    c.channel = row.value(1);
    c.outcome = row.value(2);
    if (!row.absent(3)) c.next_attempt_date = row[3];
    EXPECT_EQ(summary(validate_contact(c, row[4])), normalised(row[5])) << row.cells.back();
  }
}

TEST(ContactValidation, WithWhomAndNoteHaveTheirLimits) {
  ContactFields c{"2025-06-01T10:00",     "phone", std::string(500, 'w'), "conversation",
                  std::string(4000, 'n'), {}};
  EXPECT_EQ(summary(validate_contact(c, "2025-06-01T12:00")), "-");
  c.with_whom += "w";
  c.note += "n";
  EXPECT_EQ(summary(validate_contact(c, "2025-06-01T12:00")), normalised("with_whom:too_long note:too_long"));
  c.with_whom = "\xFF";
  c.note = "\xFE";
  EXPECT_EQ(summary(validate_contact(c, "2025-06-01T12:00")),
            normalised("with_whom:invalid_type note:invalid_type"));
}

TEST(ClosureValidation, FollowsTheTable) {
  for (const auto& row : read_table("closure.tsv", 3)) {
    SCOPED_TRACE(row.where);
    EXPECT_EQ(summary(validate_closure(ClosureInput{row.value(0), row.value(1)})), normalised(row[2]))
        << row.cells.back();
  }
}

TEST(ClosureValidation, NoteIsALongText) {
  EXPECT_EQ(summary(validate_closure(ClosureInput{"other", std::string(4000, 'n')})), "-");
  EXPECT_EQ(summary(validate_closure(ClosureInput{"other", std::string(4001, 'n')})), "note:too_long");
}

TEST(ReopenValidation, ReasonIsRequiredAndShort) {
  EXPECT_EQ(summary(validate_reopen("New signal from the housing corporation")), "-");
  EXPECT_EQ(summary(validate_reopen("")), "reason:required");
  EXPECT_EQ(summary(validate_reopen(" \n ")), "reason:required");
  EXPECT_EQ(summary(validate_reopen(std::string(500, 'r'))), "-");
  EXPECT_EQ(summary(validate_reopen(std::string(501, 'r'))), "reason:too_long");
}

std::vector<FieldError> validate_account_field(const std::string& field, const std::string& value) {
  if (field == "username") return validate_username(value);
  if (field == "password") return validate_password(value);
  if (field == "display_name") return validate_display_name(value);
  if (field == "role") return validate_role(value);
  if (field == "name") return validate_team_name(value);
  ADD_FAILURE() << "no account field " << field;
  return {};
}

TEST(AccountValidation, FollowsTheTable) {
  for (const auto& row : read_table("accounts.tsv", 3)) {
    SCOPED_TRACE(row.where);
    EXPECT_EQ(summary(validate_account_field(row[0], row.value(1))), normalised(row[2])) << row.cells.back();
  }
}

TEST(AccountValidation, UsernameLengthBoundaries) {
  EXPECT_EQ(summary(validate_username(std::string(3, 'u'))), "-");
  EXPECT_EQ(summary(validate_username(std::string(64, 'u'))), "-");
  EXPECT_EQ(summary(validate_username(std::string(65, 'u'))), "username:too_long");
}

TEST(AccountValidation, PasswordLengthIsCountedInCodePoints) {
  const std::string emoji = "\xF0\x9F\x94\x91";
  EXPECT_EQ(summary(validate_password(repeat(emoji, 11))), "password:out_of_range");
  EXPECT_EQ(summary(validate_password(repeat(emoji, 12))), "-");
  EXPECT_EQ(summary(validate_password(repeat(emoji, 200))), "-");
  EXPECT_EQ(summary(validate_password(repeat(emoji, 201))), "password:too_long");
  EXPECT_EQ(summary(validate_password(std::string(200, 'p'))), "-");
  EXPECT_EQ(summary(validate_password(std::string(201, 'p'))), "password:too_long");
  EXPECT_EQ(summary(validate_password(std::string(12, 'p') + "\xFF")), "password:invalid_type");
}

TEST(AccountValidation, NamesHaveTheNameLimit) {
  EXPECT_EQ(summary(validate_display_name(std::string(200, 'd'))), "-");
  EXPECT_EQ(summary(validate_display_name(std::string(201, 'd'))), "display_name:too_long");
  EXPECT_EQ(summary(validate_team_name(std::string(200, 't'))), "-");
  EXPECT_EQ(summary(validate_team_name(std::string(201, 't'))), "name:too_long");
}

TEST(HouseholdValidation, EitherAnExistingPersonOrANewOneWithAKnownRole) {
  const std::string today = "2026-11-20";
  HouseholdMemberInput existing{Id{7}, std::nullopt, std::nullopt, "adult"};
  EXPECT_EQ(summary(validate_household_member(existing, today)), "-");
  existing.role = "cousin";
  EXPECT_EQ(summary(validate_household_member(existing, today)), "role:unknown_value");
  existing.role = "";
  EXPECT_EQ(summary(validate_household_member(existing, today)), "role:required");
  HouseholdMemberInput both{Id{7}, std::string("Noor Voorbeeld"), std::string("2015-01-01"), "child"};
  EXPECT_EQ(summary(validate_household_member(both, today)), "date_of_birth:not_allowed name:not_allowed");

  HouseholdMemberInput child{std::nullopt, std::string("Noor Voorbeeld"), std::string("2026-11-20"), "child"};
  EXPECT_EQ(summary(validate_household_member(child, today)), "-");
  child.date_of_birth = "2026-11-21";
  EXPECT_EQ(summary(validate_household_member(child, today)), "date_of_birth:in_future");
  child.date_of_birth = "2026-02-30";
  EXPECT_EQ(summary(validate_household_member(child, today)), "date_of_birth:invalid_date");
  child.date_of_birth = std::nullopt;
  child.name = std::string(201, 'n');
  EXPECT_EQ(summary(validate_household_member(child, today)), "name:too_long");
  child.name = std::nullopt;
  EXPECT_EQ(summary(validate_household_member(child, today)), "name:required");
}

TEST(HouseholdValidation, ACaseConcernsThePersonOrTheHousehold) {
  EXPECT_EQ(summary(validate_case_concerns("person")), "-");
  EXPECT_EQ(summary(validate_case_concerns("household")), "-");
  EXPECT_EQ(summary(validate_case_concerns("family")), "concerns:unknown_value");
  EXPECT_EQ(summary(validate_case_concerns("")), "concerns:required");
}

}  // namespace
}  // namespace voordeur::domain
