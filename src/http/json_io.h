// JSON in and out of the API: reading request bodies into domain inputs (collecting field
// errors instead of throwing) and writing domain values (json_writer.h). Only http/ knows JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/auth.h"
#include "app/consents.h"
#include "app/retention.h"
#include "app/roles.h"
#include "domain/consent.h"
#include "domain/errors.h"
#include "domain/model.h"
#include "domain/scoped_views.h"
#include "http/json_writer.h"
#include "http/message.h"
#include "store/repository.h"

namespace voordeur::http {

using nlohmann::json;

// The request body as a JSON object: unsupported_media_type without a JSON content type,
// invalid_json when it does not parse or is not an object.
domain::Result<json> parse_body(const Request& req);

// Reads typed fields from one JSON object; wrong types become field errors ("invalid_type"),
// missing or null fields read as empty.
class FieldReader {
 public:
  FieldReader(const json& obj, std::vector<domain::FieldError>& errors, std::string prefix = "");
  std::string text(const char* key);
  std::optional<std::string> opt_text(const char* key);  // missing, null or "" -> nullopt
  bool boolean(const char* key, bool fallback);
  std::optional<bool> opt_boolean(const char* key);
  std::optional<domain::Id> opt_id(const char* key);
  // A whole number; values beyond int are clamped to the int range (so range checks refuse them).
  std::optional<int> opt_int(const char* key);
  std::vector<std::string> text_list(const char* key);
  std::vector<domain::Id> id_list(const char* key);
  bool has(const char* key) const;
  FieldReader object(const char* key);

 private:
  const json* get(const char* key) const;
  void type_error(const char* key, const char* expected);

  const json& obj_;
  std::vector<domain::FieldError>& errors_;
  std::string prefix_;
};

domain::SignalFields read_signal(FieldReader& r);
domain::DecisionInput read_decision(FieldReader& r);
domain::ContactFields read_contact(FieldReader& r);
domain::ClosureInput read_closure(FieldReader& r);
domain::Triage read_triage(FieldReader& r);
domain::FeedbackInput read_feedback(FieldReader& r);
domain::PreparationFields read_preparation(FieldReader& r);
domain::PriorInfoInput read_prior_info(FieldReader& r);
domain::TransitionInput read_transition(FieldReader& r);
domain::HandoverInput read_handover(FieldReader& r);
domain::CheckInInput read_check_in(FieldReader& r);
domain::CheckInOutcomeInput read_check_in_outcome(FieldReader& r);
domain::ReviewInput read_review(FieldReader& r);
domain::HouseholdMemberInput read_household_member(FieldReader& r);

// One writer per type of the API's answers (field names as docs/api.md and openapi.json give them).
void write(JsonWriter& w, const domain::UserRef& u);
void write(JsonWriter& w, const domain::TeamRef& t);
void write(JsonWriter& w, const domain::Team& t);
void write(JsonWriter& w, const domain::PriorInfo& i);
void write(JsonWriter& w, const domain::Preparation& p);
void write(JsonWriter& w, const domain::User& u);
void write(JsonWriter& w, const domain::Actor& a);
void write(JsonWriter& w, const domain::Person& p);
void write(JsonWriter& w, const domain::Decision& d);
void write(JsonWriter& w, const domain::Reporter& r);
void write(JsonWriter& w, const domain::Feedback& f);
void write(JsonWriter& w, const domain::Signal& s);
void write(JsonWriter& w, const domain::SignalSummary& s);
void write(JsonWriter& w, const domain::Contact& c);
void write(JsonWriter& w, const domain::CheckIn& c);
void write(JsonWriter& w, const store::OverdueCheckIn& o);
void write(JsonWriter& w, const domain::Review& r);
void write(JsonWriter& w, const domain::CaseSummary& c);
void write(JsonWriter& w, const domain::Closure& c);
void write(JsonWriter& w, const domain::CaseEvent& e);
void write(JsonWriter& w, const domain::Case& c);
void write(JsonWriter& w, const domain::BreakGlassAccess& g);
// A signal as its partner reporter sees it (POST /api/v1/signals by a partner, GET /api/v1/partner/signals).
void write(JsonWriter& w, const domain::PartnerSignal& s);
void write(JsonWriter& w, const domain::HouseholdCaseRef& k);
void write(JsonWriter& w, const domain::HouseholdSignalRef& s);
void write(JsonWriter& w, const domain::HouseholdMember& m);
void write(JsonWriter& w, const domain::Household& h);
void write(JsonWriter& w, const domain::Assignment& a);
void write(JsonWriter& w, const domain::TimelineItem& t);
void write(JsonWriter& w, const domain::Consent& k);
void write(JsonWriter& w, const domain::Exchange& x);
void write(JsonWriter& w, const domain::ConsentStance& s);
void write(JsonWriter& w, const app::ConsentOverview& o);
void write(JsonWriter& w, const store::RetentionCount& r);
void write(JsonWriter& w, const store::ErasureRecord& e);
void write(JsonWriter& w, const app::RetentionSettings& s);
void write(JsonWriter& w, const app::PersonRef& p);
void write(JsonWriter& w, const store::BreakGlassGrant& g);
void write(JsonWriter& w, const domain::PublishedFigure& f);
void write(JsonWriter& w, const app::Figures& f);
void write(JsonWriter& w, const app::TotpStatus& t);
void write(JsonWriter& w, const app::TotpEnrolment& e);

// The members of a case summary, for answers that add their own members to it.
void write_summary_fields(JsonWriter& w, const domain::CaseSummary& c);
// The members of a person, for answers that add their own members to it.
void write_person_fields(JsonWriter& w, const domain::Person& p);

// A list answer: {"items": [...]} plus "total" (all matches, beyond the page) when given.
template <typename T>
struct Items {
  const std::vector<T>& items;
  std::optional<std::int64_t> total = std::nullopt;
};
template <typename T>
void write(JsonWriter& w, const Items<T>& page) {
  w.begin_object();
  w.field("items", page.items);
  if (page.total) w.field("total", *page.total);
  w.end_object();
}

// The value as an nlohmann::json tree, for code that works on the JSON itself (the subject-access
// export draws its PDF from it).
template <typename T>
json to_json(const T& value) {
  JsonWriter w;
  w.value(value);
  return json::parse(w.text());
}

// A response with the JSON text as its body.
Response json_text_response(int status, std::string body);

// A response with `value` written as JSON.
template <typename T>
Response json_response(int status, const T& value) {
  JsonWriter w;
  w.value(value);
  return json_text_response(status, w.text());
}

}  // namespace voordeur::http
