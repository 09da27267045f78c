#include "domain/consent.h"

#include <algorithm>

#include "domain/vocabulary.h"

namespace voordeur::domain {
namespace {

bool listed(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

constexpr const char* kHowToProceed =
    " Record a consent that covers the recipient, the topics and the channel, or choose a ground "
    "without consent (vital interest, legal duty, professional code article 2, Meldcode) with a justification.";

// The consent that comes closest to covering the exchange: the fewest gaps, the newest first on a tie.
const Consent* closest(const std::vector<Consent>& consents, const ExchangeInput& e,
                       std::vector<FieldError>& gaps) {
  const Consent* best = nullptr;
  for (const auto& c : consents) {
    auto g = consent_gaps(c, e);
    if (!best || g.size() < gaps.size() || (g.size() == gaps.size() && c.id > best->id)) {
      best = &c;
      gaps = std::move(g);
    }
  }
  return best;
}

}  // namespace

std::optional<std::string> scan_media_type(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return "application/pdf";
  if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return "image/png";
  return std::nullopt;
}

bool is_consent_valid_on(const Consent& c, std::string_view date) {
  if (c.given_on > date) return false;
  if (c.ends_on && *c.ends_on < date) return false;
  if (c.withdrawn_on && *c.withdrawn_on <= date) return false;
  return true;
}

std::vector<FieldError> consent_gaps(const Consent& c, const ExchangeInput& e) {
  std::vector<FieldError> gaps;
  if (c.recipient_category != e.organisation_category) {
    gaps.push_back({"organisation_category", "consent_required",
                    "No consent was given for this kind of organisation."});
  } else if (!c.organisation.empty() && c.organisation != e.organisation) {
    gaps.push_back({"organisation", "consent_required",
                    "The consent for this kind of organisation names another organisation."});
  }
  if (c.scope != "full") {
    for (std::size_t i = 0; i < e.topics.size(); ++i) {
      if (!listed(c.topics, e.topics[i])) {
        gaps.push_back({"topics[" + std::to_string(i) + "]", "consent_required",
                        "The partial consent does not cover this topic."});
      }
    }
  }
  if (!listed(c.channels, e.channel)) {
    gaps.push_back({"channel", "consent_required", "The consent does not allow this channel."});
  }
  if (c.withdrawn_on && *c.withdrawn_on <= e.occurred_on) {
    gaps.push_back({"occurred_on", "consent_required", "The consent was withdrawn on " + *c.withdrawn_on + "."});
  } else if (c.given_on > e.occurred_on) {
    gaps.push_back({"occurred_on", "consent_required", "The consent was given only on " + c.given_on + "."});
  } else if (c.ends_on && *c.ends_on < e.occurred_on) {
    gaps.push_back({"occurred_on", "consent_required", "The consent ended on " + *c.ends_on + "."});
  }
  return gaps;
}

Result<std::optional<Id>> decide_exchange_basis(const ExchangeInput& e, const std::vector<Consent>& consents) {
  if (e.basis != "consent") return std::optional<Id>{};
  std::vector<FieldError> gaps;
  const Consent* best = closest(consents, e, gaps);
  if (best && gaps.empty()) return std::optional<Id>{best->id};
  Error error = make_error("consent_required", "");
  if (!best) {
    error.message = "This person has no consent on record, so this exchange has no basis." + std::string(kHowToProceed);
    error.fields.push_back({"basis", "consent_required", "No consent is on record for this person."});
    return error;
  }
  error.message = "No consent covers this exchange. The closest one (consent " + std::to_string(best->id) + "): ";
  for (std::size_t i = 0; i < gaps.size(); ++i) error.message += (i > 0 ? " " : "") + gaps[i].message;
  error.message += kHowToProceed;
  error.fields = std::move(gaps);
  return error;
}

std::string consent_state(const std::vector<Consent>& consents, const std::optional<ConsentStance>& latest_stance,
                          std::string_view today) {
  bool partial = false;
  for (const auto& c : consents) {
    if (!is_consent_valid_on(c, today)) continue;
    if (c.scope == "full") return "general";
    partial = true;
  }
  if (partial) return "partial";
  if (latest_stance) return latest_stance->stance;
  return "not_asked";
}

}  // namespace voordeur::domain
