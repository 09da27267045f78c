// The subject-access export: every section of the table is in the JSON (the access log with who,
// their role and what they did, without the hash chain), and the PDF is a whole document also for
// text outside plain ASCII, with Dutch labels for codes. All people are fictional.
#include <gtest/gtest.h>

#include <algorithm>

#include "http/subject_export.h"

namespace voordeur::http {
namespace {

app::SubjectExport sample() {
  app::SubjectExport e;
  e.generated_at = 1'795'000'000;
  e.generated_by = domain::UserRef{7, "Priva Cy"};
  e.person.id = 3;
  e.person.name = "Zoë Voorbeëld – “test” € 漢";
  e.person.address = std::string(400, 'a') + " Straße 1";
  e.team = domain::TeamRef{1, "Team Noord"};
  e.household = app::SubjectExport::HouseholdPart{4, "Straße 1", "adult", 2};
  domain::Signal s;
  s.id = 5;
  s.decisions.push_back(domain::Decision{});
  e.signals.push_back(s);
  store::AccessLogEntryView read;
  read.row.id = 11;
  read.row.entry = store::AccessLogInput{1'795'000'100, 8, "team:1", 3, "case", 6, "read", "timeline",
                                         "Crisis at night; the team is unreachable"};
  read.row.prev_hash = "aa";
  read.row.hash = "bb";
  read.user_display_name = "Outreacher Voorbeëld";
  read.user_role = "outreacher";
  e.access_log.push_back(read);
  return e;
}

TEST(SubjectExport, TheJsonHasEverySection) {
  const json j = to_json(sample());
  for (const char* key : {"export", "person", "household", "signals", "cases", "consents", "exchanges", "access_log"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j.at("person").at("name"), "Zoë Voorbeëld – “test” € 漢");
  EXPECT_EQ(j.at("person").at("team").at("name"), "Team Noord");
  EXPECT_EQ(j.at("household").at("member_count"), 2);
  EXPECT_EQ(j.at("signals").size(), 1u);
  EXPECT_TRUE(j.at("cases").empty());
  EXPECT_EQ(j.at("export").at("generated_at"), "2026-11-18T11:06:40Z");
  EXPECT_EQ(j.at("access_log"),
            json::parse(R"([{"id": 11, "at": "2026-11-18T11:08:20Z",
                             "user": {"id": 8, "display_name": "Outreacher Voorbeëld", "role": "outreacher"},
                             "action": "read", "record_type": "case", "record_id": 6, "detail": "timeline",
                             "on_behalf_of": "team:1",
                             "break_glass_reason": "Crisis at night; the team is unreachable"}])"));

  app::SubjectExport alone = sample();
  alone.household.reset();
  EXPECT_TRUE(to_json(alone).at("household").is_null());
}

TEST(SubjectExport, ThePdfIsAWholeDocumentForAnyText) {
  const std::string pdf = subject_export_pdf(sample());
  ASSERT_GT(pdf.size(), 500u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("%%EOF", pdf.size() - 16), std::string::npos);
}

bool has_line(const std::vector<ExportLine>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(), [&](const ExportLine& l) { return l.text == text; });
}

TEST(SubjectExport, ThePdfShowsCodesByTheirDutchLabels) {
  app::SubjectExport e = sample();
  domain::Case k;
  k.id = 6;
  k.status = "closed";
  domain::Contact visit;
  visit.channel = "home_visit";
  visit.outcome = "not_at_home";
  k.contacts.push_back(visit);
  domain::CaseEvent closed;
  closed.kind = "closed";
  closed.reason = "client_declines";
  domain::CaseEvent reopened;
  reopened.kind = "reopened";
  reopened.reason = "other";
  k.events = {closed, reopened};
  e.cases.push_back(k);

  const auto lines = subject_export_lines(e);
  EXPECT_TRUE(has_line(lines, "Kanaal: Huisbezoek"));
  EXPECT_TRUE(has_line(lines, "Resultaat: Niet thuis"));
  EXPECT_TRUE(has_line(lines, "Status: Gesloten"));
  EXPECT_TRUE(has_line(lines, "Soort: Gesloten"));
  // A closed case's event reason is a closure reason; a reopening's reason is the worker's own words.
  EXPECT_TRUE(has_line(lines, "Reden: Cliënt weigert hulp"));
  EXPECT_TRUE(has_line(lines, "Reden: other"));
  EXPECT_TRUE(has_line(lines, "Rol: Volwassene"));
  EXPECT_TRUE(has_line(lines, "Handeling: bekeken"));
  EXPECT_TRUE(has_line(lines, "Soort gegeven: Casus"));
  EXPECT_TRUE(has_line(lines, "Rol: Outreachend werker"));
  EXPECT_FALSE(has_line(lines, "Kanaal: home_visit"));
}

TEST(SubjectExport, EveryCodeOfTheServerHasADutchLabel) {
  for (const auto& e : export_enumerations()) {
    if (e.codes == nullptr) continue;
    for (const auto code : *e.codes) EXPECT_TRUE(export_value_label(e.name, code)) << e.name << "." << code;
  }
  for (const char* kind : {"opened", "closed", "reopened"}) EXPECT_TRUE(export_value_label("event", kind)) << kind;
  for (const char* action : {"read", "create", "change", "delete", "export", "print", "search"}) {
    EXPECT_TRUE(export_value_label("accessAction", action)) << action;
  }
  EXPECT_EQ(export_value_label("recordType", "person"), "Persoon");
  EXPECT_FALSE(export_value_label("channel", "no_such_channel"));
}

}  // namespace
}  // namespace voordeur::http
