#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H

#include <curl/curl.h>

// Swift cannot call C variadic functions, and `curl_easy_setopt`, `curl_easy_getinfo` and
// `curl_multi_setopt` are variadic. Each shim below fixes the type of the third argument, so Swift
// sees an ordinary function. The caller still picks an option whose documented type matches.

/// `curl_easy_setopt` for options that take a `long`.
static inline CURLcode CCurl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// `curl_easy_setopt` for options that take a `curl_off_t`, such as `CURLOPT_MAXFILESIZE_LARGE`.
static inline CURLcode CCurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// `curl_easy_setopt` for options that take a C string; libcurl copies the string.
static inline CURLcode CCurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// `curl_easy_setopt` for options that take an object pointer (`CURLOPT_WRITEDATA`,
/// `CURLOPT_ERRORBUFFER`, `CURLOPT_HTTPHEADER`); libcurl keeps the pointer, not a copy.
static inline CURLcode CCurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// `curl_easy_setopt` for `CURLOPT_WRITEFUNCTION`.
static inline CURLcode CCurl_easy_setopt_write_callback(CURL *handle, CURLoption option,
                                                        curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/// `curl_easy_getinfo` for informations returned as a `long`, such as `CURLINFO_RESPONSE_CODE`.
static inline CURLcode CCurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// `curl_multi_setopt` for options that take a `long`.
static inline CURLMcode CCurl_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

/// `CURLAUTH_BASIC`, whose macro contains a cast that Swift does not import.
static inline unsigned long CCurl_auth_basic(void) {
    return CURLAUTH_BASIC;
}

#endif
