#include "app/scan_files.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "app/encryption.h"

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

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write a scan file");
  }
  std::error_code ec;
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

std::string ScanFiles::write(const std::string& bytes) const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) throw std::runtime_error("cannot create the scan directory");
  std::filesystem::permissions(dir_, std::filesystem::perms::owner_all, ec);
  const std::string name = random_name();
  write_file(dir_ / name, store::installed_key_ring() ? seal_file_bytes(bytes) : bytes);
  return name;
}

std::optional<std::string> ScanFiles::read(const std::string& name) const {
  if (!is_stored_name(name)) return std::nullopt;
  auto stored = read_file(dir_ / name);
  if (!stored) return std::nullopt;
  return store::KeyRing::is_sealed_bytes(*stored) ? open_file_bytes(*stored) : *stored;
}

void ScanFiles::remove(const std::string& name) const {
  if (!is_stored_name(name)) return;
  std::error_code ec;
  std::filesystem::remove(dir_ / name, ec);
}

int ScanFiles::sweep(const std::vector<std::string>& keep, std::chrono::seconds min_age) const {
  int count = 0;
  std::error_code ec;
  const auto cutoff = std::filesystem::file_time_type::clock::now() - min_age;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (!is_stored_name(name) || std::find(keep.begin(), keep.end(), name) != keep.end()) continue;
    if (entry.last_write_time(ec) > cutoff || ec) continue;
    remove(name);
    ++count;
  }
  return count;
}

int ScanFiles::reseal(const store::KeyRing& ring) const {
  int count = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (!is_stored_name(name)) continue;
    const auto stored = read_file(entry.path());
    if (!stored) throw std::runtime_error("cannot read the scan file " + name);
    const std::string plain = store::KeyRing::is_sealed_bytes(*stored) ? ring.open_bytes(*stored) : *stored;
    const auto temporary = dir_ / (name + ".new");
    write_file(temporary, ring.seal_bytes(plain));
    std::filesystem::rename(temporary, entry.path());
    ++count;
  }
  return count;
}

int ScanFiles::copy_to(const std::filesystem::path& target) const {
  std::filesystem::create_directories(target);
  int copied = 0;
  if (!std::filesystem::exists(dir_)) return copied;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    if (!entry.is_regular_file() || !is_stored_name(entry.path().filename().string())) continue;
    std::error_code error;
    std::filesystem::copy_file(entry.path(), target / entry.path().filename(), error);
    if (error) throw std::runtime_error("cannot copy a scan file: " + error.message());
    ++copied;
  }
  return copied;
}

}  // namespace voordeur::app
