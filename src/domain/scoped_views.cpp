#include "domain/scoped_views.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace voordeur::domain {

std::string initials(std::string_view name) {
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    if (i == name.size()) break;
    const unsigned char first = static_cast<unsigned char>(name[i]);
    // Infixes such as "de", "van", "der" start with a lower-case ASCII letter and are left out.
    if (!std::islower(first)) {
      // A multi-byte UTF-8 letter keeps all its bytes.
      std::size_t len = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
      out.append(name.substr(i, len));
      out += '.';
    }
    while (i < name.size() && name[i] != ' ') ++i;
  }
  return out;
}

std::string partner_status(std::string_view signal_status) {
  return signal_status == "awaiting_decision" ? "received" : "handled";
}

std::vector<PublishedFigure> publish_figures(std::vector<FigureCount> counts) {
  const auto key = [](const FigureCount& f) { return std::tie(f.team_id, f.month, f.measure, f.category); };
  std::sort(counts.begin(), counts.end(), [&](const FigureCount& x, const FigureCount& y) { return key(x) < key(y); });
  std::vector<PublishedFigure> out;
  for (const auto& f : counts) {
    if (!out.empty() && out.back().team_id == f.team_id && out.back().month == f.month &&
        out.back().measure == f.measure && out.back().category == f.category) {
      *out.back().count += f.count;
    } else {
      out.push_back(PublishedFigure{f.team_id, f.month, f.measure, f.category, f.count});
    }
  }
  for (auto& p : out) {
    if (*p.count < kSmallCell) p.count.reset();
  }
  return out;
}

}  // namespace voordeur::domain
