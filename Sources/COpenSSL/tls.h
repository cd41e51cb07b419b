#ifndef COPENSSL_TLS_H
#define COPENSSL_TLS_H

#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

/* Fixed-argument wrappers for the TLS settings OpenSSL only offers as macros
   (which Swift does not import, because they cast or expand to SSL_ctrl).
   Nothing here keeps state. */

/* Refuses every protocol older than TLS 1.2. Returns 1 on success. */
static inline int COpenSSL_ctx_set_min_tls12(SSL_CTX *ctx) {
    return (int)SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
}

/* Test-only narrowing: also refuses every protocol newer than `version`
   (such as TLS1_2_VERSION). Returns 1 on success. */
static inline int COpenSSL_ctx_set_max_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

/* Turns off TLS compression and renegotiation, and lets the server pick the
   cipher order. */
static inline void COpenSSL_ctx_harden(SSL_CTX *ctx) {
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
}

/* Sends `name` as the server name indication. Returns 1 on success. */
static inline int COpenSSL_set_sni(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

/* Makes an empty memory BIO ask the reader to retry instead of reporting
   end of file, as a network socket would. */
static inline void COpenSSL_bio_retry_when_empty(BIO *bio) {
    (void)BIO_set_mem_eof_return(bio, -1);
}

#endif
