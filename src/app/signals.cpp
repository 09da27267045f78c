#include "app/signals.h"

#include "app/tx.h"
#include "domain/dates.h"
#include "domain/rules.h"
#include "domain/validation.h"
#include "domain/vocabulary.h"

namespace voordeur::app {
namespace {

domain::Error not_found() {
  return domain::make_error("not_found", "This signal does not exist or belongs to another team.");
}

domain::Error no_team_records() {
  return domain::make_error("forbidden", "Your role does not read the signals of a team.");
}

std::vector<domain::Id> team_ids(const domain::Actor& a) {
  std::vector<domain::Id> ids;
  for (const auto& t : a.teams) ids.push_back(t.id);
  return ids;
}

}  // namespace

domain::Result<store::SignalPage> SignalService::list(const domain::Actor& a, const std::string& status, int limit,
                                                      int offset, const std::string& feedback) {
  if (!domain::can_list_team_records(a)) return no_team_records();
  store::SignalFilter f;
  f.team_ids = team_ids(a);
  f.limit = limit;
  f.offset = offset;
  if (feedback == "overdue") {
    f.feedback_overdue_on = clock_.local_today();
  } else if (feedback != "all") {
    return domain::validation_error({{"feedback", "unknown_value", "Choose overdue or all."}});
  }
  if (status != "all") {
    if (!domain::vocab::contains(domain::vocab::signal_statuses, status)) {
      return domain::validation_error(
          {{"status", "unknown_value", "Choose awaiting_decision, decided or all."}});
    }
    f.status = status;
  }
  auto page = in_read(db_, [&](store::Connection& c) -> domain::Result<store::SignalPage> {
    return store::list_signals(c, f);
  });
  if (page) {
    std::vector<domain::Id> ids;
    for (const auto& s : page->items) ids.push_back(s.id);
    access_log_.enqueue(a, access::search,
                        Access{"signal", std::nullopt, std::nullopt, std::nullopt,
                               "status=" + status + "&feedback=" + feedback + " " + ids_detail(ids)});
  }
  return page;
}

domain::Result<domain::Signal> SignalService::create(const domain::Actor& a, std::optional<domain::Id> team_id,
                                                     const domain::SignalFields& fields) {
  if (!team_id) {
    if (a.teams.size() != 1) {
      if (a.teams.empty()) {
        return domain::make_error("forbidden", "You are not a member of a team, so you cannot register signals.");
      }
      return domain::validation_error({{"team_id", "required", "Choose the team this signal is for."}});
    }
    team_id = a.teams.front().id;
  }
  if (!a.in_team(*team_id)) {
    return domain::validation_error({{"team_id", "not_team_member", "Choose one of your own teams."}});
  }
  if (!domain::can_submit_signal(a, *team_id)) {
    return domain::make_error("forbidden", "Only outreachers, team leads and partners can register signals.");
  }
  if (auto errors = domain::validate_signal(fields); !errors.empty()) {
    return domain::validation_error(std::move(errors));
  }
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Signal> {
    domain::Id person = store::insert_person(c, *team_id, fields.person, now);
    domain::Id id = store::insert_signal(c, *team_id, person, fields, a.user_id, now);
    access_log_.record(c, a, access::create, Access{"signal", id, person, *team_id});
    return *store::find_signal(c, id);
  });
}

domain::Result<domain::Signal> SignalService::get(const domain::Actor& a, domain::Id id) {
  return in_read(db_, [&](store::Connection& c) -> domain::Result<domain::Signal> {
    auto s = store::find_signal(c, id);
    if (!s || !domain::can_see_team(a, s->team_id)) return not_found();
    access_log_.enqueue(a, access::read, Access{"signal", id, s->person.id, s->team_id});
    return std::move(*s);
  });
}

domain::Result<DecisionOutcome> SignalService::decide(const domain::Actor& a, domain::Id id,
                                                      const domain::DecisionInput& in, const domain::Triage& triage) {
  const auto now = clock_.now();
  const auto today = clock_.local_today();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<DecisionOutcome> {
    auto s = store::find_signal(c, id);
    if (!s || !domain::can_see_team(a, s->team_id)) return not_found();
    if (!domain::can_decide(a, s->team_id)) {
      return domain::make_error("forbidden", "Only a team lead of this team can decide on a signal.");
    }
    auto errors = domain::validate_decision(in);
    auto triage_errors = domain::validate_triage(in.decision, triage);
    errors.insert(errors.end(), triage_errors.begin(), triage_errors.end());
    if (!errors.empty()) return domain::validation_error(std::move(errors));
    if (auto conflict = domain::check_can_decide(*s)) return *conflict;
    std::optional<domain::Id> case_id;
    if (in.decision == "outreach") {
      std::vector<domain::User> candidates;
      for (domain::Id worker : in.assigned_worker_ids) {
        if (auto u = store::find_user(c, worker)) candidates.push_back(std::move(*u));
      }
      if (auto errors = domain::check_assignees(in, candidates, s->team_id); !errors.empty()) {
        return domain::validation_error(std::move(errors));
      }
      case_id = store::insert_case(c, s->team_id, s->person.id, in.assigned_worker_ids, a.user_id, in.reason, now);
    }
    store::insert_decision(c, id, in, a.user_id, now, case_id, triage);
    const auto team = store::find_team_settings(c, s->team_id);
    store::set_feedback_due(c, id, *domain::add_working_days(today, team->feedback_working_days));
    access_log_.record(c, a, access::change, Access{"signal", id, s->person.id, s->team_id, "decision=" + in.decision});
    if (case_id) access_log_.record(c, a, access::create, Access{"case", case_id, s->person.id, s->team_id});
    return DecisionOutcome{*store::find_signal(c, id), case_id};
  });
}

domain::Result<domain::Signal> SignalService::record_feedback(const domain::Actor& a, domain::Id id,
                                                              const domain::FeedbackInput& in) {
  const auto today = clock_.local_today();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Signal> {
    auto s = store::find_signal(c, id);
    if (!s || !domain::can_see_team(a, s->team_id)) return not_found();
    if (!domain::can_work_in_team(a, s->team_id)) {
      return domain::make_error("forbidden", "Only outreachers and team leads of this team can record feedback.");
    }
    if (auto errors = domain::validate_feedback(in, s->intake_date, today); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    store::record_feedback(c, id, in);
    access_log_.record(c, a, access::change, Access{"signal", id, s->person.id, s->team_id, "feedback"});
    return *store::find_signal(c, id);
  });
}

}  // namespace voordeur::app
