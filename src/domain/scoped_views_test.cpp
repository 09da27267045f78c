#include "domain/scoped_views.h"

#include <gtest/gtest.h>

namespace voordeur::domain {
namespace {

TEST(PartnerView, InitialsLeaveOutInfixes) {
  EXPECT_EQ(initials("Jan de Vries"), "J.V.");
  EXPECT_EQ(initials("  Anna  van der Berg "), "A.B.");
  EXPECT_EQ(initials("Özlem Yılmaz"), "Ö.Y.");
  EXPECT_EQ(initials(""), "");
}

TEST(PartnerView, StatusIsReceivedOrHandledOnly) {
  EXPECT_EQ(partner_status("awaiting_decision"), "received");
  EXPECT_EQ(partner_status("decided"), "handled");
}

TEST(Figures, SmallCellsAreSuppressedAfterAddingUp) {
  const auto published = publish_figures({
      {1, "2026-10", "signals_by_decision", "outreach", 3},
      {1, "2026-10", "signals_by_decision", "outreach", 2},
      {1, "2026-10", "signals_by_decision", "refer", 4},
      {2, "2026-09", "closed_cases_by_reason", "goal_reached", 7},
      {1, "2026-09", "open_cases_by_phase", "preparation", 1},
  });
  ASSERT_EQ(published.size(), 4u);
  EXPECT_EQ(published[0].month, "2026-09");
  EXPECT_FALSE(published[0].count.has_value()) << "1 is suppressed";
  EXPECT_EQ(published[1].category, "outreach");
  EXPECT_EQ(published[1].count, 5) << "3 + 2 reaches the threshold";
  EXPECT_FALSE(published[2].count.has_value()) << "4 is suppressed";
  EXPECT_EQ(published[3].team_id, 2);
  EXPECT_EQ(published[3].count, 7);
}

}  // namespace
}  // namespace voordeur::domain
