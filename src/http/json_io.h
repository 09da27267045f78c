// JSON in and out of the API: reading request bodies into domain inputs (collecting field
// errors instead of throwing) and rendering domain values. Only http/ knows JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/errors.h"
#include "domain/model.h"
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

json to_json(const domain::UserRef& u);
json to_json(const domain::TeamRef& t);
json to_json(const domain::Team& t);
json to_json(const domain::Preparation& p);
json to_json(const domain::User& u);
json to_json(const domain::Actor& a);
json to_json(const domain::Person& p);
json to_json(const domain::Decision& d);
json to_json(const domain::Signal& s);
json to_json(const domain::SignalSummary& s);
json to_json(const domain::Contact& c);
json to_json(const domain::CaseSummary& c);
json to_json(const domain::Case& c);
json to_json(const domain::Assignment& a);
json to_json(const domain::TimelineItem& t);
json to_json(const domain::CheckIn& c);
json to_json(const domain::Review& r);
json to_json(const domain::Household& h);
json to_json(const store::OverdueCheckIn& o);

template <typename T>
json to_json_list(const std::vector<T>& items) {
  json out = json::array();
  for (const auto& item : items) out.push_back(to_json(item));
  return out;
}

Response json_response(int status, const json& body);

}  // namespace voordeur::http
