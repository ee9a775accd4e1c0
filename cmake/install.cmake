# Install rules and the .deb (CPack DEB).  Included by CMakeLists.txt.
#
#   bin/                      tracuu-index, tracuu-search
#   lib/cgi-bin/              tracuu.cgi (Debian's place for CGI programs)
#   LIBDIR/                   libtracuu.so.X.Y.Z (SONAME libtracuu.so.X), tracuu.pc
#   include/tracuu/           the public headers
#   share/man/man1, man5      tracuu-index(1), tracuu-search(1), tracuu.conf(5)
#   share/tracuu/             the data lists (compiled in; here for reference)
#   SYSCONFDIR/               tracuu.conf, the web-server snippets
#   lib/systemd/system/       the watch service, the nightly timer
# SYSCONFDIR is /etc when the prefix is /usr (the .deb), PREFIX/etc else.
# Nothing of the source or build tree is compiled into the programs: the
# data they need is compiled in, the configuration is /etc/tracuu.conf.
include(GNUInstallDirs)

set(TRACUU_CGI_DIR lib/cgi-bin)
set(TRACUU_CGI "${CMAKE_INSTALL_PREFIX}/${TRACUU_CGI_DIR}/tracuu.cgi")
set(TRACUU_FCGIWRAP_SOCKET /run/fcgiwrap.socket)
set(TRACUU_ETC "${CMAKE_INSTALL_FULL_SYSCONFDIR}")
set(TRACUU_UNIT_DIR lib/systemd/system)

# A prefix other than /usr: the programs find libtracuu.so next to them.
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set_target_properties(tracuu-index tracuu-search PROPERTIES
    INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
  if(TARGET tracuu.cgi)
    set_target_properties(tracuu.cgi PROPERTIES
      INSTALL_RPATH "$ORIGIN/../../${CMAKE_INSTALL_LIBDIR}")
  endif()
endif()

install(TARGETS tracuu-index tracuu-search RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET tracuu.cgi)
  install(TARGETS tracuu.cgi RUNTIME DESTINATION ${TRACUU_CGI_DIR})
endif()
install(TARGETS tracuu_shared LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        NAMELINK_COMPONENT Unspecified)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/include/tracuu
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")

set(TRACUU_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
set(TRACUU_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
configure_file(${CMAKE_SOURCE_DIR}/packaging/tracuu.pc.in
               ${CMAKE_BINARY_DIR}/packaging/tracuu.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/packaging/tracuu.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(FILES ${CMAKE_SOURCE_DIR}/docs/man/tracuu-index.1
              ${CMAKE_SOURCE_DIR}/docs/man/tracuu-search.1
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_SOURCE_DIR}/docs/man/tracuu.conf.5
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/data/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/tracuu)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/deploy.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Configuration and web-server snippets (conffiles in the .deb).
foreach(web lighttpd apache2 nginx)
  configure_file(${CMAKE_SOURCE_DIR}/packaging/web/${web}-tracuu.conf.in
                 ${CMAKE_BINARY_DIR}/packaging/${web}-tracuu.conf @ONLY)
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/packaging/tracuu.conf DESTINATION ${TRACUU_ETC})
install(FILES ${CMAKE_BINARY_DIR}/packaging/lighttpd-tracuu.conf
        DESTINATION ${TRACUU_ETC}/lighttpd/conf-available RENAME 50-tracuu.conf)
install(FILES ${CMAKE_BINARY_DIR}/packaging/apache2-tracuu.conf
        DESTINATION ${TRACUU_ETC}/apache2/conf-available RENAME tracuu.conf)
install(FILES ${CMAKE_BINARY_DIR}/packaging/nginx-tracuu.conf
        DESTINATION ${TRACUU_ETC}/nginx/snippets RENAME tracuu.conf)

# systemd: a watch service and a nightly timer, both as user tracuu.
foreach(unit tracuu-index.service tracuu-index-watch.service)
  configure_file(${CMAKE_SOURCE_DIR}/packaging/systemd/${unit}.in
                 ${CMAKE_BINARY_DIR}/packaging/${unit} @ONLY)
  install(FILES ${CMAKE_BINARY_DIR}/packaging/${unit} DESTINATION ${TRACUU_UNIT_DIR})
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/packaging/systemd/tracuu-index.timer
        DESTINATION ${TRACUU_UNIT_DIR})

# The .deb: cpack -G DEB in a build configured with -DCMAKE_INSTALL_PREFIX=/usr
# (scripts/build-deb.sh).  Run-time libraries are found by dpkg-shlibdeps.
file(WRITE ${CMAKE_BINARY_DIR}/packaging/conffiles
  "${TRACUU_ETC}/tracuu.conf\n"
  "${TRACUU_ETC}/lighttpd/conf-available/50-tracuu.conf\n"
  "${TRACUU_ETC}/apache2/conf-available/tracuu.conf\n"
  "${TRACUU_ETC}/nginx/snippets/tracuu.conf\n")
set(CPACK_PACKAGE_NAME tracuu)
set(CPACK_PACKAGE_VENDOR "tracuu")
set(CPACK_PACKAGE_CONTACT "tracuu maintainers <tracuu@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "full-text search for archives of Vietnamese documents")
set(CPACK_PACKAGE_DESCRIPTION
"tracuu indexes folders of documents (plain text in Unicode and legacy
Vietnamese encodings, HTML, Word, OpenDocument, PDF, RTF, and with OCR
scanned PDFs and images) and searches them with or without diacritics,
by document number, date, issuer and model.  It ships tracuu-index,
tracuu-search, a CGI search page with lighttpd, Apache and nginx
snippets, systemd units that keep the index current, and libtracuu.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS
    "${CMAKE_BINARY_DIR}")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libmagic-mgc, passwd")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "poppler-utils, antiword, catdoc, tesseract-ocr-vie, man-db")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "lighttpd | apache2 | nginx, fcgiwrap")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_BINARY_DIR}/packaging/conffiles
    ${CMAKE_SOURCE_DIR}/packaging/debian/postinst
    ${CMAKE_SOURCE_DIR}/packaging/debian/prerm
    ${CMAKE_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
