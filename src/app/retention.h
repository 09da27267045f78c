// Retention and the data subject's rights (GDPR art. 15 and 17): the purge of records past their
// retention period (keeping anonymous counts), the subject-access export of everything about one
// person, and erasure. Only the privacy officer exports and erases; admin and privacy officer see
// the retention settings.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/access_log.h"
#include "app/clock.h"
#include "app/scan_files.h"
#include "domain/consent.h"
#include "domain/errors.h"
#include "domain/model.h"
#include "domain/retention.h"
#include "store/access_log_repository.h"
#include "store/db.h"
#include "store/retention_repository.h"

namespace voordeur::app {

struct PurgeReport {
  bool dry_run = false;
  std::int64_t cases = 0;    // closed cases past their period (deleted unless dry_run)
  std::int64_t signals = 0;  // decided signals without a case past their period
  std::int64_t persons = 0;  // persons deleted because nothing referenced them any more (0 in a dry run)
  std::int64_t access_log_rows = 0;  // access log rows deleted (0 in a dry run)
};

struct RetentionSettings {
  domain::RetentionPeriods periods;
  std::int64_t purge_interval_seconds = 0;
  std::vector<store::RetentionCount> purged_counts;
  std::vector<store::ErasureRecord> erasures;
};

// Everything stored about one person. A later section (consents, exchanges, access log) is one
// more field here, filled in export_person, and one entry in the exporter's section table
// (http/subject_export.cpp).
struct SubjectExport {
  std::int64_t generated_at = 0;
  domain::UserRef generated_by;
  domain::Person person;
  domain::TeamRef team;
  struct HouseholdPart {
    domain::Id id = 0;
    std::string address;
    std::string role;  // the person's role in it
    std::size_t member_count = 0;
  };
  std::optional<HouseholdPart> household;
  std::vector<domain::Signal> signals;  // with their decisions
  std::vector<domain::Case> cases;      // with contacts, closure, events, check-ins, reviews, preparation
  std::vector<domain::Consent> consents;     // oldest first, withdrawn ones included
  std::vector<domain::Exchange> exchanges;   // information exchanges about the person
  // Who accessed the person's data: every access-log row about them, oldest first, up to the
  // export (reads still queued are written first).
  std::vector<store::AccessLogEntryView> access_log;
};

// The person a privacy officer looks up by one of their case or signal ids.
struct PersonRef {
  domain::Id id = 0;
  std::string name;
  std::optional<std::string> date_of_birth;
  domain::TeamRef team;
  bool has_open_case = false;  // erasure is refused while true
};

class RetentionService {
 public:
  // access_log: exports and erasures are logged there and its old rows purged (none: not logged);
  // scans: the consent scans, removed with the person they belong to.
  RetentionService(store::Database& db, const Clock& clock, const domain::RetentionPeriods& periods,
                   std::int64_t purge_interval_seconds = 0, AccessLog* access_log = nullptr,
                   const ScanFiles* scans = nullptr)
      : db_(db),
        clock_(clock),
        periods_(periods),
        purge_interval_seconds_(purge_interval_seconds),
        access_log_(access_log),
        scans_(scans) {}

  // Deletes what is past its period, one transaction per record, each adding to the anonymous
  // counts; a dry run only counts. Run by `voordeur purge` and the server's daily timer.
  domain::Result<PurgeReport> purge(bool dry_run);

  domain::Result<RetentionSettings> settings(const domain::Actor& a);
  // Exactly one of case_id and signal_id; not_found when it does not exist.
  domain::Result<PersonRef> find_person(const domain::Actor& a, std::optional<domain::Id> case_id,
                                        std::optional<domain::Id> signal_id);
  domain::Result<SubjectExport> export_person(const domain::Actor& a, domain::Id person_id);
  // Refused with erasure_not_allowed while the person has an open case (their own, or one that
  // concerns their household) or an information exchange under the Meldcode (a legal hold). Otherwise deletes their cases, signals, household membership and
  // person (and their household when nothing else references it) and records the erasure.
  domain::Result<store::ErasureRecord> erase(const domain::Actor& a, domain::Id person_id, const std::string& reason);

 private:
  store::Database& db_;
  const Clock& clock_;
  domain::RetentionPeriods periods_;
  std::int64_t purge_interval_seconds_;
  AccessLog* access_log_;
  const ScanFiles* scans_;
};

// Runs the purge inside the server: first a minute after start (or after the interval, when that
// is shorter), then every interval, until destroyed. An interval of 0 starts nothing.
class PurgeTimer {
 public:
  PurgeTimer(RetentionService& retention, std::int64_t interval_seconds);
  ~PurgeTimer();
  PurgeTimer(const PurgeTimer&) = delete;
  PurgeTimer& operator=(const PurgeTimer&) = delete;

 private:
  void run(std::int64_t interval_seconds);

  RetentionService& retention_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace voordeur::app
