// Test support: reads the tab-separated tables in testdata/ (test code only, not part of the library).
// Format: lines starting with '#' are comments, blank lines are skipped, the first other line names
// the columns, every following line is one case. Cells are separated by one tab. The cell "-" stands
// for an empty or absent value, "(spaces)" for a value of three spaces.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "domain/errors.h"

namespace voordeur::domain::testing {

struct Row {
  std::string where;  // "file:line", for failure messages
  std::vector<std::string> cells;
  const std::string& operator[](std::size_t i) const { return cells.at(i); }
  bool absent(std::size_t i) const { return cells.at(i) == "-"; }
  // The cell's value with "-" and "(spaces)" expanded.
  std::string value(std::size_t i) const {
    if (absent(i)) return "";
    if (cells.at(i) == "(spaces)") return "   ";
    return cells.at(i);
  }
};

inline std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cells;
  std::string::size_type start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return cells;
    start = tab + 1;
  }
}

// All rows of testdata/<name>; every row has at least `columns` cells (the rest, if any, are remarks).
inline std::vector<Row> read_table(const std::string& name, std::size_t columns) {
  const std::string path = std::string(DOMAIN_TESTDATA) + "/" + name;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::vector<Row> rows;
  std::string line;
  bool header_seen = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cells = split_tabs(line);
    const std::string where = name + ":" + std::to_string(number);
    EXPECT_GE(cells.size(), columns) << where << " has too few cells";
    if (cells.size() < columns) continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    rows.push_back(Row{where, std::move(cells)});
  }
  EXPECT_FALSE(rows.empty()) << path << " has no cases";
  return rows;
}

// "field:code" of each error, sorted and joined by spaces; "-" when there are none. Tables write
// their expected errors the same way.
inline std::string summary(const std::vector<FieldError>& errors) {
  std::vector<std::string> parts;
  for (const auto& e : errors) parts.push_back(e.field + ":" + e.code);
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out.empty() ? "-" : out;
}

inline std::string normalised(const std::string& expected) {
  std::istringstream in(expected);
  std::vector<std::string> parts;
  for (std::string p; in >> p;)
    if (p != "-") parts.push_back(p);
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out.empty() ? "-" : out;
}

}  // namespace voordeur::domain::testing
