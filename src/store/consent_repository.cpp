#include "store/consent_repository.h"

#include "store/field_crypto.h"
#include "store/repository.h"

namespace voordeur::store {
namespace {

constexpr const char* kConsentColumns =
    "SELECT k.id, k.person_id, k.recipient_category, k.organisation, k.scope, k.topics, k.channels, k.given_on, "
    "k.ends_on, k.withdrawn_on, k.withdrawn_by, w.display_name, k.scan_file, k.scan_media_type, k.recorded_by, "
    "u.display_name, k.recorded_at FROM consents k JOIN users u ON u.id = k.recorded_by "
    "LEFT JOIN users w ON w.id = k.withdrawn_by ";

domain::Consent consent_from(const Row& r) {
  domain::Consent k;
  k.id = r.integer(0);
  k.person_id = r.integer(1);
  k.recipient_category = r.text(2);
  k.organisation = r.text(3);
  k.scope = r.text(4);
  k.topics = split_list(r.text(5));
  k.channels = split_list(r.text(6));
  k.given_on = r.text(7);
  k.ends_on = r.opt_text(8);
  k.withdrawn_on = r.opt_text(9);
  if (!r.is_null(10)) k.withdrawn_by = domain::UserRef{r.integer(10), r.text(11)};
  k.scan_file = r.opt_text(12);
  k.scan_media_type = r.opt_text(13);
  k.recorded_by = domain::UserRef{r.integer(14), r.text(15)};
  k.recorded_at = r.integer(16);
  return k;
}

constexpr const char* kExchangeColumns =
    "SELECT x.id, x.person_id, x.occurred_on, x.direction, x.channel, x.organisation_category, x.organisation, "
    "x.contact_person, x.topics, x.basis, x.consent_id, x.justification, x.peer_consulted, x.recorded_by, "
    "u.display_name, x.recorded_at FROM information_exchanges x JOIN users u ON u.id = x.recorded_by ";

domain::Exchange exchange_from(const Row& r) {
  domain::Exchange x;
  x.id = r.integer(0);
  x.person_id = r.integer(1);
  x.occurred_on = r.text(2);
  x.direction = r.text(3);
  x.channel = r.text(4);
  x.organisation_category = r.text(5);
  x.organisation = r.text(6);
  x.contact_person = r.text(7);
  x.topics = split_list(r.text(8));
  x.basis = r.text(9);
  x.consent_id = r.opt_integer(10);
  x.justification = r.text(11);
  x.peer_consulted = r.text(12);
  x.recorded_by = domain::UserRef{r.integer(13), r.text(14)};
  x.recorded_at = r.integer(15);
  return x;
}

}  // namespace

Id insert_consent(Connection& c, Id person_id, const domain::ConsentInput& in, Id actor, std::int64_t now) {
  return c
      .query(
          "INSERT INTO consents (person_id, recipient_category, organisation, scope, topics, channels, given_on, "
          "ends_on, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
          {person_id, in.recipient_category, in.organisation, in.scope, join_list(in.topics), join_list(in.channels),
           in.given_on, opt(in.ends_on), actor, now})
      .rows.at(0)
      .integer(0);
}

std::vector<domain::Consent> list_consents(Connection& c, Id person_id) {
  std::vector<domain::Consent> out;
  for (const auto& r :
       c.query(std::string(kConsentColumns) + "WHERE k.person_id = $1 ORDER BY k.given_on, k.id", {person_id}).rows) {
    out.push_back(consent_from(r));
  }
  return out;
}

std::optional<domain::Consent> find_consent(Connection& c, Id consent_id) {
  const auto rs = c.query(std::string(kConsentColumns) + "WHERE k.id = $1", {consent_id});
  if (rs.rows.empty()) return std::nullopt;
  return consent_from(rs.rows[0]);
}

bool withdraw_consent(Connection& c, Id consent_id, const std::string& withdrawn_on, Id actor) {
  return c
             .query("UPDATE consents SET withdrawn_on = $2, withdrawn_by = $3 WHERE id = $1 AND withdrawn_on IS NULL "
                    "RETURNING id",
                    {consent_id, withdrawn_on, actor})
             .rows.size() == 1;
}

void set_consent_scan(Connection& c, Id consent_id, const std::string& file, const std::string& media_type) {
  c.query("UPDATE consents SET scan_file = $2, scan_media_type = $3 WHERE id = $1", {consent_id, file, media_type});
}

Id insert_consent_stance(Connection& c, Id person_id, const domain::ConsentStanceInput& in, Id actor,
                         std::int64_t now) {
  return c
      .query(
          "INSERT INTO consent_stances (person_id, stance, noted_on, note, recorded_by, recorded_at) "
          "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
          {person_id, in.stance, in.noted_on, seal(in.note), actor, now})
      .rows.at(0)
      .integer(0);
}

std::optional<domain::ConsentStance> latest_consent_stance(Connection& c, Id person_id) {
  const auto rs = c.query(
      "SELECT s.id, s.stance, s.noted_on, s.note, s.recorded_by, u.display_name, s.recorded_at "
      "FROM consent_stances s JOIN users u ON u.id = s.recorded_by WHERE s.person_id = $1 "
      "ORDER BY s.noted_on DESC, s.id DESC LIMIT 1",
      {person_id});
  if (rs.rows.empty()) return std::nullopt;
  const auto& r = rs.rows[0];
  domain::ConsentStance s;
  s.id = r.integer(0);
  s.stance = r.text(1);
  s.noted_on = r.text(2);
  s.note = r.text(3);
  s.recorded_by = domain::UserRef{r.integer(4), r.text(5)};
  s.recorded_at = r.integer(6);
  return s;
}

Id insert_exchange(Connection& c, Id person_id, const domain::ExchangeInput& in, std::optional<Id> consent_id,
                   Id actor, std::int64_t now) {
  return c
      .query(
          "INSERT INTO information_exchanges (person_id, occurred_on, direction, channel, organisation_category, "
          "organisation, contact_person, topics, basis, consent_id, justification, peer_consulted, recorded_by, "
          "recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
          {person_id, in.occurred_on, in.direction, in.channel, in.organisation_category, in.organisation,
           in.contact_person, join_list(in.topics), in.basis, opt(consent_id), seal(in.justification), in.peer_consulted,
           actor, now})
      .rows.at(0)
      .integer(0);
}

std::optional<domain::Exchange> find_exchange(Connection& c, Id exchange_id) {
  const auto rs = c.query(std::string(kExchangeColumns) + "WHERE x.id = $1", {exchange_id});
  if (rs.rows.empty()) return std::nullopt;
  return exchange_from(rs.rows[0]);
}

std::vector<domain::Exchange> list_exchanges(Connection& c, Id person_id) {
  std::vector<domain::Exchange> out;
  for (const auto& r : c.query(std::string(kExchangeColumns) +
                                   "WHERE x.person_id = $1 ORDER BY x.occurred_on DESC, x.id DESC",
                               {person_id})
                           .rows) {
    out.push_back(exchange_from(r));
  }
  return out;
}

bool person_has_meldcode_exchange(Connection& c, Id person_id) {
  return !c.query("SELECT 1 FROM information_exchanges WHERE person_id = $1 AND basis = 'meldcode' LIMIT 1", {person_id})
              .rows.empty();
}

std::vector<std::string> person_scan_files(Connection& c, Id person_id) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT scan_file FROM consents WHERE person_id = $1 AND scan_file IS NOT NULL",
                               {person_id})
                           .rows) {
    out.push_back(r.text(0));
  }
  return out;
}

std::vector<std::string> all_scan_files(Connection& c) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT scan_file FROM consents WHERE scan_file IS NOT NULL").rows) out.push_back(r.text(0));
  return out;
}

}  // namespace voordeur::store
