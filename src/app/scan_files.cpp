#include "app/scan_files.h"

#include <sodium.h>

#include <array>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace voordeur::app {
namespace {

// 128 random bits as hex: unguessable and free of anything about the person.
std::string random_name() {
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, 33> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data()) + ".scan";
}

// A stored name is exactly what random_name() makes, so a name from the database can never point
// outside the directory.
bool is_stored_name(const std::string& name) {
  if (name.size() != 37 || !name.ends_with(".scan")) return false;
  for (std::size_t i = 0; i < 32; ++i) {
    const char c = name[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string ScanFiles::write(const std::string& bytes) const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) throw std::runtime_error("cannot create the scan directory");
  std::filesystem::permissions(dir_, std::filesystem::perms::owner_all, ec);
  const std::string name = random_name();
  const auto path = dir_ / name;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write a scan file");
  }
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  return name;
}

std::optional<std::string> ScanFiles::read(const std::string& name) const {
  if (!is_stored_name(name)) return std::nullopt;
  std::ifstream in(dir_ / name, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void ScanFiles::remove(const std::string& name) const {
  if (!is_stored_name(name)) return;
  std::error_code ec;
  std::filesystem::remove(dir_ / name, ec);
}

}  // namespace voordeur::app
