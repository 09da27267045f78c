// voordeur: the one binary. Sub-commands: serve, migrate, demo, audit verify, purge, rotate-key, backup.
// Configuration, lowest to highest precedence: defaults, the file given by --config (INI-style
// key = value), environment variables VOORDEUR_<OPTION> (e.g. VOORDEUR_PORT), command-line flags.
#include <boost/program_options.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "app/access_log.h"
#include "app/accounts.h"
#include "app/auth.h"
#include "app/backup.h"
#include "app/cases.h"
#include "app/clock.h"
#include "app/demo.h"
#include "app/encryption.h"
#include "app/log.h"
#include "app/retention.h"
#include "app/scan_files.h"
#include "app/signals.h"
#include "domain/vocabulary.h"
#include "http/api.h"
#include "http/server.h"
#include "store/db.h"

namespace po = boost::program_options;
using namespace voordeur;

namespace {

constexpr const char* kUsage =
    "Usage: voordeur <command> [options]\n"
    "Commands:\n"
    "  serve     run the web server (migrates the database first)\n"
    "  migrate   apply pending database migrations and exit\n"
    "  demo      migrate, then fill an empty database with demo teams, users, signals and cases\n"
    "  audit verify  check the access log's hash chain; prints the head (id and hash) to keep elsewhere,\n"
    "            or names the first bad row and exits 1\n"
    "  purge     migrate, then delete what is past its retention period (--dry-run: only count)\n"
    "  rotate-key  re-encrypt the sensitive columns with a new key and replace the key file (server stopped)\n"
    "  backup --to FOLDER  copy the SQLite database, the access-log spool and the consent scans into a new\n"
    "            folder, also while the server runs (not the key file: keep that apart)\n";

struct Settings {
  std::string database;
  std::string data_dir;
  std::string static_dir;
  std::string common_passwords;
  std::string address;
  int port = 8080;
  std::string log_level;
  std::string key_file;
  std::string require_2fa_roles;
  bool public_https = false;
  std::string timezone;
  int io_threads = 2;
  int worker_threads = 4;
  int access_log_flush_ms = 1000;
  std::string access_log_spool;
  std::string subcommand;
  std::string expect_head;
  std::string backup_to;
  bool dry_run = false;
  app::AppConfig app;
};

po::options_description option_table(Settings& s) {
  po::options_description o("Options");
  o.add_options()
      ("help,h", "show this help")
      ("config", po::value<std::string>(), "configuration file (key = value lines, keys as the long options)")
      ("database", po::value(&s.database),
       "database URL: sqlite:PATH (default <data-dir>/voordeur.db) or postgresql://user@host:port/db")
      ("data-dir", po::value(&s.data_dir)->default_value("data"), "directory for the SQLite database and other files")
      ("key-file", po::value(&s.key_file),
       "file holding the key that encrypts sensitive fields (default <data-dir>/voordeur.key; created with "
       "mode 0600 on the first start; keep it out of database backups)")
      ("require-2fa-roles", po::value(&s.require_2fa_roles)->default_value("admin,privacy_officer"),
       "comma-separated roles that must log in with a TOTP code (empty: none)")
      ("public-https", po::bool_switch(&s.public_https),
       "the public URL is https (TLS proxy in front): Secure cookies and Strict-Transport-Security")
      ("static-dir", po::value(&s.static_dir)->default_value("web/dist"), "directory of the built web app")
      ("common-passwords", po::value(&s.common_passwords)->default_value("/usr/share/john/password.lst"),
       "list of common passwords refused for users, one a line (Debian package john-data)")
      ("address", po::value(&s.address)->default_value("127.0.0.1"), "address to listen on")
      ("port", po::value(&s.port)->default_value(8080), "port to listen on (0: any free port)")
      ("log-level", po::value(&s.log_level)->default_value("info"), "debug, info, warn or error")
      ("timezone", po::value(&s.timezone)->default_value("Europe/Amsterdam"), "time zone for local dates")
      ("io-threads", po::value(&s.io_threads)->default_value(2), "network threads")
      ("worker-threads", po::value(&s.worker_threads)->default_value(4), "request handler threads")
      ("access-log-flush-ms", po::value(&s.access_log_flush_ms)->default_value(1000),
       "how often logged reads are written to the access-log spool (also at shutdown and before the log is read)")
      ("access-log-spool", po::value(&s.access_log_spool),
       "file where logged reads wait before they join the access log, about once a minute (default: next to a "
       "SQLite database as <file>-access-spool, <data-dir>/access-log-spool.db for PostgreSQL)")
      ("session-idle-seconds", po::value(&s.app.session_idle_seconds)->default_value(30 * 60),
       "a session ends after this long without requests")
      ("session-absolute-seconds", po::value(&s.app.session_absolute_seconds)->default_value(12 * 60 * 60),
       "a session ends this long after login")
      ("login-account-limit", po::value(&s.app.login_account_limit)->default_value(5),
       "failed logins per account within the window before login is refused")
      ("login-address-limit", po::value(&s.app.login_address_limit)->default_value(20),
       "failed logins per client address within the window before login is refused")
      ("login-window-seconds", po::value(&s.app.login_window_seconds)->default_value(15 * 60),
       "the window for counting failed logins")
      ("expect-head", po::value(&s.expect_head),
       "audit verify: a head printed by an earlier run (ID:HASH); fails when that row no longer has that hash")
      ("retention-closed-case-days", po::value(&s.app.retention.closed_case_days)->default_value(730),
       "days a closed case is kept after its closure")
      ("retention-signal-days", po::value(&s.app.retention.signal_days)->default_value(183),
       "days a decided signal that led to no case is kept after its last decision")
      ("retention-access-log-days", po::value(&s.app.retention.access_log_days)->default_value(1826),
       "days an access log row is kept")
      ("purge-interval-seconds", po::value(&s.app.purge_interval_seconds)->default_value(24 * 60 * 60),
       "how often the server purges what is past its retention period (0: never)")
      ("dry-run", po::bool_switch(&s.dry_run), "purge: only count what is past its period")
      ("to", po::value(&s.backup_to), "backup: the new (or empty) folder to copy into");
  return o;
}

// Parses flags, environment and file. Returns the command, or "" after printing help or an error.
std::string parse(int argc, char** argv, Settings& s, int& exit_code) {
  po::options_description opts = option_table(s);
  po::options_description hidden;
  hidden.add_options()("command", po::value<std::string>())("subcommand", po::value(&s.subcommand));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("command", 1).add("subcommand", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::store(po::parse_environment(opts,
                                    [&opts](const std::string& env) -> std::string {
                                      if (env.rfind("VOORDEUR_", 0) != 0) return {};
                                      std::string name = env.substr(9);
                                      for (char& c : name) c = c == '_' ? '-' : static_cast<char>(std::tolower(c));
                                      return opts.find_nothrow(name, false) ? name : std::string{};
                                    }),
              vm);
    if (vm.count("config")) {
      const std::string path = vm["config"].as<std::string>();
      std::ifstream file(path);
      if (!file) throw std::runtime_error("cannot read configuration file " + path);
      po::store(po::parse_config_file(file, opts), vm);
    }
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "voordeur: " << e.what() << "\n\n" << kUsage << "\nRun 'voordeur --help' for all options.\n";
    exit_code = 2;
    return {};
  }
  if (vm.count("help") || !vm.count("command")) {
    std::cout << kUsage << "\n" << opts << "\n";
    exit_code = vm.count("help") ? 0 : 2;
    return {};
  }
  return vm["command"].as<std::string>();
}

// Fills in the default database, <data-dir>/voordeur.db, when none is given.
void default_database(Settings& s) {
  if (s.database.empty()) s.database = "sqlite:" + (std::filesystem::path(s.data_dir) / "voordeur.db").string();
}

std::unique_ptr<store::Database> open_and_migrate(Settings& s) {
  if (s.database.empty()) std::filesystem::create_directories(s.data_dir);
  default_database(s);
  auto db = store::open_database(s.database);
  int applied = store::migrate(*db);
  log::info("migrations", {{"applied", applied}, {"schema_version", store::latest_schema_version()}});
  return db;
}

// The common passwords, read once at start. A missing file leaves only the other strength rules,
// with a warning, so that a machine without john-data still serves.
domain::CommonPasswords load_common_passwords(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    log::warn("common_passwords_missing", {{"path", path}});
    return {};
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto list = domain::CommonPasswords::parse(text);
  log::info("common_passwords", {{"count", static_cast<std::int64_t>(list.size())}});
  return list;
}

std::string key_file(const Settings& s) {
  if (!s.key_file.empty()) return s.key_file;
  std::filesystem::create_directories(s.data_dir);
  return (std::filesystem::path(s.data_dir) / "voordeur.key").string();
}

// The access-log spool (store/sqlite/access_log_spool.h): beside a SQLite database file, in the
// data directory for PostgreSQL. Call after open_and_migrate() has filled in s.database.
std::string access_log_spool(const Settings& s) {
  if (!s.access_log_spool.empty()) return s.access_log_spool;
  if (const auto file = store::sqlite_file(s.database)) return *file + "-access-spool";
  std::filesystem::create_directories(s.data_dir);
  return (std::filesystem::path(s.data_dir) / "access-log-spool.db").string();
}

// Where the signed consent scans are kept (app/scan_files.h).
std::filesystem::path scan_dir(const Settings& s) { return std::filesystem::path(s.data_dir) / "scans"; }

// Migrates, then loads the key (store/field_crypto.h) so that sensitive fields are encrypted.
std::unique_ptr<store::Database> open_with_key(Settings& s) {
  auto db = open_and_migrate(s);
  app::SystemClock clock;
  const auto started = app::start_encryption(*db, key_file(s), clock.now());
  log::info("encryption", {{"key_id", started.key_id}, {"sealed_at_start", started.sealed}});
  return db;
}

std::vector<std::string> split_roles(const std::string& text) {
  std::vector<std::string> roles;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t comma = std::min(text.find(',', pos), text.size());
    std::string role = text.substr(pos, comma - pos);
    role.erase(0, role.find_first_not_of(' '));
    role.erase(role.find_last_not_of(' ') + 1);
    if (!role.empty()) roles.push_back(role);
    pos = comma + 1;
  }
  return roles;
}

int rotate_key(Settings& s) {
  auto db = open_and_migrate(s);
  app::SystemClock clock;
  const app::ScanFiles scans(scan_dir(s));
  const auto rotation = app::rotate_key(*db, key_file(s), clock.now(),
                                        [&](const store::KeyRing& ring) { return std::int64_t{scans.reseal(ring)}; });
  std::cout << "Key rotated: " << rotation.old_key_id << " -> " << rotation.new_key_id << ", " << rotation.resealed
            << " values and " << rotation.files << " scan files re-encrypted. Back up the new key file "
            << key_file(s) << ".\n";
  return 0;
}

int backup(Settings& s) {
  if (s.backup_to.empty()) {
    std::cerr << "voordeur backup: give the folder to copy into, e.g. 'voordeur backup --to /backups/2026-11-23'\n";
    return 2;
  }
  default_database(s);
  const app::ScanFiles scans(scan_dir(s));
  const auto report = app::backup({store::sqlite_file(s.database), access_log_spool(s), &scans}, s.backup_to);
  if (!report) {
    std::cerr << "voordeur backup: " << report.error().message << "\n";
    return 1;
  }
  std::cout << "Backed up into " << report->folder.string() << ": "
            << (report->database ? "the database, " : "") << (report->spool ? "the access-log spool, " : "")
            << report->scan_files << " consent scan files.\n";
  if (!report->database) std::cout << "The PostgreSQL database itself is not in it: back it up now with pg_dump.\n";
  std::cout << "The key file " << key_file(s) << " is not in the backup: keep a copy of it apart from the backups.\n";
  return 0;
}

int serve(Settings& s) {
  if (s.access_log_flush_ms < 1 || s.access_log_flush_ms > 600000) {
    std::cerr << "voordeur serve: --access-log-flush-ms must be from 1 to 600000\n";
    return 2;
  }
  s.app.require_2fa_roles = split_roles(s.require_2fa_roles);
  for (const auto& role : s.app.require_2fa_roles) {
    if (!domain::vocab::contains(domain::vocab::roles, role)) {
      std::cerr << "voordeur serve: --require-2fa-roles names the unknown role '" << role << "'\n";
      return 2;
    }
  }
  auto db = open_with_key(s);
  app::SystemClock clock;
  app::AuthService auth(*db, clock, s.app);
  const auto common_passwords = load_common_passwords(s.common_passwords);
  app::AccountService accounts(*db, clock, &common_passwords);
  // Declared before the server, so it is destroyed after it: reads queued by the last requests are
  // written when serve returns (SIGTERM).
  app::AccessLog::Options log_options;
  log_options.flush_interval = std::chrono::milliseconds(s.access_log_flush_ms);
  log_options.spool_path = access_log_spool(s);
  app::AccessLog access_log(*db, clock, log_options);
  app::SignalService signals(*db, clock, access_log);
  app::CaseService cases(*db, clock, access_log);
  app::PreparationService preparation(*db, clock, access_log);
  app::PersistenceService persistence(*db, clock, cases);
  app::AccessLogService access_log_queries(*db, access_log);
  const app::ScanFiles scans(scan_dir(s));
  app::RetentionService retention(*db, clock, s.app.retention, s.app.purge_interval_seconds, &access_log, &scans);
  app::ConsentService consents(*db, clock, access_log, scan_dir(s));
  app::RoleService roles(*db, clock);
  http::Api api{*db, auth, accounts, signals, cases, preparation, persistence, access_log_queries, retention, consents, roles};
  http::Router router;
  http::register_routes(router, api);

  http::ServerConfig config;
  config.address = s.address;
  config.port = static_cast<unsigned short>(s.port);
  config.io_threads = s.io_threads;
  config.worker_threads = s.worker_threads;
  config.static_dir = s.static_dir;
  config.public_https = s.public_https;
  http::Server server(config, router);
  server.listen();
  app::PurgeTimer purge_timer(retention, s.app.purge_interval_seconds);
  server.run();
  access_log.stop();
  log::info("stopped");
  return 0;
}

int demo(Settings& s) {
  auto db = open_with_key(s);
  app::SystemClock clock;
  auto summary = app::create_demo(*db, clock);
  if (!summary) {
    std::cerr << "voordeur demo: " << summary.error().message << "\n";
    return 1;
  }
  std::cout << "Demo data created: " << summary->signals << " signals, " << summary->cases << " cases, "
            << summary->contacts << " contacts, " << summary->consents << " consents, " << summary->exchanges
            << " information exchanges.\nLog in with password '" << app::kDemoPassword << "' as:";
  for (const auto& u : summary->usernames) std::cout << " " << u;
  std::cout << "\n";
  for (const auto& u : summary->totp_usernames) std::cout << u << " ";
  std::cout << "log in with a TOTP code of the demo secret " << app::kDemoTotpSecret << " (demo databases only).\n";
  return 0;
}

int audit(Settings& s) {
  if (s.subcommand != "verify") {
    std::cerr << "voordeur audit: use 'voordeur audit verify [--expect-head ID:HASH]'\n";
    return 2;
  }
  std::optional<std::pair<std::int64_t, std::string>> expect;
  if (!s.expect_head.empty()) {
    const auto colon = s.expect_head.find(':');
    std::int64_t id = 0;
    try {
      id = colon == std::string::npos ? 0 : std::stoll(s.expect_head.substr(0, colon));
    } catch (const std::exception&) {
      id = 0;
    }
    if (id <= 0 || colon + 1 >= s.expect_head.size()) {
      std::cerr << "voordeur audit verify: --expect-head must look like 42:<hash>, as printed by an earlier run\n";
      return 2;
    }
    expect.emplace(id, s.expect_head.substr(colon + 1));
  }
  auto db = open_and_migrate(s);
  app::SystemClock clock;
  app::AccessLog access_log(*db, clock);
  const auto v = access_log.verify(expect);
  if (!v) {
    std::cerr << "voordeur audit verify: " << v.error().message << "\n";
    return 1;
  }
  if (!v->ok) {
    std::cout << "access log NOT OK: " << v->problem;
    if (v->first_bad_id) std::cout << " (first bad row: id " << *v->first_bad_id << ")";
    std::cout << "\n";
    return 1;
  }
  std::cout << "access log OK: " << v->rows_checked << " rows checked; head " << v->head_id << ":" << v->head_hash
            << "\nKeep this head somewhere else and pass it as --expect-head next time to detect a rewritten log.\n";
  return 0;
}

int purge(Settings& s) {
  auto db = open_with_key(s);
  app::SystemClock clock;
  app::AccessLog access_log(*db, clock);
  const app::ScanFiles scans(scan_dir(s));
  app::RetentionService retention(*db, clock, s.app.retention, 0, &access_log, &scans);
  auto report = retention.purge(s.dry_run);
  access_log.stop();
  if (!report) {
    std::cerr << "voordeur purge: " << report.error().message << "\n";
    return 1;
  }
  std::cout << (report->dry_run ? "Past their retention period (nothing deleted): " : "Deleted: ") << report->cases
            << " closed cases, " << report->signals << " signals without a case";
  if (!report->dry_run) {
    std::cout << ", " << report->persons << " persons no longer referenced, " << report->access_log_rows
              << " access log rows";
  }
  std::cout << ".\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Settings s;
  int exit_code = 0;
  const std::string command = parse(argc, argv, s, exit_code);
  if (command.empty()) return exit_code;
  log::Level level;
  if (!log::parse_level(s.log_level, level)) {
    std::cerr << "voordeur: --log-level must be debug, info, warn or error\n";
    return 2;
  }
  log::set_level(level);
  if (const std::string bad = domain::invalid_retention_period(s.app.retention); !bad.empty()) {
    std::cerr << "voordeur: --" << bad << " must be a whole number of days, at least 1\n";
    return 2;
  }
  setenv("TZ", s.timezone.c_str(), 1);
  tzset();
  try {
    if (command == "serve") return serve(s);
    if (command == "migrate") {
      open_and_migrate(s);
      return 0;
    }
    if (command == "demo") return demo(s);
    if (command == "audit") return audit(s);
    if (command == "purge") return purge(s);
    if (command == "rotate-key") return rotate_key(s);
    if (command == "backup") return backup(s);
  } catch (const std::exception& e) {
    std::cerr << "voordeur " << command << ": " << e.what() << "\n";
    return 1;
  }
  std::cerr << "voordeur: unknown command '" << command << "'\n\n" << kUsage;
  return 2;
}
