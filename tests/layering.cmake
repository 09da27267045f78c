# Fails when a layer includes a layer it may not depend on (../shared/architecture.md):
# domain includes nothing of ours; store includes only domain; app includes domain and store;
# http may include everything below it.
set(rules "domain:store/|app/|http/" "store:app/|http/" "app:http/")
foreach(rule IN LISTS rules)
  string(REPLACE ":" ";" parts "${rule}")
  list(GET parts 0 layer)
  list(GET parts 1 forbidden)
  file(GLOB_RECURSE files "${SRC}/${layer}/*.h" "${SRC}/${layer}/*.cpp")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" lines REGEX "^#include \"(${forbidden})")
    if(lines)
      message(FATAL_ERROR "layering: ${f} includes ${lines}; ${layer}/ may not depend on it")
    endif()
  endforeach()
endforeach()
message(STATUS "layering: ok")
