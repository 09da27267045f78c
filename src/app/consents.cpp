#include "app/consents.h"

#include <algorithm>

#include "app/consent_form.h"
#include "app/log.h"
#include "app/tx.h"
#include "domain/rules.h"
#include "store/consent_repository.h"
#include "store/repository.h"

namespace voordeur::app {
namespace {

domain::Error person_not_found() {
  return domain::make_error("not_found", "This person does not exist or belongs to another team.");
}

domain::Error consent_not_found() {
  return domain::make_error("not_found", "This consent does not exist or belongs to another team.");
}

domain::Error not_allowed() {
  return domain::make_error("forbidden", "Only outreachers and team leads of this team can see and record consent.");
}

// Nullopt when the actor may read and record consent for a person of `team`. Roles that never see
// person data (reception, partner, policy, privacy officer) are refused before the scope, so the
// answer does not depend on the id; others see another team's records as missing.
std::optional<domain::Error> check_access(const domain::Actor& a, const std::optional<domain::Id>& team,
                                          const domain::Error& missing) {
  if (a.role != "outreacher" && a.role != "team_lead" && a.role != "admin") return not_allowed();
  if (!team || !domain::can_see_team(a, *team)) return missing;
  if (!domain::can_work_in_team(a, *team)) return not_allowed();
  return std::nullopt;
}

ConsentOverview load_overview(store::Connection& c, domain::Id person_id, const std::string& today) {
  ConsentOverview o;
  o.consents = store::list_consents(c, person_id);
  o.stance = store::latest_consent_stance(c, person_id);
  o.state = domain::consent_state(o.consents, o.stance, today);
  return o;
}

}  // namespace

domain::Result<domain::Id> record_consent(store::Connection& c, domain::Id person_id, const domain::ConsentInput& in,
                                          domain::Id actor, std::int64_t now, std::string_view today) {
  if (auto errors = domain::validate_consent(in, today); !errors.empty()) {
    return domain::validation_error(std::move(errors));
  }
  return store::insert_consent(c, person_id, in, actor, now);
}

domain::Result<domain::Id> withdraw_consent(store::Connection& c, const domain::Consent& consent,
                                            const std::string& withdrawn_on, domain::Id actor, std::string_view today) {
  if (consent.withdrawn_on) {
    return domain::make_error("conflict", "This consent was already withdrawn on " + *consent.withdrawn_on + ".");
  }
  if (auto errors = domain::validate_withdrawal(withdrawn_on, consent.given_on, today); !errors.empty()) {
    return domain::validation_error(std::move(errors));
  }
  store::withdraw_consent(c, consent.id, withdrawn_on, actor);
  return consent.id;
}

domain::Result<domain::Id> record_consent_stance(store::Connection& c, domain::Id person_id,
                                                 const domain::ConsentStanceInput& in, domain::Id actor,
                                                 std::int64_t now, std::string_view today) {
  if (auto errors = domain::validate_consent_stance(in, today); !errors.empty()) {
    return domain::validation_error(std::move(errors));
  }
  const auto consents = store::list_consents(c, person_id);
  if (std::any_of(consents.begin(), consents.end(),
                  [&](const domain::Consent& k) { return domain::is_consent_valid_on(k, today); })) {
    return domain::make_error("conflict",
                              "This person has a valid consent; withdraw it before recording this stance.");
  }
  return store::insert_consent_stance(c, person_id, in, actor, now);
}

domain::Result<domain::Id> record_exchange(store::Connection& c, domain::Id person_id, const domain::ExchangeInput& in,
                                           domain::Id actor, std::int64_t now, std::string_view today) {
  if (auto errors = domain::validate_exchange(in, today); !errors.empty()) {
    return domain::validation_error(std::move(errors));
  }
  auto basis = domain::decide_exchange_basis(in, store::list_consents(c, person_id));
  if (!basis) return basis.error();
  return store::insert_exchange(c, person_id, in, basis.value(), actor, now);
}

domain::Result<ConsentOverview> ConsentService::overview(const domain::Actor& a, domain::Id person_id) {
  const auto today = clock_.local_today();
  return in_read(db_, [&](store::Connection& c) -> domain::Result<ConsentOverview> {
    const auto team = store::person_team(c, person_id);
    if (auto e = check_access(a, team, person_not_found())) return *e;
    access_log_.enqueue(a, access::read, Access{"consent", std::nullopt, person_id, team});
    return load_overview(c, person_id, today);
  });
}

domain::Result<domain::Consent> ConsentService::record(const domain::Actor& a, domain::Id person_id,
                                                       const domain::ConsentInput& in) {
  const auto now = clock_.now();
  const auto today = clock_.local_today();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Consent> {
    const auto team = store::person_team(c, person_id);
    if (auto e = check_access(a, team, person_not_found())) return *e;
    const auto id = record_consent(c, person_id, in, a.user_id, now, today);
    if (!id) return id.error();
    access_log_.record(c, a, access::create, Access{"consent", id.value(), person_id, team});
    return *store::find_consent(c, id.value());
  });
}

domain::Result<domain::Consent> ConsentService::withdraw(const domain::Actor& a, domain::Id consent_id,
                                                         const std::string& withdrawn_on) {
  const auto today = clock_.local_today();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Consent> {
    auto found = store::find_consent(c, consent_id);
    const auto team = found ? store::person_team(c, found->person_id) : std::nullopt;
    if (auto e = check_access(a, team, consent_not_found())) return *e;
    const auto withdrawn = withdraw_consent(c, *found, withdrawn_on, a.user_id, today);
    if (!withdrawn) return withdrawn.error();
    access_log_.record(c, a, access::change, Access{"consent", consent_id, found->person_id, team, "withdrawn"});
    return *store::find_consent(c, consent_id);
  });
}

domain::Result<ConsentOverview> ConsentService::record_stance(const domain::Actor& a, domain::Id person_id,
                                                              const domain::ConsentStanceInput& in) {
  const auto now = clock_.now();
  const auto today = clock_.local_today();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<ConsentOverview> {
    const auto team = store::person_team(c, person_id);
    if (auto e = check_access(a, team, person_not_found())) return *e;
    const auto id = record_consent_stance(c, person_id, in, a.user_id, now, today);
    if (!id) return id.error();
    access_log_.record(c, a, access::create, Access{"consent_stance", std::nullopt, person_id, team});
    return load_overview(c, person_id, today);
  });
}

domain::Result<std::vector<domain::Exchange>> ConsentService::exchanges(const domain::Actor& a,
                                                                        domain::Id person_id) {
  return in_read(db_, [&](store::Connection& c) -> domain::Result<std::vector<domain::Exchange>> {
    const auto team = store::person_team(c, person_id);
    if (auto e = check_access(a, team, person_not_found())) return *e;
    access_log_.enqueue(a, access::read, Access{"exchange", std::nullopt, person_id, team});
    return store::list_exchanges(c, person_id);
  });
}

domain::Result<domain::Exchange> ConsentService::log_exchange(const domain::Actor& a, domain::Id person_id,
                                                              const domain::ExchangeInput& in) {
  const auto now = clock_.now();
  const auto today = clock_.local_today();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Exchange> {
    const auto team = store::person_team(c, person_id);
    if (auto e = check_access(a, team, person_not_found())) return *e;
    const auto id = record_exchange(c, person_id, in, a.user_id, now, today);
    if (!id) return id.error();
    access_log_.record(c, a, access::create, Access{"exchange", id.value(), person_id, team});
    return *store::find_exchange(c, id.value());
  });
}

domain::Result<std::string> ConsentService::consent_form(const domain::Actor& a, domain::Id person_id) {
  const auto today = clock_.local_today();
  auto data = in_read(db_, [&](store::Connection& c) -> domain::Result<std::pair<domain::Person, std::vector<domain::Consent>>> {
    const auto team = store::person_team(c, person_id);
    if (auto e = check_access(a, team, person_not_found())) return *e;
    access_log_.enqueue(a, access::print, Access{"consent_form", std::nullopt, person_id, team});
    std::vector<domain::Consent> valid;
    for (auto& k : store::list_consents(c, person_id))
      if (domain::is_consent_valid_on(k, today)) valid.push_back(std::move(k));
    return std::pair{*store::find_person(c, person_id), std::move(valid)};
  });
  if (!data) return data.error();
  try {
    return render_consent_form(data->first, data->second, today);
  } catch (const std::runtime_error& e) {
    log::error("consent form", {{"error", e.what()}});
    return domain::make_error("internal", "The consent form could not be made.");
  }
}

domain::Result<domain::Consent> ConsentService::upload_scan(const domain::Actor& a, domain::Id consent_id,
                                                            const std::string& bytes) {
  auto found = consent_of(a, consent_id);
  if (!found) return found.error();
  if (bytes.empty()) {
    return domain::validation_error({{"scan", "required", "Send the scanned form as the request body."}});
  }
  const auto media_type = domain::scan_media_type(bytes);
  if (!media_type) {
    return domain::make_error("unsupported_media_type", "Upload the signed form as a PDF, JPEG or PNG file.");
  }
  std::string name;
  try {
    name = scans_.write(bytes);
  } catch (const std::runtime_error& e) {
    log::error("scan upload", {{"error", e.what()}});
    return domain::make_error("internal", "The scan could not be stored.");
  }
  auto saved = in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Consent> {
    store::set_consent_scan(c, consent_id, name, *media_type);
    access_log_.record(c, a, access::change,
                       Access{"consent", consent_id, found->person_id, store::person_team(c, found->person_id),
                              "signed scan"});
    return *store::find_consent(c, consent_id);
  });
  if (!saved) {
    scans_.remove(name);
    return saved;
  }
  if (found->scan_file) scans_.remove(*found->scan_file);
  return saved;
}

domain::Result<ConsentService::Scan> ConsentService::scan(const domain::Actor& a, domain::Id consent_id) {
  auto found = consent_of(a, consent_id);
  if (!found) return found.error();
  if (!found->scan_file || !found->scan_media_type) {
    return domain::make_error("not_found", "No signed scan was uploaded for this consent.");
  }
  std::optional<std::string> bytes;
  try {
    bytes = scans_.read(*found->scan_file);
  } catch (const std::runtime_error& e) {
    log::error("scan unreadable", {{"consent_id", consent_id}, {"error", e.what()}});
  }
  if (!bytes) {
    log::error("scan missing", {{"consent_id", consent_id}});
    return domain::make_error("internal", "The stored scan could not be read.");
  }
  access_log_.enqueue(a, access::export_, Access{"consent", consent_id, found->person_id, std::nullopt, "signed scan"});
  return Scan{*found->scan_media_type, std::move(*bytes)};
}

domain::Result<domain::Consent> ConsentService::consent_of(const domain::Actor& a, domain::Id consent_id) {
  return in_read(db_, [&](store::Connection& c) -> domain::Result<domain::Consent> {
    auto found = store::find_consent(c, consent_id);
    const auto team = found ? store::person_team(c, found->person_id) : std::nullopt;
    if (auto e = check_access(a, team, consent_not_found())) return *e;
    return std::move(*found);
  });
}

}  // namespace voordeur::app
