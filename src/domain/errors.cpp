#include "domain/errors.h"

#include <set>

namespace voordeur::domain {

Error validation_error(std::vector<FieldError> fields) {
  // One field may carry more than one error (e.g. a username that is too short and has a capital);
  // people correct fields, so the summary counts fields.
  std::set<std::string> names;
  for (const auto& f : fields) names.insert(f.field);
  const auto n = names.size();
  std::string message = n == 1 ? "1 field is invalid; correct it and send again."
                               : std::to_string(n) + " fields are invalid; correct them and send again.";
  return Error{"validation_failed", std::move(message), std::move(fields)};
}

}  // namespace voordeur::domain
