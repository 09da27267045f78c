// The printable consent form (seed 000 Bijlage 4) filled with a person's consents, as a PDF to
// print and sign. Rendered with libharu; text is in WinAnsi (Latin) encoding, so ë and é print.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/consent.h"
#include "domain/model.h"

namespace voordeur::app {

// The PDF bytes. `consents`: the ones to print (the caller passes those valid today); `today` is
// the printed date. Throws std::runtime_error when libharu fails.
std::string render_consent_form(const domain::Person& person, const std::vector<domain::Consent>& consents,
                                std::string_view today);

}  // namespace voordeur::app
