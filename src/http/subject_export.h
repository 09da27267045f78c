// The subject-access export (GDPR art. 15) of one person as JSON and as a readable PDF. The JSON
// has one key per section; the PDF is drawn from that JSON with Dutch labels for the keys and for the
// codes of enumerations, so a new section shows up in both by adding one entry to the section table
// in subject_export.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/retention.h"
#include "domain/vocabulary.h"
#include "http/json_io.h"

namespace voordeur::http {

void write(JsonWriter& w, const app::SubjectExport& e);

// One line of the PDF: a heading, or "label: value"; depth is its indentation.
struct ExportLine {
  int depth = 0;
  bool heading = false;
  std::string text;
};
std::vector<ExportLine> subject_export_lines(const app::SubjectExport& e);
// A PDF (A4, Helvetica in WinAnsi encoding, so ë and é print) of those lines.
std::string subject_export_pdf(const app::SubjectExport& e);

// A JSON key of the export whose values are codes ("contacts/channel": a key inside an item of
// `contacts`; "indications": that key anywhere), the web app's name of the enumeration
// ("channel"), and the server's list of its codes (none for lists only the server writes).
struct ExportEnumeration {
  std::string_view key;
  std::string_view name;
  const domain::vocab::List* codes;
};
const std::vector<ExportEnumeration>& export_enumerations();
// The Dutch label of a code of an enumeration (web/src/i18n/enum-labels.nl.json), if it has one.
std::optional<std::string_view> export_value_label(std::string_view enumeration, std::string_view code);

}  // namespace voordeur::http
