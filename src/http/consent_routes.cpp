// Consent registry, consent stance and information exchange log of a person (docs/api.md,
// "Consent and information exchange").
#include "http/route_util.h"

namespace voordeur::http {
namespace {

domain::ConsentInput read_consent(FieldReader& r) {
  domain::ConsentInput v;
  v.recipient_category = r.text("recipient_category");
  v.organisation = r.text("organisation");
  v.scope = r.text("scope");
  v.topics = r.text_list("topics");
  v.channels = r.text_list("channels");
  v.given_on = r.text("given_on");
  v.ends_on = r.opt_text("ends_on");
  return v;
}

domain::ExchangeInput read_exchange(FieldReader& r) {
  domain::ExchangeInput v;
  v.occurred_on = r.text("occurred_on");
  v.direction = r.text("direction");
  v.channel = r.text("channel");
  v.organisation_category = r.text("organisation_category");
  v.organisation = r.text("organisation");
  v.contact_person = r.text("contact_person");
  v.topics = r.text_list("topics");
  if (r.has("basis")) v.basis = r.text("basis");
  v.justification = r.text("justification");
  v.peer_consulted = r.text("peer_consulted");
  return v;
}

domain::ConsentStanceInput read_stance(FieldReader& r) {
  domain::ConsentStanceInput v;
  v.stance = r.text("stance");
  v.noted_on = r.text("noted_on");
  v.note = r.text("note");
  return v;
}

}  // namespace

void add_consent_routes(Router& router, Api& api) {
  router.add("GET", "/api/v1/persons/{id}/consents",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               return reply(api.consents.overview(s.actor, *id), 200);
             }));

  router.add("POST", "/api/v1/persons/{id}/consents",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_consent);
               if (!in) return error_response(in.error());
               return reply(api.consents.record(s.actor, *id, in.value()), 201);
             }));

  router.add("POST", "/api/v1/consents/{id}/withdrawal",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, [](FieldReader& r) { return r.text("withdrawn_on"); });
               if (!in) return error_response(in.error());
               return reply(api.consents.withdraw(s.actor, *id, in.value()), 200);
             }));

  router.add("POST", "/api/v1/persons/{id}/consent-stance",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_stance);
               if (!in) return error_response(in.error());
               return reply(api.consents.record_stance(s.actor, *id, in.value()), 201);
             }));

  router.add("GET", "/api/v1/persons/{id}/consent-form.pdf",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto pdf = api.consents.consent_form(s.actor, *id);
               if (!pdf) return error_response(pdf.error());
               Response res;
               res.content_type = "application/pdf";
               res.body = std::move(pdf.value());
               res.headers.emplace_back("Content-Disposition", "inline; filename=\"toestemmingsformulier.pdf\"");
               return res;
             }));

  // The body is the file itself (any Content-Type; the first bytes decide), up to 10 MiB.
  router.add(
      "POST", "/api/v1/consents/{id}/scan",
      with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
        auto id = path_id(p);
        if (!id) return error_response(unknown_id());
        return reply(api.consents.upload_scan(s.actor, *id, req.body), 201);
      }),
      RouteOptions{.body_limit = domain::kScanMaxBytes});

  router.add("GET", "/api/v1/consents/{id}/scan",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto scan = api.consents.scan(s.actor, *id);
               if (!scan) return error_response(scan.error());
               Response res;
               res.content_type = scan->media_type;
               res.body = std::move(scan->bytes);
               res.headers.emplace_back("Content-Disposition", "attachment");
               return res;
             }));

  router.add("GET", "/api/v1/persons/{id}/exchanges",
             with_session(api, [&api](const Request&, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               return reply(api.consents.exchanges(s.actor, *id), 200,
                            [](JsonWriter& w, const std::vector<domain::Exchange>& xs) { w.value(Items{xs}); });
             }));

  router.add("POST", "/api/v1/persons/{id}/exchanges",
             with_session(api, [&api](const Request& req, const PathParams& p, const app::SessionInfo& s) {
               auto id = path_id(p);
               if (!id) return error_response(unknown_id());
               auto in = read_input(req, read_exchange);
               if (!in) return error_response(in.error());
               return reply(api.consents.log_exchange(s.actor, *id, in.value()), 201);
             }));
}

}  // namespace voordeur::http
