// The subject-access export (GDPR art. 15) of one person as JSON and as a readable PDF. The JSON
// has one key per section; the PDF is drawn from that JSON with Dutch labels, so a new section
// shows up in both by adding one entry to the section table in subject_export.cpp.
#pragma once

#include <string>

#include "app/retention.h"
#include "http/json_io.h"

namespace voordeur::http {

void write(JsonWriter& w, const app::SubjectExport& e);
// A PDF (A4, Helvetica in WinAnsi encoding, so ë and é print) of the export JSON.
std::string subject_export_pdf(const app::SubjectExport& e);

}  // namespace voordeur::http
