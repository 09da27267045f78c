#include "http/json_io.h"

#include <algorithm>
#include <climits>

#include "domain/dates.h"

namespace voordeur::http {
namespace {

json opt_json(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json opt_json(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

bool is_json_content_type(const std::string& ct) {
  const std::string prefix = "application/json";
  if (ct.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(ct[i])) != prefix[i]) return false;
  }
  return ct.size() == prefix.size() || ct[prefix.size()] == ';' || ct[prefix.size()] == ' ';
}

}  // namespace

domain::Result<json> parse_body(const Request& req) {
  if (!is_json_content_type(req.header("content-type"))) {
    return domain::make_error("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded()) {
    return domain::make_error("invalid_json", "The body is not valid JSON; check quotes, commas and brackets.");
  }
  if (!body.is_object()) return domain::make_error("invalid_json", "The body must be a JSON object ({...}).");
  return body;
}

FieldReader::FieldReader(const json& obj, std::vector<domain::FieldError>& errors, std::string prefix)
    : obj_(obj), errors_(errors), prefix_(std::move(prefix)) {}

const json* FieldReader::get(const char* key) const {
  if (!obj_.is_object()) return nullptr;
  auto it = obj_.find(key);
  if (it == obj_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool FieldReader::has(const char* key) const { return obj_.is_object() && obj_.contains(key); }

void FieldReader::type_error(const char* key, const char* expected) {
  errors_.push_back({prefix_ + key, "invalid_type", std::string("Must be ") + expected + "."});
}

std::string FieldReader::text(const char* key) {
  const json* v = get(key);
  if (!v) return {};
  if (!v->is_string()) {
    type_error(key, "text");
    return {};
  }
  return v->get<std::string>();
}

std::optional<std::string> FieldReader::opt_text(const char* key) {
  std::string v = text(key);
  if (v.empty()) return std::nullopt;
  return v;
}

bool FieldReader::boolean(const char* key, bool fallback) { return opt_boolean(key).value_or(fallback); }

std::optional<bool> FieldReader::opt_boolean(const char* key) {
  const json* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    type_error(key, "true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<domain::Id> FieldReader::opt_id(const char* key) {
  const json* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer() || v->get<std::int64_t>() <= 0) {
    type_error(key, "a positive whole number");
    return std::nullopt;
  }
  return v->get<std::int64_t>();
}

std::optional<int> FieldReader::opt_int(const char* key) {
  const json* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    type_error(key, "a whole number");
    return std::nullopt;
  }
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT_MAX)) return INT_MAX;
  const auto n = v->get<std::int64_t>();
  return static_cast<int>(std::clamp<std::int64_t>(n, INT_MIN, INT_MAX));
}

std::vector<std::string> FieldReader::text_list(const char* key) {
  std::vector<std::string> out;
  const json* v = get(key);
  if (!v) return out;
  if (!v->is_array()) {
    type_error(key, "a list of texts");
    return out;
  }
  for (const auto& item : *v) {
    if (!item.is_string()) {
      type_error(key, "a list of texts");
      return {};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::vector<domain::Id> FieldReader::id_list(const char* key) {
  std::vector<domain::Id> out;
  const json* v = get(key);
  if (!v) return out;
  if (!v->is_array()) {
    type_error(key, "a list of ids");
    return out;
  }
  for (const auto& item : *v) {
    if (!item.is_number_integer()) {
      type_error(key, "a list of ids");
      return {};
    }
    out.push_back(item.get<std::int64_t>());
  }
  return out;
}

FieldReader FieldReader::object(const char* key) {
  static const json empty = json::object();
  const json* v = get(key);
  if (v && !v->is_object()) type_error(key, "an object");
  return FieldReader(v && v->is_object() ? *v : empty, errors_, prefix_ + key + ".");
}

domain::SignalFields read_signal(FieldReader& r) {
  domain::SignalFields s;
  s.intake_date = r.text("intake_date");
  FieldReader rep = r.object("reporter");
  s.reporter.name = rep.text("name");
  s.reporter.kind = rep.text("kind");
  s.reporter.relation = rep.text("relation");
  s.reporter.organisation = rep.text("organisation");
  s.reporter.function = rep.text("function");
  s.reporter.phone = rep.text("phone");
  s.reporter.address = rep.text("address");
  FieldReader per = r.object("person");
  s.person.name = per.text("name");
  s.person.address = per.text("address");
  s.person.phone = per.text("phone");
  s.person.date_of_birth = per.opt_text("date_of_birth");
  s.person.sex = per.opt_text("sex").value_or("unknown");
  s.relation_to_person = r.text("relation_to_person");
  s.known_since = r.text("known_since");
  s.contact_initiative = r.text("contact_initiative");
  s.contact_nature = r.text("contact_nature");
  s.direct_reason = r.text("direct_reason");
  s.direct_reason_other = r.text("direct_reason_other");
  s.tried_and_result = r.text("tried_and_result");
  s.what_would_help = r.text("what_would_help");
  s.others_in_contact = r.text("others_in_contact");
  s.whereabouts = r.text("whereabouts");
  s.reporter_can_introduce = r.opt_text("reporter_can_introduce").value_or("unknown");
  s.introduction_note = r.text("introduction_note");
  s.worker_gender_preference = r.opt_text("worker_gender_preference").value_or("none");
  s.may_contact_reporter = r.boolean("may_contact_reporter", false);
  s.problem_areas = r.text_list("problem_areas");
  s.problem_areas_other = r.text("problem_areas_other");
  s.follow_up_agreed = r.text("follow_up_agreed");
  s.feedback_date = r.opt_text("feedback_date");
  s.person_aware = r.text("person_aware");
  return s;
}

domain::DecisionInput read_decision(FieldReader& r) {
  return domain::DecisionInput{r.text("decision"), r.text("reason"), r.id_list("assigned_worker_ids")};
}

domain::ContactFields read_contact(FieldReader& r) {
  domain::ContactFields c;
  c.occurred_at = r.text("occurred_at");
  c.channel = r.text("channel");
  c.with_whom = r.text("with_whom");
  c.outcome = r.text("outcome");
  c.note = r.text("note");
  c.next_attempt_date = r.opt_text("next_attempt_date");
  return c;
}

domain::Triage read_triage(FieldReader& r) {
  return domain::Triage{r.text_list("indications"), r.text_list("contra_indications"), r.text("contra_indication_note")};
}

domain::FeedbackInput read_feedback(FieldReader& r) { return domain::FeedbackInput{r.text("given_on"), r.text("told")}; }

domain::PreparationFields read_preparation(FieldReader& r) {
  return domain::PreparationFields{r.text("strategy"), r.opt_text("companion").value_or("none"),
                                   r.text("companion_name")};
}

domain::PriorInfoInput read_prior_info(FieldReader& r) {
  return domain::PriorInfoInput{r.text("source"), r.text("content")};
}

domain::ClosureInput read_closure(FieldReader& r) { return domain::ClosureInput{r.text("reason"), r.text("note")}; }

domain::TransitionInput read_transition(FieldReader& r) {
  return domain::TransitionInput{r.text("event"), r.text("reason")};
}

domain::HandoverInput read_handover(FieldReader& r) {
  domain::HandoverInput h;
  h.from_user_id = r.opt_id("from_user_id");
  h.to_user_id = r.opt_id("to_user_id");
  h.note = r.text("note");
  return h;
}

domain::CheckInInput read_check_in(FieldReader& r) {
  domain::CheckInInput c;
  c.planned_on = r.text("planned_on");
  c.worker_id = r.opt_id("worker_id");
  return c;
}

domain::CheckInOutcomeInput read_check_in_outcome(FieldReader& r) {
  domain::CheckInOutcomeInput o;
  o.done_on = r.text("done_on");
  o.outcome = r.text("outcome");
  o.note = r.text("note");
  return o;
}

domain::ReviewInput read_review(FieldReader& r) {
  domain::ReviewInput v;
  v.held_on = r.text("held_on");
  v.attendees = r.text("attendees");
  v.notes = r.text("notes");
  v.decision = r.text("decision");
  return v;
}

domain::HouseholdMemberInput read_household_member(FieldReader& r) {
  domain::HouseholdMemberInput v;
  v.person_id = r.opt_id("person_id");
  v.name = r.opt_text("name");
  v.date_of_birth = r.opt_text("date_of_birth");
  v.role = r.text("role");
  return v;
}

json to_json(const domain::UserRef& u) { return {{"id", u.id}, {"display_name", u.display_name}}; }
json to_json(const domain::TeamRef& t) { return {{"id", t.id}, {"name", t.name}}; }

json to_json(const domain::Team& t) {
  return {{"id", t.id}, {"name", t.name}, {"feedback_working_days", t.feedback_working_days}};
}

json to_json(const domain::Preparation& p) {
  json prior = json::array();
  for (const auto& i : p.prior_info) {
    prior.push_back({{"id", i.id},
                     {"source", i.source},
                     {"content", i.content},
                     {"created_by", to_json(i.created_by)},
                     {"created_at", domain::format_timestamp(i.created_at)}});
  }
  return {{"strategy", p.strategy},
          {"companion", p.companion},
          {"companion_name", p.companion_name},
          {"updated_by", p.updated_by ? to_json(*p.updated_by) : json(nullptr)},
          {"updated_at", p.updated_at ? json(domain::format_timestamp(*p.updated_at)) : json(nullptr)},
          {"prior_info", std::move(prior)}};
}

json to_json(const domain::User& u) {
  return {{"id", u.id},     {"username", u.username},         {"display_name", u.display_name},
          {"role", u.role}, {"active", u.active}, {"teams", to_json_list(u.teams)}};
}

json to_json(const domain::Actor& a) {
  return {{"id", a.user_id},
          {"username", a.username},
          {"display_name", a.display_name},
          {"role", a.role},
          {"teams", to_json_list(a.teams)}};
}

json to_json(const domain::Person& p) {
  return {{"id", p.id},       {"name", p.name},
          {"address", p.address}, {"phone", p.phone},
          {"date_of_birth", opt_json(p.date_of_birth)}, {"sex", p.sex}};
}

json to_json(const domain::Decision& d) {
  return {{"id", d.id},
          {"decision", d.decision},
          {"reason", d.reason},
          {"decided_by", to_json(d.decided_by)},
          {"decided_at", domain::format_timestamp(d.decided_at)},
          {"case_id", opt_json(d.case_id)},
          {"indications", d.triage.indications},
          {"contra_indications", d.triage.contra_indications},
          {"contra_indication_note", d.triage.contra_indication_note}};
}

json to_json(const domain::Signal& s) {
  const auto& r = s.reporter;
  return {{"id", s.id},
          {"team_id", s.team_id},
          {"status", s.status},
          {"case_id", opt_json(s.case_id)},
          {"intake_date", s.intake_date},
          {"taken_by", to_json(s.taken_by)},
          {"created_at", domain::format_timestamp(s.created_at)},
          {"reporter",
           {{"name", r.name},
            {"kind", r.kind},
            {"relation", r.relation},
            {"organisation", r.organisation},
            {"function", r.function},
            {"phone", r.phone},
            {"address", r.address}}},
          {"person", to_json(s.person)},
          {"relation_to_person", s.relation_to_person},
          {"known_since", s.known_since},
          {"contact_initiative", s.contact_initiative},
          {"contact_nature", s.contact_nature},
          {"direct_reason", s.direct_reason},
          {"direct_reason_other", s.direct_reason_other},
          {"tried_and_result", s.tried_and_result},
          {"what_would_help", s.what_would_help},
          {"others_in_contact", s.others_in_contact},
          {"whereabouts", s.whereabouts},
          {"reporter_can_introduce", s.reporter_can_introduce},
          {"introduction_note", s.introduction_note},
          {"worker_gender_preference", s.worker_gender_preference},
          {"may_contact_reporter", s.may_contact_reporter},
          {"problem_areas", s.problem_areas},
          {"problem_areas_other", s.problem_areas_other},
          {"follow_up_agreed", s.follow_up_agreed},
          {"feedback_date", opt_json(s.feedback_date)},
          {"person_aware", s.person_aware},
          {"decisions", to_json_list(s.decisions)},
          {"feedback",
           {{"due_on", opt_json(s.feedback.due_on)},
            {"given_on", opt_json(s.feedback.given_on)},
            {"told", s.feedback.told}}}};
}

json to_json(const domain::SignalSummary& s) {
  return {{"id", s.id},
          {"team_id", s.team_id},
          {"intake_date", s.intake_date},
          {"person_name", s.person_name},
          {"direct_reason", s.direct_reason},
          {"problem_areas", s.problem_areas},
          {"status", s.status},
          {"latest_decision", opt_json(s.latest_decision)},
          {"case_id", opt_json(s.case_id)}};
}

json to_json(const domain::Contact& c) {
  return {{"id", c.id},
          {"case_id", c.case_id},
          {"occurred_at", c.occurred_at},
          {"channel", c.channel},
          {"with_whom", c.with_whom},
          {"outcome", c.outcome},
          {"note", c.note},
          {"next_attempt_date", opt_json(c.next_attempt_date)},
          {"created_by", to_json(c.created_by)},
          {"created_at", domain::format_timestamp(c.created_at)}};
}

json to_json(const domain::CheckIn& c) {
  return {{"id", c.id},
          {"case_id", c.case_id},
          {"planned_on", c.planned_on},
          {"worker", to_json(c.worker)},
          {"done_on", opt_json(c.done_on)},
          {"outcome", opt_json(c.outcome)},
          {"note", c.note},
          {"suggest_reopen", c.suggest_reopen},
          {"created_by", to_json(c.created_by)},
          {"created_at", domain::format_timestamp(c.created_at)}};
}

json to_json(const store::OverdueCheckIn& o) {
  json out = to_json(o.check_in);
  out["team_id"] = o.team_id;
  out["person_name"] = o.person_name;
  return out;
}

json to_json(const domain::Review& r) {
  return {{"id", r.id},
          {"case_id", r.case_id},
          {"held_on", r.held_on},
          {"attendees", r.attendees},
          {"notes", r.notes},
          {"decision", r.decision},
          {"created_by", to_json(r.created_by)},
          {"created_at", domain::format_timestamp(r.created_at)}};
}

json to_json(const domain::CaseSummary& c) {
  return {{"id", c.id},
          {"team_id", c.team_id},
          {"person_name", c.person_name},
          {"status", c.status},
          {"phase", c.phase},
          {"opened_at", domain::format_timestamp(c.opened_at)},
          {"assigned_workers", to_json_list(c.assigned_workers)},
          {"last_contact_at", opt_json(c.last_contact_at)},
          {"days_since_last_contact", opt_json(c.days_since_last_contact)},
          {"next_attempt_date", opt_json(c.next_attempt_date)},
          {"contact_count", c.contact_count}};
}

json to_json(const domain::Case& c) {
  json out = to_json(static_cast<const domain::CaseSummary&>(c));
  out["person"] = to_json(c.person);
  out["signals"] = to_json_list(c.signals);
  out["decision"] = c.decision ? to_json(*c.decision) : json(nullptr);
  out["contacts"] = to_json_list(c.contacts);
  out["check_ins"] = to_json_list(c.check_ins);
  out["reviews"] = to_json_list(c.reviews);
  out["days_to_first_contact"] = opt_json(c.days_to_first_contact);
  out["cadence_days"] = c.cadence_days;
  if (c.closure) {
    out["closure"] = {{"reason", c.closure->reason},
                      {"note", c.closure->note},
                      {"closed_at", domain::format_timestamp(c.closure->closed_at)},
                      {"closed_by", to_json(c.closure->closed_by)}};
  } else {
    out["closure"] = nullptr;
  }
  json events = json::array();
  for (const auto& e : c.events) {
    events.push_back({{"id", e.id},
                      {"kind", e.kind},
                      {"reason", e.reason},
                      {"note", e.note},
                      {"actor", to_json(e.actor)},
                      {"at", domain::format_timestamp(e.at)}});
  }
  out["events"] = std::move(events);
  out["preparation"] = to_json(c.preparation);
  out["allowed_events"] = c.allowed_events;
  out["assignment_history"] = to_json_list(c.assignment_history);
  out["concerns"] = c.concerns;
  out["household"] = c.household ? to_json(*c.household) : json(nullptr);
  out["break_glass"] = c.break_glass ? json{{"id", c.break_glass->id},
                                            {"reason", c.break_glass->reason},
                                            {"expires_at", domain::format_timestamp(c.break_glass->expires_at)}}
                                     : json(nullptr);
  return out;
}

json to_json(const domain::Household& h) {
  json members = json::array();
  for (const auto& m : h.members) {
    json cases = json::array();
    for (const auto& k : m.other_cases) cases.push_back({{"id", k.id}, {"status", k.status}, {"phase", k.phase}});
    json signals = json::array();
    for (const auto& s : m.other_signals) {
      signals.push_back({{"id", s.id}, {"intake_date", s.intake_date}, {"status", s.status}});
    }
    members.push_back({{"person_id", m.person_id},
                       {"name", m.name},
                       {"role", m.role},
                       {"date_of_birth", opt_json(m.date_of_birth)},
                       {"other_cases", std::move(cases)},
                       {"other_signals", std::move(signals)}});
  }
  return {{"id", h.id}, {"team_id", h.team_id}, {"address", h.address}, {"members", std::move(members)}};
}

json to_json(const domain::Assignment& a) {
  return {{"user", to_json(a.user)},
          {"assigned_at", domain::format_timestamp(a.assigned_at)},
          {"unassigned_at", a.unassigned_at ? json(domain::format_timestamp(*a.unassigned_at)) : json(nullptr)},
          {"handed_over_from", a.handed_over_from ? to_json(*a.handed_over_from) : json(nullptr)},
          {"note", a.note}};
}

json to_json(const domain::TimelineItem& t) {
  json details = json::object();
  for (const auto& [name, value] : t.details) details[name] = opt_json(value);
  return {{"kind", t.kind},
          {"id", t.ref_id},
          {"at", domain::format_timestamp(t.at)},
          {"actor", to_json(t.actor)},
          {"details", std::move(details)}};
}

Response json_response(int status, const json& body) {
  Response res;
  res.status = status;
  res.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return res;
}

}  // namespace voordeur::http
