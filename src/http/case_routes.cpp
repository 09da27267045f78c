#include "http/route_util.h"

namespace voordeur::http {

void add_case_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/cases", with_session(api, [&api](const Request& req, const PathParams&, const app::SessionInfo& s) {
               app::CaseQuery q;
               if (req.has_query_param("scope")) q.scope = req.query_param("scope");
               if (req.has_query_param("status")) q.status = req.query_param("status");
               q.phase = req.query_param("phase");
               if (req.has_query_param("sort")) q.sort = req.query_param("sort");
               q.order = req.query_param("order");
               if (req.has_query_param("review_due")) {
                 const auto due = req.query_param("review_due");
                 if (due != "true" && due != "false") {
                   return error_response(
                       domain::validation_error({{"review_due", "unknown_value", "Choose true or false."}}));
                 }
                 q.review_due = due == "true";
               }
               auto paging = read_paging(req);
               if (!paging) return error_response(paging.error());
               q.limit = paging->limit;
               q.offset = paging->offset;
               const std::string stuck = req.query_param("stuck");
               if (stuck == "true") return list_stuck_cases(api, s, q);
               if (!stuck.empty() && stuck != "false") {
                 return error_response(domain::validation_error({{"stuck", "unknown_value", "Choose true or false."}}));
               }
               return reply(api.cases.list(s.actor, q), 200, [](JsonWriter& w, const store::CasePage& page) {
                 w.value(Items{page.items, page.total});
               });
             }));

  router.add("GET", "/api/v1/cases/{id}", with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               return reply(api.cases.get(s.actor, *id), 200);
             }),
             local_read(api));

  router.add("GET", "/api/v1/cases/{id}/contacts",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               return reply(api.cases.contacts(s.actor, *id), 200,
                            [](JsonWriter& w, const std::vector<domain::Contact>& v) { w.value(Items{v}); });
             }));

  router.add("POST", "/api/v1/cases/{id}/contacts",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_contact);
               if (!in) return error_response(in.error());
               return reply(api.cases.add_contact(s.actor, *id, in.value()), 201);
             }));

  router.add("POST", "/api/v1/cases/{id}/closure",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_closure);
               if (!in) return error_response(in.error());
               return reply(api.cases.close(s.actor, *id, in.value()), 200);
             }));

  router.add("POST", "/api/v1/cases/{id}/reopen",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, [](FieldReader& r) {
                 // phase: where the trajectory resumes; making_contact when absent.
                 auto phase = r.opt_text("phase");
                 return std::pair{r.text("reason"), phase.value_or("making_contact")};
               });
               if (!in) return error_response(in.error());
               return reply(api.cases.reopen(s.actor, *id, in->first, in->second), 200);
             }));
}

}  // namespace voordeur::http
