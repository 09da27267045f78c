// Use cases for signals (aanmeldingen) and team decisions. Every method checks team scoping
// (another team's signal is not_found), the actor's role (forbidden), validates (validation_failed)
// and runs its database work in one transaction.
#pragma once

#include <optional>
#include <string>

#include "app/access_log.h"
#include "app/clock.h"
#include "domain/errors.h"
#include "domain/model.h"
#include "store/db.h"
#include "store/repository.h"

namespace voordeur::app {

struct DecisionOutcome {
  domain::Signal signal;
  std::optional<domain::Id> case_id;
};

class SignalService {
 public:
  SignalService(store::Database& db, const Clock& clock, AccessLog& access_log)
      : db_(db), clock_(clock), access_log_(access_log) {}

  // status: "awaiting_decision" | "decided" | "all"; feedback: "overdue" (due before today, not
  // given) or "all".
  domain::Result<store::SignalPage> list(const domain::Actor& a, const std::string& status, int limit, int offset,
                                         const std::string& feedback = "all");
  // team_id may be empty when the actor is in exactly one team.
  domain::Result<domain::Signal> create(const domain::Actor& a, std::optional<domain::Id> team_id,
                                        const domain::SignalFields& fields);
  domain::Result<domain::Signal> get(const domain::Actor& a, domain::Id id);
  // The first decision sets the reporter feedback due date: today plus the team's feedback working days.
  domain::Result<DecisionOutcome> decide(const domain::Actor& a, domain::Id id, const domain::DecisionInput& in,
                                         const domain::Triage& triage = {});
  // Records that the reporter got feedback; a team member (outreacher or lead) of the signal's team.
  domain::Result<domain::Signal> record_feedback(const domain::Actor& a, domain::Id id,
                                                 const domain::FeedbackInput& in);

 private:
  store::Database& db_;
  const Clock& clock_;
  AccessLog& access_log_;
};

}  // namespace voordeur::app
