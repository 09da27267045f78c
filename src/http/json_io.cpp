#include "http/json_io.h"

#include <algorithm>
#include <climits>

#include "domain/dates.h"

namespace voordeur::http {
namespace {

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

namespace {

// A Unix time written as an ISO 8601 UTC timestamp.
struct Timestamp {
  std::int64_t at;
};
void write(JsonWriter& w, Timestamp t) { w.value(domain::format_timestamp(t.at)); }
std::optional<Timestamp> timestamp(const std::optional<std::int64_t>& at) {
  return at ? std::optional<Timestamp>(Timestamp{*at}) : std::nullopt;
}

void write_check_in_fields(JsonWriter& w, const domain::CheckIn& c) {
  w.field("id", c.id);
  w.field("case_id", c.case_id);
  w.field("planned_on", c.planned_on);
  w.field("worker", c.worker);
  w.field("done_on", c.done_on);
  w.field("outcome", c.outcome);
  w.field("note", c.note);
  w.field("suggest_reopen", c.suggest_reopen);
  w.field("created_by", c.created_by);
  w.field("created_at", Timestamp{c.created_at});
}

}  // namespace

void write_summary_fields(JsonWriter& w, const domain::CaseSummary& c) {
  w.field("id", c.id);
  w.field("team_id", c.team_id);
  w.field("person_name", c.person_name);
  w.field("status", c.status);
  w.field("phase", c.phase);
  w.field("opened_at", Timestamp{c.opened_at});
  w.field("assigned_workers", c.assigned_workers);
  w.field("last_contact_at", c.last_contact_at);
  w.field("days_since_last_contact", c.days_since_last_contact);
  w.field("next_attempt_date", c.next_attempt_date);
  w.field("contact_count", c.contact_count);
}

void write(JsonWriter& w, const domain::UserRef& u) {
  w.begin_object();
  w.field("id", u.id);
  w.field("display_name", u.display_name);
  w.end_object();
}

void write(JsonWriter& w, const domain::TeamRef& t) {
  w.begin_object();
  w.field("id", t.id);
  w.field("name", t.name);
  w.end_object();
}

void write(JsonWriter& w, const domain::Team& t) {
  w.begin_object();
  w.field("id", t.id);
  w.field("name", t.name);
  w.field("feedback_working_days", t.feedback_working_days);
  w.end_object();
}

void write(JsonWriter& w, const domain::PriorInfo& i) {
  w.begin_object();
  w.field("id", i.id);
  w.field("source", i.source);
  w.field("content", i.content);
  w.field("created_by", i.created_by);
  w.field("created_at", Timestamp{i.created_at});
  w.end_object();
}

void write(JsonWriter& w, const domain::Preparation& p) {
  w.begin_object();
  w.field("strategy", p.strategy);
  w.field("companion", p.companion);
  w.field("companion_name", p.companion_name);
  w.field("updated_by", p.updated_by);
  w.field("updated_at", timestamp(p.updated_at));
  w.field("prior_info", p.prior_info);
  w.end_object();
}

void write(JsonWriter& w, const domain::User& u) {
  w.begin_object();
  w.field("id", u.id);
  w.field("username", u.username);
  w.field("display_name", u.display_name);
  w.field("role", u.role);
  w.field("active", u.active);
  w.field("teams", u.teams);
  w.end_object();
}

void write(JsonWriter& w, const domain::Actor& a) {
  w.begin_object();
  w.field("id", a.user_id);
  w.field("username", a.username);
  w.field("display_name", a.display_name);
  w.field("role", a.role);
  w.field("teams", a.teams);
  w.end_object();
}

void write_person_fields(JsonWriter& w, const domain::Person& p) {
  w.field("id", p.id);
  w.field("name", p.name);
  w.field("address", p.address);
  w.field("phone", p.phone);
  w.field("date_of_birth", p.date_of_birth);
  w.field("sex", p.sex);
}

void write(JsonWriter& w, const domain::Person& p) {
  w.begin_object();
  write_person_fields(w, p);
  w.end_object();
}

void write(JsonWriter& w, const domain::Decision& d) {
  w.begin_object();
  w.field("id", d.id);
  w.field("decision", d.decision);
  w.field("reason", d.reason);
  w.field("decided_by", d.decided_by);
  w.field("decided_at", Timestamp{d.decided_at});
  w.field("case_id", d.case_id);
  w.field("indications", d.triage.indications);
  w.field("contra_indications", d.triage.contra_indications);
  w.field("contra_indication_note", d.triage.contra_indication_note);
  w.end_object();
}

void write(JsonWriter& w, const domain::Reporter& r) {
  w.begin_object();
  w.field("name", r.name);
  w.field("kind", r.kind);
  w.field("relation", r.relation);
  w.field("organisation", r.organisation);
  w.field("function", r.function);
  w.field("phone", r.phone);
  w.field("address", r.address);
  w.end_object();
}

void write(JsonWriter& w, const domain::Feedback& f) {
  w.begin_object();
  w.field("due_on", f.due_on);
  w.field("given_on", f.given_on);
  w.field("told", f.told);
  w.end_object();
}

void write(JsonWriter& w, const domain::Signal& s) {
  w.begin_object();
  w.field("id", s.id);
  w.field("team_id", s.team_id);
  w.field("status", s.status);
  w.field("case_id", s.case_id);
  w.field("intake_date", s.intake_date);
  w.field("taken_by", s.taken_by);
  w.field("created_at", Timestamp{s.created_at});
  w.field("reporter", s.reporter);
  w.field("person", s.person);
  w.field("relation_to_person", s.relation_to_person);
  w.field("known_since", s.known_since);
  w.field("contact_initiative", s.contact_initiative);
  w.field("contact_nature", s.contact_nature);
  w.field("direct_reason", s.direct_reason);
  w.field("direct_reason_other", s.direct_reason_other);
  w.field("tried_and_result", s.tried_and_result);
  w.field("what_would_help", s.what_would_help);
  w.field("others_in_contact", s.others_in_contact);
  w.field("whereabouts", s.whereabouts);
  w.field("reporter_can_introduce", s.reporter_can_introduce);
  w.field("introduction_note", s.introduction_note);
  w.field("worker_gender_preference", s.worker_gender_preference);
  w.field("may_contact_reporter", s.may_contact_reporter);
  w.field("problem_areas", s.problem_areas);
  w.field("problem_areas_other", s.problem_areas_other);
  w.field("follow_up_agreed", s.follow_up_agreed);
  w.field("feedback_date", s.feedback_date);
  w.field("person_aware", s.person_aware);
  w.field("decisions", s.decisions);
  w.field("feedback", s.feedback);
  w.end_object();
}

void write(JsonWriter& w, const domain::SignalSummary& s) {
  w.begin_object();
  w.field("id", s.id);
  w.field("team_id", s.team_id);
  w.field("intake_date", s.intake_date);
  w.field("person_name", s.person_name);
  w.field("direct_reason", s.direct_reason);
  w.field("problem_areas", s.problem_areas);
  w.field("status", s.status);
  w.field("latest_decision", s.latest_decision);
  w.field("case_id", s.case_id);
  w.end_object();
}

void write(JsonWriter& w, const domain::Contact& c) {
  w.begin_object();
  w.field("id", c.id);
  w.field("case_id", c.case_id);
  w.field("occurred_at", c.occurred_at);
  w.field("channel", c.channel);
  w.field("with_whom", c.with_whom);
  w.field("outcome", c.outcome);
  w.field("note", c.note);
  w.field("next_attempt_date", c.next_attempt_date);
  w.field("created_by", c.created_by);
  w.field("created_at", Timestamp{c.created_at});
  w.end_object();
}

void write(JsonWriter& w, const domain::CheckIn& c) {
  w.begin_object();
  write_check_in_fields(w, c);
  w.end_object();
}

void write(JsonWriter& w, const store::OverdueCheckIn& o) {
  w.begin_object();
  write_check_in_fields(w, o.check_in);
  w.field("team_id", o.team_id);
  w.field("person_name", o.person_name);
  w.end_object();
}

void write(JsonWriter& w, const domain::Review& r) {
  w.begin_object();
  w.field("id", r.id);
  w.field("case_id", r.case_id);
  w.field("held_on", r.held_on);
  w.field("attendees", r.attendees);
  w.field("notes", r.notes);
  w.field("decision", r.decision);
  w.field("created_by", r.created_by);
  w.field("created_at", Timestamp{r.created_at});
  w.end_object();
}

void write(JsonWriter& w, const domain::CaseSummary& c) {
  w.begin_object();
  write_summary_fields(w, c);
  w.end_object();
}

void write(JsonWriter& w, const domain::Closure& c) {
  w.begin_object();
  w.field("reason", c.reason);
  w.field("note", c.note);
  w.field("closed_at", Timestamp{c.closed_at});
  w.field("closed_by", c.closed_by);
  w.end_object();
}

void write(JsonWriter& w, const domain::CaseEvent& e) {
  w.begin_object();
  w.field("id", e.id);
  w.field("kind", e.kind);
  w.field("reason", e.reason);
  w.field("note", e.note);
  w.field("actor", e.actor);
  w.field("at", Timestamp{e.at});
  w.end_object();
}

void write(JsonWriter& w, const domain::Case& c) {
  w.begin_object();
  write_summary_fields(w, c);
  w.field("person", c.person);
  w.field("signals", c.signals);
  w.field("decision", c.decision);
  w.field("contacts", c.contacts);
  w.field("check_ins", c.check_ins);
  w.field("reviews", c.reviews);
  w.field("days_to_first_contact", c.days_to_first_contact);
  w.field("cadence_days", c.cadence_days);
  w.field("closure", c.closure);
  w.field("events", c.events);
  w.field("preparation", c.preparation);
  w.field("allowed_events", c.allowed_events);
  w.field("assignment_history", c.assignment_history);
  w.field("concerns", c.concerns);
  w.field("household", c.household);
  w.field("break_glass", c.break_glass);
  w.end_object();
}

void write(JsonWriter& w, const domain::BreakGlassAccess& g) {
  w.begin_object();
  w.field("id", g.id);
  w.field("reason", g.reason);
  w.field("expires_at", Timestamp{g.expires_at});
  w.end_object();
}

void write(JsonWriter& w, const domain::PartnerSignal& s) {
  w.begin_object();
  w.field("id", s.id);
  w.field("team_id", s.team_id);
  w.field("intake_date", s.intake_date);
  w.field("person_initials", s.person_initials);
  w.field("status", s.status);
  w.field("feedback_given_on", s.feedback_given_on);
  w.end_object();
}

void write(JsonWriter& w, const domain::HouseholdCaseRef& k) {
  w.begin_object();
  w.field("id", k.id);
  w.field("status", k.status);
  w.field("phase", k.phase);
  w.end_object();
}

void write(JsonWriter& w, const domain::HouseholdSignalRef& s) {
  w.begin_object();
  w.field("id", s.id);
  w.field("intake_date", s.intake_date);
  w.field("status", s.status);
  w.end_object();
}

void write(JsonWriter& w, const domain::HouseholdMember& m) {
  w.begin_object();
  w.field("person_id", m.person_id);
  w.field("name", m.name);
  w.field("role", m.role);
  w.field("date_of_birth", m.date_of_birth);
  w.field("other_cases", m.other_cases);
  w.field("other_signals", m.other_signals);
  w.end_object();
}

void write(JsonWriter& w, const domain::Household& h) {
  w.begin_object();
  w.field("id", h.id);
  w.field("team_id", h.team_id);
  w.field("address", h.address);
  w.field("members", h.members);
  w.end_object();
}

void write(JsonWriter& w, const domain::Assignment& a) {
  w.begin_object();
  w.field("user", a.user);
  w.field("assigned_at", Timestamp{a.assigned_at});
  w.field("unassigned_at", timestamp(a.unassigned_at));
  w.field("handed_over_from", a.handed_over_from);
  w.field("note", a.note);
  w.end_object();
}

void write(JsonWriter& w, const domain::TimelineItem& t) {
  w.begin_object();
  w.field("kind", t.kind);
  w.field("id", t.ref_id);
  w.field("at", Timestamp{t.at});
  w.field("actor", t.actor);
  w.key("details");
  w.begin_object();
  for (const auto& [name, value] : t.details) w.field(name, value);
  w.end_object();
  w.end_object();
}

void write(JsonWriter& w, const domain::Consent& k) {
  w.begin_object();
  w.field("id", k.id);
  w.field("person_id", k.person_id);
  w.field("recipient_category", k.recipient_category);
  w.field("organisation", k.organisation);
  w.field("scope", k.scope);
  w.field("topics", k.topics);
  w.field("channels", k.channels);
  w.field("given_on", k.given_on);
  w.field("ends_on", k.ends_on);
  w.field("withdrawn_on", k.withdrawn_on);
  w.field("withdrawn_by", k.withdrawn_by);
  w.key("scan");
  if (k.scan_media_type) {
    w.begin_object();
    w.field("media_type", *k.scan_media_type);
    w.end_object();
  } else {
    w.null();
  }
  w.field("recorded_by", k.recorded_by);
  w.field("recorded_at", Timestamp{k.recorded_at});
  w.end_object();
}

void write(JsonWriter& w, const domain::Exchange& x) {
  w.begin_object();
  w.field("id", x.id);
  w.field("person_id", x.person_id);
  w.field("occurred_on", x.occurred_on);
  w.field("direction", x.direction);
  w.field("channel", x.channel);
  w.field("organisation_category", x.organisation_category);
  w.field("organisation", x.organisation);
  w.field("contact_person", x.contact_person);
  w.field("topics", x.topics);
  w.field("basis", x.basis);
  w.field("consent_id", x.consent_id);
  w.field("justification", x.justification);
  w.field("peer_consulted", x.peer_consulted);
  w.field("recorded_by", x.recorded_by);
  w.field("recorded_at", Timestamp{x.recorded_at});
  w.end_object();
}

void write(JsonWriter& w, const domain::ConsentStance& s) {
  w.begin_object();
  w.field("stance", s.stance);
  w.field("noted_on", s.noted_on);
  w.field("note", s.note);
  w.field("recorded_by", s.recorded_by);
  w.field("recorded_at", Timestamp{s.recorded_at});
  w.end_object();
}

void write(JsonWriter& w, const app::ConsentOverview& o) {
  w.begin_object();
  w.field("state", o.state);
  w.field("stance", o.stance);
  w.field("items", o.consents);
  w.end_object();
}

void write(JsonWriter& w, const store::RetentionCount& r) {
  w.begin_object();
  w.field("record_type", r.record_type);
  w.field("team_id", r.team_id);
  w.field("period", r.period);
  w.field("reason", r.reason);
  w.field("phase_reached", r.phase_reached);
  w.field("contact_bucket", r.contact_bucket);
  w.field("count", r.count);
  w.end_object();
}

void write(JsonWriter& w, const store::ErasureRecord& e) {
  w.begin_object();
  w.field("id", e.id);
  w.field("erased_at", Timestamp{e.erased_at});
  w.field("erased_by", e.erased_by);
  w.field("reason", e.reason);
  w.end_object();
}

void write(JsonWriter& w, const app::RetentionSettings& s) {
  w.begin_object();
  w.key("periods");
  w.begin_object();
  w.field("closed_case_days", s.periods.closed_case_days);
  w.field("signal_days", s.periods.signal_days);
  w.field("access_log_days", s.periods.access_log_days);
  w.end_object();
  w.field("purge_interval_seconds", s.purge_interval_seconds);
  w.field("purged_counts", s.purged_counts);
  w.field("erasures", s.erasures);
  w.end_object();
}

void write(JsonWriter& w, const app::PersonRef& p) {
  w.begin_object();
  w.field("id", p.id);
  w.field("name", p.name);
  w.field("date_of_birth", p.date_of_birth);
  w.field("team", p.team);
  w.field("has_open_case", p.has_open_case);
  w.end_object();
}

void write(JsonWriter& w, const store::BreakGlassGrant& g) {
  w.begin_object();
  w.field("id", g.id);
  w.field("case_id", g.case_id);
  w.field("team_id", g.team_id);
  w.field("user", g.user);
  w.field("reason", g.reason);
  w.field("created_at", Timestamp{g.created_at});
  w.field("expires_at", Timestamp{g.expires_at});
  w.end_object();
}

void write(JsonWriter& w, const domain::PublishedFigure& f) {
  w.begin_object();
  w.field("team_id", f.team_id);
  w.field("month", f.month);
  w.field("measure", f.measure);
  w.field("category", f.category);
  w.field("count", f.count);
  w.end_object();
}

void write(JsonWriter& w, const app::Figures& f) {
  w.begin_object();
  w.key("teams");
  w.begin_array();
  for (const domain::TeamRef& t : f.teams) w.value(t);
  w.end_array();
  w.field("counts", f.counts);
  w.field("suppressed_below", domain::kSmallCell);
  w.end_object();
}

void write(JsonWriter& w, const app::TotpStatus& t) {
  w.begin_object();
  w.field("enabled", t.enabled);
  w.field("required", t.required);
  w.end_object();
}

void write(JsonWriter& w, const app::TotpEnrolment& e) {
  w.begin_object();
  w.field("secret", e.secret);
  w.field("otpauth_uri", e.otpauth_uri);
  w.end_object();
}

Response json_text_response(int status, std::string body) {
  Response res;
  res.status = status;
  res.body = std::move(body);
  return res;
}

}  // namespace voordeur::http
