// Consent and information exchange (seed 000 chapter 3, Bijlage 4 and 5): the consent registry of
// a person, the log of every exchange with a partner, and the rule that each exchange rests on a
// basis: a consent that covers it, or a ground without consent with a justification.
// Pure values and functions; dates are "YYYY-MM-DD" and compare as text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/errors.h"
#include "domain/model.h"

namespace voordeur::domain {

// A consent to request and give information to one recipient (Bijlage 4).
struct ConsentInput {
  std::string recipient_category;    // vocab::consent_recipients
  std::string organisation;          // optional: only this organisation of the category ("" = any)
  std::string scope;                 // vocab::consent_scopes: full | partial
  std::vector<std::string> topics;   // partial: the topics (vocab::problem_areas) it covers
  std::vector<std::string> channels; // vocab::exchange_channels allowed
  std::string given_on;
  std::optional<std::string> ends_on;
};

struct Consent : ConsentInput {
  Id id = 0;
  Id person_id = 0;
  UserRef recorded_by;
  std::int64_t recorded_at = 0;
  std::optional<std::string> withdrawn_on;
  std::optional<UserRef> withdrawn_by;
  std::optional<std::string> scan_media_type;  // set once a signed scan is uploaded
  std::optional<std::string> scan_file;        // file name in the data directory (never sent to clients)
};

// One exchange of information with a partner (Bijlage 5).
struct ExchangeInput {
  std::string occurred_on;
  std::string direction;               // vocab::exchange_directions: given | received
  std::string channel;                 // vocab::exchange_channels
  std::string organisation_category;   // vocab::consent_recipients
  std::string organisation;            // the partner organisation (required)
  std::string contact_person;          // the partner's person (optional)
  std::vector<std::string> topics;     // vocab::problem_areas, at least one
  std::string basis = "consent";       // vocab::exchange_bases
  std::string justification;           // required for every basis but consent
  std::string peer_consulted;          // required for professional_code_art2
};

struct Exchange : ExchangeInput {
  Id id = 0;
  Id person_id = 0;
  std::optional<Id> consent_id;  // the consent it rests on (basis consent)
  UserRef recorded_by;
  std::int64_t recorded_at = 0;
};

// A recorded stance of the person on consent (Bijlage 5), for the states that no consent shows.
struct ConsentStanceInput {
  std::string stance;  // vocab::consent_stances: no_opinion | explicitly_refuses
  std::string noted_on;
  std::string note;
};

struct ConsentStance : ConsentStanceInput {
  Id id = 0;
  UserRef recorded_by;
  std::int64_t recorded_at = 0;
};

// A signed scan of a consent form: a PDF, JPEG or PNG file of at most this size.
inline constexpr std::size_t kScanMaxBytes = 10 * 1024 * 1024;
// The media type of a scan by its first bytes (application/pdf, image/jpeg, image/png), or nullopt
// for anything else; the Content-Type a client sends is not trusted.
std::optional<std::string> scan_media_type(std::string_view bytes);

// Valid on `date`: given on or before it, not ended before it, not withdrawn on or before it.
bool is_consent_valid_on(const Consent& c, std::string_view date);

// Why a consent does not cover an exchange, as field errors on the exchange's fields (empty: it
// covers it): recipient category and organisation, each topic, the channel, the date.
std::vector<FieldError> consent_gaps(const Consent& c, const ExchangeInput& e);

// The basis of an exchange. For basis "consent": the id of a consent covering it, or the error
// consent_required saying what is missing (its fields name the exchange's fields). For a ground
// without consent: nullopt (validate_exchange checks its justification and peer).
Result<std::optional<Id>> decide_exchange_basis(const ExchangeInput& e, const std::vector<Consent>& consents);

// The person's consent state in the terms of Bijlage 5 (vocab::consent_states) on `today`:
// general with any valid full consent, else partial with any valid partial one, else the latest
// recorded stance, else not_asked.
std::string consent_state(const std::vector<Consent>& consents, const std::optional<ConsentStance>& latest_stance,
                          std::string_view today);

// A new consent: known values, a date, an end not before it, partial with topics and full without.
std::vector<FieldError> validate_consent(const ConsentInput& c, std::string_view today);
// Withdrawal: withdrawn_on a date not after today and not before the consent was given.
std::vector<FieldError> validate_withdrawal(const std::string& withdrawn_on, std::string_view given_on,
                                            std::string_view today);
std::vector<FieldError> validate_exchange(const ExchangeInput& e, std::string_view today);
std::vector<FieldError> validate_consent_stance(const ConsentStanceInput& s, std::string_view today);

}  // namespace voordeur::domain
