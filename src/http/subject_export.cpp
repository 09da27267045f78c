#include "http/subject_export.h"

#include <hpdf.h>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "domain/dates.h"
#include "domain/vocabulary.h"
#include "store/access_log_repository.h"

namespace voordeur::http {

// web/src/i18n/enum-labels.nl.json, embedded by src/http/CMakeLists.txt.
std::string_view enum_labels_nl();

namespace {

// ---- JSON: one entry per section, in the order of the document.

// An access-log row as the person sees it: who (name and role), when, what was done to which record,
// on whose behalf and with which emergency-access reason; not the row's place in the hash chain.
void write_access(JsonWriter& w, const store::AccessLogEntryView& v) {
  const auto& e = v.row.entry;
  w.begin_object();
  w.field("id", v.row.id);
  w.field("at", domain::format_timestamp(e.at));
  w.key("user");
  w.begin_object();
  w.field("id", e.user_id);
  w.field("display_name", v.user_display_name);
  w.field("role", v.user_role);
  w.end_object();
  w.field("action", e.action);
  w.field("record_type", e.record_type);
  w.field("record_id", e.record_id);
  w.field("detail", e.detail);
  w.field("on_behalf_of", e.on_behalf_of);
  w.field("break_glass_reason", e.break_glass_reason);
  w.end_object();
}

struct Section {
  const char* key;
  void (*write)(JsonWriter&, const app::SubjectExport&);
};

const std::array kSections = {
    Section{"person",
            [](JsonWriter& w, const app::SubjectExport& e) {
              w.begin_object();
              write_person_fields(w, e.person);
              w.field("team", e.team);
              w.end_object();
            }},
    Section{"household",
            [](JsonWriter& w, const app::SubjectExport& e) {
              if (!e.household) {
                w.null();
                return;
              }
              w.begin_object();
              w.field("id", e.household->id);
              w.field("address", e.household->address);
              w.field("role", e.household->role);
              w.field("member_count", e.household->member_count);
              w.end_object();
            }},
    Section{"signals", [](JsonWriter& w, const app::SubjectExport& e) { w.value(e.signals); }},
    Section{"cases", [](JsonWriter& w, const app::SubjectExport& e) { w.value(e.cases); }},
    Section{"consents", [](JsonWriter& w, const app::SubjectExport& e) { w.value(e.consents); }},
    Section{"exchanges", [](JsonWriter& w, const app::SubjectExport& e) { w.value(e.exchanges); }},
    Section{"access_log",
            [](JsonWriter& w, const app::SubjectExport& e) {
              w.begin_array();
              for (const auto& v : e.access_log) write_access(w, v);
              w.end_array();
            }},
};

// ---- PDF
// Dutch labels of the JSON keys; a key without one is shown with its underscores as spaces.
const std::map<std::string_view, std::string_view>& labels() {
  static const std::map<std::string_view, std::string_view> table = {
      {"export", "Over dit overzicht"}, {"generated_at", "Gemaakt op"}, {"generated_by", "Gemaakt door"},
      {"legal_basis", "Grondslag"}, {"person", "Persoon"}, {"household", "Huishouden"}, {"signals", "Signalen"},
      {"cases", "Casussen"}, {"id", "Nummer"}, {"name", "Naam"}, {"address", "Adres"}, {"phone", "Telefoon"},
      {"date_of_birth", "Geboortedatum"}, {"sex", "Geslacht"}, {"team", "Team"}, {"role", "Rol"},
      {"member_count", "Aantal leden"}, {"status", "Status"}, {"phase", "Fase"}, {"intake_date", "Datum melding"},
      {"reporter", "Melder"}, {"kind", "Soort"}, {"relation", "Relatie"}, {"organisation", "Organisatie"},
      {"function", "Functie"}, {"direct_reason", "Directe aanleiding"}, {"direct_reason_other", "Andere aanleiding"},
      {"problem_areas", "Leefgebieden"}, {"problem_areas_other", "Andere leefgebieden"},
      {"tried_and_result", "Geprobeerd en resultaat"}, {"what_would_help", "Wat zou helpen"},
      {"others_in_contact", "Anderen in contact"}, {"whereabouts", "Verblijfplaats"},
      {"person_aware", "Persoon op de hoogte"}, {"decisions", "Besluiten"}, {"decision", "Besluit"},
      {"reason", "Reden"}, {"decided_at", "Besloten op"}, {"decided_by", "Besloten door"},
      {"indications", "Indicaties"}, {"contra_indications", "Contra-indicaties"}, {"feedback", "Terugkoppeling"},
      {"opened_at", "Geopend op"}, {"closed_at", "Gesloten op"}, {"closed_by", "Gesloten door"},
      {"closure", "Afsluiting"}, {"note", "Notitie"}, {"notes", "Notities"}, {"contacts", "Contacten"},
      {"occurred_at", "Datum en tijd"}, {"channel", "Kanaal"}, {"with_whom", "Met wie"}, {"outcome", "Resultaat"},
      {"next_attempt_date", "Volgende poging"}, {"created_at", "Vastgelegd op"}, {"created_by", "Vastgelegd door"},
      {"events", "Gebeurtenissen"}, {"actor", "Door"}, {"at", "Op"}, {"assignment_history", "Toewijzingen"},
      {"assigned_workers", "Outreachers"}, {"assigned_at", "Toegewezen op"}, {"unassigned_at", "Tot"},
      {"handed_over_from", "Overgedragen van"}, {"preparation", "Voorbereiding"}, {"strategy", "Aanpak"},
      {"companion", "Begeleider"}, {"companion_name", "Naam begeleider"}, {"prior_info", "Voorinformatie"},
      {"source", "Bron"}, {"content", "Inhoud"}, {"check_ins", "Nazorgmomenten"}, {"planned_on", "Gepland op"},
      {"done_on", "Gedaan op"}, {"worker", "Outreacher"}, {"reviews", "Procesbesprekingen"},
      {"held_on", "Gehouden op"}, {"attendees", "Aanwezigen"}, {"display_name", "Naam"},
      {"contact_count", "Aantal contacten"}, {"last_contact_at", "Laatste contact"}, {"concerns", "Betreft"},
      {"taken_by", "Aangenomen door"}, {"updated_at", "Bijgewerkt op"}, {"updated_by", "Bijgewerkt door"},
      {"allowed_events", "Mogelijke stappen"}, {"cadence_days", "Dagen tussen pogingen"},
      {"case_id", "Casusnummer"}, {"contact_initiative", "Initiatief tot contact"},
      {"contact_nature", "Aard van het contact"}, {"contra_indication_note", "Toelichting contra-indicaties"},
      {"days_since_last_contact", "Dagen sinds laatste contact"}, {"days_to_first_contact", "Dagen tot eerste contact"},
      {"due_on", "Uiterlijk op"}, {"feedback_date", "Datum terugkoppeling"}, {"follow_up_agreed", "Afspraak over vervolg"},
      {"given_on", "Gegeven op"}, {"introduction_note", "Toelichting introductie"}, {"known_since", "Bekend sinds"},
      {"latest_decision", "Laatste besluit"}, {"may_contact_reporter", "Melder mag benaderd worden"},
      {"person_name", "Naam"}, {"relation_to_person", "Relatie tot de persoon"},
      {"reporter_can_introduce", "Melder kan introduceren"}, {"team_id", "Teamnummer"}, {"told", "Verteld"},
      {"user", "Medewerker"}, {"worker_gender_preference", "Voorkeur geslacht outreacher"},
      {"suggest_reopen", "Heropenen voorgesteld"}, {"ref_id", "Verwijzing"},
      {"consents", "Toestemmingen"}, {"exchanges", "Informatie-uitwisseling"},
      {"recipient_category", "Ontvanger"}, {"scope", "Reikwijdte"}, {"topics", "Onderwerpen"},
      {"channels", "Kanalen"}, {"ends_on", "Geldig tot"}, {"withdrawn_on", "Ingetrokken op"},
      {"withdrawn_by", "Ingetrokken door"}, {"scan", "Ondertekend formulier"}, {"recorded_at", "Vastgelegd op"},
      {"recorded_by", "Vastgelegd door"}, {"occurred_on", "Datum"}, {"direction", "Richting"},
      {"organisation_category", "Soort organisatie"}, {"contact_person", "Contactpersoon"}, {"basis", "Grondslag"},
      {"consent_id", "Toestemming"}, {"justification", "Onderbouwing"}, {"peer_consulted", "Geraadpleegde collega"},
      {"person_id", "Persoonsnummer"}, {"access_log", "Toegang tot uw gegevens"}, {"action", "Handeling"},
      {"record_type", "Soort gegeven"}, {"record_id", "Nummer gegeven"}, {"detail", "Toelichting"},
      {"on_behalf_of", "Namens"}, {"break_glass_reason", "Reden noodtoegang"},
  };
  return table;
}

std::string label(const std::string& key) {
  const auto it = labels().find(key);
  if (it != labels().end()) return std::string(it->second);
  std::string out = key;
  for (char& ch : out)
    if (ch == '_') ch = ' ';
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// The web app's Dutch labels of enumeration values ("channel.home_visit": "Huisbezoek").
const std::map<std::string, std::string, std::less<>>& value_labels() {
  static const auto table = [] {
    const json labels = json::parse(enum_labels_nl());
    std::map<std::string, std::string, std::less<>> out;
    for (const auto& [key, text] : labels.items()) out.emplace(key, text.get<std::string>());
    return out;
  }();
  return table;
}

}  // namespace

const std::vector<ExportEnumeration>& export_enumerations() {
  namespace v = domain::vocab;
  static const std::vector<ExportEnumeration> table = {
      {"person/sex", "sex", &v::sexes},
      {"household/role", "householdRole", &v::household_roles},
      {"members/role", "householdRole", &v::household_roles},
      {"reporter/kind", "reporterKind", &v::reporter_kinds},
      {"signals/status", "signalStatus", &v::signal_statuses},
      {"signals/direct_reason", "directReason", &v::direct_reasons},
      {"signals/problem_areas", "problemArea", &v::problem_areas},
      {"signals/person_aware", "yesNoUnknown", &v::person_aware},
      {"signals/reporter_can_introduce", "yesNoUnknown", &v::reporter_can_introduce},
      {"signals/worker_gender_preference", "genderPreference", &v::worker_gender_preferences},
      {"signals/latest_decision", "decision", &v::decisions},
      {"decisions/decision", "decision", &v::decisions},
      {"decision/decision", "decision", &v::decisions},
      {"indications", "indication", &v::indications},
      {"contra_indications", "contraIndication", &v::contra_indications},
      {"cases/status", "caseStatus", &v::case_statuses},
      {"cases/phase", "phase", &v::case_phases},
      {"cases/allowed_events", "transitionEvent", &v::transition_events},
      {"closure/reason", "closureReason", &v::closure_reasons},
      {"events/kind", "event", nullptr},
      {"contacts/channel", "channel", &v::contact_channels},
      {"contacts/outcome", "outcome", &v::contact_outcomes},
      {"preparation/companion", "companion", &v::companions},
      {"check_ins/outcome", "checkInOutcome", &v::check_in_outcomes},
      {"reviews/decision", "reviewDecision", &v::review_decisions},
      {"consents/recipient_category", "consentRecipient", &v::consent_recipients},
      {"consents/scope", "consentScope", &v::consent_scopes},
      {"consents/topics", "problemArea", &v::problem_areas},
      {"consents/channels", "exchangeChannel", &v::exchange_channels},
      {"exchanges/direction", "exchangeDirection", &v::exchange_directions},
      {"exchanges/basis", "exchangeBasis", &v::exchange_bases},
      {"exchanges/channel", "exchangeChannel", &v::exchange_channels},
      {"exchanges/organisation_category", "consentRecipient", &v::consent_recipients},
      {"exchanges/topics", "problemArea", &v::problem_areas},
      {"access_log/action", "accessAction", nullptr},
      {"access_log/record_type", "recordType", nullptr},
      {"user/role", "role", &v::roles},
  };
  return table;
}

std::optional<std::string_view> export_value_label(std::string_view enumeration, std::string_view code) {
  const auto it = value_labels().find(std::string(enumeration) + "." + std::string(code));
  if (it == value_labels().end()) return std::nullopt;
  return it->second;
}

namespace {

// The enumeration whose codes the value under `key` of `object` holds, if any. `parent` is the key
// of the object (for an item of a list, the list's key). A closed case event's reason is a closure
// reason; other events' reasons are the worker's words.
std::optional<std::string_view> enumeration_of(std::string_view parent, std::string_view key, const json& object) {
  if (parent == "events" && key == "reason") {
    if (object.value("kind", "") == "closed") return "closureReason";
    return std::nullopt;
  }
  const std::string qualified = std::string(parent) + "/" + std::string(key);
  for (const auto& e : export_enumerations()) {
    if (e.key == qualified || e.key == key) return e.name;
  }
  return std::nullopt;
}

// UTF-8 to Windows-1252 (WinAnsiEncoding); characters outside it become '?'.
std::string to_win_ansi(std::string_view utf8) {
  static const std::map<char32_t, unsigned char> extra = {
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
      {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
      {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
      {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
      {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F}};
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > utf8.size()) {
      out += '?';
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? b : b & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += len;
    if (cp == '\n' || cp == '\r' || cp == '\t') {
      out += ' ';
    } else if (cp < 0x20) {
      continue;
    } else if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
      out += static_cast<char>(cp);
    } else if (const auto it = extra.find(cp); it != extra.end()) {
      out += static_cast<char>(it->second);
    } else {
      out += '?';
    }
  }
  return out;
}

[[noreturn]] void pdf_error_handler(HPDF_STATUS error, HPDF_STATUS detail, void*) {
  throw std::runtime_error("libharu error " + std::to_string(error) + "/" + std::to_string(detail));
}

// Writes lines top-down on A4 pages, starting a new page when one is full.
class PdfWriter {
 public:
  PdfWriter() : doc_(HPDF_New(pdf_error_handler, nullptr), HPDF_Free) {
    if (!doc_) throw std::runtime_error("libharu: cannot create a document");
    HPDF_SetCompressionMode(doc_.get(), HPDF_COMP_ALL);
    regular_ = HPDF_GetFont(doc_.get(), "Helvetica", "WinAnsiEncoding");
    bold_ = HPDF_GetFont(doc_.get(), "Helvetica-Bold", "WinAnsiEncoding");
    new_page();
  }

  void heading(const std::string& text, int depth) {
    const float size = depth == 0 ? 16.0F : depth == 1 ? 13.0F : 11.0F;
    space(depth == 0 ? 10.0F : 6.0F);
    line(bold_, size, indent(depth), to_win_ansi(text));
  }

  // A "label: value" line, wrapped at the page width.
  void field(const std::string& entry, int depth) {
    const std::string text = to_win_ansi(entry);
    const float left = indent(depth);
    const float width = kPageWidth - kMargin - left;
    std::string rest = text;
    while (!rest.empty()) {
      HPDF_REAL used = 0;
      HPDF_UINT fits = HPDF_Font_MeasureText(regular_, reinterpret_cast<const HPDF_BYTE*>(rest.data()),
                                             static_cast<HPDF_UINT>(rest.size()), width, kSize, 0, 0, HPDF_TRUE, &used);
      if (fits == 0) {
        fits = HPDF_Font_MeasureText(regular_, reinterpret_cast<const HPDF_BYTE*>(rest.data()),
                                     static_cast<HPDF_UINT>(rest.size()), width, kSize, 0, 0, HPDF_FALSE, &used);
      }
      if (fits == 0) fits = 1;
      line(regular_, kSize, left, rest.substr(0, fits));
      rest.erase(0, fits);
      while (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
    }
  }

  std::string bytes() {
    HPDF_SaveToStream(doc_.get());
    std::string out(HPDF_GetStreamSize(doc_.get()), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(doc_.get(), reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    out.resize(size);
    return out;
  }

 private:
  static constexpr float kPageWidth = 595.0F;
  static constexpr float kPageHeight = 842.0F;
  static constexpr float kMargin = 50.0F;
  static constexpr float kSize = 10.0F;

  static float indent(int depth) { return kMargin + 12.0F * static_cast<float>(depth > 0 ? depth - 1 : 0); }

  void new_page() {
    page_ = HPDF_AddPage(doc_.get());
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    y_ = kPageHeight - kMargin;
  }

  void space(float points) { y_ -= points; }

  void line(HPDF_Font font, float size, float x, const std::string& text) {
    if (y_ - size < kMargin) new_page();
    y_ -= size * 1.3F;
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, font, size);
    HPDF_Page_TextOut(page_, x, y_, text.c_str());
    HPDF_Page_EndText(page_);
  }

  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> doc_;
  HPDF_Font regular_ = nullptr;
  HPDF_Font bold_ = nullptr;
  HPDF_Page page_ = nullptr;
  float y_ = 0;
};

std::string scalar_text(const json& v, std::optional<std::string_view> enumeration) {
  if (v.is_string()) {
    const auto& code = v.get_ref<const std::string&>();
    if (enumeration) {
      if (const auto text = export_value_label(*enumeration, code)) return std::string(*text);
    }
    return code;
  }
  if (v.is_boolean()) return v.get<bool>() ? "ja" : "nee";
  if (v.is_null()) return "-";
  return v.dump();
}

bool is_scalar_list(const json& v) {
  for (const auto& item : v)
    if (item.is_object() || item.is_array()) return false;
  return true;
}

// Appends the lines of `v`, the value under `key` in `object`, shown as `name`. `parent` is the key
// `object` itself is under (for an item of a list, the list's key).
void add_lines(std::vector<ExportLine>& out, std::string_view parent, const std::string& key, const json& object,
               const std::string& name, const json& v, int depth) {
  if (v.is_object()) {
    out.push_back({depth, true, name});
    for (const auto& [k, item] : v.items()) add_lines(out, key, k, v, label(k), item, depth + 1);
  } else if (v.is_array() && (v.empty() || is_scalar_list(v))) {
    const auto enumeration = enumeration_of(parent, key, object);
    std::string joined;
    for (const auto& item : v) joined += (joined.empty() ? "" : ", ") + scalar_text(item, enumeration);
    out.push_back({depth, false, name + ": " + (v.empty() ? "(geen)" : joined)});
  } else if (v.is_array()) {
    out.push_back({depth, true, name + " (" + std::to_string(v.size()) + ")"});
    int n = 0;
    for (const auto& item : v) add_lines(out, key, key, object, name + " " + std::to_string(++n), item, depth + 1);
  } else {
    out.push_back({depth, false, name + ": " + scalar_text(v, enumeration_of(parent, key, object))});
  }
}

}  // namespace

void write(JsonWriter& w, const app::SubjectExport& e) {
  w.begin_object();
  w.key("export");
  w.begin_object();
  w.field("generated_at", domain::format_timestamp(e.generated_at));
  w.field("generated_by", e.generated_by);
  w.field("legal_basis", "AVG artikel 15 (recht op inzage)");
  w.end_object();
  for (const auto& s : kSections) {
    w.key(s.key);
    s.write(w, e);
  }
  w.end_object();
}

std::vector<ExportLine> subject_export_lines(const app::SubjectExport& e) {
  const json export_json = to_json(e);
  std::vector<ExportLine> out{{0, true, "Inzage in persoonsgegevens"}};
  // The sections in the order of the table (a JSON object iterates its keys alphabetically).
  std::vector<std::string> order{"export"};
  for (const auto& s : kSections) order.emplace_back(s.key);
  for (const auto& key : order)
    if (export_json.contains(key)) add_lines(out, "", key, export_json, label(key), export_json.at(key), 1);
  return out;
}

std::string subject_export_pdf(const app::SubjectExport& e) {
  PdfWriter pdf;
  for (const auto& line : subject_export_lines(e)) {
    if (line.heading) {
      pdf.heading(line.text, line.depth);
    } else {
      pdf.field(line.text, line.depth);
    }
  }
  return pdf.bytes();
}

}  // namespace voordeur::http
