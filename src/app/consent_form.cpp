#include "app/consent_form.h"

#include <hpdf.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace voordeur::app {
namespace {

// UTF-8 to Windows-1252 (WinAnsiEncoding): Latin-1 maps one to one; the few other characters of
// 1252 used in Dutch text are mapped; anything else becomes '?'.
std::string to_win_ansi(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0) {
      len = 2;
      cp = c & 0x1F;
    }
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) out += static_cast<char>(cp);
    else if (cp == 0x20AC) out += '\x80';
    else if (cp == 0x2018 || cp == 0x2019) out += '\'';
    else if (cp == 0x201C || cp == 0x201D) out += '"';
    else if (cp == 0x2013 || cp == 0x2014) out += '-';
    else if (cp == 0x2026) out += "...";
    else out += '?';
  }
  return out;
}

// The Dutch labels of the form, in the order of Bijlage 4.
const char* recipient_label(const std::string& category) {
  static const std::vector<std::pair<std::string_view, const char*>> labels = {
      {"general_practitioner", "Huisarts"},
      {"mental_health_care", "GGZ"},
      {"hospital_specialist", "Specialist ziekenhuis"},
      {"other_health_care", "Overige voorzieningen gezondheidszorg"},
      {"social_services", "Sociale zaken / gemeente"},
      {"benefits_agency", "Uitkeringsinstantie (UWV)"},
      {"bank", "Bank"},
      {"financial_administrator", "Bewindvoerderskantoor"},
      {"other_benefit_bodies", "Overige uitkerende instanties"},
      {"youth_care", "Jeugdzorg"},
      {"housing_corporation", "Woningcorporatie"},
      {"addiction_care", "Verslavingszorg"},
      {"other", "Overige instanties"},
  };
  for (const auto& [key, text] : labels)
    if (key == category) return text;
  return "Overige instanties";
}

std::string topic_label(const std::string& topic) {
  static const std::vector<std::pair<std::string_view, const char*>> labels = {
      {"finances", "financiën"},       {"housing", "huisvesting"},
      {"addiction", "verslaving"},     {"health", "gezondheid"},
      {"psychiatry", "psychiatrie"},   {"loneliness", "eenzaamheid"},
      {"daytime_activity", "dagbesteding"}, {"self_care", "zelfzorg"},
      {"crime", "criminaliteit"},      {"parenting", "opvoeding"},
      {"prostitution", "prostitutie"}, {"nuisance", "overlast"},
      {"aggressive_behaviour", "agressief gedrag"}, {"relationship_problems", "relatieproblemen"},
      {"squalor", "vervuiling"},       {"other", "overig"},
  };
  for (const auto& [key, text] : labels)
    if (key == topic) return text;
  return topic;
}

std::string channel_label(const std::string& channel) {
  if (channel == "oral") return "mondeling";
  if (channel == "phone") return "telefonisch";
  return "elektronisch";
}

std::string joined(const std::vector<std::string>& items, std::string (*label)(const std::string&)) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + label(item);
  return out;
}

// "dd-mm-jjjj" from "YYYY-MM-DD".
std::string dutch_date(std::string_view iso) {
  if (iso.size() != 10) return std::string(iso);
  return std::string(iso.substr(8, 2)) + "-" + std::string(iso.substr(5, 2)) + "-" + std::string(iso.substr(0, 4));
}

// libharu reports errors through this callback; an exception must not unwind through C code, so it
// only records the failure, which render_consent_form checks at the end.
void on_error(HPDF_STATUS, HPDF_STATUS, void* failed) { *static_cast<bool*>(failed) = true; }

class Writer {
 public:
  explicit Writer(HPDF_Doc doc) : doc_(doc) {
    regular_ = HPDF_GetFont(doc, "Helvetica", "WinAnsiEncoding");
    bold_ = HPDF_GetFont(doc, "Helvetica-Bold", "WinAnsiEncoding");
    new_page();
  }

  // One paragraph, wrapped to the page width.
  void line(std::string_view utf8, bool bold = false, float size = 11) {
    const std::string text = to_win_ansi(utf8);
    HPDF_Font font = bold ? bold_ : regular_;
    std::size_t start = 0;
    do {
      if (y_ < kMargin + size) new_page();
      HPDF_Page_SetFontAndSize(page_, font, size);
      const HPDF_UINT fits = HPDF_Page_MeasureText(page_, text.c_str() + start, kWidth, HPDF_TRUE, nullptr);
      std::size_t count = fits > 0 ? fits : text.size() - start;
      const std::string part = text.substr(start, count);
      HPDF_Page_BeginText(page_);
      HPDF_Page_TextOut(page_, kMargin, y_, part.c_str());
      HPDF_Page_EndText(page_);
      y_ -= size * 1.45f;
      start += count;
      while (start < text.size() && text[start] == ' ') ++start;
    } while (start < text.size());
  }

  void gap(float points = 8) { y_ -= points; }

 private:
  static constexpr float kMargin = 56;
  static constexpr float kWidth = 595 - 2 * kMargin;

  void new_page() {
    page_ = HPDF_AddPage(doc_);
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    y_ = HPDF_Page_GetHeight(page_) - kMargin;
  }

  HPDF_Doc doc_;
  HPDF_Page page_ = nullptr;
  HPDF_Font regular_;
  HPDF_Font bold_;
  float y_ = 0;
};

}  // namespace

std::string render_consent_form(const domain::Person& person, const std::vector<domain::Consent>& consents,
                                std::string_view today) {
  bool failed = false;
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> doc(HPDF_New(on_error, &failed), &HPDF_Free);
  if (!doc) throw std::runtime_error("libharu could not create a document");
  // Uncompressed, so the form's text stays searchable (and testable) in the file.
  HPDF_SetCompressionMode(doc.get(), HPDF_COMP_NONE);
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_TITLE, "Toestemmingsformulier");

  Writer w(doc.get());
  w.line("Toestemmingsformulier voor de cliënt", true, 16);
  w.gap();
  w.line("Bij deze verleen ik: " + person.name);
  w.line("Geboren op: " + (person.date_of_birth ? dutch_date(*person.date_of_birth) : std::string("..................")) +
         "    wonende te: " + (person.address.empty() ? std::string("..................") : person.address));
  w.line("toestemming voor het opvragen en geven van informatie ten behoeve van het behartigen van mijn belangen, "
         "aan de outreachend hulpverlener of diens vervanger.");
  w.gap();
  w.line("Met de volgende instanties mag informatie uitgewisseld worden:", true);
  if (consents.empty()) w.line("(nog geen instanties gekozen)");
  for (const auto& k : consents) {
    std::string text = std::string("[x] ") + recipient_label(k.recipient_category);
    if (!k.organisation.empty()) text += " (" + k.organisation + ")";
    text += k.scope == "full" ? ": volledig" : ": gedeeltelijk, t.w. " + joined(k.topics, topic_label);
    w.line(text);
    std::string detail = "     De informatie mag " + joined(k.channels, channel_label) + " uitgewisseld worden";
    detail += k.ends_on ? ", tot en met " + dutch_date(*k.ends_on) + "." : ".";
    w.line(detail);
  }
  w.gap(16);
  w.line("Datum en plaats: " + dutch_date(today) + ", ..............................");
  w.gap(24);
  w.line("Handtekening cliënt                                   Handtekening hulpverlener");
  w.gap(36);
  w.line("..............................................        ..............................................");

  if (HPDF_SaveToStream(doc.get()) != HPDF_OK || failed) throw std::runtime_error("libharu could not save the consent form");
  HPDF_ResetStream(doc.get());
  std::string out;
  HPDF_BYTE buffer[4096];
  for (;;) {
    HPDF_UINT32 size = sizeof buffer;
    const HPDF_STATUS status = HPDF_ReadFromStream(doc.get(), buffer, &size);
    out.append(reinterpret_cast<const char*>(buffer), size);
    if (status != HPDF_OK || size == 0) break;
  }
  if (failed) throw std::runtime_error("libharu failed to render the consent form");
  return out;
}

}  // namespace voordeur::app
