#include "app/retention.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "app/tx.h"
#include "domain/validation.h"
#include "store/consent_repository.h"
#include "store/repository.h"

namespace voordeur::app {
namespace {

domain::Error retention_forbidden() {
  return domain::make_error("forbidden", "Only an admin or the privacy officer can see the retention settings.");
}

domain::Error subject_forbidden() {
  return domain::make_error("forbidden", "Only the privacy officer can export or erase a person's data.");
}

domain::Error person_not_found() { return domain::make_error("not_found", "This person does not exist."); }

// Deletes the households when nothing references them any more; returns the persons deleted.
std::int64_t delete_unreferenced(store::Connection& c, const std::set<domain::Id>& households) {
  std::int64_t persons = 0;
  for (const auto hh : households) persons += store::delete_household_if_unreferenced(c, hh);
  return persons;
}

}  // namespace

domain::Result<PurgeReport> RetentionService::purge(bool dry_run) {
  const auto now = clock_.now();
  const auto case_cutoff = domain::retention_cutoff(now, periods_.closed_case_days);
  const auto signal_cutoff = domain::retention_cutoff(now, periods_.signal_days);
  using Due = std::pair<std::vector<domain::Id>, std::vector<domain::Id>>;
  auto due = in_read(db_, [&](store::Connection& c) -> domain::Result<Due> {
    return Due{store::cases_past_retention(c, case_cutoff), store::signals_past_retention(c, signal_cutoff)};
  });
  if (!due) return due.error();
  PurgeReport report;
  report.dry_run = dry_run;
  if (dry_run) {
    report.cases = static_cast<std::int64_t>(due->first.size());
    report.signals = static_cast<std::int64_t>(due->second.size());
    return report;
  }
  for (const auto case_id : due->first) {
    auto done = in_transaction(db_, [&](store::Connection& c) -> domain::Result<std::int64_t> {
      const auto k = store::case_past_retention(c, case_id, case_cutoff);
      if (!k) return std::int64_t{-1};  // reopened or gone since the selection
      store::add_retention_count(c, store::RetentionCount{"case", k->team_id,
                                                          clock_.local_datetime(k->closed_at).substr(0, 7),
                                                          k->closure_reason, k->phase_reached,
                                                          domain::contact_bucket(k->contact_count), 0});
      const auto households = store::case_households(c, case_id);
      store::delete_case_records(c, case_id);
      return delete_unreferenced(c, {households.begin(), households.end()});
    });
    if (!done) return done.error();
    if (done.value() >= 0) {
      ++report.cases;
      report.persons += done.value();
    }
  }
  for (const auto signal_id : due->second) {
    auto done = in_transaction(db_, [&](store::Connection& c) -> domain::Result<std::int64_t> {
      const auto s = store::signal_past_retention(c, signal_id, signal_cutoff);
      if (!s) return std::int64_t{-1};
      store::add_retention_count(c, store::RetentionCount{"signal", s->team_id,
                                                          clock_.local_datetime(s->decided_at).substr(0, 7),
                                                          s->decision, "", "", 0});
      const auto household = store::person_household(c, *store::signal_person(c, signal_id));
      store::delete_signal_records(c, signal_id);
      if (!household) return std::int64_t{0};
      return delete_unreferenced(c, {*household});
    });
    if (!done) return done.error();
    if (done.value() >= 0) {
      ++report.signals;
      report.persons += done.value();
    }
  }
  if (access_log_) {
    // The chain keeps a checkpoint of the last deleted row, so `voordeur audit verify` still passes.
    auto purged = access_log_->purge(domain::retention_cutoff(now, periods_.access_log_days));
    if (!purged) return purged.error();
    report.access_log_rows = purged->rows_deleted;
  }
  if (scans_) {
    auto kept = in_read(db_, [](store::Connection& c) -> domain::Result<std::vector<std::string>> {
      return store::all_scan_files(c);
    });
    if (!kept) return kept.error();
    scans_->sweep(kept.value(), std::chrono::hours(1));
  }
  log::info("purge", {{"cases", report.cases},
                      {"signals", report.signals},
                      {"persons", report.persons},
                      {"access_log_rows", report.access_log_rows}});
  return report;
}

domain::Result<RetentionSettings> RetentionService::settings(const domain::Actor& a) {
  if (!domain::can_see_retention(a)) return retention_forbidden();
  return in_read(db_, [&](store::Connection& c) -> domain::Result<RetentionSettings> {
    return RetentionSettings{periods_, purge_interval_seconds_, store::list_retention_counts(c),
                             store::list_erasures(c)};
  });
}

domain::Result<PersonRef> RetentionService::find_person(const domain::Actor& a, std::optional<domain::Id> case_id,
                                                        std::optional<domain::Id> signal_id) {
  if (!domain::can_handle_subject_requests(a)) return subject_forbidden();
  if (case_id.has_value() == signal_id.has_value()) {
    return domain::validation_error(
        {domain::FieldError{"case_id", "required", "Give either a case id or a signal id (one of the two)."}});
  }
  return in_read(db_, [&](store::Connection& c) -> domain::Result<PersonRef> {
    const auto person_id = case_id ? store::case_person(c, *case_id) : store::signal_person(c, *signal_id);
    if (!person_id) {
      return domain::make_error("not_found", case_id ? "No case has this id." : "No signal has this id.");
    }
    const auto p = store::find_person(c, *person_id);
    const auto team_id = store::person_team(c, *person_id);
    if (access_log_) access_log_->enqueue(a, access::read, Access{"person", *person_id, *person_id, *team_id});
    return PersonRef{p->id, p->name, p->date_of_birth, store::find_team(c, *team_id).value_or(domain::TeamRef{}),
                     store::person_has_open_case(c, *person_id)};
  });
}

domain::Result<SubjectExport> RetentionService::export_person(const domain::Actor& a, domain::Id person_id) {
  if (!domain::can_handle_subject_requests(a)) return subject_forbidden();
  const auto now = clock_.now();
  // Reads are queued for the access log's writer thread: write them, so the export lists them all.
  if (access_log_) access_log_->flush();
  return in_read(db_, [&](store::Connection& c) -> domain::Result<SubjectExport> {
    auto person = store::find_person(c, person_id);
    if (!person) return person_not_found();
    SubjectExport out;
    out.generated_at = now;
    out.generated_by = domain::UserRef{a.user_id, a.display_name};
    out.person = std::move(*person);
    out.team = store::find_team(c, *store::person_team(c, person_id)).value_or(domain::TeamRef{});
    if (const auto hh_id = store::person_household(c, person_id)) {
      const auto hh = store::find_household(c, *hh_id);
      SubjectExport::HouseholdPart part{hh->id, hh->address, "", hh->members.size()};
      for (const auto& m : hh->members)
        if (m.person_id == person_id) part.role = m.role;
      out.household = std::move(part);
    }
    for (const auto id : store::person_signal_ids(c, person_id)) out.signals.push_back(*store::find_signal(c, id));
    for (const auto id : store::person_case_ids(c, person_id)) {
      auto k = *store::find_case(c, id);
      k.household.reset();  // names the other members: their data, not this person's
      out.cases.push_back(std::move(k));
    }
    out.consents = store::list_consents(c, person_id);
    out.exchanges = store::list_exchanges(c, person_id);
    out.access_log = store::person_access_log(c, person_id);
    if (access_log_) {
      access_log_->enqueue(a, access::export_,
                           Access{"person", person_id, person_id, out.team.id, std::string("subject-access export")});
    }
    return out;
  });
}

domain::Result<store::ErasureRecord> RetentionService::erase(const domain::Actor& a, domain::Id person_id,
                                                            const std::string& reason) {
  if (!domain::can_handle_subject_requests(a)) return subject_forbidden();
  if (auto errors = domain::validate_erasure_reason(reason); !errors.empty()) {
    return domain::validation_error(std::move(errors));
  }
  const auto now = clock_.now();
  std::vector<std::string> scan_files;
  auto erased = in_transaction(db_, [&](store::Connection& c) -> domain::Result<store::ErasureRecord> {
    if (!store::find_person(c, person_id)) return person_not_found();
    if (store::person_has_open_case(c, person_id)) {
      return domain::make_error("erasure_not_allowed",
                                "This person has an open case (their own or their household's); close it first. "
                                "Nothing was erased.");
    }
    if (store::person_has_meldcode_exchange(c, person_id)) {
      return domain::make_error("erasure_not_allowed",
                                "Information about this person was shared under the Meldcode (domestic violence and "
                                "child abuse); the law requires keeping that file. Nothing was erased.");
    }
    std::set<domain::Id> households;
    if (const auto hh = store::person_household(c, person_id)) households.insert(*hh);
    for (const auto id : store::person_case_ids(c, person_id)) {
      for (const auto hh : store::case_households(c, id)) households.insert(hh);
      store::delete_case_records(c, id);
    }
    for (const auto id : store::person_signal_ids(c, person_id)) store::delete_signal_records(c, id);
    scan_files = store::person_scan_files(c, person_id);
    const auto team_id = store::person_team(c, person_id);
    store::delete_person(c, person_id);
    delete_unreferenced(c, households);
    const auto id = store::insert_erasure(c, a.user_id, reason, now);
    // Which person was erased stays in the access log (by id only), as NEN 7513 requires.
    if (access_log_) access_log_->record(c, a, access::remove, Access{"person", person_id, person_id, team_id});
    log::info("erasure", {{"erasure_id", id}});
    return store::ErasureRecord{id, now, domain::UserRef{a.user_id, a.display_name}, reason};
  });
  if (erased && scans_) {
    for (const auto& name : scan_files) scans_->remove(name);
  }
  return erased;
}

PurgeTimer::PurgeTimer(RetentionService& retention, std::int64_t interval_seconds) : retention_(retention) {
  if (interval_seconds > 0) thread_ = std::thread([this, interval_seconds] { run(interval_seconds); });
}

PurgeTimer::~PurgeTimer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PurgeTimer::run(std::int64_t interval_seconds) {
  auto wait = std::chrono::seconds(std::min<std::int64_t>(60, interval_seconds));
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, wait, [this] { return stopping_; })) {
    lock.unlock();
    auto report = retention_.purge(false);
    if (!report) log::error("purge failed", {{"code", std::string_view(report.error().code)}});
    lock.lock();
    wait = std::chrono::seconds(interval_seconds);
  }
}

}  // namespace voordeur::app
