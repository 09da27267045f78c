// Use cases of consent and information exchange (domain/consent.h): a person's consent registry,
// withdrawal, the recorded stance, and the exchange log whose every entry needs a basis.
// Access: the person's team (another team's person or consent is not_found); outreachers and team
// leads of the team read and record; any other role is forbidden.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/access_log.h"
#include "app/clock.h"
#include "app/scan_files.h"
#include "domain/consent.h"
#include "domain/errors.h"
#include "store/db.h"

namespace voordeur::app {

// Everything the case page shows about a person's consent.
struct ConsentOverview {
  std::string state;  // vocab::consent_states, on today's date
  std::optional<domain::ConsentStance> stance;
  std::vector<domain::Consent> consents;  // oldest first
};

// The rules of recording, inside the caller's write transaction, without the access check and the
// access log: ConsentService records through these, and so does the demo data (app/demo.cpp), so the
// demo obeys the same rules as the API. `now` is Unix seconds (recorded_at), `today` the local date
// the dates are checked against. Each returns the id of the row written, or the error the API gives.
domain::Result<domain::Id> record_consent(store::Connection& c, domain::Id person_id, const domain::ConsentInput& in,
                                          domain::Id actor, std::int64_t now, std::string_view today);
// Already withdrawn: conflict.
domain::Result<domain::Id> withdraw_consent(store::Connection& c, const domain::Consent& consent,
                                            const std::string& withdrawn_on, domain::Id actor, std::string_view today);
// A stance while a consent is valid today: conflict.
domain::Result<domain::Id> record_consent_stance(store::Connection& c, domain::Id person_id,
                                                 const domain::ConsentStanceInput& in, domain::Id actor,
                                                 std::int64_t now, std::string_view today);
// Without a basis: consent_required (domain::decide_exchange_basis), nothing stored.
domain::Result<domain::Id> record_exchange(store::Connection& c, domain::Id person_id, const domain::ExchangeInput& in,
                                           domain::Id actor, std::int64_t now, std::string_view today);

class ConsentService {
 public:
  // Signed scans are kept in scan_dir (app/scan_files.h). Reads, prints and changes are logged in
  // access_log.
  ConsentService(store::Database& db, const Clock& clock, AccessLog& access_log, std::filesystem::path scan_dir)
      : db_(db), clock_(clock), access_log_(access_log), scans_(std::move(scan_dir)) {}

  domain::Result<ConsentOverview> overview(const domain::Actor& a, domain::Id person_id);
  domain::Result<domain::Consent> record(const domain::Actor& a, domain::Id person_id, const domain::ConsentInput& in);
  // Already withdrawn: conflict.
  domain::Result<domain::Consent> withdraw(const domain::Actor& a, domain::Id consent_id,
                                           const std::string& withdrawn_on);
  // A stance while a consent is valid today: conflict (withdraw it first).
  domain::Result<ConsentOverview> record_stance(const domain::Actor& a, domain::Id person_id,
                                                const domain::ConsentStanceInput& in);
  domain::Result<std::vector<domain::Exchange>> exchanges(const domain::Actor& a, domain::Id person_id);
  // Without a basis: consent_required (domain::decide_exchange_basis), nothing stored.
  domain::Result<domain::Exchange> log_exchange(const domain::Actor& a, domain::Id person_id,
                                                const domain::ExchangeInput& in);
  // The printable consent form (seed 000 Bijlage 4) with the consents valid today, as PDF bytes.
  domain::Result<std::string> consent_form(const domain::Actor& a, domain::Id person_id);
  // Stores the signed scan of a consent (replacing an earlier one): a PDF, JPEG or PNG by its first
  // bytes (else unsupported_media_type), not empty (validation_failed on "scan").
  domain::Result<domain::Consent> upload_scan(const domain::Actor& a, domain::Id consent_id, const std::string& bytes);
  struct Scan {
    std::string media_type;
    std::string bytes;
  };
  // The stored scan; not_found when there is none.
  domain::Result<Scan> scan(const domain::Actor& a, domain::Id consent_id);

 private:
  // The consent, when the actor may see it.
  domain::Result<domain::Consent> consent_of(const domain::Actor& a, domain::Id consent_id);

  store::Database& db_;
  const Clock& clock_;
  AccessLog& access_log_;
  ScanFiles scans_;
};

}  // namespace voordeur::app
