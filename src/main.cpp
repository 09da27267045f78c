// voordeur: the one binary. Sub-commands: serve, migrate, demo.
// Configuration, lowest to highest precedence: defaults, the file given by --config (INI-style
// key = value), environment variables VOORDEUR_<OPTION> (e.g. VOORDEUR_PORT), command-line flags.
#include <boost/program_options.hpp>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "app/accounts.h"
#include "app/auth.h"
#include "app/cases.h"
#include "app/clock.h"
#include "app/demo.h"
#include "app/log.h"
#include "app/signals.h"
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
    "  demo      migrate, then fill an empty database with demo teams, users, signals and cases\n";

struct Settings {
  std::string database;
  std::string data_dir;
  std::string static_dir;
  std::string common_passwords;
  std::string address;
  int port = 8080;
  std::string log_level;
  std::string timezone;
  int io_threads = 2;
  int worker_threads = 4;
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
      ("static-dir", po::value(&s.static_dir)->default_value("web/dist"), "directory of the built web app")
      ("common-passwords", po::value(&s.common_passwords)->default_value("/usr/share/john/password.lst"),
       "list of common passwords refused for users, one a line (Debian package john-data)")
      ("address", po::value(&s.address)->default_value("127.0.0.1"), "address to listen on")
      ("port", po::value(&s.port)->default_value(8080), "port to listen on (0: any free port)")
      ("log-level", po::value(&s.log_level)->default_value("info"), "debug, info, warn or error")
      ("timezone", po::value(&s.timezone)->default_value("Europe/Amsterdam"), "time zone for local dates")
      ("io-threads", po::value(&s.io_threads)->default_value(2), "network threads")
      ("worker-threads", po::value(&s.worker_threads)->default_value(4), "request handler threads")
      ("session-idle-seconds", po::value(&s.app.session_idle_seconds)->default_value(30 * 60),
       "a session ends after this long without requests")
      ("session-absolute-seconds", po::value(&s.app.session_absolute_seconds)->default_value(12 * 60 * 60),
       "a session ends this long after login")
      ("login-account-limit", po::value(&s.app.login_account_limit)->default_value(5),
       "failed logins per account within the window before login is refused")
      ("login-address-limit", po::value(&s.app.login_address_limit)->default_value(20),
       "failed logins per client address within the window before login is refused")
      ("login-window-seconds", po::value(&s.app.login_window_seconds)->default_value(15 * 60),
       "the window for counting failed logins");
  return o;
}

// Parses flags, environment and file. Returns the command, or "" after printing help or an error.
std::string parse(int argc, char** argv, Settings& s, int& exit_code) {
  po::options_description opts = option_table(s);
  po::options_description hidden;
  hidden.add_options()("command", po::value<std::string>());
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("command", 1);
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

std::unique_ptr<store::Database> open_and_migrate(Settings& s) {
  if (s.database.empty()) {
    std::filesystem::create_directories(s.data_dir);
    s.database = "sqlite:" + (std::filesystem::path(s.data_dir) / "voordeur.db").string();
  }
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

int serve(Settings& s) {
  auto db = open_and_migrate(s);
  app::SystemClock clock;
  app::AuthService auth(*db, clock, s.app);
  const auto common_passwords = load_common_passwords(s.common_passwords);
  app::AccountService accounts(*db, clock, &common_passwords);
  app::SignalService signals(*db, clock);
  app::CaseService cases(*db, clock);
  app::PreparationService preparation(*db, clock);
  app::PersistenceService persistence(*db, clock, cases);
  app::RoleService roles(*db, clock);
  http::Api api{*db, auth, accounts, signals, cases, preparation, persistence, roles};
  http::Router router;
  http::register_routes(router, api);

  http::ServerConfig config;
  config.address = s.address;
  config.port = static_cast<unsigned short>(s.port);
  config.io_threads = s.io_threads;
  config.worker_threads = s.worker_threads;
  config.static_dir = s.static_dir;
  http::Server server(config, router);
  server.listen();
  server.run();
  log::info("stopped");
  return 0;
}

int demo(Settings& s) {
  auto db = open_and_migrate(s);
  app::SystemClock clock;
  auto summary = app::create_demo(*db, clock);
  if (!summary) {
    std::cerr << "voordeur demo: " << summary.error().message << "\n";
    return 1;
  }
  std::cout << "Demo data created: " << summary->signals << " signals, " << summary->cases << " cases, "
            << summary->contacts << " contacts.\nLog in with password '" << app::kDemoPassword << "' as:";
  for (const auto& u : summary->usernames) std::cout << " " << u;
  std::cout << "\n";
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
  setenv("TZ", s.timezone.c_str(), 1);
  tzset();
  try {
    if (command == "serve") return serve(s);
    if (command == "migrate") {
      open_and_migrate(s);
      return 0;
    }
    if (command == "demo") return demo(s);
  } catch (const std::exception& e) {
    std::cerr << "voordeur " << command << ": " << e.what() << "\n";
    return 1;
  }
  std::cerr << "voordeur: unknown command '" << command << "'\n\n" << kUsage;
  return 2;
}
