// Households of the case page: members with their roles, adding and removing members, and whether
// a case concerns its person or their whole household.
#include "app/case_errors.h"
#include "app/cases.h"
#include "app/tx.h"
#include "domain/rules.h"
#include "domain/validation.h"

namespace voordeur::app {
namespace {

domain::Error household_not_found() {
  return domain::make_error("not_found", "This household does not exist or belongs to another team.");
}

domain::Error not_allowed() {
  return domain::make_error("forbidden", "Only outreachers and team leads of this team can change this household.");
}

}  // namespace

domain::Result<domain::Household> CaseService::household(const domain::Actor& a, domain::Id household_id) {
  return in_read(db_, [&](store::Connection& c) -> domain::Result<domain::Household> {
    auto found = store::find_household(c, household_id);
    if (!found || !domain::can_see_team(a, found->team_id)) return household_not_found();
    for (const auto& m : found->members) {
      access_log_.enqueue(a, access::read, Access{"household", household_id, m.person_id, found->team_id});
    }
    return std::move(*found);
  });
}

domain::Result<domain::Household> CaseService::add_household_member(const domain::Actor& a,
                                                                    domain::Id household_id,
                                                                    const domain::HouseholdMemberInput& in) {
  const auto now = clock_.now();
  const auto today = clock_.local_today();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Household> {
    auto team = store::household_team(c, household_id);
    if (!team || !domain::can_see_team(a, *team)) return household_not_found();
    if (!domain::can_work_in_team(a, *team)) return not_allowed();
    if (auto errors = domain::validate_household_member(in, today); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    if (in.person_id) {
      auto person_team = store::person_team(c, *in.person_id);
      if (!person_team || *person_team != *team) {
        return domain::make_error("not_found", "This person does not exist or belongs to another team.");
      }
      store::set_household_member(c, household_id, *in.person_id, in.role);
      access_log_.record(c, a, access::change, Access{"household", household_id, *in.person_id, *team, "member added"});
    } else {
      domain::Person p;
      p.name = *in.name;
      p.date_of_birth = in.date_of_birth;
      p.address = store::find_household(c, household_id)->address;
      const domain::Id person = store::insert_person(c, *team, p, now, household_id, in.role);
      access_log_.record(c, a, access::create, Access{"household", household_id, person, *team, "member added"});
    }
    return *store::find_household(c, household_id);
  });
}

domain::Result<domain::Household> CaseService::remove_household_member(const domain::Actor& a,
                                                                       domain::Id household_id,
                                                                       domain::Id person_id) {
  const auto now = clock_.now();
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Household> {
    auto team = store::household_team(c, household_id);
    if (!team || !domain::can_see_team(a, *team)) return household_not_found();
    if (!domain::can_work_in_team(a, *team)) return not_allowed();
    if (store::person_household(c, person_id) != household_id) {
      return domain::make_error("not_found", "This person is not a member of this household.");
    }
    const domain::Id own = store::insert_household(c, *team, "", now);
    store::set_household_member(c, own, person_id, "adult");
    access_log_.record(c, a, access::change, Access{"household", household_id, person_id, *team, "member removed"});
    return *store::find_household(c, household_id);
  });
}

domain::Result<domain::Case> CaseService::set_concerns(const domain::Actor& a, domain::Id case_id,
                                                       const std::string& concerns) {
  return in_transaction(db_, [&](store::Connection& c) -> domain::Result<domain::Case> {
    auto team = store::case_team(c, case_id);
    if (!team || !domain::can_see_team(a, *team)) return case_not_found();
    if (!domain::can_work_in_team(a, *team)) return case_not_allowed();
    if (auto errors = domain::validate_case_concerns(concerns); !errors.empty()) {
      return domain::validation_error(std::move(errors));
    }
    auto k = load(c, a, case_id);
    if (!k) return k;
    store::set_case_household(c, case_id,
                              concerns == "household" && k->household ? std::optional{k->household->id} : std::nullopt);
    access_log_.record_case(c, a, access::change, case_id, "case", std::nullopt, "concerns=" + concerns);
    return load(c, a, case_id);
  });
}

}  // namespace voordeur::app
