// The queries of the consent registry, the consent stances and the information exchange log
// (domain/consent.h). Like repository.h: no permission checks, DbError on failure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/consent.h"
#include "store/db.h"
#include "store/repository.h"

namespace voordeur::store {

using domain::Id;


Id insert_consent(Connection& c, Id person_id, const domain::ConsentInput& in, Id actor, std::int64_t now);
// Oldest first.
std::vector<domain::Consent> list_consents(Connection& c, Id person_id);
std::optional<domain::Consent> find_consent(Connection& c, Id consent_id);
// Sets withdrawn_on only when the consent was not withdrawn yet; returns whether it did.
bool withdraw_consent(Connection& c, Id consent_id, const std::string& withdrawn_on, Id actor);
void set_consent_scan(Connection& c, Id consent_id, const std::string& file, const std::string& media_type);
// Whether an information exchange about the person rests on the Meldcode (domestic violence and
// child abuse): such a file must be kept, so erasure is refused.
bool person_has_meldcode_exchange(Connection& c, Id person_id);
// The scan file names of the person's consents; of all consents.
std::vector<std::string> person_scan_files(Connection& c, Id person_id);
std::vector<std::string> all_scan_files(Connection& c);

Id insert_consent_stance(Connection& c, Id person_id, const domain::ConsentStanceInput& in, Id actor,
                         std::int64_t now);
// The latest by noted_on, then by id.
std::optional<domain::ConsentStance> latest_consent_stance(Connection& c, Id person_id);

Id insert_exchange(Connection& c, Id person_id, const domain::ExchangeInput& in, std::optional<Id> consent_id,
                   Id actor, std::int64_t now);
std::optional<domain::Exchange> find_exchange(Connection& c, Id exchange_id);
// Newest occurred_on first.
std::vector<domain::Exchange> list_exchanges(Connection& c, Id person_id);

}  // namespace voordeur::store
