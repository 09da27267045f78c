#include "domain/monitoring.h"

#include "domain/dates.h"

namespace voordeur::domain {

std::optional<Error> check_can_schedule_check_in(std::string_view phase, std::string_view closure_reason,
                                                 std::int64_t check_ins_since_closure) {
  if (phase != "monitoring" && phase != "closed") {
    return make_error("conflict", "Check-ins can be scheduled only in the monitoring phase or after closure.");
  }
  if (phase == "closed" && closure_reason == "client_declines" && check_ins_since_closure >= 1) {
    return make_error("conflict",
                      "The client declined help: after the closure the team may schedule one check-in only.");
  }
  return std::nullopt;
}

bool suggests_reopen(std::string_view outcome) { return outcome == "worried" || outcome == "lost_contact"; }

bool is_review_due(std::string_view last_review_or_opened_on, std::string_view today) {
  const auto days = days_between(last_review_or_opened_on, today);
  return days && *days > kReviewIntervalDays;
}

}  // namespace voordeur::domain
