// The queries of retention and the data subject's rights: which records are past their retention
// period, deleting a case, a signal or a person with every row that belongs to them, the
// anonymous counts kept of purged records, the record of erasures, and the ids a subject-access
// export gathers. Portable SQL over store::Connection; app/ checks permissions and opens the
// transaction. All functions throw DbError on failure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/model.h"
#include "store/db.h"
#include "store/repository.h"

namespace voordeur::store {

using domain::Id;

// ---- purge selection
// Closed cases with closed_at before the cutoff, by id.
std::vector<Id> cases_past_retention(Connection& c, std::int64_t closed_before);
// Decided signals that did not lead to a case (no case on the signal or its decisions) whose
// last decision was made before the cutoff, by id.
std::vector<Id> signals_past_retention(Connection& c, std::int64_t decided_before);

// What the anonymous counts keep of a purged case.
struct PurgedCase {
  Id team_id = 0;
  std::int64_t closed_at = 0;
  std::string closure_reason;
  std::string phase_reached;  // the phase the case was closed from ('' when not recorded)
  std::int64_t contact_count = 0;
};
// The case when it is still closed before the cutoff (checked again inside the purge transaction).
std::optional<PurgedCase> case_past_retention(Connection& c, Id case_id, std::int64_t closed_before);

struct PurgedSignal {
  Id team_id = 0;
  std::int64_t decided_at = 0;
  std::string decision;  // the last decision
};
std::optional<PurgedSignal> signal_past_retention(Connection& c, Id signal_id, std::int64_t decided_before);

// ---- deleting
// The households of the case: its person's household and the household it concerns (if any).
std::vector<Id> case_households(Connection& c, Id case_id);
// Deletes the case and every row that belongs to it, including the signals that led to it and
// their decisions. The person and household stay (see delete_household_if_unreferenced).
void delete_case_records(Connection& c, Id case_id);
// Deletes the signal and its decisions.
void delete_signal_records(Connection& c, Id signal_id);
// When no member of the household is the person of a case or signal and no case concerns the
// household, deletes the household with its members' persons; returns how many persons went.
std::int64_t delete_household_if_unreferenced(Connection& c, Id household_id);
// Deletes the person with their consents, stances and information exchanges and takes them out of
// their household; their cases and signals must be gone. Scan files are left to ScanFiles::sweep.
void delete_person(Connection& c, Id person_id);

// ---- anonymous counts of purged records
struct RetentionCount {
  std::string record_type;  // case | signal
  Id team_id = 0;
  std::string period;  // YYYY-MM
  std::string reason;
  std::string phase_reached;
  std::string contact_bucket;
  std::int64_t count = 0;
};
// Adds one to the count with these keys (count is ignored).
void add_retention_count(Connection& c, const RetentionCount& key);
// By record type, team, period, reason, phase, bucket.
std::vector<RetentionCount> list_retention_counts(Connection& c);

// ---- erasure
// Whether the person is the person of an open case, or a member of a household an open case
// concerns.
bool person_has_open_case(Connection& c, Id person_id);
std::vector<Id> person_case_ids(Connection& c, Id person_id);    // by id
std::vector<Id> person_signal_ids(Connection& c, Id person_id);  // by id
// The person of a case or of a signal.
std::optional<Id> case_person(Connection& c, Id case_id);
std::optional<Id> signal_person(Connection& c, Id signal_id);

struct ErasureRecord {
  Id id = 0;
  std::int64_t erased_at = 0;
  domain::UserRef erased_by;
  std::string reason;  // vocab::erasure_reasons
};
Id insert_erasure(Connection& c, Id erased_by, const std::string& reason, std::int64_t now);
std::vector<ErasureRecord> list_erasures(Connection& c);  // newest first

}  // namespace voordeur::store
