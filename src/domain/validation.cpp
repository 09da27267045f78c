#include "domain/validation.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>

#include "domain/consent.h"
#include "domain/dates.h"
#include "domain/vocabulary.h"

namespace voordeur::domain {

namespace {

// Messages never repeat the submitted value: it may be personal data and it ends up in logs,
// screenshots and support mail.
constexpr const char* kRequired = "Fill in this field.";
constexpr const char* kInvalidUtf8 = "This text is not valid UTF-8; send it as UTF-8 text.";
constexpr const char* kInvalidDate =
    "Enter a date that exists on the calendar (YYYY-MM-DD, years 1900-2200).";
constexpr const char* kInvalidDatetime =
    "Enter a date and time as YYYY-MM-DDTHH:MM, with a date that exists on the calendar.";

constexpr std::int64_t kMinutesPerDay = 1440;

class Errors {
 public:
  void add(std::string field, std::string code, std::string message) {
    list_.push_back(FieldError{std::move(field), std::move(code), std::move(message)});
  }
  std::vector<FieldError> take() { return std::move(list_); }

 private:
  std::vector<FieldError> list_;
};

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  });
}

// Number of code points of well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF);
// nullopt for anything else.
std::optional<std::size_t> count_code_points(std::string_view s) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t length = 0;
    std::uint32_t cp = 0;
    std::uint32_t smallest = 0;
    if (lead < 0x80) {
      length = 1;
      cp = lead;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2;
      cp = lead & 0x1F;
      smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      cp = lead & 0x0F;
      smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      cp = lead & 0x07;
      smallest = 0x10000;
    } else {
      return std::nullopt;
    }
    if (i + length > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (next & 0x3F);
    }
    if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    i += length;
    ++count;
  }
  return count;
}

std::string too_long_message(std::size_t limit) {
  return "Shorten this text to at most " + std::to_string(limit) + " characters.";
}

std::string choose_one_of(const vocab::List& list) {
  std::string message = "Choose one of: ";
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) message += ", ";
    message += list[i];
  }
  return message + ".";
}

enum class Need { optional, required };

// A free-text field: required means not blank; any text must be UTF-8 and at most `limit` code points.
void check_text(Errors& e, const std::string& field, std::string_view value, std::size_t limit,
                Need need = Need::optional) {
  if (need == Need::required && is_blank(value)) {
    e.add(field, "required", kRequired);
    return;
  }
  const auto length = count_code_points(value);
  if (!length)
    e.add(field, "invalid_type", kInvalidUtf8);
  else if (*length > limit)
    e.add(field, "too_long", too_long_message(limit));
}

// An enumerated field. An optional one still has a value (the API fills in its default), so an
// empty string is an unknown value there.
void check_enum(Errors& e, const std::string& field, std::string_view value, const vocab::List& list,
                Need need = Need::optional) {
  if (need == Need::required && is_blank(value))
    e.add(field, "required", kRequired);
  else if (!vocab::contains(list, value))
    e.add(field, "unknown_value", choose_one_of(list));
}

// A list of enumerated values: each known and listed once ("field[i]").
void check_enum_list(Errors& e, const std::string& field, const std::vector<std::string>& values,
                     const vocab::List& list) {
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string item = field + "[" + std::to_string(i) + "]";
    if (!vocab::contains(list, values[i]))
      e.add(item, "unknown_value", choose_one_of(list));
    else if (!seen.insert(values[i]).second)
      e.add(item, "duplicate", "This value is already listed; choose each one only once.");
  }
}

// Returns whether the date is present and valid.
bool check_optional_date(Errors& e, const std::string& field, const std::optional<std::string>& value) {
  if (!value) return false;
  if (is_valid_date(*value)) return true;
  e.add(field, "invalid_date", kInvalidDate);
  return false;
}

// Minutes since 1970-01-01T00:00 of a valid local date-time.
std::optional<std::int64_t> minute_number(std::string_view datetime) {
  if (!is_valid_local_datetime(datetime)) return std::nullopt;
  const auto day = day_number(datetime);
  const auto hours = (datetime[11] - '0') * 10 + (datetime[12] - '0');
  const auto minutes = (datetime[14] - '0') * 10 + (datetime[15] - '0');
  return *day * kMinutesPerDay + hours * 60 + minutes;
}

}  // namespace

std::vector<FieldError> validate_signal(const SignalFields& s) {
  Errors e;

  const bool intake_valid = is_valid_date(s.intake_date);
  if (is_blank(s.intake_date))
    e.add("intake_date", "required", kRequired);
  else if (!intake_valid)
    e.add("intake_date", "invalid_date", kInvalidDate);

  check_text(e, "reporter.name", s.reporter.name, limits::name, Need::required);
  check_enum(e, "reporter.kind", s.reporter.kind, vocab::reporter_kinds, Need::required);
  check_text(e, "reporter.relation", s.reporter.relation, limits::short_text);
  check_text(e, "reporter.organisation", s.reporter.organisation, limits::short_text);
  check_text(e, "reporter.function", s.reporter.function, limits::short_text);
  check_text(e, "reporter.phone", s.reporter.phone, limits::phone);
  check_text(e, "reporter.address", s.reporter.address, limits::address);

  check_text(e, "person.name", s.person.name, limits::name, Need::required);
  check_text(e, "person.address", s.person.address, limits::address);
  check_text(e, "person.phone", s.person.phone, limits::phone);
  if (check_optional_date(e, "person.date_of_birth", s.person.date_of_birth) && intake_valid &&
      *day_number(*s.person.date_of_birth) > *day_number(s.intake_date))
    e.add("person.date_of_birth", "out_of_range",
          "The date of birth lies after the intake date; check both dates.");
  check_enum(e, "person.sex", s.person.sex, vocab::sexes);

  check_text(e, "relation_to_person", s.relation_to_person, limits::short_text);
  check_text(e, "known_since", s.known_since, limits::short_text);
  check_text(e, "contact_initiative", s.contact_initiative, limits::long_text);
  check_text(e, "contact_nature", s.contact_nature, limits::long_text);

  check_enum(e, "direct_reason", s.direct_reason, vocab::direct_reasons, Need::required);
  if (s.direct_reason == "other" && is_blank(s.direct_reason_other))
    e.add("direct_reason_other", "required", "Describe the reason, because the direct reason is 'other'.");
  else
    check_text(e, "direct_reason_other", s.direct_reason_other, limits::long_text);

  check_text(e, "tried_and_result", s.tried_and_result, limits::long_text);
  check_text(e, "what_would_help", s.what_would_help, limits::long_text);
  check_text(e, "others_in_contact", s.others_in_contact, limits::long_text);
  check_text(e, "whereabouts", s.whereabouts, limits::long_text);
  check_enum(e, "reporter_can_introduce", s.reporter_can_introduce, vocab::reporter_can_introduce);
  check_text(e, "introduction_note", s.introduction_note, limits::long_text);
  check_enum(e, "worker_gender_preference", s.worker_gender_preference, vocab::worker_gender_preferences);

  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < s.problem_areas.size(); ++i) {
    const std::string field = "problem_areas[" + std::to_string(i) + "]";
    const std::string& area = s.problem_areas[i];
    if (!vocab::contains(vocab::problem_areas, area))
      e.add(field, "unknown_value", choose_one_of(vocab::problem_areas));
    else if (!seen.insert(area).second)
      e.add(field, "duplicate", "This problem area is already listed; choose each one only once.");
  }
  const bool other_area = seen.count("other") > 0;
  if (other_area && is_blank(s.problem_areas_other))
    e.add("problem_areas_other", "required", "Describe the other problem area, because 'other' is chosen.");
  else
    check_text(e, "problem_areas_other", s.problem_areas_other, limits::long_text);

  check_text(e, "follow_up_agreed", s.follow_up_agreed, limits::long_text);
  check_optional_date(e, "feedback_date", s.feedback_date);
  check_enum(e, "person_aware", s.person_aware, vocab::person_aware, Need::required);
  return e.take();
}

std::vector<FieldError> validate_decision(const DecisionInput& d) {
  Errors e;
  check_enum(e, "decision", d.decision, vocab::decisions, Need::required);
  check_text(e, "reason", d.reason, limits::short_text, Need::required);

  const auto& ids = d.assigned_worker_ids;
  const std::string field = "assigned_worker_ids";
  if (d.decision == "outreach") {
    if (ids.empty())
      e.add(field, "required", "Choose one or two workers for an outreach decision.");
    else if (ids.size() > 2)
      e.add(field, "out_of_range", "Choose at most two workers.");
    if (std::any_of(ids.begin(), ids.end(), [](Id id) { return id <= 0; }))
      e.add(field, "out_of_range", "Worker ids are positive integers; choose workers from the team list.");
    const std::set<Id> distinct(ids.begin(), ids.end());
    if (distinct.size() != ids.size()) e.add(field, "duplicate", "Choose each worker only once.");
  } else if (!ids.empty() && vocab::contains(vocab::decisions, d.decision)) {
    e.add(field, "out_of_range", "Remove the workers: only an outreach decision assigns workers.");
  }
  return e.take();
}

std::vector<FieldError> validate_triage(std::string_view decision, const Triage& t) {
  Errors e;
  check_enum_list(e, "indications", t.indications, vocab::indications);
  check_enum_list(e, "contra_indications", t.contra_indications, vocab::contra_indications);
  if (decision == "outreach" && !t.contra_indications.empty() && is_blank(t.contra_indication_note))
    e.add("contra_indication_note", "required", "Explain why outreach is chosen despite the contra-indication.");
  else
    check_text(e, "contra_indication_note", t.contra_indication_note, limits::short_text);
  return e.take();
}

std::vector<FieldError> validate_feedback(const FeedbackInput& f, std::string_view intake_date,
                                          std::string_view today) {
  Errors e;
  if (is_blank(f.given_on)) {
    e.add("given_on", "required", kRequired);
  } else if (!is_valid_date(f.given_on)) {
    e.add("given_on", "invalid_date", kInvalidDate);
  } else if (const auto now = day_number(today); now && *day_number(f.given_on) > *now) {
    e.add("given_on", "in_future", "This date lies in the future; enter the day the reporter was told.");
  } else if (const auto intake = day_number(intake_date); intake && *day_number(f.given_on) < *intake) {
    e.add("given_on", "out_of_range", "This date lies before the intake date; check the date.");
  }
  check_text(e, "told", f.told, limits::feedback_told, Need::required);
  return e.take();
}

std::vector<FieldError> validate_feedback_working_days(int days) {
  Errors e;
  if (days < limits::feedback_working_days_min || days > limits::feedback_working_days_max)
    e.add("feedback_working_days", "out_of_range", "Choose a number of working days from 1 to 30.");
  return e.take();
}

std::vector<FieldError> validate_break_glass_reason(const std::string& reason) {
  Errors e;
  check_text(e, "reason", reason, limits::short_text, Need::required);
  return e.take();
}

std::vector<FieldError> validate_preparation(const PreparationFields& p) {
  Errors e;
  check_text(e, "strategy", p.strategy, limits::long_text);
  check_enum(e, "companion", p.companion, vocab::companions);
  check_text(e, "companion_name", p.companion_name, limits::short_text);
  return e.take();
}

std::vector<FieldError> validate_prior_info(const PriorInfoInput& p) {
  Errors e;
  check_text(e, "source", p.source, limits::short_text, Need::required);
  check_text(e, "content", p.content, limits::long_text, Need::required);
  return e.take();
}

std::vector<FieldError> validate_contact(const ContactFields& c, std::string_view now_local) {
  Errors e;
  if (is_blank(c.occurred_at)) {
    e.add("occurred_at", "required", kRequired);
  } else if (const auto occurred = minute_number(c.occurred_at); !occurred) {
    e.add("occurred_at", "invalid_datetime", kInvalidDatetime);
  } else if (const auto now = minute_number(now_local); now && *occurred > *now + kMinutesPerDay) {
    e.add("occurred_at", "in_future",
          "This lies more than one day in the future; enter when the contact happened.");
  }
  check_enum(e, "channel", c.channel, vocab::contact_channels, Need::required);
  check_text(e, "with_whom", c.with_whom, limits::short_text);
  check_enum(e, "outcome", c.outcome, vocab::contact_outcomes, Need::required);
  check_text(e, "note", c.note, limits::long_text);
  check_optional_date(e, "next_attempt_date", c.next_attempt_date);
  return e.take();
}

std::vector<FieldError> validate_closure(const ClosureInput& c) {
  Errors e;
  check_enum(e, "reason", c.reason, vocab::closure_reasons, Need::required);
  if (c.reason == "other" && is_blank(c.note))
    e.add("note", "required", "Describe why the case is closed, because the reason is 'other'.");
  else
    check_text(e, "note", c.note, limits::long_text);
  return e.take();
}

std::vector<FieldError> validate_reopen(const std::string& reason) {
  Errors e;
  check_text(e, "reason", reason, limits::short_text, Need::required);
  return e.take();
}

std::vector<FieldError> validate_reopen_phase(const std::string& phase) {
  Errors e;
  check_enum(e, "phase", phase, vocab::case_phases);
  return e.take();
}

std::vector<FieldError> validate_transition(const TransitionInput& t) {
  Errors e;
  check_enum(e, "event", t.event, vocab::transition_events, Need::required);
  check_text(e, "reason", t.reason, limits::short_text, Need::required);
  return e.take();
}

std::vector<FieldError> validate_handover(const HandoverInput& h) {
  Errors e;
  if (!h.from_user_id) e.add("from_user_id", "required", kRequired);
  if (!h.to_user_id) {
    e.add("to_user_id", "required", kRequired);
  } else if (h.from_user_id == h.to_user_id) {
    e.add("to_user_id", "duplicate", "Choose another worker than the one handing over.");
  }
  check_text(e, "note", h.note, limits::long_text, Need::required);
  return e.take();
}

namespace {

// A required date that may not lie after today.
void check_past_date(Errors& e, const std::string& field, const std::string& value, std::string_view today) {
  if (is_blank(value)) {
    e.add(field, "required", kRequired);
  } else if (!is_valid_date(value)) {
    e.add(field, "invalid_date", kInvalidDate);
  } else if (const auto now = day_number(today); now && *day_number(value) > *now) {
    e.add(field, "in_future", "This date lies in the future; enter the day it happened.");
  }
}

}  // namespace

std::vector<FieldError> validate_check_in(const CheckInInput& c) {
  Errors e;
  if (is_blank(c.planned_on))
    e.add("planned_on", "required", kRequired);
  else if (!is_valid_date(c.planned_on))
    e.add("planned_on", "invalid_date", kInvalidDate);
  if (!c.worker_id) e.add("worker_id", "required", kRequired);
  return e.take();
}

std::vector<FieldError> validate_check_in_outcome(const CheckInOutcomeInput& o, std::string_view today) {
  Errors e;
  check_past_date(e, "done_on", o.done_on, today);
  check_enum(e, "outcome", o.outcome, vocab::check_in_outcomes, Need::required);
  check_text(e, "note", o.note, limits::long_text);
  return e.take();
}

std::vector<FieldError> validate_household_member(const HouseholdMemberInput& m, std::string_view today) {
  Errors e;
  check_enum(e, "role", m.role, vocab::household_roles, Need::required);
  if (m.person_id) {
    if (m.name) e.add("name", "not_allowed", "Give either person_id or a new person's name, not both.");
    if (m.date_of_birth) e.add("date_of_birth", "not_allowed", "Give either person_id or a new person's details, not both.");
    return e.take();
  }
  check_text(e, "name", m.name.value_or(""), limits::name, Need::required);
  if (m.date_of_birth) check_past_date(e, "date_of_birth", *m.date_of_birth, today);
  return e.take();
}

std::vector<FieldError> validate_case_concerns(const std::string& concerns) {
  Errors e;
  check_enum(e, "concerns", concerns, vocab::case_concerns, Need::required);
  return e.take();
}

std::vector<FieldError> validate_review(const ReviewInput& r, std::string_view today) {
  Errors e;
  check_past_date(e, "held_on", r.held_on, today);
  check_text(e, "attendees", r.attendees, limits::short_text, Need::required);
  check_text(e, "notes", r.notes, limits::long_text);
  check_enum(e, "decision", r.decision, vocab::review_decisions, Need::required);
  return e.take();
}

std::vector<FieldError> validate_username(const std::string& username) {
  constexpr std::size_t kMin = 3;
  constexpr std::size_t kMax = 64;
  Errors e;
  if (username.empty()) {
    e.add("username", "required", kRequired);
    return e.take();
  }
  const bool allowed = std::all_of(username.begin(), username.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
  if (!allowed)
    e.add("username", "out_of_range", "Use only lowercase letters a-z, digits, dot, underscore and hyphen.");
  if (username.size() < kMin)
    e.add("username", "out_of_range", "Use at least 3 characters.");
  else if (username.size() > kMax)
    e.add("username", "too_long", too_long_message(kMax));
  return e.take();
}

std::vector<FieldError> validate_password(const std::string& password) {
  Errors e;
  const auto length = count_code_points(password);
  if (password.empty())
    e.add("password", "required", kRequired);
  else if (!length)
    e.add("password", "invalid_type", kInvalidUtf8);
  else if (*length < limits::password_min)
    e.add(
        "password", "out_of_range",
        "Use at least " + std::to_string(limits::password_min) + " characters; a short sentence works well.");
  else if (*length > limits::password_max)
    e.add("password", "too_long", too_long_message(limits::password_max));
  return e.take();
}

std::vector<FieldError> validate_display_name(const std::string& display_name) {
  Errors e;
  check_text(e, "display_name", display_name, limits::name, Need::required);
  return e.take();
}

std::vector<FieldError> validate_role(const std::string& role) {
  Errors e;
  check_enum(e, "role", role, vocab::roles, Need::required);
  return e.take();
}

std::vector<FieldError> validate_team_name(const std::string& name) {
  Errors e;
  check_text(e, "name", name, limits::name, Need::required);
  return e.take();
}

std::vector<FieldError> validate_erasure_reason(const std::string& reason) {
  Errors e;
  check_enum(e, "reason", reason, vocab::erasure_reasons, Need::required);
  return e.take();
}

// ---- consent and information exchange (domain/consent.h)

std::vector<FieldError> validate_consent(const ConsentInput& c, std::string_view today) {
  Errors e;
  check_enum(e, "recipient_category", c.recipient_category, vocab::consent_recipients, Need::required);
  if (c.recipient_category == "other" && is_blank(c.organisation))
    e.add("organisation", "required", "Name the organisation, because the recipient is 'other'.");
  else
    check_text(e, "organisation", c.organisation, limits::short_text);
  check_enum(e, "scope", c.scope, vocab::consent_scopes, Need::required);
  check_enum_list(e, "topics", c.topics, vocab::problem_areas);
  if (c.scope == "partial" && c.topics.empty())
    e.add("topics", "required", "Choose the topics a partial consent covers.");
  if (c.scope == "full" && !c.topics.empty())
    e.add("topics", "not_allowed", "A full consent covers every topic; leave the topics empty or choose partial.");
  check_enum_list(e, "channels", c.channels, vocab::exchange_channels);
  if (c.channels.empty()) e.add("channels", "required", "Choose at least one channel: oral, phone or electronic.");
  check_past_date(e, "given_on", c.given_on, today);
  if (check_optional_date(e, "ends_on", c.ends_on) && is_valid_date(c.given_on) && *c.ends_on < c.given_on)
    e.add("ends_on", "out_of_range", "The end date lies before the date the consent was given; check both dates.");
  return e.take();
}

std::vector<FieldError> validate_withdrawal(const std::string& withdrawn_on, std::string_view given_on,
                                            std::string_view today) {
  Errors e;
  check_past_date(e, "withdrawn_on", withdrawn_on, today);
  if (is_valid_date(withdrawn_on) && withdrawn_on < given_on)
    e.add("withdrawn_on", "out_of_range", "The consent was given after this date; enter the day it was withdrawn.");
  return e.take();
}

std::vector<FieldError> validate_exchange(const ExchangeInput& x, std::string_view today) {
  Errors e;
  check_past_date(e, "occurred_on", x.occurred_on, today);
  check_enum(e, "direction", x.direction, vocab::exchange_directions, Need::required);
  check_enum(e, "channel", x.channel, vocab::exchange_channels, Need::required);
  check_enum(e, "organisation_category", x.organisation_category, vocab::consent_recipients, Need::required);
  check_text(e, "organisation", x.organisation, limits::short_text, Need::required);
  check_text(e, "contact_person", x.contact_person, limits::name);
  check_enum_list(e, "topics", x.topics, vocab::problem_areas);
  if (x.topics.empty()) e.add("topics", "required", "Choose at least one topic that was discussed.");
  check_enum(e, "basis", x.basis, vocab::exchange_bases, Need::required);
  const bool ground = vocab::contains(vocab::exchange_bases, x.basis) && x.basis != "consent";
  if (ground && is_blank(x.justification))
    e.add("justification", "required", "Explain why this exchange was needed without the person's consent.");
  else
    check_text(e, "justification", x.justification, limits::long_text);
  if (x.basis == "professional_code_art2" && is_blank(x.peer_consulted))
    e.add("peer_consulted", "required", "Article 2 of the professional code requires consulting a peer; name them.");
  else
    check_text(e, "peer_consulted", x.peer_consulted, limits::name);
  return e.take();
}

std::vector<FieldError> validate_consent_stance(const ConsentStanceInput& s, std::string_view today) {
  Errors e;
  check_enum(e, "stance", s.stance, vocab::consent_stances, Need::required);
  check_past_date(e, "noted_on", s.noted_on, today);
  check_text(e, "note", s.note, limits::long_text);
  return e.take();
}

}  // namespace voordeur::domain
