// Use cases for cases: lists, the case page, contact log, closure and reopening. Team scoping
// (another team's case is not_found), roles (forbidden), validation, one transaction each.
#pragma once

#include <string>
#include <vector>

#include "app/access_log.h"
#include "app/clock.h"
#include "domain/errors.h"
#include "domain/model.h"
#include "store/db.h"
#include "store/repository.h"

namespace voordeur::app {

struct CaseQuery {
  std::string scope = "team";  // mine | team
  std::string status = "open";  // open | closed | all
  std::string phase;  // one of vocab::case_phases; empty: all
  std::string sort = "days_since_contact";  // days_since_contact | next_attempt
  std::string order;  // asc | desc; empty: desc for days_since_contact, asc for next_attempt
  bool review_due = false;  // only open cases due for their monthly process review (domain/monitoring.h)
  int limit = 50;
  int offset = 0;
};

class CaseService {
 public:
  CaseService(store::Database& db, const Clock& clock, AccessLog& access_log)
      : db_(db), clock_(clock), access_log_(access_log) {}

  domain::Result<store::CasePage> list(const domain::Actor& a, const CaseQuery& q);
  domain::Result<domain::Case> get(const domain::Actor& a, domain::Id id);
  domain::Result<domain::Contact> add_contact(const domain::Actor& a, domain::Id case_id,
                                              const domain::ContactFields& in);
  domain::Result<std::vector<domain::Contact>> contacts(const domain::Actor& a, domain::Id case_id);
  domain::Result<domain::Case> close(const domain::Actor& a, domain::Id case_id, const domain::ClosureInput& in);
  // Reopens into `phase` (validated; the trajectory refuses closed).
  domain::Result<domain::Case> reopen(const domain::Actor& a, domain::Id case_id, const std::string& reason,
                                      const std::string& phase = "making_contact");
  // The trajectory (app/case_trajectory.cpp): a move by event, a handover, the timeline.
  domain::Result<domain::Case> transition(const domain::Actor& a, domain::Id case_id,
                                          const domain::TransitionInput& in);
  domain::Result<domain::Case> handover(const domain::Actor& a, domain::Id case_id, const domain::HandoverInput& in);
  // kinds: each of vocab::timeline_kinds (unknown_value otherwise); empty means all.
  domain::Result<std::vector<domain::TimelineItem>> timeline(const domain::Actor& a, domain::Id case_id,
                                                             const std::vector<std::string>& kinds);
  // Monitoring and process reviews (app/case_monitoring.cpp).
  domain::Result<domain::CheckIn> schedule_check_in(const domain::Actor& a, domain::Id case_id,
                                                    const domain::CheckInInput& in);
  domain::Result<domain::CheckIn> record_check_in_outcome(const domain::Actor& a, domain::Id case_id,
                                                          domain::Id check_in_id,
                                                          const domain::CheckInOutcomeInput& in);
  // Check-ins of the actor's teams planned before today without an outcome, earliest first.
  domain::Result<std::vector<store::OverdueCheckIn>> overdue_check_ins(const domain::Actor& a);
  domain::Result<domain::Review> add_review(const domain::Actor& a, domain::Id case_id, const domain::ReviewInput& in);

  // Households (app/case_households.cpp): another team's household or person is not_found.
  domain::Result<domain::Household> household(const domain::Actor& a, domain::Id household_id);
  // Adds an existing person of the team (moved out of their previous household) or a new person.
  domain::Result<domain::Household> add_household_member(const domain::Actor& a, domain::Id household_id,
                                                         const domain::HouseholdMemberInput& in);
  // The person leaves the household and becomes the adult of a new household of their own.
  domain::Result<domain::Household> remove_household_member(const domain::Actor& a, domain::Id household_id,
                                                            domain::Id person_id);
  // Whether the case concerns its person or their whole household (vocab::case_concerns).
  domain::Result<domain::Case> set_concerns(const domain::Actor& a, domain::Id case_id, const std::string& concerns);

 private:
  // Loads the case and fills days_since_last_contact; not_found when missing or out of scope.
  domain::Result<domain::Case> load(store::Connection& c, const domain::Actor& a, domain::Id id);
  // The open cases of `page` due for review today, paged by limit and offset (app/case_monitoring.cpp).
  store::CasePage due_for_review(store::Connection& c, store::CasePage page, const std::vector<domain::Id>& team_ids,
                                 int limit, int offset);

  store::Database& db_;
  const Clock& clock_;
  AccessLog& access_log_;
};

}  // namespace voordeur::app
