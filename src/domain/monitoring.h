// Monitoring (cliënt volgen) and the monthly process review: when a check-in may be scheduled,
// which outcomes suggest reopening, and when a case is due for review. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/errors.h"

namespace voordeur::domain {

// Days after the last review (or the opening) after which a case is due for its monthly review.
inline constexpr std::int64_t kReviewIntervalDays = 30;

// Check-ins are scheduled in phase monitoring or after closure. A case closed because the client
// declines allows one check-in after the closure: the voluntary trajectory has ended.
// check_ins_since_closure: check-ins scheduled since the case was closed. Error code "conflict".
std::optional<Error> check_can_schedule_check_in(std::string_view phase, std::string_view closure_reason,
                                                 std::int64_t check_ins_since_closure);

// Whether a check-in outcome suggests reopening the case into making_contact.
bool suggests_reopen(std::string_view outcome);

// Whether an open case is due for review: its last review (or, without one, its opening date) lies
// more than kReviewIntervalDays before today. Both are dates "YYYY-MM-DD"; false when invalid.
bool is_review_due(std::string_view last_review_or_opened_on, std::string_view today);

}  // namespace voordeur::domain
